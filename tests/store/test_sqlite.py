"""The SQLite backend's own duties: migrations from an empty file, from version 1 and from each later
one, refusing another program's database untouched, database errors as StoreError."""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from termbase.errors import ParseError, StoreError, TermbaseError, ValidationError
from termbase.models import Concept, Term, TranslationUnit
from termbase.store import create_store, new_store, open_store
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
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.tokens.list() == []
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
        assert senate.scope is None  # migration 5: no scope until one is given
        (unit,) = store.memories.iter_units("speech")
        assert unit == TranslationUnit({"en": "One.", "ru": "Один."}, "a.txt", 1, 0.9)
        assert unit.id == 5 and unit.created == unit.modified == datetime(2024, 3, 3, 9, tzinfo=timezone.utc)
        # the old units are in the full-text index the upgrade built
        assert store.memories.containing("speech", "ru", ["один"]) == [5]
        # and the old terms in the term index
        assert [(e.concept_id, e.term.id) for e in store.terms.by_norm("сенат")] == [("senate", 11)]
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
    create_store(tmp_path / "empty.db").close()
    conn = sqlite3.connect(tmp_path / "empty.db")
    schema_pages = conn.execute("PRAGMA page_count").fetchone()[0]  # an empty termbase: the schema
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(max(schema_pages * page, len(data) // 2 // page * page), len(data) - page, page):  # data pages: garbage
        data[start : start + page] = b"\xff" * page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=f"{path}: database disk image is malformed"):
        with open_store(path) as store:
            list(store.memories.iter_units("m"))


def test_a_locked_database_is_a_store_error_naming_the_file(tmp_path):
    path = tmp_path / "t.db"
    create_store(path).close()
    with open_store(path, lock_timeout=0) as store:
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match=f"^{path}: the termbase is busy: another program holds its write "
                                                 "lock; waited 0 s$"):
                store.concepts.add(Concept("x", (Term("en", "x"),)))
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert store.concepts.count() == 0


# ---------------------------------------------------------------- issue 14: foreign, read-only, locks


def test_a_blank_database_that_is_not_empty_is_refused_untouched(tmp_path):
    # another program's new database: no tables yet, but written (page size set, a table made and dropped)
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ParseError, match=r"other\.sqlite: not a termbase file: an SQLite database of another program"):
        open_store(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_the_lock_error_names_the_holder_command_process_and_start(tmp_path):
    path = tmp_path / "t.db"
    create_store(path).close()
    with open_store(path) as holder, open_store(path, lock_timeout=0.05) as waiter:
        with holder.atomic():
            holder.concepts.add(Concept("a", (Term("en", "a"),)))
            with pytest.raises(StoreError) as err:
                waiter.concepts.add(Concept("b", (Term("en", "b"),)))
        assert err.value.needs == "lock_timeout"
        assert re.fullmatch(
            rf"{re.escape(str(path))}: the termbase is busy: '.+' \(process {os.getpid()}, writing since "
            r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\) holds its write lock; waited 0\.05 s",
            str(err.value),
        )
        assert not Path(f"{path}-writer").exists()  # the record goes with the lock
        waiter.concepts.add(Concept("b", (Term("en", "b"),)))  # and the waiter gets in
        assert holder.concepts.count() == 2


def test_a_record_left_by_a_killed_writer_is_not_named(tmp_path):
    path = tmp_path / "t.db"
    create_store(path).close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    Path(f"{path}-writer").write_text(
        json.dumps({"pid": int(dead.stdout), "command": "termbase import big.tmx", "started": "2026-01-01T00:00:00Z"})
    )
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with open_store(path, lock_timeout=0) as store, pytest.raises(StoreError, match="busy: another program holds"):
            store.concepts.add(Concept("b", (Term("en", "b"),)))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_a_write_waits_for_the_lock_within_the_timeout(tmp_path):
    path = tmp_path / "t.db"
    create_store(path).close()
    with open_store(path) as holder, open_store(path, lock_timeout=30) as waiter:
        done = threading.Event()

        def write():
            waiter.concepts.add(Concept("b", (Term("en", "b"),)))
            done.set()

        with holder.atomic():
            holder.concepts.add(Concept("a", (Term("en", "a"),)))
            thread = threading.Thread(target=write)
            thread.start()
            assert not done.wait(0.2)  # waiting for the holder
        thread.join(30)
        assert done.is_set() and holder.concepts.count() == 2


def test_a_store_whose_file_was_replaced_refuses_to_write(tmp_path):
    path = tmp_path / "t.db"
    create_store(path).close()
    with open_store(path) as stale:
        with new_store(path, replace=True) as fresh:
            fresh.concepts.add(Concept("new", (Term("en", "new"),)))
        with pytest.raises(StoreError, match=r"t\.db: the termbase was replaced or removed .* nothing written"):
            stale.concepts.add(Concept("lost", (Term("en", "lost"),)))
    with open_store(path) as store:
        assert [c.id for c in store.concepts.iterate()] == ["new"]


def test_replacing_waits_for_a_running_write_and_checks_under_the_lock(tmp_path):
    path = tmp_path / "t.db"
    create_store(path).close()
    seen = []
    with open_store(path) as importer:
        with importer.atomic():
            importer.memories.add_units("m", [TranslationUnit({"en": "a", "ru": "а"}, "en")])
            with pytest.raises(StoreError, match="busy: '.+' .* holds its write lock; waited 0.05 s"):
                with new_store(path, replace=True, lock_timeout=0.05, check=lambda old: seen.append(1)):
                    pass
        assert seen == []

        def refuse(old):
            seen.append(old.memories.count("m"))
            raise ValidationError("would lose")

        with pytest.raises(ValidationError, match="would lose"):
            with new_store(path, replace=True, check=refuse):
                pass
        assert seen == [1]  # the import's unit, committed before the check ran
        assert importer.memories.count("m") == 1
        importer.memories.add_units("m", [TranslationUnit({"en": "b", "ru": "б"}, "en")])  # not replaced


@pytest.fixture
def as_another_user():
    """Run a function as a user who cannot write root's files (a forked child under uid 65534 when
    the tests run as root, where file modes do not stop writes; else this user). Gives what it returns."""

    def run(fn):
        if os.geteuid() != 0:
            return fn()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(read)
            try:
                os.setgid(65534)
                os.setuid(65534)
                result = ("ok", fn())
            except BaseException as exc:  # noqa: BLE001 - handed to the parent
                result = ("error", f"{type(exc).__name__}: {exc}")
            with os.fdopen(write, "w") as fh:
                json.dump(result, fh)
            os._exit(0)
        os.close(write)
        with os.fdopen(read) as fh:
            kind, value = json.load(fh)
        os.waitpid(pid, 0)
        if kind == "error":
            raise AssertionError(value)
        return value

    return run


@pytest.fixture
def shared_folder():
    """A folder every user can enter (pytest's tmp_path is private to its user)."""
    folder = Path(tempfile.mkdtemp(prefix="termbase-ro-"))
    folder.chmod(0o755)
    yield folder
    for p in sorted(folder.rglob("*"), reverse=True):
        p.chmod(0o755) if p.is_dir() else None
    folder.chmod(0o755)
    shutil.rmtree(folder)


@pytest.mark.parametrize("what", ["file", "folder", "both"])
def test_a_read_only_termbase_can_be_read(shared_folder, as_another_user, what):
    path = shared_folder / "tb.db"
    with create_store(path) as store:
        store.concepts.add(Concept("senate", (Term("en", "Senate"), Term("ru", "Сенат"))))
        store.memories.add_units("m", [TranslationUnit({"en": "a", "ru": "а"}, "en")])
    path.chmod(0o644 if what == "folder" else 0o444)
    shared_folder.chmod(0o555 if what != "file" else 0o777)
    before = path.read_bytes()

    def read():
        with open_store(path) as store:
            assert store.read_only
            out = [store.concepts.get("senate").terms[1].text, store.memories.count("m")]
            try:
                store.concepts.add(Concept("x", (Term("en", "x"),)))
            except StoreError as exc:
                out.append(str(exc))
            return out

    assert as_another_user(read) == [
        "Сенат", 1, f"{path}: the termbase is read-only here (the file or its folder cannot be written); nothing changed"
    ]
    assert path.read_bytes() == before
    assert sorted(p.name for p in shared_folder.iterdir()) == ["tb.db"]


def test_a_read_only_termbase_that_needs_upgrading_is_a_clear_error(shared_folder, as_another_user):
    path = shared_folder / "v1.db"
    v1_termbase(path)
    path.chmod(0o444)
    shared_folder.chmod(0o555)

    def read():
        try:
            open_store(path)
        except StoreError as exc:
            return str(exc)

    assert as_another_user(read) == (
        f"{path}: this termbase has schema version 1 and needs upgrading to {SCHEMA_VERSION}, but it is read-only "
        "here; open it once where it can be written"
    )


def test_scope_is_stored_changed_and_kept_in_history(tmp_path):
    with create_store(tmp_path / "tb.db") as store:
        store.concepts.add(Concept("senate", (Term("en", "Senate"),), scope="KZ"))
        assert store.concepts.get("senate").scope == "KZ"
        store.concepts.update(Concept("senate", (Term("en", "Senate"),), scope=None))
        assert store.concepts.get("senate").scope is None
        assert [(c.action, c.before and c.before.scope, c.after and c.after.scope)
                for c in store.concepts.history("senate")] == [("create", None, "KZ"), ("update", "KZ", None)]


def test_a_second_store_of_a_file_in_one_process_keeps_the_first_seeing_other_processes_writes(tmp_path):
    # Reading the header with open() would drop this process's POSIX locks on the file; the writer
    # below would then delete the WAL at its close and the first store read a stale snapshot forever.
    import subprocess
    import sys

    path = tmp_path / "t.db"
    create_store(path).close()
    first = open_store(path)
    second = open_store(path)
    try:
        for name in ("a", "b", "c"):
            code = (f"from termbase.store import open_store\nfrom termbase.models import Concept, Term\n"
                    f"s = open_store({str(path)!r}); s.concepts.add(Concept({name!r}, (Term('en', {name!r}),))); s.close()")
            subprocess.run([sys.executable, "-c", code], check=True)
            assert first.concepts.exists(name) and second.concepts.exists(name)
            assert open_store(path).concepts.exists(name)  # a third, opened and closed meanwhile
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("previous", [number for number, _name, _sql in MIGRATIONS[1:-1]])
def test_migration_from_each_version_keeps_the_data(tmp_path, monkeypatch, previous):
    """A termbase left at each earlier version (version 1 has its own test above), with a concept and
    a memory unit written as that version wrote them, is upgraded when opened: the concept reads the
    same, the unit is found through the memory index, the term through the term index, and new ids
    come after the old ones (as on PostgreSQL: tests/store/test_postgres.py)."""
    from termbase.store import sqlite as backend

    path = tmp_path / f"v{previous}.db"
    with monkeypatch.context() as m:
        m.setattr(backend, "MIGRATIONS", MIGRATIONS[:previous])
        m.setattr(backend, "SCHEMA_VERSION", previous)
        store = create_store(path)
        assert store.schema_version == previous
        stamp = "2026-01-02T03:04:05.000006Z"
        with store.atomic():
            conn = store._conn
            (pk,) = conn.execute(
                "INSERT INTO concepts (id, subject, version, created, modified) "
                "VALUES ('senate', 'parliament', 3, ?, ?) RETURNING pk", (stamp, stamp)).fetchone()
            conn.execute(
                "INSERT INTO terms (concept_pk, seq, lang, text, status, type, created, modified) "
                "VALUES (?, 0, 'ru', 'Сенат', 'preferred', 'full', ?, ?)", (pk, stamp, stamp))
            (unit,) = conn.execute(
                "INSERT INTO tm_units (tm, digest, document, position, score, source_lang, created, modified) "
                "VALUES ('speech', 'd1', 'a.txt', 1, 0.9, 'en', ?, ?) RETURNING pk", (stamp, stamp)).fetchone()
            conn.execute("INSERT INTO tm_texts (unit_pk, lang, text) VALUES (?, 'en', 'One.'), (?, 'ru', 'Один.')",
                         (unit, unit))
        store.close()
    with open_store(path) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        got = upgraded.concepts.get("senate")
        assert (got.subject, got.version, [t.text for t in got.terms]) == ("parliament", 3, ["Сенат"])
        assert got.created.isoformat() == "2026-01-02T03:04:05.000006+00:00"
        # rows written before an index came are indexed by the upgrade (later ones were written with
        # their index rows, which the raw inserts above leave out)
        if previous < 8:
            assert [e.concept_id for e in upgraded.terms.by_norm("сенат")] == ["senate"]
        if previous < 4:
            assert upgraded.memories.containing("speech", "ru", ["один"]) == [unit]
        assert upgraded.concepts.add(Concept(None, (Term("en", "Mazhilis"),))).id == "mazhilis"
        # a memory written before memories had versions gets one (a random epoch), moved by a change
        epoch, number = upgraded.memories.version("speech")
        assert number == 1 and len(epoch) == 16
        upgraded.memories.add_units("speech", [TranslationUnit({"en": "Two.", "ru": "Два."})])
        assert upgraded.memories.version("speech") == (epoch, 2)
        assert max(u.id for u in upgraded.memories.iter_units("speech")) > unit
        assert sorted(u.texts["en"] for u in upgraded.memories.iter_units("speech")) == ["One.", "Two."]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_termbase_that_fails_to_open_is_not_left_counted_as_open_here(tmp_path):
    # (a file counted open here never has its header read again: see sqlite._OPEN_FILES)
    from termbase.store.sqlite import _open_here

    path = tmp_path / "t.db"
    create_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(TermbaseError, match="schema version 99 is newer"):
        open_store(path)
    assert not _open_here(str(path))
