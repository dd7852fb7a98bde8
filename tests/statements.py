"""Counting the SQL statements a store runs (a PostgreSQL statement is a round trip to the server)."""

from __future__ import annotations

import contextlib
from typing import Iterator


@contextlib.contextmanager
def statements(store) -> Iterator[list[str]]:
    """The SQL of each statement ``store`` runs in the block, in order (SQLite's trace; the
    PostgreSQL connection's ``execute``, one string per round trip)."""
    seen: list[str] = []
    conn = store._conn
    if getattr(store, "remote", False):
        execute = conn.execute

        def counted(sql, params=()):
            seen.append(sql)
            return execute(sql, params)

        conn.execute = counted
        try:
            yield seen
        finally:
            del conn.execute
    else:
        conn.set_trace_callback(seen.append)
        try:
            yield seen
        finally:
            conn.set_trace_callback(None)
