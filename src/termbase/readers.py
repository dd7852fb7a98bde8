"""Text of documents for extraction: plain text, HTML, DOCX, PO, XLIFF and TMX.

Each reader returns the text of one file as paragraphs separated by blank lines. Translation files
(PO, XLIFF, TMX) give one side: the source texts, or the target texts (``side="target"``); a TMX
file may also be read in any one of its languages (``lang``).

>>> read_document("notes.txt")  # doctest: +SKIP
Document(path='notes.txt', text='...', lang=None)
"""

from __future__ import annotations

import html.parser
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ParseError, UnsupportedFormat
from .fsutil import decode_text, read_bytes, read_text

__all__ = ["Document", "read_document", "SUPPORTED_EXTENSIONS", "SIDES"]

SIDES = ("source", "target")
_TEXT_EXT = ("txt", "text", "md")
_HTML_EXT = ("html", "htm", "xhtml")
SUPPORTED_EXTENSIONS = (*_TEXT_EXT, *_HTML_EXT, "docx", "po", "pot", "xlf", "xliff", "tmx")


@dataclass(frozen=True)
class Document:
    """The text of one input file; ``lang`` when the file says which language that text is in."""

    path: str
    text: str
    lang: str | None = None


def read_document(path: str | Path, *, side: str = "source", lang: str | None = None) -> Document:
    """Read ``path`` by its extension (unknown extensions are read as plain text if they decode).

    Raises :class:`ParseError` for empty, binary, non-UTF-8 or malformed files.
    """
    if side not in SIDES:
        raise ValueError(f"side must be one of {SIDES}, not {side!r}")
    check_extension(path)
    p = Path(path)
    ext = p.name.lower().rsplit(".", 1)[-1] if "." in p.name else ""
    if ext in _HTML_EXT:
        doc = Document(str(p), html_to_text(read_text(p)))
    elif ext == "docx":
        doc = Document(str(p), _read_docx(p))
    elif ext in ("po", "pot"):
        doc = _read_po(p, side)
    elif ext in ("xlf", "xliff"):
        doc = _read_xliff(p, side)
    elif ext == "tmx":
        doc = _read_tmx(p, side, lang)
    else:
        doc = Document(str(p), read_text(p))
    if not doc.text.strip():
        raise ParseError(p, f"no {side} text to read" if ext in ("po", "pot", "xlf", "xliff", "tmx") else "no text to read")
    return doc


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


def _read_docx(path: Path) -> str:
    """Paragraph texts of word/document.xml (parsed through formats.xmlsafe from a temporary copy)."""
    import tempfile

    from .formats import xmlsafe

    try:
        with zipfile.ZipFile(path) as zf:
            try:
                info = zf.getinfo("word/document.xml")
            except KeyError:
                raise ParseError(path, "not a Word document: word/document.xml is missing") from None
            if info.file_size > 200 * 1024 * 1024:
                raise ParseError(path, "word/document.xml is larger than 200 MB; refused")
            data = zf.read(info)
    except zipfile.BadZipFile as exc:
        raise ParseError(path, "not a DOCX file (not a zip archive)") from exc
    except FileNotFoundError as exc:
        raise ParseError(path, "no such file") from exc
    except OSError as exc:
        raise ParseError(path, f"cannot read: {exc.strerror or exc}") from exc
    with tempfile.TemporaryDirectory() as tmp:
        xml_path = Path(tmp) / "document.xml"
        xml_path.write_bytes(data)
        paragraphs = []
        for _, elem in xmlsafe.iterparse(xml_path, tags=(f"{_W}p",)):
            text = "".join(t.text or "" for t in elem.iter(f"{_W}t", f"{_W}tab"))
            if text.strip():
                paragraphs.append(text.strip())
            elem.clear()
    return "\n\n".join(paragraphs)


# ------------------------------------------------------------------------------------------- PO / POT
def _read_po(path: Path, side: str) -> Document:
    import polib

    raw = decode_text(read_bytes(path), path)
    try:
        po = polib.pofile(raw)
    except (OSError, ValueError) as exc:  # polib reports syntax errors as IOError/OSError
        raise ParseError(path, f"malformed PO file: {exc}") from exc
    texts = []
    for entry in po:
        if entry.obsolete:
            continue
        if side == "source":
            texts.append(entry.msgid)
        else:
            texts.append(entry.msgstr or (entry.msgstr_plural or {}).get(0, ""))
    lang = po.metadata.get("Language") if side == "target" else None
    return Document(str(path), _join_units(texts), _short_lang(lang))


# ---------------------------------------------------------------------------------------------- XLIFF
def _read_xliff(path: Path, side: str) -> Document:
    from .formats import xmlsafe

    want = "source" if side == "source" else "target"
    texts: list[str] = []
    lang = None
    for _, elem in xmlsafe.iterparse(path, events=("end",)):
        tag = elem.tag.rsplit("}", 1)[-1]
        if tag == "file" or tag == "xliff":
            attr = "source-language" if want == "source" else "target-language"
            lang = lang or elem.get(attr) or elem.get("srcLang" if want == "source" else "trgLang")
        if tag == want:
            texts.append("".join(elem.itertext()))
        if tag in ("trans-unit", "unit"):
            elem.clear()
    return Document(str(path), _join_units(texts), _short_lang(lang))


# ------------------------------------------------------------------------------------------------ TMX
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _read_tmx(path: Path, side: str, lang: str | None) -> Document:
    from .formats import xmlsafe
    from .languages.codes import normalize_lang

    srclang = None
    texts: list[str] = []
    chosen = normalize_lang(lang) if lang else None
    for _, elem in xmlsafe.iterparse(path, events=("end",)):
        tag = elem.tag.rsplit("}", 1)[-1]
        if tag == "header":
            srclang = elem.get("srclang")
        elif tag == "tu":
            tuvs = []
            for tuv in elem:
                if tuv.tag.rsplit("}", 1)[-1] != "tuv":
                    continue
                code = tuv.get(_XML_LANG) or tuv.get("lang") or ""
                seg = next((c for c in tuv if c.tag.rsplit("}", 1)[-1] == "seg"), None)
                if seg is not None:
                    tuvs.append((code, "".join(seg.itertext())))
            pick = _pick_tuv(tuvs, srclang, side, chosen)
            if pick is not None:
                if chosen is None:
                    chosen = _short_lang(pick[0])
                texts.append(pick[1])
            elem.clear()
    return Document(str(path), _join_units(texts), chosen)


def _pick_tuv(tuvs, srclang, side, chosen):
    def primary(code):
        return code.replace("_", "-").split("-", 1)[0].lower()

    if chosen is not None:
        return next((t for t in tuvs if primary(t[0]) == chosen), None)
    src = primary(srclang) if srclang and srclang != "*all*" else (primary(tuvs[0][0]) if tuvs else None)
    for t in tuvs:
        if (primary(t[0]) == src) == (side == "source"):
            return t
    return None


# ------------------------------------------------------------------------------------------- helpers
def _join_units(texts: list[str]) -> str:
    # one unit per paragraph: units are sentences or UI strings, never parts of one sentence
    return "\n\n".join(t.strip() for t in texts if t and t.strip())


def _short_lang(code: str | None) -> str | None:
    if not code:
        return None
    from .languages.codes import normalize_lang
    from .errors import UnknownLanguage

    try:
        return normalize_lang(code)
    except UnknownLanguage:
        return None


def check_extension(path: str | Path) -> None:
    """Raise :class:`UnsupportedFormat` for extensions that are certainly not text (images, archives)."""
    name = str(path).lower()
    if name.endswith((".pdf", ".doc", ".png", ".jpg", ".jpeg", ".gif", ".zip", ".gz", ".xlsx", ".pptx")):
        raise UnsupportedFormat(
            f"{path}: cannot extract terms from this file type; supported: "
            + ", ".join("." + e for e in SUPPORTED_EXTENSIONS)
        )
