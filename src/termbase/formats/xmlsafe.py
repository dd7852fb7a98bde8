"""Parsing untrusted XML: no external entities, no DTD loading, no network, no entity-expansion bombs.

Every XML reader in termbase goes through :func:`parse` or :func:`iterparse`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from lxml import etree

from ..errors import ParseError

_PARSER_OPTIONS = dict(
    resolve_entities=False,  # never expand entities declared in an internal or external DTD
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,  # keeps libxml2's limits against expansion bombs and deep nesting
    remove_comments=False,
)


def _reject_entity_declarations(path: Path) -> None:
    # A DOCTYPE with <!ENTITY is the vector of billion-laughs and XXE; TMX/TBX/XLIFF never need one.
    with open(path, "rb") as fh:
        head = fh.read(65536)
    if b"<!ENTITY" in head.upper():
        raise ParseError(path, "XML declares entities (<!ENTITY>); refused for safety")


def parse(path: str | Path) -> etree._ElementTree:
    """Parse a whole (small) XML file safely, or raise ``ParseError`` with the line."""
    path = Path(path)
    _check_file(path)
    _reject_entity_declarations(path)
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        return etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(path, f"malformed XML: {_msg(exc)}", line=exc.lineno) from exc
    except OSError as exc:
        raise ParseError(path, f"cannot read: {exc}") from exc


def iterparse(path: str | Path, tags: tuple[str, ...] | None = None, events=("end",)) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs from a large XML file with flat memory.

    The caller must :func:`release` elements it has finished with.
    """
    path = Path(path)
    _check_file(path)
    _reject_entity_declarations(path)
    try:
        ctx = etree.iterparse(
            str(path), events=events, tag=tags, resolve_entities=False, no_network=True,
            load_dtd=False, huge_tree=False, remove_comments=True,
        )
        yield from ctx
    except etree.XMLSyntaxError as exc:
        raise ParseError(path, f"malformed XML: {_msg(exc)}", line=exc.lineno) from exc


def release(elem: etree._Element) -> None:
    """Free a finished element and its earlier siblings, so memory stays flat on big files."""
    elem.clear()
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def _check_file(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError as exc:
        raise ParseError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise ParseError(path, "is a directory, not a file") from exc
    if not head.strip():
        raise ParseError(path, "file is empty")


def _msg(exc: etree.XMLSyntaxError) -> str:
    text = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc)
    # lxml appends "(file, line N)"; the ParseError already carries the location
    return text.split(", line ")[0].strip()
