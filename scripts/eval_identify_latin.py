"""Identification of Latin Kazakh: KazNERD sentences transliterated to the 2021 alphabet must be
``kk-Latn``; NTREX English sentences must stay ``en``.

    PYTHONPATH=src python scripts/eval_identify_latin.py [--split valid|test] [--limit 2000] [--words N]

English is reported on NTREX lines 604-1997 (the development lines: tune on these only); with
``--held-out`` also on lines 1-603 (held out for equivalent mining; never tuned on). ``--words N`` cuts every
sentence to its first N words (N >= 1): short queries such as "Senat jinaldy".
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from termbase.errors import UnknownLanguage
from termbase.languages import detect_language, kazakh_to_latin

SHARED = Path("/work/shared/eval")
NTREX_DEV_FIRST = 604  # 1-based: lines 1-603 are held out


def kaznerd_sentences(split: str):
    words: list[str] = []
    for line in (SHARED / "ner_kk" / f"KazNERD_IOB2_{split}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.rsplit(" ", 1)[0])
        elif words:
            yield " ".join(words)
            words = []


def tally(texts) -> Counter:
    out: Counter = Counter()
    for text in texts:
        try:
            out[detect_language(text)] += 1
        except UnknownLanguage as exc:
            out["rejected: " + str(exc).split("looks like ")[-1].split(",")[0]] += 1
    return out


def cut(texts, words: int | None) -> list[str]:
    """The first ``words`` words of each text (texts with fewer words kept whole)."""
    if not words:
        return list(texts)
    return [" ".join(t.split()[:words]) for t in texts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("valid", "test"), default="valid")
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--words", type=int, default=None, help="cut each sentence to its first N words")
    ap.add_argument("--held-out", action="store_true", help="also English lines 1-603 (measure once)")
    args = ap.parse_args()
    kk = cut((kazakh_to_latin(s) for _, s in zip(range(args.limit), kaznerd_sentences(args.split))), args.words)
    en_file = next((SHARED / "parallel" / "ntrex128").glob("*eng*"), None)
    lines = en_file.read_text(encoding="utf-8").splitlines() if en_file else []
    en_dev = cut(lines[NTREX_DEV_FIRST - 1:][: args.limit], args.words)
    en_held = cut(lines[: NTREX_DEV_FIRST - 1][: args.limit], args.words)
    runs = [("KazNERD in Latin", kk, "kk-Latn"), (f"NTREX English lines {NTREX_DEV_FIRST}-{len(lines)} (dev)", en_dev, "en")]
    if args.held_out:
        runs.append((f"NTREX English lines 1-{NTREX_DEV_FIRST - 1} (held out)", en_held, "en"))
    for name, texts, want in runs:
        counts = tally(texts)
        print(f"{name}: {counts[want]}/{len(texts)} = {100 * counts[want] / max(1, len(texts)):.1f}% {want}; "
              f"other: {dict(c for c in counts.items() if c[0] != want)}")


if __name__ == "__main__":
    main()
