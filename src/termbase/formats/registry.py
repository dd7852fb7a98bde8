"""Finding a format: by name, by what it can read or write, by file extension and by content.

The built-in formats are listed below as ``(module, class)`` names and imported on first use, as
translate-toolkit's storage factory does: no format module imports the registry, and importing
termbase loads none of them. The order matters where formats share an extension: the first one whose
:meth:`~termbase.formats.base.Format.sniff` recognises the file wins, else the last of them (the
generic one: a ``.tsv`` with the glossary header is a glossary, any other ``.tsv`` two columns of
translations).

>>> get_format("tmx").reads >= {"units", "pairs", "text"}
True
>>> [f.name for f in formats_that(writes="concepts")]
['tbx', 'csv', 'glossary', 'omegat']
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import Iterable

from ..errors import UnsupportedFormat
from ..fsutil import Source
from .base import READ_CAPABILITIES, WRITE_CAPABILITIES, Format

_BUILTIN: tuple[tuple[str, str], ...] = (
    ("tbx", "TbxFormat"),
    ("csvfmt", "CsvFormat"),
    ("glossary_tsv", "GlossaryFormat"),
    ("omegat", "OmegaTFormat"),
    ("tmx", "TmxFormat"),
    ("po", "PoFormat"),
    ("xliff", "XliffFormat"),
    ("xliff", "Xliff2Format"),  # no extension: chosen by name (export --format xliff2)
    ("tsvpairs", "TsvPairsFormat"),
    ("text", "HtmlFormat"),
    ("text", "DocxFormat"),
    ("text", "TextFormat"),  # last: plain text is what a document is when nothing else recognises it
)


@lru_cache(maxsize=1)
def all_formats() -> tuple[Format, ...]:
    """Every built-in format, in the order they are tried."""
    return tuple(getattr(import_module(f"{__package__}.{module}"), cls)() for module, cls in _BUILTIN)


def get_format(name: str) -> Format:
    """The format called ``name`` (``tbx``, ``csv``, ``tmx`` ...)."""
    for fmt in all_formats():
        if fmt.name == name.lower():
            return fmt
    raise UnsupportedFormat(f"unknown format {name!r}; formats: {', '.join(f.name for f in all_formats())}")


def formats_that(*, reads: str | Iterable[str] | None = None, writes: str | Iterable[str] | None = None) -> list[Format]:
    """The formats that read any of ``reads`` and write any of ``writes`` (capability names)."""
    want_r, want_w = _caps(reads, READ_CAPABILITIES), _caps(writes, WRITE_CAPABILITIES)
    return [
        f for f in all_formats()
        if (want_r is None or f.reads & want_r) and (want_w is None or f.writes & want_w)
    ]


def format_for(src: Source, *, reads: str | Iterable[str]) -> Format:
    """The format to read ``src`` as any of ``reads`` (``"concepts"``, ``("concepts", "units")`` ...).

    By extension first; where several formats share it, or there is none (standard input, ``.xml``),
    by content. A document with no recognised format is plain text when ``reads`` includes text.
    Raises :class:`UnsupportedFormat` naming the file and what could read it.
    """
    wanted = _caps(reads, READ_CAPABILITIES)
    assert wanted is not None
    what = " or ".join(READ_CAPABILITIES[c] for c in sorted(wanted))
    capable = [f for f in all_formats() if f.reads & wanted]
    ext = src.extension
    by_ext = [f for f in all_formats() if ext and ext in f.extensions]
    if by_ext:
        usable = [f for f in by_ext if f.reads & wanted]
        if not usable:
            raise UnsupportedFormat(f"{src.name}: cannot read {what} from a .{ext} file; files that can: {_extensions(capable)}")
        if len(usable) == 1:
            return usable[0]
        head = src.head()
        return next((f for f in usable if f.sniff(head)), usable[-1])
    head = src.head()
    for fmt in capable:
        if fmt.sniff(head):
            return fmt
    if "text" in wanted and not _looks_binary(head):
        return get_format("text")
    raise UnsupportedFormat(f"{src.name}: unknown type of file; {what} can be read from {_extensions(capable)}")


def format_for_output(dest: str, *, writes: str) -> Format:
    """The format to write ``writes`` (``concepts`` or ``units``) to the file ``dest``, by its extension."""
    capable = formats_that(writes=writes)
    ext = Source.of(dest).extension if dest != "-" else ""
    for fmt in capable:
        if ext and ext in fmt.extensions:
            return fmt
    raise UnsupportedFormat(
        f"{dest}: cannot tell the format from the file name; formats that write "
        f"{WRITE_CAPABILITIES[writes]}: {', '.join(f.name for f in capable)}"
    )


def _caps(value: str | Iterable[str] | None, table: dict[str, str]) -> frozenset[str] | None:
    if value is None:
        return None
    caps = frozenset((value,) if isinstance(value, str) else value)
    unknown = caps - set(table)
    if unknown:
        raise ValueError(f"unknown capability {sorted(unknown)[0]!r}; use {', '.join(table)}")
    return caps


def _extensions(formats: Iterable[Format]) -> str:
    return ", ".join("." + e for e in dict.fromkeys(e for f in formats for e in f.extensions))


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text
    return b"\x00" in head[:8192]
