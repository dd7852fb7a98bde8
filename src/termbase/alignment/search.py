"""The search: a banded dynamic programme over bead costs (Gale-Church length cost, bead priors,
shared-anchor bonus, unshared-anchor cost), with paragraph handling and bead confidence scores.

Memory and time grow as ``n * band``: only two rows of costs are kept, plus one byte of back pointer
per cell of the band.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Sequence

from ..models import Segment

__all__ = ["AlignConfig", "align_pair", "bead_features", "bead_score", "context_features", "context_scores"]

@dataclass(frozen=True)
class AlignConfig:
    """Tuning of the aligner; the defaults were set on the development half of the NTREX-128
    documents (see scripts/eval_align.py), for English-Russian and English-Kazakh alike.

    ``variance`` is the Gale-Church variance of the target/source length difference per character;
    ``priors`` the prior probabilities of the bead kinds in the order 1-1, 1-0, 0-1, 2-1, 1-2,
    2-2; ``anchor_weight`` the cost bonus per unit of shared anchor weight; ``weights`` the weight of
    each anchor kind by key prefix (``n`` number, ``u`` unit or currency, ``t`` month or weekday,
    ``w`` name, ``c`` concept, ``p`` punctuation).

    The length ratio of the two languages is not a setting: it is measured on the texts themselves
    (and re-measured on the 1-1 beads found), so Kazakh and Russian need no ratio of their own; a
    separate variance per language pair did not help either.
    """

    variance: float = 10.0
    priors: tuple[float, ...] = (0.89, 0.015, 0.015, 0.045, 0.045, 0.007)
    anchor_weight: float = 2.0
    #: share of Gale-Church's length term in the cost of a dropped sentence (1-0, 0-1)
    null_length_weight: float = 0.0
    weights: tuple[tuple[str, float], ...] = (
        ("n", 2.0), ("u", 1.0), ("t", 1.0), ("w", 1.0), ("c", 1.0), ("p", 0.5),
    )
    #: cost of an anchor found on one side of a bead only, by key prefix: a number or a question
    #: mark missing from the other side says the sentences are not translations of each other (a
    #: sentence merged into a bead by mistake brings its own). Names and terms are left out: their
    #: keys miss too often in true translations (Welsh / Уэльса, pronouns for names).
    unshared_weights: tuple[tuple[str, float], ...] = (("n", 1.0), ("p", 0.4))
    band: int = 16
    #: the band doubles up to this half-width; past it the search is exact within the band only
    max_band: int = 4096


def align_pair(
    a: Sequence[Segment],
    b: Sequence[Segment],
    *,
    anchors_a: Sequence[frozenset] | None = None,
    anchors_b: Sequence[frozenset] | None = None,
    config: AlignConfig = AlignConfig(),
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Align two segment lists: ``[(a indices, b indices, score), ...]`` in order, covering both.

    ``anchors_a[i]`` / ``anchors_b[j]`` are the anchor keys of each segment (none by default).
    Indices are positions in the lists (0-based), not :attr:`Segment.index`.
    """
    ka = list(anchors_a) if anchors_a is not None else [frozenset()] * len(a)
    kb = list(anchors_b) if anchors_b is not None else [frozenset()] * len(b)
    if len(ka) != len(a) or len(kb) != len(b):
        raise ValueError("one anchor set per segment is needed")
    la = [len(s.text) for s in a]
    lb = [len(s.text) for s in b]
    ratio = (sum(lb) / sum(la)) if sum(la) and sum(lb) else 1.0
    pa = _paragraph_spans(a)
    pb = _paragraph_spans(b)
    para_a = [s.paragraph for s in a]
    para_b = [s.paragraph for s in b]
    # Paragraphs: the same number on both sides are taken to correspond, k with k, and aligned one
    # by one. Otherwise the texts are aligned in one run in which no bead joins two sentences of
    # different paragraphs of the same text. (Aligning the paragraphs first, as 1-1/2-1/... beads
    # of paragraphs, lost about 3 points of F1 on NTREX documents with a fifth of the paragraph
    # breaks removed on one side: three paragraphs run together cannot be one bead.)
    same_paragraphs = len(pa) == len(pb) and len(pa) > 1
    if same_paragraphs:
        groups = [((sa, ea), (sb, eb)) for (sa, ea), (sb, eb) in zip(pa, pb)]
    else:
        groups = [((0, len(a)), (0, len(b)))]
    weights = dict(config.weights)
    for _ in range(2):
        scorer = _Scorer(ratio, config, weights)
        path: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        for (sa, ea), (sb, eb) in groups:
            beads = _dp(la[sa:ea], lb[sb:eb], ka[sa:ea], kb[sb:eb], para_a[sa:ea], para_b[sb:eb], scorer, config)
            for ia, ib in beads:
                path.append((tuple(range(sa + ia[0], sa + ia[1])), tuple(range(sb + ib[0], sb + ib[1]))))
        # The length ratio of the whole texts is skewed by untranslated passages: re-estimate it on
        # the 1-1 beads found, and search again when it moved by more than 3%.
        ones = [(ga[0], gb[0]) for ga, gb in path if len(ga) == 1 and len(gb) == 1]
        sum_a = sum(la[i] for i, _ in ones)
        sum_b = sum(lb[j] for _, j in ones)
        if not sum_a or not sum_b or abs((sum_b / sum_a) / ratio - 1) <= 0.03:
            break
        ratio = sum_b / sum_a
    scores = [bead_score(f) for f in bead_features(path, la, lb, ka, kb, config)]
    scores = context_scores(path, ka, kb, scores)
    return [(ga, gb, score) for (ga, gb), score in zip(path, scores)]


def _paragraph_spans(segs: Sequence[Segment]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(segs) + 1):
        if i == len(segs) or segs[i].paragraph != segs[start].paragraph:
            spans.append((start, i))
            start = i
    return spans


class _Scorer:
    """Bead costs for one language pair: the length ratio, variance, priors and anchor weights."""

    def __init__(self, ratio: float, config: AlignConfig, weights: dict[str, float]):
        self.ratio = ratio
        self.variance = config.variance
        self.prior = [-math.log(p) for p in config.priors]
        self.anchor_weight = config.anchor_weight
        self.weights = weights


def bead_features(
    beads: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
    la: Sequence[int],
    lb: Sequence[int],
    ka: Sequence[frozenset],
    kb: Sequence[frozenset],
    config: AlignConfig = AlignConfig(),
) -> list[tuple[float, ...] | None]:
    """What the confidence score of each bead is computed from (``None`` for 1-0 / 0-1 beads).

    ``la``/``lb`` are segment lengths in characters, ``ka``/``kb`` anchor sets. The features are
    ``(|delta|, delta^2, shared anchor weight, unshared anchor weight, unshared cost, merged)``:
    Gale-Church's length delta with the length ratio of the 1-1 beads, the :attr:`AlignConfig.weights`
    of the anchors both sides share and of those only one side has, the
    :attr:`AlignConfig.unshared_weights` cost of the latter, and 1 when the bead merges sentences.
    Used by :func:`align_pair` and by ``scripts/eval_align.py --fit-scores``.
    """
    ones = [(ga[0], gb[0]) for ga, gb in beads if len(ga) == 1 and len(gb) == 1]
    sum_a = sum(la[i] for i, _ in ones)
    sum_b = sum(lb[j] for _, j in ones)
    if not sum_a or not sum_b:
        sum_a, sum_b = sum(la), sum(lb)
    ratio = sum_b / sum_a if sum_a and sum_b else 1.0
    weights = dict(config.weights)
    unshared_cost = dict(config.unshared_weights)

    def weight(keys, table):
        return sum(table.get(k[0], 1.0 if table is weights else 0.0) for k in keys)

    out: list[tuple[float, ...] | None] = []
    for ga, gb in beads:
        if not ga or not gb:
            out.append(None)
            continue
        lena = sum(la[i] for i in ga) + len(ga) - 1
        lenb = sum(lb[j] for j in gb) + len(gb) - 1
        d = abs(_delta(lena, lenb, ratio, config.variance))
        sa = frozenset().union(*(ka[i] for i in ga))
        sb = frozenset().union(*(kb[j] for j in gb))
        both = sa & sb
        only = (sa | sb) - both
        out.append((d, d * d, weight(both, weights), weight(only, weights), weight(only, unshared_cost),
                    1.0 if len(ga) + len(gb) > 2 else 0.0))
    return out


def bead_score(features: tuple[float, ...] | None) -> float:
    """Confidence that a bead is exactly right, in [0, 1]; 0 for a sentence left alone (1-0/0-1).

    A logistic model of :func:`bead_features`, fitted on the development half of the NTREX-128
    documents with the default :class:`AlignConfig` (``scripts/eval_align.py --fit-scores``); see
    ``--calibration`` for how often the beads of each score range are right on held-out documents.
    """
    if features is None:
        return 0.0
    x = _SCORE_MODEL[0] + sum(c * f for c, f in zip(_SCORE_MODEL[1:], features))
    x = max(-30.0, min(30.0, x))
    return round(1.0 / (1.0 + math.exp(-x)), 4)


#: Anchor kinds that two unrelated sentences rarely share by chance: names, numbers, concepts.
#: (Months, units and punctuation marks are shared by unrelated news sentences too often.)
_TELLING = frozenset("wnc")
#: Beads on each side of a bead whose telling anchors say whether the texts around it translate
#: each other.
CONTEXT_WINDOW = 6


def context_features(
    beads: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
    ka: Sequence[frozenset],
    kb: Sequence[frozenset],
    window: int = CONTEXT_WINDOW,
) -> list[tuple[float, float]]:
    """For each bead, ``(shared, seen)`` over the beads within ``window`` of it (itself included):
    how many two-sided beads carry a telling anchor (name, number, concept) on either side, and
    how many of those share one.

    A bead's own length and anchors cannot tell a translation from an unrelated sentence of the
    same length; its neighbours can. In the NTREX development documents 36–100% of such beads
    share an anchor when the texts are translations, 0–38% when they are not.

    >>> k = [frozenset({"wtkv"}), frozenset(), frozenset({"n27"})]
    >>> context_features([((0,), (0,)), ((1,), (1,)), ((2,), (2,))], k, k, window=1)
    [(1.0, 1.0), (2.0, 2.0), (1.0, 1.0)]
    """
    flags: list[int | None] = []  # 1 shares a telling anchor, 0 has one but shares none, None neither
    for ga, gb in beads:
        if not ga or not gb:
            flags.append(None)
            continue
        sa = {k for i in ga for k in ka[i] if k[:1] in _TELLING}
        sb = {k for j in gb for k in kb[j] if k[:1] in _TELLING}
        flags.append((1 if sa & sb else 0) if sa or sb else None)
    shared = [0]
    seen = [0]
    for f in flags:
        shared.append(shared[-1] + (f or 0))
        seen.append(seen[-1] + (f is not None))
    n = len(flags)
    out = []
    for k in range(n):
        lo, hi = max(0, k - window), min(n, k + window + 1)
        out.append((float(shared[hi] - shared[lo]), float(seen[hi] - seen[lo])))
    return out


def context_scores(
    beads: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
    ka: Sequence[frozenset],
    kb: Sequence[frozenset],
    scores: Sequence[float],
) -> list[float]:
    """The bead scores of :func:`bead_score` corrected by :func:`context_features`: a well-shaped
    bead among neighbours that share no names or numbers is most likely two unrelated sentences.
    A logistic model fitted on NTREX development documents, translations and unrelated pairs
    (``scripts/eval_align.py --fit-context``); 0 stays 0 (a sentence left alone)."""
    out = []
    for score, (shared, seen) in zip(scores, context_features(beads, ka, kb)):
        if score <= 0.0:
            out.append(0.0)
            continue
        p = min(max(score, 1e-6), 1 - 1e-6)
        x = _CONTEXT_MODEL[0] + _CONTEXT_MODEL[1] * math.log(p / (1 - p)) + _CONTEXT_MODEL[2] * (
            (shared + 0.5) / (seen + 1.0)
        ) + _CONTEXT_MODEL[3] * math.log1p(seen)
        x = max(-30.0, min(30.0, x))
        out.append(round(1.0 / (1.0 + math.exp(-x)), 4))
    return out


#: Context model: intercept, bead_score logit, smoothed share of context beads sharing an anchor,
#: log(1 + context beads with telling anchors) (left at 0: in news nearly every window has anchors, and
#: "few anchors means unrelated" would fail texts with few names and numbers). (0, 1, 0, 0) would
#: leave bead_score unchanged.
_CONTEXT_MODEL = (-9.676, 1.330, 12.258, 0.0)


# Logistic score model: intercept, then one coefficient per bead_features() feature.
_SCORE_MODEL = (5.222, -0.796, -0.285, 0.212, -0.108, -0.033, -2.322)


def _delta(lena: float, lenb: float, ratio: float, variance: float) -> float:
    mean = (lena + lenb / ratio) / 2
    if mean <= 0:
        return 0.0
    return (lenb / ratio - lena) / math.sqrt(mean * variance)


def _band(la, lb, w):
    """For each row i (0..n), the interval [lo, hi] of j (0..m) around the length diagonal."""
    n, m = len(la), len(lb)
    cb = [0]
    for x in lb:
        cb.append(cb[-1] + x)
    total_a = sum(la) or 1
    total_b = cb[-1] or 1
    centre = []
    ca = 0
    for i in range(n + 1):
        if i:
            ca += la[i - 1]
        centre.append(0 if i == 0 else m if i == n else bisect.bisect_left(cb, ca * total_b / total_a))
    return _fix_band([max(0, c - w) for c in centre], [min(m, c + w) for c in centre], m)


def _band_around(path, n, m, margin):
    """A band around a path of beads: ``margin[i]`` columns either side of the path's cells in row
    ``i``, and near a run of ``L`` sentences left alone (1-0 or 0-1 beads, ``L`` more than the
    margin), of its cells ``L`` rows away. Returns ``(lo, hi, rows widened for such runs)``.

    Widening by rows matters at such runs: the better path may make the run up to ``L`` rows
    earlier or later (an insertion of 40 sentences placed a few sentences too late), and a band a
    few columns wide around each row of the old path would not reach it.
    """
    pmin = [m] * (n + 1)
    pmax = [0] * (n + 1)
    radius = [0] * (n + 1)
    run_start = None  # (row, length) of the current run of null beads
    run_len = 0
    for k, ((a0, a1), (b0, b1)) in enumerate(path + [((n, n), (m, m))]):
        if k < len(path):
            for i in range(a0, a1 + 1):
                if b0 < pmin[i]:
                    pmin[i] = b0
                if b1 > pmax[i]:
                    pmax[i] = b1
        null = k < len(path) and (a0 == a1 or b0 == b1)
        if null:
            if run_len == 0:
                run_start = a0
            run_len += 1
        elif run_len:
            if run_len > margin[min(n, run_start)]:
                for i in range(max(0, run_start - run_len), min(n, a0 + run_len) + 1):
                    if radius[i] < run_len:
                        radius[i] = run_len
            run_len = 0
    # the path is monotone: the lowest column within r rows is that of row i - r, the highest
    # that of row i + r (r = 0 away from long runs: the band of the path's own row)
    lo = [max(0, pmin[max(0, i - radius[i])] - margin[i]) for i in range(n + 1)]
    hi = [min(m, pmax[min(n, i + radius[i])] + margin[i]) for i in range(n + 1)]
    lo, hi = _fix_band(lo, hi, m)
    return lo, hi, [i for i in range(n + 1) if radius[i]]


def _fix_band(lo, hi, m):
    """Make the band monotone and connected, from (0, 0) to (n, m)."""
    n = len(lo) - 1
    lo[0] = 0
    hi[n] = m
    for i in range(1, n + 1):
        if lo[i] < lo[i - 1]:
            lo[i] = lo[i - 1]
        if hi[i] < hi[i - 1]:
            hi[i] = hi[i - 1]
        if lo[i] > hi[i - 1] + 1:  # a row must start no later than one past the previous row's end
            lo[i] = hi[i - 1] + 1
    for i in range(n - 1, -1, -1):
        if hi[i] > hi[i + 1]:
            hi[i] = hi[i + 1]
        if lo[i] > lo[i + 1]:
            lo[i] = lo[i + 1]
        if hi[i] < lo[i + 1] - 1:
            hi[i] = lo[i + 1] - 1
    return lo, hi


_MAX_PASSES = 64
#: rows of context on either side of a place the search is repeated at (see _dp)
_WINDOW = 64


def _dp(la, lb, ka, kb, para_a, para_b, scorer: _Scorer, config: AlignConfig):
    """Best bead sequence for two segment lists, as ``[((a0, a1), (b0, b1)), ...]`` half-open ranges.

    The first pass searches a band around the length diagonal; when the best path touches the band's
    edge, a second pass searches a band around that path. Where the path still touches the edge,
    the band is widened (doubled) there and the search repeated in a window of rows around the place,
    between two points of the path, until the path stays inside: the result is then the best path
    in a band that contains it with a margin. Where the path leaves a long run of sentences alone,
    the search is repeated in a band that lets the run move (see :func:`_band_around`), unless the
    band already holds that.
    """
    n, m = len(la), len(lb)
    if n == 0 or m == 0:
        return [((i, i + 1), (0, 0)) for i in range(n)] + [((n, n), (j, j + 1)) for j in range(m)]
    w = config.band
    cap = min(max(n, m), config.max_band)
    margin = [w] * (n + 1)
    lo, hi = _band(la, lb, w)
    path, touches = _banded_dp(la, lb, ka, kb, para_a, para_b, scorer, config, lo, hi)
    if touches or _has_long_run(path, w):
        # the band moves onto the path: everywhere, since the first band may be off in many places
        lo, hi, _ = _band_around(path, n, m, margin)
        path, touches = _banded_dp(la, lb, ka, kb, para_a, para_b, scorer, config, lo, hi)
    for _ in range(_MAX_PASSES):  # a safety net: bands only grow, so the limit is not reached
        if touches:
            if all(margin[i] >= cap for i in touches):
                return path
            # widen the band where the path touched its edge again (not everywhere: that would
            # double the cost of the search on a long text for one difficult place)
            for i in {i for r in touches for i in range(max(0, r - w), min(n, r + w) + 1)}:
                margin[i] = min(2 * margin[i], cap)
        elif not _has_long_run(path, w):
            return path
        new_lo, new_hi, run_rows = _band_around(path, n, m, margin)
        redo = set(touches)
        redo.update(i for i in run_rows if new_lo[i] < lo[i] or new_hi[i] > hi[i])
        if not redo:
            return path  # the band already lets the runs move
        touches = []
        for r0, r1 in reversed(_windows(sorted(redo), n)):
            # the beads from the last one starting at or before row r0 to the first one ending at or
            # after row r1 are searched again, between the path's points at their ends
            first = next(k for k in range(len(path) - 1, -1, -1) if path[k][0][0] <= r0)
            last = next(k for k in range(first, len(path)) if path[k][0][1] >= r1 or k == len(path) - 1)
            (i0, _), (j0, _) = path[first]
            (_, i1), (_, j1) = path[last]
            for i in range(i0, i1 + 1):
                lo[i], hi[i] = new_lo[i], new_hi[i]
            sub_lo, sub_hi = _fix_band(
                [min(max(0, lo[i] - j0), j1 - j0) for i in range(i0, i1 + 1)],
                [max(0, min(j1 - j0, hi[i] - j0)) for i in range(i0, i1 + 1)],
                j1 - j0,
            )
            sub, sub_touches = _banded_dp(
                la[i0:i1], lb[j0:j1], ka[i0:i1], kb[j0:j1], para_a[i0:i1], para_b[j0:j1], scorer, config,
                sub_lo, sub_hi,
            )
            path[first : last + 1] = [((a0 + i0, a1 + i0), (b0 + j0, b1 + j0)) for (a0, a1), (b0, b1) in sub]
            touches.extend(i0 + t for t in sub_touches)
    return path


def _windows(rows: list[int], n: int) -> list[tuple[int, int]]:
    """Merged row intervals ``[r - _WINDOW, r + _WINDOW]`` around sorted ``rows``, within 0..n."""
    out: list[tuple[int, int]] = []
    for r in rows:
        a, b = max(0, r - _WINDOW), min(n, r + _WINDOW)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _has_long_run(path, w) -> bool:
    """Whether the path leaves more than ``w`` sentences in a row alone (1-0 / 0-1 beads)."""
    run = 0
    for (a0, a1), (b0, b1) in path:
        if a0 == a1 or b0 == b1:
            run += 1
            if run > w:
                return True
        else:
            run = 0
    return False


# -log(erfc(z)) tabulated for z in [0, 5) in steps of 1/128: the inner loop's hottest expression
_TABLE_STEP = 128
_LCOST_TABLE = [-math.log(math.erfc(k / _TABLE_STEP)) for k in range(5 * _TABLE_STEP)]


def _banded_dp(la, lb, ka, kb, para_a, para_b, scorer: _Scorer, config: AlignConfig, lo, hi):
    n, m = len(la), len(lb)
    inf = math.inf
    var = scorer.variance
    p11, p10, p01, p21, p12, p22 = scorer.prior
    sqrt = math.sqrt
    log = math.log
    table = _LCOST_TABLE
    step = _TABLE_STEP
    tmax = len(table)
    # the target side's lengths in source characters; merged two-segment sides precomputed once
    inv_ratio = 1.0 / scorer.ratio
    la1 = [float(x) for x in la]
    lb1 = [x * inv_ratio for x in lb]
    la2 = [0.0] + [la[i - 1] + la[i] + 1.0 for i in range(1, n)]
    lb2 = [0.0] + [(lb[j - 1] + lb[j] + 1) * inv_ratio for j in range(1, m)]
    ka2 = [frozenset()] + [ka[i - 1] | ka[i] for i in range(1, n)]
    kb2 = [frozenset()] + [kb[j - 1] | kb[j] for j in range(1, m)]
    join_a = [False] + [para_a[i - 1] == para_a[i] for i in range(1, n)]
    join_b = [False] + [para_b[j - 1] == para_b[j] for j in range(1, m)]
    aw = scorer.anchor_weight
    weights = scorer.weights
    unshared = dict(config.unshared_weights)
    # A bead pays the unshared cost of every anchor on either side (ua*, ub*) and gets back, for each
    # anchor on both sides, that cost twice plus the shared bonus (wkey).
    wkey: dict[str, float] = {}
    for keys in (ka, kb):
        for ks in keys:
            for k in ks:
                if k not in wkey:
                    wkey[k] = aw * weights.get(k[0], 1.0) + 2 * unshared.get(k[0], 0.0)
    if unshared:
        ua1 = [sum(unshared.get(k[0], 0.0) for k in ks) for ks in ka]
        ub1 = [sum(unshared.get(k[0], 0.0) for k in ks) for ks in kb]
        ua2 = [sum(unshared.get(k[0], 0.0) for k in ks) for ks in ka2]
        ub2 = [sum(unshared.get(k[0], 0.0) for k in ks) for ks in kb2]
    else:
        ua1 = ua2 = [0.0] * n
        ub1 = ub2 = [0.0] * m

    # Where each anchor occurs on side b (one sentence, two joined): the shared-anchor bonus of a
    # row's cells is looked up from these instead of intersecting two sets per cell and bead kind.
    post1: dict[str, list[int]] = {}
    post2: dict[str, list[int]] = {}
    for posting, sets in ((post1, kb), (post2, kb2)):
        for c, ks in enumerate(sets):
            for key in ks:
                posting.setdefault(key, []).append(c)

    def bonus(keys, posting, l0, h0):
        """Shared-anchor bonus of a row's cells j = l0..h0 (None when there is none)."""
        out = None
        for key in keys:
            cols = posting.get(key)
            if cols is None:
                continue
            s = bisect.bisect_left(cols, l0 - 1)
            e = bisect.bisect_right(cols, h0 - 1)
            if s < e:
                if out is None:
                    out = [0.0] * (h0 - l0 + 1)
                w = wkey[key]
                for c in cols[s:e]:
                    out[c + 1 - l0] += w
        return out

    def lcost(x, y):
        if x + y <= 0:
            return 0.0
        z = abs(y - x) / sqrt((x + y) * var)
        t = int(z * step)
        return table[t] if t < tmax else z * z + log(z * 1.7724538509055159)

    # a dropped sentence costs its prior (plus, if configured, Gale-Church's 1-0 length term)
    nw = config.null_length_weight
    null_a = [p10 + nw * lcost(x, 0.0) for x in la1]
    null_b = [p01 + nw * lcost(0.0, y) for y in lb1]

    rows_back: list[bytearray] = []
    prev1 = prev2 = None
    plo1 = plo2 = 0
    last1 = last2 = -1  # the last index of each kept row
    for i in range(n + 1):
        l0, h0 = lo[i], hi[i]
        cost = [inf] * (h0 - l0 + 1)
        back = bytearray(h0 - l0 + 1)
        # The rows a bead ending in row i can start from: i-1 (1-1, 1-2 beads) and, where sentences
        # i-2 and i-1 may join, i-2 (2-1, 2-2). Each comes with its costs, first column and last
        # index, the length of the source side, and for the beads taking one and two target
        # sentences their prior plus the source side's unshared-anchor cost, their shared-anchor
        # bonuses and their back-pointer codes.
        starts = []
        if i >= 1:
            nulla = null_a[i - 1]
            b11 = b12 = None
            if ka[i - 1]:
                b11 = bonus(ka[i - 1], post1, l0, h0)
                b12 = bonus(ka[i - 1], post2, l0, h0)
            starts.append((prev1, plo1, last1, la1[i - 1], p11 + ua1[i - 1], p12 + ua1[i - 1], b11, b12, 1, 5))
        if i >= 2 and join_a[i - 1]:
            b21 = b22 = None
            if ka2[i - 1]:
                b21 = bonus(ka2[i - 1], post1, l0, h0)
                b22 = bonus(ka2[i - 1], post2, l0, h0)
            starts.append((prev2, plo2, last2, la2[i - 1], p21 + ua2[i - 1], p22 + ua2[i - 1], b21, b22, 4, 6))
        for j in range(l0, h0 + 1):
            k = j - l0
            best = inf
            code = 0
            if j >= 1:
                y1 = lb1[j - 1]
                uy1 = ub1[j - 1]
                two_b = j >= 2 and join_b[j - 1]
                if two_b:
                    y2 = lb2[j - 1]
                    uy2 = ub2[j - 1]
                # 0-1: within this row
                if k >= 1:
                    c = cost[k - 1]
                    if c < inf:
                        c += null_b[j - 1]
                        if c < best:
                            best, code = c, 3
                for prev, plo, last, x, fixed_1, fixed_2, bonus_1, bonus_2, code_1, code_2 in starts:
                    # 1-1 or 2-1
                    jj = j - 1 - plo
                    if 0 <= jj <= last:
                        c = prev[jj]
                        if c < inf:
                            z = abs(y1 - x) / sqrt((x + y1) * var)
                            t = int(z * step)
                            c += fixed_1 + uy1 + (table[t] if t < tmax else z * z + log(z * 1.7724538509055159))
                            if bonus_1 is not None:
                                c -= bonus_1[k]
                            if c < best:
                                best, code = c, code_1
                    # 1-2 or 2-2
                    if two_b and 0 <= jj - 1 <= last:
                        c = prev[jj - 1]
                        if c < inf:
                            z = abs(y2 - x) / sqrt((x + y2) * var)
                            t = int(z * step)
                            # two additions, not one: the rounding settles near-ties
                            c += fixed_2 + uy2
                            c += table[t] if t < tmax else z * z + log(z * 1.7724538509055159)
                            if bonus_2 is not None:
                                c -= bonus_2[k]
                            if c < best:
                                best, code = c, code_2
            elif i == 0:
                best = 0.0
            if prev1 is not None:
                # 1-0
                jj = j - plo1
                if 0 <= jj <= last1:
                    c = prev1[jj]
                    if c < inf:
                        c += nulla
                        if c < best:
                            best, code = c, 2
            cost[k] = best
            back[k] = code
        rows_back.append(back)
        # only two rows of costs are kept: memory grows with the band, not with n * m
        prev2, plo2, last2 = prev1, plo1, last1
        prev1, plo1, last1 = cost, l0, h0 - l0
    # trace back
    steps = {1: (1, 1), 2: (1, 0), 3: (0, 1), 4: (2, 1), 5: (1, 2), 6: (2, 2)}
    path = []
    i, j = n, m
    touches: list[int] = []  # rows where the path runs along the band's edge
    while i > 0 or j > 0:
        code = rows_back[i][j - lo[i]]
        if code == 0:
            raise RuntimeError("alignment search found no path")  # a bug in the band, not user input
        if (j - lo[i] < 2 and lo[i] > 0) or (hi[i] - j < 2 and hi[i] < m):
            touches.append(i)
        di, dj = steps[code]
        path.append(((i - di, i), (j - dj, j)))
        i, j = i - di, j - dj
    path.reverse()
    return path, touches
