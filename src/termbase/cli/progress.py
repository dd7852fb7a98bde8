"""Progress of long commands on a terminal: one line on standard error, rewritten in place a few
times a second, cleared when the command ends. Nothing at all when standard error is not a terminal
(a pipe, a file, CI) or with ``--quiet``."""

from __future__ import annotations

import sys
import time
from typing import TextIO

#: Seconds between two redraws of the line (the last count of a job is always drawn).
INTERVAL = 0.2


class TerminalProgress:
    """A :data:`termbase.services.progress.Progress` that draws ``what: done/total`` on ``stream``.

    >>> import io
    >>> out = io.StringIO()
    >>> p = TerminalProgress(out, interval=0)
    >>> p("big.tmx: units read", 1500, None); p("units exported", 20, 40); p.close()
    >>> out.getvalue()
    '\\r\\x1b[Kbig.tmx: units read: 1,500\\r\\x1b[Kunits exported: 20/40 (50%)\\r\\x1b[K'
    """

    def __init__(self, stream: TextIO, *, interval: float | None = None):
        self._stream = stream
        self._interval = INTERVAL if interval is None else interval
        self._last = 0.0
        self._shown = False

    def __call__(self, what: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        finished = total is not None and done >= total
        if self._interval and now - self._last < self._interval and not finished:
            return
        self._last = now
        text = f"{what}: {done:,}" + (f"/{total:,} ({100 * done // total}%)" if total else "")
        self._stream.write("\r\x1b[K" + text)
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        """Clear the line (so that what the command prints next starts clean)."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False


def terminal_progress(quiet: bool, stream: TextIO | None = None) -> TerminalProgress | None:
    """A progress line on ``stream`` (standard error) when it is a terminal and not ``quiet``."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not _is_terminal(stream):
        return None
    return TerminalProgress(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
