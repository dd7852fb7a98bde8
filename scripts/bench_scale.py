#!/usr/bin/env python3
"""How termbase's costs grow with the termbase: lookup, check and extract on generated termbases.

For each termbase (made by ``scripts/gen_termbase.py``): its size on disk; lookups inside one
process (a fixed mix of queries: exact, lower-cased, inflected, one-word part, with a typo; first
lookup and the mean and 95th percentile of the rest; how often the concept a query was made from
comes first, by kind of query); and, as whole commands (a new process each, wall and CPU time and
peak memory by ``/usr/bin/time``, the best of three): ``termbase --version`` (the floor: Python and
the command line's imports), ``lookup``, ``check`` of a 3-unit TSV (its start-up), ``extract`` of
one paragraph (its start-up). The commands run as an installed package does, from compiled bytecode
(this script lets Python write it, then runs each command once before timing it).

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


KINDS = ("exact", "lower", "inflected", "word", "typo")


def queries(n: int, count: int, seed: int = 1) -> list[str]:
    return [q for q, _, _ in made_queries(n, count, seed)]


def made_queries(n: int, count: int, seed: int = 1) -> list[tuple[str, str | None, str]]:
    """(query, the id of the concept it was made from or None, kind) for ``count`` queries."""
    rng = random.Random(seed)
    out = [(q, None, "fixed") for q in ("Senate", "Сенаттың", "Ассамблея народа Казахстана", "Mazhils",
                                        "Health Department")]
    while len(out) < count:
        c = concept(rng.randrange(n))
        t = rng.choice(c.terms)
        kind = rng.randrange(5)
        if kind == 0:
            q = t.text
        elif kind == 1:
            q = t.text.lower()
        elif kind == 2:
            q = t.text + ("ның" if t.lang == "kk" else "а" if t.lang == "ru" else "'s")
        elif kind == 3:
            q = rng.choice(t.text.split())
        else:
            i = rng.randrange(1, len(t.text) - 2)
            q = t.text[:i] + t.text[i + 1] + t.text[i] + t.text[i + 2:]
        out.append((q, c.id, KINDS[kind]))
    return out


#: The commands run with bytecode written and read, as from an installed package.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], runs: int = 3) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MB) of a command: the run of least CPU of ``runs``, after
    one run not timed."""
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    best = None
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as out:
            t0 = time.perf_counter()
            subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", out.name, *cmd], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False, env=ENV)
            wall = time.perf_counter() - t0
            user, system, rss = out.read().split()[-3:]
            got = (wall, float(user) + float(system), int(rss) / 1024)
            best = got if best is None or got[1] < best[1] else best
    return best


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
                made = made_queries(concepts - 398, args.n)
                qs = [q for q, _, _ in made]
                t0 = time.perf_counter()
                index.lookup(qs[0])
                first = time.perf_counter() - t0
                times, cpu = [], []
                right: dict[str, list[int]] = {}
                for q, cid, kind in made[1:]:
                    t0, c0 = time.perf_counter(), time.process_time()
                    found = index.lookup(q, limit=10)
                    times.append(time.perf_counter() - t0)
                    cpu.append(time.process_time() - c0)
                    if cid is not None and kind != "word":  # (a single word names many concepts)
                        right.setdefault(kind, []).append(bool(found) and found[0].concept.id == cid)
            times.sort()
            cpu.sort()
            quality = ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(right.items()))
            version = timed([exe, "--version"])
            lookup = timed([exe, "--db", str(db), "lookup", "Aksu District Health Department"])
            lookup_typo = timed([exe, "--db", str(db), "lookup", "Mazhils"])
            check = timed([exe, "--db", str(db), "check", str(tsv)])
            extract = timed([exe, "--db", str(db), "extract", str(txt)])
            rows.append((db.name, concepts, size / 1e6, first * 1000, statistics.mean(times) * 1000,
                         times[int(len(times) * 0.95)] * 1000, statistics.mean(cpu) * 1000,
                         cpu[int(len(cpu) * 0.95)] * 1000, quality, version, lookup, lookup_typo, check, extract))
    print("| termbase | concepts | db MB | first lookup ms | lookup mean ms | p95 ms | lookup CPU mean ms | CPU p95 ms "
          "| intended concept first | `--version` | `lookup` command | `lookup` typo command | `check` 3 units "
          "| `extract` 1 paragraph |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, n, mb, first, mean, p95, cmean, cp95, quality, *commands in rows:
        cmds = " | ".join(f"{w:.2f} s wall, {c:.2f} s CPU, {m:.0f} MB" for w, c, m in commands)
        print(f"| {name} | {n:,} | {mb:.0f} | {first:.1f} | {mean:.1f} | {p95:.1f} | {cmean:.1f} | {cp95:.1f} "
              f"| {quality} | {cmds} |")

if __name__ == "__main__":
    main()
