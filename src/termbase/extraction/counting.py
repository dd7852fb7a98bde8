"""Counting candidate occurrences in bounded memory (lossy counting, Manku & Motwani 2002).

Every ``bucket_size`` occurrences, entries whose count cannot reach the current bucket number are
dropped. An entry that survives has its true count within ``bucket_size``-th of the occurrences seen;
an input shorter than one bucket is counted exactly. Per entry, the surface forms, contexts and
expansions kept are capped too, so memory does not grow with the size of the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: A merge key: the category ("name", "acronym" or "phrase") and the words' keys.
Key = tuple[str, tuple[str, ...]]


@dataclass
class Stats:
    """What is known about one candidate (merged over its inflected forms)."""

    key: Key
    frequency: int = 0
    inner: int = 0  # occurrences not at the start of a sentence
    delta: int = 0  # lossy counting: how many occurrences may have been missed before it was tracked
    forms: dict[str, list] = field(default_factory=dict)  # surface -> [count, words]
    written: set[str] = field(default_factory=set)  # surfaces seen where the grammar keeps the citation form
    kinds: dict[str, int] = field(default_factory=dict)
    contexts: list[str] = field(default_factory=list)
    expansions: dict[Key, list] = field(default_factory=dict)  # expansion key -> [count, surface, words]


class Counter:
    """Candidate statistics with bounded memory."""

    def __init__(self, *, bucket_size: int = 50_000, max_forms: int = 20, max_contexts: int = 3,
                 max_expansions: int = 5):
        self.bucket_size = bucket_size
        self.max_forms = max_forms
        self.max_contexts = max_contexts
        self.max_expansions = max_expansions
        self.entries: dict[Key, Stats] = {}
        self.seen = 0
        self._bucket = 1

    def add(self, key: Key, kind: str, surface: str, words: tuple[str, ...], *, initial: bool,
            context: str | None, expansion: tuple[Key, str, tuple[str, ...]] | None = None,
            as_written: bool = False) -> None:
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = Stats(key, delta=self._bucket - 1)
        entry.frequency += 1
        if not initial:
            entry.inner += 1
        form = entry.forms.get(surface)
        if form is not None:
            form[0] += 1
        elif len(entry.forms) < self.max_forms:
            entry.forms[surface] = [1, words]
        if as_written and surface in entry.forms:
            entry.written.add(surface)
        entry.kinds[kind] = entry.kinds.get(kind, 0) + 1
        if context is not None and len(entry.contexts) < self.max_contexts and context not in entry.contexts:
            entry.contexts.append(context)
        if expansion is not None:
            ekey, esurface, ewords = expansion
            hit = entry.expansions.get(ekey)
            if hit is not None:
                hit[0] += 1
            elif len(entry.expansions) < self.max_expansions:
                entry.expansions[ekey] = [1, esurface, ewords]
        self.seen += 1
        if self.seen % self.bucket_size == 0:
            self._prune()

    def _prune(self) -> None:
        b = self._bucket
        self.entries = {k: e for k, e in self.entries.items() if e.frequency + e.delta > b}
        self._bucket += 1

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: Key) -> Stats | None:
        return self.entries.get(key)

    def values(self):
        return self.entries.values()
