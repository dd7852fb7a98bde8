"""Round trip Cyrillic -> Latin (2021) -> Cyrillic of Kazakh words, on KazNERD sentences.

Every word token of the KazNERD files (IOB2: one token a line, sentences split by blank lines) is
transliterated to Latin and back with termbase's rules, and compared with the original (case kept).
A word counts as *native Kazakh* when it is made of Kazakh letters only and has none of the
letters that mark Russian loanwords (ц ч ё э ь ъ; щ ю я are native too: ащы, аю, ұя); the goal is
at least 99.5% of native Kazakh words unchanged. Words that do not survive are listed by the rule
that changed them, most frequent first.

    PYTHONPATH=src python scripts/eval_translit_roundtrip.py [--split valid|test|both] [--show 15]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from termbase.languages.translit import kazakh_to_cyrillic, kazakh_to_latin

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ner_kk"
if not DATA.exists():
    DATA = Path("/work/shared/eval/ner_kk")

_KAZAKH = re.compile(r"[а-яёәғқңөұүһі]+(?:-[а-яёәғқңөұүһі]+)*", re.IGNORECASE)
_LOAN_LETTERS = set("цчёэьъ")


def tokens(split: str):
    for line in (DATA / f"KazNERD_IOB2_{split}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield line.rsplit(" ", 1)[0]


def why(word: str, back: str) -> str:
    """The rule that changed ``word`` (the first Cyrillic letter that does not come back)."""
    low, blow = word.lower(), back.lower()
    for i, (a, b) in enumerate(zip(low, blow)):
        if a != b:
            if a in "ьъ" or b in "ьъ":
                return "ь/ъ dropped"
            if a == "э":
                return "э written e"
            if a == "ё":
                return "ё written io"
            if a == "һ":
                return "һ written h (read back х)"
            if {a, b} == {"и", "й"}:
                return "и/й both i (chosen by the letter before)"
            if a == "ц" or b == "ц":
                return "ц written ts (read back тс unless before i)"
            if a in "яю" or b in "яю":
                return "я/ю written ia/iu (read back by the letter before)"
            return f"other ({a}->{b})"
    return "length"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("valid", "test", "both"), default="both")
    ap.add_argument("--show", type=int, default=15)
    args = ap.parse_args()
    splits = ("valid", "test") if args.split == "both" else (args.split,)
    totals = {"native": Counter(), "all": Counter()}
    failures: dict[str, Counter] = {"native": Counter(), "all": Counter()}
    reasons: Counter = Counter()
    for split in splits:
        for tok in tokens(split):
            if not _KAZAKH.fullmatch(tok):
                continue
            back = kazakh_to_cyrillic(kazakh_to_latin(tok), "2021")
            ok = back == tok
            groups = ["all"] + ([] if set(tok.lower()) & _LOAN_LETTERS else ["native"])
            for g in groups:
                totals[g]["words"] += 1
                totals[g]["ok"] += ok
                if not ok:
                    failures[g][(tok, kazakh_to_latin(tok), back)] += 1
            if not ok:
                reasons[(why(tok, back), "native" if "native" in groups else "loan")] += 1
    print(f"KazNERD {'+'.join(splits)}: Cyrillic -> Latin 2021 -> Cyrillic, word tokens (case kept)")
    for g, label in (("native", "native Kazakh words"), ("all", "all Kazakh-alphabet words")):
        w, ok = totals[g]["words"], totals[g]["ok"]
        print(f"  {label:28s} {ok}/{w} unchanged = {100 * ok / w:.3f}%  ({len(failures[g])} distinct words changed)")
    print("\nwhy words changed (tokens; native / loanword):")
    for (reason, kind), n in reasons.most_common():
        print(f"  {n:6d}  {kind:6s}  {reason}")
    print(f"\nmost frequent native words that change (of {len(failures['native'])}):")
    for (tok, latin, back), n in failures["native"].most_common(args.show):
        print(f"  {n:5d}  {tok} -> {latin} -> {back}")


if __name__ == "__main__":
    main()
