#!/usr/bin/env python
"""Evaluate equivalents mined from parallel text against hand-annotated organisation names.

Reads ../shared/eval and the gold files in scripts/data/equivalents/ (see their README); prints
figures, changes nothing. Two splits:
- dev (default): NTREX-128 lines 604-1997 + the first 20 kz-legal acts (sorted folder order),
  gold ntrex_dev.tsv / kzlegal_dev.tsv -- tune on this;
- test (held out): NTREX-128 lines 1-603 + the other 20 kz-legal acts, gold ntrex_test.tsv /
  kzlegal_test.tsv -- measure once, never tune.
The kz-legal memory holds the split's acts that have a row in the gold file (all 20 for dev).

    .venv/bin/python scripts/eval_equivalents.py                 # NTREX dev + kz-legal dev
    .venv/bin/python scripts/eval_equivalents.py --show-errors   # and each wrong name
    .venv/bin/python scripts/eval_equivalents.py --split test    # held-out figures (once, at the end)

For each direction (source -> target) and gold organisation name:
- listed: the extractor lists it among the candidates of the memory's source side (a candidate's
  term, expansion or surface form has the name's match keys);
- a name that IS the acronym of a candidate merged with its expansion ("SCIS" of "Scottish Council
  of Independent Schools (SCIS)") is scored against the acronym's own suggestions
  (``acronym_suggestions``, mined from the acronym's forms), its expansion against the expansion's;
- right: the best suggestion for that candidate is one of the gold renderings, spelt the same (case,
  ё/е and quotation marks aside) -- so a Russian suggestion must be in the nominative; "keys" counts
  a suggestion with the same match keys (an inflected form) as right;
- baseline: the target n-gram (1 to n+2 words) with the best Dice coefficient over the units that
  hold the name, scored the same way (strict and keys).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("TERMBASE_SHARED", HERE.parent.parent / "shared"))
GOLD = HERE / "data" / "equivalents"
sys.path.insert(0, str(HERE.parent / "src"))

from termbase.extraction import ExtractConfig, Extractor  # noqa: E402
from termbase.languages import word_keys  # noqa: E402
from termbase.mining import EquivalentMiner, MinedUnit, UnitCorpus, acronym_forms, candidate_forms  # noqa: E402

_QUOTES = "«»\"“”„'’"


def fold(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("ё", "е").replace("Ё", "Е")).strip()
    text = re.sub(r"^the ", "", text, flags=re.I)
    return "".join(ch for ch in text if ch not in _QUOTES).strip().casefold()


def keys(text: str, lang: str) -> tuple[str, ...]:
    ks = word_keys(text, lang)
    if lang == "en" and ks and ks[0] == "the":
        ks = ks[1:]
    return tuple(ks)


def alternatives(cell: str) -> list[str]:
    return [a.strip() for a in (cell or "").split("|") if a.strip()]


# ------------------------------------------------------------------------------------------- data
def ntrex_units(first: int, last: int) -> list[MinedUnit]:
    base = SHARED / "eval" / "parallel" / "ntrex128"
    files = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt", "kk": "newstest2019-ref.kaz.txt"}
    lines = {lang: (base / name).read_text(encoding="utf-8").splitlines() for lang, name in files.items()}
    return [MinedUnit(i, {lang: lines[lang][i - 1] for lang in files}) for i in range(first, last + 1)]


def kzlegal_units(acts: list[str]) -> list[MinedUnit]:
    """The acts' Russian and Kazakh texts aligned by termbase's own aligner (as a user would)."""
    from termbase.alignment import align_texts

    units = []
    base = SHARED / "eval" / "parallel" / "kz-legal"
    for act in acts:
        texts = {"ru": (base / act / "rus.md").read_text(encoding="utf-8"),
                 "kk": (base / act / "kaz.md").read_text(encoding="utf-8")}
        # markdown markup: anchors, emphasis, headings, table bars and the ">" of quoted blocks
        texts = {k: re.sub(r"^[ \t]*>|<a id=[^>]*></a>|[*#|\\]", " ", v, flags=re.M) for k, v in texts.items()}
        docs, alignment = align_texts(texts)
        for n, bead in enumerate(alignment.beads):
            seg = {lang: " ".join(docs[lang][i].text for i in bead.links.get(lang, ())) for lang in ("ru", "kk")}
            if seg["ru"] and seg["kk"]:
                units.append(MinedUnit(f"{act}/{n}", seg))
    return units


def load_gold(name: str) -> list[dict]:
    path = GOLD / name
    if not path.is_file():
        sys.exit(f"{path}: gold file missing (see {GOLD / 'README.md'})")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]


# NTREX line range (1-based, inclusive) and kz-legal act slice (sorted folder order) of each split
SPLITS = {
    "dev": {"ntrex": (604, 1997), "acts": slice(0, 20)},
    "test": {"ntrex": (1, 603), "acts": slice(20, 40)},
}


def kzlegal_acts(split: str) -> list[str]:
    acts = sorted(p.name for p in (SHARED / "eval" / "parallel" / "kz-legal").iterdir() if p.is_dir())
    return acts[SPLITS[split]["acts"]]


# ------------------------------------------------------------------------------------------- scoring
def baseline(corpus: UnitCorpus, name: str, src: str, tgt: str) -> str | None:
    """The target n-gram with the best Dice coefficient over the units holding ``name``."""
    occ = corpus.find(corpus.keys_of(name, src), src)
    units = {u for u, _p in occ}
    if not units:
        return None
    n = len(word_keys(name, src))
    counts: Counter = Counter()
    surface: dict = {}
    for u in units:
        toks = corpus.tokens(u, tgt)
        row = list(corpus.keys[tgt][u])
        seen = set()
        for length in range(1, n + 3):
            for i in range(len(row) - length + 1):
                g = tuple(row[i : i + length])
                if g in seen:
                    continue
                seen.add(g)
                counts[g] += 1
                surface.setdefault(g, corpus.texts[u][tgt][toks[i][1] : toks[i + length - 1][2]])
    best, best_dice = None, -1.0
    for g, c in counts.items():
        total = len(corpus.find(g, tgt))
        dice = 2 * c / (len(units) + total)
        if dice > best_dice or (dice == best_dice and len(g) > len(best)):
            best, best_dice = g, dice
    return surface[best] if best else None


def eflomal_links(corpus: UnitCorpus, src: str, tgt: str) -> list[set[tuple[int, int]]]:
    """Word links of every unit by eflomal (GPL-3.0; ``pip install eflomal``), trained on this memory
    alone: the intersection of its forward and reverse links, grown by the forward ones next to them."""
    import tempfile

    import eflomal

    def lines(lang):
        return [" ".join(w.lower() for w, _a, _b in corpus.tokens(u, lang)) or "." for u in range(len(corpus))]

    with tempfile.TemporaryDirectory() as tmp:
        fwd, rev = f"{tmp}/fwd", f"{tmp}/rev"
        eflomal.Aligner().align(lines(src), lines(tgt), links_filename_fwd=fwd, links_filename_rev=rev, quiet=True)
        out = []
        for f, r in zip(open(fwd, encoding="utf-8"), open(rev, encoding="utf-8")):
            pf = {tuple(map(int, x.split("-"))) for x in f.split()}
            pr = {tuple(map(int, x.split("-"))) for x in r.split()}
            links = pf & pr
            links |= {(i, j) for i, j in pf if any(abs(i - a) <= 1 and abs(j - b) <= 1 for a, b in links)}
            out.append(links)
    return out


def eflomal_best(corpus, links, name: str, src: str, tgt: str) -> str | None:
    """The most frequent dictionary form of the target words eflomal links to ``name``'s words."""
    from termbase.languages import dictionary_form

    votes: Counter = Counter()
    n = len(corpus.keys_of(name, src))
    for u, p in corpus.find(corpus.keys_of(name, src), src):
        js = sorted(j for i, j in links[u] if p <= i < p + n)
        if not js:
            continue
        toks = corpus.tokens(u, tgt)[js[0] : js[-1] + 1]
        votes[" ".join(dictionary_form([w for w, _a, _b in toks], tgt))] += 1
    return votes.most_common(1)[0][0] if votes else None


def evaluate(corpus, gold, src, tgt, *, show_errors=False, label="", with_eflomal=False):
    t0 = time.process_time()
    extractor = Extractor(src, ExtractConfig())
    for _id, texts in corpus.iter_units():
        if texts.get(src):
            extractor.feed(texts[src])
    result = extractor.result()
    by_keys: dict = {}  # match keys -> (candidate, whether they are its acronym's)
    for cand in result.candidates:
        for form in candidate_forms(cand):
            by_keys.setdefault(keys(form, src), (cand, False))
        for form in acronym_forms(cand):
            by_keys.setdefault(keys(form, src), (cand, True))
    miner = EquivalentMiner(corpus, src)
    t1 = time.process_time()
    rows = [(g, alternatives(g.get(src, "")), alternatives(g.get(tgt, ""))) for g in gold]
    rows = [(g, s, t) for g, s, t in rows if s and t]
    # one row per source name: a name listed in several acts is one name of this memory, and each
    # rendering the acts give it is right ("Республикасы" / "Республикасының Әділет министрлігі")
    merged: dict = {}
    for g, s, t in rows:
        got = merged.setdefault(fold(s[0]), (g, s, []))
        got[2].extend(x for x in t if fold(x) not in {fold(y) for y in got[2]})
    rows = list(merged.values())
    listed = right = right_keys = base_right = base_keys = right_any = efl_right = acronyms = 0
    links = eflomal_links(corpus, src, tgt) if with_eflomal else None
    errors = []
    for g, srcs, tgts in rows:
        cand, is_acronym = next((by_keys[keys(s, src)] for s in srcs if keys(s, src) in by_keys), (None, False))
        forms = srcs if cand is None else acronym_forms(cand) if is_acronym else candidate_forms(cand)
        acronyms += is_acronym
        best = miner.suggestions(forms, tgt)
        text = best[0].text if best else None
        ok = text is not None and fold(text) in {fold(t) for t in tgts}
        ok_keys = text is not None and keys(text, tgt) in {keys(t, tgt) for t in tgts}
        if cand is not None:
            listed += 1
            right += ok
            right_keys += ok_keys
        right_any += ok
        b = baseline(corpus, srcs[0], src, tgt)
        base_right += b is not None and fold(b) in {fold(t) for t in tgts}
        base_keys += b is not None and keys(b, tgt) in {keys(t, tgt) for t in tgts}
        if links is not None:
            e = eflomal_best(corpus, links, srcs[0], src, tgt)
            efl_right += e is not None and fold(e) in {fold(t) for t in tgts}
        if not ok:
            errors.append((srcs[0], tgts[0], text, "listed" if cand is not None else "NOT LISTED"))
    t2 = time.process_time()
    n = len(rows)
    print(f"{label} {src}->{tgt}: {n} names; listed {listed}/{n} = {listed / n:.1%}; best suggestion right "
          f"{right}/{listed} = {right / max(1, listed):.1%} of listed (keys {right_keys / max(1, listed):.1%}), "
          f"{right_any}/{n} = {right_any / n:.1%} of all; baseline (best-Dice n-gram) {base_right}/{n} = "
          f"{base_right / n:.1%} (keys {base_keys / n:.1%}); {acronyms} scored as a merged acronym; {len(corpus)} units, "
          f"extract {t1 - t0:.1f}s + mine {t2 - t1:.1f}s CPU")
    if links is not None:
        print(f"    eflomal (trained on this memory, links of the name's words): {efl_right}/{n} = {efl_right / n:.1%} of all")
    if show_errors:
        for e in errors:
            print(f"    {e[0]!r}: gold {e[1]!r}, got {e[2]!r} ({e[3]})")
    return listed, right, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--only", choices=("ntrex", "kz-legal"), default=None)
    ap.add_argument("--eflomal", action="store_true", help="compare with eflomal word links (pip install eflomal)")
    ap.add_argument("--split", choices=tuple(SPLITS), default="dev",
                    help="dev: NTREX lines 604-1997 + first 20 kz-legal acts (default); test: the held-out rest")
    args = ap.parse_args()
    split = args.split
    if args.only in (None, "ntrex"):
        gold = load_gold(f"ntrex_{split}.tsv")
        corpus = UnitCorpus(ntrex_units(*SPLITS[split]["ntrex"]))
        for src, tgt in (("en", "ru"), ("en", "kk"), ("ru", "kk"), ("kk", "ru"), ("ru", "en"), ("kk", "en")):
            evaluate(corpus, gold, src, tgt, show_errors=args.show_errors, label=f"NTREX {split}", with_eflomal=args.eflomal)
    if args.only in (None, "kz-legal"):
        gold = load_gold(f"kzlegal_{split}.tsv")
        # the memory is the split's acts that the gold covers (an act without a gold row was not
        # annotated; see scripts/data/equivalents/README.md)
        covered = {g.get("act", "") for g in gold}
        acts = [a for a in kzlegal_acts(split) if a in covered]
        stray = sorted(covered - set(acts))
        if stray:
            sys.exit(f"{GOLD / f'kzlegal_{split}.tsv'}: acts not in the {split} split: {', '.join(stray)}")
        if len(acts) < len(kzlegal_acts(split)):
            print(f"kz-legal {split}: {len(acts)} of {len(kzlegal_acts(split))} acts annotated, the memory holds those")
        corpus = UnitCorpus(kzlegal_units(acts))
        for src, tgt in (("ru", "kk"), ("kk", "ru")):
            evaluate(corpus, gold, src, tgt, show_errors=args.show_errors, label=f"kz-legal {split}", with_eflomal=args.eflomal)


if __name__ == "__main__":
    main()
