"""Gale & Church (1993) length-based sentence alignment: the baseline termbase's aligner must beat.

An independent, textbook implementation (not sharing code with ``termbase.alignment``): character
lengths, c = ratio of the two texts' total lengths, s2 = 6.8, the paper's bead priors
(1-1 .89, 1-0/0-1 .0099 together, 2-1/1-2 .089 together, 2-2 .011), the paper's delta
``(l2 - l1 c) / sqrt(l1 s2)`` and 1-0 cost, searched in a band of +-``band`` sentences around the
length-proportional diagonal (wide enough for the evaluation documents; the band only saves time).

    from gale_church import gale_church
    beads = gale_church(["One.", "Two."], ["Один.", "Два."])   # [((0,), (0,)), ((1,), (1,))]
"""

from __future__ import annotations

import math

PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2, (2, 2): 0.011}


def _match_cost(l1: int, l2: int, c: float, s2: float) -> float:
    if l1 == 0 and l2 == 0:
        return 0.0
    mean = (l1 + l2 / c) / 2
    delta = (l2 - l1 * c) / math.sqrt(s2 * max(mean, 1e-9))
    z = abs(delta) / math.sqrt(2)
    if z < 5:
        return -math.log(max(math.erfc(z), 1e-300))
    return z * z + math.log(z * math.sqrt(math.pi))


def gale_church(src: list[str], tgt: list[str], *, s2: float = 6.8, band: int = 100):
    """Beads ``[(src indices, tgt indices), ...]`` covering both lists in order."""
    n, m = len(src), len(tgt)
    ls = [len(s) for s in src]
    lt = [len(t) for t in tgt]
    c = (sum(lt) / sum(ls)) if sum(ls) and sum(lt) else 1.0
    prior = {k: -math.log(p) for k, p in PRIORS.items()}
    inf = math.inf
    cost = {(0, 0): 0.0}
    back = {}
    for i in range(n + 1):
        centre = round(i * m / n) if n else 0
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for (di, dj), p in prior.items():
                if i < di or j < dj:
                    continue
                prev = cost.get((i - di, j - dj))
                if prev is None:
                    continue
                c1 = sum(ls[i - di : i])
                c2 = sum(lt[j - dj : j])
                val = prev + p + _match_cost(c1, c2, c, s2)
                if val < best:
                    best, arg = val, (di, dj)
            if arg is not None:
                cost[(i, j)] = best
                back[(i, j)] = arg
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        di, dj = back[(i, j)]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
