"""CSV: layout of the export (golden file), store round trip, spreadsheet variants, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termbase.errors import ParseError
from termbase.formats import get_format
from termbase.models import Concept, Term
from termbase.store import AddCounts, create_store

DATA = Path(__file__).parents[1] / "data" / "formats"
CSV = get_format("csv")

CONCEPTS = [
    Concept(
        "apk",
        (
            Term("en", "Assembly of People of Kazakhstan"),
            Term("en", "APK", "admitted", "acronym"),
            Term("kk", "Қазақстан халқы Ассамблеясы", pos="noun"),
            Term("kk", "ҚХА", "proposed", "acronym", note='ресми, "бекітілмеген"'),
            Term("ru", "Ассамблея народа Казахстана"),
        ),
        subject="public-body",
        definition="Body, of all ethnic groups",
        note="Renamed in 2007\nsee akorda.kz",
        source="akorda.kz; gov.kz",
    ),
    Concept(None, (Term("kk", "әліпби: ә ғ қ ң ө ұ ү һ і"), Term("ru", "алфавит & «азбука»", "forbidden", "variant"))),
]


def write_csv(tmp_path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def read(path) -> list[Concept]:
    return list(CSV.read_concepts(path))


def test_export_matches_golden_file(tmp_path):
    out = tmp_path / "sample.csv"
    assert CSV.write_concepts(CONCEPTS, out) == 2
    golden = DATA / "golden" / "sample.csv"
    if os.environ.get("TERMBASE_REGEN_GOLDEN"):
        golden.write_bytes(out.read_bytes())
    assert out.read_bytes() == golden.read_bytes()


def test_export_layout_bom_crlf_and_columns_as_needed(tmp_path):
    out = tmp_path / "t.csv"
    CSV.write_concepts(CONCEPTS, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,subject,definition,note,source,")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == (
        "id,subject,definition,note,source,"
        "en,en_status,en_type,en_2,en_2_status,en_2_type,"
        "kk,kk_status,kk_type,kk_pos,kk_note,kk_2,kk_2_status,kk_2_type,kk_2_pos,kk_2_note,"
        "ru,ru_status,ru_type"
    )
    # the line break inside the note stays as it was, inside quotes
    assert lines[1].startswith('apk,public-body,"Body, of all ethnic groups","Renamed in 2007\nsee akorda.kz",akorda')
    assert lines[-2] == ",,,,,,,,,,,әліпби: ә ғ қ ң ө ұ ү һ і,preferred,full,,,,,,,,алфавит & «азбука»,forbidden,variant"
    assert lines[-1] == ""
    assert read(out) == CONCEPTS


def test_export_then_import_into_an_empty_termbase_gives_the_same_concepts(tmp_path, apk, knb):
    extra = Concept(
        "c-12",
        (
            Term("kk", "Сыртқы істер министрлігі", pos="noun", note="ресми"),
            Term("kk", "СІМ", "proposed", "abbreviation"),
            Term("kk", "Сыртқы істер министрлiгi", "forbidden", "variant", note="Latin і"),
            Term("ru", "МИД", "admitted", "short"),
        ),
        subject="ministry",
        definition='"Foreign" & <affairs>',
        note="line 1\r\nline 2",
        source="gov.kz",
    )
    with create_store(tmp_path / "a.db") as first:
        first.concepts.add_many([apk, knb, extra])
        before = list(first.concepts.iterate())
        assert CSV.write_concepts(first.concepts.iterate(), tmp_path / "out.csv") == 3
    with create_store(tmp_path / "b.db") as second:
        assert second.concepts.add_many(CSV.read_concepts(tmp_path / "out.csv")) == AddCounts(added=3)
        assert list(second.concepts.iterate()) == before


def test_reads_excel_semicolon_file_with_region_codes_and_defaults():
    assert read(DATA / "excel-semicolon.csv") == [
        Concept(
            "senate",
            (
                Term("kk", "Сенат"),  # empty status, first kk term: preferred
                Term("kk", 'Жоғарғы "палата"', "admitted", "short"),  # later term: admitted
                Term("ru", "Сенат", note="верхняя палата; ст. 50"),
            ),
            subject="parliament",
        ),
        Concept(None, (Term("kk", "әліпби", "proposed"), Term("ru", "алфавит"))),
    ]


def test_language_names_and_any_column_order(tmp_path):
    path = write_csv(tmp_path, "Russian,Kazakh_status,Kazakh,ID\nСенат,admitted,Сенат,senate\n")
    assert read(path) == [Concept("senate", (Term("ru", "Сенат"), Term("kk", "Сенат", "admitted")))]


def test_trailing_empty_fields_and_blank_rows_are_ignored(tmp_path):
    path = write_csv(tmp_path, "id,en\n\na,word,,\n,,\n")
    assert read(path) == [Concept("a", (Term("en", "word"),))]


def test_header_without_language_columns_is_an_empty_export(tmp_path):
    out = tmp_path / "empty.csv"
    assert CSV.write_concepts([], out) == 0
    assert out.read_bytes() == b"\xef\xbb\xbfid,subject,definition,note,source\r\n"
    assert read(out) == []
    path = write_csv(tmp_path, "id,subject\nx,law\n")
    with pytest.raises(ParseError, match=r"in.csv:1: no language column"):
        read(path)


@pytest.mark.parametrize(
    "text, message",
    [
        ("id,en,comments\n", r"in.csv:1: unknown column 'comments'; expected id, subject"),
        ("id,en,en_colour\n", r"in.csv:1: unknown column 'en_colour'"),
        ("id,en,de\n", r"in.csv:1: column 'de': unknown language 'de': termbase supports en, kk, ru"),
        ("id,en,de_status\n", r"in.csv:1: column 'de_status': unknown language 'de'"),
        ("id,kz\n", r"in.csv:1: column 'kz': 'kz' is a country code"),
        ("id,en,en_1\n", r"in.csv:1: columns 'en' and 'en_1' say the same thing"),
        ("id,kk,kk-KZ\n", r"in.csv:1: columns 'kk' and 'kk-KZ' say the same thing"),
        ("id,en,en_2_status\n", r"in.csv:1: column 'en_2_status' without its term column 'en_2'"),
        ("id,en_0\n", r"in.csv:1: column 'en_0': term numbers start at 2"),
    ],
)
def test_bad_header(tmp_path, text, message):
    with pytest.raises(ParseError, match=message) as err:
        read(write_csv(tmp_path, text + "a,b\n"))
    assert err.value.line == 1


@pytest.mark.parametrize(
    "text, message",
    [
        ("id,en,en_status\na,word,preferred\nb,word,approved\n",
         r"in.csv:3: column 'en_status': unknown status 'approved'; expected one of preferred, admitted, "
         r"proposed, deprecated, forbidden"),
        ("id,en,en_type\na,word,long\n", r"in.csv:2: column 'en_type': unknown type 'long'"),
        ("id,en,en_status\na,,admitted\n", r"in.csv:2: 'en_status' given but the term column 'en' is empty"),
        ("id,en\na,b,c\n", r"in.csv:2: 3 fields but the header has 2"),
        ("id,en\na,\n", r"in.csv:2: row without any term"),
        # a quoted field spanning lines 2-3: the next record starts on line 4
        ('id,en,en_status\na,"two\nlines",preferred\nb,word,bad\n', r"in.csv:4: column 'en_status'"),
        ('id,en\na,"unclosed\n', r"in.csv:\d+: malformed CSV: unexpected end of data"),
        ('id,en\na,"x"y\n', r"in.csv:2: malformed CSV: ',' expected after '\"'"),
    ],
)
def test_bad_rows_name_the_line(tmp_path, text, message):
    with pytest.raises(ParseError, match=message):
        read(write_csv(tmp_path, text))


def test_not_utf8_says_so(tmp_path):
    path = tmp_path / "cp1251.csv"
    path.write_bytes("id,ru\na,Сенат\n".encode("cp1251"))
    with pytest.raises(ParseError, match=r"cp1251.csv:2: not valid UTF-8 .*convert the file to UTF-8"):
        read(path)


def test_scope_column_only_when_a_concept_has_a_scope_and_read_back(tmp_path):
    senate = Concept("senate", (Term("en", "Senate"), Term("ru", "Сенат")), scope="KZ")
    un = Concept("un", (Term("en", "United Nations"),))
    with_scope, without = tmp_path / "a.csv", tmp_path / "b.csv"
    CSV.write_concepts([senate, un], with_scope)
    CSV.write_concepts([un], without)
    assert with_scope.read_text(encoding="utf-8-sig").splitlines() == [
        "id,subject,definition,note,source,scope,en,en_status,en_type,ru,ru_status,ru_type",
        "senate,,,,,KZ,Senate,preferred,full,Сенат,preferred,full",
        "un,,,,,,United Nations,preferred,full,,,",
    ]
    assert without.read_text(encoding="utf-8-sig").splitlines()[0] == "id,subject,definition,note,source,en,en_status,en_type"
    assert [(c.id, c.scope) for c in CSV.read_concepts(with_scope)] == [("senate", "KZ"), ("un", None)]
