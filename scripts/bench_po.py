"""Peak memory and time of PO import and export through the command line, at 100k and 1M units.

For each size N the script writes two PO files of N/2 entries each (en -> kk and en -> ru; every
tenth msgid repeats an earlier one with another translation, so the writer has variants to merge
and contexts to give), imports both into a fresh termbase (memory ``bench``), then exports the
memory as one PO file (``--langs en,kk``) and as a PO folder (``kk.po`` and ``ru.po``). Each command
runs in its own process; its peak RSS and CPU time (user + system) come from ``wait4``. Memory is
flat when the 1M figures peak where the 100k ones do.

    .venv/bin/python scripts/bench_po.py [--sizes 100000,1000000] [--dir /tmp/po14] [--keep]

The files go to ``--dir`` (about 0.6 GB for 1M units) and are deleted afterwards unless ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

KK = "Қазақстан халқы Ассамблеясының {i}-отырысы сәуірдің {d}-і күні өтті."
RU = "Заседание {i} Ассамблеи народа Казахстана состоялось {d} апреля."
EN = "Meeting {i} of the Assembly of People of Kazakhstan was held on {d} April."


def write_po(path: Path, lang: str, n: int) -> None:
    template = KK if lang == "kk" else RU
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"X-Source-Language: en\\n"\n'
                 '"Content-Type: text/plain; charset=UTF-8\\n"\n')
        for i in range(n):
            source = i - 7 if i % 10 == 9 else i  # every tenth msgid repeats one seven entries before
            d = source % 28 + 1
            fh.write(f'\n#. alignment score: 0.{i % 9 + 1}\n#: bench-{lang}.txt:{i}\n'
                     f'msgid "{EN.format(i=source, d=d)}"\nmsgstr "{template.format(i=i, d=d)}"\n')


def run(label: str, cmd: list[str]) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{label}: exit {os.waitstatus_to_exitcode(status)}: {err[-2000:]}")
    row = {"step": label, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}
    print(f"  {label:<28} wall {wall:7.1f} s  cpu {row['cpu']:7.1f} s  peak RSS {row['rss']:6.0f} MB", flush=True)
    return row


def one(n: int, folder: Path) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"tb-{n}.db"
    for leftover in folder.glob(f"tb-{n}.db*"):
        leftover.unlink()
    tb = [sys.executable, "-m", "termbase", "--db", str(db)]
    print(f"{n:,} units (load average {os.getloadavg()[0]:.1f} at start)", flush=True)
    files = {}
    for lang in ("kk", "ru"):
        files[lang] = folder / f"gen-{n}-{lang}.po"
        write_po(files[lang], lang, n // 2)
    print(f"  PO files: {sum(p.stat().st_size for p in files.values()) / 1e6:.0f} MB", flush=True)
    rows = [run("init", [*tb, "init", "--empty"])]
    rows.append(run(f"import {n // 2:,} (kk)", [*tb, "import", str(files["kk"]), "--tm", "bench"]))
    rows.append(run(f"import {n // 2:,} (ru)", [*tb, "import", str(files["ru"]), "--tm", "bench"]))
    out = folder / f"out-{n}.po"
    rows.append(run("export one file (en,kk)", [*tb, "export", "--format", "po", "--tm", "bench",
                                                 "--langs", "en,kk", "-o", str(out)]))
    outdir = folder / f"out-{n}"
    rows.append(run("export folder (kk, ru)", [*tb, "export", "--format", "po", "--tm", "bench",
                                                "--langs", "en,kk,ru", "-o", str(outdir)]))
    entries = contexts = 0
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            entries += line.startswith("msgid ")
            contexts += line.startswith("msgctxt ")
    print(f"  out.po: {out.stat().st_size / 1e6:.0f} MB, {entries - 1:,} entries ({contexts:,} with msgctxt); folder: "
          f"{', '.join(sorted(p.name for p in outdir.iterdir()))}", flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--dir", default="/tmp/po14")
    ap.add_argument("--keep", action="store_true", help="keep the generated files and termbases")
    args = ap.parse_args()
    folder = Path(args.dir)
    try:
        for size in args.sizes.split(","):
            one(int(size), folder / size)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
