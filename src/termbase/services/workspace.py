"""An opened termbase: its store and the search index over it, what the services work on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..search import TermIndex
from ..store import DEFAULT_LOCK_TIMEOUT, Store, open_store, safe_location, termbase_exists

if TYPE_CHECKING:  # pragma: no cover
    from .corpora import MemoryCorpora

__all__ = ["DEFAULT_LOCK_TIMEOUT", "Workspace"]


class Workspace:
    """A termbase opened for work: ``store`` (concepts, memories) and ``index`` (term matcher and
    lookup, rebuilt when the concepts change). Close it when done, or use ``with``. ``long_lived``:
    kept for many requests (a server's), so a small termbase's lookups are worth an in-memory index
    (:class:`~termbase.search.TermIndex`). ``corpora``: where the mining indexes of memories are kept
    between requests (a server's workspaces share one :class:`~termbase.services.MemoryCorpora`);
    None: each extraction with a memory indexes it afresh."""

    def __init__(self, store: Store, *, long_lived: bool = False, corpora: "MemoryCorpora | None" = None):
        self.store = store
        self.index = TermIndex(store, long_lived=long_lived)
        self.corpora = corpora

    @classmethod
    def open(cls, location: str | Path, *, lock_timeout: float | None = None, long_lived: bool = False,
             corpora: "MemoryCorpora | None" = None) -> "Workspace":
        """Open the termbase at ``location``; :class:`~termbase.errors.NotFound` (``needs="termbase"``)
        when there is none. It is opened read-only when it cannot be written; ``lock_timeout`` bounds
        how long a write waits for another process's (seconds)."""
        return cls(open_store(location, lock_timeout=lock_timeout), long_lived=long_lived, corpora=corpora)

    @property
    def location(self) -> str:
        return self.store.location

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def has_termbase(location: str | Path) -> bool:
    """Whether a termbase is at ``location`` (a file, or a PostgreSQL database that holds one)."""
    return termbase_exists(location)


def shown_location(location: str | Path) -> str:
    """``location`` as messages show it (a database URL without its password)."""
    return safe_location(location)
