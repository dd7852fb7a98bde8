"""The syntax of gettext PO files: entries with the line of each ``msgid``, streamed.

One parser serves every view of a PO file (pairs to check, translation-memory units, a document's
text), so a malformed file fails the same way everywhere, with the line of the problem. It is our own
rather than polib's because a check needs the line of each ``msgid`` (polib records where an entry's
comments start), a :class:`ParseError` with the line (polib raises a bare ``IOError``, and reads an
unterminated string as empty), and speed: polib takes about 5 s to load a 100,000-entry file, more
than the whole terminology check of it.

Entries in the usual layout are matched whole by one regular expression; anything else goes through
a line parser that says exactly what is wrong.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from ..errors import ParseError
from ..fsutil import Source

__all__ = ["PoEntry", "parse", "parse_text", "parts", "new_state", "header_fields", "comment_fields", "Block", "blocks"]


class PoEntry(NamedTuple):
    """One message. ``plurals`` maps n to ``msgstr[n]`` for a plural entry (``msgstr`` is then None);
    ``line`` is the line of the ``msgid``; ``comments`` the raw comment lines above it."""

    msgctxt: str | None
    msgid: str
    msgid_plural: str | None
    msgstr: str | None
    plurals: dict[int, str] | None
    line: int
    fuzzy: bool
    comments: str

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


def _po_string(text: str, path: str, line: int) -> str:
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
                 "complete", "comments")

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
        self.comments: list[str] = []  # the comment lines above the entry


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


def parse(src: Source) -> Iterator[tuple[str, object]]:
    r"""Yield ``("header", {field: value})`` once (if the file has a header), then ``("entry",
    PoEntry)`` for each message in file order. Obsolete (``#~``) entries are comments, not entries.

    >>> import io
    >>> data = 'msgid ""\nmsgstr "Language: kk\\n"\n\n#: a.txt:3\nmsgid "Senate"\nmsgstr "Сенат"\n'
    >>> [(kind, getattr(x, "msgstr", x)) for kind, x in parse(Source.of(io.BytesIO(data.encode())))]
    [('header', {'Language': 'kk'}), ('entry', 'Сенат')]
    """
    return _parse_pieces(src.iter_text(), src.name)


#: A stretch of the file without a place to cut it (:func:`_cut`) longer than this is refused:
#: one entry of a few segments and its comments is far smaller.
MAX_ENTRY_CHARS = 64 * 1024 * 1024


def _parse_pieces(pieces: Iterator[str], path: str) -> Iterator[tuple[str, object]]:
    """:func:`parse` of a file given in pieces that end at line ends (:meth:`Source.iter_text`):
    the text read is cut where one entry ends and the next begins (:func:`parts`) and each part is
    parsed as a whole, so that memory holds about one piece, whatever the size of the file; the
    entries, lines and errors are those of parsing the whole text at once."""
    state = _State()
    for text, line in parts(pieces, path):
        state.line = line
        yield from _parse_po_text(text, path, state=state)


def parts(pieces: Iterator[str], path: str) -> Iterator[tuple[str, int]]:
    r"""The text of pieces that end at line ends (:meth:`Source.iter_text`) in parts cut where one
    entry ends and the next begins (:func:`_cut`), each with the line it begins at; ``\r\n`` line
    ends made ``\n``. A stretch without such a place longer than :data:`MAX_ENTRY_CHARS` is a
    ``ParseError``.

    >>> list(parts(iter(['msgid "a"\nmsgstr "b"\n', '\nmsgid "c"\n', 'msgstr ""\n']), "x.po"))
    [('msgid "a"\nmsgstr "b"\n\n', 1), ('msgid "c"\nmsgstr ""\n', 4)]
    """
    line, buffer = 1, ""
    for piece in pieces:
        if "\r" in piece:
            piece = piece.replace("\r\n", "\n")  # the line parser strips a line's final \r anyway
        searched = len(buffer)  # no place to cut before this (the lines above a place decide)
        buffer = buffer + piece if buffer else piece
        cut = _cut(buffer, max(0, searched - 1))
        if cut:
            head, buffer = buffer[:cut], buffer[cut:]
            yield head, line
            line += head.count("\n")
        elif len(buffer) > MAX_ENTRY_CHARS:
            raise ParseError(path, f"no end of entry in {MAX_ENTRY_CHARS // 2**20} MB of text", line=line)
    if buffer:
        yield buffer, line


def _cut(text: str, lower: int = 0) -> int:
    """The last place in ``text`` (the start of a line, after ``lower``; 0 if none) where the
    parser of the whole text would end one entry and begin the next: a comment, ``msgctxt`` or
    ``msgid`` line whose closest line above that is neither blank nor a string continuation is a
    ``msgstr`` line (``msgstr[n]`` too). A comment line in between would have begun the next entry
    already. Sought from the end: usually a few lines are looked at."""
    end = len(text)
    start = text.rfind("\n", 0, end - 1) + 1  # the last line (text ends with a line end)
    while start > lower:
        line = text[start:end].strip(" \t\r")
        if line and (line[0] == "#" or _starts_entry(line)):
            # the line above that is not blank and not a continuation must be msgstr
            above_end = start - 1
            while above_end > 0:
                above_start = text.rfind("\n", 0, above_end) + 1
                above = text[above_start:above_end].strip(" \t\r")
                if above and above[0] != '"':
                    if above.startswith("msgstr"):
                        return start
                    break
                if above_start == 0:
                    break
                above_end = above_start - 1
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
    return 0


def _starts_entry(line: str) -> bool:
    m = _KEYWORD_RE.match(line)
    return m is not None and m.group(1) in ("msgid", "msgctxt") and m.group(2) is None


class _State:
    """What parsing one part of a file passes to the next: the line the part begins at and
    whether an entry (or the header) came already."""

    __slots__ = ("line", "first")

    def __init__(self) -> None:
        self.line = 1
        self.first = True


def parse_text(text: str, path: str, *, state: _State | None = None) -> Iterator[tuple[str, object]]:
    """:func:`parse` of a text already read (``\n`` line ends), for writers that copy parts of it
    (:func:`blocks` gives where each entry lies in the same text). ``state`` (:func:`new_state`):
    where ``text`` is one of the :func:`parts` of a file, the line it begins at (set it) and
    whether an entry came before."""
    return _parse_po_text(text, path, state=state)


def new_state() -> _State:
    """What parsing one part of a file passes to the next (:func:`parse_text`)."""
    return _State()


class Block(NamedTuple):
    """Where one entry lies in a PO text (offsets): its comments and blank lines before it start at
    ``start`` (the end of the entry before), its keyword lines at ``keywords``, its first ``msgstr``
    line at ``msgstr``; it ends at ``end`` (after its last string line). ``line`` is the line of its
    ``msgid``, as :class:`PoEntry` has it."""

    start: int
    keywords: int
    msgstr: int
    end: int
    line: int


def blocks(text: str) -> Iterator[Block]:
    r"""The layout of a PO text that :func:`parse_text` accepts: one :class:`Block` per entry, the
    header included, in file order. Obsolete (``#~``) entries and other
    comments are between blocks (``text[block.start:block.keywords]``, and after the last block).
    The text must have been parsed first: this only finds the lines, it checks nothing.

    >>> text = 'msgid ""\nmsgstr ""\n\n# note\nmsgid "a"\nmsgstr "b"\n\n#~ msgid "old"\n'
    >>> [(text[b.start:b.keywords], text[b.msgstr:b.end], b.line) for b in blocks(text)]
    [('', 'msgstr ""\n', 1), ('\n# note\n', 'msgstr "b"\n', 5)]
    """
    pos, lineno, size = 0, 1, len(text)
    start = 0  # where the comments before the next entry begin
    keywords = msgstr = -1  # offsets in the current entry (-1: none yet)
    end = msgid_line = 0
    while pos < size:
        nl = text.find("\n", pos)
        next_pos = size if nl < 0 else nl + 1
        line = text[pos:next_pos].strip()
        if line and line[0] != "#":
            if line[0] != '"':
                keyword = line.split(None, 1)[0].split("[", 1)[0]
                if keyword in ("msgctxt", "msgid") and msgstr >= 0:  # the next entry begins
                    yield Block(start, keywords, msgstr, end, msgid_line)
                    start, keywords, msgstr = end, -1, -1
                if keywords < 0:
                    keywords = pos
                if keyword == "msgid":
                    msgid_line = lineno
                elif keyword == "msgstr" and msgstr < 0:
                    msgstr = pos
            end = next_pos
        pos, lineno = next_pos, lineno + 1
    if msgstr >= 0:
        yield Block(start, keywords, msgstr, end, msgid_line)


def _parse_po_text(text: str, path: str, *, fast: bool = True, state: _State | None = None
                   ) -> Iterator[tuple[str, object]]:
    """:func:`parse` of ``text``: entries in the usual layout are matched whole by one regular
    expression, the others parsed line by line (``fast=False``: every entry, for tests). ``state``:
    where ``text`` is one part of a file, the line it begins at and whether an entry came before
    (updated)."""
    state = state or _State()
    first = state.first
    pos, lineno, size = 0, state.line, len(text)  # lineno: the line that begins at pos
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
                was_first = first
                first = state.first = False
                if msgid == "" and ctxt is None:  # the header, or a second header-like entry (not a message)
                    if was_first:
                        yield ("header", header_fields(msgstr))
                else:
                    if comments:  # as the line parser keeps them: the comment lines, no blank ones
                        comments = "\n".join(filter(None, comments.split("\n")))
                    yield ("entry", PoEntry(ctxt, msgid, None, msgstr, None, line, fuzzy, comments))
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
        state.first = False
        if e.msgid == "" and e.ctxt is None:
            if was_first:
                yield ("header", header_fields(e.msgstr or ""))
            continue  # a second header-like entry: not a message
        plurals = e.plural_strs if e.msgid_plural is not None else None
        yield ("entry", PoEntry(e.ctxt, e.msgid, e.msgid_plural, e.msgstr, plurals, e.line, e.fuzzy,
                                "\n".join(e.comments)))


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


def comment_fields(comments: str) -> dict[str, list[str]]:
    r"""The comments above an entry by kind: ``"reference"`` (``#:``, split at white space),
    ``"extracted"`` (``#.``), ``"translator"`` (``#`` and a space), ``"flags"`` (``#,``), as polib
    reads them; lines of an obsolete entry before it (``#~``) and previous strings (``#|``) are not
    the entry's.

    >>> comment_fields("# note\n#. score: 0.9\n#: a.txt:3 b.txt:4\n#, fuzzy")["reference"]
    ['a.txt:3', 'b.txt:4']
    """
    out: dict[str, list[str]] = {"reference": [], "extracted": [], "translator": [], "flags": []}
    for line in comments.split("\n"):
        if not line.startswith("#"):
            continue
        kind = line[1:2]
        if kind == "~":
            for values in out.values():
                values.clear()
        elif kind == ":":
            out["reference"].extend(line[2:].split())
        elif kind == ".":
            out["extracted"].append(line[2:].strip())
        elif kind == ",":
            out["flags"].extend(f.strip() for f in line[2:].split(",") if f.strip())
        elif kind in (" ", ""):
            out["translator"].append(line[2:])
    return out


def _parse_po_lines(text: str, pos: int, lineno: int, path: str) -> tuple[_Entry, int, int]:
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
                cur.comments.append(line)
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


def header_fields(msgstr: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in msgstr.split("\n"):
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


