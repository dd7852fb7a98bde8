"""The search: a banded dynamic programme over bead costs (Gale-Church length cost, bead priors,
shared-anchor bonus), with paragraph handling and bead confidence scores.

Memory and time grow as ``n * band``: only two rows of costs are kept, plus one byte of back pointer
per cell of the band.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..models import Segment

__all__ = ["AlignConfig", "align_pair"]

@dataclass(frozen=True)
class AlignConfig:
    """Tuning of the aligner; the defaults were set on NTREX-128 documents (see scripts/eval_align.py).

    ``variance`` is the Gale-Church variance of the target/source length difference per character;
    ``priors`` the prior probabilities of the bead kinds in the order 1-1, 1-0, 0-1, 2-1, 1-2,
    2-2; ``anchor_weight`` the cost bonus per unit of shared anchor weight; ``weights`` the weight of
    each anchor kind by key prefix (``n`` number, ``w`` name, ``c`` concept, ``p`` punctuation).
    """

    variance: float = 6.8
    priors: tuple[float, ...] = (0.89, 0.005, 0.005, 0.045, 0.045, 0.011)
    anchor_weight: float = 2.0
    #: share of Gale-Church's length term in the cost of a dropped sentence (1-0, 0-1)
    null_length_weight: float = 0.0
    weights: tuple[tuple[str, float], ...] = (("n", 2.0), ("w", 1.5), ("c", 1.5), ("p", 0.5))
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
    if len(pa) > 1 and len(pb) > 1:  # inside aligned paragraph groups any two neighbours may merge
        para_a, para_b = [0] * len(a), [0] * len(b)
    weights = dict(config.weights)
    for _ in range(2):
        scorer = _Scorer(ratio, config, weights)
        if len(pa) == len(pb) and len(pa) > 1:
            groups = [((sa, ea), (sb, eb)) for (sa, ea), (sb, eb) in zip(pa, pb)]
        elif len(pa) > 1 and len(pb) > 1:
            groups = _align_paragraphs(pa, pb, la, lb, ka, kb, scorer, config)
        else:
            groups = [((0, len(a)), (0, len(b)))]
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
    return [(ga, gb, scorer.score(ga, gb, la, lb, ka, kb)) for ga, gb in path]


def _paragraph_spans(segs: Sequence[Segment]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(segs) + 1):
        if i == len(segs) or segs[i].paragraph != segs[start].paragraph:
            spans.append((start, i))
            start = i
    return spans


class _Scorer:
    """Bead costs and confidence scores for one language pair."""

    def __init__(self, ratio: float, config: AlignConfig, weights: dict[str, float]):
        self.ratio = ratio
        self.variance = config.variance
        self.prior = [-math.log(p) for p in config.priors]
        self.anchor_weight = config.anchor_weight
        self.weights = weights

    def weight(self, keys: Iterable[str]) -> float:
        w = self.weights
        return sum(w.get(k[0], 1.0) for k in keys)

    def score(self, ga, gb, la, lb, ka, kb) -> float:
        """Confidence that a bead is exactly right, in [0, 1]; 0 for a sentence left alone (1-0/0-1).

        A logistic model of the length delta, the anchor weight shared and not shared, and whether
        the bead merges sentences, fitted on NTREX-128 development documents (scripts/eval_align.py):
        beads scored 0.9-0.95 were right 84% of the time, those under 0.2 in 2%.
        """
        if not ga or not gb:
            return 0.0
        lena = sum(la[i] for i in ga) + len(ga) - 1
        lenb = sum(lb[j] for j in gb) + len(gb) - 1
        d = abs(_delta(lena, lenb, self.ratio, self.variance))
        sa = frozenset().union(*(ka[i] for i in ga))
        sb = frozenset().union(*(kb[j] for j in gb))
        shared = self.weight(sa & sb)
        unshared = self.weight(sa) + self.weight(sb) - 2 * shared
        b0, b_d, b_d2, b_shared, b_unshared, b_merge = _SCORE_MODEL
        x = b0 + b_d * d + b_d2 * d * d + b_shared * shared + b_unshared * unshared
        if len(ga) + len(gb) > 2:
            x += b_merge
        x = max(-30.0, min(30.0, x))
        return round(1.0 / (1.0 + math.exp(-x)), 4)


# Logistic score model: intercept, |delta|, delta^2, shared anchor weight, unshared anchor weight,
# merged bead. Fitted on NTREX-128 dev documents with the default AlignConfig (see Scorer.score).
_SCORE_MODEL = (2.24, -0.351, -0.739, 1.019, -0.189, -1.072)


def _delta(lena: float, lenb: float, ratio: float, variance: float) -> float:
    mean = (lena + lenb / ratio) / 2
    if mean <= 0:
        return 0.0
    return (lenb / ratio - lena) / math.sqrt(mean * variance)


def _align_paragraphs(pa, pb, la, lb, ka, kb, scorer, config):
    """Group paragraphs of two texts whose counts differ, as ``[((sa, ea), (sb, eb)), ...]``."""
    pla = [sum(la[s:e]) for s, e in pa]
    plb = [sum(lb[s:e]) for s, e in pb]
    pka = [frozenset().union(*ka[s:e]) for s, e in pa]
    pkb = [frozenset().union(*kb[s:e]) for s, e in pb]
    beads = _dp(pla, plb, pka, pkb, [0] * len(pa), [0] * len(pb), scorer, config)
    groups = []
    for (ia0, ia1), (ib0, ib1) in beads:
        sa = pa[ia0][0] if ia1 > ia0 else (pa[ia0][0] if ia0 < len(pa) else len(la))
        ea = pa[ia1 - 1][1] if ia1 > ia0 else sa
        sb = pb[ib0][0] if ib1 > ib0 else (pb[ib0][0] if ib0 < len(pb) else len(lb))
        eb = pb[ib1 - 1][1] if ib1 > ib0 else sb
        groups.append(((sa, ea), (sb, eb)))
    return groups


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


def _band_around(path, n, m, w):
    """A band of half-width ``w`` around a path of beads."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for (a0, a1), (b0, b1) in path:
        for i in range(a0, a1 + 1):
            lo[i] = min(lo[i], max(0, b0 - w))
            hi[i] = max(hi[i], min(m, b1 + w))
    return _fix_band(lo, hi, m)


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


def _dp(la, lb, ka, kb, para_a, para_b, scorer: _Scorer, config: AlignConfig):
    """Best bead sequence for two segment lists, as ``[((a0, a1), (b0, b1)), ...]`` half-open ranges.

    The first pass searches a band around the length diagonal. When the best path touches the band's
    edge, the band is moved onto that path (and widened when it touched the edge again), until the
    path stays inside: the result is then the best path in a band that contains it with a margin.
    """
    n, m = len(la), len(lb)
    if n == 0 or m == 0:
        return [((i, i + 1), (0, 0)) for i in range(n)] + [((n, n), (j, j + 1)) for j in range(m)]
    w = config.band
    lo, hi = _band(la, lb, w)
    passes = 0
    while True:
        path, touched = _banded_dp(la, lb, ka, kb, para_a, para_b, scorer, config, lo, hi)
        passes += 1
        if not touched or w >= max(n, m) or w >= config.max_band:
            return path
        if passes > 1:
            w *= 2
        lo, hi = _band_around(path, n, m, w)


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
    wkey: dict[str, float] = {}
    for keys in (ka, kb):
        for ks in keys:
            for k in ks:
                wkey[k] = aw * weights.get(k[0], 1.0)

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

    rows_cost: list = []
    rows_back: list[bytearray] = []
    prev1 = prev2 = None
    plo1 = plo2 = 0
    phi1 = phi2 = -1
    for i in range(n + 1):
        l0, h0 = lo[i], hi[i]
        cost = [inf] * (h0 - l0 + 1)
        back = bytearray(h0 - l0 + 1)
        if i >= 1:
            x1 = la1[i - 1]
            kx1 = ka[i - 1]
            nulla = null_a[i - 1]
        can2 = i >= 2 and join_a[i - 1]
        if can2:
            x2 = la2[i - 1]
            kx2 = ka2[i - 1]
        for j in range(l0, h0 + 1):
            k = j - l0
            best = inf
            code = 0
            if j >= 1:
                y1 = lb1[j - 1]
                ky1 = kb[j - 1]
                # 0-1: within this row
                if k >= 1:
                    c = cost[k - 1]
                    if c < inf:
                        c += null_b[j - 1]
                        if c < best:
                            best, code = c, 3
                if prev1 is not None:
                    # 1-1
                    jj = j - 1 - plo1
                    if 0 <= jj <= phi1 - plo1:
                        c = prev1[jj]
                        if c < inf:
                            z = abs(y1 - x1) / sqrt((x1 + y1) * var)
                            t = int(z * step)
                            c += p11 + (table[t] if t < tmax else z * z + log(z * 1.7724538509055159))
                            if kx1 and ky1:
                                for key in kx1 & ky1:
                                    c -= wkey[key]
                            if c < best:
                                best, code = c, 1
                    # 1-2
                    if j >= 2 and join_b[j - 1] and 0 <= jj - 1 <= phi1 - plo1:
                        c = prev1[jj - 1]
                        if c < inf:
                            y2 = lb2[j - 1]
                            z = abs(y2 - x1) / sqrt((x1 + y2) * var)
                            t = int(z * step)
                            c += p12 + (table[t] if t < tmax else z * z + log(z * 1.7724538509055159))
                            ky2 = kb2[j - 1]
                            if kx1 and ky2:
                                for key in kx1 & ky2:
                                    c -= wkey[key]
                            if c < best:
                                best, code = c, 5
                if can2:
                    # 2-1
                    jj = j - 1 - plo2
                    if 0 <= jj <= phi2 - plo2:
                        c = prev2[jj]
                        if c < inf:
                            z = abs(y1 - x2) / sqrt((x2 + y1) * var)
                            t = int(z * step)
                            c += p21 + (table[t] if t < tmax else z * z + log(z * 1.7724538509055159))
                            if kx2 and ky1:
                                for key in kx2 & ky1:
                                    c -= wkey[key]
                            if c < best:
                                best, code = c, 4
                    # 2-2
                    if j >= 2 and join_b[j - 1] and 0 <= jj - 1 <= phi2 - plo2:
                        c = prev2[jj - 1]
                        if c < inf:
                            y2 = lb2[j - 1]
                            z = abs(y2 - x2) / sqrt((x2 + y2) * var)
                            t = int(z * step)
                            c += p22 + (table[t] if t < tmax else z * z + log(z * 1.7724538509055159))
                            ky2 = kb2[j - 1]
                            if kx2 and ky2:
                                for key in kx2 & ky2:
                                    c -= wkey[key]
                            if c < best:
                                best, code = c, 6
            elif i == 0:
                best = 0.0
            if prev1 is not None:
                # 1-0
                jj = j - plo1
                if 0 <= jj <= phi1 - plo1:
                    c = prev1[jj]
                    if c < inf:
                        c += nulla
                        if c < best:
                            best, code = c, 2
            cost[k] = best
            back[k] = code
        rows_back.append(back)
        # only two rows of costs are kept: memory grows with the band, not with n * m
        prev2, plo2, phi2 = prev1, plo1, phi1
        prev1, plo1, phi1 = cost, l0, h0
    # trace back
    steps = {1: (1, 1), 2: (1, 0), 3: (0, 1), 4: (2, 1), 5: (1, 2), 6: (2, 2)}
    path = []
    i, j = n, m
    touched = False
    while i > 0 or j > 0:
        code = rows_back[i][j - lo[i]]
        if code == 0:
            raise RuntimeError("alignment search found no path")  # a bug in the band, not user input
        if (j - lo[i] < 2 and lo[i] > 0) or (hi[i] - j < 2 and hi[i] < m):
            touched = True
        di, dj = steps[code]
        path.append(((i - di, i), (j - dj, j)))
        i, j = i - di, j - dj
    path.reverse()
    return path, touched
