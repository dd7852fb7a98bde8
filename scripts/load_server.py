#!/usr/bin/env python3
"""Load and faults for ``termbase serve``, on loopback only, bounded in time.

Starts a server on a termbase (a fresh copy of the shipped glossary unless --db is given, a file or a
PostgreSQL URL), makes a reader and a terminologist token, and runs CLIENTS clients for SECONDS, each
with its own keep-alive HTTP/1.1 connection and one request at a time (coroutines in this one process,
on uvloop when installed: the load's own CPU is small and reported, with the server's and a --postgres
cluster's, per request, and the load average before and after). Each
request is a lookup (share 1 - EDIT_SHARE) of a glossary term as users type it (exact, lower-cased,
inflected, with a typo, acronyms) or an edit (GET the concept for its ETag, PATCH its note with
If-Match; a 412 is the expected answer when another client changed it first). Reports lookups per
second and lookup latency (p50/p95/p99), edits acknowledged, 412s and every other error, then checks
that every acknowledged edit is in the termbase (in the concept's history, with its note, at the
version the server answered) and that the termbase is consistent (each concept's version is its last
recorded change's).

Faults:
  --kill-after S     kill -9 the server (its whole process group) S seconds in, restart it at once on
                     the same port; clients retry. Nothing acknowledged may be lost.
  --restart-db CMD   run CMD (e.g. "pg_ctl -D DIR restart -m fast") DB_AT seconds in, while serving:
                     requests during it must fail cleanly (503), then succeed, with no restart of termbase.

    python scripts/load_server.py [--clients 16] [--seconds 60] [--workers 2] [--db FILE|URL]
    python scripts/load_server.py --seconds 30 --kill-after 10
    python scripts/load_server.py --postgres [--restart-postgres-at 20]   # a throwaway local cluster
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from pathlib import Path

KK_ENDINGS = {"back": ["ның", "на", "нда", "нан"], "front": ["нің", "не", "нде", "нен"]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def termbase(db: str, *args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "termbase", "--db", db, *args], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"termbase {' '.join(args)}: {out.stderr.strip()}")
    return out.stdout


def start_server(db: str, port: int, workers: int, log) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "termbase", "--db", db, "serve", "--port", str(port),
                             "--workers", str(workers)], stdout=log, stderr=log, start_new_session=True)


def wait_healthy(port: int, timeout: float = 60) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/health")
            if conn.getresponse().status == 200:
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"the server on port {port} did not become healthy in {timeout:.0f} s")


def queries_of(concepts: list[dict], rng: random.Random) -> list[str]:
    """Queries as users type them: terms, lower-cased, Kazakh case endings, one typo, acronyms."""
    out = []
    for c in concepts:
        for lang, terms in c["terms"].items():
            for t in terms:
                text = t["text"]
                out.append(text)
                out.append(text.lower())
                if lang == "kk" and text[-1] in "ыі":
                    harmony = "front" if any(ch in "әөүіе" for ch in text) else "back"
                    out.append(text + rng.choice(KK_ENDINGS[harmony]))
                if len(text) > 6:
                    i = rng.randrange(1, len(text) - 1)
                    out.append(text[:i] + text[i + 1:])
    rng.shuffle(out)
    return out


class Connection(asyncio.Protocol):
    """One keep-alive HTTP/1.1 connection, one request at a time: the answer is parsed from the bytes
    as they arrive (asyncio's protocol, no stream reader: a request costs the client about a tenth of
    a millisecond)."""

    def __init__(self):
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future | None = None
        self.closed = False

    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if self.waiter is not None and not self.waiter.done():
            try:
                answer = parse_answer(self.buffer)
            except (ValueError, IndexError) as exc:
                self.waiter.set_exception(exc)
                return
            if answer is not None:
                self.waiter.set_result(answer)

    def connection_lost(self, exc) -> None:
        self.closed = True
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("connection closed"))

    async def request(self, data: bytes) -> tuple[int, dict[str, str], bytes]:
        if self.closed:
            raise ConnectionError("connection closed")
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(data)
        return await self.waiter

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()


def parse_answer(buffer: bytearray) -> tuple[int, dict[str, str], bytes] | None:
    """The first HTTP/1.1 answer in ``buffer`` (status, headers, body), taken out of it; None while
    it is incomplete."""
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = bytes(buffer[:end]).decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    at = end + 4
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = bytearray()
        while True:
            eol = buffer.find(b"\r\n", at)
            if eol < 0:
                return None
            size = int(bytes(buffer[at:eol]).split(b";")[0], 16)
            if len(buffer) < eol + 2 + size + 2:
                return None
            body += buffer[eol + 2:eol + 2 + size]
            at = eol + 2 + size + 2
            if size == 0:
                break
        body = bytes(body)
    else:
        length = int(headers.get("content-length", 0))
        if len(buffer) < at + length:
            return None
        body = bytes(buffer[at:at + length])
        at += length
    del buffer[:at]
    return status, headers, body


class Client:
    """One user: one keep-alive HTTP/1.1 connection, one request at a time (a coroutine: all the
    clients share one thread of this process, so the load costs little of the cores the server runs
    on; :func:`main` reports this process's CPU)."""

    def __init__(self, n: int, port: int, tokens: dict, queries: list[str], ids: list[str], stop_at: float,
                 edit_share: float, seed: int):
        self.n, self.port = n, port
        self.auth = {role: f"Authorization: {value['Authorization']}\r\n".encode() for role, value in tokens.items()}
        self.queries, self.ids = queries, ids
        self.stop_at, self.edit_share = stop_at, edit_share
        self.rng = random.Random(seed)
        self.lookup_ms: list[float] = []
        self.edit_ms: list[float] = []
        self.acked: list[tuple[str, int, str]] = []
        self.stale = 0
        self.errors: Counter = Counter()
        self.down = 0  # requests refused while the server was down (kill -9 / restart)
        self.unavailable = 0  # 503s (the database restarting)
        self.conn: Connection | None = None
        self.edits = 0
        self.requests = 0  # answered, whatever their status

    async def _request(self, method: str, path: str, role: str, extra: bytes = b"",
                       body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
        try:
            async with asyncio.timeout(30):
                if self.conn is None or self.conn.closed:
                    _, self.conn = await asyncio.get_running_loop().create_connection(
                        Connection, "127.0.0.1", self.port)
                answer = await self.conn.request(b"%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s%sContent-Length: %d\r\n\r\n%s" % (
                    method.encode(), path.encode(), self.auth[role], extra, len(body), body))
        except (OSError, TimeoutError, ValueError, IndexError):
            self._close()
            raise ConnectionError("no answer") from None
        if answer[1].get("connection", "").lower() == "close":
            self._close()
        self.requests += 1
        return answer

    def _close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn = None

    async def run(self) -> None:
        while time.monotonic() < self.stop_at:
            try:
                if self.rng.random() < self.edit_share:
                    await self.edit()
                else:
                    await self.lookup()
            except ConnectionError:
                self.down += 1
                await asyncio.sleep(0.05)
        self._close()

    async def lookup(self) -> None:
        q = self.rng.choice(self.queries)
        start = time.perf_counter()
        status, _, body = await self._request("GET", "/api/lookup?q=" + urllib.parse.quote(q), "reader")
        ms = (time.perf_counter() - start) * 1000
        if status == 200:
            self.lookup_ms.append(ms)
        else:
            await self._error(status, body)

    async def edit(self) -> None:
        cid = self.rng.choice(self.ids)
        start = time.perf_counter()
        status, headers, body = await self._request("GET", f"/api/concepts/{cid}", "terminologist")
        if status != 200:
            return await self._error(status, body)
        self.edits += 1
        note = f"load {self.n}-{self.edits}"
        status, _, body = await self._request(
            "PATCH", f"/api/concepts/{cid}", "terminologist",
            f"If-Match: {headers['etag']}\r\nContent-Type: application/json\r\n".encode(),
            json.dumps({"note": note}).encode())
        self.edit_ms.append((time.perf_counter() - start) * 1000)
        if status == 200:
            self.acked.append((cid, json.loads(body)["version"], note))
        elif status == 412:
            self.stale += 1
        else:
            await self._error(status, body)

    async def _error(self, status: int, body: bytes) -> None:
        if status == 503:
            self.unavailable += 1
            await asyncio.sleep(0.05)
            return
        try:
            code = json.loads(body)["error"]["code"]
        except (ValueError, KeyError, TypeError):
            code = body[:80].decode(errors="replace")
        self.errors[f"{status} {code}"] += 1


def run_async(coro):
    """Run ``coro`` on uvloop's event loop when it is installed (cheaper per request), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    return uvloop.run(coro)


async def drive(args, running: dict, clients: list, port: int, tokens: dict, queries: list[str], ids: list[str],
                db: str, log, events: list[str], cluster) -> tuple[float, float, float, float | None]:
    """Run the clients for ``args.seconds`` (and the faults asked for); the elapsed time and the CPU
    seconds used meanwhile by the server, by this process (the clients) and by the database server
    (a --postgres cluster's processes; None otherwise or when it was restarted)."""
    start = time.monotonic()
    cpu_start, client_cpu_start = group_cpu(running["server"].pid), time.process_time()
    db_cpu_start = database_cpu(cluster)
    stop_at = start + args.seconds
    clients += [Client(i, port, tokens, queries, ids, stop_at, args.edit_share, args.seed * 1000 + i)
                for i in range(args.clients)]
    tasks = [asyncio.create_task(c.run()) for c in clients]
    if args.kill_after is not None:
        await asyncio.sleep(max(0.0, start + args.kill_after - time.monotonic()))
        os.killpg(running["server"].pid, signal.SIGKILL)
        await asyncio.to_thread(running["server"].wait)
        killed = time.monotonic()
        running["server"] = start_server(db, port, args.workers, log)
        await asyncio.to_thread(wait_healthy, port)
        events.append(f"kill -9 at {killed - start:.1f} s; serving again after {time.monotonic() - killed:.1f} s")
    if args.restart_db:
        await asyncio.sleep(max(0.0, start + args.db_at - time.monotonic()))
        began = time.monotonic()
        # no pipes: the restarted database server would hold them open (and this wait) forever
        await asyncio.to_thread(subprocess.run, args.restart_db, shell=True, check=True, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, cwd=cluster.dir if cluster else None)
        events.append(f"database restarted at {began - start:.1f} s in {time.monotonic() - began:.1f} s "
                      f"(termbase not restarted)")
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - start
    db_cpu_end = database_cpu(cluster)
    db_cpu = None if db_cpu_start is None or db_cpu_end is None or args.restart_db else db_cpu_end - db_cpu_start
    return (elapsed, group_cpu(running["server"].pid) - cpu_start, time.process_time() - client_cpu_start, db_cpu)


def database_cpu(cluster) -> float | None:
    """CPU seconds used so far by a local PostgreSQL cluster: its postmaster and every process it
    started (the connections' backends, the writers); None without a cluster."""
    if cluster is None:
        return None
    try:
        postmaster = int((cluster.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return process_cpu(lambda pid, ppid, pgid: pid == postmaster or ppid == postmaster)


def group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) used so far by the processes of a process group (the server)."""
    return process_cpu(lambda pid, ppid, group: group == pgid)


def process_cpu(chosen) -> float:
    """CPU seconds (user + system) used so far by the live processes ``chosen(pid, ppid, pgid)``."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if chosen(int(entry), int(fields[1]), int(fields[2])):  # stat fields 4 and 5: parent, process group
            total += int(fields[11]) + int(fields[12])
    return total / tick


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def verify(db: str, acked: list[tuple[str, int, str]]) -> dict:
    """Every acknowledged edit in the history at its version with its note; versions consistent."""
    from termbase.services import Workspace, concept_history, list_concepts

    missing = []
    with Workspace.open(db) as ws:
        histories = {}
        for cid, version, note in acked:
            if cid not in histories:
                histories[cid] = {c.version: c for c in concept_history(ws, cid)}
            change = histories[cid].get(version)
            if change is None or change.after is None or change.after.note != note:
                missing.append((cid, version, note))
        inconsistent = []
        concepts = list_concepts(ws, limit=None).concepts
        for c in concepts:
            last = concept_history(ws, c.id)[-1]
            if last.version != c.version or (last.after is not None and last.after.note != c.note):
                inconsistent.append(c.id)
    return {"acknowledged": len(acked), "missing": len(missing), "missing_examples": missing[:5],
            "concepts": len(concepts), "inconsistent": inconsistent[:5]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="termbase file or postgresql:// URL (default: a fresh shipped glossary)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--edit-share", type=float, default=0.10)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--kill-after", type=float, help="kill -9 the server this many seconds in, then restart it")
    ap.add_argument("--restart-db", metavar="CMD", help="a command restarting the database, run --db-at seconds in")
    ap.add_argument("--db-at", type=float, default=20)
    ap.add_argument("--postgres", action="store_true",
                    help="serve a fresh glossary on a throwaway local PostgreSQL cluster (tests/pgcluster.py)")
    ap.add_argument("--restart-postgres-at", type=float, metavar="S",
                    help="with --postgres: restart the cluster (pg_ctl restart -m fast) S seconds in")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="termbase-load-")
    cluster = None
    if args.postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.pgcluster import Cluster

        cluster = Cluster().start()
        args.db = cluster.new_schema()
        termbase(args.db, "init")
        if args.restart_postgres_at is not None:
            pg_ctl = [str(cluster.bin / "pg_ctl"), "-D", str(cluster.data), "-l", str(cluster.dir / "log"), "-w",
                      "-m", "fast", "restart"]
            if os.geteuid() == 0:
                pg_ctl = ["runuser", "-u", "postgres", "--", *pg_ctl]
            args.restart_db = " ".join(pg_ctl)
            args.db_at = args.restart_postgres_at
    db = args.db or str(Path(tmp.name) / "load.db")
    if not args.db:
        termbase(db, "init")
    suffix = os.urandom(3).hex()
    tokens = {role: {"Authorization": "Bearer " + termbase(db, "token", "create", f"load-{role}-{suffix}",
                                                            "--role", role).strip()}
              for role in ("reader", "terminologist")}
    port = free_port()
    log = open(Path(tmp.name) / "server.log", "wb")
    server = start_server(db, port, args.workers, log)
    events = []
    try:
        events.append(f"server up in {wait_healthy(port):.1f} s")
        conn = http.client.HTTPConnection("127.0.0.1", port)
        conn.request("GET", "/api/concepts?limit=1000", headers=tokens["reader"])
        concepts = json.loads(conn.getresponse().read())["concepts"]
        rng = random.Random(args.seed)
        queries = queries_of(concepts, rng)
        ids = [c["concept_id"] for c in concepts]
        clients: list[Client] = []
        load_before = os.getloadavg()
        running = {"server": server}
        elapsed, server_cpu, client_cpu, db_cpu = run_async(drive(
            args, running, clients, port, tokens, queries, ids, db, log, events, cluster))
        server = running["server"]
        load_after = os.getloadavg()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()

    lookups = [ms for c in clients for ms in c.lookup_ms]
    edits = [ms for c in clients for ms in c.edit_ms]
    acked = [a for c in clients for a in c.acked]
    errors = sum((c.errors for c in clients), Counter())
    requests = max(1, sum(c.requests for c in clients))
    figures = {
        "backend": "postgresql" if db.startswith("postgres") else "sqlite",
        "clients": args.clients, "workers": args.workers, "seconds": round(elapsed, 1),
        "lookups": len(lookups), "lookups_per_s": round(len(lookups) / elapsed, 1),
        "lookup_ms": {"p50": round(percentile(lookups, 50), 1), "p95": round(percentile(lookups, 95), 1),
                      "p99": round(percentile(lookups, 99), 1)},
        "edits_acknowledged": len(acked), "edits_412": sum(c.stale for c in clients),
        "edit_ms": {"p50": round(percentile(edits, 50), 1), "p95": round(percentile(edits, 95), 1)},
        # (after a kill -9 the killed server's CPU is not counted: no figure then)
        "requests": requests, "requests_per_s": round(requests / elapsed, 1),
        "server_cpu_s": None if args.kill_after is not None else round(server_cpu, 1),
        "server_cpu_ms_per_request": None if args.kill_after is not None else round(1000 * server_cpu / requests, 2),
        # the clients (this process) and a --postgres cluster share the cores with the server
        "client_cpu_s": round(client_cpu, 1), "client_cpu_ms_per_request": round(1000 * client_cpu / requests, 2),
        "database_cpu_s": None if db_cpu is None else round(db_cpu, 1),
        "database_cpu_ms_per_request": None if db_cpu is None else round(1000 * db_cpu / requests, 2),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "errors": dict(errors), "refused_while_down": sum(c.down for c in clients),
        "unavailable_503": sum(c.unavailable for c in clients),
        "events": events,
        "verify": verify(db, acked),
    }
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    ok = not errors and not figures["verify"]["missing"] and not figures["verify"]["inconsistent"]
    if args.kill_after is None and args.restart_db is None:
        ok = ok and not figures["refused_while_down"] and not figures["unavailable_503"]
    print("OK" if ok else "FAILED", file=sys.stderr)
    if cluster is not None:
        cluster.stop()
    tmp.cleanup()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
