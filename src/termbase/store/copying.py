"""Moving a whole termbase between databases, row for row (``termbase copy``).

Both backends keep the same tables with the same columns and values (see :mod:`termbase.store.postgres`),
so a copy reads every row of the source in one snapshot and writes it unchanged into a new, empty
termbase of the same schema version: ids, versions, timestamps, history, evidence, memory units, unit
changes and API tokens stay as they were, and the id counters continue where the source's stood (an id
deleted there is not given again here). Each memory gets a new random epoch (its version number is
kept): a server may hold a mining index under a (memory, epoch, version) of the source, and a backup
copied back and edited as often must not show it again for other units. The memory index and its word counts are derived and rebuilt
from the units. The target is made by :func:`termbase.store.new_store`, so it appears whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

#: Tables written with the termbase itself (not copied) and derived ones (rebuilt).
SKIPPED = {"meta", "counters", "tm_index", "tm_df"}
# The term index's tables (term_index, term_keys, term_counts, term_grams_*): rebuilt, not copied.
_TERM_INDEX = ("term_index", "term_keys", "term_counts", "term_grams")
#: The order parents come before children in; tables not named here follow, sorted.
ORDER = ("concepts", "terms", "concept_evidence", "concept_history", "tm_units", "tm_texts", "tm_unit_changes",
         "api_tokens")


@dataclass(frozen=True)
class CopyCounts:
    """Rows copied per table, and the memory index rebuilt (unit texts indexed)."""

    rows: dict[str, int] = field(default_factory=dict)
    indexed: int = 0


class RowCopy:
    """What a store lends to :func:`copy_rows`; mixed into both backends (their ``_conn`` takes ``?``
    parameters). A backend tells its tables and reads and sets its id counters; the rows are read in
    the store's ``snapshot`` by its ``read_query`` (:class:`termbase.store.sqlite.SharedStore`)."""

    def _tables(self) -> list[str]:  # pragma: no cover - each backend has its own
        raise NotImplementedError

    def _columns(self, table: str) -> list[str]:  # pragma: no cover
        raise NotImplementedError

    def id_counters(self) -> dict[str, int]:  # pragma: no cover
        """The last id given in each table that gives ids: ``{table: n}``."""
        raise NotImplementedError

    def set_id_counters(self, counters: dict[str, int]) -> None:  # pragma: no cover
        """Make each table's next id come after ``counters[table]`` (and after its largest id)."""
        raise NotImplementedError

    def copy_tables(self) -> list[str]:
        """The tables a copy moves, parents first."""
        tables = [t for t in self._tables() if t not in SKIPPED and not t.startswith(_TERM_INDEX)]
        return [t for t in ORDER if t in tables] + sorted(t for t in tables if t not in ORDER)

    def read_rows(self, table: str, columns: list[str], *, batch: int = 5000) -> Iterator[list[tuple]]:
        """The rows of ``table`` (those ``columns``), ``batch`` at a time, in key order."""
        return self.read_query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {columns[0]}", batch=batch,
                               name=f"termbase_copy_{table}")

    def write_rows(self, table: str, columns: list[str], batches: Iterable[list[tuple]]) -> int:
        """Insert rows as they are (ids included); how many."""
        n = 0
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        for rows in batches:
            self._conn.executemany(sql, rows)
            n += len(rows)
        return n


def copy_rows(source, target) -> CopyCounts:
    """Copy every row of ``source`` into the empty ``target`` (both :class:`RowCopy` stores at the same
    schema version), in ``target``'s transaction, then rebuild its memory index."""
    if source.schema_version != target.schema_version:
        raise ValueError(f"schema versions differ: {source.schema_version} and {target.schema_version}")
    rows: dict[str, int] = {}
    with source._errors(), source.snapshot(), target.atomic():
        wanted = set(target.copy_tables())
        for table in source.copy_tables():
            if table not in wanted:
                continue
            theirs = set(target._columns(table))
            columns = [c for c in source._columns(table) if c in theirs]
            rows[table] = target.write_rows(table, columns, source.read_rows(table, columns))
        target.set_id_counters(source.id_counters())
        target.memories.new_epochs()  # a server may have kept the source's (memory, version)s
        indexed = target.memories.reindex()
        if getattr(target, "terms", None) is not None:
            target.terms.reindex()
        target._concepts_changed = True  # caches of the target's concepts start again
    return CopyCounts(rows, indexed)
