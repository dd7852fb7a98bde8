"""Documents read for their text: plain text, HTML and Word (DOCX).

Each gives the text of one file as paragraphs separated by blank lines (:class:`~termbase.models.Document`).
HTML keeps the visible text, one paragraph per block element; DOCX the paragraphs of
``word/document.xml``, parsed by the safe XML parser straight from the archive.
"""

from __future__ import annotations

import html.parser
import io
import re
import zipfile
from typing import Iterator

from ..limits import Limits, current as current_limits
from ..errors import ParseError
from ..fsutil import Source
from ..models import Document
from . import xmlsafe
from .base import Format


class TextFormat(Format):
    """Plain UTF-8 (or UTF-16 with BOM) text; what any document is when nothing else recognises it."""

    name = "text"
    extensions = ("txt", "text", "md")
    description = "plain text"
    reads = frozenset({"text"})

    def _read_text(self, src: Source, *, side: str = "source", lang: str | None = None) -> Document:
        return _document(src, src.read_text(limit="document_mb", lines=True))


class HtmlFormat(Format):
    """HTML pages: the visible text, scripts, styles and navigation left out."""

    name = "html"
    extensions = ("html", "htm", "xhtml")
    description = "HTML page"
    reads = frozenset({"text"})

    def sniff(self, head: bytes) -> bool:
        start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return start.startswith((b"<!doctype html", b"<html")) or xmlsafe.root_name(head) == "html"

    def _read_text(self, src: Source, *, side: str = "source", lang: str | None = None) -> Document:
        markup = src.read_text(limit="document_mb")
        try:
            text = html_to_text(markup)
        except AssertionError as exc:  # html.parser's way of refusing a broken "<![" or "<!" section
            raise ParseError(src.name, f"malformed HTML: {str(exc)[:80]}") from exc
        return _document(src, text)


class DocxFormat(Format):
    """Word documents (Office Open XML): the text of each paragraph of the body."""

    name = "docx"
    extensions = ("docx",)
    description = "Word document (DOCX)"
    reads = frozenset({"text"})

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and b"word/" in head

    def _read_text(self, src: Source, *, side: str = "source", lang: str | None = None) -> Document:
        return _document(src, "\n\n".join(_docx_paragraphs(src)))


def _document(src: Source, text: str) -> Document:
    if not text.strip():
        raise ParseError(src.name, "no text to read")
    return Document(src.name, text)


# ------------------------------------------------------------------------------------------------ HTML
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer blockquote pre "
    "figcaption title dd dt".split()
)
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "nav", "head"))


class _HTMLText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one paragraph per block element; scripts, styles and nav left out.

    >>> html_to_text("<p>The <b>Senate</b> met.</p><script>x()</script><p>Next.</p>")
    'The Senate met.\\n\\nNext.'
    """
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


# ------------------------------------------------------------------------------------------------ DOCX
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_paragraphs(src: Source) -> Iterator[str]:
    """Paragraph texts of ``word/document.xml``, streamed from the archive: at most the DOCX limit
    of unpacked XML (counted as it is read: the sizes an archive declares may lie) and the document
    limit of text. Every error names the .docx."""
    limit = current_limits()
    with src.open() as fh:
        try:
            archive = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            raise ParseError(src.name, "not a DOCX file (not a zip archive)") from exc
        with archive:
            try:
                info = archive.getinfo("word/document.xml")
            except KeyError:
                raise ParseError(src.name, "not a Word document: word/document.xml is missing") from None
            if info.file_size > limit.docx_bytes:
                raise ParseError(src.name, f"word/document.xml unpacks to more than {limit.docx_mb} MB "
                                           f"({limit.hint('docx_mb')})")
            if info.flag_bits & 0x1:
                raise ParseError(src.name, "the document is encrypted (password-protected); save it without a password")
            try:
                member = archive.open(info)
            except (RuntimeError, NotImplementedError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise ParseError(src.name, f"cannot unpack word/document.xml: {_zip_reason(exc)}") from exc
            with member:
                inner = Source.of(_Bounded(member, src.name, limit), name=src.name)
                size = 0
                try:
                    for _, elem in xmlsafe.iterparse(inner, tags=(f"{_W}p",)):
                        text = "".join(t.text or "" for t in elem.iter(f"{_W}t", f"{_W}tab")).strip()
                        xmlsafe.release(elem)
                        if text:
                            size += len(text) + 2
                            if size > limit.document_bytes:
                                raise ParseError(src.name, f"more than {limit.document_bytes} characters of text "
                                                           f"({limit.hint('document_mb')})")
                            yield text
                except (zipfile.BadZipFile, NotImplementedError, EOFError, ValueError) as exc:
                    raise ParseError(src.name, f"cannot unpack word/document.xml: {_zip_reason(exc)}") from exc
                except OSError as exc:
                    raise ParseError(src.name, f"cannot read word/document.xml: {_zip_reason(exc)}") from exc
                finally:
                    inner.close()


def _zip_reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]


class _Bounded(io.RawIOBase):
    """A member of an archive read at most up to the DOCX limit (a ``ParseError`` past it)."""

    def __init__(self, member, name: str, limit: Limits):
        super().__init__()
        self._member, self._name, self._limit, self._read = member, name, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        data = self._member.read(size if size is not None and size >= 0 else 1 << 20)
        self._read += len(data)
        if self._read > self._limit.docx_bytes:
            raise ParseError(self._name, f"word/document.xml unpacks to more than {self._limit.docx_mb} MB "
                                         f"({self._limit.hint('docx_mb')})")
        return data
