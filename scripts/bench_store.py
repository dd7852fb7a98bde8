"""CPU time of the store's bulk paths: adding, replacing and reading concepts, adding and reading units.

Concepts have six terms (en/kk/ru, a name and an acronym each); units three texts. Everything is
generated, in a temporary SQLite termbase, or with ``--db URL`` in an empty PostgreSQL database (or
schema); figures are CPU seconds of this process (one core) and wall-clock seconds (which, on
PostgreSQL, include the server's work and the round trips), and on PostgreSQL running on this machine
the CPU seconds of the server process that served the connection.

    PYTHONPATH=src python scripts/bench_store.py [--concepts 20000] [--units 200000] [--db postgresql://...]
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import tempfile
import time
from pathlib import Path

from termbase.models import Concept, Term, TranslationUnit
from termbase.store import create_store


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def concepts(n: int, tag: str = ""):
    for i in range(n):
        yield Concept(
            f"c{i:07d}",
            (
                Term("en", f"Committee number {i}{tag}"), Term("en", f"CN{i}", "admitted", "acronym"),
                Term("kk", f"{i}-комитет{tag}"), Term("kk", f"{i}К", "admitted", "acronym"),
                Term("ru", f"Комитет номер {i}{tag}"), Term("ru", f"КН{i}", "admitted", "acronym"),
            ),
            subject="committee", source="bench",
        )


def units(n: int):
    for i in range(n):
        yield TranslationUnit(
            {
                "en": f"Item {i}: the Assembly met on {i % 28 + 1} April.",
                "kk": f"{i}-тармақ: Ассамблея сәуірдің {i % 28 + 1}-і күні жиналды.",
                "ru": f"Пункт {i}: Ассамблея встретилась {i % 28 + 1} апреля.",
            },
            document="bench.txt", position=i, score=0.9,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--concepts", type=int, default=20_000)
    ap.add_argument("--units", type=int, default=200_000)
    ap.add_argument("--db", help="an empty PostgreSQL database or schema (postgresql:// URL) instead of SQLite")
    args = ap.parse_args()
    n, u = args.concepts, args.units
    with contextlib.ExitStack() as stack:
        location = args.db or Path(stack.enter_context(tempfile.TemporaryDirectory())) / "bench.db"
        store = stack.enter_context(create_store(location))
        steps = [
            (f"add_many {n:,} concepts", lambda: store.concepts.add_many(concepts(n))),
            (f"iterate {n:,} concepts", lambda: sum(1 for _ in store.concepts.iterate())),
            (f"replace {n:,} concepts (half the terms change)",
             lambda: store.concepts.add_many(concepts(n, " x"), on_conflict="replace")),
            (f"replace {n:,} concepts (identical)",
             lambda: store.concepts.add_many(concepts(n, " x"), on_conflict="replace")),
            (f"add_units {u:,} units", lambda: store.memories.add_units("bench", units(u))),
            (f"add_units {u:,} units again (all duplicates)", lambda: store.memories.add_units("bench", units(u))),
            (f"iter_units {u:,} units", lambda: sum(1 for _ in store.memories.iter_units("bench"))),
        ]
        if not u:  # --units 0: the concepts only
            steps = steps[:4]
        server = server_cpu(store) if args.db else None
        for label, step in steps:
            start, wall = cpu(), time.perf_counter()
            before = server() if server else None
            step()
            line = f"{label:50s} {cpu() - start:6.2f} s CPU {time.perf_counter() - wall:7.2f} s wall"
            if before is not None:
                line += f" {server() - before:6.2f} s server CPU"
            print(line, flush=True)


def server_cpu(store):
    """A function giving the CPU seconds of the PostgreSQL server process serving ``store`` (when the
    server runs on this machine and its /proc entry can be read), or None."""
    import os

    (pid,) = store._conn.execute("SELECT pg_backend_pid()").fetchone()
    path = f"/proc/{pid}/stat"
    if not os.access(path, os.R_OK):
        return None
    tick = os.sysconf("SC_CLK_TCK")

    def read() -> float:
        fields = open(path).read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick  # utime, stime

    return read


if __name__ == "__main__":
    main()
