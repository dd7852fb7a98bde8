#!/usr/bin/env python
"""Throughput and memory of term extraction on a corpus of about N words per language, built by cycling
through the shared texts (../shared/eval: NTREX-128, FactRuEval, KazNERD, UDHR; ../shared/examples).

    PYTHONPATH=src .venv/bin/python scripts/bench_extract.py --words 1000000 --lang en

With ``--fresh``, every pass over the texts after the first renames their capitalised words with a
prefix of its own ("Токаеву" -> "Бетокаеву" on the second pass, "Битокаеву" on the third ...), so
new names keep coming as in a real corpus: the counter's entries and the word caches then grow with
the corpus and memory must stay flat all the same (lossy counting, bounded caches).

Prints words/s (one core; the first document's lazy loading of pymorphy3/wordfreq/lemminflect is
excluded and reported apart) and the peak RSS after each quarter of the corpus: flat memory means the
later quarters add little. The total is given for reading alone and end to end (reading + ranking),
in wall-clock and in CPU seconds: on a shared machine the CPU figure is the steadier one.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("TERMBASE_SHARED", HERE.parent.parent / "shared"))
sys.path.insert(0, str(HERE.parent / "src"))

from termbase.extraction import ExtractConfig, Extractor  # noqa: E402


def source_docs(lang: str) -> list[str]:
    ev = SHARED / "eval"
    docs: list[str] = []
    ntrex = sorted(glob.glob(str(ev / "parallel" / "ntrex128" / f"*{ {'en': 'eng', 'ru': 'rus', 'kk': 'kaz'}[lang] }*")))
    for path in ntrex:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        docs.extend("\n\n".join(lines[i : i + 20]) for i in range(0, len(lines), 20))
    if lang == "en":
        docs.append((SHARED / "examples" / "astana-times-apk-plenary.txt").read_text(encoding="utf-8"))
    if lang == "ru":
        docs.extend(Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(ev / "ner_ru" / "factRuEval-2016" / "*" / "*.txt"))))
    if lang == "kk":
        from eval_extract import load_kaznerd

        docs.extend(load_kaznerd("dev")[0])
    return docs


_CAPITALISED_RE = re.compile(r"\b([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])([a-zа-яёәғқңөұүһі]{2,})")
_CONSONANTS = {"en": "bdgklmnprstvz", "ru": "бвгдзклмнпрстф", "kk": "бғдзйқлмнпрсту"}
_VOWELS = {"en": "aeiou", "ru": "аеиоу", "kk": "аеоұы"}


def rename(doc: str, cycle: int, lang: str) -> str:
    """``doc`` with every capitalised word given a prefix of syllables that spells ``cycle``."""
    cons, vows = _CONSONANTS[lang], _VOWELS[lang]
    syllables = []
    n = cycle
    while n:
        n, r = divmod(n, len(cons) * len(vows))
        syllables.append(cons[r // len(vows)] + vows[r % len(vows)])
    prefix = "".join(syllables)
    return _CAPITALISED_RE.sub(lambda m: prefix[0].upper() + prefix[1:] + m.group(1).lower() + m.group(2), doc)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--lang", choices=("en", "ru", "kk"), default="en")
    ap.add_argument("--fresh", action="store_true", help="new names on every pass over the texts")
    args = ap.parse_args(argv)
    docs = source_docs(args.lang)
    if not docs:
        print("no source texts found under", SHARED)
        return 1
    ex = Extractor(args.lang, ExtractConfig())
    t0 = time.perf_counter()
    ex.feed(docs[0])
    ex.result()  # loads the frequency tables too
    warm = time.perf_counter() - t0
    base_words = ex.words
    print(f"lang={args.lang} warm-up (lazy loading + first document): {warm:.2f}s; rss {rss_mb():.0f} MB")
    start = time.perf_counter()
    cpu_start = time.process_time()
    quarter = args.words // 4
    next_mark = quarter
    i = 1
    while ex.words - base_words < args.words:
        doc = docs[i % len(docs)]
        cycle = i // len(docs)
        ex.feed(rename(doc, cycle, args.lang) if args.fresh and cycle else doc)
        i += 1
        done = ex.words - base_words
        if done >= next_mark:
            el = time.perf_counter() - start
            print(f"  {done:>9,} words  {done / el:>8,.0f} words/s  peak rss {rss_mb():.0f} MB  entries {len(ex.counter):,}")
            next_mark += quarter
    feed_s = time.perf_counter() - start
    feed_cpu = time.process_time() - cpu_start
    t = time.perf_counter()
    result = ex.result()
    rank_s = time.perf_counter() - t
    cpu = time.process_time() - cpu_start
    words = ex.words - base_words
    print(
        f"total: {words:,} words in {feed_s:.1f}s = {words / feed_s:,.0f} words/s (+ ranking {rank_s:.1f}s, "
        f"{len(result.candidates):,} candidates); peak rss {rss_mb():.0f} MB"
    )
    print(
        f"end to end (reading + ranking): {words / (feed_s + rank_s):,.0f} words/s wall-clock, "
        f"{words / cpu:,.0f} words/s CPU ({feed_cpu:.1f}s + {cpu - feed_cpu:.1f}s CPU)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
