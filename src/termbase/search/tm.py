"""Searching a translation memory: fuzzy matches of a sentence, and a concordance of words.

**Fuzzy matches.** The score is the one CAT tools show (OmegaT's "fuzzy match" percentage): the
word-level edit distance between the query and the memory's sentence (words compared case-folded,
punctuation left out), as a share of the longer one's word count:
``100 × (1 − distance / max(words in query, words in sentence))``, rounded down. 100 means the same
text (spaces aside); the same words with other punctuation or capitals score 99. Candidates come
from the memory's full-text index (the units sharing the query's rarest match keys, BM25), and only
they are scored, so a search costs the same in a memory of a thousand or a million units.

**Concordance.** Every unit whose text holds all the given words in any inflected form (match keys:
``үкімет`` finds "үкіметінің", ``правительство`` finds "правительством"), with where they are.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ..languages import KK_LATN, split_words, text_keys, word_keys

__all__ = ["TmMatch", "concordance", "fuzzy_matches", "similarity"]

def _words(text: str) -> list[str]:
    return split_words(text.casefold())


def similarity(a: str, b: str, *, words_a: list[str] | None = None) -> int:
    """The fuzzy-match percentage of two sentences (see the module's docstring).

    >>> similarity("The Senate adopted the law.", "The Senate adopted the law.")
    100
    >>> similarity("The Senate adopted the law.", "the senate adopted the law")
    99
    >>> similarity("The Senate adopted the law.", "The Senate adopted the new law.")
    83
    """
    return _score(" ".join(a.split()), words_a if words_a is not None else _words(a), b, _words(b))


def _score(flat_a: str, wa: list[str], b: str, wb: list[str]) -> int:
    """:func:`similarity` of ``a`` (its spaces made single: ``flat_a``; its words ``wa``) and ``b``
    (its words ``wb``)."""
    longest = max(len(wa), len(wb))
    if wa == wb:  # the same words: the same text (100) unless capitals or punctuation differ
        if flat_a == " ".join(b.split()):
            return 100
        return 99 if longest else 0
    return min(99, int(100 * (1 - Levenshtein.distance(wa, wb) / longest)))


@dataclass(frozen=True)
class TmMatch:
    """A unit found in a memory: its id, score (fuzzy percentage, or ``None`` in a concordance), the
    text in the searched language, the texts of the other languages, and the matched character spans
    (concordance)."""

    unit_id: int
    score: int | None
    lang: str
    source: str
    targets: dict[str, str]
    spans: tuple[tuple[int, int], ...] = field(default=())

    def to_dict(self) -> dict:
        out = {"unit_id": self.unit_id, "score": self.score, "source": {"lang": self.lang, "text": self.source},
               "targets": dict(self.targets)}
        if self.spans:
            out["spans"] = [list(s) for s in self.spans]
        return out


def _targets(texts: dict[str, str], lang: str, target_langs: list[str] | None) -> dict[str, str]:
    return {code: text for code, text in sorted(texts.items())
            if code != lang and text and (target_langs is None or code in target_langs)}


def fuzzy_matches(memories, memory: str, text: str, lang: str, *, target_langs: list[str] | None = None,
                  min_score: int = 70, limit: int = 10, shortlist: int = 100, ties: int = 2000) -> list[TmMatch]:
    """The units of ``memory`` (a :class:`~termbase.store.base.MemoryRepository`) whose ``lang`` text
    is at least ``min_score`` like ``text``, best first (ties: lower unit id), at most ``limit``; only
    units with a text in one of ``target_langs`` (any other language when None).

    The units scored are the index's ``shortlist`` best candidates, and up to ``ties`` more that the
    index ranks the same as the last of them (units sharing the query's rarer words, that only their
    other words tell apart: a memory holding many variants of one sentence). They are scored in the
    index's order, and the scoring stops where the rarer words a unit lacks leave it no chance: each
    one is a query word the unit does not hold, an edit, so a unit lacking ``k`` of them scores at most
    ``100 n / (n + k)`` (``n`` query words), and when that is under ``min_score`` or under the
    ``limit`` best found so far, so it is for every unit after it."""
    if limit < 1:
        return []
    keys = word_keys(text, lang)
    ranked, weights = memories.shortlist(memory, lang, keys, limit=shortlist, ties=ties)
    words = _words(text)
    flat = " ".join(text.split())
    n = len(words)
    # heaviest[i]: the weight of the i + 1 heaviest tokens; a unit whose score falls short of all of
    # them by more than heaviest[i - 1] lacks at least i + 1 (its score is the weights of those it holds)
    heaviest = list(itertools.accumulate(sorted(weights.values(), reverse=True)))
    full = heaviest[-1] if heaviest else 0
    # Latin Kazakh keys are made from the whole text's spelling: a word the unit holds may have another key
    prune = n > 0 and lang != KK_LATN
    best: list[tuple[int, int, str]] = []  # (-score, unit id, text) of the ``limit`` best so far, best first
    known: dict[str, int] = {}  # text -> score: a text that several units hold is scored once
    # unit id -> its texts in every language, read for the units that may come into ``best``: the
    # first step's with their languages (a search that stops there makes one call), then, when a unit
    # of a later step comes into ``best``, it and the next units of its step that have a text, up to
    # ``ahead`` of them, in one call (not one call per unit: many may lack the target languages)
    matched: dict[int, dict[str, str]] = {}
    # read in steps, the first small: the scoring often stops after a few units
    step = fetched = 8
    ahead = max(limit, 32)
    matched.update(memories.unit_texts([u for u, _w in ranked[:fetched]]))
    texts = {u: own for u, by_lang in matched.items() if (own := by_lang.get(lang))}
    for i, (unit_id, weight) in enumerate(ranked):
        if prune:
            lacking = bisect.bisect_left(heaviest, full - weight) + 1 if weight < full else 0
            most = 100 * n / (n + lacking)  # the best score this unit (and every one after it) can have
            if most < min_score or (len(best) == limit and most < -best[-1][0]):
                break
        if i == fetched:
            step = min(4 * step, 1000)
            texts.update(memories.texts_in([u for u, _w in ranked[i : i + step]], lang))
            fetched += step
        own = texts.get(unit_id)
        if not own:
            continue
        score = known.get(own)
        if score is None:
            # a length that alone keeps the score under min_score (spaces count words closely
            # enough to skip only what cannot reach it)
            if n and min_score and 100 * (own.count(" ") + 1) < min_score * n / 2:
                score = -1
            else:
                score = _score(flat, words, own, _words(own))
            known[own] = score
        if score >= min_score and (len(best) < limit or (-score, unit_id) < best[-1][:2]):
            # only now its other languages: a unit without a text in one of target_langs is passed over
            if unit_id not in matched:
                later = [u for u, _w in ranked[i + 1 : fetched] if u in texts and u not in matched][:ahead]
                matched.update(memories.unit_texts([unit_id, *later]))
            if not _targets(matched.get(unit_id, {}), lang, target_langs):
                continue
            bisect.insort(best, (-score, unit_id, own))
            del best[limit:]
    return [TmMatch(unit_id, -score, lang, own, _targets(matched[unit_id], lang, target_langs))
            for score, unit_id, own in best]


def concordance(memories, memory: str, words: str, lang: str, *, target_langs: list[str] | None = None,
                limit: int = 50) -> list[TmMatch]:
    """The units of ``memory`` whose ``lang`` text holds every word of ``words`` in any inflected form,
    in memory order, each with the character spans of those words (the whole phrase where its words
    stand together)."""
    keys = word_keys(words, lang)
    if not keys:
        return []
    out = []
    for unit in memories.get_units(memories.containing(memory, lang, keys, limit=limit)):
        own = unit.texts.get(lang, "")
        unit_keys, offsets = text_keys(own, lang)
        out.append(TmMatch(unit.id, None, lang, own, _targets(unit.texts, lang, target_langs),
                           _spans(keys, unit_keys, offsets)))
    return out


def _spans(keys: list[str], unit_keys: list[str], offsets: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    n = len(keys)
    phrase = [(offsets[i][0], offsets[i + n - 1][1]) for i in range(len(unit_keys) - n + 1)
              if unit_keys[i : i + n] == keys]
    if phrase:
        return tuple(phrase)
    wanted = set(keys)
    return tuple(offsets[i] for i, k in enumerate(unit_keys) if k in wanted)
