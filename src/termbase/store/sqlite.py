"""The SQLite backend: a termbase in one file. The only module with SQL.

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
import itertools
from collections import Counter
import json
import math
import os
import re
import sqlite3
import sys
import threading
import urllib.parse
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import AlreadyExists, NotFound, ParseError, StoreError, TermbaseError, ValidationError, VersionConflict
from ..fsutil import process_alive
from ..languages import split_words, word_key
from ..models import (
    ROLES,
    ApiToken,
    Concept,
    ConceptChange,
    Evidence,
    Term,
    TranslationUnit,
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
    MemoryRepository,
    Store,
    TokenRepository,
    match_terms,
    unit_digest,
)
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
            conn.close()
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
        try:
            store = cls(conn, location, lock_timeout=timeout)
            with store._errors():
                _configure(conn)
                store._migrate()
        except BaseException:
            conn.close()
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

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        with self._lock:
            if self._depth > 0 or self._conn.in_transaction:
                yield
                return
            with self._errors():
                self._conn.execute("BEGIN")  # a read transaction: one snapshot of the WAL
            try:
                yield
            finally:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("COMMIT")


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


class SQLiteMemories(MemoryRepository):
    """The memories, and their full-text index (FTS5). A subclass for another backend (PostgreSQL's)
    gives the SQL that differs: the staging tables (``_STAGE*``), ``_write`` and ``_add_df`` (how rows
    and word counts go in), the index's keys column (``_as_keys``, ``_STAGED_KEYS``) and the search
    (``_holding``, ``_best``)."""

    #: Where an import stages its units (see :meth:`_add_staged`): an attached temporary database,
    #: private to the connection, deleted by SQLite when the connection lets it go (or dies).
    _STAGE = "stage"
    _STAGE_OPEN = (
        "ATTACH DATABASE '' AS stage",
        "CREATE TABLE stage.units (n INTEGER PRIMARY KEY, digest TEXT NOT NULL UNIQUE, document TEXT, "
        "position INTEGER, score REAL, source_lang TEXT NOT NULL, context TEXT, note TEXT)",
        "CREATE TABLE stage.texts (digest TEXT NOT NULL, lang TEXT NOT NULL, number INTEGER NOT NULL, "
        "text TEXT NOT NULL, keys TEXT NOT NULL)",
    )
    _STAGE_DF = "CREATE TABLE IF NOT EXISTS stage.df (token TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID"
    # a unit's texts in the order of their index rowids (unit pk * 4 + language number)
    _STAGE_INDEX = "CREATE INDEX stage.texts_digest ON texts (digest, number)"
    _STAGE_CLOSE = "DETACH DATABASE stage"
    #: The index's keys column from a staged text's keys (space-separated tokens) and from Python's.
    _STAGED_KEYS = "t.keys"
    _as_keys = staticmethod(str)

    def __init__(self, store: SQLiteStore):
        self._store = store
        self._conn = store._conn
        self._kept: dict[tuple[str, int], object] = {}  # (token, language number) -> unit ids, see _postings
        self._kept_stamp: tuple = ()
        self._kept_size = 0
        self._facts: dict[str, object] = {}  # what else holds until the termbase changes (_only_memory)
        self._kept_lock = threading.Lock()

    def _write(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Insert ``rows`` into ``table``."""
        self._conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                               rows)

    def _add_df(self, df: dict[str, int], table: str = "tm_df") -> None:
        """Add document frequencies (token -> texts; negative: taken off) to ``table``."""
        self._conn.executemany(
            f"INSERT INTO {table} (token, n) VALUES (?, ?) ON CONFLICT (token) DO UPDATE SET n = n + excluded.n",
            list(df.items()),
        )

    def add_units(self, memory: str, units: Iterable[TranslationUnit], *, batch: int = 2000) -> tuple[int, int]:
        stamp = format_time(utc_now())
        if self._store._depth == 0 and not self._store.read_only:
            return self._add_staged(memory, units, batch, stamp)
        added = skipped = 0
        with self._store.atomic():
            pending: list[TranslationUnit] = []
            for unit in units:
                pending.append(unit)
                if len(pending) >= batch:
                    a, s = self._insert(memory, pending, stamp)
                    added, skipped, pending = added + a, skipped + s, []
            a, s = self._insert(memory, pending, stamp)
        return added + a, skipped + s

    def _add_staged(self, memory: str, units: Iterable[TranslationUnit], batch: int, stamp: str) -> tuple[int, int]:
        """``add_units`` outside a caller's transaction: the slow part (reading the units, their
        digests and index keys) goes to private staging tables (:data:`_STAGE`) without holding the
        write lock; then one short transaction copies what is new into the memory. Other writers wait
        only for that copy."""
        conn, stage = self._conn, self._STAGE
        with self._store._lock, self._store._errors():
            for statement in self._STAGE_OPEN:
                conn.execute(statement)
        try:
            skipped = 0
            # the document frequencies of the staged texts' tokens, counted while staging: in memory up
            # to _DF_PART tokens, then added to the staged df (a new number in every unit of a numbered
            # memory would otherwise be held at once)
            df: Counter = Counter()
            spilled = False
            pending: list[TranslationUnit] = []
            for unit in units:
                pending.append(unit)
                if len(pending) >= batch:
                    skipped += self._stage(pending, df)
                    pending = []
                    if len(df) >= _DF_PART:
                        self._spill_df(df)
                        spilled = True
            skipped += self._stage(pending, df)
            if spilled:
                self._spill_df(df)
            with self._store._lock, self._store._errors():
                conn.execute(self._STAGE_INDEX)
            with self._store.atomic():
                # staged units the memory holds already: not added, their tokens not counted
                known = (f"FROM {stage}.units s CROSS JOIN {stage}.texts t WHERE t.digest = s.digest AND EXISTS "
                         "(SELECT 1 FROM tm_units u WHERE u.tm = ? AND u.digest = s.digest)")
                gone: Counter = Counter()
                for (keys,) in conn.execute(f"SELECT t.keys {known}", (memory,)):
                    (gone if spilled else df).subtract(set(keys.split()))
                    if len(gone) >= _DF_PART:
                        self._add_df(gone, f"{stage}.df")
                        gone.clear()
                if gone:
                    self._add_df(gone, f"{stage}.df")
                skipped += conn.execute(
                    f"DELETE FROM {stage}.units WHERE EXISTS (SELECT 1 FROM tm_units u WHERE u.tm = ? "
                    f"AND u.digest = {stage}.units.digest)", (memory,)
                ).rowcount
                before = conn.execute("SELECT max(pk) FROM tm_units").fetchone()[0] or 0  # about the units there
                added = conn.execute(
                    "INSERT INTO tm_units (tm, digest, document, position, score, source_lang, context, note, "
                    "created, modified) SELECT ?, digest, document, position, score, source_lang, context, note, ?, ? "
                    f"FROM {stage}.units ORDER BY n",
                    (memory, stamp, stamp),
                ).rowcount
                if added:
                    # in this order (CROSS JOIN fixes it in SQLite): each staged unit, its stored row by
                    # the (tm, digest) index, its texts by the staging index; ORDER BY makes SQLite read
                    # the staged units in their order (not by the digest index), so that the texts
                    # come in the order of their rowids: FTS5 writes out what it holds whenever a
                    # rowid is lower than the one before (3x the time of an import in order)
                    new = (f"FROM {stage}.units s CROSS JOIN tm_units u CROSS JOIN {stage}.texts t "
                           "WHERE u.tm = ? AND u.digest = s.digest AND t.digest = s.digest ORDER BY s.n, t.number")
                    conn.execute(f"INSERT INTO tm_texts (unit_pk, lang, text) SELECT u.pk, t.lang, t.text {new}",
                                 (memory,))
                    conn.execute(f"INSERT INTO tm_index (rowid, keys, tm, lang) "
                                 f"SELECT u.pk * 4 + t.number, {self._STAGED_KEYS}, u.tm, t.lang {new}", (memory,))
                    self._imported(added, before)
                    self._store._memories_changed = True
                    if spilled:
                        conn.execute(f"INSERT INTO tm_df (token, n) SELECT token, n FROM {stage}.df WHERE n > 0 "
                                     "ON CONFLICT (token) DO UPDATE SET n = tm_df.n + excluded.n")
                    else:
                        self._add_df({token: n for token, n in df.items() if n > 0})
        finally:
            with self._store._lock, contextlib.suppress(self._store._DB_ERROR):
                conn.execute(self._STAGE_CLOSE)
        return added, skipped

    def _imported(self, added: int, before: int) -> None:
        """After an import of ``added`` units into an index of about ``before``: when the index at least
        doubled, its segments are merged into one, so that a posting list is read in one piece (half
        the time a posting at 1M units; 2 s of CPU there, and imports that each double the index cost
        at most twice the last one)."""
        if added >= before:
            self._conn.execute("INSERT INTO tm_index (tm_index) VALUES ('optimize')")

    @contextlib.contextmanager
    def _staging(self) -> Iterator[None]:
        """A transaction of the staging tables only (no lock on the termbase)."""
        with self._store._lock, self._store._errors():
            self._conn.execute("BEGIN")
            try:
                yield
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def _stage(self, units: list[TranslationUnit], df: Counter) -> int:
        """Put a batch into the staging tables: its new units, with their texts' index keys, and
        count in ``df`` the texts holding each token; how many were already there (the same texts
        twice in the input)."""
        rows, skipped = _by_digest(units)
        if not rows:
            return skipped
        with self._store._lock, self._store._errors():
            marks = ", ".join("?" * len(rows))
            for (digest,) in self._conn.execute(f"SELECT digest FROM {self._STAGE}.units WHERE digest IN ({marks})",
                                                list(rows)).fetchall():
                del rows[digest]
                skipped += 1
        texts = [(d, lang, _LANG_NUMBER.get(lang, 0), text, index_keys(text, lang))
                 for d, (_u, unit_texts) in rows.items() for lang, text in unit_texts.items()]
        for _d, _lang, _number, _text, keys in texts:
            df.update(set(keys.split()))
        with self._staging():
            self._write(f"{self._STAGE}.units", ("digest", "document", "position", "score", "source_lang", "context",
                                                 "note"),
                        [(d, u.document, u.position, u.score, u.source_lang, u.context, u.note)
                         for d, (u, _t) in rows.items()])
            self._write(f"{self._STAGE}.texts", ("digest", "lang", "number", "text", "keys"), texts)
        return skipped

    def _spill_df(self, df: Counter) -> None:
        """Add the counts of ``df`` to the staged ``df`` table and empty it."""
        with self._store._lock, self._store._errors():
            self._conn.execute(self._STAGE_DF)
        with self._staging():
            self._add_df(df, f"{self._STAGE}.df")
        df.clear()

    def _unseen(self, memory: str, units: list[TranslationUnit]) -> tuple[dict, int]:
        """The units with text that ``memory`` does not hold, by digest (see :func:`_by_digest`), and
        how many were left out (repeated, or held)."""
        rows, skipped = _by_digest(units)
        for digest in self._digests(memory, list(rows)):
            del rows[digest]
            skipped += 1
        return rows, skipped

    def _insert(self, memory: str, units: list[TranslationUnit], stamp: str) -> tuple[int, int]:
        rows, skipped = self._unseen(memory, units)
        if not rows:
            return 0, skipped
        self._write("tm_units", ("tm", "digest", "document", "position", "score", "source_lang", "context", "note",
                                 "created", "modified"),
                    [(memory, digest, u.document, u.position, u.score, u.source_lang, u.context, u.note, stamp, stamp)
                     for digest, (u, _texts) in rows.items()])
        pks = self._digests(memory, list(rows), with_pk=True)
        texts = [(pks[digest], lang, text) for digest, (_u, unit_texts) in rows.items() for lang, text in unit_texts.items()]
        self._write("tm_texts", ("unit_pk", "lang", "text"), texts)
        self._index(texts, memory)
        return len(rows), skipped

    # ------------------------------------------------------------------ the full-text index
    def _index(self, texts: list[tuple[int, str, str]], memory: str) -> None:
        rows = []
        df: Counter = Counter()
        for pk, lang, text in texts:
            keys = index_keys(text, lang)
            rows.append((_index_rowid(pk, lang), self._as_keys(keys), memory, lang))
            df.update(set(keys.split()))
        self._write("tm_index", ("rowid", "keys", "tm", "lang"), rows)
        self._add_df(df)
        self._store._memories_changed = True

    def reindex(self) -> int:
        """Rebuild the full-text index of every memory from the unit texts; how many texts it holds."""
        with self._store.atomic():
            self._conn.execute("DELETE FROM tm_index")
            self._conn.execute("DELETE FROM tm_df")
            n = 0
            for rows in self._store.read_query(
                "SELECT t.unit_pk, t.lang, t.text, u.tm FROM tm_texts t JOIN tm_units u ON u.pk = t.unit_pk "
                "ORDER BY u.tm"
            ):
                by_memory: dict[str, list[tuple[int, str, str]]] = {}
                for pk, lang, text, tm in rows:
                    by_memory.setdefault(tm, []).append((pk, lang, text))
                for tm, texts in by_memory.items():
                    self._index(texts, tm)
                n += len(rows)
            return n

    def candidates(self, memory: str, lang: str, keys: list[str], *, limit: int = 50, ties: int = 0) -> list[int]:
        """The ids of :meth:`shortlist`'s units."""
        return [unit_id for unit_id, _score in self.shortlist(memory, lang, keys, limit=limit, ties=ties)[0]]

    def shortlist(self, memory: str, lang: str, keys: list[str], *, limit: int = 50, ties: int = 0,
                  rarest: int = 10, budget: int = 20_000, parts: int = 3) -> tuple[list[tuple[int, int]], dict[str, int]]:
        """The units of ``memory`` whose ``lang`` text shares the most (and rarest) of ``keys``, best
        first (ties: lower id), as ``(id, score)``: ``limit`` of them and up to ``ties`` more that score
        the same as the last; and the weight of each index token looked up (a unit scores the sum of
        the weights of those its text holds). ``keys`` (in text order) are cut into ``parts``; the
        rarest key of each part is looked up in turn, then the next rarest, up to ``rarest`` keys or
        ``budget`` index rows (at least two keys), so that a unit sharing the end of the text is found
        as well as one sharing its start. A token weighs its inverse document frequency."""
        ordered = [t for t in (_index_token(k) for k in keys) if t]
        tokens = sorted(set(ordered))
        if not tokens:
            return [], {}
        with self._store._errors():
            marks = ",".join("?" * len(tokens))
            df = dict(self._conn.execute(f"SELECT token, n FROM tm_df WHERE token IN ({marks})", tokens))
            total = (self._conn.execute("SELECT max(rowid) FROM tm_index").fetchone()[0] or 4) // 4  # about the units
            size = max(1, -(-len(ordered) // parts))
            queues = [sorted({t for t in ordered[i : i + size] if t in df}, key=lambda t: (df[t], t))
                      for i in range(0, len(ordered), size)]
            chosen: list[str] = []
            rows = 0
            while any(queues) and len(chosen) < rarest:
                progressed = False
                for queue in queues:
                    while queue and queue[0] in chosen:
                        queue.pop(0)
                    if not queue or len(chosen) >= rarest:
                        continue
                    token = queue[0]
                    if len(chosen) >= 2 and rows + df[token] > budget:
                        queue.clear()  # this part's keys are all commoner than the budget allows
                        continue
                    queue.pop(0)
                    chosen.append(token)
                    rows += df[token]
                    progressed = True
                if not progressed:
                    break
            if not chosen:
                return [], {}
            # integer weights (millionths): sums are exact, so ties are ties on every backend
            weights = {token: round(1e6 * math.log(1 + total / df[token])) for token in chosen}
            return _cut_ties(self._best(memory, lang, weights, limit + ties), limit, ties), weights

    def _best(self, memory: str, lang: str, weights: dict[str, int], limit: int) -> list[tuple[int, int]]:
        """The ``limit`` units of ``memory`` whose ``lang`` text holds the most weight of the tokens, best
        first (ties: lower id), as ``(unit id, weight)``. Each token's posting list comes from the index
        in one row (FTS5 walks it; ``group_concat`` costs ~0.2 µs a posting where SQL's GROUP BY sorter
        cost ~1 µs) and is summed per unit by numpy; the lists are kept for the next query (see
        :meth:`_postings`)."""
        import numpy as np

        stamp = self._stamp()
        lists = [(self._postings(token, lang, stamp), weight) for token, weight in weights.items()]
        lists = [(ids, weight) for ids, weight in lists if len(ids)]
        if not lists:
            return []
        # each posting as (unit id, the number of its list) in one integer: sorted, the postings of a
        # unit stand together and the list numbers give their weights (the stable sort, timsort,
        # merges the lists, which FTS5 gives in order, where np.unique sorted them afresh)
        bits = max(1, (len(lists) - 1).bit_length())
        keys = np.concatenate([(ids.astype(np.int64) << bits) | i for i, (ids, _w) in enumerate(lists)])
        keys.sort(kind="stable")
        ids = keys >> bits
        starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
        units = ids[starts]
        totals = np.add.reduceat(np.array([w for _ids, w in lists], dtype=np.int64)[keys & ((1 << bits) - 1)], starts)
        only = self._only_memory(stamp)
        # more than limit when other memories share the index: some may belong to them
        want = limit if only is not None else 4 * limit
        if len(units) > want:
            keep = totals >= np.partition(totals, len(totals) - want)[len(totals) - want]
            units, totals = units[keep], totals[keep]
        order = np.lexsort((units, -totals))[:want]
        ranked = list(zip(units[order].tolist(), totals[order].tolist()))
        if only is not None:
            return ranked if only == memory else []
        out: list[tuple[int, int]] = []
        for start in range(0, len(ranked), limit):  # usually one step: a termbase holds one big memory
            chunk = ranked[start : start + limit]
            marks = ",".join("?" * len(chunk))
            ours = {pk for pk, tm in self._conn.execute(f"SELECT pk, tm FROM tm_units WHERE pk IN ({marks})",
                                                        [pk for pk, _w in chunk]) if tm == memory}
            out += [(pk, w) for pk, w in chunk if pk in ours]
            if len(out) >= limit:
                break
        return out[:limit]

    def _stamp(self) -> tuple:
        """What changes whenever the termbase does: this connection's writes move ``total_changes``,
        other connections' commits move ``PRAGMA data_version``."""
        return (self._conn.total_changes, self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _only_memory(self, stamp: tuple) -> str | None:
        """The name of the one memory the termbase holds (None when it holds several or none): then
        every indexed text is that memory's. Kept until the termbase changes."""
        with self._kept_lock:
            if stamp == self._kept_stamp and "only" in self._facts:
                return self._facts["only"]
        first = self._conn.execute("SELECT tm FROM tm_units ORDER BY tm LIMIT 1").fetchone()
        last = self._conn.execute("SELECT tm FROM tm_units ORDER BY tm DESC LIMIT 1").fetchone()
        only = first[0] if first is not None and first == last else None
        with self._kept_lock:
            if stamp == self._kept_stamp:
                self._facts["only"] = only
        return only

    #: How many bytes of posting lists :meth:`_postings` keeps between queries (4 bytes a posting in
    #: a memory of fewer than 500 million units).
    POSTINGS_KEPT = 64 * 2**20

    def _postings(self, token: str, lang: str, stamp: tuple):
        """The ids of the units whose ``lang`` text holds ``token`` (a numpy array). Kept for
        later queries (a batch of searches shares its common words) until the termbase changes
        (``stamp``, see :meth:`_stamp`): only those of one language, as 32-bit integers when the ids
        allow, so that twice as many fit (a pre-translation of 10,000 units from a million read its
        posting lists three times over when half as many were kept)."""
        import numpy as np

        number = _LANG_NUMBER.get(lang, 0)
        with self._kept_lock:
            if stamp != self._kept_stamp:
                self._kept.clear()
                self._facts.clear()
                self._kept_stamp, self._kept_size = stamp, 0
            ids = self._kept.pop((token, number), None)
            if ids is not None:
                self._kept[(token, number)] = ids  # most recently used last
                return ids
        text = self._posting_text(token, lang)
        rows = np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)
        ids = rows[rows % 4 == number] // 4
        if len(ids) and ids[-1] < 2**31:
            ids = ids.astype(np.int32)
        with self._kept_lock:
            if stamp == self._kept_stamp and ids.nbytes <= self.POSTINGS_KEPT:
                self._kept[(token, number)] = ids
                self._kept_size += ids.nbytes
                while self._kept_size > self.POSTINGS_KEPT:
                    self._kept_size -= self._kept.pop(next(iter(self._kept))).nbytes
        return ids

    def _posting_text(self, token: str, lang: str) -> str | None:
        """The index rowids of the texts holding ``token``, in order, comma-separated (here of every
        language: FTS5 walks the token's list, and :meth:`_postings` keeps those of ``lang``)."""
        return self._conn.execute("SELECT group_concat(rowid) FROM tm_index WHERE tm_index MATCH ?",
                                  (f'"{token}"',)).fetchone()[0]

    def containing(self, memory: str, lang: str, keys: list[str], *, limit: int | None = None) -> list[int]:
        """Unit ids of ``memory`` whose ``lang`` text holds every one of ``keys``, in unit order."""
        tokens = [t for t in (_index_token(k) for k in keys) if t]
        if not tokens:
            return []
        condition, tokens_arg = self._holding(list(dict.fromkeys(tokens)))
        sql = f"SELECT rowid FROM tm_index WHERE {condition} AND tm = ? AND lang = ? ORDER BY rowid"
        args: list = [tokens_arg, memory, lang]
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        with self._store._errors():
            return [rowid // 4 for (rowid,) in self._conn.execute(sql, args)]

    @staticmethod
    def _holding(tokens: list[str]) -> tuple[str, object]:
        """The condition on ``tm_index`` (and its one argument) of the texts holding every token."""
        return "tm_index MATCH ?", " AND ".join(f'"{t}"' for t in tokens)

    def get_units(self, unit_ids: list[int]) -> list[TranslationUnit]:
        """The units with these ids, in that order (ids that do not exist are left out)."""
        found: dict[int, TranslationUnit] = {}
        with self._store._errors():
            for start in range(0, len(unit_ids), 500):
                chunk = unit_ids[start : start + 500]
                cur = self._conn.execute(
                    f"SELECT {_UNIT_COLUMNS}, t.lang, t.text FROM tm_units u JOIN tm_texts t ON t.unit_pk = u.pk "
                    f"WHERE u.pk IN ({','.join('?' * len(chunk))}) ORDER BY u.pk",
                    chunk,
                )
                for unit in _units(cur):
                    found[unit.id] = unit
        return [found[i] for i in unit_ids if i in found]

    def texts_in(self, unit_ids: list[int], lang: str) -> dict[int, str]:
        """``{id: text}``: the ``lang`` text of each unit with these ids (units without a ``lang`` text,
        and ids that do not exist, are left out): what the fuzzy matcher scores, one row of the
        (unit, language) key each, half the work of reading the unit's languages too."""
        out: dict[int, str] = {}
        with self._store._errors():
            for start in range(0, len(unit_ids), 500):
                chunk = unit_ids[start : start + 500]
                out.update(self._conn.execute(
                    f"SELECT unit_pk, text FROM tm_texts WHERE unit_pk IN ({','.join('?' * len(chunk))}) "
                    f"AND lang = ? AND text <> ''", [*chunk, lang],
                ))
        return out

    def unit_texts(self, unit_ids: list[int]) -> dict[int, dict[str, str]]:
        """``{id: {lang: text}}`` of the units with these ids (ids that do not exist are left out): a
        quarter of :meth:`get_units`' time, for the fuzzy matcher's shortlist."""
        out: dict[int, dict[str, str]] = {}
        with self._store._errors():
            for start in range(0, len(unit_ids), 500):
                chunk = unit_ids[start : start + 500]
                for pk, lang, text in self._conn.execute(
                    f"SELECT unit_pk, lang, text FROM tm_texts WHERE unit_pk IN ({','.join('?' * len(chunk))}) "
                    f"ORDER BY unit_pk, lang", chunk,
                ):
                    out.setdefault(pk, {})[lang] = text
        return out

    def stats(self, memory: str) -> dict:
        """``{"units", "texts": {lang: n}, "source_langs": {lang: n}, "created", "modified"}`` of a memory."""
        with self._store._errors():
            units, first, last = self._conn.execute(
                "SELECT count(*), min(created), max(modified) FROM tm_units WHERE tm = ?", (memory,)
            ).fetchone()
            if not units:
                self._missing(memory)
            texts = dict(self._conn.execute(
                "SELECT t.lang, count(*) FROM tm_texts t JOIN tm_units u ON u.pk = t.unit_pk WHERE u.tm = ? "
                "GROUP BY t.lang ORDER BY t.lang", (memory,)))
        return {"units": units, "texts": texts, "source_langs": self.source_langs(memory), "created": first,
                "modified": last}

    def source_langs(self, memory: str) -> dict[str, int]:
        with self._store._errors():
            sources = dict(self._conn.execute(
                "SELECT source_lang, count(*) FROM tm_units WHERE tm = ? GROUP BY source_lang ORDER BY source_lang",
                (memory,)))
        if not sources:
            self._missing(memory)
        return sources

    def _missing(self, memory: str) -> None:
        names = self.names()
        hint = f"; memories here: {', '.join(names)}" if names else "; this termbase has no translation memory yet"
        raise NotFound(f"no translation memory {memory!r} in {self._store.location}{hint}")

    def _digests(self, memory: str, digests: list[str], *, with_pk: bool = False) -> dict[str, int]:
        """Which of ``digests`` are in ``memory`` (digest -> unit pk)."""
        found: dict[str, int] = {}
        for start in range(0, len(digests), 500):  # under SQLite's limit of bound parameters
            chunk = digests[start : start + 500]
            found.update(
                self._conn.execute(
                    f"SELECT digest, pk FROM tm_units WHERE tm = ? AND digest IN ({','.join('?' * len(chunk))})",
                    [memory, *chunk],
                )
            )
        return found

    def iter_units(self, memory: str) -> Iterator[TranslationUnit]:
        with self._store._errors():
            if not self._conn.execute("SELECT 1 FROM tm_units WHERE tm = ? LIMIT 1", (memory,)).fetchone():
                self._missing(memory)
            cur = self._conn.execute(
                f"SELECT {_UNIT_COLUMNS}, t.lang, t.text FROM tm_units u JOIN tm_texts t ON t.unit_pk = u.pk "
                "WHERE u.tm = ? ORDER BY u.document IS NOT NULL, u.document, u.position IS NOT NULL, u.position, u.pk",
                (memory,),
            )
            yield from _units(cur)

    def get_unit(self, unit_id: int) -> TranslationUnit:
        with self._store._errors():
            cur = self._conn.execute(
                f"SELECT {_UNIT_COLUMNS}, t.lang, t.text FROM tm_units u JOIN tm_texts t ON t.unit_pk = u.pk "
                "WHERE u.pk = ?",
                (unit_id,),
            )
            for unit in _units(cur):
                return unit
        raise NotFound(f"no translation unit {unit_id} in {self._store.location}")

    def count(self, memory: str) -> int:
        with self._store._errors():
            return self._conn.execute("SELECT count(*) FROM tm_units WHERE tm = ?", (memory,)).fetchone()[0]

    def page_units(self, memory: str, *, max_score: float | None = None, limit: int = 50,
                   offset: int = 0) -> tuple[int, list[TranslationUnit]]:
        with self._store._errors():
            if not self._conn.execute("SELECT 1 FROM tm_units WHERE tm = ? LIMIT 1", (memory,)).fetchone():
                self._missing(memory)
            where = "tm = ?" + (" AND score IS NOT NULL AND score < ?" if max_score is not None else "")
            args: list = [memory] + ([max_score] if max_score is not None else [])
            total = self._conn.execute(f"SELECT count(*) FROM tm_units WHERE {where}", args).fetchone()[0]
            pks = [r[0] for r in self._conn.execute(
                f"SELECT pk FROM tm_units WHERE {where} ORDER BY document IS NOT NULL, document, position IS NOT NULL, "
                f"position, pk "
                "LIMIT ? OFFSET ?", [*args, limit, offset])]
        return total, self.get_units(pks)

    def update_unit(self, unit_id: int, texts: dict[str, str], *, actor: str | None = None) -> TranslationUnit:
        with self._store.atomic():
            old = self.get_unit(unit_id)
            memory = self._conn.execute("SELECT tm FROM tm_units WHERE pk = ?", (unit_id,)).fetchone()[0]
            new_texts = {lang: text for lang, text in texts.items() if text}
            digest = unit_digest(new_texts)
            other = self._conn.execute("SELECT pk FROM tm_units WHERE tm = ? AND digest = ? AND pk != ?",
                                       (memory, digest, unit_id)).fetchone()
            if other:
                raise ValidationError(f"memory {memory!r} already has a unit with these texts (unit {other[0]})")
            self._unindex(unit_id)
            stamp = format_time(utc_now())
            self._conn.execute("UPDATE tm_units SET digest = ?, modified = ? WHERE pk = ?", (digest, stamp, unit_id))
            self._conn.execute("DELETE FROM tm_texts WHERE unit_pk = ?", (unit_id,))
            self._conn.executemany("INSERT INTO tm_texts (unit_pk, lang, text) VALUES (?, ?, ?)",
                                   [(unit_id, lang, text) for lang, text in new_texts.items()])
            self._index([(unit_id, lang, text) for lang, text in new_texts.items()], memory)
            self._record(unit_id, memory, "update", old.texts, new_texts, actor, stamp)
            return self.get_unit(unit_id)

    def remove_unit(self, unit_id: int, *, actor: str | None = None) -> TranslationUnit:
        with self._store.atomic():
            old = self.get_unit(unit_id)
            memory = self._conn.execute("SELECT tm FROM tm_units WHERE pk = ?", (unit_id,)).fetchone()[0]
            self._unindex(unit_id)
            self._conn.execute("DELETE FROM tm_units WHERE pk = ?", (unit_id,))
            self._record(unit_id, memory, "delete", old.texts, None, actor, format_time(utc_now()))
            return old

    def unit_changes(self, unit_id: int) -> list[dict]:
        with self._store._errors():
            rows = self._conn.execute(
                "SELECT seq, tm, action, before, after, actor, time FROM tm_unit_changes WHERE unit_pk = ? "
                "ORDER BY seq", (unit_id,)).fetchall()
        return [{"seq": seq, "unit_id": unit_id, "memory": tm, "action": action,
                 "before": json.loads(before) if before else None, "after": json.loads(after) if after else None,
                 "actor": actor, "time": time} for seq, tm, action, before, after, actor, time in rows]

    def _unindex(self, unit_id: int) -> None:
        langs = [r[0] for r in self._conn.execute("SELECT lang FROM tm_texts WHERE unit_pk = ?", (unit_id,))]
        self._conn.executemany("DELETE FROM tm_index WHERE rowid = ?", [(_index_rowid(unit_id, lang),) for lang in langs])
        self._store._memories_changed = True

    def _record(self, unit_id, memory, action, before, after, actor, stamp) -> None:
        self._conn.execute(
            "INSERT INTO tm_unit_changes (unit_pk, tm, action, before, after, actor, time) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (unit_id, memory, action, json.dumps(before, ensure_ascii=False) if before is not None else None,
             json.dumps(after, ensure_ascii=False) if after is not None else None, actor, stamp))

    def names(self) -> list[str]:
        with self._store._errors():
            return [r[0] for r in self._conn.execute("SELECT DISTINCT tm FROM tm_units ORDER BY tm")]

    def remove(self, memory: str) -> int:
        with self._store.atomic():
            self._conn.execute(
                "DELETE FROM tm_index WHERE rowid IN (SELECT t.unit_pk * 4 + CASE t.lang "
                + " ".join(f"WHEN '{lang}' THEN {n}" for lang, n in _LANG_NUMBER.items())
                + " ELSE 0 END FROM tm_texts t JOIN tm_units u ON u.pk = t.unit_pk WHERE u.tm = ?)",
                (memory,),
            )
            self._store._memories_changed = True
            return self._conn.execute("DELETE FROM tm_units WHERE tm = ?", (memory,)).rowcount


def _by_digest(units: Iterable[TranslationUnit]) -> tuple[dict[str, tuple[TranslationUnit, dict[str, str]]], int]:
    """The units with text, by :func:`unit_digest` (the first of equal ones), and how many repeated one."""
    rows: dict[str, tuple[TranslationUnit, dict[str, str]]] = {}
    skipped = 0
    for u in units:
        texts = {lang: text for lang, text in u.texts.items() if text is not None}
        if not texts:
            continue
        digest = unit_digest(texts)
        if digest in rows:
            skipped += 1
        else:
            rows[digest] = (u, texts)
    return rows, skipped


_LANG_NUMBER = {"en": 1, "kk": 2, "ru": 3}


def _index_rowid(unit_pk: int, lang: str) -> int:
    return unit_pk * 4 + _LANG_NUMBER.get(lang, 0)


_NOT_ALNUM = re.compile(r"[\W_]+")


def _cut_ties(ranked: list[tuple[int, int]], limit: int, ties: int) -> list[tuple[int, int]]:
    """The first ``limit`` of ``ranked`` (``(id, score)``, best first), and those after them that
    score the same as the last one, up to ``ties`` more."""
    out = ranked[:limit]
    if len(ranked) > limit and limit:
        last = ranked[limit - 1][1]
        out += itertools.takewhile(lambda r: r[1] == last, ranked[limit : limit + ties])
    return out


def _index_token(key: str) -> str:
    """A match key as one token of the index: letters and digits only ("нұр-сұлтан" -> "нұрсұлтан")."""
    return key if key.isalnum() else _NOT_ALNUM.sub("", key)


#: The index tokens of the space-separated chunks of text seen last, per language (bounded: all emptied
#: when they hold _TOKEN_CACHE_WORDS chunks in all): most chunks of a text ("law", "adopted.",
#: "«Сенат»") come again, so one dictionary lookup gives a chunk's tokens without splitting it into
#: words and looking up each. Chunks with a digit (numbers, dates, "50000-отырысы") rarely come back --
#: a memory of numbered or generated sentences has new ones in every unit, which would fill this cache
#: and word_key's -- so they are not kept here, their words have a small cache of their own, and their
#: keys are made without word_key's cache: what an import of any number of units keeps stays the same.
_chunk_cache: dict[str, dict[str, str]] = {}
_chunks_kept = 0  # in every language's dictionary
_TOKEN_CACHE_WORDS = 200_000
_number_cache: dict[tuple[str, str], str] = {}
_NUMBER_CACHE_WORDS = 10_000
_has_digit = re.compile(r"\d").search


def index_keys(text: str, lang: str) -> str:
    """What the full-text index holds for a text: its words' match keys as tokens (space-separated).

    >>> index_keys("The Senate adopted 2 laws.", "en")
    'the senat adopt 2 law'
    """
    chunks = _chunk_cache.get(lang)
    if chunks is None:
        chunks = _chunk_cache.setdefault(lang, {})
    out = []
    for chunk in text.split():
        tokens = chunks.get(chunk)
        if tokens is None:
            tokens = _chunk_tokens(chunk, lang)
            if not _has_digit(chunk):
                _keep_chunk(chunks, chunk, tokens)
        if tokens:
            out.append(tokens)
    return " ".join(out)


def _keep_chunk(chunks: dict[str, str], chunk: str, tokens: str) -> None:
    """Keep a chunk's tokens in its language's cache; every language's emptied when they hold
    ``_TOKEN_CACHE_WORDS`` chunks in all."""
    global _chunks_kept
    if _chunks_kept >= _TOKEN_CACHE_WORDS:
        for kept in _chunk_cache.values():
            kept.clear()
        _chunks_kept = 0
    chunks[chunk] = tokens
    _chunks_kept += 1


def _chunk_tokens(chunk: str, lang: str) -> str:
    """The index tokens of the words of one space-separated chunk of text (see :func:`index_keys`)."""
    out = []
    for word in split_words(chunk):
        if _has_digit(word):
            token = _number_cache.get((lang, word))
            if token is None:
                if len(_number_cache) >= _NUMBER_CACHE_WORDS:
                    _number_cache.clear()
                token = _number_cache[(lang, word)] = _index_token(word_key.__wrapped__(word, lang))
        else:
            token = _index_token(word_key(word, lang))
        if token:
            out.append(token)
    return " ".join(out)


#: Tokens whose document frequencies an import of staged units holds before adding them to ``tm_df``.
_DF_PART = 50_000


_UNIT_COLUMNS = "u.pk, u.document, u.position, u.score, u.source_lang, u.context, u.note, u.created, u.modified"


def _units(cursor: sqlite3.Cursor) -> Iterator[TranslationUnit]:
    """Units from rows of (unit columns..., lang, text), one row per text, a unit's rows together."""
    current = None
    texts: dict[str, str] = {}
    for pk, document, position, score, source_lang, context, note, created, modified, lang, text in cursor:
        if current is not None and pk != current[0]:
            yield _unit(current, texts)
            texts = {}
        current = (pk, document, position, score, source_lang, context, note, created, modified)
        texts[lang] = text
    if current is not None:
        yield _unit(current, texts)


def _unit(row: tuple, texts: dict[str, str]) -> TranslationUnit:
    pk, document, position, score, source_lang, context, note, created, modified = row
    return TranslationUnit(
        dict(sorted(texts.items())), document, position, score, context, note, source_lang, {}, pk,
        parse_time(created), parse_time(modified),
    )


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
