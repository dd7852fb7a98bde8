"""The term index of the SQLite backend (:class:`~termbase.store.base.TermIndexRepository`): tables
kept with the terms, written in the transaction that changes them.

- ``term_index``: one row per term: language, base language (``kk`` for ``kk-Latn``: lookup
  takes Kazakh in either script as one language), normalised text in the script of its keys (a
  Latin Kazakh term in Cyrillic) and, when different, as written (``alt``), match keys (joined by
  U+001F), how many keys and distinct trigrams, whether every word has a key (matchable);
- ``term_keys``: (base language, key, number of keys, concept id, term) for each distinct key of a term;
- ``term_grams_en``, ``_kk``, ``_ru``, ``_other``: FTS5 trigram indexes (contentless, no positions)
  of the terms' padded normalised texts (see :func:`_gram_table`), by base language, rowid = the term's pk;
- ``term_counts``: reference counts, by kind: 1 terms per key (by base language), 2 matchable terms
  per beginning of a key sequence, 3 matchable terms per word prefix, 4 terms per trigram (by base
  language).

Match keys are made by :mod:`termbase.languages`, so when they change (a new stemmer version) the
index is rebuilt: :meth:`SQLiteTermIndex.reindex`.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Iterable, Sequence

from ..languages import base_lang, key_text, normalize, text_keys
from ..models import Term, parse_time
from .base import WORD_PREFIX, IndexedTerm, TermIndexRepository, term_grams

#: The SQL of the migration that adds the term index (its rows are filled by :meth:`SQLiteTermIndex.reindex`).
MIGRATION_SQL = """
CREATE TABLE term_index (
    term_pk INTEGER PRIMARY KEY REFERENCES terms(pk) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    base TEXT NOT NULL,
    norm TEXT NOT NULL,
    alt TEXT,
    keys TEXT NOT NULL,
    nkeys INTEGER NOT NULL,
    ngrams INTEGER NOT NULL,
    matchable INTEGER NOT NULL
);
CREATE INDEX term_index_norm ON term_index(norm);
CREATE INDEX term_index_alt ON term_index(alt) WHERE alt IS NOT NULL;
CREATE INDEX term_index_keys ON term_index(lang, keys);
CREATE INDEX term_index_base_keys ON term_index(base, keys);
CREATE TABLE term_keys (
    lang TEXT NOT NULL, key TEXT NOT NULL, nkeys INTEGER NOT NULL, concept_id TEXT NOT NULL, term_pk INTEGER NOT NULL,
    PRIMARY KEY (lang, key, nkeys, concept_id, term_pk)
) WITHOUT ROWID;
CREATE TABLE term_counts (
    kind INTEGER NOT NULL, lang TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (kind, lang, value)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE term_grams_en USING fts5(t, content = '', detail = none, tokenize = 'trigram case_sensitive 1');
CREATE VIRTUAL TABLE term_grams_kk USING fts5(t, content = '', detail = none, tokenize = 'trigram case_sensitive 1');
CREATE VIRTUAL TABLE term_grams_ru USING fts5(t, content = '', detail = none, tokenize = 'trigram case_sensitive 1');
CREATE VIRTUAL TABLE term_grams_other USING fts5(t, content = '', detail = none, tokenize = 'trigram case_sensitive 1')
"""

_SEP = "\x1f"  # between the keys of a term: never inside a key
#: :meth:`SQLiteTermIndex.with_grams` with a ``limit`` looks at this many times ``limit`` terms, those
#: with the most of the trigrams (each a read of ``term_index``; reading one per posting took most of
#: the time of a misspelt lookup at 100,000 concepts).
GRAM_GROUPS = 4
_KEY, _BEGINNING, _WORD, _GRAM = 1, 2, 3, 4
_CHUNK = 500  # bound parameters per statement
_TERM_COLUMNS = (
    "c.id, t.pk, t.lang, t.text, t.status, t.type, t.pos, t.note, t.created, t.modified, i.norm, i.keys, i.ngrams, t.seq"
)
_FROM = "FROM term_index i JOIN terms t ON t.pk = i.term_pk JOIN concepts c ON c.pk = t.concept_pk"


def _entry(lang: str, text: str) -> tuple[str, str | None, tuple[str, ...], frozenset[str], bool, frozenset[str]]:
    """(normalised text in the script of the keys, normalised text as written if different, keys,
    trigrams of the first, matchable, word prefixes) of a term."""
    folded = normalize(text, lang)  # one character for each character of text
    plain = " ".join(folded.split())
    norm = " ".join(normalize(key_text(text, lang)).split())
    keys_list, spans = text_keys(text, lang)
    keys = tuple(keys_list)
    matchable = bool(keys) and all(keys)
    words: frozenset[str] = frozenset()
    if matchable:
        words = frozenset([folded[s:e][:WORD_PREFIX] for s, e in spans] + [k[:WORD_PREFIX] for k in keys])
    return norm, (plain if plain != norm else None), keys, frozenset(term_grams(norm)), matchable, words


_GRAM_TABLES = ("en", "kk", "ru")


def _gram_table(lang: str) -> str:
    """The FTS5 table of the trigrams of ``lang`` terms: each holds a term's normalised text,
    padded (two spaces before, one after), which its trigram tokenizer cuts into the trigrams of
    :func:`~termbase.store.base.term_grams`."""
    return f"term_grams_{lang if lang in _GRAM_TABLES else 'other'}"


def _gram_query(gram: str) -> str:
    """An FTS5 query for the texts with this trigram."""
    return '"' + gram.replace('"', '""') + '"'


def _counts(lang: str, entry: tuple, sign: int, out: dict[str, tuple[Counter, Counter]]) -> None:
    """Add ``sign`` to the counts of what the index holds of a term (its :func:`_entry`):
    ``out[lang]`` is (counts by (kind, value) of keys, beginnings and word prefixes; counts of trigrams)."""
    _norm, _alt, keys, grams, matchable, words = entry
    base = base_lang(lang)
    for code in {lang, base}:
        if code not in out:
            out[code] = (Counter(), Counter())
    items = [(_BEGINNING, _SEP.join(keys[:i])) for i in range(1, len(keys) + 1)] if matchable else []
    items += [(_WORD, word) for word in words]
    base_items = [(_KEY, key) for key in set(keys)]
    if sign > 0:
        out[lang][0].update(items)
        out[base][0].update(base_items)
        out[base][1].update(grams)
    else:
        out[lang][0].subtract(items)
        out[base][0].subtract(base_items)
        out[base][1].subtract(grams)


def _entries(rows: Iterable[tuple[int, str, str, str]], sign: int) -> tuple[list, list, list, dict]:
    """What the index holds of terms, rows of (pk, language, text, concept id): the ``term_index`` rows,
    the ``term_keys`` rows, (base language, pk, normalised text, trigrams) of each term, and the
    ``term_counts`` deltas (``sign`` 1: added, -1: taken out; see :func:`_counts`)."""
    index, keys, grams = [], [], []
    deltas: dict = {}
    for pk, lang, text, cid in rows:
        entry = norm, alt, k, g, matchable, _words = _entry(lang, text)
        base = base_lang(lang)
        index.append((pk, lang, base, norm, alt, _SEP.join(k), len(k), len(g), int(matchable)))
        keys.extend((base, key, len(k), cid, pk) for key in set(k))
        grams.append((base, pk, norm, g))
        _counts(lang, entry, sign, deltas)
    return index, keys, grams, deltas


def _gram_texts(grams: list[tuple]) -> dict[str, list[tuple[int, str]]]:
    """The rows of SQLite's FTS5 trigram tables of :func:`_entries`' terms: (pk, padded normalised text), by table."""
    out: dict[str, list[tuple[int, str]]] = {}
    for base, pk, norm, _g in grams:
        out.setdefault(_gram_table(base), []).append((pk, f"  {norm} "))
    return out


def _count_rows(deltas: dict[str, tuple[Counter, Counter]]) -> list[tuple]:
    """The ``term_counts`` changes of :func:`_counts`' deltas, as (kind, lang, value, n), none of them zero."""
    rows = []
    for lang, (counts, grams) in deltas.items():
        rows.extend((kind, lang, value, n) for (kind, value), n in counts.items() if n)
        rows.extend((_GRAM, lang, gram, n) for gram, n in grams.items() if n)
    return rows


class SQLiteTermIndex(TermIndexRepository):
    def __init__(self, store):  # a termbase.store.sqlite.SQLiteStore
        self._store = store
        self._conn = store._conn

    # ------------------------------------------------------------------ writing (inside a transaction)
    def add_terms(self, concept_pks: Sequence[int]) -> None:
        """Index the terms of these concepts (just written)."""
        for start in range(0, len(concept_pks), _CHUNK):
            chunk = list(concept_pks[start : start + _CHUNK])
            self._add(self._conn.execute(
                "SELECT t.pk, t.lang, t.text, c.id FROM terms t JOIN concepts c ON c.pk = t.concept_pk "
                f"WHERE t.concept_pk IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall())

    def _add(self, rows: list[tuple[int, str, str, str]]) -> None:
        """Index terms: rows of (pk, language, text, concept id)."""
        index, keys, grams, deltas = _entries(rows, 1)
        keys.sort()  # (B-tree pages written in order)
        self._conn.executemany("INSERT INTO term_index VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", index)
        self._conn.executemany("INSERT INTO term_keys VALUES (?, ?, ?, ?, ?)", keys)
        for table, texts in _gram_texts(grams).items():
            self._conn.executemany(f"INSERT INTO {table} (rowid, t) VALUES (?, ?)", texts)
        self._apply(deltas)

    def remove_terms(self, concept_pks: Sequence[int]) -> None:
        """Take the terms of these concepts out of the index (before they change or go)."""
        for start in range(0, len(concept_pks), _CHUNK):
            chunk = list(concept_pks[start : start + _CHUNK])
            rows = self._conn.execute(
                "SELECT t.pk, t.lang, t.text, c.id FROM terms t JOIN term_index i ON i.term_pk = t.pk "
                f"JOIN concepts c ON c.pk = t.concept_pk WHERE t.concept_pk IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            if rows:
                _index, keys, grams, deltas = _entries(rows, -1)
                self._remove([r[0] for r in rows], keys, grams)
                self._apply(deltas)

    def _remove(self, pks: list[int], keys: list[tuple], grams: list[tuple]) -> None:
        """Delete the index rows of the terms ``pks`` (their keys and grams as :func:`_entries` gives them)."""
        self._conn.executemany(
            "DELETE FROM term_keys WHERE lang = ? AND key = ? AND nkeys = ? AND concept_id = ? AND term_pk = ?", keys
        )
        for table, texts in _gram_texts(grams).items():
            self._conn.executemany(f"INSERT INTO {table} ({table}, rowid, t) VALUES ('delete', ?, ?)", texts)
        self._conn.executemany("DELETE FROM term_index WHERE term_pk = ?", [(pk,) for pk in pks])

    def _apply(self, deltas: dict[str, tuple[Counter, Counter]]) -> None:
        """Add the deltas to ``term_counts``; rows brought to zero go. Only the counts a removal lowered
        can have reached zero: those are deleted (a scan of the whole table cost seconds per edit on a
        large termbase)."""
        rows = _count_rows(deltas)
        self._conn.executemany(
            "INSERT INTO term_counts (kind, lang, value, n) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (kind, lang, value) DO UPDATE SET n = n + excluded.n",
            rows,
        )
        lowered = [row[:3] for row in rows if row[3] < 0]
        if lowered:
            self._conn.executemany("DELETE FROM term_counts WHERE kind = ? AND lang = ? AND value = ? AND n <= 0",
                                   lowered)

    def reindex(self) -> int:
        with self._store.atomic():
            self._clear()
            n = 0
            for rows in self._store.read_query(
                "SELECT t.pk, t.lang, t.text, c.id FROM terms t JOIN concepts c ON c.pk = t.concept_pk ORDER BY t.pk"
            ):
                self._add(rows)
                n += len(rows)
            return n

    def _clear(self) -> None:
        """Empty the index's tables."""
        for table in ("term_index", "term_keys", "term_counts"):
            self._conn.execute(f"DELETE FROM {table}")
        for lang in (*_GRAM_TABLES, "other"):
            table = _gram_table(lang)
            self._conn.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")

    # ------------------------------------------------------------------ reading
    def _terms(self, where: str, args: Sequence) -> list[IndexedTerm]:
        out = []
        for cid, pk, lang, text, status, typ, pos, note, created, modified, norm, keys, ngrams, seq in self._conn.execute(
            f"SELECT {_TERM_COLUMNS} {_FROM} WHERE {where} ORDER BY c.id, t.seq", args
        ):
            c = parse_time(created)
            m = c if modified == created else parse_time(modified)
            term = Term(lang, text, status, typ, pos, note, pk, c, m)
            out.append(IndexedTerm(cid, term, norm, tuple(keys.split(_SEP)) if keys else (), ngrams, seq))
        return out

    def count(self, *, up_to: int | None = None) -> int:
        with self._store._errors():
            return self._conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM term_index LIMIT ?)", (-1 if up_to is None else up_to,)
            ).fetchone()[0]

    def by_norm(self, norm: str) -> list[IndexedTerm]:
        with self._store._errors():
            return self._terms("(i.norm = ? OR i.alt = ?)", (norm, norm))

    def by_keys(
        self, lang: str, sequences: Iterable[tuple[str, ...]], *, base: bool = False
    ) -> dict[tuple[str, ...], list[IndexedTerm]]:
        column = "i.base" if base else "i.lang"
        joined = list(dict.fromkeys(_SEP.join(s) for s in sequences))
        out: dict[tuple[str, ...], list[IndexedTerm]] = {}
        with self._store._errors():
            for start in range(0, len(joined), _CHUNK):
                chunk = joined[start : start + _CHUNK]
                for found in self._terms(f"{column} = ? AND i.keys IN ({','.join('?' * len(chunk))})", [lang, *chunk]):
                    out.setdefault(found.keys, []).append(found)
        return out

    def beginnings(self, lang: str, sequences: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
        joined = list(dict.fromkeys(_SEP.join(s) for s in sequences))
        out: set[tuple[str, ...]] = set()
        with self._store._errors():
            for start in range(0, len(joined), _CHUNK):
                chunk = joined[start : start + _CHUNK]
                out.update(tuple(v.split(_SEP)) for (v,) in self._conn.execute(
                    f"SELECT value FROM term_counts WHERE kind = {_BEGINNING} AND lang = ? "
                    f"AND value IN ({','.join('?' * len(chunk))})", [lang, *chunk]))
        return out

    def languages(self) -> list[str]:
        with self._store._errors():
            return [v for (v,) in self._conn.execute(
                f"SELECT DISTINCT lang FROM term_counts WHERE kind = {_WORD} ORDER BY lang")]

    def word_prefixes(self, lang: str) -> frozenset[str]:
        with self._store._errors():
            return frozenset(v for (v,) in self._conn.execute(
                f"SELECT value FROM term_counts WHERE kind = {_WORD} AND lang = ?", (lang,)))

    def _count(self, kind: int, lang: str, values: Iterable[str]) -> dict[str, int]:
        values = list(dict.fromkeys(values))
        out: dict[str, int] = {}
        with self._store._errors():
            for start in range(0, len(values), _CHUNK):
                chunk = values[start : start + _CHUNK]
                out.update(self._conn.execute(
                    f"SELECT value, n FROM term_counts WHERE kind = {kind} AND lang = ? "
                    f"AND value IN ({','.join('?' * len(chunk))})", [lang, *chunk]))
        return out

    def key_counts(self, lang: str, keys: Iterable[str]) -> dict[str, int]:
        return self._count(_KEY, lang, keys)

    def next_length(self, lang: str, key: str, after: int) -> int | None:
        with self._store._errors():
            return self._conn.execute(
                "SELECT min(nkeys) FROM term_keys WHERE lang = ? AND key = ? AND nkeys > ?", (lang, key, after)
            ).fetchone()[0]

    def with_key(
        self, lang: str, key: str, length: int, *, after: str | None = None, concepts: int | None = None,
        also: Sequence[str] = (),
    ) -> list[IndexedTerm]:
        where = "lang = ? AND key = ? AND nkeys = ?"
        args: list = [lang, key, length]
        if after is not None:
            where += " AND concept_id > ?"
            args.append(after)
        for other in dict.fromkeys(k for k in also if k != key):  # one look-up in the primary key each
            where += (" AND EXISTS (SELECT 1 FROM term_keys o WHERE o.lang = term_keys.lang AND o.key = ? "
                      "AND o.nkeys = term_keys.nkeys AND o.concept_id = term_keys.concept_id "
                      "AND o.term_pk = term_keys.term_pk)")
            args.append(other)
        with self._store._errors():
            if concepts is not None:  # the first concepts, by id (in the order of the primary key)
                ids = [cid for (cid,) in self._conn.execute(
                    f"SELECT DISTINCT concept_id FROM term_keys WHERE {where} ORDER BY concept_id LIMIT ?",
                    [*args, concepts])]
                if not ids:
                    return []
                where += " AND concept_id <= ?"
                args.append(ids[-1])
            return self._terms(f"i.term_pk IN (SELECT term_pk FROM term_keys WHERE {where})", args)

    def gram_counts(self, lang: str, grams: Iterable[str]) -> dict[str, int]:
        return self._count(_GRAM, lang, grams)

    def with_grams(
        self, lang: str, grams: Sequence[str], *, others: int, size: int, dice: float,
        lengths: tuple[float, float] | None = None, limit: int | None = None,
    ) -> list[IndexedTerm]:
        grams = list(dict.fromkeys(grams))
        if not grams:
            return []
        table = _gram_table(lang)
        lists = " UNION ALL ".join(f"SELECT rowid AS r FROM {table} WHERE {table} MATCH ?" for _ in grams)
        args: list = [_gram_query(g) for g in grams]
        groups = f"SELECT r, count(*) AS n FROM ({lists}) GROUP BY r"
        if limit is not None:  # (only these terms are read from term_index: not one per posting)
            groups += " ORDER BY n DESC, r LIMIT ?"
            args.append(GRAM_GROUPS * limit)
        sql = (f"SELECT i.term_pk FROM ({groups}) s "
               "JOIN term_index i ON i.term_pk = s.r WHERE 2.0 * (s.n + ?) >= ? * (? + i.ngrams) - 1e-9")
        args += [others, dice, size]
        if lengths is not None:
            sql += " AND length(i.norm) BETWEEN ? AND ?"
            args += [lengths[0], lengths[1]]
        if limit is not None:
            sql += " ORDER BY s.n DESC, s.r LIMIT ?"
            args.append(limit)
        with self._store._errors():
            pks = [pk for (pk,) in self._conn.execute(sql, args)]
            return self._terms_by_pks(pks)

    def _terms_by_pks(self, pks: Sequence[int]) -> list[IndexedTerm]:
        """The indexed terms with these primary keys, read a chunk at a time (each chunk in concept order)."""
        out: list[IndexedTerm] = []
        for start in range(0, len(pks), _CHUNK):
            chunk = pks[start : start + _CHUNK]
            out.extend(self._terms(f"i.term_pk IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def with_anchors(
        self, lang: str, anchors: Sequence[str], *, need: int, grams: Iterable[str], dice: float,
        lengths: tuple[float, float], limit: int, rows: int, enough: int | None = None,
    ) -> list[IndexedTerm] | None:
        anchors = list(dict.fromkeys(anchors))
        if not anchors or not 0 < need <= len(anchors):
            return []
        wanted = set(grams)
        size = len(wanted)
        scored: list[tuple[int, int]] = []
        seen: set[int] = set()
        best = 0  # the most of ``grams`` a term read shares
        with self._store._errors():
            # the terms with all but one anchor first, then those with fewer (down to ``need``), as
            # long as ``rows`` last
            for having in range(max(need, len(anchors) - 1), need - 1, -1):
                if rows <= 0 or (enough is not None and best >= enough):
                    break
                for pk, norm, ngrams in self._anchor_rows(lang, anchors, having, rows):
                    rows -= 1
                    if pk in seen or not lengths[0] <= len(norm) <= lengths[1]:
                        continue
                    seen.add(pk)
                    shared = len(wanted & term_grams(norm))
                    if 2 * shared >= dice * (size + ngrams) - 1e-9:
                        scored.append((-shared, pk))
                        best = max(best, shared)
            scored.sort()
            pks = [pk for _, pk in scored[:limit]]
            return self._terms_by_pks(pks)

    def _anchor_rows(self, lang: str, anchors: list[str], having: int, rows: int) -> Iterable[tuple[int, str, int]]:
        """(term pk, normalised text, number of trigrams) of at most ``rows`` ``lang`` terms having
        at least ``having`` of the trigrams ``anchors``, in term order (FTS5 intersects the anchors'
        postings itself)."""
        table = _gram_table(lang)
        match = " OR ".join("(" + " AND ".join(_gram_query(g) for g in combo) + ")"
                            for combo in combinations(anchors, having))
        return self._conn.execute(
            f"SELECT s.r, i.norm, i.ngrams FROM (SELECT rowid AS r FROM {table} WHERE {table} MATCH ? "
            "LIMIT ?) s JOIN term_index i ON i.term_pk = s.r", (match, rows))
