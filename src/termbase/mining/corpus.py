"""A translation memory read for mining: each language's words as match keys, and where each key occurs.

The keys are interned to integers and kept in arrays, one per unit and language, so a memory of
100,000 three-language units fits in a few hundred megabytes; the unit texts are kept to give the
surface forms and examples of what is mined, with each word's offsets (two small integers a word, so
the few units looked at need no second pass of the tokenizer).
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from typing import Iterable, Iterator, Sequence

from ..languages import normalize_lang, token_spans, word_key
from ..languages._cache import BoundedCache

__all__ = ["MinedUnit", "UnitCorpus"]

_CHUNKS = 200_000  # chunks of text remembered per language (then forgotten at once)
_EMPTY = array("i")  # the row of a unit without the language (shared, never changed)


@dataclass(frozen=True)
class MinedUnit:
    """What the miner reads of a unit: its id (the memory's, or a position in a file) and texts."""

    id: int | str
    texts: dict[str, str]
    source_lang: str | None = None


class UnitCorpus:
    """The units of a memory, indexed by word key per language.

    >>> c = UnitCorpus([MinedUnit(1, {"en": "The Supreme Court ruled.", "ru": "Верховный суд решил."})])
    >>> c.languages, c.find(c.keys_of("Supreme Courts", "en"), "en")
    (('en', 'ru'), [(0, 1)])
    """

    def __init__(self, units: Iterable[MinedUnit]):
        self.ids: list[int | str] = []
        self.texts: list[dict[str, str]] = []
        self._vocab: dict[str, int] = {}
        self._key_cache: dict[str, dict[str, int]] = {}
        self._chunks: dict[str, BoundedCache] = {}  # lang -> chunk of text -> its key ids, offsets
        self.keys: dict[str, list[array]] = {}  # lang -> per unit, the key ids of its words
        self.postings: dict[str, dict[int, array]] = {}  # lang -> key id -> units holding it
        self._sources: Counter[str] = Counter()
        self._shared: dict = {}  # what queries keep for every user of the corpus (see shared)
        self._spans: dict[str, list[array]] = {}  # lang -> per unit, start and end of each word
        for unit in units:
            self._add(unit)
        # what only indexing needs (each word's key id, the chunks seen) goes: a kept corpus (a
        # server's, see termbase.services.MemoryCorpora) holds only what queries read
        self._key_cache, self._chunks = {}, {}
        self.languages: tuple[str, ...] = tuple(sorted(self.keys, key=("en", "kk", "ru").index))
        #: The language most units name as their source (None when none says).
        self.source_lang: str | None = self._sources.most_common(1)[0][0] if self._sources else None

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def key_count(self) -> int:
        """How many word keys the corpus knows (in all its languages)."""
        return len(self._vocab)

    def shared(self, name, make):
        """What the users of this corpus keep under ``name`` for each other (made by ``make()`` the
        first time): state that depends on the corpus alone, such as the linkers' word associations,
        made once for all the requests a server's kept corpus serves. Keep it bounded, and count its bound
        where corpora are weighed (:func:`termbase.mining.links.associations_most`)."""
        got = self._shared.get(name)
        if got is None:
            got = self._shared.setdefault(name, make())
        return got

    @property
    def nbytes(self) -> int:
        """About how many bytes the corpus holds (its arrays, texts, vocabulary and their containers):
        what a cache of corpora weighs them by. Counted once, when first asked."""
        got = self.__dict__.get("_nbytes")
        if got is None:
            size = sys.getsizeof
            got = size(self.ids) + sum(map(size, self.ids)) + size(self.texts) + size(self._vocab)
            got += sum(size(texts) + sum(map(size, texts.values())) for texts in self.texts)
            got += sum(map(size, self._vocab)) + 32 * len(self._vocab)  # the keys, and their ids
            for rows in (*self.keys.values(), *self._spans.values()):
                got += size(rows) + sum(map(size, rows))
            for postings in self.postings.values():
                got += size(postings) + sum(map(size, postings.values())) + 32 * len(postings)
            self._nbytes = got
        return got

    def _key_id(self, word: str, lang: str) -> int:
        cache = self._key_cache.setdefault(lang, {})
        kid = cache.get(word)
        if kid is None:
            key = word_key(word, lang)
            kid = self._vocab.setdefault(key, len(self._vocab))
            cache[word] = kid
        return kid

    def _words(self, text: str, lang: str) -> tuple[list[int], list[int]]:
        """The key ids of the words of ``text`` and their offsets (start, end, start, ...), read a
        space-separated chunk at a time: no word holds a space, and chunks come again and again."""
        chunks = self._chunks.get(lang)
        if chunks is None:
            chunks = self._chunks[lang] = BoundedCache(_CHUNKS)
        kids: list[int] = []
        offsets: list[int] = []
        at = 0
        for chunk in text.split(" "):
            got = chunks.get(chunk)
            if got is None:
                spans = token_spans(chunk)
                got = chunks.put(chunk, (tuple(self._key_id(chunk[a:b], lang) for a, b in spans),
                                         tuple(chain.from_iterable(spans))))
            if got[0]:
                kids += got[0]
                offsets += [x + at for x in got[1]] if at else got[1]
            at += len(chunk) + 1
        return kids, offsets

    def _add(self, unit: MinedUnit) -> None:
        n = len(self.ids)
        self.ids.append(unit.id)
        if unit.source_lang:
            self._sources[normalize_lang(unit.source_lang)] += 1
        texts = {}
        for lang, text in unit.texts.items():
            lang = normalize_lang(lang)
            if not text:
                continue
            texts[lang] = text
            kids, spans = self._words(text, lang)
            keys = array("i", kids)
            per_lang = self.keys.setdefault(lang, [])
            offsets = self._spans.setdefault(lang, [])
            while len(per_lang) < n:
                per_lang.append(_EMPTY)
                offsets.append(_EMPTY)
            per_lang.append(keys)
            # texts under 64K characters (nearly all) keep their offsets in two bytes
            offsets.append(array("H" if len(text) < 65536 else "i", spans))
            postings = self.postings.setdefault(lang, {})
            for kid in set(keys):
                p = postings.get(kid)
                if p is None:
                    postings[kid] = array("i", (n,))
                else:
                    p.append(n)
        self.texts.append(texts)
        for lang, per_lang in self.keys.items():  # a unit without this language: an empty row
            if len(per_lang) < n + 1:
                per_lang.append(_EMPTY)
                self._spans[lang].append(_EMPTY)

    # ------------------------------------------------------------------ queries
    def keys_of(self, text: str, lang: str) -> tuple[int, ...]:
        """The key ids of the words of ``text`` (-1 for a word no unit has)."""
        out = []
        for a, b in token_spans(text):
            key = word_key(text[a:b], lang)
            out.append(self._vocab.get(key, -1))
        return tuple(out)

    def key_id(self, word: str, lang: str) -> int:
        """The key id of one word (-1 when no unit has it)."""
        return self._vocab.get(word_key(word, lang), -1)

    def units_with(self, kid: int, lang: str) -> Sequence[int]:
        return self.postings.get(lang, {}).get(kid, ())

    def frequency(self, kid: int, lang: str) -> int:
        """In how many units of ``lang`` the key occurs."""
        return len(self.postings.get(lang, {}).get(kid, ()))

    def find(self, keys: Sequence[int], lang: str, *, limit: int | None = None) -> list[tuple[int, int]]:
        """``(unit, word position)`` of each occurrence of the key sequence ``keys`` in ``lang``,
        the first one of each unit, in unit order; at most ``limit`` units."""
        if not keys or -1 in keys:
            return []
        postings = self.postings.get(lang, {})
        lists = sorted((postings.get(k, ()) for k in set(keys)), key=len)
        if not lists or not lists[0]:
            return []
        units = set(lists[0])
        for other in lists[1:]:
            units.intersection_update(other)
            if not units:
                return []
        out = []
        n = len(keys)
        first = keys[0]
        target = list(keys)
        rows = self.keys[lang]
        for u in sorted(units):
            row = rows[u]
            for i in range(len(row) - n + 1):
                if row[i] == first and list(row[i : i + n]) == target:
                    out.append((u, i))
                    break
            if limit is not None and len(out) >= limit:
                break
        return out

    def tokens(self, unit: int, lang: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` of the words of a unit's text in ``lang``."""
        rows = self._spans.get(lang)
        if rows is None:
            return []
        offsets = rows[unit]
        text = self.texts[unit][lang] if offsets else ""
        return [(text[a:b], a, b) for a, b in zip(offsets[::2], offsets[1::2])]

    def words(self, unit: int, lang: str, start: int = 0, end: int | None = None) -> list[str]:
        """The words ``start:end`` of a unit's text in ``lang`` (:meth:`tokens` without offsets)."""
        rows = self._spans.get(lang)
        if rows is None:
            return []
        offsets = rows[unit][2 * start : None if end is None else 2 * end]
        text = self.texts[unit][lang] if offsets else ""
        return [text[a:b] for a, b in zip(offsets[::2], offsets[1::2])]

    def iter_units(self) -> Iterator[tuple[int | str, dict[str, str]]]:
        yield from zip(self.ids, self.texts)
