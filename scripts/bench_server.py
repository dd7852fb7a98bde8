#!/usr/bin/env python3
"""CPU per request of the HTTP API, in one process, without the network: the app is called as ASGI
(what uvicorn does after parsing a request), so the figure is the server's own cost, less the HTTP
parsing, and holds on a shared machine (CPU time, not wall time).

Requests: lookups of glossary terms as users type them (exact, lower-cased, inflected, with a typo),
GET of a concept, PATCH of a concept's note with If-Match (each one changes the termbase, so the next
lookups bring their index up to date), health, and lookups each right after a note changed through
another connection (another server instance: the lookup brings the server's index up to date first;
the edit itself is not counted). Prints milliseconds of CPU per request and the
lookups per second one core could serve.

    python scripts/bench_server.py [--n 2000] [--db FILE|URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_server import queries_of  # noqa: E402  (the same queries as the load test)

from termbase.http import ServerConfig, create_app  # noqa: E402
from termbase.services import Workspace  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--db", help="termbase file or postgresql:// URL (default: a fresh shipped glossary)")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="termbase-bench-")
    db = args.db or str(Path(tmp.name) / "bench.db")
    cli = [sys.executable, "-m", "termbase", "--db", db]
    if not args.db:
        subprocess.run([*cli, "init"], check=True, capture_output=True)
    name = f"bench-{random.randrange(10**6)}"
    token = subprocess.run([*cli, "token", "create", name, "--role", "terminologist"], check=True,
                           capture_output=True, text=True).stdout.strip()
    app = create_app(ServerConfig(db))
    auth = [(b"authorization", f"Bearer {token}".encode())]

    async def call(method: str, path: str, query: str = "", headers=(), body: bytes = b"") -> tuple[int, dict, bytes]:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
                 "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query.encode(),
                 "root_path": "", "headers": [(b"host", b"bench"), *auth, *headers],
                 "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
        out = []

        async def receive():
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message):
            out.append(message)

        await app(scope, receive, send)
        return out[0]["status"], dict(out[0]["headers"]), b"".join(m.get("body", b"") for m in out[1:])

    async def run() -> dict:
        async with app.router.lifespan_context(app):
            _, _, body = await call("GET", "/api/concepts", "limit=1000")
            concepts = json.loads(body)["concepts"]
            rng = random.Random(15)
            queries = queries_of(concepts, rng)
            ids = [c["concept_id"] for c in concepts]

            async def lookup(i):
                status, _, _ = await call("GET", "/api/lookup", "q=" + urllib.parse.quote(queries[i % len(queries)]))
                assert status == 200, status

            async def concept(i):
                status, _, _ = await call("GET", f"/api/concepts/{ids[i % len(ids)]}")
                assert status == 200, status

            async def patch(i):
                cid = ids[i % len(ids)]
                _, headers, _ = await call("GET", f"/api/concepts/{cid}")
                status, _, _ = await call("PATCH", f"/api/concepts/{cid}", headers=[
                    (b"if-match", headers[b"etag"]), (b"content-type", b"application/json")],
                    body=json.dumps({"note": f"bench {i}"}).encode())
                assert status == 200, status

            other = Workspace.open(db)  # another instance: its edits come to the server's index as changes

            async def lookup_after_edit(i):  # the edit elsewhere is not timed, the lookup catching up is
                concept = other.store.concepts.get(ids[i % len(ids)])
                cpu = time.process_time()
                other.store.concepts.update(replace(concept, note=f"elsewhere {i}"), expected_version=concept.version)
                paused[0] += time.process_time() - cpu
                await lookup(i)

            async def health(i):
                status, _, _ = await call("GET", "/api/health")
                assert status == 200, status

            figures, paused = {}, [0.0]
            for label, fn, n in (("lookup", lookup, args.n), ("concept", concept, args.n),
                                 ("patch (GET + PATCH)", patch, max(1, args.n // 10)), ("health", health, args.n),
                                 ("lookup after edits", lookup, args.n),
                                 ("lookup after an edit elsewhere", lookup_after_edit, max(1, args.n // 4))):
                for i in range(min(50, n)):
                    await fn(i)
                paused[0] = 0.0
                start = time.process_time()
                for i in range(n):
                    await fn(i)
                figures[label] = round(1000 * (time.process_time() - start - paused[0]) / n, 3)
            other.close()
            return figures

    figures = asyncio.run(run())
    for label, ms in figures.items():
        print(f"{label:<31} {ms:6.3f} ms CPU per request")
    print(f"one core: {1000 / figures['lookup']:.0f} lookups/s (before the HTTP parsing and the network)")
    tmp.cleanup()


if __name__ == "__main__":
    main()
