"""Translation memories: list, stats, delete, fuzzy search and concordance."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ValidationError
from ..languages import detect_language, normalize_lang
from ..search.tm import TmMatch, concordance, fuzzy_matches
from .workspace import Workspace

__all__ = ["MemoryStats", "SearchResult", "delete_memory", "list_memories", "memory_stats", "search_memory"]


@dataclass(frozen=True)
class MemoryStats:
    """A memory and what it holds: units, texts per language, units per source language, times."""

    name: str
    units: int
    texts: dict[str, int]
    source_langs: dict[str, int]
    created: str | None = None
    modified: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "units": self.units, "texts": dict(self.texts),
                "source_langs": dict(self.source_langs), "created": self.created, "modified": self.modified}


@dataclass(frozen=True)
class SearchResult:
    """The matches of one query, best first (fuzzy) or in memory order (concordance)."""

    query: str
    lang: str
    matches: tuple[TmMatch, ...]
    concordance: bool = False

    def to_dict(self) -> dict:
        return {"query": self.query, "lang": self.lang, "matches": [m.to_dict() for m in self.matches]}


def list_memories(ws: Workspace) -> list[MemoryStats]:
    """Every memory of the termbase with its counts, by name."""
    return [memory_stats(ws, name) for name in ws.store.memories.names()]


def memory_stats(ws: Workspace, name: str) -> MemoryStats:
    """A memory's counts; :class:`~termbase.errors.NotFound` naming the memories there are."""
    s = ws.store.memories.stats(name)
    return MemoryStats(name, s["units"], s["texts"], s["source_langs"], s["created"], s["modified"])


def delete_memory(ws: Workspace, name: str, *, confirmed: bool = False) -> int:
    """Delete a memory and its units (and their index entries); how many units went. A memory that
    holds units is only deleted when ``confirmed`` (``needs="yes"`` otherwise)."""
    info = memory_stats(ws, name)
    if info.units and not confirmed:
        raise ValidationError(f"memory {name!r} holds {info.units} unit(s); confirm to delete it", needs="yes")
    return ws.store.memories.remove(name)


def search_memory(
    ws: Workspace,
    query: str,
    memory: str,
    *,
    lang: str | None = None,
    target_langs: list[str] | None = None,
    min_score: int = 70,
    limit: int = 10,
    concordance_of_words: bool = False,
) -> SearchResult:
    """Fuzzy matches of ``query`` in ``memory`` (or, ``concordance_of_words``, the units holding its
    words in any form). ``lang`` is the query's language (detected when None); ``target_langs``
    keeps the units that have one of them."""
    if not 0 <= min_score <= 100:
        raise ValidationError(f"min-score must be between 0 and 100, not {min_score}")
    if limit < 1:
        raise ValidationError(f"limit must be at least 1, not {limit}")
    memory_stats(ws, memory)  # NotFound naming the memories there are
    code = normalize_lang(lang) if lang else detect_language(query)
    targets = [normalize_lang(t) for t in target_langs] if target_langs else None
    if not query.strip():
        raise ValidationError("empty query")
    if concordance_of_words:
        found = concordance(ws.store.memories, memory, query, code, target_langs=targets, limit=limit)
    else:
        found = fuzzy_matches(ws.store.memories, memory, query, code, target_langs=targets, min_score=min_score,
                              limit=limit)
    return SearchResult(query, code, tuple(found), concordance_of_words)
