#!/usr/bin/env python
"""Translation-memory search: index build time, search latency, and whether the first match is the best.

Builds a memory of N three-language units from the NTREX-128 news (../shared/eval): each unit joins
the first half of one sentence to the second half of another (the same halves in en, ru and kk), so
the units are distinct and their words are real. The units are imported into a fresh termbase (the
import builds the full-text index: that is the build time). Then Q queries are made from random
units with one or two edits (a word deleted, substituted, inserted, or a number changed) and
searched (median and 95th-percentile time), and each query's first match is compared with a
brute-force scan of every unit scoring the same word-level edit distance (rapidfuzz over words
mapped to characters): "best" when the first match has the best score there is.

    .venv/bin/python scripts/bench_tm.py --units 100000 --queries 1000
    .venv/bin/python scripts/bench_tm.py --units 1000000 --queries 1000
    .venv/bin/python scripts/bench_tm.py --units 100000 --queries 1000 --postgres   # a throwaway local cluster

With ``--postgres`` the memory is built in a fresh schema of a throwaway PostgreSQL cluster
(tests/pgcluster.py), and the import's CPU is this process's and the cluster's (its processes').
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("TERMBASE_SHARED", HERE.parent.parent / "shared"))
sys.path.insert(0, str(HERE.parent / "src"))

from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from termbase.models import TranslationUnit  # noqa: E402
from termbase.search.tm import _words, fuzzy_matches, similarity  # noqa: E402
from termbase.store import create_store  # noqa: E402

FILES = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt", "kk": "newstest2019-ref.kaz.txt"}


def halves(text: str) -> tuple[str, str]:
    words = text.split()
    k = len(words) // 2
    return " ".join(words[:k]), " ".join(words[k:])


def make_units(n: int, seed: int) -> list[dict[str, str]]:
    base = SHARED / "eval" / "parallel" / "ntrex128"
    lines = {lang: (base / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}
    m = len(lines["en"])
    split = {lang: [halves(t) for t in ls] for lang, ls in lines.items()}
    rng = random.Random(seed)
    seen = set()
    out = []
    while len(out) < n:
        i, j = rng.randrange(m), rng.randrange(m)
        if (i, j) in seen or i == j:
            continue
        seen.add((i, j))
        out.append({lang: f"{split[lang][i][0]} {split[lang][j][1]}".strip() for lang in FILES})
    return out


def edit(text: str, rng: random.Random, vocab: list[str]) -> str:
    words = text.split()
    for _ in range(rng.choice((1, 2))):
        nums = [k for k, w in enumerate(words) if re.search(r"\d", w)]
        op = rng.choice(("delete", "substitute", "insert", "number"))
        if op == "number" and nums:
            k = rng.choice(nums)
            words[k] = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), words[k], count=1)
        elif op == "delete" and len(words) > 3:
            del words[rng.randrange(len(words))]
        elif op == "substitute":
            words[rng.randrange(len(words))] = rng.choice(vocab)
        else:
            words.insert(rng.randrange(len(words) + 1), rng.choice(vocab))
    return " ".join(words)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", help="reuse this termbase (built before with the same --units and --seed)")
    ap.add_argument("--postgres", action="store_true", help="build the memory on a throwaway PostgreSQL cluster")
    args = ap.parse_args()
    units = make_units(args.units, args.seed)
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
    cluster = None
    if args.postgres:
        sys.path.insert(0, str(HERE.parent))
        sys.path.insert(0, str(HERE))
        from load_server import database_cpu  # noqa: E402
        from tests.pgcluster import Cluster  # noqa: E402

        cluster = Cluster().start()
        url = cluster.new_schema()
        store = create_store(url)
        t0, c0, d0 = time.perf_counter(), time.process_time(), database_cpu(cluster)
        store.memories.add_units("bench", (TranslationUnit(u) for u in units))
        build, build_cpu, db_cpu = time.perf_counter() - t0, time.process_time() - c0, database_cpu(cluster) - d0
        print(f"{args.units:,} units imported and indexed in {build:.1f}s ({build_cpu:.1f}s CPU here, "
              f"{db_cpu:.1f}s CPU PostgreSQL; load average {os.getloadavg()[0]:.1f})")
    elif args.db and path.exists():
        from termbase.store import open_store

        store = open_store(path)
        print(f"reusing {path}")
    else:
        store = create_store(path)
        t0, c0 = time.perf_counter(), time.process_time()
        store.memories.add_units("bench", (TranslationUnit(u) for u in units))
        build, build_cpu = time.perf_counter() - t0, time.process_time() - c0
        size = path.stat().st_size / 1e6
        print(f"{args.units:,} units imported and indexed in {build:.1f}s ({build_cpu:.1f}s CPU); file {size:,.0f} MB")
    rng = random.Random(args.seed + 1)
    vocab = sorted({w for u in units[:5000] for w in u["en"].split()})
    picks = [rng.randrange(len(units)) for _ in range(args.queries)]
    queries = [edit(units[k]["en"], rng, vocab) for k in picks]
    times, cpu, firsts = [], [], []
    db_start = database_cpu(cluster) if cluster is not None else None
    for q in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        found = fuzzy_matches(store.memories, "bench", q, "en", min_score=0, limit=1)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        firsts.append(found[0].score if found else 0)
    times.sort()
    cpu.sort()
    print(f"search: {len(queries)} queries, median {statistics.median(times) * 1000:.1f} ms, "
          f"95th percentile {times[int(0.95 * len(times)) - 1] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms; "
          f"CPU median {statistics.median(cpu) * 1000:.1f} ms, 95th percentile {cpu[int(0.95 * len(cpu)) - 1] * 1000:.1f} ms "
          f"(load average {os.getloadavg()[0]:.1f})")
    if db_start is not None:
        print(f"search: PostgreSQL CPU {(database_cpu(cluster) - db_start) / len(queries) * 1000:.1f} ms a query on average")
    # brute force: every unit, the same score, words mapped to characters for rapidfuzz
    alphabet: dict[str, str] = {}

    def chars(text: str) -> str:
        return "".join(alphabet.setdefault(w, chr(0x10000 + len(alphabet))) for w in _words(text))

    texts = [u["en"] for u in units]
    coded = [chars(t) for t in texts]
    t0 = time.perf_counter()
    best_hits = 0
    for q, first in zip(queries, firsts):
        cq = chars(q)
        hits = process.extract(cq, coded, scorer=Levenshtein.normalized_similarity, limit=5)
        best = max(similarity(q, texts[k]) for _c, _d, k in hits)
        best_hits += first >= best
    print(f"first match has the best brute-force score: {best_hits}/{len(queries)} = {best_hits / len(queries):.1%} "
          f"(brute force {time.perf_counter() - t0:.0f}s)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB (the script holds the units too)")
    store.close()
    if cluster is not None:
        cluster.stop()


if __name__ == "__main__":
    main()
