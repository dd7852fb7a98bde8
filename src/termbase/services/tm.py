"""Translation memories: list, stats, delete, fuzzy search and concordance."""

from __future__ import annotations

from dataclasses import dataclass

from pathlib import Path
from typing import BinaryIO

from ..errors import UnsupportedFormat, ValidationError
from ..formats import format_for, formats_that
from ..fsutil import Source
from ..languages import KK_LATN, detect_language, kazakh_to_cyrillic, kazakh_to_latin, normalize_lang
from ..models import Fill, FillRequest, FillStats, TranslationUnit
from ..search.tm import TmMatch, concordance, fuzzy_matches
from .progress import Progress, report
from .workspace import Workspace

__all__ = [
    "MemoryStats", "PretranslateResult", "SearchResult", "delete_memory", "list_memories", "memory_stats",
    "pretranslate", "search_memory", "UnitPage", "list_units", "edit_unit", "remove_unit", "unit_to_dict",
]


def unit_to_dict(unit: TranslationUnit) -> dict:
    """A stored unit as JSON: id, texts by language, document and position, alignment score, times."""
    return {"id": unit.id, "texts": dict(unit.texts), "source_lang": unit.source_lang, "document": unit.document,
            "position": unit.position, "score": unit.score,
            "modified": unit.modified.isoformat() if unit.modified else None}


@dataclass(frozen=True)
class UnitPage:
    """One page of a memory's units (``total`` match the filter)."""

    memory: str
    total: int
    offset: int
    units: tuple[TranslationUnit, ...]
    max_score: float | None = None

    def to_dict(self) -> dict:
        return {"memory": self.memory, "total": self.total, "offset": self.offset, "max_score": self.max_score,
                "units": [unit_to_dict(u) for u in self.units]}


def list_units(ws: Workspace, memory: str, *, max_score: float | None = None, limit: int = 50,
               offset: int = 0) -> UnitPage:
    """A memory's units in document order, one page; with ``max_score`` only the doubtful ones (aligned
    with a score under it), for cleaning a memory before exporting it."""
    if limit < 1 or offset < 0:
        raise ValidationError("limit must be at least 1 and offset at least 0")
    if max_score is not None and not 0 <= max_score <= 1:
        raise ValidationError(f"max-score must be between 0 and 1, not {max_score}")
    total, units = ws.store.memories.page_units(memory, max_score=max_score, limit=limit, offset=offset)
    return UnitPage(memory, total, offset, tuple(units), max_score)


def edit_unit(ws: Workspace, unit_id: int, texts: dict[str, str], *, actor: str | None = None) -> TranslationUnit:
    """Correct a unit's texts (``{"en": "...", "ru": "..."}``; the languages not given keep theirs, an
    empty text drops its language). At least two languages must remain. Recorded with ``actor``."""
    old = ws.store.memories.get_unit(unit_id)
    new = dict(old.texts)
    for lang, text in texts.items():
        code = normalize_lang(lang)
        text = " ".join((text or "").split())
        if text:
            new[code] = text
        else:
            new.pop(code, None)
    if len(new) < 2:
        raise ValidationError(f"unit {unit_id} would keep fewer than two languages; remove it instead")
    return ws.store.memories.update_unit(unit_id, new, actor=actor)


def remove_unit(ws: Workspace, unit_id: int, *, actor: str | None = None) -> TranslationUnit:
    """Delete one unit of a memory (recorded with ``actor``); returns it as it was."""
    return ws.store.memories.remove_unit(unit_id, actor=actor)


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
    if not query.strip():
        raise ValidationError("empty query")
    memory_stats(ws, memory)  # NotFound naming the memories there are
    code = normalize_lang(lang) if lang else detect_language(query)
    targets = [normalize_lang(t) for t in target_langs] if target_langs else None
    # Kazakh is searched in both its scripts: the query as written, and transliterated into the other
    # script when the memory holds Kazakh texts in it.
    searches = [(code, query)]
    if code in ("kk", KK_LATN):
        other = KK_LATN if code == "kk" else "kk"
        if ws.store.memories.stats(memory)["texts"].get(other):
            searches.append((other, kazakh_to_latin(query) if other == KK_LATN else kazakh_to_cyrillic(query)))
    found: list = []
    for search_lang, text in searches:
        if concordance_of_words:
            found += concordance(ws.store.memories, memory, text, search_lang, target_langs=targets, limit=limit)
        else:
            found += fuzzy_matches(ws.store.memories, memory, text, search_lang, target_langs=targets,
                                   min_score=min_score, limit=limit)
    if len(searches) > 1:  # a unit found in both scripts is listed once, as the query's script shows it
        ranked = (sorted(found, key=lambda m: (m.unit_id, m.lang != code)) if concordance_of_words
                  else sorted(found, key=lambda m: (-m.score, m.lang != code, m.unit_id)))
        seen: set[int] = set()
        found = [m for m in ranked if not (m.unit_id in seen or seen.add(m.unit_id))][:limit]
    return SearchResult(query, code, tuple(found), concordance_of_words)


@dataclass(frozen=True)
class PretranslateResult:
    """What a pre-translation did: the file read, where it went, the memory, and the counts."""

    file: str
    output: str
    memory: str
    min_score: int
    stats: FillStats

    def to_dict(self) -> dict:
        return {"file": self.file, "output": self.output, "memory": self.memory, "min_score": self.min_score,
                **self.stats.to_dict()}


def pretranslate(
    ws: Workspace,
    file: str | Path | BinaryIO | Source,
    memory: str,
    *,
    output: str | Path = "-",
    target_lang: str | None = None,
    source_lang: str | None = None,
    min_score: int = 75,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> PretranslateResult:
    """Fill the untranslated units of a PO/POT or XLIFF file from ``memory`` and write it to ``output``
    (``-``: standard output). Each gets the target of its best fuzzy match scoring at least
    ``min_score``: 100 is final, anything less is marked for review with its score; the termbase's
    terms found in the source are noted for the translator ("National Security Committee = Комитет
    национальной безопасности"). Translated units stay unless ``overwrite``. Languages come from the
    file; ``target_lang``/``source_lang`` when it does not say (source default: the memory's).
    ``progress`` hears how many units have been looked up."""
    if not 0 <= min_score <= 100:
        raise ValidationError(f"min-score must be between 0 and 100, not {min_score}")
    # NotFound naming the memories there are; not memory_stats: counting a million units' texts took 2 s
    sources = ws.store.memories.source_langs(memory)
    src = Source.of(file)
    fmt = format_for(src, reads="pairs")
    if "translations" not in fmt.writes:
        able = ", ".join(f.name for f in formats_that(writes="translations"))
        raise UnsupportedFormat(f"{src.name}: cannot pre-translate a {fmt.name} file; formats that can: {able}",
                                needs="format")
    default_source = normalize_lang(source_lang) if source_lang else max(sources, key=sources.get)
    matcher = ws.index.matcher()
    looked_up = [0]
    report(progress, f"{src.name}: units looked up", 0)
    done: dict[tuple, Fill | None] = {}  # the same source asked again (PO contexts, XLIFF repeats): one lookup

    def fill(request: FillRequest) -> Fill | None:
        looked_up[0] += 1
        if looked_up[0] % 50 == 0:
            report(progress, f"{src.name}: units looked up", looked_up[0])
        lang = request.source_lang or default_source
        target = request.target_lang
        if not target:
            return None
        asked = (request.source, lang, target)
        if asked not in done:
            if len(done) >= 10_000:  # memory stays flat however long the file
                done.clear()
            done[asked] = _fill(request.source, lang, target)
        return done[asked]

    def _fill(source: str, lang: str, target: str) -> Fill | None:
        # Latin Kazakh: the memory's Latin text, else its Cyrillic one transliterated (never final)
        wanted = [target, "kk"] if target == KK_LATN else [target]
        # a shorter shortlist than search's, without the units tied with its last: several times
        # faster on a memory holding many variants of a sentence, a match as good for ~99% of units
        found = fuzzy_matches(ws.store.memories, memory, source, lang, target_langs=wanted,
                              min_score=min_score, limit=1, shortlist=40, ties=0)
        if not found:
            return None
        best = found[0]
        text = best.targets.get(target)
        final = best.score == 100
        if text is None:
            text, final = kazakh_to_latin(best.targets["kk"]), False
        return Fill(text, best.score, final, _term_notes(ws, matcher, source, lang, target), best.source)

    filled = fmt.write_filled(src, str(output), fill, target_lang=normalize_lang(target_lang) if target_lang else None,
                              overwrite=overwrite)
    report(progress, f"{src.name}: units looked up", looked_up[0])
    return PretranslateResult(src.name, str(output), memory, min_score, filled)


def _term_notes(ws: Workspace, matcher, text: str, lang: str, target: str) -> tuple[str, ...]:
    """"SOURCE TERM = TARGET TERM" for each concept whose term the text holds (its best target term)."""
    notes = []
    for m in matcher.find(text, lang):
        concept = ws.index.concept(m.concept_id)
        terms = [t.text for t in concept.terms_in(target) if t.status in ("preferred", "admitted")]
        if not terms and target == KK_LATN:  # the official Cyrillic term, shown in Latin (transliterated)
            terms = [kazakh_to_latin(t.text) + " (transliterated)" for t in concept.terms_in("kk")
                     if t.status in ("preferred", "admitted")]
        if terms:
            note = f"{text[m.start:m.end]} = {terms[0]}"
            if note not in notes:
                notes.append(note)
    return tuple(notes)
