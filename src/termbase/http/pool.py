"""Opened termbases for the requests of one server process.

A :class:`~termbase.services.Workspace` (a store connection and its search index) serves one request
at a time; the pool keeps up to ``size`` of them, opened (and their lookup index built) on first need
or by :meth:`warm_up`, and reused, so the search index is built once per workspace and then kept up to
date from the database (it checks the data version kept there on every use, so writes by other
processes or server instances are seen at once). A workspace whose database failed and no longer
answers (a lost connection) is closed and replaced, not reused.
"""

from __future__ import annotations

import contextlib
import queue
import threading

from ..errors import StoreError
from ..services import MemoryCorpora, Workspace, data_version, lookup


class WorkspacePool:
    """``corpora``: where the workspaces keep the mining indexes of memories between requests (shared)."""

    def __init__(self, location: str, size: int, *, lock_timeout: float | None = None,
                 corpora: MemoryCorpora | None = None):
        self.location = location
        self.size = size
        self.lock_timeout = lock_timeout
        self.corpora = corpora
        self._idle: queue.LifoQueue[Workspace] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)
        self._closed = False

    def take(self) -> Workspace:
        """A workspace for one request (blocks while all ``size`` are busy); give it back with
        :meth:`give_back`."""
        self._slots.acquire()
        try:
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                return Workspace.open(self.location, lock_timeout=self.lock_timeout, long_lived=True,
                                      corpora=self.corpora)
        except BaseException:
            self._slots.release()
            raise

    @staticmethod
    def needs_check(failed: BaseException | None) -> bool:
        """Whether giving back after ``failed`` pings the database (blocking)."""
        return isinstance(failed, StoreError)

    def give_back(self, ws: Workspace, failed: BaseException | None = None) -> None:
        """Return a workspace taken with :meth:`take`; after a database failure it is kept only if
        its connection still answers (the database was only busy)."""
        try:
            if self._closed or (self.needs_check(failed) and not _answers(ws)):
                with contextlib.suppress(Exception):  # a dead connection may fail to close too
                    ws.close()
            else:
                self._idle.put(ws)
        finally:
            self._slots.release()

    def warm_up(self) -> None:
        """Open every workspace and build its lookup index now, before requests wait for it."""
        taken = [self.take() for _ in range(self.size)]
        try:
            for ws in taken:
                lookup(ws, "warm-up", limit=1)
        finally:
            for ws in taken:
                self.give_back(ws)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def _answers(ws: Workspace) -> bool:
    try:
        data_version(ws)
    except StoreError:
        return False
    return True
