"""The glossary TSV format (reading, writing), and validation of the shipped glossaries themselves."""

import re
from collections import Counter

import pytest

from termbase.errors import ParseError, ValidationError
from termbase.formats import format_for, get_format
from termbase.formats.glossary_tsv import parse_cell
from termbase.fsutil import Source
from termbase.glossary import glossary_files, load_shipped
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
                subject="public-body", note="Context: one\nContext: two\tand a tab", source="akorda.kz"),
        Concept("ru-only", (Term("ru", "Мажилис"),)),
    ]
    out = tmp_path / "out.tsv"
    assert GLOSSARY.write_concepts(concepts, out) == 2
    assert out.read_text(encoding="utf-8").splitlines()[1] == (
        "apk\tpublic-body\tAssembly of People of Kazakhstan | APK {acronym} | Assembly of Peoples of Kazakhstan "
        "{deprecated}\tҚазақстан халқы Ассамблеясы {proposed} | ҚХА {preferred, acronym}\tАссамблея народа "
        "Казахстана\tContext: one\\nContext: two\\tand a tab\takorda.kz"
    )
    assert list(read_glossary(out)) == concepts


def test_write_refuses_what_a_cell_cannot_hold(tmp_path):
    with pytest.raises(ValidationError, match=r"concept 'x': term 'a \| b' holds a tab, line break, '\|'"):
        GLOSSARY.write_concepts([Concept("x", (Term("en", "a | b"),))], tmp_path / "out.tsv")
    assert not (tmp_path / "out.tsv").exists()


# ---------------------------------------------------------------- the shipped data

SHIPPED = list(load_shipped())
KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def test_shipped_glossary_is_large_and_complete():
    assert len(glossary_files()) >= 1
    assert len(SHIPPED) >= 300
    for c in SHIPPED:
        assert {t.lang for t in c.terms} == {"en", "kk", "ru"}, c.id
        assert c.source, f"{c.id}: no source"


def test_shipped_ids_are_lowercase_ascii():
    assert [c.id for c in SHIPPED if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", c.id)] == []


def test_shipped_ids_unique():
    dupes = [i for i, n in Counter(c.id for c in SHIPPED).items() if n > 1]
    assert dupes == []


def test_kazakh_and_russian_terms_have_no_latin_lookalikes():
    bad = []
    for c in SHIPPED:
        for t in c.terms:
            if t.lang not in ("kk", "ru"):
                continue
            for word in re.findall(r"[\w'-]+", t.text):
                if CYRILLIC.search(word) and LATIN.search(word):
                    bad.append((c.id, t.text))
    assert bad == []


def test_russian_terms_have_no_kazakh_letters():
    bad = [(c.id, t.text) for c in SHIPPED for t in c.terms if t.lang == "ru" and KAZAKH_ONLY & set(t.text)]
    assert bad == []


def test_english_terms_are_latin():
    bad = [(c.id, t.text) for c in SHIPPED for t in c.terms if t.lang == "en" and CYRILLIC.search(t.text)]
    assert bad == []


def test_each_language_has_one_preferred_or_proposed_lead_term():
    for c in SHIPPED:
        for lang in ("en", "kk", "ru"):
            lead = c.terms_in(lang)[0]
            assert lead.status in ("preferred", "proposed"), (c.id, lang, lead)


def test_no_term_is_approved_in_two_concepts():
    seen: dict[tuple[str, str], str] = {}
    clashes = []
    for c in SHIPPED:
        for t in c.terms:
            if t.status not in ("preferred", "admitted"):
                continue
            key = (t.lang, t.text.casefold())
            if key in seen and seen[key] != c.id:
                clashes.append((key, seen[key], c.id))
            seen.setdefault(key, c.id)
    assert clashes == []


def test_required_institutions_are_there():
    en = {t.text for c in SHIPPED for t in c.terms if t.lang == "en"}
    for name in (
        "Assembly of People of Kazakhstan",
        "Prosecutor General's Office",
        "National Security Committee",
        "National Kurultai",
        "Senate",
        "Mazhilis",
        "Constitutional Court",
        "Supreme Court",
        "Central Election Commission",
        "Security Council",
        "National Bank of Kazakhstan",
        "Anti-Corruption Agency",
        "Akorda",
        "plenary session",
        "state language",
        "territorial integrity",
    ):
        assert name in en, name


def test_former_names_are_deprecated():
    status = {(t.lang, t.text): t.status for c in SHIPPED for t in c.terms}
    assert status[("en", "Assembly of Peoples of Kazakhstan")] == "deprecated"
    assert status[("ru", "Ассамблея народов Казахстана")] == "deprecated"
    assert status[("kk", "Қазақстан халықтары Ассамблеясы")] == "deprecated"
    assert status[("en", "Constitutional Council")] == "deprecated"
