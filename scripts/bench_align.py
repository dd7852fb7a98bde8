"""Time and peak memory of termbase's aligner on large documents (2,000 and 20,000 sentences).

The documents are NTREX-128 en/ru (or en/kk) sentences repeated to the wanted size, with the same
random merges and drops as scripts/eval_align.py, given as one flat list (no paragraph breaks: the
hardest case for the search, since paragraphs would split it into small problems). Anchors are
computed first (reported separately), then the alignment; peak memory is the process's max RSS.
Times are wall clock, with the process's CPU time in brackets: on a busy machine (other jobs on the
same cores) the CPU time is the figure to compare.

    PYTHONPATH=src python scripts/bench_align.py [--sizes 2000,20000] [--lang ru]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def one(size: int, other: str) -> None:
    from eval_align import load_ntrex, perturb, score

    from termbase.alignment import align_pair, default_anchors

    docs = load_ntrex()
    big = []
    while sum(len(d["en"]) for d in big) < size:
        big.extend(docs)
    rng = random.Random(7)
    sa, sb, gold = perturb(big, "en", other, rng, paragraphs=False)
    # cut both sides after the bead that holds source segment size-1
    keep = []
    for a, b in gold:
        if a and a[-1] >= size:
            break
        keep.append((a, b))
    gold = keep
    n_a = 1 + max(i for a, _ in gold for i in a)
    n_b = 1 + max(j for _, b in gold for j in b)
    sa, sb = sa[:n_a], sb[:n_b]
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    ka = [frozenset(default_anchors(s.text, "en")) for s in sa]
    kb = [frozenset(default_anchors(s.text, other)) for s in sb]
    t1, c1 = time.perf_counter(), time.process_time()
    beads = align_pair(sa, sb, anchors_a=ka, anchors_b=kb)
    t2, c2 = time.perf_counter(), time.process_time()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    strict = score([(a, b) for a, b, _ in beads], gold)[0][2]
    print(
        f"en-{other} {len(sa)} x {len(sb)}: anchors {t1 - t0:.2f}s ({c1 - c0:.2f}s CPU), "
        f"align {t2 - t1:.2f}s ({c2 - c1:.2f}s CPU), total {t2 - t0:.2f}s ({c2 - c0:.2f}s CPU); "
        f"peak RSS {rss:.0f} MB (data loaded: {rss0:.0f} MB); strict F1 {strict:.4f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2000,20000")
    ap.add_argument("--lang", default="ru")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.one, args.lang)
        return
    for size in args.sizes.split(","):
        # a fresh process per size, so peak memory is that size's alone
        subprocess.run([sys.executable, __file__, "--one", size, "--lang", args.lang], check=True)


if __name__ == "__main__":
    main()
