"""Lookup by any term: exact, inflected, acronym, partial, typo."""

import pytest

from termbase.search.lookup import LookupIndex
from termbase.models import Concept, Term


@pytest.fixture
def index(apk, knb):
    kurultai = Concept(
        "kurultai",
        (Term("en", "National Kurultai"), Term("kk", "Ұлттық құрылтай"), Term("ru", "Национальный курултай")),
    )
    mazhilis = Concept(
        "mazhilis",
        (Term("en", "Mazhilis"), Term("en", "Majilis", "admitted", "variant"), Term("kk", "Мәжіліс"), Term("ru", "Мажилис")),
    )
    return LookupIndex([apk, knb, kurultai, mazhilis])


def top(index, query, lang=None):
    m = index.search(query, lang)[0]
    return m.concept.id, m.how, m.score, m.matched.text


def test_exact_any_language(index):
    assert top(index, "National Security Committee") == ("knb", "exact", 1.0, "National Security Committee")
    assert top(index, "комитет национальной безопасности") == ("knb", "exact", 1.0, "Комитет национальной безопасности")
    assert top(index, "ҰҚК") == ("knb", "exact", 1.0, "ҰҚК")


def test_inflected(index):
    assert top(index, "Қазақстан халқы Ассамблеясының") == ("apk", "inflected", 0.95, "Қазақстан халқы Ассамблеясы")
    assert top(index, "Ассамблеей народа Казахстана", "ru") == ("apk", "inflected", 0.95, "Ассамблея народа Казахстана")
    assert top(index, "Ұлттық құрылтайға") == ("kurultai", "inflected", 0.95, "Ұлттық құрылтай")


def test_acronym_case_insensitive_exact(index):
    assert top(index, "apk")[:2] == ("apk", "exact")


def test_partial_query(index):
    cid, how, score, _ = top(index, "Kurultai")
    assert (cid, how) == ("kurultai", "partial")
    assert 0.6 < score < 0.95


def test_query_containing_a_term(index):
    cid, how, _, text = top(index, "the plenary session of the National Kurultai", "en")
    assert (cid, how, text) == ("kurultai", "contains", "National Kurultai")


def test_typo(index):
    cid, how, score, text = top(index, "Mazhilsi")
    assert (cid, how, text) == ("mazhilis", "fuzzy", "Mazhilis")
    assert score < 0.8


def test_lang_restricts(index):
    assert index.search("Мажилис", "en") == [] or index.search("Мажилис", "en")[0].matched.lang == "en"
    assert top(index, "Мажилис", "ru")[0] == "mazhilis"


def test_nothing_found(index):
    assert index.search("photosynthesis") == []
    assert index.search("   ") == []


def test_json_shape(index):
    data = index.search("APK")[0].to_dict()
    assert data["concept_id"] == "apk"
    assert data["matched"] == {"lang": "en", "text": "APK", "how": "exact"}
    assert data["terms"]["ru"][0] == {"text": "Ассамблея народа Казахстана", "status": "preferred", "type": "full"}
    assert [t["status"] for t in data["terms"]["en"]] == ["preferred", "admitted", "deprecated"]
