"""Peak memory and time of the streaming TMX writer (and reader) for 1,000 vs 1,000,000 units.

Units are generated on the fly (en/kk/ru sentences with Kazakh letters, numbers and markup
characters), so the figure is the writer's own memory: flat means the 1M run peaks where the 1k one
does. Each size runs in a fresh process (peak RSS = ru_maxrss).

    PYTHONPATH=src python scripts/bench_tmx_export.py [--sizes 1000,1000000] [--read]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time


def units(n: int):
    from termbase.models import TranslationUnit

    for i in range(n):
        yield TranslationUnit(
            {
                "en": f"Item {i}: the Assembly of People of Kazakhstan & <partners> met on {i % 28 + 1} April.",
                "kk": f"{i}-тармақ: Қазақстан халқы Ассамблеясы әріптестерімен сәуірдің {i % 28 + 1}-і күні жиналды.",
                "ru": f"Пункт {i}: Ассамблея народа Казахстана и «партнёры» встретились {i % 28 + 1} апреля.",
            },
            document="bench.txt", position=i, score=0.9,
        )


def one(n: int, read: bool) -> None:
    from termbase.formats import get_format
    from termbase.formats.tmx import write_tmx

    read_tmx = get_format("tmx").read_units

    out = os.path.join(tempfile.mkdtemp(), "bench.tmx")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    written = write_tmx(units(n), out, source_lang="en", target_langs=["kk", "ru"])
    t1 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = os.path.getsize(out) / 1e6
    line = f"write {written:>9,} units: {t1 - t0:6.1f}s, {size:7.1f} MB file, peak RSS {peak:.0f} MB (before: {base:.0f} MB)"
    if read:
        t2 = time.perf_counter()
        count = sum(1 for _ in read_tmx(out))
        t3 = time.perf_counter()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        line += f"; read back {count:,} in {t3 - t2:.1f}s, peak RSS {peak:.0f} MB"
    os.unlink(out)
    print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,1000000")
    ap.add_argument("--read", action="store_true", help="also stream the file back with read_tmx")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.one, args.read)
        return
    for size in args.sizes.split(","):
        cmd = [sys.executable, __file__, "--one", size] + (["--read"] if args.read else [])
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
