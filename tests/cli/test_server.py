"""``termbase token`` and ``termbase serve``: the contract outside tools rely on, on a real server."""

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx
import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "check"


def test_token_create_prints_the_token_alone_and_list_and_revoke(two):
    result = two("token", "create", "aigerim", "--role", "translator")
    assert result.exit_code == 0
    secret = result.stdout.strip()
    assert result.stdout == secret + "\n" and secret.startswith("tb_") and len(secret) == 46
    assert result.stderr == "Token for aigerim (translator); keep it secret, it is shown only once.\n"
    listed = json.loads(two("token", "list", "--json").stdout)
    assert [(t["name"], t["role"], t["revoked"]) for t in listed] == [("aigerim", "translator", None)]
    assert secret not in two("token", "list").stdout
    assert two("token", "revoke", "aigerim").stdout == "Revoked the token of aigerim (translator).\n"
    again = two("token", "revoke", "aigerim")
    assert (again.exit_code, again.stderr) == (2, "Error: 'aigerim' has no token to revoke\n")
    bad = two("token", "create", "x", "--role", "boss")
    assert bad.exit_code == 2 and "'boss' is not one of 'reader', 'translator', 'terminologist', 'admin'" in bad.stderr


def test_token_create_and_revoke_as_json(two):
    made = json.loads(two("token", "create", "bolat", "--role", "reader", "--json").stdout)
    assert (made["name"], made["role"], made["revoked"]) == ("bolat", "reader", None)
    assert made["token"].startswith("tb_") and made["created"]
    revoked = json.loads(two("token", "revoke", "bolat", "--json").stdout)
    assert (revoked["name"], revoked["role"]) == ("bolat", "reader") and revoked["revoked"]
    assert "token" not in revoked


def test_serve_without_a_termbase_says_so(run):
    result = run("serve", "--port", "1")
    assert result.exit_code == 2 and result.stderr.startswith(f"Error: no termbase at {run.db}")


def test_serve_gives_every_worker_its_mining_cache(two, monkeypatch):
    import termbase.http.server as server
    from termbase.http import ServerConfig

    started = []
    monkeypatch.setattr(server, "serve", lambda config, **options: started.append(config))
    result = two("serve", "--mining-cache", "300", "--workers", "2")
    assert result.exit_code == 0 and [c.corpus_cache_mb for c in started] == [300]
    for name, value in started[0].environment().items():  # what each worker process reads
        monkeypatch.setenv(name, value)
    assert ServerConfig.from_environment() == started[0]
    assert two("serve", "--mining-cache", "-1").exit_code == 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(two):
    token = two("token", "create", "aigerim", "--role", "terminologist").stdout.strip()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "termbase", "--db", str(two.db), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):  # up to 20 s for the server to come up
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError(f"the server did not start: {proc.stderr.read1().decode()}")
        yield base, token
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_contract_on_a_real_server(server):
    base, token = server
    auth = {"Authorization": f"Bearer {token}"}
    r = httpx.get(f"{base}/api/health")
    assert (r.status_code, r.json()) == (200, {"status": "ok"})
    assert httpx.get(f"{base}/api/lookup", params={"q": "Сенат"}).status_code == 401
    r = httpx.get(f"{base}/api/lookup", params={"q": "Сенаттың", "lang": "kk"}, headers=auth)
    assert r.status_code == 200 and r.json()["query"] == "Сенаттың"
    assert [(m["concept_id"], m["matched"]["how"]) for m in r.json()["matches"]] == [("senate", "inflected")]
    r = httpx.get(f"{base}/api/concepts/senate", headers=auth)
    assert r.status_code == 200 and r.json()["version"] == 1 and r.headers["etag"] == '"1"'
    r = httpx.patch(f"{base}/api/concepts/senate", json={"note": "upper house"}, headers={**auth, "If-Match": '"1"'})
    assert (r.status_code, r.headers["etag"], r.json()["note"]) == (200, '"2"', "upper house")
    r = httpx.patch(f"{base}/api/concepts/senate", json={"note": "stale"}, headers={**auth, "If-Match": '"1"'})
    assert (r.status_code, r.json()["error"]["code"], r.json()["error"]["current_version"]) == (412, "version_conflict", 2)
    r = httpx.post(f"{base}/api/check", files={"file": ("apk.ru.po", (DATA / "apk.ru.po").read_bytes())}, headers=auth)
    assert r.status_code == 200 and r.json()["files_checked"] == 1
    assert [f["kind"] for f in r.json()["findings"]] == ["deprecated-term"]
    assert httpx.get(f"{base}/api/openapi.json").json()["paths"]["/api/lookup"]["get"]


def _listening(port: int) -> list[tuple[str, int]]:
    """(state, pid) of the sockets on ``port`` (ss)."""
    import re

    out = subprocess.run(["ss", "-tanpH", f"( sport = :{port} )"], capture_output=True, text=True).stdout
    return [(line.split()[0], int(m.group(1))) for line in out.splitlines() for m in [re.search(r"pid=(\d+)", line)] if m]


@pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="no SO_REUSEPORT here")
def test_workers_listen_on_sockets_of_their_own_and_share_the_connections(two):
    """With --workers 2 each worker listens on its own socket (SO_REUSEPORT): the kernel spreads the
    connections over both (uvicorn's one shared socket let the first worker to wake take every
    connection waiting). SIGTERM stops them all."""
    import shutil

    if shutil.which("ss") is None:
        pytest.skip("no ss to list the sockets")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "termbase", "--db", str(two.db), "serve", "--port", str(port),
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        for _ in range(600):  # up to 60 s for the server to come up
            listening = [pid for state, pid in _listening(port) if state == "LISTEN"]
            if len(listening) == 2:
                break
            time.sleep(0.1)
        else:
            raise AssertionError(f"the server did not start: {proc.stderr.read1().decode()}")
        assert len(set(listening)) == 2 and proc.pid not in listening  # each worker its own socket
        connections = [socket.create_connection(("127.0.0.1", port)) for _ in range(16)]
        for c in connections:
            c.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        for c in connections:
            assert c.recv(100).startswith(b"HTTP/1.1 200")
        served = [pid for state, pid in _listening(port) if state == "ESTAB" and pid in listening]
        assert len(served) == 16 and set(served) == set(listening)  # (all on one: once in 32,768 runs)
        for c in connections:
            c.close()
        proc.terminate()
        assert proc.wait(timeout=30) == 0
        assert not [pid for state, pid in _listening(port) if state == "LISTEN"]
    finally:
        if proc.poll() is None:
            import os
            import signal

            os.killpg(proc.pid, signal.SIGKILL)


def test_a_worker_started_with_others_listens_once_they_have_all_started(monkeypatch):
    import threading

    from termbase.http import server

    server.all_started()  # a worker started alone: nothing to wait for
    arrived = []
    monkeypatch.setattr(server, "_started", threading.Barrier(2))

    def other_worker():
        time.sleep(0.2)
        arrived.append("other")
        server._started.wait()

    thread = threading.Thread(target=other_worker)
    thread.start()
    server.all_started()
    assert arrived == ["other"]
    thread.join()
