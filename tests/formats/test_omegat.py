"""OmegaT glossary: which lines are written for a language pair, reading glossaries, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termbase.errors import ParseError, UnknownLanguage, ValidationError
from termbase.formats import get_format
from termbase.models import Concept, Term

DATA = Path(__file__).parents[1] / "data" / "formats"
OMEGAT = get_format("omegat")

APK = Concept(
    "apk",
    (
        Term("en", "Assembly of People of Kazakhstan"),
        Term("en", "APK", "admitted", "acronym"),
        Term("en", "Assembly of Peoples of Kazakhstan", "deprecated"),
        Term("kk", "Қазақстан халқы Ассамблеясы", note="ресми атауы"),
        Term("kk", "ҚХА", "admitted", "acronym"),
        Term("kk", "Қазақстан халықтарының Ассамблеясы", "forbidden"),
        Term("kk", "ҚХА-сы", "deprecated", "variant"),
        Term("ru", "Ассамблея народа Казахстана"),
        Term("ru", "АНК", "admitted", "acronym"),
    ),
    subject="public-body",
    note="Renamed in 2007\nsee akorda.kz",
)
MFA = Concept(
    "min-foreign-affairs",
    (
        Term("en", "Ministry of Foreign Affairs"),
        Term("en", "MFA", "admitted", "abbreviation"),
        Term("kk", "Сыртқы істер министрлігі", "proposed"),
        Term("ru", "Министерство иностранных дел"),
    ),
)
NO_KK = Concept("c-12", (Term("en", "alphabet"), Term("ru", "алфавит")))
ONLY_BAD_SOURCE = Concept("c-13", (Term("en", "old name", "forbidden"), Term("kk", "ескі атау")))


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").split("\n")


def test_export_matches_golden_file(tmp_path):
    out = tmp_path / "sample-en-kk.utf8"
    assert OMEGAT.write_concepts([APK, MFA, NO_KK, ONLY_BAD_SOURCE], out, langs=["en", "kk"]) == 2
    golden = DATA / "golden" / "sample-en-kk.utf8"
    if os.environ.get("TERMBASE_REGEN_GOLDEN"):
        golden.write_bytes(out.read_bytes())
    assert out.read_bytes() == golden.read_bytes()


def test_one_line_per_usable_source_term_with_the_target_to_use(tmp_path):
    out = tmp_path / "g.utf8"
    OMEGAT.write_concepts([APK, MFA, NO_KK, ONLY_BAD_SOURCE], out, langs=["en", "kk"])
    avoid = "forbidden: Қазақстан халықтарының Ассамблеясы"
    assert lines(out) == [
        "# termbase glossary: en -> kk",
        f"Assembly of People of Kazakhstan\tҚазақстан халқы Ассамблеясы\t[apk] preferred full; "
        f"deprecated: ҚХА-сы; {avoid}; note: Renamed in 2007 see akorda.kz; ресми атауы",
        # an acronym gets the target acronym, not the full name
        f"APK\tҚХА\t[apk] admitted acronym; target admitted acronym; deprecated: ҚХА-сы; {avoid}; "
        "note: Renamed in 2007 see akorda.kz; ресми атауы",
        # the deprecated English term has no line; MFA has no Kazakh abbreviation: the best term
        "Ministry of Foreign Affairs\tСыртқы істер министрлігі\t[min-foreign-affairs] preferred full; target proposed full",
        "MFA\tСыртқы істер министрлігі\t[min-foreign-affairs] admitted abbreviation; target proposed full",
        "",
    ]


def test_read_back_groups_the_lines_of_a_concept(tmp_path):
    out = tmp_path / "g.utf8"
    OMEGAT.write_concepts([APK, MFA], out, langs=["en", "kk"])
    assert list(OMEGAT.read_concepts(out)) == [
        Concept(
            "apk",
            (
                Term("en", "Assembly of People of Kazakhstan"),
                Term("en", "APK", "admitted", "acronym"),
                Term("kk", "Қазақстан халқы Ассамблеясы"),
                Term("kk", "ҚХА", "admitted", "acronym"),
                Term("kk", "ҚХА-сы", "deprecated"),
                Term("kk", "Қазақстан халықтарының Ассамблеясы", "forbidden"),
            ),
            note="Renamed in 2007 see akorda.kz; ресми атауы",
        ),
        Concept(
            "min-foreign-affairs",
            (
                Term("en", "Ministry of Foreign Affairs"),
                Term("en", "MFA", "admitted", "abbreviation"),
                Term("kk", "Сыртқы істер министрлігі", "proposed"),
            ),
        ),
    ]


def test_txt_gets_a_bom_for_omegat_encoding_detection_and_utf8_does_not(tmp_path):
    OMEGAT.write_concepts([APK], tmp_path / "g.txt", langs=["kk", "ru"])
    OMEGAT.write_concepts([APK], tmp_path / "g.utf8", langs=["kk", "ru"])
    assert (tmp_path / "g.txt").read_bytes().startswith(b"\xef\xbb\xbf# termbase glossary: kk -> ru\n")
    assert (tmp_path / "g.utf8").read_bytes().startswith(b"# termbase glossary: kk -> ru\n")
    assert lines(tmp_path / "g.txt")[1:3] == [
        "Қазақстан халқы Ассамблеясы\tАссамблея народа Казахстана\t[apk] preferred full; "
        "note: Renamed in 2007 see akorda.kz",
        "ҚХА\tАНК\t[apk] admitted acronym; target admitted acronym; note: Renamed in 2007 see akorda.kz",
    ]


def test_reads_a_glossary_made_in_omegat_given_the_languages():
    assert list(OMEGAT.read_concepts(DATA / "omegat-foreign.txt", langs=["en", "ru-RU"])) == [
        Concept(None, (Term("en", "parliament"), Term("ru", "парламент"))),
        Concept(None, (Term("en", "Senate"), Term("ru", "Сенат")), note="upper chamber & co"),
        Concept(None, (Term("en", "Mazhilis"), Term("ru", "Мәжіліс"))),
    ]


def test_foreign_glossary_without_languages_is_a_clear_error():
    with pytest.raises(UnknownLanguage, match=r"omegat-foreign.txt: an OmegaT glossary does not say its languages"):
        list(OMEGAT.read_concepts(DATA / "omegat-foreign.txt"))


def test_languages_given_must_match_the_termbase_header(tmp_path):
    out = tmp_path / "g.utf8"
    OMEGAT.write_concepts([APK], out, langs=["en", "kk"])
    assert len(list(OMEGAT.read_concepts(out, langs=["en", "kk-KZ"]))) == 1
    with pytest.raises(ParseError, match=r"g.utf8:1: the glossary is en -> kk, not en -> ru as requested"):
        list(OMEGAT.read_concepts(out, langs=["en", "ru"]))


@pytest.mark.parametrize(
    "langs, message",
    [
        (None, r"one language pair: give two languages, source then target"),
        (["en"], "one language pair"),
        (["en", "kk", "ru"], "one language pair"),
        (["kk", "kk-KZ"], "source and target language are both 'kk'"),
        (["en", "kz"], "'kz' is a country code"),
    ],
)
def test_writing_needs_a_language_pair(tmp_path, langs, message):
    with pytest.raises(UnknownLanguage, match=message):
        OMEGAT.write_concepts([APK], tmp_path / "g.utf8", langs=langs)
    assert not (tmp_path / "g.utf8").exists()


@pytest.mark.parametrize(
    "term, message",
    [
        (Term("en", "a\tb"), r"'a\\tb' is empty or contains a tab or line break"),
        (Term("en", "#tag"), "starts with '#', which OmegaT reads as a comment line"),
    ],
)
def test_terms_a_glossary_line_cannot_hold_are_refused(tmp_path, term, message):
    with pytest.raises(ValidationError, match=message):
        OMEGAT.write_concepts([Concept("x", (term, Term("kk", "сөз")))], tmp_path / "g.utf8", langs=["en", "kk"])


@pytest.mark.parametrize(
    "text, message",
    [
        ("a\tә\nno tab here\n", r"g.utf8:2: expected source<TAB>target\[<TAB>comment\]: no tab in the line"),
        ("a\tә\tc\td\n", r"g.utf8:1: 4 tab-separated fields; expected at most 3"),
        ("\tә\n", r"g.utf8:1: empty source term"),
        ("# comment\n\na\t \n", r"g.utf8:3: empty target term"),
    ],
)
def test_bad_lines_name_the_line(tmp_path, text, message):
    path = tmp_path / "g.utf8"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError, match=message):
        list(OMEGAT.read_concepts(path, langs=["en", "kk"]))


def test_reading_with_an_unknown_language_is_an_unknown_language_error(tmp_path):
    path = tmp_path / "g.utf8"
    path.write_text("a\tb\n", encoding="utf-8")
    with pytest.raises(UnknownLanguage, match="unknown language 'de'"):
        list(OMEGAT.read_concepts(path, langs=["en", "de"]))


def test_latin_kazakh_glossary(tmp_path):
    concept = Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"), Term("kk-Latn", "Senat", "proposed")))
    path = tmp_path / "g.txt"
    get_format("omegat").write_concepts([concept], path, langs=["en", "kk-Latn"])
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "# termbase glossary: en -> kk-Latn"
    assert lines[1].split("\t")[:2] == ["Senate", "Senat"]
