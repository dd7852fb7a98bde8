"""The termbase store: concepts with their terms and history, and named translation memories.

Open one with :func:`open_store` or make an empty one with :func:`create_store`; both return a
:class:`Store` (see :mod:`termbase.store.base` for the contract every backend keeps). Today the backend
is SQLite (:mod:`termbase.store.sqlite`, the only module with SQL); callers never depend on it.

>>> from termbase.models import Concept, Term
>>> with create_store(":memory:") as store:
...     added = store.concepts.add(Concept(None, (Term("en", "Senate"), Term("ru", "Сенат"))))
...     changed = store.concepts.update(Concept("senate", added.terms + (Term("kk", "Сенат"),)))
...     [c.action for c in store.concepts.history("senate")], changed.version, changed.terms[0].id == added.terms[0].id
(['create', 'update'], 2, True)

A new store is empty; the shipped glossary is loaded by the caller:
``store.concepts.add_many(load_shipped(), on_conflict="replace")``.
"""

from __future__ import annotations

from pathlib import Path
from typing import ContextManager

from .base import ON_CONFLICT, AddCounts, ConceptRepository, MemoryRepository, Store, unit_digest
from .sqlite import SQLiteStore

__all__ = [
    "ON_CONFLICT",
    "AddCounts",
    "ConceptRepository",
    "MemoryRepository",
    "Store",
    "create_store",
    "new_store",
    "open_store",
    "unit_digest",
]


def open_store(location: str | Path) -> Store:
    """Open an existing termbase, upgrading an older schema. :class:`~termbase.errors.NotFound` if
    there is none; :class:`~termbase.errors.ParseError` if ``location`` is not a termbase."""
    return SQLiteStore.open(location)


def create_store(location: str | Path) -> Store:
    """Create an empty termbase (no concepts, no memories); an existing one is an error."""
    return SQLiteStore.create(location)


def new_store(location: str | Path, *, replace: bool = False) -> ContextManager[Store]:
    """A new, empty termbase for a ``with`` block to fill; it appears at ``location`` only when the
    block succeeds, replacing an existing one only with ``replace`` (else an error, ``needs="force"``).
    The store is closed when the block ends."""
    return SQLiteStore.build(location, replace=replace)
