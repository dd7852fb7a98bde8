"""Bilingual readers for checking: PO/POT and TMX files as :class:`BilingualUnit` streams with line numbers.

These are the ``read_bilingual`` halves of the PO and TMX formats (the format classes live in
``formats/po.py`` and ``formats/tmx.py``). Both stream: memory stays flat on 100,000-unit files.

The PO reader is a small line-based parser rather than polib because checking needs the line of each
``msgid`` (polib records the line where an entry's comments start), a :class:`ParseError` with the
line of the problem (polib raises a bare ``IOError``), and speed: polib takes about 5 s to load a
100,000-entry file, more than the whole terminology check of it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from lxml import etree

from ..errors import ParseError
from ..fsutil import read_text
from . import xmlsafe
from .base import BilingualUnit

__all__ = ["read_po_bilingual", "read_tmx_bilingual", "po_header"]

# --------------------------------------------------------------------------------------------- PO

_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?[ \t]*(.*)")
# A PO string: quotes around characters that are not quotes or backslashes, or escape sequences.
_KEYWORDS = frozenset({"msgctxt", "msgid", "msgid_plural", "msgstr"})
_STRING_RE = re.compile(r'"((?:[^"\\]++|\\.)*+)"')
_ESCAPE_RE = re.compile(r"\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unescape_one(m: re.Match) -> str:
    code = m.group(1)
    if code in _ESCAPES:
        return _ESCAPES[code]
    if code[0] == "x" and len(code) > 1:
        return chr(int(code[1:], 16))
    if code[0] in "01234567":
        return chr(int(code, 8))
    return code  # unknown escape ("\\q", "\\8", "\\x" without digits): keep the character, as msgunfmt does


def _po_string(text: str, path: Path, line: int) -> str:
    # Fast path: a quoted string without backslashes or inner quotes (most lines of most files).
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        inner = text[1:-1]
        if "\\" not in inner and '"' not in inner:
            return inner
    m = _STRING_RE.fullmatch(text.rstrip())
    if m is None:
        if not text.startswith('"'):
            raise ParseError(path, f"expected a quoted string, found {text[:30]!r}", line=line)
        raise ParseError(path, "unterminated string or unescaped double quote", line=line)
    s = m.group(1)
    return _ESCAPE_RE.sub(_unescape_one, s) if "\\" in s else s


class _Entry:
    __slots__ = ("ctxt", "msgid", "msgid_plural", "msgstr", "plural_strs", "line", "fuzzy", "last", "has_any",
                 "complete")

    def __init__(self) -> None:
        self.ctxt: str | None = None
        self.msgid: str | None = None
        self.msgid_plural: str | None = None
        self.msgstr: str | None = None
        self.plural_strs: dict[int, str] = {}
        self.line = 0
        self.fuzzy = False
        self.last: str | tuple[str, int] | None = None  # the field a continuation line extends
        self.has_any = False  # a keyword line was seen (comments alone do not make an entry)
        self.complete = False  # a msgstr or msgstr[n] was seen


def po_header(path: str | Path) -> dict[str, str]:
    """The header fields of a PO file (``{"Language": "kk", ...}``); empty when it has none."""
    for kind, payload in _parse_po(Path(path)):
        if kind == "header":
            return payload
        break
    return {}


def read_po_bilingual(path: str | Path) -> Iterator[BilingualUnit]:
    """Stream the entries of a PO/POT file as :class:`BilingualUnit` s, in file order.

    ``target_lang`` is the header's ``Language`` (``None`` if absent), ``source_lang`` its
    ``X-Source-Language`` if present, else ``None``. ``line`` is the line of the ``msgid``, ``id``
    the ``msgctxt``. Entries flagged ``#, fuzzy`` have ``fuzzy=True``; empty ``msgstr`` gives
    ``translated=False``. Obsolete (``#~``) entries and the header are not units. A plural entry
    gives one unit per distinct ``msgstr[n]``: form 0 against ``msgid``, the others against
    ``msgid_plural``.

    >>> [u.target for u in read_po_bilingual("tests/data/check/apk.kk.po")][:1]  # doctest: +SKIP
    ['Қазақстан халқы Ассамблеясының сессиясы']

    Raises :class:`ParseError` (with the line) for malformed files.
    """
    path = Path(path)
    source_lang = target_lang = None
    for kind, payload in _parse_po(path):
        if kind == "header":
            target_lang = payload.get("Language") or None
            source_lang = payload.get("X-Source-Language") or None
            continue
        ctxt, msgid, msgid_plural, msgstr, plural_strs, line, fuzzy = payload
        if msgid_plural is None:
            # positional: the hot path of a 100,000-entry file
            yield BilingualUnit(msgid, msgstr, source_lang, target_lang, line, ctxt, fuzzy, bool(msgstr))
            continue
        seen: set[tuple[str, str]] = set()
        for n in sorted(plural_strs):
            source = msgid if n == 0 else msgid_plural
            target = plural_strs[n]
            if (source, target) in seen:
                continue
            seen.add((source, target))
            yield BilingualUnit(
                source=source, target=target, source_lang=source_lang, target_lang=target_lang,
                line=line, id=ctxt, fuzzy=fuzzy, translated=bool(target),
            )


# One entry in the usual layout, matched whole (the fast path of _parse_po): comment and blank
# lines, an optional msgctxt, msgid and msgstr each with their continuation lines, one keyword per
# line, no spaces around; then the next entry must begin (or the file end), so that nothing left
# out could have belonged to it. A quoted line is only checked to begin and end with a quote here
# (cheap); its inside is checked after (_fast_value). Anything else goes to the line parser.
_FIELD = r'("[^\n]*"(?:\n"[^\n]*")*)'
_ENTRY_RE = re.compile(
    rf"((?:\n|#[^\n]*\n)*)(?:msgctxt {_FIELD}\n)?msgid {_FIELD}\nmsgstr {_FIELD}(?:\n|\Z)"
    r"(?=\n*(?:#|msgctxt |msgid |\Z))"
)


def _parse_po(path: Path) -> Iterator[tuple[str, object]]:
    """Yield ``("header", dict)`` once (if there is a header) then ``("entry", (msgctxt, msgid,
    msgid_plural, msgstr, {n: msgstr[n]} or None, line of msgid, fuzzy))`` per entry."""
    text = read_text(path)
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # the line parser strips a line's final \r anyway
    return _parse_po_text(text, path)


def _parse_po_text(text: str, path: Path, *, fast: bool = True) -> Iterator[tuple[str, object]]:
    """:func:`_parse_po` of ``text``: entries in the usual layout are matched whole by one regular
    expression, the others parsed line by line (``fast=False``: every entry, for tests)."""
    first = True
    pos, lineno, size = 0, 1, len(text)  # lineno: the line that begins at pos
    match = _ENTRY_RE.match
    while pos < size:
        m = match(text, pos) if fast else None
        if m is not None:
            comments, ctxt_field, msgid_field, msgstr_field = m.groups()
            # Most strings are one line without escapes: their inside, checked, is the value.
            # Lines are counted in the parts that can hold several (not in the whole entry).
            before = comments.count("\n") if comments else 0  # lines above msgid
            ctxt = None
            if ctxt_field is not None:
                ctxt = ctxt_field[1:-1]
                if '"' in ctxt or "\\" in ctxt or "\n" in ctxt:
                    ctxt = _fast_value(ctxt_field)
                    before += ctxt_field.count("\n")
                before += 1
            lines = before + 1  # the msgid line
            msgid = msgid_field[1:-1]
            if '"' in msgid or "\\" in msgid or "\n" in msgid:
                msgid = _fast_value(msgid_field)
                lines += msgid_field.count("\n")
            msgstr = msgstr_field[1:-1]
            if '"' in msgstr or "\\" in msgstr or "\n" in msgstr:
                msgstr = _fast_value(msgstr_field)
                lines += msgstr_field.count("\n")
            if msgid is not None and msgstr is not None and (ctxt is not None or ctxt_field is None):
                fuzzy = _comment_fuzzy(comments) if "#," in comments or "#~" in comments else False
                line = lineno + before
                pos = m.end()
                lineno += lines + (text[pos - 1] == "\n")  # the msgstr line, ended or not
                if msgid == "" and ctxt is None:  # the header, or a second header-like entry (not a message)
                    if first:
                        yield ("header", _header_fields(msgstr))
                else:
                    yield ("entry", (ctxt, msgid, None, msgstr, None, line, fuzzy))
                first = False
                continue
            # a string with an inner quote or a bad escape: the line parser says where
        e, pos, lineno = _parse_po_lines(text, pos, lineno, path)
        if not e.has_any:
            continue
        if e.msgid is None:
            raise ParseError(path, "msgstr or msgctxt without msgid", line=e.line or lineno)
        if not e.complete:
            raise ParseError(path, "msgid without msgstr", line=e.line)
        if e.msgid_plural is not None and e.msgstr is not None:
            raise ParseError(path, "msgid_plural needs msgstr[0], msgstr[1] ..., not msgstr", line=e.line)
        if e.msgid_plural is None and e.plural_strs:
            raise ParseError(path, "msgstr[n] without msgid_plural", line=e.line)
        was_first, first = first, False
        if e.msgid == "" and e.ctxt is None:
            if was_first:
                yield ("header", _header_fields(e.msgstr or ""))
            continue  # a second header-like entry: not a message
        plurals = e.plural_strs if e.msgid_plural is not None else None
        yield ("entry", (e.ctxt, e.msgid, e.msgid_plural, e.msgstr, plurals, e.line, e.fuzzy))


def _fast_value(field: str):
    """The value of a matched ``_FIELD`` (quoted lines, unquoted and joined), or None when a line
    is not one well-formed string: the line parser then reports it."""
    if "\n" not in field:
        inner = field[1:-1]
        if '"' not in inner and "\\" not in inner:
            return inner
        if "\\" not in inner:
            return None  # a quote inside, not escaped
        # the usual escapes only (\\ \" \n \t): replaced in place, each backslash pair first
        pieces = inner.split("\\\\")
        for i, piece in enumerate(pieces):
            rest = piece.replace('\\"', "").replace("\\n", "").replace("\\t", "")
            if "\\" in rest:
                break  # another escape, or a backslash before the closing quote: the general way
            if '"' in rest:
                return None
            pieces[i] = piece.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t")
        else:
            return "\\".join(pieces)
        m = _STRING_RE.fullmatch(field)
        return None if m is None else _ESCAPE_RE.sub(_unescape_one, m.group(1))
    parts = []
    for part in field.split("\n"):
        value = _fast_value(part)
        if value is None:
            return None
        parts.append(value)
    return "".join(parts)


def _comment_fuzzy(comments: str) -> bool:
    """Whether the comment lines above an entry flag it fuzzy (as the line parser reads them)."""
    fuzzy = False
    for line in comments.split("\n"):
        if line.startswith("#~"):
            fuzzy = False  # flags above an obsolete entry belong to it, not to the next one
        elif line.startswith("#,") and "fuzzy" in (f.strip() for f in line[2:].split(",")):
            fuzzy = True
    return fuzzy


def _parse_po_lines(text: str, pos: int, lineno: int, path: Path) -> tuple[_Entry, int, int]:
    """Parse lines from ``pos`` (line ``lineno``) until an entry is complete and the next one
    begins, or the file ends: (the entry, the position and line number where the next begins).
    The entry may hold no keyword (comments or blank lines only: ``has_any`` is false)."""
    cur = _Entry()
    size = len(text)
    while pos < size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        line = text[pos:end]
        if line and (line[0] in " \t" or line[-1] in " \t\r"):
            line = line.strip()
        if line:
            c0 = line[0]
            if c0 == "#":
                if cur.complete:  # comments start the next entry
                    return cur, pos, lineno
                if line.startswith("#~") and not cur.has_any:
                    cur.fuzzy = False  # flags above an obsolete entry belong to it, not to the next one
                elif line.startswith("#,"):
                    if "fuzzy" in (f.strip() for f in line[2:].split(",")):
                        cur.fuzzy = True
                # '#~' obsolete entries, '#|' previous strings and every other comment are not checked
            elif c0 == '"':
                if cur.last is None:
                    raise ParseError(path, "string continuation without msgid/msgstr before it", line=lineno)
                s = _po_string(line, path, lineno)
                if isinstance(cur.last, tuple):
                    cur.plural_strs[cur.last[1]] += s
                else:
                    setattr(cur, cur.last, getattr(cur, cur.last) + s)
            else:
                keyword, _, rest = line.partition(" ")
                index = None
                if keyword not in _KEYWORDS or rest[:1] != '"':  # not the usual 'msgid "..."' form
                    m = _KEYWORD_RE.fullmatch(line)
                    if m is None:
                        raise ParseError(path, f"unexpected text {line[:30]!r}", line=lineno)
                    keyword, index, rest = m.groups()
                if cur.complete and (keyword == "msgid" or keyword == "msgctxt"):
                    return cur, pos, lineno
                value = rest[1:-1]  # the usual case, checked: quoted, no escapes, no inner quotes
                if rest[-1:] != '"' or len(rest) < 2 or "\\" in value or '"' in value:
                    value = _po_string(rest, path, lineno)
                if not cur.has_any:
                    cur.line = lineno
                    cur.has_any = True
                if keyword == "msgctxt":
                    if cur.ctxt is not None or cur.msgid is not None:
                        raise ParseError(path, "msgctxt must come before msgid", line=lineno)
                    cur.ctxt, cur.last = value, "ctxt"
                elif keyword == "msgid":
                    if cur.msgid is not None:
                        raise ParseError(path, "msgid without msgstr", line=cur.line)
                    cur.msgid, cur.last, cur.line = value, "msgid", lineno
                elif keyword == "msgid_plural":
                    if cur.msgid is None or cur.complete or cur.msgid_plural is not None:
                        raise ParseError(path, "msgid_plural must follow msgid", line=lineno)
                    cur.msgid_plural, cur.last = value, "msgid_plural"
                elif index is not None:
                    if cur.msgid is None:
                        raise ParseError(path, "msgstr without msgid", line=lineno)
                    n = int(index)
                    if n in cur.plural_strs:
                        raise ParseError(path, f"msgstr[{n}] given twice", line=lineno)
                    cur.plural_strs[n], cur.last, cur.complete = value, ("plural", n), True
                else:
                    if cur.msgid is None:
                        raise ParseError(path, "msgstr without msgid", line=lineno)
                    if cur.msgstr is not None:
                        raise ParseError(path, "msgstr given twice", line=lineno)
                    cur.msgstr, cur.last, cur.complete = value, "msgstr", True
        if nl < 0:
            break
        pos, lineno = nl + 1, lineno + 1
    if cur.has_any and not cur.complete:
        raise ParseError(path, "msgid without msgstr at end of file", line=cur.line)
    return cur, size, lineno


def _header_fields(msgstr: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in msgstr.split("\n"):
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


# -------------------------------------------------------------------------------------------- TMX

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# TMX 1.4b, section 3.7: bpt, ept, it, ph and ut hold native codes, not text; hi holds text.
_TMX_CODE_TAGS = frozenset({"bpt", "ept", "it", "ph", "ut"})


def _tmx_text(seg: etree._Element) -> str:
    parts = [seg.text or ""]
    for child in seg:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "hi" or tag == "sub":
            parts.append(_tmx_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lang_key(code: str) -> str:
    """A comparable form of a TMX language code: ``kk`` for ``kk-KZ``, ``KK_kz``, ``kaz``."""
    from ..errors import UnknownLanguage
    from ..languages import normalize_lang

    try:
        return normalize_lang(code)
    except UnknownLanguage:
        return code.replace("_", "-").split("-")[0].lower()


def read_tmx_bilingual(path: str | Path, *, source_lang: str | None = None) -> Iterator[BilingualUnit]:
    """Stream a TMX file as :class:`BilingualUnit` s: one per ``<tu>`` and target language in it.

    The source is the ``<tuv>`` in ``source_lang`` if given, else in the ``<tu>``'s or the header's
    ``srclang``; every other ``<tuv>`` is a target (its ``xml:lang`` as written, e.g. ``kk-KZ``).
    An empty target ``<seg>`` gives ``translated=False``; a ``<tu>`` without a source ``<tuv>`` gives
    no units. ``id`` is the ``tuid``, ``line`` the line of the ``<tu>``. Inline codes (``bpt``,
    ``ept``, ``it``, ``ph``, ``ut``) are left out of the text; ``hi`` is kept.

    Raises :class:`ParseError` for malformed XML, a file that is not TMX, or ``srclang="*all*"``
    with no ``source_lang``.
    """
    path = Path(path)
    header_src: str | None = None
    seen_root = False
    want = _lang_key(source_lang) if source_lang else None
    for event, elem in xmlsafe.iterparse(path, events=("start", "end")):
        tag = elem.tag if isinstance(elem.tag, str) else ""
        if not seen_root:
            seen_root = True
            if tag != "tmx":
                raise ParseError(path, f"not a TMX file (root element <{etree.QName(elem).localname}>)",
                                 line=elem.sourceline)
            continue
        if event == "start":
            continue
        if tag == "header":
            header_src = elem.get("srclang")
        elif tag == "tu":
            yield from _tmx_units(path, elem, want, header_src)
            elem.clear()
            parent = elem.getparent()
            if parent is not None:  # drop finished <tu>s so memory stays flat
                while elem.getprevious() is not None:
                    del parent[0]


def _tmx_units(path: Path, tu: etree._Element, want: str | None, header_src: str | None) -> Iterator[BilingualUnit]:
    tuvs: list[tuple[str, str, str]] = []  # (key, code as written, text)
    for tuv in tu:
        if tuv.tag != "tuv":
            continue
        code = tuv.get(_XML_LANG) or tuv.get("lang")  # 'lang' is TMX 1.1
        if not code:
            raise ParseError(path, "<tuv> without xml:lang", line=tuv.sourceline)
        seg = tuv.find("seg")
        text = _tmx_text(seg) if seg is not None else ""
        tuvs.append((_lang_key(code), code, text))
    src = want
    if src is None:
        code = tu.get("srclang") or header_src
        if not code:
            raise ParseError(path, "no srclang on <header> or <tu>; say which language is the source",
                             line=tu.sourceline)
        if code == "*all*":
            # any language may be the source: English when the unit has it (our usual source)
            if not any(key == "en" for key, _, _ in tuvs):
                raise ParseError(path, 'srclang="*all*": say which language is the source', line=tu.sourceline)
            code = "en"
        src = _lang_key(code)
    source = next(((code, text) for key, code, text in tuvs if key == src), None)
    if source is None:
        return
    done = {src}
    for key, code, text in tuvs:
        if key in done:
            continue
        done.add(key)
        yield BilingualUnit(
            source=source[1], target=text, source_lang=source[0], target_lang=code,
            line=tu.sourceline, id=tu.get("tuid"), fuzzy=False, translated=bool(text.strip()),
        )
