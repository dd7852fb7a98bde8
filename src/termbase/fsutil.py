"""Files: where input comes from (:class:`Source`) and how output is written (:func:`atomic_write`,
:func:`atomic_folder`).

Every reader in termbase takes a :class:`Source`: a path, ``-`` for standard input, or an open binary
file. A source can be opened more than once (the registry looks at its first bytes to recognise the
format, then the format reads it), so standard input and file objects are copied once into a spooled
temporary file. Errors name the file as the user gave it (``<stdin>`` for standard input).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import sys
from pathlib import Path
from typing import IO, BinaryIO, Iterator

# (shutil and tempfile are imported where they are used: the store imports this module, and a
# command that writes no file -- a lookup -- does not pay for them)

from .limits import current as current_limits
from .errors import ParseError

#: How many bytes :meth:`Source.head` gives by default (enough to see an XML root or a header line).
HEAD_BYTES = 65536
#: Standard input and file objects are kept in memory up to this size, then spooled to disk.
_SPOOL_IN_MEMORY = 16 * 1024 * 1024


class Source:
    """One input file: a path, ``-`` (standard input) or an open binary file object.

    >>> src = Source.of(io.BytesIO("Сенат".encode()), name="upload.txt")
    >>> src.name, src.extension, src.read_text()
    ('upload.txt', 'txt', 'Сенат')

    ``name`` is for messages; ``path`` is the real file when there is one (``None`` for standard
    input and file objects); ``extension`` is the lower-case extension of ``name`` (``""`` if none).
    """

    def __init__(self, name: str, *, path: Path | None = None, stream: BinaryIO | None = None):
        self.name = name
        self.path = path
        self._stream = stream  # not yet spooled
        self._spool: IO[bytes] | None = None

    @classmethod
    def of(cls, src: "str | Path | BinaryIO | Source", *, name: str | None = None) -> "Source":
        """A source for ``src``: a path (``-`` is standard input), a binary file object or a source."""
        if isinstance(src, Source):
            return src
        if isinstance(src, (str, Path)):
            if str(src) == "-":
                return cls(name or "<stdin>", stream=sys.stdin.buffer)
            return cls(name or str(src), path=Path(src))
        if hasattr(src, "read"):
            return cls(name or str(getattr(src, "name", "") or "<input>"), stream=src)
        raise TypeError(f"cannot read from a {type(src).__name__}")

    @property
    def extension(self) -> str:
        base = self.name.rsplit("/", 1)[-1]
        return base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""

    @contextlib.contextmanager
    def open(self) -> Iterator[BinaryIO]:
        """A binary stream of the whole input, from its first byte (the source can be opened again)."""
        if self.path is not None:
            try:
                # a FIFO would block the open, a device (/dev/zero) never ends: regular files only
                mode = os.stat(self.path).st_mode
                if stat.S_ISDIR(mode):
                    raise IsADirectoryError(21, "Is a directory")
                if not stat.S_ISREG(mode):
                    raise ParseError(self.name, "not a regular file (a pipe or a device); "
                                                "give a file, or - to read standard input")
                fh = open(self.path, "rb")
            except FileNotFoundError as exc:
                raise ParseError(self.name, "no such file") from exc
            except IsADirectoryError as exc:
                raise ParseError(self.name, "is a directory, not a file") from exc
            except OSError as exc:
                raise ParseError(self.name, f"cannot read: {exc.strerror or exc}") from exc
            with fh:
                yield fh
            return
        spool = self._spooled()
        spool.seek(0)
        # the caller may close what it gets (lxml, zipfile do): give it a view, keep the spool open
        view = _Unclosable(spool)
        yield view

    def _spooled(self) -> IO[bytes]:
        import tempfile
        if self._spool is None:
            spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)
            limit = current_limits()
            try:
                for chunk in _chunks(self._stream, limit.input_bytes, self.name, "input_mb", limit):
                    spool.write(chunk)
            except OSError as exc:
                spool.close()
                raise ParseError(self.name, f"cannot read: {exc.strerror or exc}") from exc
            except ParseError:
                spool.close()
                raise
            self._spool, self._stream = spool, None
        return self._spool

    def head(self, size: int = HEAD_BYTES) -> bytes:
        """The first ``size`` bytes (fewer for a shorter input)."""
        with self.open() as fh:
            return fh.read(size)

    def read_bytes(self, *, limit: str = "input_mb", lines: bool = False) -> bytes:
        """The whole input, read in chunks: a ``ParseError`` as soon as it passes the limit named
        ``limit`` (``input_mb`` or ``document_mb``, see :mod:`termbase.limits`), or with ``lines``
        as soon as one line passes :attr:`~termbase.limits.Limits.line_bytes`."""
        bounds = current_limits()
        max_bytes = bounds.document_bytes if limit == "document_mb" else bounds.input_bytes
        parts: list[bytes] = []
        newlines, run = 0, 0  # lines seen, bytes of the current line so far
        with self.open() as fh:
            for chunk in _chunks(fh, max_bytes, self.name, limit, bounds):
                if lines:
                    newlines, run = _check_lines(chunk, newlines, run, bounds, self.name)
                parts.append(chunk)
        return b"".join(parts)

    def read_text(self, *, allow_empty: bool = False, limit: str = "input_mb", lines: bool = False) -> str:
        """The input as text: UTF-8 (BOM allowed) or UTF-16 with BOM; ``ParseError`` for binary,
        undecodable or (unless ``allow_empty``) empty input, and past the limits of :meth:`read_bytes`."""
        return decode_text(self.read_bytes(limit=limit, lines=lines), self.name, allow_empty=allow_empty)

    def iter_text(self, *, allow_empty: bool = False) -> Iterator[str]:
        r"""The input as text in pieces of about 1 MB, each ending at a line end (the last may not),
        for readers that parse line by line and keep only what they need: memory does not grow
        with the file, so there is no size limit (standard input is still spooled up to
        ``input_mb``). Decoding, the checks and the errors are :meth:`read_text`'s with
        ``lines=True`` (a line longer than the limit, binary, undecodable or empty input); an error
        comes when the reader reaches its place. ``\r\n`` line ends are kept as they are.

        >>> list(Source.of(io.BytesIO("a\nб\n".encode())).iter_text())
        ['a\nб\n']
        """
        bounds = current_limits()
        newlines, run = 0, 0  # line ends seen, bytes of the unfinished line
        decoded = 0  # line ends in the bytes decoded so far
        carry = b""  # bytes after the last line end, not decoded yet
        decoder = None  # UTF-16: an incremental decoder (its line ends are found in the text)
        pending = ""  # UTF-16: decoded text after the last line end
        content = False  # anything but white space and a byte-order mark seen
        first, started = True, False  # (started: some bytes decoded, a UTF-8 BOM no longer expected)
        with self.open() as fh:
            for chunk in _chunks(fh, float("inf"), self.name, "input_mb", bounds):
                newlines, run = _check_lines(chunk, newlines, run, bounds, self.name)
                if decoder is None and first and chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
                    import codecs

                    decoder = codecs.getincrementaldecoder("utf-16")()
                elif first and b"\x00" in chunk[:8192]:
                    raise ParseError(self.name, "looks like a binary file, not text")
                if decoder is not None:
                    text = pending + self._utf16(decoder, chunk)
                    cut = text.rfind("\n") + 1
                    text, pending = text[:cut], text[cut:]
                else:
                    data = carry + chunk
                    cut = data.rfind(b"\n") + 1
                    data, carry = data[:cut], data[cut:]
                    text = self._utf8(data, decoded, not started)
                    decoded, started = newlines, started or bool(data)
                first = False
                if text:
                    content = content or bool(text.strip("\ufeff \t\r\n\x0b\x0c"))
                    yield text
            text = pending + self._utf16(decoder, b"", final=True) if decoder is not None else \
                self._utf8(carry, decoded, not started)
            if text:
                content = content or bool(text.strip("\ufeff \t\r\n\x0b\x0c"))
                yield text
        if not content and not allow_empty:
            raise ParseError(self.name, "file is empty")

    def _utf8(self, data: bytes, lines_before: int, first: bool) -> str:
        try:
            return data.decode("utf-8-sig" if first else "utf-8")
        except UnicodeDecodeError as exc:
            line = lines_before + data[: exc.start].count(b"\n") + 1
            raise ParseError(self.name, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); convert the file to UTF-8",
                             line=line) from exc

    def _utf16(self, decoder, data: bytes, final: bool = False) -> str:
        try:
            return decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            raise ParseError(self.name, f"invalid UTF-16 text: {exc.reason}") from exc

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def __repr__(self) -> str:
        return f"Source({self.name!r})"


_CHUNK = 1 << 20


def _chunks(fh, max_bytes: int, name: str, limit: str, bounds) -> Iterator[bytes]:
    """Chunks of ``fh`` to its end; a ``ParseError`` once more than ``max_bytes`` came."""
    total = 0
    while True:
        chunk = fh.read(_CHUNK)
        if not chunk:
            return
        total += len(chunk)
        if total > max_bytes:
            raise ParseError(name, f"larger than {max_bytes // 2**20} MB ({bounds.hint(limit)})")
        yield chunk


def _check_lines(chunk: bytes, newlines: int, run: int, bounds, name: str) -> tuple[int, int]:
    """Lines seen and the length of the last (unfinished) one after ``chunk``; a ``ParseError``
    naming the line as soon as one is longer than the limit."""
    longest = bounds.line_bytes
    first = chunk.find(b"\n")
    if first < 0:
        run += len(chunk)
        if run > longest:
            raise ParseError(name, f"a line longer than {longest} bytes ({bounds.hint('segment_chars')})",
                             line=newlines + 1)
        return newlines, run
    if run + first > longest:
        raise ParseError(name, f"a line longer than {longest} bytes ({bounds.hint('segment_chars')})",
                         line=newlines + 1)
    pieces = chunk.split(b"\n")
    if max(map(len, pieces)) > longest:
        index = next(i for i, p in enumerate(pieces) if len(p) > longest)
        raise ParseError(name, f"a line longer than {longest} bytes ({bounds.hint('segment_chars')})",
                         line=newlines + index + 1)
    return newlines + len(pieces) - 1, len(pieces[-1])


class _Unclosable(io.RawIOBase):
    """A read-only view of a spooled file whose ``close()`` leaves the file open."""

    def __init__(self, fh: IO[bytes]):
        super().__init__()
        self._fh = fh

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._fh.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        return self._fh.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()


def decode_text(data: bytes, name: str | Path | None, *, allow_empty: bool = False) -> str:
    """Decode bytes of a user text file as UTF-8 (or UTF-16 with BOM); clear errors otherwise."""
    if (not data or data.isspace()) and not allow_empty:  # no copy of a large file
        raise ParseError(name, "file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
            if not allow_empty and not text.strip("\ufeff \t\r\n"):
                raise ParseError(name, "file is empty")
            return text
        except UnicodeDecodeError as exc:
            raise ParseError(name, f"invalid UTF-16 text: {exc.reason}") from exc
    if b"\x00" in data[:8192]:
        raise ParseError(name, "looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            name, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); convert the file to UTF-8", line=line
        ) from exc
    if not allow_empty and (not text or (len(text) < 16 and not text.strip("\ufeff \t\r\n"))):
        raise ParseError(name, "file is empty")  # a byte-order mark and nothing else
    return text


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "wb", *, encoding: str | None = None) -> Iterator[IO]:
    """Write ``path`` through a temporary file in the same folder, renamed into place on success.

    A failure (exception) leaves any existing ``path`` untouched and removes the temporary file.
    ``path`` may be ``"-"`` for standard output (no atomicity there). A folder that does not exist
    or cannot be written is a :class:`~termbase.errors.OutputError` naming ``path``.
    """
    import tempfile
    from .errors import OutputError

    if str(path) == "-":
        sys.stdout.flush()  # anything printed before goes first
        binary = sys.stdout.buffer
        if "b" in mode:
            yield binary
            binary.flush()
            return
        # the encoding asked for (a BOM for utf-8-sig), whatever the terminal's
        stream = io.TextIOWrapper(binary, encoding=encoding or "utf-8", newline="", write_through=True)
        try:
            yield stream
            stream.flush()
        finally:
            stream.detach()
        return
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    clean_stale_temporaries(folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=".tmp", dir=folder)
    except FileNotFoundError as exc:
        raise OutputError(f"{path}: folder {folder} does not exist") from exc
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from exc
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


@contextlib.contextmanager
def atomic_folder(path: str | Path) -> Iterator[Path]:
    """A folder written as a whole: the block fills a temporary folder beside ``path`` (given to it),
    which then takes the place of ``path`` in one step, so that a killed or failed run leaves either
    all the old files or all the new ones, never a mix. Files of an existing ``path`` that the block
    did not write are kept. A missing ``path`` (and its parents) is created.

    Where the parent folder cannot be written (no room for a temporary folder beside ``path``), the
    block gets ``path`` itself and each file it writes there should go through :func:`atomic_write`.
    """
    import shutil
    import tempfile
    from .errors import OutputError

    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: not a folder")
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot create the folder: {exc.strerror}") from exc
    clean_stale_temporaries(parent)
    try:
        staging = Path(tempfile.mkdtemp(prefix=_temp_prefix(path.name), suffix=".tmp", dir=parent))
    except PermissionError:
        if not path.is_dir():
            raise OutputError(f"{path}: cannot create the folder: permission denied") from None
        yield path  # the files are still written one by one through temporary names
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot create the folder: {exc.strerror}") from exc
    try:
        yield staging
        for entry in os.scandir(staging):
            if entry.is_file(follow_symlinks=False):
                with open(entry.path, "rb") as fh:
                    os.fsync(fh.fileno())
        if path.is_dir():
            for entry in os.scandir(path):  # what the block did not write stays
                if not os.path.lexists(staging / entry.name):
                    _keep(Path(entry.path), staging / entry.name)
            os.chmod(staging, path.stat().st_mode & 0o7777)
            _swap(staging, path)
        else:
            os.chmod(staging, 0o777 & ~_umask())
            os.rename(staging, path)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)  # the old files, after the swap


# Temporary names are ".<name>.<process id>.<random>.tmp" (files and folders), and ".<name>.<process
# id>.<random>.old" for a folder moved aside during a swap without RENAME_EXCHANGE: a later run can
# tell what a killed run left (its process is gone) from what a running one is writing.
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[a-z0-9_]{8}\.(?P<kind>tmp|old)$")


def _temp_prefix(name: str) -> str:
    return f".{name}.{os.getpid()}."


def clean_stale_temporaries(folder: str | Path) -> list[Path]:
    """Remove from ``folder`` the temporary files and folders of writes whose process is gone (killed
    while it wrote); a folder that was moved aside goes back in place when nothing replaced it. Gives
    what it removed or put back. Errors are ignored (another run may be cleaning at the same time)."""
    import shutil
    done = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return done
    for entry in entries:
        m = _TEMPORARY.match(entry.name)
        if m is None or process_alive(int(m["pid"])):
            continue
        with contextlib.suppress(OSError):
            target = Path(folder) / m["name"]
            if m["kind"] == "old" and not os.path.lexists(target):
                os.rename(entry.path, target)
            elif entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            done.append(Path(entry.path))
    return done


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OSError:
        return False
    return True


def _keep(src: Path, dest: Path) -> None:
    """Put a file of the old folder into the new one (a hard link; a copy where links are refused)."""
    import shutil
    if src.is_dir() and not src.is_symlink():
        shutil.copytree(src, dest, symlinks=True, copy_function=_link_or_copy)
    elif src.is_symlink():
        os.symlink(os.readlink(src), dest)
    else:
        _link_or_copy(src, dest)


def _link_or_copy(src, dest) -> None:
    import shutil
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def _swap(new: Path, path: Path) -> None:
    """Put the folder ``new`` at ``path`` in one step; the old folder ends up at ``new``."""
    if _exchange(new, path):
        return
    # No atomic exchange here: move the old folder aside under a name a later run recognises (and
    # puts back if this process dies before the new one is in place), then move the new one in.
    aside = new.with_name(new.name[: -len(".tmp")] + ".old")
    os.rename(path, aside)
    os.rename(new, path)
    os.rename(aside, new)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
