"""The PO parser reads a file in pieces (:func:`termbase.formats.po_syntax.parse` over
:meth:`Source.iter_text`): cut between entries, the pieces give exactly the entries, lines and
errors of the whole text parsed at once, and memory holds about one piece."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings, strategies as st

from termbase.errors import ParseError
from termbase.formats import po_syntax
from termbase.formats.po_syntax import _cut, _parse_pieces, _parse_po_text, parse
from termbase.fsutil import Source

from .test_pairs import _PO_LINES


def _whole(text):
    try:
        return [(kind, value) for kind, value in _parse_po_text(text.replace("\r\n", "\n"), "t.po")]
    except ParseError as exc:
        return (str(exc), exc.line)


def _pieces(pieces):
    try:
        return [(kind, value) for kind, value in _parse_pieces(iter(pieces), "t.po")]
    except ParseError as exc:
        return (str(exc), exc.line)


def _split(text: str, cuts: list[int]) -> list[str]:
    """``text`` in pieces ending at the line ends numbered in ``cuts``, as iter_text gives it."""
    ends = [i + 1 for i, c in enumerate(text) if c == "\n"]
    at = sorted({ends[c % len(ends)] for c in cuts}) if ends else []
    bounds = [0, *at, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


@settings(max_examples=500, deadline=None)
@given(lines=st.lists(_PO_LINES, max_size=24), end=st.sampled_from(["", "\n"]),
       cuts=st.lists(st.integers(min_value=0, max_value=100), max_size=8))
def test_a_file_read_in_pieces_parses_as_the_whole_text(lines, end, cuts):
    text = "\n".join(lines) + end
    assert _pieces(_split(text, cuts)) == _whole(text)


def test_cut_between_entries_only_after_a_msgstr():
    text = ('msgid ""\nmsgstr "Language: kk\\n"\n\n# note\nmsgid "a"\nmsgstr ""\n"b"\n\n#, fuzzy\n'
            'msgid "c"\n# stray comment\nmsgstr "d"\n')
    assert text[_cut(text):].startswith("#, fuzzy")  # the last entry begins at its comments
    head = text[:_cut(text)]
    assert head[_cut(head):].startswith("# note")
    # a comment below the last msgstr has begun the next entry: no place between the two
    assert _cut('msgid "a"\nmsgstr "b"\n# one\n# two\n') == len('msgid "a"\nmsgstr "b"\n')
    assert _cut('msgid "a"\n\n# c\nmsgstr "b"\n') == 0  # a comment inside an entry
    assert _cut('msgid "a"\nmsgstr "b"\n', lower=5) == 0


def test_every_piece_size_gives_the_same_entries_as_the_whole_file():
    entries = []
    for i in range(40):
        comments = f"# note {i}\n" if i % 3 == 0 else ""
        ctxt = f'msgctxt "c{i}"\n' if i % 4 == 0 else ""
        entries.append(f'{comments}#: doc.txt:{i}\n{ctxt}msgid "Senate {i}"\nmsgstr ""\n"Сенат "\n"{i}"\n')
    text = 'msgid ""\nmsgstr "Language: kk\\n"\n\n' + "\n".join(entries)
    whole = _whole(text)
    assert len(whole) == 41
    lines = text.splitlines(keepends=True)
    for size in (1, 2, 3, 5, 7, 11):
        pieces = ["".join(lines[i:i + size]) for i in range(0, len(lines), size)]
        assert _pieces(pieces) == whole


def test_no_end_of_entry_in_too_much_text_is_an_error(monkeypatch):
    monkeypatch.setattr(po_syntax, "MAX_ENTRY_CHARS", 100)
    pieces = ['msgid ""\nmsgstr "Language: kk\\n"\n'] + ["# a comment line of some length\n"] * 10
    with pytest.raises(ParseError, match=r"t.po:3: no end of entry in 0 MB of text"):
        list(_parse_pieces(iter(pieces), "t.po"))


def test_parse_reads_a_source_in_pieces(monkeypatch):
    monkeypatch.setattr("termbase.fsutil._CHUNK", 64)  # pieces of 64 bytes, cut inside lines
    text = 'msgid ""\nmsgstr "Language: kk\\n"\n' + "".join(
        f'\n#: doc.txt:{i}\nmsgid "Сенат {i}"\nmsgstr "Senate {i}"\n' for i in range(30))
    data = text.replace("\n", "\r\n").encode("utf-8")
    got = list(parse(Source.of(io.BytesIO(b"\xef\xbb\xbf" + data), name="t.po")))
    assert got == list(_parse_po_text(text, "t.po"))
    assert [e.line for _, e in got[1:3]] == [5, 9]
