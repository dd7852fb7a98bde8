"""Running the app: :func:`serve` starts uvicorn with ``workers`` processes on ``host:port``.

With more than one worker each listens on a socket of its own, all bound to the one address with
``SO_REUSEPORT``, so the kernel spreads new connections evenly over them. (uvicorn's own workers
share one socket, and the first to wake takes every connection waiting: a team's clients, which
connect together and then keep their connections, would often all land on one worker while the
others idle.) Where the system has no ``SO_REUSEPORT``, uvicorn's workers are used.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time

from ..errors import TermbaseError
from ..services import Workspace
from .config import ServerConfig

log = logging.getLogger("termbase.http")

#: The app each worker process builds (from the environment :func:`serve` passes on).
APP = "termbase.http.app:app_from_environment"
#: A worker that dies sooner than this after it started is not started again (the server stops).
RESTART_AFTER = 5.0


def serve(config: ServerConfig, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          log_level: str = "warning") -> None:
    """Serve ``config``'s termbase until interrupted. The termbase is opened (and its schema
    upgraded) once here, so a missing or unreadable one is an error before anything listens; each
    worker process builds the app from the environment (:func:`termbase.http.app.app_from_environment`)."""
    import uvicorn

    Workspace.open(config.db).close()
    os.environ.update(config.environment())
    if workers > 1 and hasattr(socket, "SO_REUSEPORT"):
        return _Workers(workers, host, port, log_level).run()
    uvicorn.run(APP, factory=True, host=host, port=port, workers=workers, **_options(log_level))


def _options(log_level: str) -> dict:
    return {"log_level": log_level, "access_log": False, "server_header": False}


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` with ``SO_REUSEPORT`` (not listening yet)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def reserve(host: str, port: int) -> socket.socket:
    """:func:`listening_socket` for the server's workers, once nobody else has ``host:port``: a
    socket bound there without ``SO_REUSEPORT`` first, so that another server holding the port
    (even another ``termbase serve --workers N``, whose sockets would accept ours) is an error, not a
    silent share of its connections. A port taken or a host that cannot be bound is a
    :class:`~termbase.errors.TermbaseError` naming it."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
        return listening_socket(host, port)
    except OSError as exc:
        raise TermbaseError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


#: In a worker started with the others: the barrier they all reach once warmed up (see :func:`all_started`).
_started = None
#: How long a worker waits for the others to warm up before it listens anyway (seconds).
START_WAIT = 120.0


def all_started() -> None:
    """Wait until the workers started together have all warmed up (the app's start-up calls this last):
    each begins to listen only then, so the connections made meanwhile are spread over all of them,
    not kept by the first one ready. Nothing to wait for in a worker started alone."""
    if _started is not None:
        try:
            _started.wait(START_WAIT)
        except threading.BrokenBarrierError:
            log.warning("the other workers did not start in %g s; listening without them", START_WAIT)


def _worker(host: str, port: int, log_level: str, started=None) -> None:
    """One worker process: uvicorn serving the app on a socket of its own."""
    import uvicorn

    global _started
    _started = started
    sock = listening_socket(host, port)
    uvicorn.Server(uvicorn.Config(APP, factory=True, **_options(log_level))).run(sockets=[sock])


class _Workers:
    """``count`` worker processes, each with its own socket; one that dies is started again (unless
    it died at once), and all are stopped on SIGINT or SIGTERM."""

    def __init__(self, count: int, host: str, port: int, log_level: str):
        import multiprocessing

        self.count, self.host, self.port, self.log_level = count, host, port, log_level
        self.spawn = multiprocessing.get_context("spawn")
        self.stop = threading.Event()

    def _start(self, started=None):
        process = self.spawn.Process(target=_worker, args=(self.host, self.port, self.log_level, started))
        process.start()
        process.started_at = time.monotonic()
        return process

    def run(self) -> None:
        # Bound (not listening) for as long as the server runs: the port is ours, and a port taken
        # is an error here, before any worker starts. Only listening sockets get connections.
        reserved = reserve(self.host, self.port)
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: self.stop.set())
        started = self.spawn.Barrier(self.count)
        processes = [self._start(started) for _ in range(self.count)]
        failed = False
        try:
            while not self.stop.wait(0.5):
                for i, process in enumerate(processes):
                    if process.is_alive():
                        continue
                    if time.monotonic() - process.started_at < RESTART_AFTER:
                        log.error("worker %s stopped as it started (exit code %s): stopping the server",
                                  process.pid, process.exitcode)
                        failed = True
                        self.stop.set()
                        break
                    log.warning("worker %s died (exit code %s): starting another", process.pid, process.exitcode)
                    processes[i] = self._start()
        finally:
            for process in processes:
                if process.is_alive():
                    process.terminate()
            for process in processes:
                process.join(30)
                if process.is_alive():
                    process.kill()
            reserved.close()
        if failed:
            raise SystemExit(1)
