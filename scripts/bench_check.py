"""Benchmark `termbase check` on a 100,000-unit PO file built from NTREX-128, against pofilter.

    PYTHONPATH=src .venv/bin/python scripts/bench_check.py [--units 100000] [--langs ru,kk]
        [--repeat 3] [--pofilter] [--cli] [--new-words [--new-units 20000]] [--missing-terms] [--keep DIR]

For each target language, a PO file of ``--units`` entries is built from the NTREX-128 English
source and its human translation (the 1,997 sentence pairs, cycled, each entry with its own
msgctxt and a ``#:`` reference, as a real software PO has). Then, against the full shipped
glossary (``glossaries/*.tsv``), one core:

- build: the checker (matcher automaton; the prefilter works out a language's anchors when a text
  of that language first comes, which the timings below leave out), once;
- first pass: a new checker on the first 1,997 units (every pair once, every cache cold: each word
  met for the first time is normalised, and stemmed if it may be a term's, for a target only if it
  may be a form of a term in question), ``--repeat`` times. The check keeps per-word caches only,
  no per-text or per-unit one, so the cycled pairs of the rest of the file cost what new sentences
  of known words would;
- read: parsing the PO file alone;
- check_files: reading and checking the file (the library call the CLI makes), median and best
  of ``--repeat`` runs, as units per CPU-second of this process (``time.process_time``, so other
  processes on a busy machine count less) and per wall-clock second;
- check only: the same units already in memory;
- without the prefilter: check only, on the first 20,000 units, and whether the findings are the
  same as with it (they must be);
- ``--cli``: ``termbase --db TMP check FILE --json`` as a subprocess (start-up, opening the
  termbase, building the matcher included; the same on a one-unit PO file shows that part);
- ``--pofilter``: translate-toolkit's ``pofilter`` on the same file (its default checks; it has
  no glossary check), CPU time of the child process.
- ``--new-words``: a file of new vocabulary, where nearly every target word is met for the first
  time: up to ``--new-units`` target sentences each used once -- FactRuEval-2016 news (ru, 4,521
  sentences, 28,000 distinct words) or KazNERD sentences (kk) -- paired with the NTREX English
  sources in turn (which are met again). ``check_files`` with a new checker and empty caches,
  ``--repeat`` times; the findings on its first 5,000 units with and without the prefilter; with
  ``--cli``, the whole command on it too.
- ``--missing-terms``: 2,000 units whose sources each name three glossary concepts (English terms)
  and whose targets (NTREX sentences) name none: the missing-term rules' path (``check_units``, warm
  caches, median of ``--repeat``); the NTREX file itself has almost no missing terms.
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from termbase.checking import Checker, check_units  # noqa: E402
from termbase.formats import get_format  # noqa: E402
from termbase.models import BilingualUnit  # noqa: E402
from termbase.glossary import load_shipped  # noqa: E402
from termbase.languages import split_words, word_key  # noqa: E402

read_pairs = get_format("po").read_pairs


def check_files(paths, checker):
    """Read and check PO files: what termbase.services.check_files does once the termbase is open."""
    from termbase.checking import Report

    return Report.combine([check_units(read_pairs(p), checker, file=str(p)) for p in paths])

NTREX = Path("/work/shared/eval/parallel/ntrex128")
TARGETS = {"ru": "newstest2019-ref.rus.txt", "kk": "newstest2019-ref.kaz.txt"}
FACTRU = Path("/work/shared/eval/ner_ru/factRuEval-2016")
KAZNERD = [Path(f"/work/shared/eval/ner_kk/KazNERD_IOB2_{split}.txt") for split in ("valid", "test")]


def _po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n") + '"'


def build_po(path: Path, lang: str, units: int, targets: list[str] | None = None) -> None:
    """``units`` entries: NTREX English sources in turn, with their translations, or with ``targets``."""
    en = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    tgt = targets or (NTREX / TARGETS[lang]).read_text(encoding="utf-8").splitlines()
    docs = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('msgid ""\nmsgstr ""\n')
        for field in (f"Language: {lang}", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
                      "Content-Transfer-Encoding: 8bit"):
            fh.write(_po_quote(field + "\n") + "\n")
        for n in range(units):
            i = n % len(en)
            doc = docs[i].split("\t")[0] if i < len(docs) else "doc"
            fh.write(f"\n#: {doc}:{i + 1}\nmsgctxt {_po_quote(f'{n // len(en)}-{i + 1}')}\n"
                     f"msgid {_po_quote(en[i])}\nmsgstr {_po_quote(tgt[n % len(tgt)])}\n")


def new_targets(lang: str) -> list[str]:
    """Sentences of other news than NTREX: FactRuEval-2016 (ru), KazNERD (kk), in file order."""
    if lang == "ru":
        from termbase.languages.segment import split_paragraphs, split_sentences

        out = []
        for path in sorted(FACTRU.glob("*/*.txt")):
            for para in split_paragraphs(path.read_text(encoding="utf-8-sig")):
                out += split_sentences(para, "ru")
        return out
    if lang == "kk":  # one token per line, a blank line after each sentence
        out, tokens = [], []
        for path in KAZNERD:
            for line in path.read_text(encoding="utf-8").splitlines() + [""]:
                if line.strip():
                    tokens.append(line.split(" ")[0])
                elif tokens:
                    out.append(_detokenize(tokens))
                    tokens = []
        return out
    raise SystemExit(f"no new-words text for {lang}")


def _detokenize(tokens: list[str]) -> str:
    text = ""
    for tok in tokens:
        if text and tok not in ".,;:!?)»%" and not text.endswith(("(", "«")):
            text += " "
        text += tok
    return text


def _pairs() -> int:
    """How many sentence pairs NTREX has (the PO file cycles them)."""
    return len((NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines())


def timed(fn):
    c0, w0 = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.process_time() - c0, time.perf_counter() - w0


def child_run(cmd: list[str], **kw) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, proc.returncode


def new_words(lang: str, args, concepts, workdir: Path) -> None:
    targets = new_targets(lang)[: args.new_units]
    po = workdir / f"new_words.{lang}.po"
    build_po(po, lang, len(targets), targets)
    counts = collections.Counter(w.lower() for t in targets for w in split_words(t))
    print(f"-- new words: {po} ({len(targets):,} units; target sentences from "
          f"{'FactRuEval-2016' if lang == 'ru' else 'KazNERD'}: {len(counts):,} distinct words, "
          f"{sum(1 for n in counts.values() if n == 1):,} of them met once)")
    rates = []
    for _ in range(args.repeat):
        word_key.cache_clear()
        checker = _ready(Checker(concepts), lang)
        report, cpu, _ = timed(lambda: check_files([po], checker))
        rates.append(report.units_checked / cpu)
    print(f"new words:      {statistics.median(rates):>9,.0f} units/s CPU (range {min(rates):,.0f}-{max(rates):,.0f}; "
          f"read + check, new checker, empty caches); {report.units_checked:,} checked, "
          f"{len(report.findings):,} findings")
    sample = list(read_pairs(po))[:5000]
    on = check_units(sample, Checker(concepts)).findings
    off = check_units(sample, Checker(concepts, prefilter=False)).findings
    print(f"no prefilter:   {'identical findings' if on == off else 'DIFFERENT FINDINGS'} on {len(sample):,} units "
          f"({len(on):,} findings)")
    if args.cli:
        cpu, wall, rc = child_run(_cli(workdir, po), env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
        print(f"termbase check: {len(targets) / cpu:>9,.0f} units/s CPU, {len(targets) / wall:,.0f} units/s wall "
              f"(whole command, start-up included, exit {rc})")


def missing_terms(lang: str, args, concepts) -> None:
    """Units whose targets miss the source's terms (the missing-term rules' path, which the NTREX
    file hardly takes: its sources name few glossary concepts): 2,000 sources each naming three
    glossary concepts by their first English term, seeded, with NTREX target sentences in turn."""
    import random

    rng = random.Random(5)
    named = [c for c in concepts if c.terms_in("en") and c.terms_in(lang)]
    targets = (NTREX / TARGETS[lang]).read_text(encoding="utf-8").splitlines()
    units = []
    for i in range(2000):
        a, b, c = (rng.choice(named).terms_in("en")[0].text for _ in range(3))
        units.append(BilingualUnit(f"The {a}, the {b} and the {c} met.", targets[i % len(targets)], "en", lang))
    checker = Checker(concepts)
    check_units(units, checker)  # the words keyed once: what follows times the rules
    runs = [timed(lambda: check_units(units, checker)) for _ in range(args.repeat)]
    cpus = [c for _, c, _ in runs]
    print(f"missing terms:  {len(units) / statistics.median(cpus):>9,.0f} units/s CPU (median of {args.repeat}, "
          f"{statistics.median(cpus) * 1000:,.0f} ms; warm caches); {len(units):,} units, "
          f"{sum(f.kind == 'missing-term' for f in runs[0][0].findings):,} missing-term findings")


def _ready(checker: Checker, lang: str) -> Checker:
    """``checker`` once it has set up what en -> ``lang`` needs (the prefilter's anchors of the two
    languages are worked out on first use): what follows measures the words, not the set-up."""
    check_units([BilingualUnit("-", "-", "en", lang)], checker)
    return checker


def _cli(workdir: Path, po: Path) -> list[str]:
    db = workdir / "bench.db"
    if not db.exists():
        from termbase.glossary import load_shipped
        from termbase.store import create_store

        with create_store(db) as store:
            store.concepts.add_many(load_shipped())
    return [sys.executable, "-m", "termbase", "--db", str(db), "check", str(po), "--json"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--units", type=int, default=100_000)
    ap.add_argument("--langs", default="ru,kk")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pofilter", action="store_true", help="also time translate-toolkit's pofilter")
    ap.add_argument("--cli", action="store_true", help="also time the termbase check command")
    ap.add_argument("--new-words", action="store_true", help="also time a file of new vocabulary")
    ap.add_argument("--new-units", type=int, default=20_000, help="at most this many units in it")
    ap.add_argument("--keep", type=Path, help="write the PO files here and keep them")
    ap.add_argument("--missing-terms", action="store_true",
                    help="also time 2,000 units each missing three glossary terms (the missing-term rules)")
    args = ap.parse_args()

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench_check_"))
    workdir.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0]
    t0 = time.process_time()
    for _ in range(10**7):
        pass
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f}; an empty Python loop of 10^7 takes "
          f"{time.process_time() - t0:.2f} s CPU (figures are per process, one core)")

    concepts = list(load_shipped())
    checker, cpu, _ = timed(lambda: Checker(concepts))
    print(f"glossary: {len(concepts)} concepts, {sum(len(c.terms) for c in concepts)} terms; "
          f"checker built in {cpu:.2f} s CPU")
    if args.cli:
        one = workdir / "one.po"
        one.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "Astana"\nmsgstr "Астана"\n', encoding="utf-8")
        starts = [child_run(_cli(workdir, one), env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))[0]
                  for _ in range(args.repeat)]
        print(f"termbase check of a one-unit PO: {statistics.median(starts):.2f} s CPU (range {min(starts):.2f}-"
              f"{max(starts):.2f}): start-up, termbase opened, matcher and en/ru prefilter built")

    for lang in args.langs.split(","):
        po = workdir / f"ntrex_{args.units}.{lang}.po"
        build_po(po, lang, args.units)
        print(f"\n== en->{lang}: {po} ({po.stat().st_size / 1e6:.1f} MB, {args.units:,} units)")

        units, cpu, _ = timed(lambda: list(read_pairs(po)))
        distinct = units[:_pairs()]
        colds = []
        for _ in range(args.repeat):
            word_key.cache_clear()  # the English keys of the language before too
            fresh = _ready(Checker(concepts), lang)
            colds.append(len(distinct) / timed(lambda: check_units(distinct, fresh))[1])
        print(f"first pass:     {statistics.median(colds):>9,.0f} units/s CPU (range {min(colds):,.0f}-"
              f"{max(colds):,.0f}; check only, {len(distinct):,} distinct units, new checker, empty caches)")
        reads = [len(units) / timed(lambda: list(read_pairs(po)))[1] for _ in range(args.repeat)]
        print(f"read only:      {statistics.median(reads):>9,.0f} units/s CPU (best {max(reads):,.0f})")

        runs = [timed(lambda: check_files([po], checker)) for _ in range(args.repeat)]
        report = runs[0][0]
        cpu_rates = [report.units_checked / c for _, c, _ in runs]
        wall_rate = statistics.median(report.units_checked / w for _, _, w in runs)
        print(f"check_files:    {statistics.median(cpu_rates):>9,.0f} units/s CPU (best {max(cpu_rates):,.0f}), "
              f"{wall_rate:,.0f} units/s wall; {report.units_checked:,} checked, {len(report.findings):,} findings")

        runs = [timed(lambda: check_units(units, checker)) for _ in range(args.repeat)]
        cpu_rates = [len(units) / c for _, c, _ in runs]
        print(f"check only:     {statistics.median(cpu_rates):>9,.0f} units/s CPU (best {max(cpu_rates):,.0f})")

        sample = units[:20_000]
        slow = Checker(concepts, prefilter=False)
        off, cpu_off, _ = timed(lambda: check_units(sample, slow))
        on, cpu_on, _ = timed(lambda: check_units(sample, checker))
        same = "identical findings" if on.findings == off.findings else "DIFFERENT FINDINGS"
        print(f"no prefilter:   {len(sample) / cpu_off:>9,.0f} units/s CPU on {len(sample):,} units "
              f"(with it {len(sample) / cpu_on:,.0f}); {same}")

        if args.cli:
            cpu, wall, rc = child_run(_cli(workdir, po), env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
            print(f"termbase check: {args.units / cpu:>9,.0f} units/s CPU, {args.units / wall:,.0f} units/s wall "
                  f"(whole command, exit {rc})")

        if args.new_words:
            new_words(lang, args, concepts, workdir)

        if args.missing_terms:
            missing_terms(lang, args, concepts)

        if args.pofilter:
            pofilter = Path(sys.executable).with_name("pofilter")
            out = workdir / f"pofilter.{lang}.po"
            cpu, wall, rc = child_run([str(pofilter), "--progress=none", f"--language={lang}", "-i", str(po),
                                       "-o", str(out)])
            flagged = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("msgid ")) - 1
            print(f"pofilter:       {args.units / cpu:>9,.0f} units/s CPU, {args.units / wall:,.0f} units/s wall "
                  f"(default checks, exit {rc}; {flagged:,} units flagged)")
    if not args.keep:
        print(f"\n(files in {workdir}; pass --keep DIR to choose where)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
