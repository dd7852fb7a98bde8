"""The translation memories of a termbase and their full-text index (:class:`SQLiteMemories`): one
repository for both backends, in SQLite's SQL, where the PostgreSQL store's subclass
(:class:`termbase.store.postgres.PostgresMemories`) gives only the SQL that differs.

A unit is stored once per memory (by :func:`~termbase.store.base.unit_digest` of its texts) with its
texts (``tm_texts``); the index holds a row per text, rowid = unit pk * 4 + language number, its
words' match keys as tokens (:func:`index_keys`), and ``tm_df`` counts the texts holding each token.
An import stages what it reads without the write lock (:meth:`SQLiteMemories._add_staged`); a
search sums the posting lists of the query's rarest tokens (:meth:`SQLiteMemories.shortlist`).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import os
import re
import threading
from collections import Counter
from typing import Iterable, Iterator

from ..errors import NotFound, ValidationError
from ..languages import split_words, word_key
from ..models import TranslationUnit, format_time, parse_time, utc_now
from .base import MemoryRepository, unit_digest

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

    def __init__(self, store):  # a termbase.store.sqlite.SQLiteStore (or the PostgreSQL one)
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
            conn.execute(self._STAGE_OPEN[0])  # a stage in use (not ours) fails here, before the close below
        try:
            with self._store._lock, self._store._errors():
                for statement in self._STAGE_OPEN[1:]:
                    conn.execute(statement)
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
                    self._changed(memory)
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
        self._changed(memory)
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

    def _changed(self, memory: str) -> None:
        """Said in the transaction that changes ``memory``'s units: its version moves (undone with the
        transaction, committed with it; see :meth:`version`)."""
        self._store._memories_changed = True
        self._conn.execute(_BUMP_VERSION, (memory, os.urandom(8).hex()))

    def version(self, memory: str) -> tuple | None:
        """What ``memory``'s units are at, from the database: it changes with every committed change of
        them, from any connection, process or server, and is never given again to other units (a memory
        removed and made again, another termbase put in this one's place by ``init --force`` or
        ``copy``, a backup copied back: its random epoch differs, see :meth:`new_epochs`).
        None inside a transaction that changed memories: what it reads may be rolled back, so nothing
        of it may be kept."""
        if self._store._depth and self._store._memories_changed:
            return None
        with self._store._errors():
            row = self._conn.execute("SELECT epoch, version FROM tm_versions WHERE tm = ?", (memory,)).fetchone()
        return (row[0], row[1]) if row else ("", 0)

    def new_epochs(self) -> int:
        """Give every memory a new random epoch, its version kept (in the caller's transaction): what a
        copy does to the memories it writes, so that a termbase copied, or a backup copied back, never
        shows a (memory, version) a server may have kept for other units. How many memories."""
        with self._store._errors():
            memories = [row[0] for row in self._conn.execute("SELECT tm FROM tm_versions").fetchall()]
            self._conn.executemany("UPDATE tm_versions SET epoch = ? WHERE tm = ?",
                                   [(os.urandom(8).hex(), tm) for tm in memories])
        self._store._memories_changed = True
        return len(memories)

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
        """What the posting lists and facts kept are valid for (:meth:`_version`); in a transaction
        that changed the memories, a new stamp every time: nothing is kept from rows a rollback may
        take back (neither SQLite's counters nor PostgreSQL's version move on a rollback)."""
        if self._store._depth and self._store._memories_changed:
            return (object(),)
        return self._version()

    def _version(self) -> tuple:
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
            self._unindex(unit_id, memory)
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
            self._unindex(unit_id, memory)
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

    def _unindex(self, unit_id: int, memory: str) -> None:
        langs = [r[0] for r in self._conn.execute("SELECT lang FROM tm_texts WHERE unit_pk = ?", (unit_id,))]
        self._conn.executemany("DELETE FROM tm_index WHERE rowid = ?", [(_index_rowid(unit_id, lang),) for lang in langs])
        self._changed(memory)

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
            self._changed(memory)
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

#: A change of a memory's units moves its version; a memory's first row gets a random epoch.
_BUMP_VERSION = ("INSERT INTO tm_versions (tm, version, epoch) VALUES (?, 1, ?) "
                 "ON CONFLICT (tm) DO UPDATE SET version = tm_versions.version + 1")


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


def _units(cursor: Iterable[tuple]) -> Iterator[TranslationUnit]:
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
