#!/usr/bin/env python
"""Server time of the web extraction page: a pasted English text, suggestions mined from a stored
three-language memory, the same request again (the server keeps the memory's mining index until its
units change: services.MemoryCorpora), then "add the selected" (which runs the extraction again with add).

Builds a termbase whose memory holds N units of the NTREX-128 development lines (604-1997 of
../shared/eval/parallel/ntrex128; each pass made distinct by a number), signs in a translator, and
times in process (FastAPI's test client: the server's own time and CPU, no network) the POST /extract
of a text of ``--lines`` development sentences, twice, and the POST /extract/add of its first five NEW
candidates. One process per size, so the peak memory is that size's; the load average is printed
with each size (the machine may be shared).

    .venv/bin/python scripts/bench_web_extract.py --sizes 1000,10000 --lines 40
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("TERMBASE_SHARED", HERE.parent.parent / "shared"))
sys.path.insert(0, str(HERE.parent / "src"))
DEV = slice(603, 1997)  # lines 604-1997: the development part (1-603 are held out)


def timed(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t0, time.process_time() - c0


def one(size: int, lines_in_text: int) -> None:
    from fastapi.testclient import TestClient

    from termbase.http import ServerConfig, create_app
    from termbase.models import TranslationUnit
    from termbase.services import Workspace, create_token
    from termbase.store import create_store

    base = SHARED / "eval" / "parallel" / "ntrex128"
    files = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt", "kk": "newstest2019-ref.kaz.txt"}
    lines = {lang: (base / name).read_text(encoding="utf-8").splitlines()[DEV] for lang, name in files.items()}
    n = len(lines["en"])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        with create_store(path) as store:
            def units():
                for i in range(size):
                    r, k = divmod(i, n)
                    tag = f" ({r})" if r else ""
                    yield TranslationUnit({lang: lines[lang][k] + tag for lang in files}, source_lang="en")

            store.memories.add_units("news", units())
            secret = create_token(Workspace(store), "bench", "translator").secret
        with TestClient(create_app(ServerConfig(str(path))), raise_server_exceptions=False) as client:
            client.post("/login", data={"token": secret})
            csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/extract").text).group(1)
            text = " ".join(lines["en"][:lines_in_text])
            data = {"csrf": csrf, "text": text, "lang": "en", "tm": "news", "top": "50"}
            r, wall, cpu = timed(lambda: client.post("/extract", data=data))
            assert r.status_code == 200, r.text[-500:]
            r2, wall2, cpu2 = timed(lambda: client.post("/extract", data=data))
            assert r2.status_code == 200 and r2.text == r.text, r2.text[-500:]
            picks = re.findall(r'name="pick" value="([^"]*)"', r.text)
            mined = len(re.findall(r'class="mined-text"', r.text))
            form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', r.text.split('id="addform"')[1]))
            import html

            added, awall, acpu = timed(lambda: client.post("/extract/add", data={
                **form, "pick": [html.unescape(p) for p in picks[:5]]}, follow_redirects=False))
            assert added.status_code == 303, added.text[-500:]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"{size:>7,} units, {len(text.split()):,} words: extract page {wall:5.2f}s wall, {cpu:5.2f}s CPU "
              f"({len(picks)} NEW, {mined} mined renderings, page {len(r.content) / 1024:,.0f} KB); again "
              f"{wall2:5.2f}s wall, {cpu2:5.2f}s CPU; add 5 {awall:5.2f}s wall, {acpu:5.2f}s CPU; "
              f"peak RSS {peak:,.0f} MB; load {load}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--lines", type=int, default=40, help="development sentences in the pasted text")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.one, args.lines)
        return
    for size in (int(x) for x in args.sizes.split(",")):
        subprocess.run([sys.executable, __file__, "--one", str(size), "--lines", str(args.lines)], check=True)


if __name__ == "__main__":
    main()
