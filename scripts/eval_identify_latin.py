"""Identification of Latin Kazakh: KazNERD sentences transliterated to the 2021 alphabet must be
``kk-Latn``; NTREX English sentences must stay ``en``.

    PYTHONPATH=src python scripts/eval_identify_latin.py [--split valid|test] [--limit 2000]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from termbase.errors import UnknownLanguage
from termbase.languages import detect_language, kazakh_to_latin

SHARED = Path("/work/shared/eval")


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("valid", "test"), default="valid")
    ap.add_argument("--limit", type=int, default=2000)
    args = ap.parse_args()
    kk = [kazakh_to_latin(s) for _, s in zip(range(args.limit), kaznerd_sentences(args.split))]
    en_file = next((SHARED / "parallel" / "ntrex128").glob("*eng*"), None)
    en = en_file.read_text(encoding="utf-8").splitlines()[: args.limit] if en_file else []
    for name, texts, want in (("KazNERD in Latin", kk, "kk-Latn"), ("NTREX English", en, "en")):
        counts = tally(texts)
        print(f"{name}: {counts[want]}/{len(texts)} = {100 * counts[want] / max(1, len(texts)):.1f}% {want}; "
              f"other: {dict(c for c in counts.items() if c[0] != want)}")


if __name__ == "__main__":
    main()
