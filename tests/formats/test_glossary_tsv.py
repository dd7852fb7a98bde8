"""The glossary TSV format: its cell syntax, reading, writing, recognising a glossary among TSV files."""


import pytest

from termbase.errors import ParseError, ValidationError
from termbase.formats import format_for, get_format
from termbase.formats.glossary_tsv import parse_cell
from termbase.fsutil import Source
from termbase.models import Concept, Term

GLOSSARY = get_format("glossary")
read_glossary = GLOSSARY.read_concepts

HEADER = "id\tsubject\ten\tkk\tru\tnote\tsource\n"


def test_parse_cell_defaults_and_attributes():
    assert parse_cell("Assembly of People of Kazakhstan | APK {acronym} | Assembly of Peoples of Kazakhstan {deprecated}", "en") == [
        Term("en", "Assembly of People of Kazakhstan", "preferred", "full"),
        Term("en", "APK", "admitted", "acronym"),
        Term("en", "Assembly of Peoples of Kazakhstan", "deprecated", "full"),
    ]
    assert parse_cell("Мажилис {short, proposed}", "ru") == [Term("ru", "Мажилис", "proposed", "short")]


@pytest.mark.parametrize(
    "cell, message",
    [
        ("Senate {approved}", r"unknown attribute \{approved\}"),
        ("Senate | ", "empty term"),
        ("{acronym}", "bad term"),
    ],
)
def test_parse_cell_errors(cell, message):
    with pytest.raises(ParseError, match=message):
        parse_cell(cell, "en", path="g.tsv", line=4)


def test_read_glossary(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text(HEADER + "senate\tparliament\tSenate\tСенат\tСенат\t\tparlam.kz\n", encoding="utf-8")
    (c,) = read_glossary(p)
    assert c.id == "senate" and c.subject == "parliament" and c.source == "parlam.kz" and c.note is None
    assert [(t.lang, t.text) for t in c.terms] == [("en", "Senate"), ("kk", "Сенат"), ("ru", "Сенат")]


def test_empty_language_cells_and_escapes(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text(HEADER + "senate\t\tSenate\t\t\tline one\\nline two \\\\ end\t\n", encoding="utf-8")
    (c,) = read_glossary(p)
    assert [(t.lang, t.text) for t in c.terms] == [("en", "Senate")]
    assert (c.subject, c.note, c.source) == (None, "line one\nline two \\ end", None)


@pytest.mark.parametrize(
    "body, message",
    [
        ("senate\tparliament\t\t\t\t\tparlam.kz\n", "g.tsv:2: concept 'senate' has no term"),
        ("senate\tparliament\tSenate\tСенат\n", "g.tsv:2: expected 7 tab-separated columns, got 4"),
        ("\tparliament\tSenate\tСенат\tСенат\t\tx\n", "g.tsv:2: empty id"),
    ],
)
def test_read_glossary_errors_name_file_and_line(tmp_path, body, message):
    p = tmp_path / "g.tsv"
    p.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(ParseError) as exc:
        list(read_glossary(p))
    assert str(exc.value).endswith(message.split("g.tsv", 1)[1]) or message in str(exc.value)
    assert "g.tsv:2:" in str(exc.value)


def test_read_glossary_bad_header(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text("id\ten\tru\n", encoding="utf-8")
    with pytest.raises(ParseError, match="g.tsv:1: header must be"):
        list(read_glossary(p))


def test_recognised_by_header_among_tsv_files(tmp_path):
    glossary, pairs = tmp_path / "g.tsv", tmp_path / "p.tsv"
    glossary.write_text(HEADER + "senate\tparliament\tSenate\tСенат\tСенат\t\tx\n", encoding="utf-8")
    pairs.write_text("en\tkk\nSenate\tСенат\n", encoding="utf-8")
    assert format_for(Source.of(glossary), reads=("concepts", "units")).name == "glossary"
    assert format_for(Source.of(pairs), reads=("concepts", "units")).name == "tsv"


def test_write_then_read_gives_the_same_concepts(tmp_path):
    concepts = [
        Concept("apk", (Term("en", "Assembly of People of Kazakhstan"), Term("en", "APK", "admitted", "acronym"),
                        Term("en", "Assembly of Peoples of Kazakhstan", "deprecated"),
                        Term("kk", "Қазақстан халқы Ассамблеясы", "proposed"), Term("kk", "ҚХА", "preferred", "acronym"),
                        Term("ru", "Ассамблея народа Казахстана")),
                subject="public-body", note="Context: one\nContext: two\tand a tab", source="akorda.kz", scope="KZ"),
        Concept("ru-only", (Term("ru", "Мажилис"),)),
    ]
    out = tmp_path / "out.tsv"
    assert GLOSSARY.write_concepts(concepts, out) == 2
    assert out.read_text(encoding="utf-8").splitlines()[1] == (
        "apk\tpublic-body\tKZ\tAssembly of People of Kazakhstan | APK {acronym} | Assembly of Peoples of Kazakhstan "
        "{deprecated}\tҚазақстан халқы Ассамблеясы {proposed} | ҚХА {preferred, acronym}\tАссамблея народа "
        "Казахстана\tContext: one\\nContext: two\\tand a tab\takorda.kz"
    )
    assert list(read_glossary(out)) == concepts


def test_write_refuses_what_a_cell_cannot_hold(tmp_path):
    with pytest.raises(ValidationError, match=r"concept 'x': term 'a \| b' holds a tab, line break, '\|'"):
        GLOSSARY.write_concepts([Concept("x", (Term("en", "a | b"),))], tmp_path / "out.tsv")
    assert not (tmp_path / "out.tsv").exists()


def test_scope_column_is_read_and_files_without_it_still_are(tmp_path):
    new, old = tmp_path / "new.tsv", tmp_path / "old.tsv"
    new.write_text("id\tsubject\tscope\ten\tkk\tru\tnote\tsource\n"
                   "senate\tparliament\tKZ\tSenate\tСенат\tСенат\t\tx\nun\tbody\t\tUN\tБҰҰ\tООН\t\tx\n", encoding="utf-8")
    old.write_text(HEADER + "senate\tparliament\tSenate\tСенат\tСенат\t\tx\n", encoding="utf-8")
    assert [(c.id, c.scope) for c in GLOSSARY.read_concepts(Source.of(new))] == [("senate", "KZ"), ("un", None)]
    assert [(c.id, c.scope) for c in GLOSSARY.read_concepts(Source.of(old))] == [("senate", None)]
    assert format_for(Source.of(new), reads=("concepts", "units")).name == "glossary"


def test_bad_scope_is_a_parse_error_with_the_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tsubject\tscope\ten\tkk\tru\tnote\tsource\n"
                   "senate\tparliament\tkz\tSenate\tСенат\tСенат\t\tx\n", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        list(GLOSSARY.read_concepts(Source.of(bad)))
    assert str(err.value) == (f"{bad}:2: concept 'senate': bad scope 'kz': "
                              "give a country code of two capital letters (KZ)")


def test_latin_kazakh_column_written_when_held_and_read_back(tmp_path):
    senate = Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"), Term("ru", "Сенат"),
                                Term("kk-Latn", "Senat"), Term("kk-Latn", "Senat'", "deprecated")), subject="parliament")
    court = Concept("court", (Term("en", "Court"), Term("kk", "Сот")))
    path = tmp_path / "g.tsv"
    assert GLOSSARY.write_concepts([senate, court], path) == 2
    assert path.read_text(encoding="utf-8") == (
        "id\tsubject\tscope\ten\tkk\tru\tkk-Latn\tnote\tsource\n"
        "senate\tparliament\t\tSenate\tСенат\tСенат\tSenat | Senat' {deprecated}\t\t\n"
        "court\t\t\tCourt\tСот\t\t\t\t\n")
    assert format_for(Source.of(path), reads=("concepts", "units")).name == "glossary"
    assert [(c.id, c.terms) for c in read_glossary(path)] == [(senate.id, senate.terms), (court.id, court.terms)]
    # asked for: the column is there even if empty; a concept with Latin terms only is a row
    GLOSSARY.write_concepts([court, Concept("x", (Term("kk-Latn", "Mäjılıs"),))], path, langs=["en", "kk-Latn"])
    assert path.read_text(encoding="utf-8").splitlines() == [
        "id\tsubject\tscope\ten\tkk\tru\tkk-Latn\tnote\tsource", "court\t\t\tCourt\t\t\t\t\t", "x\t\t\t\t\t\tMäjılıs\t\t"]


def test_no_latin_kazakh_column_without_latin_terms(tmp_path):
    path = tmp_path / "g.tsv"
    GLOSSARY.write_concepts([Concept("court", (Term("en", "Court"), Term("kk", "Сот")), note="a\tb")], path)
    assert path.read_text(encoding="utf-8") == "id\tsubject\tscope\ten\tkk\tru\tnote\tsource\ncourt\t\t\tCourt\tСот\t\ta\\tb\t\n"
