"""Sorting more records than memory should hold, for writers that must group what they are given
in another order (the PO writer merges the units of one ``msgid``): an external merge sort.

Records are tuples of ``str``, ``int``, ``float`` and ``None`` whose natural order is the order
wanted (the first fields must decide it: no two records may compare equal up to a ``None``). They
are kept in memory up to a budget, then sorted and written as a run to an anonymous temporary file
(gone when closed, or when the process dies: nothing left behind by ``kill -9``); iterating merges
the runs, reading each a batch (about 64 KB) at a time, and past 64 runs they are merged into one
as records come. Memory stays at about the budget, whatever the number of records; a small input
never touches the disk.

>>> with Spill(budget=100) as spill:
...     for word in ["Сенат", "Mazhilis", "Akimat", "Сенат"]:
...         spill.add((word, len(word)), len(word))
...     [w for w, _ in spill]
['Akimat', 'Mazhilis', 'Сенат', 'Сенат']
"""

from __future__ import annotations

import heapq
import marshal
import tempfile
from typing import IO, Iterable, Iterator

__all__ = ["Spill"]

#: Records in memory are counted at their characters plus this much each (the tuple and its objects).
RECORD_OVERHEAD = 200
#: About how much a batch of records written (and read back) together from a run holds: merging
#: holds one batch per run.
_BATCH_SIZE = 64 << 10
#: Past this many runs they are merged into one (merging holds a batch of each).
_MAX_RUNS = 64


class Spill:
    """Records added with :meth:`add`, given back sorted by iterating (once)."""

    def __init__(self, budget: int = 16 << 20):
        self.budget = budget
        self._records: list[tuple] = []
        self._size = 0
        self._runs: list[IO[bytes]] = []
        self._batch = 1000  # records a batch, from their mean size

    def add(self, record: tuple, size: int = 0) -> None:
        """Add ``record``; ``size``: about how many characters it holds."""
        self._records.append(record)
        self._size += size + RECORD_OVERHEAD
        if self._size > self.budget:
            self._spill()

    @property
    def runs(self) -> int:
        """How many runs are on disk."""
        return len(self._runs)

    def _spill(self) -> None:
        self._records.sort()
        self._batch = max(1, min(1000, _BATCH_SIZE * len(self._records) // self._size))
        self._runs.append(self._write(self._records))
        self._records, self._size = [], 0
        if len(self._runs) >= _MAX_RUNS:
            runs, self._runs = self._runs, []
            try:
                self._runs.append(self._write(heapq.merge(*(_read(run) for run in runs))))
            finally:
                for run in runs:
                    run.close()

    def _write(self, records: Iterable[tuple]) -> IO[bytes]:
        run = tempfile.TemporaryFile(prefix="termbase-sort-")
        try:
            batch: list[tuple] = []
            for record in records:
                batch.append(record)
                if len(batch) >= self._batch:
                    marshal.dump(batch, run)
                    batch = []
            if batch:
                marshal.dump(batch, run)
            run.seek(0)
        except BaseException:
            run.close()
            raise
        return run

    def __iter__(self) -> Iterator[tuple]:
        self._records.sort()
        if not self._runs:
            yield from self._records
            return
        yield from heapq.merge(*(_read(run) for run in self._runs), self._records)

    def close(self) -> None:
        for run in self._runs:
            run.close()
        self._runs, self._records = [], []

    def __enter__(self) -> "Spill":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _read(run: IO[bytes]) -> Iterator[tuple]:
    while True:
        try:
            batch = marshal.load(run)
        except EOFError:
            return
        yield from batch
