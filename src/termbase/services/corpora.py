"""The mining indexes of stored memories (:class:`~termbase.mining.UnitCorpus`), made once per change.

Extraction with a memory (``extract_files(memory=...)``) mines the memory's units, indexed by word
key per language; indexing 100,000 units takes about ten seconds of CPU. A command indexes once; a
server keeps the indexes between requests in a :class:`MemoryCorpora` that its workspaces share
(``Workspace(corpora=...)``), each under the version its memory was at (the store's
:meth:`~termbase.store.base.MemoryRepository.version`, kept in the database and moved by every
change of the memory's units, from any connection, process or server).
"""

from __future__ import annotations

import threading

from ..languages._cache import WeighedCache
from ..mining import MinedUnit, UnitCorpus, associations_most
from ..store import Store

__all__ = ["DEFAULT_CORPUS_CACHE_MB", "MemoryCorpora", "build_corpus", "corpus_weight"]

#: Megabytes of memory indexes a server process keeps (about: :func:`corpus_weight`, the index and
#: the most its word associations can grow to); a 100,000-unit three-language memory's index weighs
#: about 230 (NTREX sentences), and its associations up to 96 more (16 per pair of languages).
DEFAULT_CORPUS_CACHE_MB = 1024
#: Memories whose indexes a server process keeps at most.
DEFAULT_CORPORA = 4


def corpus_weight(corpus: UnitCorpus) -> int:
    """About the most bytes a kept ``corpus`` can come to hold: its index (:attr:`UnitCorpus.nbytes`)
    and the word associations its requests keep with it (:func:`termbase.mining.associations_most`)."""
    return corpus.nbytes + associations_most(corpus)


def build_corpus(store: Store, memory: str) -> UnitCorpus:
    """The units of the stored ``memory`` indexed for mining (:class:`~termbase.errors.NotFound` when
    it has none)."""
    return UnitCorpus(MinedUnit(u.id, u.texts, u.source_lang) for u in store.memories.iter_units(memory))


class MemoryCorpora:
    """The mining indexes of stored memories kept by a long-lived process (a server) between requests:
    at most ``limit`` of them, weighing about ``max_mb`` megabytes in all, the least recently used
    dropped first (one heavier than that alone is made for each request, never kept).

    An index is kept with the version of its memory read before its units were read, and kept only if
    the version is the same after; it is served again only while the database says that version, so
    an import, an edit or a removal of units by any connection, process or server makes the next
    request index the memory again, and an old version is dropped then. Inside a transaction that
    changed memories (the version is None) nothing is served from or kept in the cache: a rollback
    could take those units back. Requests for one memory at once wait for one indexing.

    >>> corpora = MemoryCorpora(limit=2, max_mb=1)
    >>> corpora.kept()
    []
    """

    def __init__(self, *, limit: int = DEFAULT_CORPORA, max_mb: int = DEFAULT_CORPUS_CACHE_MB):
        self._kept = WeighedCache(limit, max_mb * 2**20)
        self._building: dict[tuple[str, str], threading.Lock] = {}
        self._lock = threading.Lock()
        #: How many indexes were made (for tests and benchmarks).
        self.built = 0

    def corpus(self, store: Store, memory: str) -> UnitCorpus:
        """The mining index of ``memory`` in ``store``: the one kept when its memory has not changed
        since, else made now (and kept)."""
        version = store.memories.version(memory)
        if version is None:
            return self._build(store, memory)
        key = (store.location, memory)
        got = self._current(key, version)
        if got is not None:
            return got
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            # the version again: another request may have made a newer one meanwhile (this request's
            # first read may be older than that; it must not drop the newer index)
            version = store.memories.version(memory)
            if version is None:
                return self._build(store, memory)
            got = self._current(key, version)
            if got is not None:
                return got
            self._kept.discard(key)  # an older version: not held while the new one is made
            corpus = self._build(store, memory)
            if store.memories.version(memory) == version:  # no change committed while reading
                self._kept.put(key, (version, corpus), corpus_weight(corpus))
        return corpus

    def _current(self, key: tuple[str, str], version: tuple) -> UnitCorpus | None:
        got = self._kept.get(key)
        return got[1] if got is not None and got[0] == version else None

    def _build(self, store: Store, memory: str) -> UnitCorpus:
        corpus = build_corpus(store, memory)
        self.built += 1
        return corpus

    @property
    def weight(self) -> int:
        """What the indexes kept weigh in all (:func:`corpus_weight`)."""
        return self._kept.weight

    def kept(self) -> list[tuple[str, str]]:
        """``(location, memory)`` of the indexes kept, the least recently used first."""
        return self._kept.keys()

    def clear(self) -> None:
        for key in self.kept():
            self._kept.discard(key)
