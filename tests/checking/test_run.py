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
