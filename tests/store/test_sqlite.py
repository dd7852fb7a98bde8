"""The SQLite backend's own duties: migrations from an empty file and from version 1, refusing another
program's database untouched, database errors as StoreError."""

import sqlite3
from datetime import datetime, timezone

import pytest

from termbase.errors import ParseError, StoreError
from termbase.models import Concept, Term, TranslationUnit
from termbase.store import create_store, open_store
from termbase.store.sqlite import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION


def v1_termbase(path):
    """A termbase as version 1 of termbase wrote it: its schema (migration 1) and rows."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    number, name, sql = MIGRATIONS[0]
    assert number == 1
    conn.execute("BEGIN")
    for statement in filter(str.strip, sql.split(";")):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO meta (key, value) VALUES ('migration.1', ?)", (name,))
    conn.execute(
        "INSERT INTO concepts (pk, id, subject, definition, note, source, created, modified) VALUES "
        "(1, 'senate', 'parliament', NULL, 'upper house', 'akorda.kz', '2024-03-01T10:00:00Z', '2024-03-02T11:00:00Z'), "
        "(2, 'knb', NULL, NULL, NULL, NULL, '2024-03-01T10:00:00Z', '2024-03-01T10:00:00Z')"
    )
    conn.execute(
        "INSERT INTO terms (pk, concept_pk, seq, lang, text, status, type, pos, note) VALUES "
        "(10, 1, 0, 'en', 'Senate', 'preferred', 'full', 'noun', NULL), "
        "(11, 1, 1, 'ru', 'Сенат', 'preferred', 'full', NULL, NULL), "
        "(12, 2, 0, 'en', 'KNB', 'admitted', 'acronym', NULL, 'from gov.kz')"
    )
    conn.execute(
        "INSERT INTO tm_units (pk, tm, digest, document, position, score, source_lang, context, note, created) "
        "VALUES (5, 'speech', 'd1', 'a.txt', 1, 0.9, 'en', NULL, NULL, '2024-03-03T09:00:00Z')"
    )
    conn.execute("INSERT INTO tm_texts (unit_pk, lang, text) VALUES (5, 'en', 'One.'), (5, 'ru', 'Один.')")
    conn.execute("COMMIT")
    conn.close()


def test_migration_from_version_1_keeps_everything(tmp_path):
    path = tmp_path / "v1.db"
    v1_termbase(path)
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        senate = store.concepts.get("senate")
        assert senate == Concept(
            "senate", (Term("en", "Senate", pos="noun"), Term("ru", "Сенат")), "parliament", None, "upper house",
            "akorda.kz",
        )
        assert [t.id for t in senate.terms] == [10, 11]
        assert senate.version == 1
        assert senate.created == datetime(2024, 3, 1, 10, tzinfo=timezone.utc)
        assert senate.modified == datetime(2024, 3, 2, 11, tzinfo=timezone.utc)
        assert senate.terms[0].created == senate.terms[0].modified == senate.created
        assert store.concepts.get("knb").terms == (Term("en", "KNB", "admitted", "acronym", note="from gov.kz"),)
        assert store.concepts.history("senate") == []  # history starts with the upgrade
        (unit,) = store.memories.iter_units("speech")
        assert unit == TranslationUnit({"en": "One.", "ru": "Один."}, "a.txt", 1, 0.9)
        assert unit.id == 5 and unit.created == unit.modified == datetime(2024, 3, 3, 9, tzinfo=timezone.utc)
        # the old units are in the full-text index the upgrade built
        assert store.memories.containing("speech", "ru", ["один"]) == [5]
        assert store.data_version() == 0
        # the upgraded file works as a new one: new ids come after the old ones, history is kept
        updated = store.concepts.update(Concept("senate", senate.terms + (Term("kk", "Сенат"),)))
        assert [t.id for t in updated.terms][:2] == [10, 11] and updated.terms[2].id > 12
        assert [c.action for c in store.concepts.history("senate")] == ["update"]
        store.memories.add_units("speech", [TranslationUnit({"en": "Two.", "ru": "Два."})])
        assert max(u.id for u in store.memories.iter_units("speech")) > 5
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT value FROM meta WHERE key = 'migration.2'").fetchone() is not None
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_migration_keeps_cascades(tmp_path):
    path = tmp_path / "v1.db"
    v1_termbase(path)
    with open_store(path) as store:
        store.concepts.remove("senate")
        store.memories.remove("speech")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM terms").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM tm_texts").fetchone()[0] == 0
    conn.close()


@pytest.mark.parametrize("how", ["empty file", "blank database"])
def test_an_empty_file_becomes_a_termbase(tmp_path, how):
    path = tmp_path / "new.db"
    if how == "empty file":
        path.write_bytes(b"")
    else:
        sqlite3.connect(path).close()
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.concepts.count() == 0 and store.data_version() == 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def foreign_database(path, *, user_version=0, application_id=0):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Aigerim')")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "marks", [{}, {"user_version": 1}, {"user_version": 7}, {"application_id": 42}, {"application_id": 42, "user_version": 2}]
)
def test_another_programs_database_is_refused_untouched(tmp_path, marks):
    path = tmp_path / "app.sqlite"
    foreign_database(path, **marks)
    before = path.read_bytes()
    with pytest.raises(ParseError, match="not a termbase file: an SQLite database of another program"):
        open_store(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.sqlite"]


@pytest.mark.parametrize("meta", ["key TEXT PRIMARY KEY, value TEXT", "name TEXT"])
def test_a_database_with_termbase_like_tables_is_refused(tmp_path, meta):
    path = tmp_path / "app.sqlite"
    conn = sqlite3.connect(path)
    for table in ("concepts", "terms", "tm_units", "tm_texts"):
        conn.execute(f"CREATE TABLE {table} (x)")
    conn.execute(f"CREATE TABLE meta ({meta})")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ParseError, match="another program"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_corrupt_page_is_a_store_error(tmp_path):
    path = tmp_path / "t.db"
    with create_store(path) as store:
        store.memories.add_units("m", [TranslationUnit({"en": f"Unit {i}.", "ru": f"Единица {i}."}) for i in range(2000)])
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(3 * page, len(data) - page, page):  # every page after the schema: garbage
        data[start : start + page] = b"\xff" * page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=f"{path}: database disk image is malformed"):
        with open_store(path) as store:
            list(store.memories.iter_units("m"))


def test_a_locked_database_is_a_store_error_naming_the_file(tmp_path):
    path = tmp_path / "t.db"
    create_store(path).close()
    with open_store(path) as store:
        store._conn.execute("PRAGMA busy_timeout = 0")  # do not wait the default 5 s here
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match=f"{path}: database is locked"):
                store.concepts.add(Concept("x", (Term("en", "x"),)))
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert store.concepts.count() == 0
