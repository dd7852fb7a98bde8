"""The term matcher and lookup of a store, over the term index the store keeps (``store.terms``).

A :class:`TermIndex` is made over a :class:`~termbase.store.Store`; its lookup
(:class:`~termbase.search.lookup.StoredLookup`; on a database server or in a long-lived process (a
server's workspaces), for a small termbase, the in-memory :class:`~termbase.search.lookup.LookupIndex`, kept up to date by replaying changes) and, for a termbase of more than :attr:`TermIndex.IN_MEMORY_TERMS`
terms, its matcher (:class:`~termbase.search.matcher.StoredMatcher`) read the store's persistent term
index, so nothing is built from all the concepts and starting costs the same for a million concepts as
for a thousand. What they keep of the index's answers, and the concepts read,
are dropped when :meth:`~termbase.store.Store.data_version` (a number kept in the database, checked on
every use) changes, so a change made by another process or another server instance is seen at the next call.

>>> from termbase.store import create_store
>>> from termbase.models import Concept, Term
>>> store = create_store(":memory:")
>>> _ = store.concepts.add(Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"))))
>>> index = TermIndex(store)
>>> [m.concept.id for m in index.lookup("Сенаттың")]
['senate']
>>> _ = store.concepts.add(Concept("mazhilis", (Term("en", "Mazhilis"),)))
>>> [m.concept_id for m in index.matcher().find("The Mazhilis and the Senate", "en")]
['mazhilis', 'senate']
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Iterator

from ..errors import NotFound
from ..models import Concept

#: More changed concepts than this since an in-memory lookup index was built: rebuild it rather than replay them.
REPLAY_LIMIT = 500

if TYPE_CHECKING:  # pragma: no cover
    from .lookup import LookupIndex, LookupMatch, StoredLookup
    from .matcher import TermMatcher
    from ..store import Store


class TermIndex:
    """Cached search structures over the concepts of ``store``; build one per store and keep it."""

    #: Concepts read by :meth:`concept` kept until the data changes, at most this many (the oldest go first).
    CONCEPT_CACHE = 4096

    def __init__(self, store: "Store", *, long_lived: bool = False):
        self.store = store
        #: Kept for many lookups (a server's): a small termbase is then looked up in memory on any store.
        self.long_lived = long_lived
        self._pinned: int | None = None  # the data version the caller read for us (see at_version)
        self._version: int | None = None
        self._matcher: TermMatcher | None = None
        self._lookup: StoredLookup | LookupIndex | None = None
        self._concepts: dict[str, Concept] = {}
        self._mark: int | None = None  # the store's change mark an in-memory lookup index is up to date with
        self._in_memory = False  # whether _lookup is an in-memory LookupIndex
        self._lookups = 0  # lookups answered

    def _refresh(self) -> None:
        # Read the version before reading anything: a change committed meanwhile makes the next
        # call drop what was read, never keeps it. The stored lookup keeps nothing (it asks the
        # store's index each time); the matcher keeps the index's answers, and the concepts are cached.
        version = self.store.data_version() if self._pinned is None else self._pinned
        if version != self._version:
            self._matcher = None
            self._concepts = {}
            self._version = version
            # an in-memory lookup index (see _memory_lookup): brought up to date with the concepts
            # changed since it was built, or rebuilt (or given up for the stored one: grown large,
            # which its own count of terms tells once the changes are in: no query)
            if self._in_memory and (self._lookup is None or not self._replay() or not self._still_small()):
                self._lookup = None

    def _still_small(self) -> bool:
        """Whether the in-memory lookup index, just brought up to date, still has few enough terms
        to be kept (:meth:`is_small` without asking the store)."""
        return not self._has_index() or self._lookup.term_count <= self.IN_MEMORY_TERMS

    @contextlib.contextmanager
    def at_version(self, version: int) -> Iterator[None]:
        """In the block, take ``version`` as the store's data version instead of reading it at each
        call: the caller has just read it (:meth:`termbase.store.Store.versions`, with what else a
        request needs, in one query) and writes nothing in the block. A change committed since is
        seen at the next call outside it, as a change committed during a call is."""
        self._pinned = version
        try:
            yield
        finally:
            self._pinned = None

    def _replay(self) -> bool:
        """Update the in-memory lookup index with the concepts changed since ``_mark``; False when
        the store cannot tell or too many changed (rebuild instead)."""
        if self._mark is None:
            return False
        changes = self.store.concepts.changes_since(self._mark)
        if changes is None or len(changes[1]) > REPLAY_LIMIT:
            return False
        self._mark, ids = changes
        fresh: dict[str, Concept | None] = {}
        for concept_id in ids:
            try:
                fresh[concept_id] = self.store.concepts.get(concept_id)
            except NotFound:
                fresh[concept_id] = None
        self._lookup.update(fresh)
        return True

    def _memory_lookup(self) -> bool:
        """Whether lookups use an in-memory index (:class:`~termbase.search.lookup.LookupIndex`,
        built once, then changes replayed): for a store without a term index, and for a small
        termbase on a store whose queries are round trips to a server (``store.remote``: the stored
        lookup asks some twenty queries per lookup, the in-memory one none) or kept by a long-lived
        process (:attr:`long_lived`: a server's, where the stored lookup's queries cost 2.5 times
        the in-memory search's CPU) once this index has answered :attr:`MEMORY_LOOKUP_AFTER`
        lookups. Both give the same answers."""
        if not self._has_index():
            return True
        return ((self.long_lived or bool(getattr(self.store, "remote", False)))
                and self._lookups >= self.MEMORY_LOOKUP_AFTER and self.is_small())

    #: How many lookups a :class:`TermIndex` answers from the stored index before it builds the
    #: in-memory one (when :meth:`_memory_lookup` allows): a command looking one text up never pays
    #: for the build, a server does once.
    MEMORY_LOOKUP_AFTER = 20

    def _has_index(self) -> bool:
        """Whether the store keeps a term index (a backend that does not yet gets in-memory ones)."""
        return getattr(self.store, "terms", None) is not None

    #: A termbase of at most this many terms gets an in-memory matcher, built from its concepts
    #: (a few milliseconds; then each text costs one automaton pass, no query); a larger one the
    #: matcher over the store's term index, which starts at once. Both find the same matches.
    IN_MEMORY_TERMS = 5000

    def is_small(self) -> bool:
        """Whether the termbase has at most :attr:`IN_MEMORY_TERMS` terms (or its store keeps no term
        index: then the in-memory structures are used whatever its size)."""
        if not self._has_index():
            return True
        return self.term_count(up_to=self.IN_MEMORY_TERMS + 1) <= self.IN_MEMORY_TERMS

    def matcher(self) -> "TermMatcher":
        """The inflection-aware matcher of every term (:class:`termbase.search.matcher.TermMatcher`,
        or for a large termbase :class:`~termbase.search.matcher.StoredMatcher`)."""
        self._refresh()
        if self._matcher is None:
            from .matcher import StoredMatcher, TermMatcher

            if self.is_small():
                self._matcher = TermMatcher.from_concepts(self.store.concepts.iterate())
            else:
                self._matcher = StoredMatcher(self.store.terms)
        return self._matcher

    def lookup(self, text: str, lang: str | None = None, *, limit: int = 10) -> list["LookupMatch"]:
        """Concepts matching ``text`` best first (see :mod:`termbase.search.lookup`)."""
        self._refresh()
        self._lookups += 1
        if self._lookups == self.MEMORY_LOOKUP_AFTER and not self._in_memory:
            self._lookup = None  # chosen again: a long-lived index on a server may keep one in memory
        if self._lookup is None:
            from .lookup import LookupIndex, StoredLookup

            self._in_memory = self._memory_lookup()
            if not self._in_memory:
                self._lookup = StoredLookup(self.store.terms, self.concept)
            else:
                mark = self.store.concepts.changes_since(None)  # before reading: later changes are replayed
                self._mark = None if mark is None else mark[0]
                self._lookup = LookupIndex(list(self.store.concepts.iterate()))
        return self._lookup.search(text, lang=lang, limit=limit)

    def concept(self, concept_id: str) -> Concept:
        """One concept (cached until the data changes; an in-memory lookup index, kept up to date,
        has every one); :class:`~termbase.errors.NotFound` if missing."""
        self._refresh()
        if self._in_memory and self._lookup is not None:
            found = self._lookup.concept(concept_id)
            if found is not None:
                return found
        found = self._concepts.get(concept_id)
        if found is None:
            if len(self._concepts) >= self.CONCEPT_CACHE:  # (a server's reads of a large termbase)
                del self._concepts[next(iter(self._concepts))]  # the oldest read
            found = self._concepts[concept_id] = self.store.concepts.get(concept_id)
        return found

    def term_count(self, *, up_to: int | None = None) -> int:
        """How many terms the termbase has (counting stops at ``up_to``)."""
        return self.store.terms.count(up_to=up_to)

    def concepts(self) -> Iterator[Concept]:
        """Every concept, ordered by id (streamed from the store)."""
        return self.store.concepts.iterate()
