"""Parsing untrusted XML: no external entities, no DTD loading, no network, no entity-expansion bombs.

Every XML reader in termbase goes through :func:`iterparse` (or :func:`root_name` to recognise a file;
``comments=True`` keeps comments in the tree, for writers that give the file back changed).
"""

from __future__ import annotations

import re
from typing import Iterator

from lxml import etree

from ..errors import ParseError
from ..fsutil import Source

_PARSER_OPTIONS = dict(
    resolve_entities=False,  # never expand entities declared in an internal or external DTD
    no_network=True,
    load_dtd=False,
    huge_tree=False,  # keeps libxml2's limits against expansion bombs and deep nesting
)


# "<!ENTITY" as UTF-8 (and any ASCII-compatible encoding), UTF-16 LE and BE, UTF-32 LE and BE.
_ENTITY_DECLS = tuple("<!ENTITY".encode(enc) for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))


# The encodings an XML declaration may name: those in which "<!ENTITY" is one of _ENTITY_DECLS (ASCII
# bytes, UTF-16, UTF-32). UTF-7 ("+ADw-!ENTITY") or EBCDIC would hide a declaration from the scan below.
_ENCODING_RE = re.compile(rb"""^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_SAFE_ENCODINGS = re.compile(
    r"utf-?8|utf-?16(?:le|be)?|utf-?32(?:le|be)?|ucs-?[24]|(?:us-)?ascii|iso[-_]?8859[-_]?\d+|latin-?\d|"
    r"(?:windows|cp)-?12\d\d|koi8-?[ru]|iso-?646.*", re.I)


def _declared_encoding(head: bytes) -> str | None:
    """The encoding an XML declaration at the start of ``head`` names (UTF-16/32 read byte by byte).

    >>> _declared_encoding(b'<?xml version="1.0" encoding="windows-1251"?><a/>')
    'windows-1251'
    >>> _declared_encoding("<?xml version='1.0' encoding='UTF-7'?>".encode("utf-16"))
    'UTF-7'
    >>> _declared_encoding(b"<a/>") is None
    True
    """
    found = _ENCODING_RE.match(head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00").replace(b"\x00", b""))
    return found.group(1).decode("ascii") if found else None


def _reject_entity_declarations(src: Source, head: bytes) -> None:
    """A ``ParseError`` when the file holds ``<!ENTITY`` anywhere (the vector of billion-laughs and
    XXE; TMX, TBX, XLIFF and DOCX never need one). The whole file is scanned, in chunks, so that
    neither a long comment before the DOCTYPE nor UTF-16 gets past; lxml refuses to expand
    entities anyway (``resolve_entities=False``): this is the first of two layers."""
    encoding = _declared_encoding(head)
    if encoding is not None and not _SAFE_ENCODINGS.fullmatch(encoding):
        raise ParseError(src.name, f"XML in encoding {encoding!r} is not read (use UTF-8 or UTF-16)")
    overlap = max(map(len, _ENTITY_DECLS)) - 1
    tail = b""
    with src.open() as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                return
            window = tail + chunk
            if any(decl in window for decl in _ENTITY_DECLS):
                raise ParseError(src.name, "XML declares entities (<!ENTITY>); refused for safety")
            tail = window[-overlap:]


def iterparse(
    src: Source, tags: tuple[str, ...] | None = None, events: tuple[str, ...] = ("end",), *,
    comments: bool = False,
) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs from an XML file with flat memory (comments left out of
    the tree unless ``comments``; processing instructions kept).

    The caller must :func:`release` elements it has finished with. Malformed XML is a
    :class:`ParseError` with the line, wherever it is in the file.
    """
    head = src.head()
    if not head.strip():
        raise ParseError(src.name, "file is empty")
    _reject_entity_declarations(src, head)
    with src.open() as fh:
        try:
            yield from etree.iterparse(fh, events=events, tag=tags, remove_comments=not comments,
                                       **_PARSER_OPTIONS)
        except etree.XMLSyntaxError as exc:
            raise ParseError(src.name, f"malformed XML: {_msg(exc)}", line=exc.lineno) from exc


def release(elem: etree._Element) -> None:
    """Free a finished element and its earlier siblings, so memory stays flat on big files."""
    elem.clear()
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def local_name(elem: etree._Element) -> str:
    """The tag of ``elem`` without its namespace; ``""`` for comments and processing instructions."""
    tag = elem.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# The XML declaration, comments, processing instructions and a DOCTYPE (without an internal subset
# holding '>') may come before the root element.
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>|\s)*", re.S)
_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)")


def root_name(head: bytes) -> str | None:
    """The local name of the root element of an XML document that begins with ``head``, or None.

    >>> root_name(b'<?xml version="1.0"?>\\n<!-- x --><tmx version="1.4">')
    'tmx'
    >>> root_name(b"plain text") is None
    True
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    m = _PROLOG.match(text)
    root = _ROOT.match(text, m.end() if m else 0)
    return root.group(1).rsplit(":", 1)[-1] if root else None


def _msg(exc: etree.XMLSyntaxError) -> str:
    text = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc).strip()
    # libxml2 follows some messages with an excerpt of the text on lines of their own ("CData section
    # not finished\n<the text>"): the error stays one line; lxml appends "(file, line N)", and the
    # ParseError already carries the location
    return text.split("\n", 1)[0].split(", line ")[0].strip()
