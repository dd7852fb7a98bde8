"""Evaluate `termbase check` against the shipped glossary: catch rate and false-alarm rate.

    PYTHONPATH=src .venv/bin/python scripts/eval_check.py [--cases FILE] [--generic-terms] [--verbose]
        [--corpora] [--split dev|test|all] [--list]

Cases (``scripts/data/check_eval/cases.tsv``, one per line: id, lang, expect, concept, source,
target, note) are hand-written English -> Russian/Kazakh translations:

- ``expect=ok``: correct uses of glossary terms in many cases and numbers; any finding is a false
  alarm.
- ``expect=missing-term|deprecated-term|forbidden-term``: a wrong, missing or outdated name; caught
  when the check reports a finding for the case's concept (the kind is compared too and printed).
- ``expect=mixed-script`` with concept ``-``: a Latin look-alike letter in a Cyrillic word; caught
  when the check reports a ``mixed-script`` finding.

NTREX (``--corpora``) is split as the eval README says: ``--split dev`` = lines 604-1997 (develop
on these), ``--split test`` = lines 1-603 (held out: measure once), ``all`` = every line. Findings
are counted per 1,000 units in two groups: term findings (missing/deprecated/forbidden: on these
human translations that follow no glossary, an upper bound of false alarms) and ``mixed-script``
(a Latin letter inside a Cyrillic word: real typing errors of the translations, listed with
``--list``).

``--corpora`` also runs on the real NTREX-128 news translations (``/work/shared/eval/parallel``):
findings per 1,000 units (human translations that did not follow this glossary, so an upper bound
of false alarms on real text), and checks the prefilter two ways: the same findings with and
without it, and, over every word of NTREX (en, ru, kk), KazNERD (kk) and FactRuEval (ru), that a
word with the match key of a glossary word starts with that word's anchor, and that the word filter
the check gives the matcher for a target (``prefilter.word_filter``) admits it.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from termbase.checking import Checker, check_units  # noqa: E402
from termbase.models import BilingualUnit  # noqa: E402
from termbase.glossary import load_shipped  # noqa: E402

HERE = Path(__file__).resolve().parent
NTREX = Path("/work/shared/eval/parallel/ntrex128")
FACTRU = Path("/work/shared/eval/ner_ru/factRuEval-2016/devset")
KAZNERD = Path("/work/shared/eval/ner_kk/KazNERD_IOB2_valid.txt")


def load_cases(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def evaluate(cases: list[dict], checker: Checker, verbose: bool) -> dict:
    ok_total = ok_flagged = bad_total = bad_caught = kind_right = 0
    per_lang = collections.defaultdict(lambda: [0, 0, 0, 0])  # ok, false alarms, bad, caught
    problems: list[str] = []
    for case in cases:
        unit = BilingualUnit(case["source"], case["target"], "en", case["lang"], id=case["id"])
        findings = check_units([unit], checker).findings
        stats = per_lang[case["lang"]]
        if case["expect"] == "ok":
            ok_total += 1
            stats[0] += 1
            if findings:
                ok_flagged += 1
                stats[1] += 1
                problems.append(f"FALSE ALARM {case['id']}: {case['target']!r}: "
                                + "; ".join(f"{f.kind} {f.term!r} ({f.concept_id})" for f in findings))
        else:
            bad_total += 1
            stats[2] += 1
            mine = [f for f in findings if f.concept_id == case["concept"]
                    or (case["concept"] == "-" and f.kind == case["expect"])]
            if mine:
                bad_caught += 1
                stats[3] += 1
                kind_right += any(f.kind == case["expect"] for f in mine)
                if verbose:
                    print(f"caught {case['id']}: " + "; ".join(f"{f.kind} {f.found or f.term!r}" for f in mine))
            else:
                problems.append(f"MISSED {case['id']}: {case['target']!r} (expected {case['expect']} "
                                f"for {case['concept']}); got {[(f.kind, f.concept_id) for f in findings]}")
    return dict(ok_total=ok_total, ok_flagged=ok_flagged, bad_total=bad_total, bad_caught=bad_caught,
                kind_right=kind_right, per_lang=dict(per_lang), problems=problems)


SPLITS = {"dev": (604, 1997), "test": (1, 603), "all": (1, 1997)}


def corpora(checker_on: Checker, checker_off: Checker, split: str = "all", listing: bool = False) -> None:
    lo, hi = SPLITS[split]
    en = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    for lang, name in (("ru", "newstest2019-ref.rus.txt"), ("kk", "newstest2019-ref.kaz.txt")):
        tgt = (NTREX / name).read_text(encoding="utf-8").splitlines()
        # a document's units in order, so that a unit's neighbours are its story's sentences
        units = [BilingualUnit(s, t, "en", lang, line=i) for i, (s, t) in enumerate(zip(en, tgt), 1) if lo <= i <= hi]
        t0 = time.process_time()
        on = check_units(units, checker_on).findings
        t1 = time.process_time()
        off = check_units(units, checker_off).findings
        t2 = time.process_time()
        kinds = collections.Counter(f.kind for f in on)
        term_findings = [f for f in on if f.kind != "mixed-script"]
        script = len(on) - len(term_findings)
        terms = collections.Counter(f.term for f in term_findings).most_common(8)
        print(f"NTREX en->{lang} lines {lo}-{hi} ({split}): {len(units)} units, {len(term_findings)} term findings "
              f"({1000 * len(term_findings) / len(units):.1f} per 1,000 units), {script} mixed-script "
              f"({1000 * script / len(units):.1f} per 1,000) {dict(kinds)}; most frequent terms: {terms}")
        if listing:
            for f in on:
                print(f"  {f.line} {f.kind} {f.term!r} ({f.concept_id}): {f.target[:100]!r}")
        same = on == off
        print(f"  prefilter on/off: {'identical findings' if same else 'DIFFERENT FINDINGS'}; "
              f"CPU {t1 - t0:.2f} s with, {t2 - t1:.2f} s without")
        if not same:
            print("  only with prefilter:", [f for f in on if f not in off][:5])
            print("  only without:", [f for f in off if f not in on][:5])


def anchor_rule(concepts) -> None:
    from termbase.checking.prefilter import _word_anchors, fold, word_filter
    from termbase.languages import normalize, tokenize_words, word_key
    from termbase.search.matcher import fold_word
    from termbase.models import Term

    index: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    filters: dict[tuple[str, str], list] = collections.defaultdict(list)  # the matcher's word filters
    for concept in concepts:
        for term in concept.terms:
            keys = [word_key(t.text, term.lang) for t in tokenize_words(term.text)]
            for key, (anchor, acronym, word) in zip(keys, _word_anchors(term)):
                if not acronym and anchor:
                    index[(term.lang, key)].add(anchor)
                if not acronym:
                    filters[(term.lang, key)].append(word_filter(Term(term.lang, word)))
    texts = {
        "en": [NTREX / "newstest2019-src.eng.txt"],
        "ru": [NTREX / "newstest2019-ref.rus.txt", *sorted(FACTRU.glob("*.txt"))],
        "kk": [NTREX / "newstest2019-ref.kaz.txt"],
    }
    kaznerd = [line.split(" ")[0] for line in KAZNERD.read_text(encoding="utf-8").splitlines() if line.strip()]
    for lang, paths in texts.items():
        words = [t.text for p in paths for t in tokenize_words(p.read_text(encoding="utf-8"))]
        if lang == "kk":
            words += kaznerd
        seen = checked = filtered = 0
        bad: collections.Counter = collections.Counter()
        not_admitted: collections.Counter = collections.Counter()
        for w in set(words):
            key = word_key(w, lang)
            anchors = index.get((lang, key))
            if anchors:
                seen += 1
                folded = fold(w, lang)[0]
                for anchor in anchors:
                    checked += 1
                    if not folded.startswith(anchor):
                        bad[(w, anchor)] += 1
            if not (len(w) >= 2 and w[0].isupper() and w[1].isupper()):  # the matcher keys those always
                for f in filters.get((lang, key), ()):
                    filtered += 1
                    if not f.admits(fold_word(normalize(w, lang))):
                        not_admitted[(w, f.prefixes[:3], len(f.forms))] += 1
        print(f"anchor rule, {lang}: {len(words):,} words ({len(set(words)):,} distinct), {seen:,} with a "
              f"glossary word's key, {checked:,} anchor checks, {len(bad)} violations {list(bad)[:10]}")
        print(f"word filters, {lang}: {filtered:,} checks of a word with a glossary word's key against that "
              f"word's filter, {len(not_admitted)} not admitted {list(not_admitted)[:10]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=Path, default=HERE / "data" / "check_eval" / "cases.tsv")
    ap.add_argument("--generic-terms", action="store_true", help="require one-word lower-case terms too")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--corpora", action="store_true", help="also run on the NTREX-128 translations")
    ap.add_argument("--split", choices=sorted(SPLITS), default="dev",
                    help="NTREX lines: dev 604-1997 (default), test 1-603 (held out), all")
    ap.add_argument("--list", action="store_true", help="list the NTREX findings")
    ap.add_argument("--no-anchor-rule", action="store_true", help="skip the prefilter's anchor-rule check")
    args = ap.parse_args()

    concepts = list(load_shipped())
    checker = Checker(concepts, generic_terms=args.generic_terms)
    cases = load_cases(args.cases)
    r = evaluate(cases, checker, args.verbose)
    for line in r["problems"]:
        print(line)
    print(f"glossary: {len(concepts)} concepts; cases: {len(cases)} "
          f"({r['ok_total']} correct, {r['bad_total']} wrong/missing/outdated)")
    for lang, (ok, fa, bad, caught) in sorted(r["per_lang"].items()):
        print(f"  {lang}: caught {caught}/{bad}, false alarms {fa}/{ok}")
    catch = r["bad_caught"] / r["bad_total"] if r["bad_total"] else 1.0
    false_alarm = r["ok_flagged"] / r["ok_total"] if r["ok_total"] else 0.0
    print(f"catch rate: {catch:.1%} ({r['bad_caught']}/{r['bad_total']}; expected kind in {r['kind_right']})")
    print(f"false-alarm rate: {false_alarm:.1%} ({r['ok_flagged']}/{r['ok_total']})")
    if args.corpora:
        corpora(checker, Checker(concepts, generic_terms=args.generic_terms, prefilter=False), args.split, args.list)
        if not args.no_anchor_rule:
            anchor_rule(concepts)
    return 0 if r["bad_caught"] == r["bad_total"] and r["ok_flagged"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
