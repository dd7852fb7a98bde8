"""check_units on a Latin-Kazakh target (PO ``Language: kk@latin``): checked as its Cyrillic spelling,
findings given back in Latin."""

import io

from termbase.checking import Checker, check_units
from termbase.formats import get_format
from termbase.models import Concept, Term

PO = """msgid ""
msgstr ""
"Language: kk@latin\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The Assembly of People of Kazakhstan met in Astana."
msgstr "Qazaqstan halqy Assambleiasynyñ otyrysy Astanada ötti."

msgid "The APK met."
msgstr "QHA jinalysy ötti."

msgid "The Assembly of People of Kazakhstan met again."
msgstr "Halyqtar jinalysy qaita ötti."

msgid "The Senate of Kazakhstan approved the budget."
msgstr "Qazaqstan halyqtary Assambleiasy men Senat büdjettı bekıttı."
"""


def concepts():
    return [
        Concept("apk", (
            Term("en", "Assembly of People of Kazakhstan"), Term("en", "APK", "admitted", "acronym"),
            Term("kk", "Қазақстан халқы Ассамблеясы"), Term("kk", "ҚХА", "admitted", "acronym"),
            Term("kk", "Қазақстан халықтары Ассамблеясы", "deprecated"),
        )),
        Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"), Term("kk-Latn", "Senat", "admitted"))),
    ]


def test_latin_kazakh_po_is_checked_like_a_cyrillic_one():
    units = list(get_format("po").read_pairs(io.BytesIO(PO.encode())))
    assert {u.target_lang for u in units} == {"kk@latin"}
    report = check_units(units, Checker(concepts()), file="news.kk@latin.po")
    assert report.units_checked == 4
    got = [(f.line, f.kind, f.lang, f.term, f.expected, f.found) for f in report.findings]
    assert got == [
        (12, "missing-term", "kk-Latn", "Assembly of People of Kazakhstan",
         ("Qazaqstan halqy Assambleiasy", "QHA"), None),
        (15, "deprecated-term", "kk-Latn", "Qazaqstan halyqtary Assambleiasy",
         ("Qazaqstan halqy Assambleiasy", "QHA"), "Qazaqstan halyqtary Assambleiasy"),
    ]
    # the unit is reported as written, in Latin
    assert report.findings[0].target == "Halyqtar jinalysy qaita ötti."


def latin_only_concepts():
    return [
        Concept("mazhilis", (Term("en", "Mazhilis"), Term("kk", "Мәжіліс"), Term("kk-Latn", "Majilis", "forbidden"))),
        Concept("rk", (Term("en", "Republic of Kazakhstan"), Term("kk", "Қазақстан Республикасы"),
                       Term("kk-Latn", "Qazaqstan Respy'bli'kasy", "deprecated"))),
    ]


def check_latin(*pairs):
    from termbase.models import BilingualUnit

    units = [BilingualUnit(src, tgt, "en", "kk-Latn", line=n) for n, (src, tgt) in enumerate(pairs, 1)]
    report = check_units(units, Checker(latin_only_concepts()), file="t.po")
    return [(f.line, f.kind, f.term, f.expected, f.found) for f in report.findings]


def test_forbidden_term_listed_only_in_latin_is_flagged():
    assert check_latin(("The Mazhilis adopted the law.", "Majilis zañdy qabyldady.")) == [
        (1, "forbidden-term", "Majilis", ("Mäjılıs",), "Majilis"),
    ]
    # inflected, and the approved spelling (the Cyrillic term's) passes
    assert check_latin(("Deputies of the Mazhilis", "Majilistıñ deputattary"),
                       ("The Mazhilis adopted the law.", "Mäjılıs zañdy qabyldady.")) == [
        (1, "forbidden-term", "Majilis", ("Mäjılıs",), "Majilistıñ"),
    ]


def test_deprecated_2017_spelling_listed_only_in_latin_is_flagged_not_the_2021_one():
    assert check_latin(("the Republic of Kazakhstan", "Qazaqstan Respy'bli'kasy"),
                       ("the Republic of Kazakhstan", "Qazaqstan Respublikasy")) == [
        (1, "deprecated-term", "Qazaqstan Respy'bli'kasy", ("Qazaqstan Respublikasy",), "Qazaqstan Respy'bli'kasy"),
    ]


def test_2017_target_with_word_final_apostrophes_is_checked():
    # n' (ң) ending a word is the text's only 2017 mark: read as 2021, i would be и ("Парламентинин")
    from termbase.models import BilingualUnit

    session = Concept("session", (Term("en", "Parliament session"), Term("kk", "Парламент отырысы")))
    units = [BilingualUnit("The Parliament session opened.", "Parlamentinin' otyrysy", "en", "kk-Latn", line=1)]
    assert check_units(units, Checker([session])).findings == ()
