#!/usr/bin/env python3
"""Lookup speed and quality on the shipped glossary: 10,000 lookups.

Queries are drawn (fixed seed) from the glossary's own terms, as a user types them: exact terms,
lower-cased, inflected (Kazakh/Russian case endings added to the last word), with one typo, and
acronyms. Prints lookups per second and how often the intended concept comes first.

    python scripts/bench_lookup.py [--n 10000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from termbase.glossary import load_shipped
from termbase.search import TermIndex
from termbase.store import create_store

KK_ENDINGS = {"back": ["ның", "на", "нда", "нан"], "front": ["нің", "не", "нде", "нен"]}
RU_ENDINGS = {"а": "ы", "я": "и", "т": "та", "й": "го"}


def inflect(term, rng):
    words = term.text.split()
    last = words[-1]
    if term.lang == "kk" and last[-1] in "ыі":  # izafet possessive: add a case ending
        harmony = "front" if any(c in "әөүіе" for c in last) else "back"
        words[-1] = last + rng.choice(KK_ENDINGS[harmony])
    elif term.lang == "ru" and words[0][-2:] in ("ое", "ая", "ый", "ий") and last[-1] in RU_ENDINGS:
        return None
    elif term.lang == "ru" and words[0][-1] in RU_ENDINGS and len(words) == 1:
        words[0] = words[0][:-1] + RU_ENDINGS[words[0][-1]]
    else:
        return None
    return " ".join(words)


def typo(text, rng):
    if len(text) < 6:
        return None
    i = rng.randrange(1, len(text) - 1)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        store = create_store(Path(tmp) / "tb.db")
        store.concepts.add_many(load_shipped())
        index = TermIndex(store)
        concepts = list(store.concepts.iterate())
        queries: list[tuple[str, str, str]] = []  # (kind, query, concept id)
        while len(queries) < args.n:
            c = rng.choice(concepts)
            t = rng.choice([t for t in c.terms if t.status in ("preferred", "admitted")] or list(c.terms))
            kind = rng.choice(["exact", "lower", "inflected", "typo"] if t.type != "acronym" else ["acronym"])
            q = {"exact": t.text, "lower": t.text.lower(), "acronym": t.text}.get(kind)
            if kind == "inflected":
                q = inflect(t, rng)
            elif kind == "typo":
                q = typo(t.text, rng)
            if q:
                queries.append((kind, q, c.id))
        t0 = time.perf_counter()
        index.lookup("warm up")
        build = time.perf_counter() - t0
        hits: Counter = Counter()
        totals: Counter = Counter()
        t0 = time.perf_counter()
        for kind, q, cid in queries:
            res = index.lookup(q, limit=5)
            totals[kind] += 1
            # the intended concept first, or tied with the first (the same term in two concepts)
            if res and (res[0].concept.id == cid or any(m.concept.id == cid and m.score == res[0].score for m in res)):
                hits[kind] += 1
        elapsed = time.perf_counter() - t0
        stats = store.concepts.stats()
        store.close()
    print(f"termbase: {stats['concepts']} concepts, {sum(stats['terms'].values())} terms")
    print(f"index build: {build * 1000:.0f} ms")
    print(f"{len(queries)} lookups in {elapsed:.2f} s: {len(queries) / elapsed:,.0f} lookups/s, "
          f"{elapsed / len(queries) * 1e6:.0f} µs per lookup")
    for kind in sorted(totals):
        print(f"  {kind:10s} {totals[kind]:5d} queries, intended concept first: {hits[kind] / totals[kind]:.1%}")
    print(f"  all        {sum(totals.values()):5d} queries, intended concept first: {sum(hits.values()) / sum(totals.values()):.1%}")


if __name__ == "__main__":
    main()
