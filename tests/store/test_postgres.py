"""What is particular to the PostgreSQL backend: which databases are termbases, migrations (from an
empty database and from each earlier version), building in one transaction, passwords kept out of
messages, a lost connection, writers waiting for each other. The store contract itself runs on this
backend through the ``store`` fixture (tests/store/test_base.py and the others)."""

import threading
import time
from dataclasses import replace

import psycopg
import pytest

from termbase.errors import AlreadyExists, NotFound, ParseError, StoreError, StoreUnavailable, TermbaseError, VersionConflict
from termbase.models import Concept, Evidence, Term, TranslationUnit
from termbase.store import AddCounts, create_store, new_store, open_store, termbase_exists
from termbase.store.postgres import MIGRATIONS, SCHEMA_VERSION, PostgresStore, display_url


@pytest.fixture
def pg_store(pg_cluster):
    with open_store(pg_cluster.empty_termbase()) as store:
        yield store


def senate(note=None) -> Concept:
    return Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"), Term("ru", "Сенат")), note=note)


def tables(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")]


def test_an_empty_schema_becomes_a_termbase(pg_url):
    assert not termbase_exists(pg_url)
    with create_store(pg_url) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.location == pg_url
        assert store.concepts.count() == 0 and store.memories.names() == []
    assert termbase_exists(pg_url)
    with psycopg.connect(pg_url) as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["application"] == "termbase" and meta["schema_version"] == str(SCHEMA_VERSION)
    with pytest.raises(TermbaseError, match="already exists"):
        create_store(pg_url)


def test_opening_an_empty_database_is_not_found_and_creates_nothing(pg_url):
    with pytest.raises(NotFound, match="no termbase at postgresql://") as caught:
        open_store(pg_url)
    assert caught.value.needs == "termbase"
    assert tables(pg_url) == []


def test_another_programs_tables_are_refused_untouched(pg_url):
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE meta (key text, value text)")
        conn.execute("INSERT INTO meta VALUES ('owner', 'someone else')")
    for make in (open_store, create_store):
        with pytest.raises(ParseError, match="tables of another program"):
            make(pg_url)
    with pytest.raises(ParseError, match="tables of another program"):
        with new_store(pg_url, replace=True):
            pass
    assert tables(pg_url) == ["meta"]
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT * FROM meta").fetchall() == [("owner", "someone else")]


def test_a_newer_schema_is_refused(pg_url):
    create_store(pg_url).close()
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(TermbaseError, match="newer than this termbase"):
        open_store(pg_url)


@pytest.mark.parametrize("previous", [number for number, _name, _sql in MIGRATIONS])
def test_migration_from_each_version_keeps_the_data(pg_cluster, previous):
    """A termbase left at an earlier version (the tables of migration ``previous`` and before), with a
    concept written as that version wrote it, is upgraded when opened and reads the same."""
    url = pg_cluster.new_schema()
    store = PostgresStore(url)
    store._migrate(upto=previous)
    assert store.schema_version == previous
    stamp = "2026-01-02T03:04:05.000006Z"
    with store.atomic():
        (pk,) = store._conn.execute(
            "INSERT INTO concepts (id, subject, version, created, modified) VALUES ('senate', 'parliament', 3, ?, ?) "
            "RETURNING pk", (stamp, stamp)).fetchone()
        store._conn.execute(
            "INSERT INTO terms (concept_pk, seq, lang, text, status, type, created, modified) "
            "VALUES (?, 0, 'en', 'Senate', 'preferred', 'full', ?, ?)", (pk, stamp, stamp))
        (unit,) = store._conn.execute(
            "INSERT INTO tm_units (tm, digest, document, position, score, source_lang, created, modified) "
            "VALUES ('speech', 'd1', 'a.txt', 1, 0.9, 'en', ?, ?) RETURNING pk", (stamp, stamp)).fetchone()
        store._conn.execute("INSERT INTO tm_texts (unit_pk, lang, text) VALUES (?, 'en', 'One.')", (unit,))
    store.close()
    with open_store(url) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        got = upgraded.concepts.get("senate")
        assert (got.subject, got.version, [t.text for t in got.terms]) == ("parliament", 3, ["Senate"])
        assert got.created.isoformat() == "2026-01-02T03:04:05.000006+00:00"
        assert upgraded.concepts.add(Concept(None, (Term("en", "Mazhilis"),))).id == "mazhilis"
        # a memory written before memories had versions gets one (a random epoch), moved by a change
        # (at the current version the unit above was written without its version row: none)
        epoch, number = upgraded.memories.version("speech")
        assert (number, len(epoch)) == ((1, 32) if previous < SCHEMA_VERSION else (0, 0))
        upgraded.memories.add_units("speech", [TranslationUnit({"en": "Two."})])
        assert upgraded.memories.version("speech")[1] == number + 1


def test_a_new_termbase_appears_whole_or_not_at_all(pg_url):
    with new_store(pg_url) as store:
        store.concepts.add(senate())
    with pytest.raises(TermbaseError, match="already exists") as caught:
        with new_store(pg_url):
            pass
    assert caught.value.needs == "force"
    with pytest.raises(RuntimeError, match="half way"):
        with new_store(pg_url, replace=True) as store:
            store.concepts.add(Concept("mazhilis", (Term("en", "Mazhilis"),)))
            raise RuntimeError("half way")
    with open_store(pg_url) as store:
        assert [c.id for c in store.concepts.iterate()] == ["senate"]
    with new_store(pg_url, replace=True) as store:
        store.concepts.add(Concept("mazhilis", (Term("en", "Mazhilis"),)))
    with open_store(pg_url) as store:
        assert [c.id for c in store.concepts.iterate()] == ["mazhilis"]
        assert store.concepts.history("senate") == []


def test_passwords_stay_out_of_messages(pg_cluster):
    assert display_url("postgresql://ann:s3cret@db.example:5433/tb") == "postgresql://ann@db.example:5433/tb"
    assert display_url("postgresql://ann@db.example/tb?password=s3cret&sslmode=require") == (
        "postgresql://ann@db.example/tb?sslmode=require")
    url = pg_cluster.url(database="no_such_db").replace("termbase@", "termbase:s3cret@")
    with pytest.raises(StoreUnavailable, match="cannot connect") as caught:
        open_store(url)
    assert "s3cret" not in str(caught.value) and "no_such_db" in str(caught.value)


def test_a_lost_connection_is_made_again(pg_store):
    store = pg_store
    store.concepts.add(senate())
    with psycopg.connect(store._url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (store._conn.raw.info.backend_pid,))
    assert store.concepts.get("senate") == senate()  # a read connects again
    with psycopg.connect(store._url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (store._conn.raw.info.backend_pid,))
    store.concepts.update(senate(note="after"))  # so does a write, before its transaction begins
    # lost inside a transaction: that call fails, nothing of it is written, the next one works
    with pytest.raises(StoreUnavailable, match="unavailable"):
        with store.atomic():
            store.concepts.update(senate(note="lost"))
            with psycopg.connect(store._url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (store._conn.raw.info.backend_pid,))
            store.concepts.update(senate(note="lost too"))
    assert store.concepts.get("senate").note == "after"


def test_writers_wait_for_each_other_so_a_stale_version_is_caught(pg_store):
    store = pg_store
    store.concepts.add(senate())
    other = open_store(store.location)
    outcome = []

    def second_writer():
        try:
            other.concepts.update(senate(note="second"), expected_version=1)
            outcome.append("written")
        except VersionConflict as exc:
            outcome.append(str(exc))

    with store.atomic():
        store.concepts.update(senate(note="first"), expected_version=1)
        thread = threading.Thread(target=second_writer)
        thread.start()
        with psycopg.connect(store._url, autocommit=True) as admin:  # wait until it waits for the lock
            for _ in range(500):
                if admin.execute("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").fetchone():
                    break
                time.sleep(0.01)
            else:
                pytest.fail("the second writer did not wait for the first")
    thread.join(10)
    other.close()
    assert outcome == ["concept 'senate' was changed meanwhile (version 2, not 1); read it again and redo the change"]
    assert store.concepts.get("senate").note == "first"


def test_a_concept_is_read_in_one_round_trip_and_changed_in_six(pg_store):
    """A concept's row, terms and evidence come in one query; a change is six round trips: begin and
    take the write lock; read the concept; update it; record the change; read it back; move the data
    version and commit. A stale version costs two and is rolled back."""
    from tests.statements import statements

    store = pg_store
    concept = Concept("senate", (Term("en", "Senate", pos="noun", note="upper house"), Term("ru", "Сенат")),
                      subject="parliament", note="n", source="akorda.kz", scope="KZ",
                      evidence=(Evidence("ru", "Сенат", "news", 12, "The Senate met", "Сенат собрался"),
                                Evidence("ru", "Сенат", None, "po:3", None, None)))
    added = store.concepts.add(concept)
    with statements(store) as seen:
        got = store.concepts.get("senate")
    assert len(seen) == 1
    assert got == added and got.evidence == concept.evidence and got.evidence[0].unit_id == 12
    assert [(t.lang, t.text, t.pos, t.note, t.id) for t in got.terms] == [
        ("en", "Senate", "noun", "upper house", added.terms[0].id), ("ru", "Сенат", None, None, added.terms[1].id)]
    before = store.data_version()
    with statements(store) as seen:
        changed = store.concepts.update(replace(got, note="changed"), expected_version=1)
    assert [sql.split()[0] for sql in seen] == ["BEGIN;", "SELECT", "UPDATE", "INSERT", "SELECT", "UPDATE"]
    assert seen[-1].endswith("; COMMIT")
    assert (changed.version, changed.note, changed.terms, changed.evidence) == (2, "changed", got.terms, got.evidence)
    assert store.data_version() == before + 1 and store.concepts.history("senate")[-1].before == got
    with pytest.raises(VersionConflict), statements(store) as seen:
        store.concepts.update(replace(got, note="stale"), expected_version=1)
    assert [sql.split()[0] for sql in seen] == ["BEGIN;", "SELECT", "ROLLBACK"]
    assert store.concepts.get("senate").note == "changed" and store.data_version() == before + 1
    renamed = store.concepts.update(replace(changed, terms=(Term("en", "Upper House"),)), expected_version=2)
    assert renamed.version == 3 and renamed.terms[0].text == "Upper House"
    assert [(t.concept_id, t.term.text) for t in store.terms.by_norm("upper house")] == [("senate", "Upper House")]


def test_a_change_failing_in_its_writes_is_rolled_back_whole(pg_store):
    """An error in one of a change's writes (here a trigger refusing the history row) is a
    StoreError; the concept, its history and the data version stay as they were (the version is
    moved in the commit's round trip, which the error stops), and the store goes on working."""
    store = pg_store
    store.concepts.add(senate())
    store._conn.execute(
        "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by a trigger'; END $$ "
        "LANGUAGE plpgsql")
    store._conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON concept_history FOR EACH ROW "
                        "WHEN (NEW.actor = 'mallory') EXECUTE FUNCTION refuse()")
    before = store.data_version()
    with pytest.raises(StoreError, match="refused by a trigger"):
        store.concepts.update(senate(note="bad"), expected_version=1, actor="mallory")
    assert store.concepts.get("senate").note is None and store.data_version() == before
    assert [c.action for c in store.concepts.history("senate")] == ["create"]
    assert store.concepts.update(senate(note="good"), expected_version=1, actor="aigerim").version == 2
    assert [c.actor for c in store.concepts.history("senate")] == [None, "aigerim"]


def test_a_database_error_is_a_store_error_naming_the_database(pg_url):
    store = create_store(pg_url)
    store.concepts.add(senate())
    with psycopg.connect(store._url, autocommit=True) as admin:
        admin.execute("ALTER TABLE terms ADD CONSTRAINT short CHECK (length(text) < 10)")
    with pytest.raises(StoreError, match=r"^postgresql://.*violates check constraint") as caught:
        store.concepts.add(Concept("long", (Term("en", "A very long term indeed"),)))
    assert not isinstance(caught.value, StoreUnavailable)
    assert not store.concepts.exists("long")
    store.close()


def test_a_writer_waits_at_most_its_lock_timeout_and_names_the_holder(pg_store):
    impatient = open_store(pg_store.location, lock_timeout=0.2)
    try:
        with pg_store.atomic():
            pg_store.concepts.add(senate())
            with pytest.raises(StoreError, match=r"the termbase is busy: '.*' \(server process \d+, writing since "
                                                 r"\d{4}-.* UTC\) holds its write lock; waited 0.2 s") as caught:
                impatient.concepts.add(Concept("knb", (Term("en", "KNB"),)))
            assert caught.value.needs == "lock_timeout"
        assert impatient.concepts.add(Concept("knb", (Term("en", "KNB"),))).id == "knb"
    finally:
        impatient.close()


def test_a_read_only_store_reads_and_refuses_writes(pg_store):
    pg_store.concepts.add(senate())
    with open_store(pg_store.location, read_only=True) as reader:
        assert reader.read_only and reader.concepts.get("senate") == senate()
        with pytest.raises(StoreError, match="opened read-only; nothing changed"):
            reader.concepts.remove("senate")
    assert pg_store.concepts.exists("senate")


def test_add_many_writes_in_batches_the_rows_sqlite_writes(pg_url, tmp_path, monkeypatch):
    """New concepts go a batch at a time by COPY; ids made from terms, an id twice in one import, a
    replaced concept between new ones, an id used again after a delete (its versions continue),
    evidence: every row (ids, versions, history order) is SQLite's."""
    from termbase.models import Evidence
    from termbase.store.postgres import PostgresConcepts

    monkeypatch.setattr(PostgresConcepts, "BATCH", 3)
    first = [Concept(f"c{i}", (Term("en", f"Council {i}"), Term("ru", f"Совет {i}"))) for i in range(7)]
    second = [
        Concept("c8", (Term("en", "Chamber"),), evidence=(Evidence("kk", "Палата", "news", 4, "Chamber", "Палата"),
                                                          Evidence("ru", "Палата"))),
        Concept(None, (Term("en", "Senate"),)), Concept(None, (Term("en", "Senate"),)),
        Concept("c1", (Term("en", "Council one"),), note="replaced"), Concept("c9", (Term("kk", "Кеңес"),)),
        Concept("c8", (Term("en", "Chamber"), Term("ru", "Палата")), evidence=(Evidence("ru", "Палата"),)),
        Concept("c3", (Term("en", "Council 3"),
                                                                                   Term("ru", "Совет 3"))),
        Concept("c0", (Term("en", "Council again"),)), Concept("c10", (Term("en", "Council 10"),)),
    ]
    dumps = []
    for location in (tmp_path / "t.db", pg_url):
        with create_store(location) as store:
            assert store.concepts.add_many(first, actor="ann").added == 7
            store.concepts.remove("c0")
            assert store.concepts.add_many(second, on_conflict="replace", actor="bob") == AddCounts(
                added=6, replaced=2, unchanged=1)
            with pytest.raises(AlreadyExists):
                store.concepts.add_many([Concept("c11", (Term("en", "x"),)), Concept("c11", (Term("en", "y"),))])
            dumps.append({table: sorted(tuple(r) for r in store._conn.execute(f"SELECT {columns} FROM {table}"))
                          for table, columns in [
                              ("concepts", "pk, id, subject, note, scope, version"),
                              ("terms", "pk, concept_pk, seq, lang, text, status, type"),
                              ("concept_history", "pk, concept_id, action, version, actor, state_before IS NULL"),
                              ("concept_evidence", "concept_pk, seq, lang, term, memory, unit_id, source_text"),
                              ("term_index", "term_pk, lang, norm, keys"),
                              ("term_counts", "kind, lang, value, n")]})
    sqlite, postgres = dumps
    assert sorted(r[1:] for r in sqlite["concepts"] if r[1] in ("c0", "c8", "senate-2")) == [
        ("c0", None, None, None, 2), ("c8", None, None, None, 2), ("senate-2", None, None, None, 1)]
    assert len(sqlite["concept_evidence"]) == 1 and len(sqlite["concept_history"]) == 16
    assert postgres == sqlite


def test_the_memory_search_keeps_posting_lists_until_the_memories_change(pg_store):
    from termbase.models import TranslationUnit
    from tests.statements import statements

    pg_store.memories.add_units("m", [TranslationUnit({"en": f"The tax law {i}."}) for i in range(3)])
    keys = ["tax", "law"]
    first = pg_store.memories.candidates("m", "en", keys)
    with statements(pg_store) as seen:
        assert pg_store.memories.candidates("m", "en", keys) == first
    assert len(seen) == 3 and not any("string_agg" in sql for sql in seen)  # the counts, the size, the version
    with open_store(pg_store.location) as other:  # another instance changes the memories
        other.memories.add_units("m", [TranslationUnit({"en": "The tax law on roads."})])
        (new,) = [u.id for u in other.memories.iter_units("m") if "roads" in u.texts["en"]]
    with statements(pg_store) as seen:
        assert new in pg_store.memories.candidates("m", "en", keys, limit=5)
    assert sum("string_agg" in sql for sql in seen) == 2  # both lists read again
