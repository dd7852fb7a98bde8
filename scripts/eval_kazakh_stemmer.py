"""How well termbase's Kazakh suffix stripper conflates inflected forms, on real words.

Needs ``../shared/eval/ner_kk`` (KazNERD). Prints:

1. Paradigms: for frequent KazNERD words that look like bare nouns, their case, possessive
   and plural forms are generated (harmony and assimilation by an independent generator,
   both voicings of a final к/қ/п) and only the forms KazNERD contains are kept; the share of
   those with the bare word's key is recall. Pairs of such bare words that share a key are
   counted as merges (listed: most are over-stemming, a few are plural stems such as істер).
2. Organisation mentions: the ORGANISATION spans, grouped by their sequence of keys, against
   grouping by lower-cased text: how many distinct mentions collapse, and the largest groups.
3. The vocabulary: word types, keys, and stemming speed.

Tune on ``valid``; ``--split test`` measures (KazNERD README: test is for measuring only).

    .venv/bin/python scripts/eval_kazakh_stemmer.py [--split valid|test] [--show N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from termbase.languages import normalize, word_key, word_keys  # noqa: E402
from termbase.languages.kazakh import stem_kazakh  # noqa: E402

NER = ROOT.parent / "shared" / "eval" / "ner_kk"
BACK, FRONT = set("аоұыя"), set("әеөүіэ")
VOWELS = set("аәеёоөұүыіэюяиу")
VOICELESS = set("кқпстшфхцчщ")


def harmony(word: str) -> str | None:
    for c in reversed(word):
        if c in BACK:
            return "b"
        if c in FRONT:
            return "f"
    return None


def generate(word: str) -> set[str]:
    """Inflected forms of a bare noun: plural, possessive, case, and their chains."""
    h = harmony(word)
    if h is None:
        return set()
    if word[-1] in "кг":
        h = "f"
    elif word[-1] in "қғ":
        h = "b"

    def v(back: str, front: str) -> str:
        return back if h == "b" else front

    last = word[-1]
    vowel_end = last in VOWELS and last not in "иу"
    nasal = last in "мнң"
    voiceless = last in VOICELESS
    sonor = last in "лрйуиз ж"

    # Stems a vowel-initial suffix is added to: the word, and with a final к қ п voiced.
    vstems = {word}
    if last in "кқп":
        vstems.add(word[:-1] + {"к": "г", "қ": "ғ", "п": "б"}[last])

    forms: set[str] = set()
    # Case on the bare word.
    if vowel_end:
        forms |= {word + v("ның", "нің"), word + v("ны", "ні"), word + v("ға", "ге"),
                  word + v("да", "де"), word + v("дан", "ден"), word + "мен"}
    elif nasal:
        forms |= {word + v("ның", "нің"), word + v("ды", "ді"), word + v("ға", "ге"),
                  word + v("да", "де"), word + v("нан", "нен"), word + "мен", word + "бен"}
    elif voiceless:
        forms |= {word + v("тың", "тің"), word + v("ты", "ті"), word + v("қа", "ке"),
                  word + v("та", "те"), word + v("тан", "тен"), word + "пен"}
    elif sonor:
        forms |= {word + v("дың", "дің"), word + v("ды", "ді"), word + v("ға", "ге"),
                  word + v("да", "де"), word + v("дан", "ден"), word + "мен", word + "бен"}
    # Plural.
    if vowel_end or last in "рйуи":
        plural = word + v("лар", "лер")
    elif last in "лмнңзж":
        plural = word + v("дар", "дер")
    else:
        plural = word + v("тар", "тер")
    # 3rd-person possessive, on the word and on its plural, then case after it.
    poss = {word + v("сы", "сі")} if vowel_end else {s + v("ы", "і") for s in vstems}
    poss.add(plural + v("ы", "і"))
    forms |= {plural, plural + v("дың", "дің"), plural + v("ға", "ге"), plural + v("да", "де")}
    for p in poss:
        forms |= {p, p + v("ның", "нің"), p + v("на", "не"), p + "н", p + v("нда", "нде"),
                  p + v("нан", "нен"), p + "мен"}
    return forms


def read_tokens(split: str) -> list[str]:
    words = []
    for line in (NER / f"KazNERD_IOB2_{split}.txt").read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            words.append(parts[0])
    return words


def paradigms(counts: Counter[str], show: int) -> None:
    vocab = set(counts)
    bases = []
    for w, n in counts.most_common(3000):
        if len(w) < 3 or not re.fullmatch(r"[а-яәғқңөұүһі]+", w):
            continue
        attested = generate(w) & vocab
        if len(attested) >= 2:  # two attested inflections: w is very likely a bare noun
            bases.append((w, attested))
    total = ok = 0
    misses: list[str] = []
    for w, attested in bases:
        key = word_key(w, "kk")
        for f in sorted(attested):
            total += 1
            if word_key(f, "kk") == key:
                ok += 1
            else:
                misses.append(f"{w}->{key} / {f}->{word_key(f, 'kk')}")
    print(f"1. paradigms: {len(bases)} bare nouns with >= 2 attested generated forms")
    print(f"   attested inflected forms with the bare word's key: {ok}/{total} = {ok / total:.1%}")
    for m in misses[:show]:
        print(f"     miss  {m}")
    by_key: dict[str, list[str]] = defaultdict(list)
    for w, _ in bases:
        by_key[word_key(w, "kk")].append(w)
    merged = [ws for ws in by_key.values() if len(ws) > 1]
    print(f"   bare nouns sharing a key with another bare noun: {sum(map(len, merged))}"
          f" in {len(merged)} keys (of {len(bases)})")
    for ws in merged[:show]:
        print(f"     merge {' '.join(ws)} -> {word_key(ws[0], 'kk')}")


def org_spans(split: str, show: int) -> None:
    path = NER / f"KazNERD_{split}_ORGANISATION_spans.tsv"
    spans = [line.split("\t", 1)[1] for line in path.read_text("utf-8").splitlines()[1:] if "\t" in line]
    surface = Counter(" ".join(normalize(s).split()) for s in spans)
    groups: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for s in spans:
        groups[tuple(word_keys(s, "kk"))][" ".join(normalize(s).split())] += 1
    multi = {k: g for k, g in groups.items() if len(g) > 1}
    print(f"\n2. organisation spans ({split}): {len(spans)} mentions, {len(surface)} distinct"
          f" lower-cased texts, {len(groups)} distinct key sequences")
    print(f"   {len(multi)} key sequences join {sum(len(g) for g in multi.values())} differently"
          f" inflected texts ({sum(sum(g.values()) for g in multi.values())} mentions)")
    for key, g in sorted(multi.items(), key=lambda kv: -sum(kv[1].values()))[:show]:
        print(f"     {' '.join(key)}: " + " | ".join(f"{t} ({n})" for t, n in g.most_common()))


def vocabulary(counts: Counter[str]) -> None:
    words = [normalize(w) for w in counts if re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", w)]
    words = sorted(set(words))
    keys = {stem_kazakh(w) for w in words}
    t = time.perf_counter()
    for w in words:
        stem_kazakh(w)
    speed = len(words) / (time.perf_counter() - t)
    print(f"\n3. vocabulary: {len(words):,} word types -> {len(keys):,} keys"
          f" ({len(words) / len(keys):.2f} forms a key); {speed:,.0f} words/s uncached")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("valid", "test"), default="valid")
    parser.add_argument("--show", type=int, default=15, help="examples to list per section")
    args = parser.parse_args()
    if not NER.is_dir():
        print(f"no KazNERD data at {NER}", file=sys.stderr)
        return 1
    tokens = read_tokens(args.split)
    counts = Counter(normalize(t) for t in tokens)
    print(f"KazNERD {args.split}: {len(tokens):,} tokens\n")
    paradigms(counts, args.show)
    org_spans(args.split, args.show)
    vocabulary(counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
