#!/usr/bin/env python3
"""How termbase's costs grow with the termbase: lookup, check and extract on generated termbases.

For each termbase (made by ``scripts/gen_termbase.py``): its size on disk; lookups inside one
process (a fixed mix of queries: exact, lower-cased, inflected, one-word part, with a typo; first
lookup and the mean and 95th percentile of the rest); and, as whole commands (a new process each,
wall time and peak memory by ``/usr/bin/time``): ``lookup``, ``check`` of a 3-unit TSV (its start-up),
``extract`` of one paragraph (its start-up).

    python scripts/bench_scale.py /tmp/10k.db /tmp/100k.db /tmp/1m.db [--n 200]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from termbase.search import TermIndex
from termbase.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
from gen_termbase import concept  # noqa: E402

TSV = (
    "Aksu District Health Department of Akmola Region met the Senate.\t"
    "Ақмола облысы Ақсу ауданының денсаулық сақтау басқармасы Сенатпен кездесті.\n"
    "The Mazhilis adopted the law.\tМәжіліс заңды қабылдады.\n"
    "The Ministry of Finance reported.\tҚаржы министрлігі хабарлады.\n"
)
TEXT = (
    "The Senate of the Parliament of the Republic of Kazakhstan met in Astana on Tuesday. The Minister of "
    "Finance and the Akmola Region Health Department reported to the Mazhilis on the budget of the National "
    "Fund, and the Assembly of People of Kazakhstan held its plenary session.\n"
)


def queries(n: int, count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    out = ["Senate", "Сенаттың", "Ассамблея народа Казахстана", "Mazhils", "Health Department"]
    while len(out) < count:
        c = concept(rng.randrange(n))
        t = rng.choice(c.terms)
        kind = rng.randrange(5)
        if kind == 0:
            out.append(t.text)
        elif kind == 1:
            out.append(t.text.lower())
        elif kind == 2:
            out.append(t.text + ("ның" if t.lang == "kk" else "а" if t.lang == "ru" else "'s"))
        elif kind == 3:
            out.append(rng.choice(t.text.split()))
        else:
            i = rng.randrange(1, len(t.text) - 2)
            out.append(t.text[:i] + t.text[i + 1] + t.text[i] + t.text[i + 2:])
    return out


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MB) of a command."""
    with tempfile.NamedTemporaryFile("r") as out:
        t0 = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", out.name, *cmd], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - t0
        user, system, rss = out.read().split()[-3:]
        return wall, float(user) + float(system), int(rss) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dbs", nargs="+", type=Path)
    ap.add_argument("--n", type=int, default=200, help="lookups in one process")
    args = ap.parse_args()
    exe = str(Path(sys.executable).with_name("termbase"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tsv = Path(tmp) / "units.tsv"
        tsv.write_text("en\tkk\n" + TSV, encoding="utf-8")
        txt = Path(tmp) / "text.txt"
        txt.write_text(TEXT, encoding="utf-8")
        for db in args.dbs:
            size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
            with open_store(db) as store:
                concepts = store.concepts.count()
                index = TermIndex(store)
                qs = queries(concepts - 398, args.n)
                t0 = time.perf_counter()
                index.lookup(qs[0])
                first = time.perf_counter() - t0
                times, cpu = [], []
                for q in qs[1:]:
                    t0, c0 = time.perf_counter(), time.process_time()
                    index.lookup(q, limit=10)
                    times.append(time.perf_counter() - t0)
                    cpu.append(time.process_time() - c0)
            times.sort()
            cpu.sort()
            env = dict(os.environ, TERMBASE_DB=str(db))
            os.environ.update(env)
            lookup = timed([exe, "--db", str(db), "lookup", "Aksu District Health Department"])
            lookup_typo = timed([exe, "--db", str(db), "lookup", "Mazhils"])
            check = timed([exe, "--db", str(db), "check", str(tsv)])
            extract = timed([exe, "--db", str(db), "extract", str(txt)])
            rows.append((db.name, concepts, size / 1e6, first * 1000, statistics.mean(times) * 1000,
                         times[int(len(times) * 0.95)] * 1000, statistics.mean(cpu) * 1000,
                         cpu[int(len(cpu) * 0.95)] * 1000, lookup, lookup_typo, check, extract))
    print("| termbase | concepts | db MB | first lookup ms | lookup mean ms | p95 ms | lookup CPU mean ms | CPU p95 ms "
          "| `lookup` command | `lookup` typo command | `check` 3 units | `extract` 1 paragraph |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, n, mb, first, mean, p95, cmean, cp95, lk, lt, ck, ex in rows:
        cmds = " | ".join(f"{w:.2f} s wall, {c:.2f} s CPU, {m:.0f} MB" for w, c, m in (lk, lt, ck, ex))
        print(f"| {name} | {n:,} | {mb:.0f} | {first:.1f} | {mean:.1f} | {p95:.1f} | {cmean:.1f} | {cp95:.1f} | {cmds} |")


if __name__ == "__main__":
    main()
