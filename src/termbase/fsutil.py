"""File helpers: atomic writes and careful reading of user files."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from .errors import ParseError


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "wb", *, encoding: str | None = None) -> Iterator[IO]:
    """Write ``path`` through a temporary file in the same folder, renamed into place on success.

    A failure (exception) leaves any existing ``path`` untouched and removes the temporary file.
    ``path`` may be ``"-"`` for standard output (text mode only; no atomicity there).
    """
    if str(path) == "-":
        import sys

        stream = sys.stdout.buffer if "b" in mode else sys.stdout
        yield stream
        stream.flush()
        return
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file 0600; an export should get the mode of the file it replaces,
        # else what the user's umask gives a new file.
        os.chmod(tmp, _target_mode(path))
        with os.fdopen(fd, mode, encoding=encoding, **({"newline": ""} if "b" not in mode else {})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def read_text(path: str | Path, *, allow_empty: bool = False) -> str:
    """Read a UTF-8 text file (BOM allowed) or raise ``ParseError`` naming the file and the problem.

    Binary files (NUL bytes), undecodable bytes and empty files are errors.
    """
    p = Path(path)
    return decode_text(read_bytes(p), p, allow_empty=allow_empty)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file, or ``ParseError`` naming the file and why it cannot be read."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError as exc:
        raise ParseError(p, "no such file") from exc
    except IsADirectoryError as exc:
        raise ParseError(p, "is a directory, not a file") from exc
    except OSError as exc:
        raise ParseError(p, f"cannot read: {exc.strerror}") from exc


def decode_text(data: bytes, path: str | Path | None, *, allow_empty: bool = False) -> str:
    """Decode bytes of a user text file as UTF-8 (or UTF-16 with BOM); clear errors otherwise."""
    if (not data or data.isspace()) and not allow_empty:  # no copy of a large file
        raise ParseError(path, "file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ParseError(path, f"invalid UTF-16 text: {exc.reason}") from exc
    if b"\x00" in data[:8192]:
        raise ParseError(path, "looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); convert the file to UTF-8", line=line
        ) from exc
    return text


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
