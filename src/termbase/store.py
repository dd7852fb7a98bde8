"""The termbase store: SQLite, the only module with SQL.

A termbase file holds concepts with their terms (like a TBX file) and named translation memories.
Writes are transactional (:meth:`Termbase.atomic`), the journal is WAL, and the schema carries a
version (``PRAGMA user_version``) upgraded by numbered migrations when an older file is opened.

>>> tb = Termbase.create(":memory:", load_glossary=False)
>>> tb.add_concept(Concept(None, (Term("en", "Senate"), Term("ru", "Сенат"))))
'senate'
>>> tb.stats()["terms"]
{'en': 1, 'kk': 0, 'ru': 1}
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import re
import sqlite3
import threading
from pathlib import Path
from typing import Iterable, Iterator

from .errors import NotFound, ParseError, TermbaseError, ValidationError
from .models import STATUSES, TERM_TYPES, Concept, Term, TranslationUnit

#: Numbered migrations: (version, name, SQL). Never edit a released one; append a new one.
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
]
SCHEMA_VERSION = MIGRATIONS[-1][0]

_ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def slugify(text: str) -> str:
    """An ASCII id from a term: ``"Prosecutor General's Office"`` -> ``"prosecutor-general-s-office"``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].rstrip("-")


def unit_digest(tm_texts: dict[str, str]) -> str:
    """The identity of a TM unit: its texts by language (so re-imports are not duplicated)."""
    h = hashlib.sha1()
    for lang in sorted(tm_texts):
        h.update(lang.encode())
        h.update(b"\x00")
        h.update(tm_texts[lang].encode("utf-8"))
        h.update(b"\x01")
    return h.hexdigest()


class Termbase:
    """A termbase file. Open with :meth:`open` or :meth:`create`; use as a context manager to close."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0
        self._writes = 0  # bumped by every concept write: invalidates the matcher and lookup index
        self._cache_version: int | None = None
        self._matcher = None
        self._lookup_index = None

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | Path) -> "Termbase":
        """Open an existing termbase file, upgrading its schema if it is older."""
        p = str(path)
        if p != ":memory:" and not Path(p).exists():
            raise NotFound(f"no termbase at {p}; create one with 'termbase init'")
        if p != ":memory:":
            _check_sqlite_file(Path(p))
        tb = cls(_connect(p), p)
        tb._migrate()
        return tb

    @classmethod
    def create(cls, path: str | Path, *, load_glossary: bool = True, exist_ok: bool = False) -> "Termbase":
        """Create a termbase file (with the shipped glossary unless ``load_glossary=False``)."""
        p = str(path)
        if p != ":memory:":
            if Path(p).exists() and not exist_ok:
                raise TermbaseError(f"{p} already exists; remove it first or use another --db")
            Path(p).parent.mkdir(parents=True, exist_ok=True)
        tb = cls(_connect(p), p)
        tb._migrate()
        if load_glossary:
            from .glossary import load_shipped

            tb.add_concepts(load_shipped(), on_conflict="replace")
        return tb

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Termbase":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise TermbaseError(
                f"{self.path}: schema version {version} is newer than this termbase ({SCHEMA_VERSION}); upgrade termbase"
            )
        for number, name, sql in MIGRATIONS:
            if number <= version:
                continue
            with self.atomic():
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (f"migration.{number}", name)
                )

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (nested calls join the outer one); rolled back on any exception."""
        with self._lock:
            outer = self._depth == 0
            if outer:
                self.conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if outer:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self._depth -= 1
                if outer:
                    self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ concepts
    def add_concept(self, concept: Concept, *, on_conflict: str = "error") -> str:
        """Store a concept and return its id (made from its first English term when it has none)."""
        _validate(concept)
        with self.atomic():
            self._writes += 1
            return self._insert(concept, on_conflict)

    def add_concepts(self, concepts: Iterable[Concept], *, on_conflict: str = "error") -> int:
        """Store many concepts in one transaction (all or nothing). ``on_conflict``: error, skip, replace.

        Returns the number of concepts written (skipped ones not counted).
        """
        if on_conflict not in ("error", "skip", "replace"):
            raise ValueError(on_conflict)
        count = 0
        with self.atomic():
            self._writes += 1
            for concept in concepts:
                _validate(concept)
                if self._insert(concept, on_conflict) is not None:
                    count += 1
        return count

    def _insert(self, concept: Concept, on_conflict: str) -> str | None:
        cid = concept.id
        now = _now()
        if cid is not None:
            row = self.conn.execute("SELECT pk, created FROM concepts WHERE id = ?", (cid,)).fetchone()
            if row is not None:
                if on_conflict == "skip":
                    return None
                if on_conflict == "error":
                    raise ValidationError(f"concept {cid!r} already exists")
                self.conn.execute("DELETE FROM concepts WHERE pk = ?", (row[0],))
                now_created = row[1]
            else:
                now_created = now
        else:
            cid = self._new_id(concept)
            now_created = now
        cur = self.conn.execute(
            "INSERT INTO concepts(id, subject, definition, note, source, created, modified) VALUES (?,?,?,?,?,?,?)",
            (cid, concept.subject, concept.definition, concept.note, concept.source, now_created, now),
        )
        pk = cur.lastrowid
        self.conn.executemany(
            "INSERT INTO terms(concept_pk, seq, lang, text, status, type, pos, note) VALUES (?,?,?,?,?,?,?,?)",
            [(pk, i, t.lang, t.text, t.status, t.type, t.pos, t.note) for i, t in enumerate(concept.terms)],
        )
        return cid

    def _new_id(self, concept: Concept) -> str:
        first = next((t.text for t in concept.terms if t.lang == "en"), None) or concept.terms[0].text
        base = slugify(first)
        if not base or not _ID_RE.match(base):
            base = "c-" + (base or "concept")
        cid, n = base, 1
        while self.conn.execute("SELECT 1 FROM concepts WHERE id = ?", (cid,)).fetchone():
            n += 1
            cid = f"{base}-{n}"
        return cid

    def get_concept(self, concept_id: str) -> Concept:
        row = self.conn.execute(
            "SELECT pk, id, subject, definition, note, source FROM concepts WHERE id = ?", (concept_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no concept {concept_id!r} in {self.path}")
        return self._concept_from_row(row, self._terms_of([row[0]])[row[0]])

    def update_concept(self, concept: Concept) -> None:
        """Replace the concept with the same id (its terms and fields)."""
        if concept.id is None:
            raise ValidationError("update_concept needs a concept id")
        self.get_concept(concept.id)  # NotFound if missing
        _validate(concept)
        with self.atomic():
            self._writes += 1
            self._insert(concept, "replace")

    def remove_concept(self, concept_id: str) -> None:
        with self.atomic():
            self._writes += 1
            cur = self.conn.execute("DELETE FROM concepts WHERE id = ?", (concept_id,))
            if cur.rowcount == 0:
                raise NotFound(f"no concept {concept_id!r} in {self.path}")

    def iter_concepts(self, *, batch: int = 500) -> Iterator[Concept]:
        """Every concept, ordered by id, read in batches (flat memory for big termbases)."""
        last = ""
        while True:
            rows = self.conn.execute(
                "SELECT pk, id, subject, definition, note, source FROM concepts WHERE id > ? ORDER BY id LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            terms = self._terms_of([r[0] for r in rows])
            for row in rows:
                yield self._concept_from_row(row, terms.get(row[0], []))
            last = rows[-1][1]

    def _terms_of(self, pks: list[int]) -> dict[int, list[Term]]:
        out: dict[int, list[Term]] = {pk: [] for pk in pks}
        marks = ",".join("?" * len(pks))
        for cpk, lang, text, status, typ, pos, note in self.conn.execute(
            f"SELECT concept_pk, lang, text, status, type, pos, note FROM terms WHERE concept_pk IN ({marks}) "
            "ORDER BY concept_pk, seq",
            pks,
        ):
            out[cpk].append(Term(lang, text, status, typ, pos, note))
        return out

    @staticmethod
    def _concept_from_row(row, terms: list[Term]) -> Concept:
        _pk, cid, subject, definition, note, source = row
        return Concept(cid, tuple(terms), subject, definition, note, source)

    def __len__(self) -> int:
        return self.conn.execute("SELECT count(*) FROM concepts").fetchone()[0]

    def stats(self) -> dict:
        """``{"concepts": N, "complete_concepts": N (en+kk+ru), "terms": {"en": N, "kk": N, "ru": N}}``."""
        concepts = len(self)
        complete = self.conn.execute(
            "SELECT count(*) FROM (SELECT concept_pk FROM terms WHERE lang IN ('en','kk','ru') "
            "GROUP BY concept_pk HAVING count(DISTINCT lang) = 3)"
        ).fetchone()[0]
        terms = {"en": 0, "kk": 0, "ru": 0}
        for lang, n in self.conn.execute("SELECT lang, count(*) FROM terms GROUP BY lang"):
            terms[lang] = n
        return {"concepts": concepts, "complete_concepts": complete, "terms": terms}

    def data_version(self) -> tuple[int, int]:
        """Changes whenever concepts change here or another connection commits (cache invalidation)."""
        return (self._writes, self.conn.execute("PRAGMA data_version").fetchone()[0])

    # ------------------------------------------------------------------ search
    def matcher(self):
        """The inflection-aware term matcher over this termbase (built once, rebuilt after writes)."""
        self._refresh_caches()
        if self._matcher is None:
            from .match import TermMatcher

            self._matcher = TermMatcher.from_concepts(self.iter_concepts())
        return self._matcher

    def lookup(self, text: str, lang: str | None = None, *, limit: int = 10):
        """Concepts matching ``text`` best first (see :mod:`termbase.lookup`)."""
        self._refresh_caches()
        if self._lookup_index is None:
            from .lookup import LookupIndex

            self._lookup_index = LookupIndex(list(self.iter_concepts()))
        return self._lookup_index.search(text, lang=lang, limit=limit)

    def _refresh_caches(self) -> None:
        version = self.data_version()
        if version != self._cache_version:
            self._matcher = None
            self._lookup_index = None
            self._cache_version = version

    # ------------------------------------------------------------------ translation memory
    def add_units(self, tm: str, units: Iterable[TranslationUnit], *, batch: int = 2000) -> tuple[int, int]:
        """Store translation units in memory ``tm``; returns ``(added, duplicates skipped)``.

        A unit whose texts (by language) are already in ``tm`` is skipped, so importing the same
        file twice adds nothing. All or nothing: one transaction.
        """
        added = skipped = 0
        now = _now()
        with self.atomic():
            pending: list[TranslationUnit] = []
            for unit in units:
                pending.append(unit)
                if len(pending) >= batch:
                    a, s = self._insert_units(tm, pending, now)
                    added, skipped, pending = added + a, skipped + s, []
            a, s = self._insert_units(tm, pending, now)
        return added + a, skipped + s

    def _insert_units(self, tm: str, units: list[TranslationUnit], now: str) -> tuple[int, int]:
        added = skipped = 0
        for u in units:
            texts = {lang: text for lang, text in u.texts.items() if text is not None}
            if len(texts) < 1:
                continue
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO tm_units(tm, digest, document, position, score, source_lang, context, note, created) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (tm, unit_digest(texts), u.document, u.position, u.score, u.source_lang, u.context, u.note, now),
            )
            if cur.rowcount == 0:
                skipped += 1
                continue
            added += 1
            pk = cur.lastrowid
            self.conn.executemany(
                "INSERT INTO tm_texts(unit_pk, lang, text) VALUES (?,?,?)", [(pk, k, v) for k, v in texts.items()]
            )
        return added, skipped

    def iter_units(self, tm: str) -> Iterator[TranslationUnit]:
        """Every unit of ``tm`` in document then position order, streamed from the database."""
        if not self.conn.execute("SELECT 1 FROM tm_units WHERE tm = ? LIMIT 1", (tm,)).fetchone():
            names = self.tm_names()
            hint = f"; memories here: {', '.join(names)}" if names else "; this termbase has no translation memory yet"
            raise NotFound(f"no translation memory {tm!r} in {self.path}{hint}")
        cur = self.conn.execute(
            "SELECT u.pk, u.document, u.position, u.score, u.source_lang, u.context, u.note, t.lang, t.text "
            "FROM tm_units u JOIN tm_texts t ON t.unit_pk = u.pk WHERE u.tm = ? "
            "ORDER BY u.document IS NOT NULL, u.document, u.position, u.pk",
            (tm,),
        )
        current = None
        texts: dict[str, str] = {}
        for pk, document, position, score, source_lang, context, note, lang, text in cur:
            if current is not None and pk != current[0]:
                yield _unit(current, texts)
                texts = {}
            current = (pk, document, position, score, source_lang, context, note)
            texts[lang] = text
        if current is not None:
            yield _unit(current, texts)

    def count_units(self, tm: str) -> int:
        return self.conn.execute("SELECT count(*) FROM tm_units WHERE tm = ?", (tm,)).fetchone()[0]

    def tm_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT tm FROM tm_units ORDER BY tm")]

    def remove_tm(self, tm: str) -> int:
        with self.atomic():
            return self.conn.execute("DELETE FROM tm_units WHERE tm = ?", (tm,)).rowcount


def _unit(row, texts: dict[str, str]) -> TranslationUnit:
    _pk, document, position, score, source_lang, context, note = row
    return TranslationUnit(
        texts=dict(sorted(texts.items())),
        document=document,
        position=position,
        score=score,
        context=context,
        note=note,
        source_lang=source_lang,
    )


def _validate(concept: Concept) -> None:
    if not concept.terms:
        raise ValidationError(f"concept {concept.id or ''!s} has no terms".replace("  ", " "))
    for t in concept.terms:
        if not t.text or not t.text.strip():
            raise ValidationError(f"concept {concept.id!r}: empty {t.lang} term")
        if t.status not in STATUSES:
            raise ValidationError(f"term {t.text!r}: unknown status {t.status!r} (use one of {', '.join(STATUSES)})")
        if t.type not in TERM_TYPES:
            raise ValidationError(f"term {t.text!r}: unknown type {t.type!r} (use one of {', '.join(TERM_TYPES)})")
    if concept.id is not None and not _ID_RE.match(concept.id):
        raise ValidationError(f"bad concept id {concept.id!r}: use letters, digits, '-', '_' or '.'")


def _connect(path: str) -> sqlite3.Connection:
    # isolation_level=None: we manage transactions ourselves (BEGIN IMMEDIATE / COMMIT in atomic()).
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ParseError(path, f"not a termbase (SQLite) file: {exc}") from exc
    return conn


def _check_sqlite_file(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except IsADirectoryError as exc:
        raise ParseError(path, "is a directory, not a termbase file") from exc
    except OSError as exc:
        raise ParseError(path, f"cannot read: {exc.strerror}") from exc
    if head and head != b"SQLite format 3\x00":
        raise ParseError(path, "not a termbase file (SQLite database expected)")


def _split_sql(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]
