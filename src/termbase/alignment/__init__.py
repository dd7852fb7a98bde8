"""Sentence alignment of two or three translations of one document.

Pure functions over lists of :class:`~termbase.models.Segment`. The cost of a bead (1-1, 1-2, 2-1,
2-2, 1-0, 0-1) is the Gale-Church length cost plus a prior for the bead type, minus a bonus for the
*anchors* both sides share, plus a cost for the numbers and question or exclamation marks only one
side has. Anchors are numbers (in digits or words: ``2`` / ``two`` / ``два`` / ``екі``), units and
currencies, months and weekdays, capitalised names compared through a transliteration skeleton
(Tokayev / Токаев / Тоқаевтың all give ``tkv``), a few punctuation marks, and, when an anchor
function built from the termbase is given, the ids of the concepts whose terms occur in the text.

Search is a dynamic programme restricted to a band around the diagonal implied by cumulative text
length; when the best path touches the band's edge the band moves onto that path (and widens where
it touches again), so memory and time grow as ``n * band`` instead of ``n * m``. Paragraphs are
hard boundaries: when both texts have the same number of paragraphs, paragraph *k* aligns with
paragraph *k*; otherwise the texts are aligned in one run in which no bead joins sentences of two
paragraphs of the same text.

Three texts are aligned through a pivot language (English by default): each other text is aligned
with the pivot and the links are merged into multilingual beads.

>>> from termbase.models import Segment
>>> en = [Segment("The session opened on 27 April.", 0), Segment("Tokayev spoke.", 1)]
>>> ru = [Segment("Сессия открылась 27 апреля.", 0), Segment("Выступил Токаев.", 1)]
>>> [(b.links, b.score > 0.5) for b in align({"en": en, "ru": ru}).beads]
[({'en': (0,), 'ru': (0,)}, True), ({'en': (1,), 'ru': (1,)}, True)]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Mapping, Sequence

from ..errors import TermbaseError
from ..models import Segment, TranslationUnit
from .anchors import AnchorFunction, default_anchors, termbase_anchors
from .search import AlignConfig, align_pair

__all__ = [
    "AlignConfig",
    "Alignment",
    "Bead",
    "AnchorFunction",
    "align",
    "align_pair",
    "align_texts",
    "default_anchors",
    "looks_unrelated",
    "termbase_anchors",
    "units_from_alignment",
]


@dataclass(frozen=True)
class Bead:
    """Segments of each language that translate each other, with a confidence in ``[0, 1]``.

    ``links`` maps a language to indices into its segment list (possibly empty: a sentence left
    untranslated). A score of 0 marks a bead with a single language.
    """

    links: Mapping[str, tuple[int, ...]]
    score: float

    def to_dict(self) -> dict:
        out: dict = {lang: list(ix) for lang, ix in self.links.items()}
        out["score"] = self.score
        return out


@dataclass(frozen=True)
class Alignment:
    """The beads of an alignment, in document order, covering every segment of every language once."""

    languages: tuple[str, ...]
    beads: tuple[Bead, ...]

    def to_dict(self) -> dict:
        """``{"languages": [...], "beads": [{"en": [0], "ru": [0, 1], "score": 0.93}, ...]}``."""
        return {"languages": list(self.languages), "beads": [b.to_dict() for b in self.beads]}


# --------------------------------------------------------------------------- public API


def align(
    docs: Mapping[str, Sequence[Segment]],
    *,
    anchors: AnchorFunction | None = default_anchors,
    pivot: str | None = None,
    config: AlignConfig = AlignConfig(),
) -> Alignment:
    """Align two or three segment lists (``{"en": [...], "ru": [...], "kk": [...]}``).

    With three languages each one is aligned with ``pivot`` (default: ``en`` when present, else the
    first) and the links are merged, so a bead holds the segments of all three. The result covers
    every segment of every language exactly once, in order.
    """
    langs = tuple(docs)
    if len(langs) < 2:
        raise TermbaseError("alignment needs at least two texts")
    if len(set(langs)) != len(langs):
        raise TermbaseError(f"two texts in the same language: {', '.join(langs)}")
    pivot = pivot or ("en" if "en" in langs else langs[0])
    if pivot not in docs:
        raise TermbaseError(f"pivot language {pivot!r} is not among the texts ({', '.join(langs)})")
    keys = {lang: _anchor_sets(docs[lang], lang, anchors) for lang in langs}
    pairs = {}
    for lang in langs:
        if lang != pivot:
            pairs[lang] = align_pair(
                docs[pivot], docs[lang], anchors_a=keys[pivot], anchors_b=keys[lang], config=config
            )
    return _merge(pivot, langs, pairs, {lang: len(docs[lang]) for lang in langs})


def align_texts(
    texts: Mapping[str, str],
    *,
    segmented: bool = False,
    anchors: AnchorFunction | None = default_anchors,
    pivot: str | None = None,
    config: AlignConfig = AlignConfig(),
) -> tuple[dict[str, list[Segment]], Alignment]:
    """Segment whole texts (``{"en": "...", "ru": "..."}``) and align them.

    ``segmented=True`` takes one segment per line as given (blank lines separate paragraphs).
    Returns the segments of each language and the alignment (indices into those segments).
    """
    from ..languages.segment import segment, segments_from_lines

    docs = {
        lang: (segments_from_lines(text) if segmented else segment(text, lang)) for lang, text in texts.items()
    }
    return docs, align(docs, anchors=anchors, pivot=pivot, config=config)


def units_from_alignment(
    alignment: Alignment,
    docs: Mapping[str, Sequence[Segment]],
    *,
    document: str | None = None,
    min_score: float = 0.0,
    source_lang: str | None = None,
) -> Iterator[TranslationUnit]:
    """Translation units of the beads that hold at least two languages and reach ``min_score``.

    The text of a language is its segments joined with a space; ``position`` is the bead's number
    in the alignment, so units sort in document order.
    """
    src = source_lang or ("en" if "en" in alignment.languages else alignment.languages[0])
    for pos, bead in enumerate(alignment.beads):
        texts = {
            lang: " ".join(docs[lang][i].text for i in ix) for lang, ix in bead.links.items() if ix
        }
        if len(texts) < 2 or bead.score < min_score:
            continue
        unit_src = src if src in texts else next(iter(texts))
        yield TranslationUnit(texts=texts, document=document, position=pos, score=bead.score, source_lang=unit_src)


def looks_unrelated(scores: Sequence[float], threshold: float = 0.5) -> bool:
    """Whether texts look like they are not translations of each other: most of the beads that hold
    two languages score under ``threshold`` (an alignment of one-sided beads only also counts).

    >>> looks_unrelated([0.99, 0.97, 0.12]), looks_unrelated([0.2, 0.1, 0.97]), looks_unrelated([])
    (False, True, True)
    """
    low = sum(1 for s in scores if s < threshold)
    return not scores or low * 2 > len(scores)


# --------------------------------------------------------------------------- internals


def _anchor_sets(segs: Sequence[Segment], lang: str, fn: AnchorFunction | None) -> list[frozenset]:
    if fn is None:
        return [frozenset()] * len(segs)
    return [frozenset(fn(s.text, lang)) for s in segs]


def _merge(pivot, langs, pairs, sizes) -> Alignment:
    """Merge pivot-to-X alignments into multilingual beads (connected components of the links)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(x, y):
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[ry] = rx

    order: dict[tuple[str, int], float] = {}
    scores: dict[tuple[str, int], list[float]] = {}
    for lang, beads in pairs.items():
        last = -1.0
        for ga, gb, score in beads:
            nodes = [(pivot, i) for i in ga] + [(lang, j) for j in gb]
            for x in nodes[1:]:
                union(nodes[0], x)
            if ga:
                last = float(ga[-1])
                for i in ga:
                    order[(pivot, i)] = float(i)
            else:
                for j in gb:  # a sentence only in `lang`: place it after the last pivot sentence
                    order[(lang, j)] = last + 0.5
            if ga and gb:
                scores.setdefault(nodes[0], []).append(score)
    for i in range(sizes[pivot]):
        order.setdefault((pivot, i), float(i))
    components: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for lang in langs:
        for idx in range(sizes[lang]):
            node = (lang, idx)
            components.setdefault(find(node), []).append(node)
    for node, sc in list(scores.items()):
        root = find(node)
        if root != node:
            scores.setdefault(root, []).extend(sc)
    beads = []
    for root, nodes in components.items():
        key = min(order.get(x, math.inf) for x in nodes)
        links = {lang: tuple(sorted(i for l2, i in nodes if l2 == lang)) for lang in langs}
        present = sum(1 for ix in links.values() if ix)
        sc = scores.get(root, [])
        score = min(sc) if sc and present >= 2 else 0.0
        beads.append((key, min(i for _, i in nodes), Bead(links, score)))
    beads.sort(key=lambda t: (t[0], t[1]))
    return Alignment(tuple(langs), tuple(b for _, _, b in beads))
