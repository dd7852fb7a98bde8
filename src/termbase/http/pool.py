"""Opened termbases for the requests of one server process.

A :class:`~termbase.services.Workspace` (a store connection and its search index) serves one request
at a time; the pool keeps up to ``size`` of them, opened on first need and reused, so the search
index is built once per workspace and then kept up to date from the database (it checks the data
version kept there on every use, so writes by other processes or server instances are seen at once).
A workspace whose database failed (a lost connection) is closed and replaced, not reused.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from typing import Iterator

from ..errors import StoreError
from ..services import Workspace


class WorkspacePool:
    def __init__(self, location: str, size: int, *, lock_timeout: float | None = None):
        self.location = location
        self.lock_timeout = lock_timeout
        self.size = size
        self._idle: queue.LifoQueue[Workspace] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)
        self._closed = False

    @contextlib.contextmanager
    def workspace(self) -> Iterator[Workspace]:
        """A workspace for the block (waiting while all ``size`` are busy)."""
        self._slots.acquire()
        try:
            try:
                ws = self._idle.get_nowait()
            except queue.Empty:
                ws = Workspace.open(self.location, lock_timeout=self.lock_timeout)
            try:
                yield ws
            except StoreError:
                self._keep_if_alive(ws)
                raise
            except BaseException:
                self._idle.put(ws)
                raise
            else:
                if self._closed:
                    ws.close()
                else:
                    self._idle.put(ws)
        finally:
            self._slots.release()

    def _keep_if_alive(self, ws: Workspace) -> None:
        """After a database failure: keep the workspace if its connection still answers (the
        database was only busy), else close it (the next request opens a fresh connection)."""
        try:
            ws.store.data_version()
        except StoreError:
            with contextlib.suppress(Exception):  # a dead connection may fail to close too
                ws.close()
            return
        self._idle.put(ws)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
