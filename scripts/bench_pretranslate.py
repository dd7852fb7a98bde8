#!/usr/bin/env python
"""Pre-translation of a 10,000-unit PO from a memory, by termbase and by translate-toolkit.

For each memory size, builds an English→Russian memory of N units (the NTREX-128 half-sentence
units of scripts/bench_tm.py), stores it in a fresh termbase, and writes the same units as a PO
compendium for translate-toolkit. The PO to fill holds Q untranslated units: memory sentences with one
or two edits (as in bench_tm.py), a fifth of them sentences the memory does not hold. Both tools fill
it with matches of at least 75%; the whole commands are timed (wall clock and peak memory by
/usr/bin/time -v) and their choices compared unit by unit (same translation, or both left empty).

    .venv/bin/python scripts/bench_pretranslate.py --sizes 20000,100000 --queries 10000
    .venv/bin/python scripts/bench_pretranslate.py --sizes 1000000 --db /tmp/tm1m.db --seed 7 --no-toolkit

``--db`` reuses a termbase that scripts/bench_tm.py built with the same size and ``--seed`` (its
memory "bench" holds the same units), so the million-unit memory is built once.

``--xliff 20000,200000`` pre-translates XLIFF files of that many units instead (``--xliff-version``
1.2 or 2.0), their sources drawn from ``--distinct`` sentences made as above (a few thousand: each is
looked up once, so the time and memory are mostly the XLIFF's reading and writing); termbase only:

    .venv/bin/python scripts/bench_pretranslate.py --sizes 20000 --xliff 20000,200000 --db /tmp/tm20k.db
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import polib  # noqa: E402

from bench_tm import edit, make_units  # noqa: E402
from termbase.models import TranslationUnit  # noqa: E402
from termbase.store import create_store  # noqa: E402

BIN = Path(sys.executable).parent


def po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def write_po(path: Path, pairs: list[tuple[str, str]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
                '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n"X-Source-Language: en\\n"\n\n')
        for source, target in pairs:
            f.write(f'msgid "{po_escape(source)}"\nmsgstr "{po_escape(target)}"\n\n')


def write_xliff(path: Path, sources: list[str], version: str) -> None:
    def esc(t: str) -> str:
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    with open(path, "w", encoding="utf-8") as f:
        if version == "1.2":
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                    'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file original="bench" datatype="plaintext" '
                    'source-language="en" target-language="ru">\n    <body>\n')
            for i, source in enumerate(sources, 1):
                f.write(f'      <trans-unit id="t{i}">\n        <source>{esc(source)}</source>\n      </trans-unit>\n')
            f.write("    </body>\n  </file>\n</xliff>\n")
        else:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                    'version="2.0" srcLang="en" trgLang="ru">\n  <file id="f1">\n')
            for i, source in enumerate(sources, 1):
                f.write(f'    <unit id="u{i}">\n      <segment id="s{i}">\n        <source>{esc(source)}</source>\n'
                        '      </segment>\n    </unit>\n')
            f.write("  </file>\n</xliff>\n")


def timed(cmd: list[str], env=None) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds (user + system), peak MB, exit status) of a command run under
    /usr/bin/time -v."""
    t0 = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr))
    if proc.returncode not in (0, 1):
        print(proc.stderr[-2000:])
    return wall, cpu, int(peak.group(1)) / 1024 if peak else float("nan"), proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="20000,100000")
    ap.add_argument("--queries", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--no-toolkit", action="store_true", help="time termbase only")
    ap.add_argument("--db", help="a termbase built by bench_tm.py with this size and --seed (reused)")
    ap.add_argument("--keep", help="copy termbase's pre-translated PO (XLIFF) here (the last size's)")
    ap.add_argument("--xliff", help="pre-translate XLIFF files of these numbers of units (comma-separated)")
    ap.add_argument("--xliff-version", default="1.2", choices=("1.2", "2.0"))
    ap.add_argument("--distinct", type=int, default=2000, help="distinct sources of the XLIFF files")
    args = ap.parse_args()
    if args.xliff:
        bench_xliff(args)
        return
    for size in (int(x) for x in args.sizes.split(",")):
        memory, sources, rng = memory_and_sources(size, args.queries, args.seed)
        rng.shuffle(sources)
        sources = list(dict.fromkeys(sources))  # a PO holds each msgid once
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            db = stored_memory(args.db, tmp, memory)
            write_po(tmp / "in.po", [(s, "") for s in sources])
            if not args.no_toolkit:
                write_po(tmp / "tm.po", [(u["en"], u["ru"]) for u in memory])
            wall, cpu, peak, rc = timed([str(BIN / "termbase"), "--db", str(db), "pretranslate", str(tmp / "in.po"),
                                         "--tm", "bench", "-o", str(tmp / "tb.po"), "--min-score", "75"])
            tb = {e.msgid: e.msgstr for e in polib.pofile(str(tmp / "tb.po"))}
            filled = sum(1 for v in tb.values() if v)
            print(f"memory {size:,} units, PO of {len(sources):,} units: termbase pretranslate {wall:.1f}s "
                  f"({cpu:.1f}s CPU, load average {os.getloadavg()[0]:.1f}), peak {peak:,.0f} MB, {filled:,} filled "
                  f"(exit {rc})")
            if args.keep:
                shutil.copy(tmp / "tb.po", args.keep)
            if args.no_toolkit:
                continue
            # the memory is also given as template: pretranslate 3.x fails without one
            wall, cpu, peak, rc = timed([str(BIN / "pretranslate"), "--tm", str(tmp / "tm.po"), "-t", str(tmp / "tm.po"), "-s", "75",
                                    "--progress", "none", str(tmp / "in.po"), str(tmp / "tt.po")])
            tt = {e.msgid: e.msgstr for e in polib.pofile(str(tmp / "tt.po"))}
            same = sum(1 for k in tb if tb[k] == tt.get(k, ""))
            both = sum(1 for k in tb if tb[k] and tt.get(k))
            print(f"  translate-toolkit pretranslate --tm {wall:.1f}s ({cpu:.1f}s CPU), peak {peak:,.0f} MB, "
                  f"{sum(1 for v in tt.values() if v):,} filled (exit {rc}); same choice for {same:,} of "
                  f"{len(tb):,} units ({same / len(tb):.1%}); both filled {both:,}")


def stored_memory(db: str | None, tmp: Path, memory) -> Path:
    """The termbase holding ``memory`` as memory 'bench': ``db`` if given (made when missing), else in ``tmp``."""
    path = Path(db) if db else tmp / "t.db"
    if not path.exists():
        with create_store(path) as store:
            store.memories.add_units("bench", (TranslationUnit({"en": u["en"], "ru": u["ru"]}) for u in memory))
    return path


def memory_and_sources(size: int, count: int, seed: int):
    """A memory of ``size`` units and ``count`` sources to fill: edited memory sources (fuzzy matches)
    and, one in five, sources the memory lacks; with the random generator that made them."""
    units = make_units(size + count // 5, seed)
    memory, outside = units[:size], units[size:]
    rng = random.Random(seed)
    vocab = sorted({w for u in memory[:5000] for w in u["en"].split()})
    sources = [edit(memory[rng.randrange(size)]["en"], rng, vocab) for _ in range(count - len(outside))]
    return memory, sources + [u["en"] for u in outside], rng


def bench_xliff(args) -> None:
    for size in (int(x) for x in args.sizes.split(",")):
        memory, pool, rng = memory_and_sources(size, args.distinct, args.seed)
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            db = stored_memory(args.db, tmp, memory)
            for n in (int(x) for x in args.xliff.split(",")):
                src, out = tmp / "in.xlf", tmp / "out.xlf"
                write_xliff(src, [pool[rng.randrange(len(pool))] for _ in range(n)], args.xliff_version)
                mb = src.stat().st_size / 2**20
                wall, cpu, peak, rc = timed([str(BIN / "termbase"), "--db", str(db), "pretranslate", str(src),
                                             "--tm", "bench", "-o", str(out), "--min-score", "75"])
                filled = out.read_text(encoding="utf-8").count("</target>") if out.exists() else 0
                print(f"memory {size:,} units, XLIFF {args.xliff_version} of {n:,} units ({mb:.1f} MB, "
                      f"{args.distinct:,} distinct sources): termbase pretranslate {wall:.1f}s ({cpu:.1f}s CPU, "
                      f"load average {os.getloadavg()[0]:.1f}), peak {peak:,.0f} MB, {filled:,} targets (exit {rc})")
                if args.keep:
                    shutil.copy(out, args.keep)


if __name__ == "__main__":
    main()
