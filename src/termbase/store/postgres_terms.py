"""The term index of the PostgreSQL backend (:class:`~termbase.store.base.TermIndexRepository`): the
tables of :mod:`termbase.store.sqlite_terms` with the same rows, and the same answers, on PostgreSQL.

``term_index``, ``term_keys`` and ``term_counts`` are the SQLite tables as they are (text compared or
ordered ``COLLATE "C"``, as everywhere in this backend). In place of SQLite's FTS5 trigram tables
there is one plain table, ``term_grams (part, gram, term_pk)`` under a B-tree primary key: a row per
distinct trigram of a term's padded normalised text (:func:`~termbase.store.base.term_grams`, the
trigrams the FTS5 tokenizer makes), ``part`` naming the FTS5 table it stands for (``en``, ``kk``,
``ru`` or ``other``). ``pg_trgm`` (in Debian's ``postgresql`` package) was not used: its trigrams are
of single alphanumeric words, lower-cased, so neither the candidates nor the Dice bounds would be
SQLite's; and it needs ``CREATE EXTENSION``.

Rows go in by ``COPY`` and multi-row statements (one round trip per table and batch, not one per
row), in the transaction of the concept change, like SQLite's; reading is SQLite's SQL (see
:class:`~termbase.store.sqlite_terms.SQLiteTermIndex`) except where the dialects differ.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from .base import IndexedTerm
from .sqlite_terms import GRAM_GROUPS, SQLiteTermIndex, _count_rows, _entries, _gram_table

_TEXT = 'text COLLATE "C"'

#: The SQL of the migration that adds the term index (its rows are filled by :meth:`PostgresTermIndex.reindex`).
MIGRATION_SQL = f"""
CREATE TABLE term_index (
    term_pk bigint PRIMARY KEY REFERENCES terms(pk) ON DELETE CASCADE,
    lang {_TEXT} NOT NULL,
    base {_TEXT} NOT NULL,
    norm {_TEXT} NOT NULL,
    alt {_TEXT},
    keys {_TEXT} NOT NULL,
    nkeys integer NOT NULL,
    ngrams integer NOT NULL,
    matchable integer NOT NULL
);
CREATE INDEX term_index_norm ON term_index(norm);
CREATE INDEX term_index_alt ON term_index(alt) WHERE alt IS NOT NULL;
CREATE INDEX term_index_keys ON term_index(lang, keys);
CREATE INDEX term_index_base_keys ON term_index(base, keys);
CREATE TABLE term_keys (
    lang {_TEXT} NOT NULL, key {_TEXT} NOT NULL, nkeys integer NOT NULL, concept_id {_TEXT} NOT NULL,
    term_pk bigint NOT NULL,
    PRIMARY KEY (lang, key, nkeys, concept_id, term_pk)
);
CREATE TABLE term_counts (
    kind integer NOT NULL, lang {_TEXT} NOT NULL, value {_TEXT} NOT NULL, n bigint NOT NULL,
    PRIMARY KEY (kind, lang, value)
);
CREATE TABLE term_grams (
    part {_TEXT} NOT NULL, gram {_TEXT} NOT NULL, term_pk bigint NOT NULL,
    PRIMARY KEY (part, gram, term_pk)
)
"""

#: The tables of the index (what a replacing build drops with the rest).
TABLES = ("term_index", "term_keys", "term_counts", "term_grams")

_INDEX_COLUMNS = ("term_pk", "lang", "base", "norm", "alt", "keys", "nkeys", "ngrams", "matchable")
_KEY_COLUMNS = ("lang", "key", "nkeys", "concept_id", "term_pk")


def _gram_rows(grams: list[tuple]) -> list[tuple[str, str, int]]:
    """The ``term_grams`` rows of :func:`~termbase.store.sqlite_terms._entries`' terms, sorted."""
    return sorted((_part(base), gram, pk) for base, pk, _norm, g in grams for gram in g)


def _part(base: str) -> str:
    """The part of ``term_grams`` standing for SQLite's FTS5 table of ``base`` terms."""
    return _gram_table(base).removeprefix("term_grams_")


class PostgresTermIndex(SQLiteTermIndex):
    """The term index on PostgreSQL (its store's ``_conn`` is :class:`termbase.store.postgres._Connection`)."""

    # ------------------------------------------------------------------ writing (inside a transaction)
    def _add(self, rows: list[tuple[int, str, str, str]]) -> None:
        index, keys, grams, deltas = _entries(rows, 1)
        keys.sort()
        self._conn.copy("term_index", _INDEX_COLUMNS, index)
        self._conn.copy("term_keys", _KEY_COLUMNS, keys)
        self._conn.copy("term_grams", ("part", "gram", "term_pk"), _gram_rows(grams))
        self._apply(deltas)

    def _remove(self, pks: list[int], keys: list[tuple], grams: list[tuple]) -> None:
        self._conn.execute(
            "DELETE FROM term_keys k USING unnest(?::text[], ?::text[], ?::integer[], ?::text[], ?::bigint[]) "
            "AS d(lang, key, nkeys, concept_id, term_pk) WHERE k.lang = d.lang AND k.key = d.key "
            "AND k.nkeys = d.nkeys AND k.concept_id = d.concept_id AND k.term_pk = d.term_pk",
            [list(column) for column in zip(*keys)] if keys else [[], [], [], [], []],
        )
        rows = _gram_rows(grams)
        self._conn.execute(
            "DELETE FROM term_grams g USING unnest(?::text[], ?::text[], ?::bigint[]) AS d(part, gram, term_pk) "
            "WHERE g.part = d.part AND g.gram = d.gram AND g.term_pk = d.term_pk",
            [list(column) for column in zip(*rows)] if rows else [[], [], []],
        )
        self._conn.execute("DELETE FROM term_index WHERE term_pk = ANY(?::bigint[])", (pks,))

    def _apply(self, deltas: dict[str, tuple[Counter, Counter]]) -> None:
        """Add the counts to ``term_counts`` in one statement; rows brought to zero go (SQLite's
        ``DELETE ... WHERE n <= 0``, for the rows this change lowered: no other can be)."""
        rows = _count_rows(deltas)
        if not rows:
            return
        rows.sort()  # one order for every writer
        kinds, langs, values, ns = (list(column) for column in zip(*rows))
        self._conn.execute(
            "INSERT INTO term_counts (kind, lang, value, n) "
            "SELECT * FROM unnest(?::integer[], ?::text[], ?::text[], ?::bigint[]) "
            "ON CONFLICT (kind, lang, value) DO UPDATE SET n = term_counts.n + excluded.n",
            (kinds, langs, values, ns),
        )
        lowered = [row[:3] for row in rows if row[3] < 0]
        if lowered:
            self._conn.execute(
                "DELETE FROM term_counts c USING unnest(?::integer[], ?::text[], ?::text[]) AS d(kind, lang, value) "
                "WHERE c.kind = d.kind AND c.lang = d.lang AND c.value = d.value AND c.n <= 0",
                [list(column) for column in zip(*lowered)],
            )

    def _clear(self) -> None:
        for table in TABLES:
            self._conn.execute(f"DELETE FROM {table}")

    # ------------------------------------------------------------------ reading
    def count(self, *, up_to: int | None = None) -> int:
        with self._store._errors():
            return self._conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM term_index LIMIT ?) AS indexed", (up_to,)
            ).fetchone()[0]

    def with_grams(
        self, lang: str, grams: Sequence[str], *, others: int, size: int, dice: float,
        lengths: tuple[float, float] | None = None, limit: int | None = None,
    ) -> list[IndexedTerm]:
        grams = list(dict.fromkeys(grams))
        if not grams:
            return []
        # SQLite's arithmetic is in doubles: so is this, to keep the same terms at the bound
        groups = "SELECT term_pk AS r, count(*) AS n FROM term_grams WHERE part = ? AND gram = ANY(?::text[]) GROUP BY term_pk"
        args: list = [_part(lang), grams]
        if limit is not None:  # the terms with the most of the grams only (as SQLite's with_grams)
            groups += " ORDER BY n DESC, term_pk LIMIT ?"
            args.append(GRAM_GROUPS * limit)
        sql = (f"SELECT i.term_pk FROM ({groups}) AS s "
               "JOIN term_index i ON i.term_pk = s.r "
               "WHERE 2.0::float8 * (s.n + ?::bigint) >= ?::float8 * (?::bigint + i.ngrams) - 1e-9::float8")
        args += [others, dice, size]
        if lengths is not None:
            sql += " AND length(i.norm) BETWEEN ?::float8 AND ?::float8"
            args += [lengths[0], lengths[1]]
        sql += " ORDER BY s.n DESC, s.r" if limit is not None else " ORDER BY s.r"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        with self._store._errors():
            pks = [pk for (pk,) in self._conn.execute(sql, args)]
            return self._terms_by_pks(pks)

    def _anchor_rows(self, lang: str, anchors: list[str], having: int, rows: int) -> Iterable[tuple[int, str, int]]:
        """SQLite's, from ``term_grams``: the terms with at least ``having`` of ``anchors``, in term
        order as FTS5 gives them (the scoring loop of ``with_anchors`` is SQLite's, shared)."""
        return self._conn.execute(
            "SELECT s.r, i.norm, i.ngrams FROM (SELECT term_pk AS r FROM term_grams WHERE part = ? "
            "AND gram = ANY(?::text[]) GROUP BY term_pk HAVING count(*) >= ? ORDER BY term_pk LIMIT ?) AS s "
            "JOIN term_index i ON i.term_pk = s.r", (_part(lang), anchors, having, rows))
