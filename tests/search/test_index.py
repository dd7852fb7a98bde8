"""TermIndex: search structures kept out of the store, rebuilt when the store's data version changes."""

import pytest

from termbase.errors import NotFound
from termbase.models import Concept, Term
from termbase.search import TermIndex
from termbase.store import open_store


def test_lookup_matcher_and_concepts(store, apk, knb):
    store.concepts.add_many([apk, knb])
    index = TermIndex(store)
    assert [m.concept.id for m in index.lookup("Ассамблеясының", "kk")] == ["apk"]
    assert [(m.concept_id, m.text) for m in index.matcher().find("KNB and the APK met", "en")] == [
        ("knb", "KNB"), ("apk", "APK"),
    ]
    assert index.concept("knb") == knb
    assert [c.id for c in index.concepts()] == ["apk", "knb"]
    with pytest.raises(NotFound):
        index.concept("senate")


def test_structures_are_cached_until_the_data_changes(store, apk, knb):
    store.concepts.add(apk)
    index = TermIndex(store)
    matcher = index.matcher()
    index.lookup("APK")
    assert index.matcher() is matcher  # nothing changed: no rebuild
    store.memories.add_units("m", [])
    assert index.matcher() is matcher
    store.concepts.add(knb)
    assert index.matcher() is not matcher
    assert [m.concept.id for m in index.lookup("KNB", "en")] == ["knb"]


def test_changes_by_another_connection_are_seen(store, apk):
    store.concepts.add(apk)
    index = TermIndex(store)
    assert index.lookup("Senate", "en") == []
    assert index.concept("apk").note is None
    with open_store(store.location) as other:
        other.concepts.add(Concept("senate", (Term("en", "Senate"),)))
        other.concepts.update(Concept("apk", apk.terms, note="changed elsewhere"))
    assert [m.concept.id for m in index.lookup("Senate", "en")] == ["senate"]
    assert index.concept("apk").note == "changed elsewhere"
    assert [m.concept_id for m in index.matcher().find("the Senate", "en")] == ["senate"]
