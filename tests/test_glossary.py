"""The shipped glossaries (glossaries/*.tsv) themselves: complete, unique, clean, sourced."""

import re
from collections import Counter


from termbase.formats import get_format
from termbase.glossary import glossary_files, load_shipped

GLOSSARY = get_format("glossary")
read_glossary = GLOSSARY.read_concepts

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


def test_kazakhstans_bodies_have_scope_kz_and_shared_things_none():
    by_id = {c.id: c for c in SHIPPED}
    state = [c for p in glossary_files() if p.name == "state.tsv" for c in read_glossary(p)]
    assert state and {c.scope for c in state} == {"KZ"}
    assert {c.scope for c in SHIPPED} == {"KZ", None}
    assert [by_id[i].scope for i in ("supreme-court", "pol-member-of-parliament", "geo-astana", "pol-constitution-day")] == ["KZ"] * 4
    assert [by_id[i].scope for i in ("geo-caspian-sea", "pol-inflation", "pol-human-rights", "person-tokayev")] == [None] * 4


def test_issue_13_corrections():
    by_id = {c.id: c for c in SHIPPED}

    def terms(cid, lang):
        return [(t.text, t.status) for t in by_id[cid].terms if t.lang == lang]

    assert terms("academy-public-administration", "kk")[:2] == [
        ("Қазақстан Республикасы Президентінің жанындағы Мемлекеттік басқару академиясы", "preferred"),
        ("Қазақстан Республикасының Президенті жанындағы Мемлекеттік басқару академиясы", "admitted"),
    ]
    assert terms("national-kurultai", "kk")[0] == (
        "Қазақстан Республикасы Президентінің жанындағы Ұлттық құрылтай", "preferred")
    assert terms("min-healthcare", "kk")[:2] == [
        ("Қазақстан Республикасы Денсаулық сақтау министрлігі", "preferred"),
        ("Қазақстан Республикасының Денсаулық сақтау министрлігі", "admitted"),
    ]
    en_admin = [t for t, _ in terms("presidential-administration", "en")]
    assert "Executive Office of the President of the Republic of Kazakhstan" in en_admin
    assert "Administration of the President" in en_admin
    assert ("бақылаушы", "admitted") in terms("pol-election-observer", "kk")
    assert ("Народный Совет Казахстана", "proposed") in terms("halyk-kenesi", "ru")
    assert ("Қазақстан Халық кеңесі", "proposed") in terms("halyk-kenesi", "kk")
    assert {s for _, s in terms("education-quality-committee", "kk")} == {"proposed"}
    assert ("Court of Cassation for Criminal Cases", "proposed") in terms("cassation-court-criminal", "en")
    assert "No. 748 of 27.12.2024" in by_id["cassation-court-criminal"].note
    assert "Judiciary System" in terms("senate-constitutional-legislation-committee", "en")[0][0]
    assert "National Security Committee" in by_id["syrbar"].note
    assert "15 March" in by_id["pol-constitution-day"].note
    assert "2019" in by_id["pol-strong-president-formula"].note
    assert terms("kurultai", "kk")[0] == ("Қазақстан Республикасының Құрылтайы", "preferred")
    assert terms("financial-police", "kk")[0][0].startswith("Қазақстан Республикасы Экономикалық қылмысқа")
    for cid, year in (("min-ai-digital", "2025"), ("atomic-energy-agency", "2025"), ("min-ecology", "2023")):
        assert year in by_id[cid].note
    assert all(by_id[c].source for c in by_id)
