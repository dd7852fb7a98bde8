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


def test_the_lookup_index_replays_changes_from_other_connections_instead_of_rebuilding(store, apk, knb):
    store.concepts.add_many([apk, knb])
    index = TermIndex(store)
    assert [m.concept.id for m in index.lookup("KNB")] == ["knb"]
    built = index._lookup
    with open_store(store.location) as other:  # another server instance
        other.concepts.update(Concept("knb", (Term("en", "National Security Committee"), Term("en", "NSC", "admitted", "acronym"))))
        other.concepts.remove("apk")
        other.concepts.add(Concept("senate", (Term("en", "Senate"),)))
    assert [m.concept.id for m in index.lookup("NSC")] == ["knb"]
    assert index.lookup("KNB") == [] and index.lookup("APK") == []
    assert [m.concept.id for m in index.lookup("Senate")] == ["senate"]
    assert index._lookup is built  # brought up to date, not rebuilt
    assert index.concept("knb").terms[1].text == "NSC"


def test_many_dead_concepts_are_swept_by_a_rebuild_of_the_live_ones():
    from termbase.search.lookup import LookupIndex

    index = LookupIndex([Concept(f"c{i}", (Term("en", f"Committee {i}"),)) for i in range(10)])
    for round_ in range(60):  # 600 changes of 10 concepts: never more dead than max(256, live)
        index.update({f"c{i}": Concept(f"c{i}", (Term("en", f"Committee {i} v{round_}"),)) for i in range(10)})
        assert len(index.dead) <= 256
    assert [m.concept.id for m in index.search("Committee 3 v59")][:1] == ["c3"]
    assert len(index.concepts) - len(index.dead) == 10


def test_on_a_server_a_small_termbase_is_looked_up_in_memory_after_a_few_lookups(store, apk, knb):
    """On PostgreSQL (every query a round trip) a long-lived index keeps the lookup in memory once it
    has answered MEMORY_LOOKUP_AFTER lookups, replaying changes; on SQLite it keeps asking the stored
    index. The answers are the same either way."""
    from termbase.search.lookup import LookupIndex, StoredLookup

    store.concepts.add_many([apk, knb])
    index = TermIndex(store)
    answers = [[m.concept.id for m in index.lookup(q)] for q in ("KNB", "Ассамблеясы", "APK")]
    assert answers == [["knb"], ["apk"], ["apk"]] and isinstance(index._lookup, StoredLookup)
    for _ in range(TermIndex.MEMORY_LOOKUP_AFTER):
        index.lookup("KNB")
    assert isinstance(index._lookup, LookupIndex if store.remote else StoredLookup)
    assert [[m.concept.id for m in index.lookup(q)] for q in ("KNB", "Ассамблеясы", "APK")] == answers
    with open_store(store.location) as other:  # another server instance
        other.concepts.update(Concept("knb", (Term("en", "National Security Committee"),)))
    built = index._lookup
    assert [m.concept.id for m in index.lookup("National Security Committee")] == ["knb"]
    assert index.lookup("KNB") == [] and index._lookup is built  # replayed, not rebuilt


@pytest.mark.parametrize("long_lived", [False, True])
def test_a_long_lived_index_looks_a_small_termbase_up_in_memory_on_any_store(store, apk, knb, long_lived):
    """A server's index (long_lived) keeps the lookup in memory on SQLite too; a command's does so
    only on a database server. Either way another instance's change is seen by the next lookup."""
    from termbase.search.lookup import LookupIndex, StoredLookup

    store.concepts.add_many([apk, knb])
    index = TermIndex(store, long_lived=long_lived)
    for _ in range(TermIndex.MEMORY_LOOKUP_AFTER + 1):
        assert [m.concept.id for m in index.lookup("KNB")] == ["knb"]
    in_memory = long_lived or store.remote
    assert isinstance(index._lookup, LookupIndex if in_memory else StoredLookup)
    with open_store(store.location) as other:  # another server instance
        other.concepts.update(Concept("knb", (Term("en", "National Security Committee"),)))
    assert [m.concept.id for m in index.lookup("National Security Committee")] == ["knb"]
    assert index.lookup("KNB") == []


def test_at_version_reads_no_version_in_the_block_and_again_after_it(store, apk, knb):
    """at_version: the version the caller read stands for the store's in the block (what the index
    keeps is used as of that version, no query); a change committed meanwhile is seen at the first
    call after the block."""
    store.concepts.add(apk)
    index = TermIndex(store, long_lived=True)
    for _ in range(TermIndex.MEMORY_LOOKUP_AFTER + 1):
        assert [m.concept.id for m in index.lookup("APK")] == ["apk"]
    version = store.data_version()
    with open_store(store.location) as other:
        other.concepts.add(knb)
    with index.at_version(version):
        assert index.lookup("KNB") == []  # as of the version read before the change
    assert [m.concept.id for m in index.lookup("KNB")] == ["knb"]
    with index.at_version(store.data_version()):
        assert [m.concept.id for m in index.lookup("KNB")] == ["knb"]


def _in_memory(store, *concepts) -> TermIndex:
    """A server's index (long-lived) over ``concepts``, looking up in memory."""
    from termbase.search.lookup import LookupIndex

    store.concepts.add_many(concepts)
    index = TermIndex(store, long_lived=True)
    for _ in range(TermIndex.MEMORY_LOOKUP_AFTER + 1):
        index.lookup("KNB")
    assert isinstance(index._lookup, LookupIndex)
    return index


def test_a_note_changed_elsewhere_is_replayed_in_place_without_counting_the_terms(store, apk, knb):
    """A change whose terms stay as they were (a note) keeps the in-memory index's entries (none left
    dead, nothing added); whether the termbase is still small is told by the index's own count of
    terms, so bringing it up to date reads the changes and the changed concept only."""
    from tests.statements import statements

    index = _in_memory(store, apk, knb)
    built, entries = index._lookup, len(index._lookup.entries)
    with open_store(store.location) as other:
        other.concepts.update(Concept("knb", knb.terms, note="renamed in 2024"), expected_version=1)
    with statements(store) as seen:
        [match] = index.lookup("KNB")
    assert (match.concept.id, match.concept.note, match.concept.version) == ("knb", "renamed in 2024", 2)
    assert not [sql for sql in seen if "count(" in sql.lower()]
    assert index._lookup is built and len(built.entries) == entries and built.dead == set()
    assert built.term_count == len(apk.terms) + len(knb.terms)


def test_a_concept_is_read_from_the_in_memory_index_with_no_query(store, apk, knb):
    from tests.statements import statements

    index = _in_memory(store, apk, knb)
    with open_store(store.location) as other:
        other.concepts.update(Concept("knb", knb.terms, note="changed elsewhere"))
    version, stored = store.data_version(), store.concepts.get("apk")
    index.lookup("APK")  # brought up to date
    with index.at_version(version), statements(store) as seen:
        assert index.concept("knb").note == "changed elsewhere"
        assert index.concept("apk") == stored
    assert seen == []
    with open_store(store.location) as other:
        other.concepts.remove("knb")
    with pytest.raises(NotFound):
        index.concept("knb")


def test_an_in_memory_index_grown_large_by_changes_elsewhere_is_given_up(store, apk, knb):
    from termbase.search.lookup import StoredLookup

    index = _in_memory(store, apk, knb)
    index.IN_MEMORY_TERMS = len(apk.terms) + len(knb.terms)  # as many as it has: one more is too many
    with open_store(store.location) as other:
        other.concepts.add(Concept("senate", (Term("en", "Senate"),)))
    assert [m.concept.id for m in index.lookup("Senate")] == ["senate"]
    assert isinstance(index._lookup, StoredLookup)


def test_the_concepts_read_are_kept_up_to_a_bound(store, apk, knb, monkeypatch):
    store.concepts.add_many([apk, knb])
    index = TermIndex(store)
    monkeypatch.setattr(TermIndex, "CONCEPT_CACHE", 1)
    assert index.concept("apk") == apk
    assert index.concept("knb") == knb
    assert list(index._concepts) == ["knb"]  # the oldest read went
    assert index.concept("apk") == apk
    assert list(index._concepts) == ["apk"]
