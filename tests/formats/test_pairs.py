"""Bilingual readers used by the check: PO/POT, TMX and two-column TSV (XLIFF: test_xliff.py)."""

from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termbase.errors import ParseError
from termbase.formats import get_format
from termbase.formats.po_syntax import _parse_po_text, parse
from termbase.fsutil import Source
from termbase.models import BilingualUnit

DATA = Path(__file__).parents[1] / "data" / "check"


def read_po_bilingual(path):
    return get_format("po").read_pairs(Source.of(path))


def read_tmx_bilingual(path, source_lang=None):
    return get_format("tmx").read_pairs(Source.of(path), source_lang=source_lang)


def read_tsv_bilingual(path):
    return get_format("tsv").read_pairs(Source.of(path))


def po_header(path):
    return next((value for kind, value in parse(Source.of(path)) if kind == "header"), {})


# ---------------------------------------------------------------------------------------------- PO


def test_po_units_lines_context_flags_and_plurals():
    u = lambda s, t, line, **kw: BilingualUnit(s, t, None, "ru", line=line, **kw)  # noqa: E731
    assert list(read_po_bilingual(DATA / "apk.ru.po")) == [
        u("Session of the Assembly of People of Kazakhstan", "Сессия Ассамблеи народа Казахстана", 13, id="title"),
        u("The National Security Committee detained two officials.", "Служба безопасности задержала двух чиновников.", 17),
        u("Delegates of the Assembly of People of Kazakhstan met in Astana.",
          "Делегаты Ассамблеи народов Казахстана встретились в Астане.", 23),
        u("The APK chairman spoke.", "Выступил председатель.", 28, fuzzy=True),
        u('Untranslated "quoted" line', "", 32, translated=False),
        u("%d member of the Assembly of People of Kazakhstan", "%d член Ассамблеи народа Казахстана", 37),
        u("%d members of the Assembly of People of Kazakhstan", "%d члена Ассамблеи народа Казахстана", 37),
        u("%d members of the Assembly of People of Kazakhstan", "%d членов Ассамблеи народа Казахстана", 37),
        # the obsolete (#~) entry and its fuzzy flag are skipped
        u("Tab\there and a new\nline", "Табуляция\tи новая\nстрока", 47),
    ]


def test_po_header():
    header = po_header(DATA / "apk.ru.po")
    assert header["Language"] == "ru"
    assert header["Content-Type"] == "text/plain; charset=UTF-8"
    assert po_header(DATA / "nolang.po") == {}


def test_po_without_header_has_no_language():
    assert list(read_po_bilingual(DATA / "nolang.po")) == [BilingualUnit("The Senate", "Сенат", None, None, line=1)]


def test_po_source_language_header(tmp_path):
    p = tmp_path / "kk-ru.po"
    p.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"X-Source-Language: kk\\n"\n\nmsgid "Сенат"\nmsgstr "Сенат"\n',
                 encoding="utf-8")
    (u,) = read_po_bilingual(p)
    assert (u.source_lang, u.target_lang, u.line) == ("kk", "ru", 6)


@pytest.mark.parametrize(
    "content, line, message",
    [
        ('msgid "a"\nmsgstr "b\n', 2, "unterminated string or unescaped double quote"),
        ('msgid "a" "b"\nmsgstr "c"\n', 1, "unterminated string or unescaped double quote"),
        ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 1, "msgid without msgstr"),
        ('msgstr "b"\n', 1, "msgstr without msgid"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', 3, "msgstr given twice"),
        ('msgid "a"\nmsgstr "b"\nhello\n', 3, "unexpected text 'hello'"),
        ('"orphan"\n', 1, "string continuation without msgid/msgstr before it"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n', 1, r"msgid_plural needs msgstr\[0\]"),
        ('msgid "a"\nmsgstr[0] "b"\n', 1, r"msgstr\[n\] without msgid_plural"),
        ('msgid "a"\n', 1, "msgid without msgstr at end of file"),
        ('msgid a\nmsgstr "b"\n', 1, "expected a quoted string, found 'a'"),
    ],
)
def test_po_malformed_names_the_line(tmp_path, content, line, message):
    p = tmp_path / "bad.po"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ParseError, match=message) as exc:
        list(read_po_bilingual(p))
    assert exc.value.line == line
    assert exc.value.path == str(p)


def test_po_malformed_fixture():
    with pytest.raises(ParseError) as exc:
        list(read_po_bilingual(DATA / "malformed.po"))
    assert str(exc.value) == f"{DATA / 'malformed.po'}:8: unterminated string or unescaped double quote"


def test_po_not_utf8_empty_and_missing(tmp_path):
    p = tmp_path / "cp1251.po"
    p.write_bytes('msgid "a"\nmsgstr "Сенат"\n'.encode("cp1251"))
    with pytest.raises(ParseError, match="not valid UTF-8"):
        list(read_po_bilingual(p))
    (tmp_path / "empty.po").write_text("", encoding="utf-8")
    with pytest.raises(ParseError, match="file is empty"):
        list(read_po_bilingual(tmp_path / "empty.po"))
    with pytest.raises(ParseError, match="no such file"):
        list(read_po_bilingual(tmp_path / "missing.po"))


_po_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
    | st.sampled_from('\n\t"\\әғқңөұүһі'),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(st.none() | _po_text, _po_text.filter(bool), _po_text, st.booleans()),
                        max_size=6, unique_by=lambda e: (e[0], e[1])))
def test_po_reader_agrees_with_polib(tmp_path, entries):
    po = polib.POFile()
    po.metadata = {"Language": "kk", "Content-Type": "text/plain; charset=UTF-8"}
    for ctxt, msgid, msgstr, fuzzy in entries:
        po.append(polib.POEntry(msgctxt=ctxt, msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else []))
    path = tmp_path / "h.po"
    po.save(str(path))
    theirs = polib.pofile(str(path))
    ours = list(read_po_bilingual(path))
    assert [(u.id, u.source, u.target, u.fuzzy, u.translated, u.target_lang) for u in ours] == [
        (e.msgctxt, e.msgid, e.msgstr, e.fuzzy, bool(e.msgstr), "kk") for e in theirs
    ]
    lines = path.read_text(encoding="utf-8").split("\n")
    for u in ours:  # the line is the msgid's
        assert lines[u.line - 1].startswith("msgid ")


_PO_LINES = st.sampled_from([
    'msgid "a"', 'msgid ""', 'msgid "Сенат"', 'msgstr ""', 'msgstr "x"', 'msgstr "y\\"z\\\\"', 'msgctxt "c"',
    '"cont"', '"co\\nnt"', '""', "#, fuzzy", "#, c-format, fuzzy", "#: ref", '#~ msgid "old"', '#| msgid "p"',
    "", "  ", ' msgid "s"', 'msgid "t" ', 'msgid  "u"', 'msgid_plural "pl"', 'msgstr[0] "p0"', 'msgstr[1] "p1"',
    "garbage", 'msgid "unterminated', 'msgstr "q"\r', '"Language: kk\\n"', 'msgid "\\x41\\101\\q\\x"',
    'msgid "a" "b"', "\t#, fuzzy", 'msgstr "\\"', 'msgid "\\\\"',
])


def _parse(text, fast):
    try:
        return [(kind, value) for kind, value in _parse_po_text(text, "t.po", fast=fast)]
    except ParseError as exc:
        return (str(exc), exc.line)


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(_PO_LINES, max_size=14), end=st.sampled_from(["", "\n"]))
def test_po_whole_entry_parser_agrees_with_the_line_parser(lines, end):
    # entries in the usual layout are matched whole; everything else (and every error) is the
    # line parser's: the two must give the same entries, lines and errors
    text = "\n".join(lines) + end
    assert _parse(text, fast=True) == _parse(text, fast=False)


def test_po_crlf_and_escapes(tmp_path):
    lf = 'msgid ""\nmsgstr "Language: kk\\n"\n\n#, fuzzy\nmsgid "a\\"b\\\\c\\td"\nmsgstr ""\n"e\\nf"\n\nmsgid "g\\x"\nmsgstr "\\8\\101"\n'
    (tmp_path / "lf.po").write_text(lf, encoding="utf-8")
    (tmp_path / "crlf.po").write_bytes(lf.replace("\n", "\r\n").encode("utf-8"))
    units = [BilingualUnit('a"b\\c\td', "e\nf", None, "kk", line=5, fuzzy=True), BilingualUnit("gx", "8A", None, "kk", line=9)]
    assert list(read_po_bilingual(tmp_path / "lf.po")) == units
    assert list(read_po_bilingual(tmp_path / "crlf.po")) == units


# --------------------------------------------------------------------------------------------- TMX


def test_tmx_one_unit_per_target_language():
    src = "The National Security Committee reported."
    assert list(read_tmx_bilingual(DATA / "news.tmx")) == [
        BilingualUnit(src, "Ұлттық қауіпсіздік комитеті хабарлады.", "en", "kk-KZ", line=7, id="1"),
        BilingualUnit(src, "Служба безопасности сообщила.", "en", "ru-RU", line=7, id="1"),
        # <hi> text is kept, <ph> native code is not
        BilingualUnit("The Assembly of People of Kazakhstan met.", "Собралась Ассамблея народа Казахстана.",
                      "en", "ru", line=12, id="2"),
        BilingualUnit("The Assembly of People of Kazakhstan met.", "", "en", "kk", line=12, id="2", translated=False),
        BilingualUnit("The Assembly of People of Kazakhstan met.", "Die Versammlung des Volkes Kasachstans tagte.",
                      "en", "de", line=12, id="2"),
        # the third <tu> has no English <tuv>: nothing to check
    ]


def test_tmx_source_language_can_be_chosen():
    units = list(read_tmx_bilingual(DATA / "news.tmx", source_lang="ru"))
    assert [(u.source_lang, u.target_lang, u.line) for u in units] == [
        ("ru-RU", "en", 7), ("ru-RU", "kk-KZ", 7), ("ru", "en", 12), ("ru", "kk", 12), ("ru", "de", 12)
    ]


def test_tmx_malformed_and_not_tmx(tmp_path):
    with pytest.raises(ParseError) as exc:
        list(read_tmx_bilingual(DATA / "broken.tmx"))
    assert exc.value.line == 8 and "malformed XML" in str(exc.value)
    p = tmp_path / "x.tmx"
    p.write_text('<xliff version="1.2"/>', encoding="utf-8")
    with pytest.raises(ParseError, match=r"not a TMX file \(root element <xliff>\)"):
        list(read_tmx_bilingual(p))


def test_tmx_srclang_all_uses_english_else_needs_a_source_language(tmp_path):
    p = tmp_path / "all.tmx"
    p.write_text(
        '<tmx version="1.4"><header srclang="*all*"/><body><tu>'
        '<tuv xml:lang="en"><seg>Senate</seg></tuv><tuv xml:lang="ru"><seg>Сенат</seg></tuv>'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    assert [(u.source, u.target) for u in read_tmx_bilingual(p)] == [("Senate", "Сенат")]
    assert [u.target for u in read_tmx_bilingual(p, source_lang="ru")] == ["Senate"]
    p.write_text(
        '<tmx version="1.4"><header srclang="*all*"/><body><tu>'
        '<tuv xml:lang="kk"><seg>Сенат</seg></tuv><tuv xml:lang="ru"><seg>Сенат</seg></tuv>'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match=r"the <tu> does not say which language is its source") as exc:
        list(read_tmx_bilingual(p))
    assert exc.value.line == 1


# --------------------------------------------------------------------------------------------- TSV


def test_tsv_pairs_with_language_header():
    assert list(read_tsv_bilingual(DATA / "pairs.tsv")) == [
        BilingualUnit("The Senate of Parliament", "Парламент Сенаты", "en", "kk", line=2),
        BilingualUnit("National Security Committee", "", "en", "kk", line=4, translated=False),
        BilingualUnit("Ministry of Justice", "Әділет министрлігіне", "en", "kk", line=5),
    ]


def test_tsv_pairs_without_header_and_with_source_target_header(tmp_path):
    p = tmp_path / "a.tsv"
    p.write_text("Senate\tСенат\n", encoding="utf-8")
    assert list(read_tsv_bilingual(p)) == [BilingualUnit("Senate", "Сенат", None, None, line=1)]
    p.write_text("source\ttarget\r\nSenate\tСенат\r\n", encoding="utf-8")
    assert list(read_tsv_bilingual(p)) == [BilingualUnit("Senate", "Сенат", None, None, line=2)]


def test_tsv_wrong_column_count():
    with pytest.raises(ParseError) as exc:
        list(read_tsv_bilingual(DATA / "bad.tsv"))
    assert str(exc.value) == f"{DATA / 'bad.tsv'}:2: expected 2 tab-separated columns (source, target), got 1"


def test_tsv_pairs_format_reads_pairs_units_and_text_and_writes_nothing():
    fmt = get_format("tsv")
    assert (fmt.name, fmt.extensions, fmt.reads, fmt.writes) == ("tsv", ("tsv",), {"pairs", "units", "text"}, set())
