"""An opened termbase: its store and the search index over it, what the services work on."""

from __future__ import annotations

from pathlib import Path

from ..search import TermIndex
from ..store import Store, open_store


class Workspace:
    """A termbase opened for work: ``store`` (concepts, memories) and ``index`` (term matcher and
    lookup, rebuilt when the concepts change). Close it when done, or use ``with``."""

    def __init__(self, store: Store):
        self.store = store
        self.index = TermIndex(store)

    @classmethod
    def open(cls, location: str | Path) -> "Workspace":
        """Open the termbase at ``location``; :class:`~termbase.errors.NotFound` (``needs="termbase"``)
        when there is none."""
        return cls(open_store(location))

    @property
    def location(self) -> str:
        return self.store.location

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
