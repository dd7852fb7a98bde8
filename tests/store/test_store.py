import sqlite3

import pytest

from termbase.errors import AlreadyExists, NotFound, ParseError, TermbaseError, ValidationError
from termbase.models import Concept, Term, TranslationUnit
from termbase.store import AddCounts, create_store, open_store, unit_digest
from termbase.store.sqlite import SCHEMA_VERSION


def test_create_sets_wal_and_schema_version(tmp_path):
    path = tmp_path / "t.db"
    create_store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_create_refuses_existing_file(tmp_path):
    create_store(tmp_path / "t.db").close()
    with pytest.raises(TermbaseError, match="already exists"):
        create_store(tmp_path / "t.db")


def test_create_is_empty(store):
    assert store.concepts.stats() == {"concepts": 0, "complete_concepts": 0, "terms": {"en": 0, "kk": 0, "ru": 0}}
    assert store.memories.names() == []


def test_open_missing_file(tmp_path):
    with pytest.raises(NotFound, match="no termbase at"):
        open_store(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


def test_open_non_sqlite_file(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("hello, not a database")
    with pytest.raises(ParseError, match="not a termbase file"):
        open_store(bad)


def test_open_directory(tmp_path):
    with pytest.raises(ParseError, match="is a directory"):
        open_store(tmp_path)


def test_open_newer_schema_is_refused(tmp_path):
    path = tmp_path / "t.db"
    create_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(TermbaseError, match="newer"):
        open_store(path)


def test_open_blank_sqlite_file_migrates_it(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # an empty database: version 0
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.concepts.stats() == {"concepts": 0, "complete_concepts": 0, "terms": {"en": 0, "kk": 0, "ru": 0}}


def test_add_get_round_trip(store, apk):
    assert store.concepts.add(apk).id == "apk"
    assert store.concepts.get("apk") == apk


def test_generated_ids_are_slugs_and_unique(store):
    c = Concept(None, (Term("en", "Prosecutor General's Office"),))
    assert store.concepts.add(c).id == "prosecutor-general-s-office"
    assert store.concepts.add(c).id == "prosecutor-general-s-office-2"
    kk_only = Concept(None, (Term("kk", "Бас прокуратура"),))
    assert store.concepts.add(kk_only).id == "bas-prokuratura"


def test_duplicate_id_errors_skip_or_replace(store, apk, knb):
    store.concepts.add(apk)
    with pytest.raises(AlreadyExists, match="concept 'apk' already exists"):
        store.concepts.add(apk)
    changed = Concept("apk", (Term("en", "APK"),))
    assert store.concepts.add_many([changed, knb], on_conflict="skip") == AddCounts(added=1, skipped=1)
    assert store.concepts.get("apk") == apk
    assert store.concepts.add_many([changed], on_conflict="replace") == AddCounts(replaced=1)
    assert store.concepts.get("apk").terms == (Term("en", "APK"),)
    assert store.concepts.add_many([changed, knb], on_conflict="replace") == AddCounts(unchanged=2)
    with pytest.raises(AlreadyExists):
        store.concepts.add_many([knb])


def test_add_many_is_all_or_nothing(store, apk, knb):
    def concepts():
        yield apk
        yield knb
        raise ParseError("x.tbx", "broken", line=9)

    with pytest.raises(ParseError):
        store.concepts.add_many(concepts())
    assert store.concepts.count() == 0


def test_invalid_concepts_are_refused(store):
    with pytest.raises(ValidationError, match="no terms"):
        store.concepts.add(Concept("x", ()))
    with pytest.raises(ValidationError, match="unknown status 'approved'"):
        store.concepts.add(Concept("x", (Term("en", "Senate", "approved"),)))
    with pytest.raises(ValidationError, match="unknown type"):
        store.concepts.add(Concept("x", (Term("en", "Senate", "preferred", "long"),)))
    with pytest.raises(ValidationError, match="empty en term"):
        store.concepts.add(Concept("x", (Term("en", "  "),)))
    with pytest.raises(ValidationError, match="bad concept id"):
        store.concepts.add(Concept("has space", (Term("en", "Senate"),)))
    assert store.concepts.count() == 0


def test_update_and_remove(store, apk):
    store.concepts.add(apk)
    store.concepts.update(Concept("apk", apk.terms[:1], note="renamed in 2007"))
    assert store.concepts.get("apk").note == "renamed in 2007"
    assert store.concepts.get("apk").terms == apk.terms[:1]
    store.concepts.remove("apk")
    with pytest.raises(NotFound):
        store.concepts.get("apk")
    with pytest.raises(NotFound):
        store.concepts.remove("apk")
    with pytest.raises(NotFound):
        store.concepts.update(apk)
    assert not store.concepts.exists("apk")


def test_iterate_in_id_order_across_batches(store):
    ids = [f"c{i:03d}" for i in range(7)]
    store.concepts.add_many(Concept(i, (Term("en", f"term {i}"),)) for i in reversed(ids))
    assert [c.id for c in store.concepts.iterate(batch=3)] == ids


def test_stats_counts_complete_concepts(store, apk):
    store.concepts.add(apk)
    store.concepts.add(Concept("s", (Term("en", "Senate"), Term("ru", "Сенат"))))
    assert store.concepts.stats() == {"concepts": 2, "complete_concepts": 1, "terms": {"en": 4, "kk": 2, "ru": 4}}


def test_atomic_rolls_back(store, apk, knb):
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.concepts.add(apk)
            store.concepts.add(knb)
            raise RuntimeError("boom")
    assert store.concepts.count() == 0


def test_changes_survive_reopen(store, apk):
    store.concepts.add(apk)
    store.close()
    with open_store(store.location) as again:
        assert again.concepts.get("apk") == apk


def unit(en, ru, pos, doc="speech.txt", score=0.9):
    return TranslationUnit({"en": en, "ru": ru}, document=doc, position=pos, score=score)


def test_units_round_trip_in_order_and_dedup(store):
    units = [unit("Two.", "Два.", 2), unit("One.", "Один.", 1)]
    assert store.memories.add_units("speech", units) == (2, 0)
    assert store.memories.add_units("speech", units) == (0, 2)
    got = list(store.memories.iter_units("speech"))
    assert [u.texts for u in got] == [{"en": "One.", "ru": "Один."}, {"en": "Two.", "ru": "Два."}]
    assert got[0].document == "speech.txt" and got[0].position == 1 and got[0].score == 0.9
    assert store.memories.names() == ["speech"]
    assert store.memories.count("speech") == 2


def test_same_unit_in_two_memories(store):
    store.memories.add_units("a", [unit("One.", "Один.", 1)])
    assert store.memories.add_units("b", [unit("One.", "Один.", 1)]) == (1, 0)


def test_missing_memory_names_the_existing_ones(store):
    store.memories.add_units("speech", [unit("One.", "Один.", 1)])
    with pytest.raises(NotFound, match="memories here: speech"):
        list(store.memories.iter_units("other"))


def test_unit_digest_ignores_language_order():
    assert unit_digest({"en": "a", "ru": "б"}) == unit_digest({"ru": "б", "en": "a"})
    assert unit_digest({"en": "a", "ru": "б"}) != unit_digest({"en": "a", "kk": "б"})


def test_a_server_location_is_told_apart_without_loading_the_postgresql_backend():
    from termbase import store
    from termbase.store import postgres

    assert store._SERVER_SCHEMES == postgres.SCHEMES
    assert [store.is_postgres(x) for x in ("postgresql://h/db", "postgres://h/db", "tb.db", "postgresql.db")] == [
        True, True, False, False]
