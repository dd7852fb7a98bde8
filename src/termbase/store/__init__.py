"""The termbase store: concepts with their terms and history, and named translation memories.

Open one with :func:`open_store` or make an empty one with :func:`create_store`; both return a
:class:`Store` (see :mod:`termbase.store.base` for the contract every backend keeps). Today the backend
is chosen by the location: a file path is SQLite (:mod:`termbase.store.sqlite`), a ``postgresql://`` URL
is PostgreSQL (:mod:`termbase.store.postgres`); these are the only modules with SQL, and callers never
depend on either.

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
from typing import Callable, ContextManager

from .base import (
    DEFAULT_LOCK_TIMEOUT, ON_CONFLICT, AddCounts, ConceptRepository, MemoryRepository, Store, TokenRepository, unit_digest,
)
from .copying import CopyCounts, copy_rows
from .sqlite import SQLiteStore

#: What a server's location starts with (``postgres.SCHEMES``; the PostgreSQL backend and its driver
#: load only when a location names a server).
_SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(location: object) -> bool:
    """Whether ``location`` names a PostgreSQL database (a ``postgresql://`` URL)."""
    return isinstance(location, str) and location.startswith(_SERVER_SCHEMES)


def _postgres():
    """The PostgreSQL backend module, imported on first use (psycopg takes a third of a second)."""
    from . import postgres

    return postgres

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "ON_CONFLICT",
    "AddCounts",
    "ConceptRepository",
    "MemoryRepository",
    "Store",
    "TokenRepository",
    "copy_termbase",
    "create_store",
    "is_server",
    "new_store",
    "open_store",
    "safe_location",
    "termbase_exists",
    "unit_digest",
]


def open_store(location: str | Path, *, read_only: bool | None = None, lock_timeout: float | None = None) -> Store:
    """Open an existing termbase, upgrading an older schema. :class:`~termbase.errors.NotFound` if
    there is none; :class:`~termbase.errors.ParseError` if ``location`` is not a termbase.

    ``read_only``: never write (default: when the termbase cannot be written); ``lock_timeout``: how
    long a write waits for another's, in seconds (default :data:`DEFAULT_LOCK_TIMEOUT`)."""
    if is_postgres(location):
        return _postgres().PostgresStore.open(location, read_only=read_only, lock_timeout=lock_timeout)
    return SQLiteStore.open(location, read_only=read_only, lock_timeout=lock_timeout)


def create_store(location: str | Path, *, lock_timeout: float | None = None) -> Store:
    """Create an empty termbase (no concepts, no memories); an existing one is an error."""
    if is_postgres(location):
        return _postgres().PostgresStore.create(location, lock_timeout=lock_timeout)
    return SQLiteStore.create(location, lock_timeout=lock_timeout)


def new_store(location: str | Path, *, replace: bool = False, lock_timeout: float | None = None,
              check: Callable[[Store], None] | None = None) -> ContextManager[Store]:
    """A new, empty termbase for a ``with`` block to fill; it appears at ``location`` only when the
    block succeeds, replacing an existing one only with ``replace`` (else an error, ``needs="force"``).
    The store is closed when the block ends.

    Replacing locks the old termbase for writing until the new one is in place (so a running import
    ends first and is not lost); ``check(old_store)`` runs under that lock and may raise to keep it."""
    if is_postgres(location):
        return _postgres().PostgresStore.build(location, replace=replace, lock_timeout=lock_timeout, check=check)
    return SQLiteStore.build(location, replace=replace, lock_timeout=lock_timeout, check=check)


def copy_termbase(source: str | Path, target: str | Path, *, replace: bool = False,
                  lock_timeout: float | None = None) -> CopyCounts:
    """Copy the termbase at ``source`` (opened, and upgraded if older) into a new one at ``target``,
    row for row (:mod:`termbase.store.copying`): the target appears only when the copy is complete;
    an existing one is an error (``needs="force"``) unless ``replace``."""
    with open_store(source, lock_timeout=lock_timeout) as src:
        with new_store(target, replace=replace, lock_timeout=lock_timeout) as dst:
            return copy_rows(src, dst)


def is_server(location: str | Path) -> bool:
    """Whether ``location`` names a database server (a ``postgresql://`` URL) rather than a file."""
    return is_postgres(location)


def termbase_exists(location: str | Path) -> bool:
    """Whether there is a termbase at ``location`` (a file; or, on a server, the database holds one).
    A server that cannot be reached is a :class:`~termbase.errors.StoreError`."""
    if not is_postgres(location):
        return str(location) != ":memory:" and Path(location).exists()
    store = _postgres().PostgresStore(str(location))
    try:
        return store._state() != "empty"
    finally:
        store.close()


def safe_location(location: str | Path) -> str:
    """``location`` as messages may show it (a URL without its password)."""
    return _postgres().display_url(location) if is_postgres(location) else str(location)
