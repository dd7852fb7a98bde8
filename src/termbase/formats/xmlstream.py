"""Rewriting an XML file as it is read: element by element, with flat memory.

:func:`rewrite` parses a file with :func:`xmlsafe.iterparse` (the same protections: no entities, no
DTD, no network) and writes it back as lxml would serialise the whole tree, but a piece at a time.
The caller names the *containers* (elements whose children are handed over one by one: XLIFF's
``<xliff>``, ``<file>``, ``<body>``, ``<group>``); every other child of a container is a *chunk*,
given to the caller complete (to change it) and then written and freed. The start and end tags of
containers, the text between their children, comments and processing instructions are written as
they come, so only the chunk at hand (and what the parser has read ahead, some 32 KB) is in memory.

The bytes are lxml's own: the XML declaration ``<?xml version="1.0" encoding="UTF-8"?>``, then
the DOCTYPE, the comments and processing instructions before the root, the root and those after it,
each on a line of its own, all in UTF-8 (a BOM and the declared encoding are not kept).
"""

from __future__ import annotations

import re
from typing import BinaryIO, Protocol

from lxml import etree

from ..fsutil import Source
from . import xmlsafe

__all__ = ["Rewriter", "rewrite"]


class Rewriter(Protocol):
    """What :func:`rewrite` asks of its caller."""

    def root(self, elem: etree._Element) -> None:
        """The root element has started (its attributes are read, its children not yet): check it,
        change its attributes."""

    def is_container(self, elem: etree._Element, parent: etree._Element) -> bool:
        """Whether ``elem``, a child of the container ``parent`` that has just started, is a
        container too (else it is a chunk). Its attributes may be changed here."""

    def chunk(self, elem: etree._Element) -> None:
        """``elem`` (a chunk) is complete: change it as needed before it is written."""

    def end(self, elem: etree._Element) -> None:
        """The container ``elem`` has ended."""


# A start tag as libxml2 writes it: name, then namespace declarations, then attributes (values
# escaped, so no quote of their own kind inside; a namespace URI is quoted with ' when it holds ").
_START_TAG = re.compile(rb"<[^\s/>]+")
_ATTR = re.compile(rb"""\s+([^\s=/>]+)=("[^"]*"|'[^']*')""")
_NS_DECL = re.compile(rb"""\s+xmlns(?::[^\s=/>]+)?=(?:"[^"]*"|'[^']*')""")
_NS_DECLS = re.compile(rb"""(?:\s+xmlns(?::[^\s=/>]+)?=(?:"[^"]*"|'[^']*'))+""")


class _Open:
    """A container being written: its start tag (without ``>``), its name, its depth."""

    __slots__ = ("elem", "head", "name", "depth", "opened")

    def __init__(self, elem: etree._Element, head: bytes, depth: int):
        self.elem, self.head, self.depth, self.opened = elem, head, depth, False
        self.name = head[1:_START_TAG.match(head).end()]


def rewrite(src: Source, out: BinaryIO, handler: Rewriter) -> None:
    """Parse ``src`` and write it to ``out`` element by element (see the module's docstring).

    Raises the :class:`~termbase.errors.ParseError` of :func:`xmlsafe.iterparse` for malformed XML
    wherever it is in the file (what was written before it is the caller's to throw away)."""
    stack: list[_Open] = []
    declared = 0  # namespace declarations of the element about to start
    chunk_ns = 0  # those of the chunk being read
    depth = 0
    root = None
    inner = 0  # the depth of the innermost open container: elements deeper are inside a chunk
    for event, elem in xmlsafe.iterparse(src, events=("start-ns", "start", "end"), comments=True):
        if event == "end":
            depth -= 1
            if depth > inner:
                continue  # an element inside a chunk
            top = stack[-1]
            if depth == inner:  # a chunk, child of the innermost container
                _flush(top, elem, out)
                handler.chunk(elem)
                out.write(_serialize(elem, chunk_ns))
                elem.clear(keep_tail=True)  # its tail is written (then it is deleted) by its parent's next flush
                continue
            stack.pop()  # the innermost container itself
            inner = stack[-1].depth if stack else 0
            if not top.opened and len(elem) == 0 and not elem.text:
                out.write(top.head + b"/>")
            else:
                _flush(top, None, out)
                out.write(b"</" + top.name + b">")
            handler.end(elem)
            elem.clear(keep_tail=True)
        elif event == "start":
            depth += 1
            own, declared = declared, 0
            if depth != inner + 1:
                continue
            if root is None:
                root = elem
                handler.root(elem)
                _prolog(elem, out)
                stack.append(_Open(elem, _head(elem, own, top=True), depth))
                inner = depth
            elif stack:
                top = stack[-1]
                if handler.is_container(elem, top.elem):
                    _flush(top, elem, out)
                    stack.append(_Open(elem, _head(elem, own), depth))
                    inner = depth
                else:
                    chunk_ns = own
        else:  # start-ns
            declared += 1
    if root is not None:
        for node in root.itersiblings():
            out.write(b"\n" + etree.tostring(node, encoding="UTF-8", with_tail=False))
        out.write(b"\n")


def _prolog(root: etree._Element, out: BinaryIO) -> None:
    """The XML declaration, the DOCTYPE, and the comments and processing instructions before the root
    (lxml drops the line breaks between them: each goes on a line of its own)."""
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    doctype = root.getroottree().docinfo.doctype
    if doctype:
        out.write(doctype.encode("utf-8") + b"\n")
    for node in reversed(list(root.itersiblings(preceding=True))):
        out.write(etree.tostring(node, encoding="UTF-8", with_tail=False) + b"\n")


def _flush(top: _Open, upto: etree._Element | None, out: BinaryIO) -> None:
    """Write what ``top`` holds before its child ``upto`` (all of it when None) and free it: its start
    tag and text the first time, then each earlier child's tail (the elements themselves are written
    already) and the comments, processing instructions and entity references between them."""
    elem = top.elem
    if not top.opened:
        top.opened = True
        out.write(top.head + b">")
        if elem.text:
            out.write(_escape(elem.text))
    done = 0
    for child in elem:
        if child is upto:
            break
        if not isinstance(child.tag, str):
            out.write(etree.tostring(child, encoding="UTF-8", with_tail=False))
        if child.tail:
            out.write(_escape(child.tail))
        done += 1
    if done:
        del elem[:done]


def _escape(text: str) -> bytes:
    # as libxml2 escapes text content (xmlEscapeContent): &, <, > and carriage returns
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return text.encode("utf-8")


def _serialize(elem: etree._Element, own: int) -> bytes:
    """``elem`` as it stands in the whole document's serialisation. lxml writes an element that is not
    the root with the namespace declarations of its ancestors (and of its own namespaces) added to
    its start tag, after its own and before its attributes; those are taken out again."""
    data = etree.tostring(elem, encoding="UTF-8", with_tail=False)
    return _drop_added_namespaces(data, own)


def _head(elem: etree._Element, own: int, *, top: bool = False) -> bytes:
    """The start tag of ``elem`` without its closing ``>`` (attributes as they are now)."""
    data = etree.tostring(elem, encoding="UTF-8", with_tail=False)
    if not top:
        data = _drop_added_namespaces(data, own)
    m = _START_TAG.match(data)
    pos = m.end()
    while a := _ATTR.match(data, pos):
        pos = a.end()
    return data[:pos]


def _drop_added_namespaces(data: bytes, own: int) -> bytes:
    """``data`` (an element's serialisation) without the namespace declarations of its start tag past
    the first ``own`` (the ones written in the file)."""
    pos = _START_TAG.match(data).end()
    for _ in range(own):
        pos = _NS_DECL.match(data, pos).end()
    added = _NS_DECLS.match(data, pos)
    return data[:pos] + data[added.end():] if added else data
