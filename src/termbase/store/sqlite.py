"""The SQLite backend: a termbase in one file (its memories: :mod:`termbase.store.memories`).

The journal is WAL; the schema carries its version (``PRAGMA user_version``), upgraded by the numbered
:data:`MIGRATIONS` when an older file is opened, and the file is marked as a termbase
(``PRAGMA application_id``) so that another program's SQLite database is refused, untouched.
Timestamps are stored as fixed-width UTC text (:func:`termbase.models.format_time`). The history keeps
the state of a concept before each change as JSON (:meth:`termbase.models.Concept.to_dict`); the state
after a change is the next change's state before, or the stored concept, so creating a concept (an
import into an empty termbase) writes no snapshot.

>>> store = SQLiteStore.create(":memory:")
>>> store.concepts.add(Concept(None, (Term("en", "Senate"), Term("ru", "Сенат")))).id
'senate'
>>> store.concepts.stats()["terms"]
{'en': 1, 'kk': 0, 'ru': 1}
"""

from __future__ import annotations

import contextlib
from collections import Counter
import json
import os
import sqlite3
import sys
import threading
import urllib.parse
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import AlreadyExists, NotFound, ParseError, StoreError, TermbaseError, ValidationError, VersionConflict
from ..fsutil import process_alive
from ..models import (
    ROLES,
    ApiToken,
    Concept,
    ConceptChange,
    Evidence,
    Term,
    concept_id_base,
    format_time,
    parse_time,
    utc_now,
)
from .copying import RowCopy
from .base import (
    DEFAULT_LOCK_TIMEOUT,
    ON_CONFLICT,
    AddCounts,
    ConceptRepository,
    Store,
    TokenRepository,
    match_terms,
)
from .memories import SQLiteMemories
from .sqlite_terms import MIGRATION_SQL as TERM_INDEX_SQL
from .sqlite_terms import SQLiteTermIndex

#: Written into the file header by migration 2 ("TRMB"): this SQLite file is a termbase.
APPLICATION_ID = 0x54524D42

#: Numbered migrations: (version, name, SQL statements separated by ';'). Never edit a released one;
#: append a new one. They run with foreign keys off, so that a table can be rebuilt (SQLite's
#: create-copy-drop-rename procedure) without cascading deletes; each runs in one transaction.
MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "concepts, terms and translation memories",
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE concepts (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            subject TEXT, definition TEXT, note TEXT, source TEXT,
            created TEXT NOT NULL, modified TEXT NOT NULL
        );
        CREATE TABLE terms (
            pk INTEGER PRIMARY KEY,
            concept_pk INTEGER NOT NULL REFERENCES concepts(pk) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            lang TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL,
            type TEXT NOT NULL,
            pos TEXT, note TEXT
        );
        CREATE INDEX terms_concept ON terms(concept_pk, seq);
        CREATE INDEX terms_lang_text ON terms(lang, text);
        CREATE TABLE tm_units (
            pk INTEGER PRIMARY KEY,
            tm TEXT NOT NULL,
            digest TEXT NOT NULL,
            document TEXT, position INTEGER, score REAL,
            source_lang TEXT NOT NULL, context TEXT, note TEXT,
            created TEXT NOT NULL,
            UNIQUE (tm, digest)
        );
        CREATE INDEX tm_units_order ON tm_units(tm, document, position, pk);
        CREATE TABLE tm_texts (
            unit_pk INTEGER NOT NULL REFERENCES tm_units(pk) ON DELETE CASCADE,
            lang TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (unit_pk, lang)
        ) WITHOUT ROWID;
        """,
    ),
    (
        2,
        "stable term and unit ids, timestamps, concept versions, history, data version",
        # Terms and units are rebuilt with AUTOINCREMENT so that an id is never given again after a
        # delete; version 1 timestamps (seconds) get microseconds so that all of them sort as text.
        f"""
        ALTER TABLE concepts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        UPDATE concepts SET created = substr(created, 1, 19) || '.000000Z' WHERE length(created) = 20;
        UPDATE concepts SET modified = substr(modified, 1, 19) || '.000000Z' WHERE length(modified) = 20;
        CREATE TABLE terms_v2 (
            pk INTEGER PRIMARY KEY AUTOINCREMENT,
            concept_pk INTEGER NOT NULL REFERENCES concepts(pk) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            lang TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL,
            type TEXT NOT NULL,
            pos TEXT, note TEXT,
            created TEXT NOT NULL, modified TEXT NOT NULL
        );
        INSERT INTO terms_v2 (pk, concept_pk, seq, lang, text, status, type, pos, note, created, modified)
            SELECT t.pk, t.concept_pk, t.seq, t.lang, t.text, t.status, t.type, t.pos, t.note, c.created, c.created
            FROM terms t JOIN concepts c ON c.pk = t.concept_pk;
        DROP TABLE terms;
        ALTER TABLE terms_v2 RENAME TO terms;
        CREATE INDEX terms_concept ON terms(concept_pk, seq);
        CREATE INDEX terms_lang_text ON terms(lang, text);
        CREATE TABLE tm_units_v2 (
            pk INTEGER PRIMARY KEY AUTOINCREMENT,
            tm TEXT NOT NULL,
            digest TEXT NOT NULL,
            document TEXT, position INTEGER, score REAL,
            source_lang TEXT NOT NULL, context TEXT, note TEXT,
            created TEXT NOT NULL, modified TEXT NOT NULL,
            UNIQUE (tm, digest)
        );
        INSERT INTO tm_units_v2 (pk, tm, digest, document, position, score, source_lang, context, note,
                                 created, modified)
            SELECT pk, tm, digest, document, position, score, source_lang, context, note,
                   substr(created, 1, 19) || '.000000Z', substr(created, 1, 19) || '.000000Z'
            FROM tm_units;
        DROP TABLE tm_units;
        ALTER TABLE tm_units_v2 RENAME TO tm_units;
        CREATE INDEX tm_units_order ON tm_units(tm, document, position, pk);
        CREATE TABLE concept_history (
            pk INTEGER PRIMARY KEY AUTOINCREMENT,
            concept_id TEXT NOT NULL,
            action TEXT NOT NULL,
            changed TEXT NOT NULL,
            version INTEGER NOT NULL,
            actor TEXT,
            state_before TEXT
        );
        CREATE INDEX concept_history_concept ON concept_history(concept_id, pk);
        CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO counters (name, value) VALUES ('concepts', 0);
        PRAGMA application_id = {APPLICATION_ID}
        """,
    ),
    (
        3,
        "evidence of mined terms: the memory units that show them",
        """
        CREATE TABLE concept_evidence (
            concept_pk INTEGER NOT NULL REFERENCES concepts(pk) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            lang TEXT NOT NULL,
            term TEXT NOT NULL,
            memory TEXT,
            unit_id TEXT,
            source_text TEXT,
            target_text TEXT
        );
        CREATE INDEX concept_evidence_concept ON concept_evidence(concept_pk, seq)
        """,
    ),
    (
        4,
        "full-text index of memory units by match keys",
        # One row per unit text, rowid = unit pk * 4 + language number, its words' match keys as
        # tokens (filled by Python: SQL cannot make match keys; see SQLiteMemories.reindex); tm_df
        # counts the texts holding each token (only added to: a count that is too high after a
        # delete only makes a word look commoner when choosing which words to look up).
        """
        CREATE VIRTUAL TABLE tm_index USING fts5(keys, tm UNINDEXED, lang UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 0', detail = none);
        CREATE TABLE tm_df (token TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID
        """,
    ),
    (
        5,
        "the jurisdiction of a concept (scope)",
        "ALTER TABLE concepts ADD COLUMN scope TEXT",
    ),
    (
        6,
        "API tokens of the termbase server",
        # The SHA-256 digest of a token's secret, never the secret; one live token per name.
        """
        CREATE TABLE api_tokens (
            pk INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            digest TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            revoked TEXT
        );
        CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens(name) WHERE revoked IS NULL
        """,
    ),
    (
        7,
        "recorded edits and removals of memory units",
        # A unit's texts before and after (JSON), who made the change and when; kept after the unit goes.
        """
        CREATE TABLE tm_unit_changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            unit_pk INTEGER NOT NULL,
            tm TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT,
            actor TEXT,
            time TEXT NOT NULL
        );
        CREATE INDEX tm_unit_changes_unit ON tm_unit_changes(unit_pk, seq)
        """,
    ),
    (
        8,
        "term index: normalised texts, match keys and trigrams of the terms",
        TERM_INDEX_SQL,
    ),    # PostgreSQL's term index came as its migration 9: nothing to do here, the number keeps both
    # backends at one schema version (termbase.store.copying copies between equal ones).
    (9, "the term index on PostgreSQL (nothing to change in SQLite)", "SELECT 1"),
    (
        10,
        "a version per memory, moved by every change of its units",
        # What a server's kept mining index of a memory is valid for (SQLiteMemories.version): the
        # version grows with every transaction that changes the memory's units; the epoch, random,
        # is made with the row, so that another termbase file put in this one's place (init --force)
        # never shows an old (memory, version) again.
        """
        CREATE TABLE tm_versions (tm TEXT PRIMARY KEY, version INTEGER NOT NULL, epoch TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO tm_versions (tm, version, epoch)
            SELECT tm, 1, lower(hex(randomblob(8))) FROM (SELECT DISTINCT tm FROM tm_units)
        """,
    ),
]
# Python steps of a migration, run in its transaction after its SQL.
_MIGRATION_STEPS = {4: lambda store: store.memories.reindex(), 8: lambda store: store.terms.reindex()}
SCHEMA_VERSION = MIGRATIONS[-1][0]

_CONCEPT_COLUMNS = "pk, id, subject, definition, note, source, version, created, modified, scope"
#: The data version and the tokens version (no row before the first token) in one query.
_VERSIONS = "SELECT name, value FROM counters WHERE name IN ('concepts', 'tokens')"
#: Every token made or revoked moves the tokens version, in the same transaction.
_BUMP_TOKENS = ("INSERT INTO counters (name, value) VALUES ('tokens', 1) "
                "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1")


class SharedStore:
    """What the stores of both backends share, the SQL being the same on both: the location and
    read-only flag, the data and tokens versions read from the ``counters`` table, and :meth:`atomic`
    (a transaction, a savepoint when nested). A backend gives ``_location``, ``_read_only``, ``_conn``,
    ``_lock``, ``_depth``, ``_errors``, ``_store_error``, the driver's exception class
    (``_DB_ERROR``), and how a transaction begins, commits and is undone (``_begin``, ``_commit``,
    ``_undo``)."""

    _DB_ERROR: type[Exception] = sqlite3.Error
    _SCHEMA_VERSION = SCHEMA_VERSION  # the backend's (both number their migrations alike)

    @property
    def location(self) -> str:
        return self._location

    @property
    def read_only(self) -> bool:
        return self._read_only

    def read_query(self, sql: str, *, batch: int = 5000, name: str = "termbase_read") -> Iterator[list[tuple]]:
        """The rows of a query (no parameters), ``batch`` at a time (not all held at once), in the
        transaction the caller may be writing in; ``name`` names the cursor where the backend's have names."""
        cursor = self._conn.execute(sql)
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield [tuple(r) for r in rows]

    def data_version(self) -> int:
        with self._errors():
            return self._conn.execute("SELECT value FROM counters WHERE name = 'concepts'").fetchone()[0]

    def versions(self) -> tuple[int, int]:
        with self._errors():
            found = dict(self._conn.execute(_VERSIONS).fetchall())
        return found["concepts"], found.get("tokens", 0)

    def tokens_version(self) -> int:
        return self.versions()[1]

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        with self._lock:
            depth = self._depth
            savepoint = f"termbase_{depth}"
            if depth == 0:
                self._begin()
            else:
                with self._errors():
                    self._conn.execute(f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield
            except BaseException as exc:
                self._depth -= 1
                self._undo(depth, savepoint)
                if isinstance(exc, self._DB_ERROR):
                    raise self._store_error(exc) from exc
                raise
            self._depth -= 1
            try:
                if depth > 0:
                    self._conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                    return
                self._commit()
            except self._DB_ERROR as exc:
                self._undo(depth, savepoint)
                raise self._store_error(exc) from exc

    #: What begins a read transaction that sees one state of the database (SQLite: a snapshot of the WAL).
    _SNAPSHOT = "BEGIN"

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        with self._lock:
            if self._depth > 0 or self._conn.in_transaction:
                yield
                return
            with self._errors():
                self._conn.execute(self._SNAPSHOT)
                self._reading(True)
            try:
                yield
            finally:
                self._reading(False)
                with contextlib.suppress(self._DB_ERROR):
                    self._conn.execute("COMMIT")

    def _reading(self, snapshot: bool) -> None:
        """Told when a snapshot's read transaction begins and ends (SQLite's connection knows itself)."""

    def _refuse_newer(self, version: int) -> None:
        """A termbase of a newer schema than this termbase knows is an error (never touched)."""
        if version > self._SCHEMA_VERSION:
            raise TermbaseError(
                f"{self._location}: schema version {version} is newer than this termbase ({self._SCHEMA_VERSION}); "
                "upgrade termbase"
            )


class SQLiteStore(RowCopy, SharedStore, Store):
    """A termbase file. Open with :meth:`open` or :meth:`create` (or :func:`termbase.store.open_store`)."""

    def __init__(self, conn: sqlite3.Connection, location: str, *, read_only: bool = False,
                 lock_timeout: float = DEFAULT_LOCK_TIMEOUT):
        self._conn = conn
        self._location = location
        self._read_only = read_only
        self._lock_timeout = lock_timeout
        self._identity = _file_identity(location)  # to notice the file replaced under an open store
        self._registered = self._identity  # counted in _OPEN_FILES until closed
        _opened(self._registered, +1)
        self._lock = threading.RLock()
        self._depth = 0
        self._concepts_changed = False  # in the current transaction: bump the data version on commit
        self._memories_changed = False  # (the PostgreSQL store's memory version; SQLite has data_version)
        self.concepts = SQLiteConcepts(self)
        self.memories = SQLiteMemories(self)
        self.tokens = SQLiteTokens(self)
        self.terms = SQLiteTermIndex(self)

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool | None = None,
             lock_timeout: float | None = None) -> "SQLiteStore":
        """Open a termbase file, upgrading its schema if it is older. :class:`NotFound` if it is missing,
        :class:`ParseError` if it is not a termbase (another program's database is left untouched).

        ``read_only``: open without writing anything (default: when the file or its folder cannot be
        written); a schema that needs upgrading is then an error. ``lock_timeout``: how many seconds a
        write waits for another process's write (default :data:`DEFAULT_LOCK_TIMEOUT`)."""
        location = str(path)
        timeout = DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
        if location != ":memory:":
            if not Path(location).exists():
                raise NotFound(f"no termbase at {location}", needs="termbase")
            if not _open_here(location):  # see _OPEN_FILES: never open() a file SQLite has open here
                _check_header(Path(location))
            if read_only is None:
                read_only = not _writable(Path(location))
        read_only = bool(read_only) and location != ":memory:"
        conn = _connect(location, read_only=read_only, timeout=timeout)
        store = None
        try:
            with _not_a_termbase(location, timeout):
                _check_termbase(conn, location)
                _configure(conn, read_only=read_only)
            store = cls(conn, location, read_only=read_only, lock_timeout=timeout)
            if not read_only:
                store._holder.clear_stale()
            with store._errors():
                store._migrate()
        except BaseException:
            _close(conn, store)
            raise
        return store

    @classmethod
    def create(cls, path: str | Path, *, lock_timeout: float | None = None) -> "SQLiteStore":
        """Create an empty termbase file (and its folder); an existing file is an error."""
        location = str(path)
        timeout = DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
        if location != ":memory:":
            if Path(location).exists():
                raise TermbaseError(f"{location} already exists")
            try:
                Path(location).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{location}: cannot create its folder: {exc.strerror}") from exc
        conn = _connect(location, timeout=timeout)
        store = None
        try:
            store = cls(conn, location, lock_timeout=timeout)
            with store._errors():
                _configure(conn)
                store._migrate()
        except BaseException:
            _close(conn, store)
            raise
        return store

    @classmethod
    @contextlib.contextmanager
    def build(cls, path: str | Path, *, replace: bool = False, lock_timeout: float | None = None,
              check: Callable[[Store], None] | None = None) -> Iterator["SQLiteStore"]:
        """A new, empty termbase file for the block to fill; it appears at ``path`` only when the block
        succeeds (built beside it and renamed), so a failure never leaves half a termbase behind.
        An existing file is an error (``needs="force"``) unless ``replace``.

        When it replaces a termbase, the old one is locked for writing first (waiting, like any write,
        for a running import to end) and stays locked until it is replaced, so that no write to it is
        lost; ``check`` is then called with the old store, under that lock, and may raise to keep it.
        Processes that still have the old file open get an error at their next write."""
        location = str(path)
        if location == ":memory:":
            store = cls.create(location)
            try:
                yield store
            finally:
                store.close()
            return
        target = Path(location)
        if target.exists() and not replace:
            raise TermbaseError(f"{location} already exists", needs="force")
        if target.is_dir():
            raise StoreError(f"{location}: is a folder, not a termbase file")
        with contextlib.ExitStack() as stack:
            old = None
            if target.exists():
                try:
                    old = stack.enter_context(cls.open(target, lock_timeout=lock_timeout))
                except ParseError:
                    if check is not None:  # nothing to lock in a file that is not a termbase
                        raise
            if old is not None:
                if old.read_only:
                    raise StoreError(f"{location}: cannot be replaced: the file or its folder is read-only")
                stack.enter_context(old.atomic())  # the write lock, held until the new file is in place
                if check is not None:
                    check(old)
            tmp = target.with_name(target.name + ".new")
            _remove_files(tmp)
            store = cls.create(tmp, lock_timeout=lock_timeout)
            try:
                yield store
                with store._errors():
                    store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except BaseException:
                store.close()
                _remove_files(tmp)
                raise
            store.close()
            # The old file's WAL and shared memory go first (a new file must never meet an old WAL);
            # connections that have them open keep their handles and fail at their next write.
            _remove_files(target, main=False)
            tmp.replace(target)
            _remove_files(tmp)

    @property
    def schema_version(self) -> int:
        with self._errors():
            return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self._conn.close()
        _opened(self._registered, -1)
        self._registered = None

    def _migrate(self) -> None:
        version = self.schema_version
        self._refuse_newer(version)
        if version == SCHEMA_VERSION:
            return
        if self._read_only:
            raise StoreError(
                f"{self._location}: this termbase has schema version {version} and needs upgrading to "
                f"{SCHEMA_VERSION}, but it is read-only here; open it once where it can be written"
            )
        # Foreign keys can only be switched outside a transaction.
        self._conn.execute("PRAGMA foreign_keys = OFF")
        try:
            for number, name, sql in MIGRATIONS:
                if number <= version:
                    continue
                with self.atomic():
                    # Another process may have migrated while this one waited for the write lock.
                    if self._conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                        continue
                    for statement in _split_sql(sql):
                        self._conn.execute(statement)
                    if number in _MIGRATION_STEPS:
                        _MIGRATION_STEPS[number](self)
                    self._conn.execute(f"PRAGMA user_version = {number}")
                    self._conn.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (f"migration.{number}", name)
                    )
                    if self._conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                        raise StoreError(f"{self._location}: migration {number} broke a reference; nothing changed")
        finally:
            self._conn.execute("PRAGMA foreign_keys = ON")

    # ------------------------------------------------------------------ transactions (atomic: SharedStore)
    def _commit(self) -> None:
        if self._concepts_changed:
            self._conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'concepts'")
        self._holder.release()
        self._conn.execute("COMMIT")

    def _begin(self) -> None:
        """Start a write transaction: wait for the write lock (at most ``lock_timeout``), check that the
        file is still the one opened, and say who holds the lock (for the others' error messages)."""
        if self._read_only:
            raise StoreError(f"{self._location}: the termbase is read-only here (the file or its folder cannot "
                             "be written); nothing changed")
        with self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
        if self._identity is not None and _file_identity(self._location) != self._identity:
            self._conn.execute("ROLLBACK")
            raise StoreError(f"{self._location}: the termbase was replaced or removed (termbase init --force?) "
                             "while this command ran; nothing written to it")
        self._concepts_changed = self._memories_changed = False
        self._holder.take()

    @property
    def _holder(self) -> "_LockHolder":
        holder = getattr(self, "_holder_record", None)
        if holder is None:
            holder = self._holder_record = _LockHolder(None if self._location == ":memory:" else self._location)
        return holder

    def _undo(self, depth: int, savepoint: str) -> None:
        if depth == 0:
            self._holder.release()
        if not self._conn.in_transaction:  # SQLite already rolled back (e.g. disk full)
            return
        if depth == 0:
            self._conn.execute("ROLLBACK")
        else:
            self._conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
            self._conn.execute(f"RELEASE SAVEPOINT {savepoint}")

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """Database failures as :class:`StoreError` (callers never see sqlite3's exceptions)."""
        try:
            yield
        except sqlite3.Error as exc:
            raise self._store_error(exc) from exc

    def _store_error(self, exc: sqlite3.Error) -> StoreError:
        return _store_error(self._location, exc, self._lock_timeout)

    # ------------------------------------------------------------------ copying (termbase copy)
    def _tables(self) -> list[str]:
        # tm_index is a virtual (FTS5) table with shadow tables of its own: derived, never copied
        return [r[0] for r in self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'tm_index%' ORDER BY name")]

    def _columns(self, table: str) -> list[str]:
        return [r[1] for r in self._conn.execute(f"PRAGMA table_info({table})")]

    def id_counters(self) -> dict[str, int]:
        with self._errors():
            return dict(self._conn.execute("SELECT name, seq FROM sqlite_sequence"))

    def set_id_counters(self, counters: dict[str, int]) -> None:
        with self.atomic():
            for table, n in counters.items():
                if table not in self._tables():
                    continue
                self._conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (n, table))
                if self._conn.execute("SELECT changes()").fetchone()[0] == 0:
                    self._conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, n))



class SQLiteConcepts(ConceptRepository):
    def __init__(self, store: SQLiteStore):
        self._store = store
        self._conn = store._conn
        # Concepts created by add_many whose terms are not indexed yet (indexed in batches).
        self._unindexed: list[int] | None = None

    def _term_index(self):
        """The store's term index, or None for a store that keeps none (both backends keep one now;
        the PostgreSQL store shares this repository's code)."""
        return getattr(self._store, "terms", None)

    def _index_pending(self) -> None:
        if self._unindexed:
            if self._term_index() is not None:
                self._store.terms.add_terms(self._unindexed)
            self._unindexed = []

    # ------------------------------------------------------------------ writing
    def add(self, concept: Concept, *, actor: str | None = None) -> Concept:
        concept.validate()
        with self._store.atomic():
            if concept.id is not None and self._row(concept.id) is not None:
                raise AlreadyExists(concept.id)
            return self._load(self._full_row(self._create(concept, utc_now(), actor)))

    def add_many(
        self, concepts: Iterable[Concept], *, on_conflict: str = "error", actor: str | None = None
    ) -> AddCounts:
        if on_conflict not in ON_CONFLICT:
            raise ValueError(f"on_conflict must be one of {', '.join(ON_CONFLICT)}, not {on_conflict!r}")
        added = replaced = unchanged = skipped = 0
        now = utc_now()
        with self._store.atomic():
            self._unindexed = []
            try:
                for concept in concepts:
                    concept.validate()
                    row = self._row(concept.id) if concept.id is not None else None
                    if row is None:
                        self._create(concept, now, actor)
                        added += 1
                        if len(self._unindexed) >= 5000:
                            self._index_pending()
                    elif on_conflict == "skip":
                        skipped += 1
                    elif on_conflict == "error":
                        raise AlreadyExists(concept.id)
                    elif self._change(row, concept, now, actor):
                        replaced += 1
                    else:
                        unchanged += 1
                self._index_pending()
            finally:
                self._unindexed = None
        return AddCounts(added=added, replaced=replaced, unchanged=unchanged, skipped=skipped)

    def update(
        self, concept: Concept, *, expected_version: int | None = None, actor: str | None = None
    ) -> Concept:
        if concept.id is None:
            raise ValidationError("a concept to update needs its id")
        concept.validate()
        with self._store.atomic():
            row = self._existing(concept.id, expected_version)
            self._change(row, concept, utc_now(), actor)
            return self._load(self._full_row(concept.id))

    def remove(self, concept_id: str, *, expected_version: int | None = None, actor: str | None = None) -> None:
        with self._store.atomic():
            row = self._existing(concept_id, expected_version)
            before = self._load(row)
            if self._term_index() is not None:
                self._store.terms.remove_terms([row[0]])
            self._conn.execute("DELETE FROM concepts WHERE pk = ?", (row[0],))
            self._log("delete", before, before.version, utc_now(), actor)

    def _existing(self, concept_id: str, expected_version: int | None) -> tuple:
        row = self._full_row(concept_id)
        if row is None:
            raise NotFound(f"no concept {concept_id!r} in {self._store.location}")
        if expected_version is not None and row[6] != expected_version:
            raise VersionConflict(concept_id, expected=expected_version, current=row[6])
        return row

    def _create(self, concept: Concept, now: datetime, actor: str | None) -> str:
        """Insert a concept whose id is free (or None: one is made); its id."""
        cid = concept.id if concept.id is not None else self._new_id(concept)
        stamp = format_time(now)
        # An id used again after a delete continues its versions (an old ETag never matches).
        pk, version = self._conn.execute(
            "INSERT INTO concepts (id, subject, definition, note, source, scope, version, created, modified) "
            "VALUES (?, ?, ?, ?, ?, ?, 1 + (SELECT coalesce(max(version), 0) FROM concept_history WHERE concept_id = ?), "
            "?, ?) RETURNING pk, version",
            (cid, concept.subject, concept.definition, concept.note, concept.source, concept.scope, cid, stamp, stamp),
        ).fetchone()
        self._conn.executemany(
            _INSERT_TERM, [_term_row(pk, seq, t, stamp) for seq, t in enumerate(concept.terms)]
        )
        self._write_evidence(pk, concept.evidence)
        if self._unindexed is None:
            if self._term_index() is not None:
                self._store.terms.add_terms([pk])
        else:
            self._unindexed.append(pk)
        self._log_as(cid, "create", None, version, stamp, actor)
        return cid

    def _change(self, row: tuple, concept: Concept, now: datetime, actor: str | None) -> bool:
        """Make the stored concept of ``row`` equal ``concept`` in place; whether anything changed."""
        old = self._load(row)
        if old == concept:
            return False
        stamp = format_time(now)
        plan = match_terms(old.terms, concept.terms, concept_id=old.id)
        # The index holds each term's language and text (the rest is read from the terms).
        reindex = self._term_index() is not None and (
            [(t.lang, t.text) for t in old.terms] != [(t.lang, t.text) for t in concept.terms])
        if reindex:
            self._index_pending()  # (a concept created earlier in this add_many)
            self._store.terms.remove_terms([row[0]])
        kept = {m.id for m in plan if m is not None}
        gone = [(t.id,) for t in old.terms if t.id not in kept]
        if gone:
            self._conn.executemany("DELETE FROM terms WHERE pk = ?", gone)
        position = {t.id: seq for seq, t in enumerate(old.terms)}
        added = []
        for seq, (t, m) in enumerate(zip(concept.terms, plan)):
            if m is None:
                added.append(_term_row(row[0], seq, t, stamp))
            elif m != t:
                self._conn.execute(
                    "UPDATE terms SET seq = ?, lang = ?, text = ?, status = ?, type = ?, pos = ?, note = ?, "
                    "modified = ? WHERE pk = ?",
                    (seq, t.lang, t.text, t.status, t.type, t.pos, t.note, stamp, m.id),
                )
            elif position[m.id] != seq:
                self._conn.execute("UPDATE terms SET seq = ? WHERE pk = ?", (seq, m.id))
        if added:
            self._conn.executemany(_INSERT_TERM, added)
        if reindex:
            self._store.terms.add_terms([row[0]])
        if old.evidence != concept.evidence:
            self._conn.execute("DELETE FROM concept_evidence WHERE concept_pk = ?", (row[0],))
            self._write_evidence(row[0], concept.evidence)
        self._conn.execute(
            "UPDATE concepts SET subject = ?, definition = ?, note = ?, source = ?, scope = ?, version = ?, "
            "modified = ? WHERE pk = ?",
            (concept.subject, concept.definition, concept.note, concept.source, concept.scope, old.version + 1,
             stamp, row[0]),
        )
        self._log("update", old, old.version + 1, now, actor)
        return True

    def _write_evidence(self, concept_pk: int, evidence) -> None:
        if evidence:
            self._conn.executemany(
                "INSERT INTO concept_evidence (concept_pk, seq, lang, term, memory, unit_id, source_text, target_text) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(concept_pk, seq, e.lang, e.term, e.memory, None if e.unit_id is None else str(e.unit_id),
                  e.source, e.target) for seq, e in enumerate(evidence)],
            )

    def _log(self, action: str, before: Concept, version: int, now: datetime, actor: str | None) -> None:
        self._log_as(before.id, action, _JSON.encode(before.to_dict()), version, format_time(now), actor)

    def _log_as(
        self, concept_id: str, action: str, before: str | None, version: int, stamp: str, actor: str | None
    ) -> None:
        # Only the state before a change is kept: the state after it is the next change's state
        # before, or the stored concept (see history()).
        self._conn.execute(
            "INSERT INTO concept_history (concept_id, action, changed, version, actor, state_before) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (concept_id, action, stamp, version, actor, before),
        )
        self._store._concepts_changed = True

    def _new_id(self, concept: Concept) -> str:
        base = concept_id_base(concept)
        cid, n = base, 1
        while self._row(cid) is not None:
            n += 1
            cid = f"{base}-{n}"
        return cid

    # ------------------------------------------------------------------ reading
    def _row(self, concept_id: str) -> tuple | None:
        return self._conn.execute(
            f"SELECT {_CONCEPT_COLUMNS} FROM concepts WHERE id = ?", (concept_id,)
        ).fetchone()

    def _full_row(self, concept_id: str) -> tuple | None:
        """The concept's row as :meth:`_load` reads it whole (a backend where a query is a round trip
        brings its terms and evidence with it)."""
        return self._row(concept_id)

    def _load(self, row: tuple) -> Concept:
        return _concept(row, self._terms_of([row[0]])[row[0]], self._evidence_of([row[0]])[row[0]])

    def get(self, concept_id: str) -> Concept:
        with self._store._errors():
            row = self._full_row(concept_id)
            if row is None:
                raise NotFound(f"no concept {concept_id!r} in {self._store.location}")
            return self._load(row)

    def select(self, *, status: str | None = None, lang: str | None = None, missing: bool = False,
               subject: str | None = None, changed_since: datetime | None = None, newest_first: bool = False,
               limit: int | None = None, offset: int = 0) -> tuple[int, list[Concept]]:
        where, args = [], []
        if lang is not None:
            where.append(("NOT " if missing else "") + "EXISTS (SELECT 1 FROM terms t WHERE t.concept_pk = c.pk AND t.lang = ?)")
            args.append(lang)
        if status is not None:
            in_lang = lang is not None and not missing
            where.append("EXISTS (SELECT 1 FROM terms t WHERE t.concept_pk = c.pk AND t.status = ?"
                         + (" AND t.lang = ?)" if in_lang else ")"))
            args += [status, lang] if in_lang else [status]
        if subject is not None:
            where.append("coalesce(c.subject, '') = ?")
            args.append(subject)
        if changed_since is not None:
            where.append("c.modified >= ?")
            args.append(format_time(changed_since))
        sql_where = (" WHERE " + " AND ".join(where)) if where else ""
        order = " ORDER BY c.modified DESC, c.id DESC" if newest_first else " ORDER BY c.id"
        with self._store._errors():
            total = self._conn.execute(f"SELECT count(*) FROM concepts c{sql_where}", args).fetchone()[0]
            # (no "LIMIT -1": PostgreSQL runs this SQL too; 2**62 rows is no limit)
            page = " LIMIT ? OFFSET ?" if limit is not None or offset else ""
            page_args = [2**62 if limit is None else limit, offset] if page else []
            rows = self._conn.execute(
                f"SELECT {', '.join('c.' + col for col in _CONCEPT_COLUMNS.split(', '))} FROM concepts c"
                f"{sql_where}{order}{page}", [*args, *page_args]).fetchall()
            terms = self._terms_of([r[0] for r in rows])
            evidence = self._evidence_of([r[0] for r in rows])
        return total, [_concept(row, terms[row[0]], evidence[row[0]]) for row in rows]

    def iterate(self, *, batch: int = 500) -> Iterator[Concept]:
        last = ""
        while True:
            with self._store._errors():
                rows = self._conn.execute(
                    f"SELECT {_CONCEPT_COLUMNS} FROM concepts WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
                ).fetchall()
                if not rows:
                    return
                terms = self._terms_of([r[0] for r in rows])
                evidence = self._evidence_of([r[0] for r in rows])
            for row in rows:
                yield _concept(row, terms[row[0]], evidence[row[0]])
            last = rows[-1][1]

    def _evidence_of(self, pks: list[int]) -> dict[int, list[Evidence]]:
        out: dict[int, list[Evidence]] = {pk: [] for pk in pks}
        if not pks:  # ("IN ()" is SQLite's only)
            return out
        marks = ",".join("?" * len(pks))
        for cpk, lang, term, memory, unit_id, source, target in self._conn.execute(
            f"SELECT concept_pk, lang, term, memory, unit_id, source_text, target_text FROM concept_evidence "
            f"WHERE concept_pk IN ({marks}) ORDER BY concept_pk, seq",
            pks,
        ):
            out[cpk].append(_evidence(lang, term, memory, unit_id, source, target))
        return out

    def _terms_of(self, pks: list[int]) -> dict[int, list[Term]]:
        out: dict[int, list[Term]] = {pk: [] for pk in pks}
        if not pks:  # ("IN ()" is SQLite's only)
            return out
        marks = ",".join("?" * len(pks))
        for cpk, pk, lang, text, status, typ, pos, note, created, modified in self._conn.execute(
            f"SELECT concept_pk, pk, lang, text, status, type, pos, note, created, modified FROM terms "
            f"WHERE concept_pk IN ({marks}) ORDER BY concept_pk, seq",
            pks,
        ):
            out[cpk].append(_term(pk, lang, text, status, typ, pos, note, created, modified))
        return out

    def count(self) -> int:
        with self._store._errors():
            return self._conn.execute("SELECT count(*) FROM concepts").fetchone()[0]

    def exists(self, concept_id: str) -> bool:
        with self._store._errors():
            return self._row(concept_id) is not None

    def stats(self) -> dict:
        with self._store._errors():
            concepts = self.count()
            complete = self._conn.execute(
                "SELECT count(*) FROM (SELECT concept_pk FROM terms WHERE lang IN ('en', 'kk', 'ru') "
                "GROUP BY concept_pk HAVING count(DISTINCT lang) = 3) AS complete"
            ).fetchone()[0]
            terms = {"en": 0, "kk": 0, "ru": 0}
            for lang, n in self._conn.execute("SELECT lang, count(*) FROM terms GROUP BY lang"):
                terms[lang] = n
        return {"concepts": concepts, "complete_concepts": complete, "terms": terms}

    def history(self, concept_id: str) -> list[ConceptChange]:
        with self._store._errors():
            rows = self._conn.execute(
                "SELECT pk, action, changed, version, actor, state_before FROM concept_history "
                "WHERE concept_id = ? ORDER BY pk",
                (concept_id,),
            ).fetchall()
            row = self._full_row(concept_id)
            current = self._load(row) if row is not None else None
        befores = [None if r[5] is None else Concept.from_dict(json.loads(r[5])) for r in rows]
        afters = befores[1:] + [current]
        return [
            ConceptChange(pk, concept_id, action, parse_time(changed), version, before,
                          None if action == "delete" else after, actor)
            for (pk, action, changed, version, actor, _), before, after in zip(rows, befores, afters)
        ]

    def changes_since(self, mark: int | None) -> tuple[int, list[str]]:
        # One writer at a time: history rows get their AUTOINCREMENT pk in commit order, so the
        # largest pk seen is a mark before which every change is visible. One statement, one snapshot.
        with self._store._errors():
            if mark is None:
                return self._conn.execute("SELECT coalesce(max(pk), 0) FROM concept_history").fetchone()[0], []
            rows = self._conn.execute(
                "SELECT pk, concept_id FROM concept_history WHERE pk > ? ORDER BY pk", (mark,)
            ).fetchall()
        ids = list(dict.fromkeys(cid for _, cid in reversed(rows)))[::-1]
        return (rows[-1][0] if rows else mark), ids


class SQLiteTokens(TokenRepository):
    def __init__(self, store: SQLiteStore):
        self._store = store
        self._conn = store._conn

    def add(self, name: str, role: str, digest: str) -> ApiToken:
        if role not in ROLES:
            raise ValidationError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
        if not name.strip():
            raise ValidationError("a token needs a name (the user it is for)")
        with self._store.atomic():
            if self._conn.execute("SELECT 1 FROM api_tokens WHERE name = ? AND revoked IS NULL", (name,)).fetchone():
                raise ValidationError(f"{name!r} already has a token; revoke it first")
            stamp = format_time(utc_now())
            self._conn.execute("INSERT INTO api_tokens (name, role, digest, created) VALUES (?, ?, ?, ?)",
                               (name, role, digest, stamp))
            self._conn.execute(_BUMP_TOKENS)
        return ApiToken(name, role, parse_time(stamp))

    def find(self, digest: str) -> ApiToken | None:
        with self._store._errors():
            row = self._conn.execute(
                "SELECT name, role, created, revoked FROM api_tokens WHERE digest = ? AND revoked IS NULL", (digest,)
            ).fetchone()
        return None if row is None else _token(row)

    def list(self) -> list[ApiToken]:
        with self._store._errors():
            rows = self._conn.execute("SELECT name, role, created, revoked FROM api_tokens ORDER BY pk").fetchall()
        return [_token(r) for r in rows]

    def revoke(self, name: str) -> ApiToken:
        with self._store.atomic():
            row = self._conn.execute(
                "UPDATE api_tokens SET revoked = ? WHERE name = ? AND revoked IS NULL "
                "RETURNING name, role, created, revoked",
                (format_time(utc_now()), name),
            ).fetchone()
            if row is None:
                raise NotFound(f"{name!r} has no token to revoke")
            self._conn.execute(_BUMP_TOKENS)
        return _token(row)


def _token(row: tuple) -> ApiToken:
    name, role, created, revoked = row
    return ApiToken(name, role, parse_time(created), None if revoked is None else parse_time(revoked))


def _concept(row: tuple, terms: list[Term], evidence: list[Evidence] = ()) -> Concept:
    _pk, cid, subject, definition, note, source, version, created, modified, scope = row[:10]
    return Concept(
        cid, tuple(terms), subject, definition, note, source, version, parse_time(created), parse_time(modified),
        tuple(evidence), scope,
    )


def _term(pk: int, lang: str, text: str, status: str, typ: str | None, pos: str | None, note: str | None,
          created: str, modified: str) -> Term:
    """A term from its stored columns."""
    # Terms written together share a timestamp (parse_time caches), often created == modified.
    c = parse_time(created)
    m = c if modified == created else parse_time(modified)
    return Term(lang, text, status, typ, pos, note, pk, c, m)


def _evidence(lang: str, term: str, memory: str | None, unit_id: str | None, source: str | None,
              target: str | None) -> Evidence:
    """A concept's evidence from its stored columns (a unit id that is a number read as one)."""
    uid = int(unit_id) if unit_id is not None and unit_id.isdigit() else unit_id
    return Evidence(lang, term, memory, uid, source, target)


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_INSERT_TERM = (
    "INSERT INTO terms (concept_pk, seq, lang, text, status, type, pos, note, created, modified) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _term_row(concept_pk: int, seq: int, t: Term, stamp: str) -> tuple:
    return (concept_pk, seq, t.lang, t.text, t.status, t.type, t.pos, t.note, stamp, stamp)


def _connect(location: str, *, read_only: bool = False, timeout: float = DEFAULT_LOCK_TIMEOUT) -> sqlite3.Connection:
    # isolation_level=None: transactions are ours (BEGIN IMMEDIATE / COMMIT in atomic()). ``timeout`` is
    # SQLite's busy timeout: how long a statement waits for another connection's lock.
    try:
        if read_only:
            uri = "file:" + urllib.parse.quote(str(Path(location).resolve())) + "?mode=ro"
            if not Path(f"{location}-wal").exists():
                # No connection is writing it: read the file as it is, without making the WAL and
                # shared-memory files (which the folder may not allow, and which the owner could not
                # write after us).
                uri += "&immutable=1"
            return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=timeout)
        return sqlite3.connect(location, isolation_level=None, check_same_thread=False, timeout=timeout)
    except sqlite3.Error as exc:
        raise StoreError(f"{location}: cannot open: {exc}") from exc


def _close(conn: sqlite3.Connection, store: SQLiteStore | None) -> None:
    """Close what a failed open made: the store (which counts its file open here) or its connection."""
    if store is not None:
        store.close()
    else:
        conn.close()


def _configure(conn: sqlite3.Connection, *, read_only: bool = False) -> None:
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    # The indexes of a large termbase are written at random places: 64 MB of pages kept (when used).
    conn.execute("PRAGMA cache_size = -65536")


def _writable_folder(path: Path) -> bool:
    return os.access(path.parent if str(path.parent) else Path("."), os.W_OK)


def _writable(path: Path) -> bool:
    """Whether this process can write the termbase file and make its WAL beside it."""
    return os.access(path, os.W_OK) and _writable_folder(path)


def _file_identity(location: str) -> tuple[int, int] | None:
    if location == ":memory:":
        return None
    try:
        st = os.stat(location)
    except OSError:
        return (-1, -1)
    return (st.st_dev, st.st_ino)


def _is_busy(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and str(exc).startswith(("database is locked", "database is busy"))


def _store_error(location: str, exc: sqlite3.Error, timeout: float) -> StoreError:
    """``exc`` as a :class:`StoreError`; a lock that did not come free in time says who holds it."""
    if _is_busy(exc):
        holder = _LockHolder(location).describe() if location != ":memory:" else None
        return StoreError(
            f"{location}: the termbase is busy: {holder or 'another program'} holds its write lock; "
            f"waited {timeout:g} s",
            needs="lock_timeout",
        )
    if str(exc).startswith("attempt to write a readonly database"):
        return StoreError(f"{location}: the termbase is read-only here (the file or its folder cannot be written)")
    return StoreError(f"{location}: {exc}")


class _LockHolder:
    """Who holds a termbase's write lock, for the error of a process that waited for it: a small JSON
    file beside the database (``<file>-writer``: command, process id, start time), written when a
    write transaction starts and removed before it ends. A record left by a killed process is ignored
    (its process is gone; SQLite released its lock)."""

    def __init__(self, location: str | None):
        self._path = None if location is None else Path(f"{location}-writer")
        self._mine = False

    def take(self) -> None:
        if self._path is None:
            return
        record = {"pid": os.getpid(), "command": _command_line(), "started": format_time(utc_now())}
        try:
            self._path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            self._mine = True
        except OSError:  # a folder we may not write: the lock works without the record
            self._mine = False

    def release(self) -> None:
        if self._mine and self._path is not None:
            with contextlib.suppress(OSError):
                self._path.unlink()
            self._mine = False

    def clear_stale(self) -> None:
        """Remove a record left by a process that was killed while it wrote."""
        if self._path is not None and self._path.exists() and self.describe() is None:
            with contextlib.suppress(OSError):
                self._path.unlink()

    def describe(self) -> str | None:
        try:
            record = json.loads(self._path.read_text(encoding="utf-8"))
            pid, command, started = int(record["pid"]), str(record["command"]), str(record["started"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if not process_alive(pid):
            return None
        since = started[:19].replace("T", " ")
        return f"'{command}' (process {pid}, writing since {since} UTC)"


def _command_line() -> str:
    """This process's command line, shortened, for the lock holder's record."""
    program = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path("python")
    name = program.parent.name if program.name == "__main__.py" else program.name  # python -m termbase
    words = [name, *sys.argv[1:]]
    import shlex  # (here: only a writer records its command line)

    text = shlex.join(words)
    return text if len(text) <= 200 else text[:199] + "…"


@contextlib.contextmanager
def _not_a_termbase(location: str, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """A file SQLite cannot read as a database is not a termbase; a database it cannot use now
    (locked, unreadable) is a :class:`StoreError`."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        raise _store_error(location, exc, timeout) from exc
    except sqlite3.DatabaseError as exc:
        raise ParseError(location, f"not a termbase (SQLite) file: {exc}") from exc


# POSIX advisory locks belong to a process, and closing ANY descriptor of a file drops all of them.
# Reading a termbase's header with open() while this process has the file open through SQLite (a
# server's pool of stores) would silently drop SQLite's locks; another process would then think it
# alone, checkpoint and delete the WAL at its close, and the stores here would go on reading a stale
# snapshot. So the header is read only of files no store of this process has open.
_OPEN_FILES: Counter = Counter()
_OPEN_FILES_LOCK = threading.Lock()


def _opened(identity: tuple[int, int] | None, delta: int) -> None:
    if identity is None or identity == (-1, -1):
        return
    with _OPEN_FILES_LOCK:
        _OPEN_FILES[identity] += delta
        if _OPEN_FILES[identity] <= 0:
            del _OPEN_FILES[identity]


def _open_here(location: str) -> bool:
    identity = _file_identity(location)
    with _OPEN_FILES_LOCK:
        return identity in _OPEN_FILES


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except IsADirectoryError as exc:
        raise ParseError(path, "is a directory, not a termbase file") from exc
    except OSError as exc:
        raise ParseError(path, f"cannot read: {exc.strerror}") from exc
    if head and head != b"SQLite format 3\x00":
        raise ParseError(path, "not a termbase file (SQLite database expected)")


def _check_termbase(conn: sqlite3.Connection, location: str) -> None:
    """Refuse, before changing anything, an SQLite database that is not a termbase: marked by another
    application, or holding tables without being a version 1 termbase (which had no mark). An empty
    file becomes a termbase; a blank database that is not empty (another program's, with no tables
    yet) is refused like any other."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    if app_id == 0 and not tables and version == 0 and (location == ":memory:" or _empty_file(location)):
        return
    if app_id == 0 and version >= 1 and {"meta", "concepts", "terms", "tm_units", "tm_texts"} <= tables:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(meta)")}
        if {"key", "value"} <= columns and conn.execute("SELECT 1 FROM meta WHERE key = 'migration.1'").fetchone():
            return
    raise ParseError(location, "not a termbase file: an SQLite database of another program (left unchanged)")


def _empty_file(location: str) -> bool:
    try:
        return os.path.getsize(location) == 0
    except OSError:
        return False


def _remove_files(path: Path, *, main: bool = True) -> None:
    """Remove a database file (unless ``main`` is false) and its WAL and shared-memory files."""
    for name in ([str(path)] if main else []) + [f"{path}-wal", f"{path}-shm"] + ([f"{path}-writer"] if main else []):
        Path(name).unlink(missing_ok=True)


def _split_sql(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]
