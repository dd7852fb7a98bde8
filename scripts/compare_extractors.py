#!/usr/bin/env python
"""termbase's extractor beside translate-toolkit's ``poterminology`` and YAKE, on the same inputs and
with the same measures as scripts/eval_extract.py (KazNERD / FactRuEval develop splits), plus the seed
article's institutions.

    .venv/bin/pip install yake     # for this comparison only, not a project dependency
    PYTHONPATH=src .venv/bin/python scripts/compare_extractors.py [--split dev]

Neither poterminology nor YAKE gives kinds or frequencies, so for them:
- org recall: any of their candidates (the full list) equal to a gold organisation surface form;
- name precision: of their K best candidates (K = the number of name candidates termbase lists with
  frequency >= 2), the share that are gold named entities (strict) or part of one (lenient).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import eval_extract as ev  # noqa: E402


class Cand:
    def __init__(self, term: str):
        self.term = term
        self.forms = (term,)
        self.kind = "name"
        self.frequency = 2


def run_yake(docs: list[str], lang: str, top: int) -> list[str]:
    import yake

    # YAKE keeps a stopword list per language; it has "kk"? It falls back to no stopwords silently for
    # languages it does not know, so that is said here: for Kazakh it runs with its generic list.
    extractor = yake.KeywordExtractor(lan=lang, n=4, top=top, dedupLim=0.9)
    text = "\n\n".join(docs)
    return [kw for kw, _ in extractor.extract_keywords(text)]


def run_poterminology(docs: list[str], lang: str) -> list[str]:
    import polib

    with tempfile.TemporaryDirectory() as tmp:
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": lang}
        seen = set()
        for d in docs:
            for para in d.split("\n\n"):
                para = para.strip()
                if para and para not in seen:
                    seen.add(para)
                    po.append(polib.POEntry(msgid=para, msgstr=""))
        src = Path(tmp) / "in.po"
        out = Path(tmp) / "out.po"
        po.save(str(src))
        exe = Path(sys.executable).parent / "poterminology"
        # translate-toolkit ships an English stopword file only; it is used for every language here
        cmd = [str(exe), "--source-language", lang, "--inputs-needed", "1", "--locs-needed", "1",
               "-i", str(src), "-o", str(out)]
        if lang != "en":
            import translate

            cmd += ["-S", str(Path(translate.__file__).parent / "share" / "stoplist-en")]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode)
        terms = [e.msgid for e in polib.pofile(str(out)) if e.msgid]
    return terms


def compare(lang: str, split: str) -> list[str]:
    if lang == "kk":
        docs, orgs, entities = ev.load_kaznerd(split)
        org_mentions = [(o,) for o in orgs]
        named_mentions = org_mentions  # KazNERD labels names only
    else:
        docs, orgs, entities = ev.load_factrueval(split)
        org_mentions = [(core, full) for core, full, _ in orgs]
        named_mentions = [(core, full) for core, full, named in orgs if named]
    lines = []
    t = time.perf_counter()
    result, _ = ev.run_extractor(docs, lang)
    ours_s = time.perf_counter() - t
    forms = [f for c in result.candidates if c.kind in ev.NAME_KINDS for f in c.forms]
    r, rk, n, _ = ev.org_recall(org_mentions, forms)
    rn, _, nn, _ = ev.org_recall(named_mentions, forms)
    p, pl, k, _ = ev.name_precision(result.candidates, entities)
    lines.append(f"{lang} termbase      : org recall {r:.3f} (key {rk:.3f}, {n} orgs seen twice; names {rn:.3f} "
                 f"of {nn}); name precision {p:.3f} strict / {pl:.3f} lenient over {k}; {ours_s:.1f}s")
    for name, fn in (("yake", lambda: run_yake(docs, lang, max(k, 500) * 4)),
                     ("poterminology", lambda: run_poterminology(docs, lang))):
        t = time.perf_counter()
        try:
            terms = fn()
        except Exception as exc:  # report the tool's failure beside the figures, keep comparing
            lines.append(f"{lang} {name:14}: failed: {type(exc).__name__}: {exc}")
            continue
        secs = time.perf_counter() - t
        r, rk, n, _ = ev.org_recall(org_mentions, terms)
        rn, _, _, _ = ev.org_recall(named_mentions, terms)
        p, pl, kk, _ = ev.name_precision([Cand(x) for x in terms[:k]], entities)
        lines.append(f"{lang} {name:14}: org recall {r:.3f} (key {rk:.3f}; names {rn:.3f}); name precision of top {k}: "
                     f"{p:.3f} strict / {pl:.3f} lenient; {len(terms)} terms; {secs:.1f}s")
    return lines


def seed_compare() -> list[str]:
    text = (ev.SHARED / "examples" / "astana-times-apk-plenary.txt").read_text(encoding="utf-8")
    wanted = [s.replace("’", "'") for s in ev.SEED_INSTITUTIONS]
    lines = []
    from termbase.extraction import extract_terms

    # an acronym's candidate carries its expansion ("APK" for "Assembly of People of Kazakhstan")
    ours = [t.replace("’", "'") for c in extract_terms([text], lang="en").candidates
            for t in (c.term, c.expansion) if t]
    for name, terms in (("termbase", ours), ("yake", run_yake([text], "en", 40)),
                        ("poterminology", run_poterminology([text], "en"))):
        low = [t.replace("’", "'").lower() for t in terms]
        found = [w for w in wanted if w.lower() in low]
        lines.append(f"seed {name:14}: {len(found)}/{len(wanted)} institutions found: {found}; top 10: {terms[:10]}")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    args = ap.parse_args(argv)
    for line in seed_compare():
        print(line)
    for lang in ("kk", "ru"):
        for line in compare(lang, args.split):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
