#!/usr/bin/env python
"""Speed and memory of mining equivalents from a stored three-language translation memory.

Builds memories of N units from the NTREX-128 news (en, ru, kk; ../shared/eval), each pass over the
1,997 sentences made distinct by a number so that the store keeps every unit, stores them in a fresh
termbase (not timed), then times what `termbase extract --tm NAME` does: read the memory, index it,
extract the English candidates and mine their Russian and Kazakh suggestions. One process per size,
so the peak memory is that size's.

    .venv/bin/python scripts/bench_equivalents.py --sizes 10000,100000

The repeated sentences give the same candidates at every size, each with more units (mining looks
at 30 of them): this measures how reading, indexing and extraction grow; a memory of 100,000 distinct
sentences would have more candidates (the figure for the 1,394-unit development memory is printed
by scripts/eval_equivalents.py).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("TERMBASE_SHARED", HERE.parent.parent / "shared"))
sys.path.insert(0, str(HERE.parent / "src"))


def one(size: int) -> None:
    from termbase.models import TranslationUnit
    from termbase.services import ExtractConfig, Workspace, extract_files
    from termbase.store import create_store

    base = SHARED / "eval" / "parallel" / "ntrex128"
    files = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt", "kk": "newstest2019-ref.kaz.txt"}
    lines = {lang: (base / name).read_text(encoding="utf-8").splitlines() for lang, name in files.items()}
    n = len(lines["en"])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        store = create_store(path)

        def units():
            for i in range(size):
                r, k = divmod(i, n)
                tag = f" ({r})" if r else ""
                yield TranslationUnit({lang: lines[lang][k] + tag for lang in files}, source_lang="en")

        store.memories.add_units("bench", units())
        store.close()
        ws = Workspace.open(path)
        t0, c0 = time.perf_counter(), time.process_time()
        run = extract_files(ws=ws, memory="bench", lang="en", config=ExtractConfig())
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        result = run.results[0]
        with_sugg = sum(1 for c in result.candidates if any(c.suggestions.values()))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{size:>7,} units: {wall:6.1f}s wall, {cpu:6.1f}s CPU; {len(result.candidates):,} candidates, "
              f"{with_sugg:,} with suggestions; peak RSS {peak:,.0f} MB")
        ws.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.one)
        return
    for size in (int(x) for x in args.sizes.split(",")):
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    main()
