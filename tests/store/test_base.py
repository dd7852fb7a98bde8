"""The store contract (termbase.store.base), written against the interfaces: every backend the ``store``
fixture yields must pass it. Ids, timestamps, in-place updates, history, versions, transactions, the
data version."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from termbase.errors import AlreadyExists, NotFound, ParseError, ValidationError, VersionConflict
from termbase.models import Concept, Term, TranslationUnit
from termbase.store import AddCounts, open_store


def senate(*extra: Term, note=None) -> Concept:
    return Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"), Term("ru", "Сенат"), *extra), note=note)


def ids(concept: Concept) -> list[int]:
    return [t.id for t in concept.terms]


def recent(moment: datetime) -> bool:
    return moment.tzinfo == timezone.utc and abs(datetime.now(timezone.utc) - moment) < timedelta(minutes=5)


# ------------------------------------------------------------------ ids and timestamps
def test_add_returns_the_stored_concept_with_ids_version_and_timestamps(store):
    stored = store.concepts.add(senate())
    assert stored == senate()
    assert stored.version == 1
    assert recent(stored.created) and stored.modified == stored.created
    assert all(isinstance(i, int) for i in ids(stored)) and len(set(ids(stored))) == 3
    assert all(t.created == stored.created and t.modified == stored.created for t in stored.terms)
    got = store.concepts.get("senate")
    assert ids(got) == ids(stored) and got.version == 1 and got.created == stored.created


def test_update_keeps_ids_and_created_of_terms_still_there(store):
    first = store.concepts.add(senate(Term("en", "Upper House", "admitted")))
    en, kk, ru, upper = first.terms
    # kk term changes status (matched by language and text), Upper House goes, a Russian one comes
    wanted = Concept("senate", (en, Term("kk", "Сенат", "admitted"), ru, Term("ru", "Верхняя палата", "admitted")))
    second = store.concepts.update(wanted)
    assert second == wanted and second.version == 2
    assert ids(second)[:3] == ids(first)[:3]
    assert second.terms[3].id not in ids(first)
    assert second.terms[3].id > max(ids(first))
    assert [t.created for t in second.terms[:3]] == [first.created] * 3
    assert second.terms[0].modified == first.created  # unchanged
    assert second.terms[1].modified > first.created  # status changed
    assert second.terms[3].created == second.terms[3].modified == second.modified
    assert second.created == first.created and second.modified > first.modified
    assert store.concepts.get("senate") == second and ids(store.concepts.get("senate")) == ids(second)


def test_a_term_given_with_its_id_keeps_it_when_its_text_changes(store):
    first = store.concepts.add(senate())
    fixed = replace(first.terms[0], text="The Senate")
    second = store.concepts.update(replace(first, terms=(fixed, *first.terms[1:])))
    assert second.terms[0].text == "The Senate" and second.terms[0].id == first.terms[0].id
    assert second.terms[0].created == first.terms[0].created


def test_reordering_terms_keeps_ids(store):
    first = store.concepts.add(senate())
    second = store.concepts.update(replace(first, terms=tuple(reversed(first.terms))))
    assert ids(second) == list(reversed(ids(first)))
    assert [t.text for t in store.concepts.get("senate").terms] == ["Сенат", "Сенат", "Senate"]
    assert [t.lang for t in store.concepts.get("senate").terms] == ["ru", "kk", "en"]


def test_a_term_id_of_another_concept_is_refused(store, apk):
    other = store.concepts.add(apk)
    store.concepts.add(senate())
    with pytest.raises(ValidationError, match=f"concept 'senate' has no term with id {other.terms[0].id}"):
        store.concepts.update(senate(other.terms[0]))
    assert store.concepts.get("senate") == senate()


def test_writing_the_same_concept_changes_nothing(store):
    first = store.concepts.add(senate())
    again = store.concepts.update(senate())
    assert again.version == 1 and again.modified == first.modified
    assert store.concepts.add_many([senate()], on_conflict="replace") == AddCounts(unchanged=1)
    assert [c.action for c in store.concepts.history("senate")] == ["create"]


def test_reimport_with_replace_updates_in_place(store, apk, knb):
    before = {c.id: c for c in (store.concepts.add(apk), store.concepts.add(knb))}
    renamed = replace(apk, terms=apk.terms[:-1] + (Term("ru", "Ассамблея народов Казахстана", "forbidden"),))
    counts = store.concepts.add_many([renamed, knb], on_conflict="replace", actor="importer")
    assert counts == AddCounts(replaced=1, unchanged=1)
    after = store.concepts.get("apk")
    assert after == renamed and after.version == 2
    assert ids(after) == ids(before["apk"])  # the changed term was matched by its text: same row
    assert after.terms[-1].modified > before["apk"].terms[-1].modified
    assert ids(store.concepts.get("knb")) == ids(before["knb"])
    change = store.concepts.history("apk")[-1]
    assert (change.action, change.actor, change.before, change.after) == ("update", "importer", apk, renamed)


def test_generated_ids_keep_the_rules(store):
    assert store.concepts.add(Concept(None, (Term("en", "Senate"),))).id == "senate"
    assert store.concepts.add(Concept(None, (Term("en", "Senate"),))).id == "senate-2"


# ------------------------------------------------------------------ history and versions
def test_history_of_create_update_delete(store):
    store.concepts.add(senate(), actor="aigerim")
    store.concepts.update(senate(note="upper house"), actor="daniyar")
    store.concepts.remove("senate")
    changes = store.concepts.history("senate")
    assert [(c.action, c.version, c.actor) for c in changes] == [
        ("create", 1, "aigerim"), ("update", 2, "daniyar"), ("delete", 2, None),
    ]
    assert [(c.before, c.after) for c in changes] == [
        (None, senate()), (senate(), senate(note="upper house")), (senate(note="upper house"), None),
    ]
    assert changes[0].seq < changes[1].seq < changes[2].seq
    assert changes[0].time <= changes[1].time <= changes[2].time and recent(changes[2].time)
    assert changes[2].before.version == 2 and changes[2].before.terms[0].id is not None  # restorable whole
    assert store.concepts.history("nothing") == []


def test_a_deleted_concept_keeps_its_history_and_a_new_one_continues_its_versions(store):
    store.concepts.add(senate())
    store.concepts.remove("senate")
    again = store.concepts.add(senate(note="again"))
    assert again.version == 2  # an ETag of the deleted concept never matches the new one
    assert [(c.action, c.version) for c in store.concepts.history("senate")] == [
        ("create", 1), ("delete", 1), ("create", 2),
    ]
    assert store.concepts.history("senate")[2].after == senate(note="again")


def test_history_of_an_import(store, apk, knb):
    store.concepts.add_many([apk, knb], actor="import")
    assert [(c.action, c.actor, c.after) for c in store.concepts.history("knb")] == [("create", "import", knb)]


def test_stale_version_is_a_conflict(store):
    store.concepts.add(senate())
    store.concepts.update(senate(note="v2"), expected_version=1)
    with pytest.raises(VersionConflict) as err:
        store.concepts.update(senate(note="lost"), expected_version=1)
    assert (err.value.concept_id, err.value.expected, err.value.current) == ("senate", 1, 2)
    with pytest.raises(VersionConflict):
        store.concepts.remove("senate", expected_version=1)
    assert store.concepts.get("senate").note == "v2"
    store.concepts.remove("senate", expected_version=2)
    assert not store.concepts.exists("senate")


def test_update_needs_an_existing_concept_with_an_id(store):
    with pytest.raises(NotFound, match="no concept 'senate'"):
        store.concepts.update(senate())
    with pytest.raises(ValidationError, match="needs its id"):
        store.concepts.update(Concept(None, (Term("en", "Senate"),)))


# ------------------------------------------------------------------ transactions
def test_add_many_is_all_or_nothing_on_a_bad_concept(store, apk, knb):
    version = store.data_version()
    with pytest.raises(ValidationError, match="unknown status"):
        store.concepts.add_many([apk, knb, Concept("bad", (Term("en", "x", "approved"),))])
    with pytest.raises(AlreadyExists):
        store.concepts.add_many([apk, knb, apk])
    assert store.concepts.count() == 0
    assert store.concepts.history("apk") == []
    assert store.data_version() == version


def test_add_many_of_a_broken_file_rolls_back_replacements_too(store, apk, knb):
    store.concepts.add(apk)

    def concepts():
        yield replace(apk, note="changed")
        yield knb
        raise ParseError("x.tbx", "broken", line=9)

    with pytest.raises(ParseError):
        store.concepts.add_many(concepts(), on_conflict="replace")
    assert store.concepts.get("apk").note is None and store.concepts.get("apk").version == 1
    assert not store.concepts.exists("knb")
    assert [c.action for c in store.concepts.history("apk")] == ["create"]


def test_add_many_rejects_an_unknown_policy(store, apk):
    with pytest.raises(ValueError, match="on_conflict"):
        store.concepts.add_many([apk], on_conflict="merge")


def test_nested_atomic_is_a_savepoint(store, apk, knb):
    with store.atomic():
        store.concepts.add(apk)
        with pytest.raises(AlreadyExists):
            with store.atomic():
                store.concepts.add(knb)
                store.concepts.add(apk)
    assert store.concepts.exists("apk") and not store.concepts.exists("knb")


# ------------------------------------------------------------------ data version
def test_data_version_changes_with_concepts_only_and_is_seen_by_other_connections(store, apk):
    other = open_store(store.location)
    try:
        start = store.data_version()
        assert other.data_version() == start
        store.concepts.add(apk)
        after_add = store.data_version()
        assert after_add != start and other.data_version() == after_add
        store.concepts.get("apk")
        list(store.concepts.iterate())
        store.memories.add_units("m", [TranslationUnit({"en": "One.", "ru": "Один."})])
        store.concepts.update(apk)  # identical: nothing written
        assert store.data_version() == after_add
        with store.atomic():
            store.concepts.update(replace(apk, note="x"))
            store.concepts.remove("apk")
        assert store.data_version() != after_add and other.data_version() == store.data_version()
        other.concepts.add(apk)
        assert store.data_version() == other.data_version()
    finally:
        other.close()


# ------------------------------------------------------------------ memories
def unit(en, ru, pos):
    return TranslationUnit({"en": en, "ru": ru}, document="speech.txt", position=pos, score=0.5)


def test_units_have_ids_and_timestamps(store):
    store.memories.add_units("speech", [unit("One.", "Один.", 1), unit("Two.", "Два.", 2)])
    first, second = store.memories.iter_units("speech")
    assert first.id < second.id
    assert recent(first.created) and first.modified == first.created
    assert store.memories.get_unit(second.id) == unit("Two.", "Два.", 2)
    assert store.memories.get_unit(second.id).id == second.id
    with pytest.raises(NotFound, match="no translation unit"):
        store.memories.get_unit(second.id + 100)


def test_duplicates_within_one_batch_are_skipped(store):
    units = [unit("One.", "Один.", 1), unit("One.", "Один.", 2), TranslationUnit({"en": None})]
    assert store.memories.add_units("m", units, batch=2) == (1, 1)
    assert store.memories.add_units("m", units * 3, batch=4) == (0, 6)


def test_ids_are_never_given_again(store, apk):
    store.memories.add_units("m", [unit("One.", "Один.", 1), unit("Two.", "Два.", 2)])
    old_units = [u.id for u in store.memories.iter_units("m")]
    assert store.memories.remove("m") == 2
    assert store.memories.names() == [] and store.memories.count("m") == 0
    store.memories.add_units("m", [unit("Three.", "Три.", 3)])
    assert [u.id for u in store.memories.iter_units("m")][0] > max(old_units)
    old_terms = ids(store.concepts.add(apk))
    store.concepts.remove("apk")
    assert min(ids(store.concepts.add(apk))) > max(old_terms)


def test_add_units_is_all_or_nothing(store):
    def units():
        yield unit("One.", "Один.", 1)
        raise ParseError("m.tmx", "broken", line=3)

    with pytest.raises(ParseError):
        store.memories.add_units("m", units())
    assert store.memories.names() == []


# ------------------------------------------------------------------ changes since a mark
def test_changes_since_names_the_concepts_changed_after_the_mark_in_order_of_their_last_change(store):
    mark, ids = store.concepts.changes_since(None)
    assert ids == []
    store.concepts.add(senate())
    store.concepts.add(Concept("knb", (Term("en", "KNB"),)))
    store.concepts.update(senate(note="upper house"))
    mark2, ids = store.concepts.changes_since(mark)
    assert ids == ["knb", "senate"]
    assert store.concepts.changes_since(mark2) == (mark2, [])
    store.concepts.remove("knb")
    mark3, ids = store.concepts.changes_since(mark2)
    assert ids == ["knb"] and mark3 != mark2
    with open_store(store.location) as other:  # another connection sees the same marks
        assert other.concepts.changes_since(mark2) == (mark3, ["knb"])
        assert other.concepts.changes_since(None) == (mark3, [])


def test_a_change_rolled_back_is_not_among_the_changes(store):
    mark, _ = store.concepts.changes_since(None)
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.concepts.add(senate())
            raise RuntimeError("undo")
    assert store.concepts.changes_since(mark) == (mark, [])


# ------------------------------------------------------------------ API tokens
def test_tokens_are_found_by_digest_until_revoked_and_listed_with_their_times(store):
    added = store.tokens.add("aigerim", "translator", "d" * 64)
    assert (added.name, added.role, added.revoked) == ("aigerim", "translator", None) and recent(added.created)
    assert store.tokens.find("d" * 64) == added
    assert store.tokens.find("e" * 64) is None
    revoked = store.tokens.revoke("aigerim")
    assert revoked.name == "aigerim" and recent(revoked.revoked)
    assert store.tokens.find("d" * 64) is None
    again = store.tokens.add("aigerim", "admin", "f" * 64)  # a new token once the old one is revoked
    assert [(t.name, t.role, t.revoked is None) for t in store.tokens.list()] == [
        ("aigerim", "translator", False), ("aigerim", "admin", True)]
    with open_store(store.location) as other:
        assert other.tokens.find("f" * 64) == again


def test_a_second_live_token_for_a_name_an_unknown_role_and_revoking_nothing_are_refused(store):
    store.tokens.add("aigerim", "reader", "a" * 64)
    with pytest.raises(ValidationError, match="'aigerim' already has a token; revoke it first"):
        store.tokens.add("aigerim", "admin", "b" * 64)
    with pytest.raises(ValidationError, match="unknown role 'boss'; roles: reader, translator, terminologist, admin"):
        store.tokens.add("daniyar", "boss", "c" * 64)
    with pytest.raises(NotFound, match="'daniyar' has no token to revoke"):
        store.tokens.revoke("daniyar")
    assert [t.name for t in store.tokens.list()] == ["aigerim"]


def test_select_filters_and_pages_in_the_store(store, apk, knb):
    from termbase.models import Concept, Term

    store.concepts.add(apk)
    store.concepts.add(knb)
    store.concepts.add(Concept("new", (Term("en", "New Agency", "proposed"),), subject="public-body"))
    assert [c.id for c in store.concepts.select()[1]] == ["apk", "knb", "new"]
    assert store.concepts.select(status="proposed") == (1, [store.concepts.get("new")])
    assert [c.id for c in store.concepts.select(lang="kk", missing=True)[1]] == ["new"]
    assert [c.id for c in store.concepts.select(status="deprecated", lang="en")[1]] == ["apk"]
    assert [c.id for c in store.concepts.select(status="deprecated", lang="kk")[1]] == []
    assert [c.id for c in store.concepts.select(subject="law-enforcement")[1]] == ["knb"]
    total, page = store.concepts.select(newest_first=True, limit=1, offset=1)
    assert (total, [c.id for c in page]) == (3, ["knb"])


def test_units_in_document_then_position_order_without_ones_first(store):
    units = [TranslationUnit({"en": "B2."}, document="b", position=2), TranslationUnit({"en": "B-."}, document="b"),
             TranslationUnit({"en": "A1."}, document="a", position=1), TranslationUnit({"en": "None."}),
             TranslationUnit({"en": "Ä0."}, document="ä", position=0), TranslationUnit({"en": "Z0."}, document="Z",
                                                                                     position=0)]
    store.memories.add_units("m", units)
    assert [u.texts["en"] for u in store.memories.iter_units("m")] == ["None.", "Z0.", "A1.", "B-.", "B2.", "Ä0."]
    assert store.memories.names() == ["m"]
    store.memories.add_units("Б", units[:1])
    store.memories.add_units("a-b", units[:1])
    store.memories.add_units("a_b", units[:1])
    assert store.memories.names() == ["a-b", "a_b", "m", "Б"]  # code-point order, whatever the locale


def test_concepts_are_iterated_in_code_point_order_of_ids(store):
    for cid in ["b", "a_b", "A", "a.b", "a-b", "ab", "_a", "B2", "b10"]:
        store.concepts.add(Concept(cid, (Term("en", f"Term {cid}"),)))
    assert [c.id for c in store.concepts.iterate(batch=3)] == ["A", "B2", "_a", "a-b", "a.b", "a_b", "ab", "b", "b10"]
