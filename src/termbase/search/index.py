"""The term matcher and lookup of a store, over the term index the store keeps (``store.terms``).

A :class:`TermIndex` is made over a :class:`~termbase.store.Store`; its matcher
(:class:`~termbase.search.matcher.StoredMatcher`) and lookup (:class:`~termbase.search.lookup.StoredLookup`)
read the store's persistent term index, so nothing is built from all the concepts and starting costs the
same for a million concepts as for ten. What they keep of the index's answers, and the concepts read,
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

from typing import TYPE_CHECKING, Iterator

from ..models import Concept

if TYPE_CHECKING:  # pragma: no cover
    from .lookup import LookupMatch, StoredLookup
    from .matcher import StoredMatcher
    from ..store import Store


class TermIndex:
    """Cached search structures over the concepts of ``store``; build one per store and keep it."""

    def __init__(self, store: "Store"):
        self.store = store
        self._version: int | None = None
        self._matcher: StoredMatcher | None = None
        self._lookup: StoredLookup | None = None
        self._concepts: dict[str, Concept] = {}

    def _refresh(self) -> None:
        # Read the version before reading anything: a change committed meanwhile makes the next
        # call drop what was read, never keeps it. The lookup keeps nothing (it asks the store's
        # index each time); the matcher keeps the index's answers, and the concepts are cached.
        version = self.store.data_version()
        if version != self._version:
            self._matcher = None
            self._concepts = {}
            self._version = version

    def matcher(self) -> "StoredMatcher":
        """The inflection-aware matcher of every term (a :class:`termbase.search.matcher.TermMatcher`)."""
        self._refresh()
        if self._matcher is None:
            from .matcher import StoredMatcher

            self._matcher = StoredMatcher(self.store.terms)
        return self._matcher

    def lookup(self, text: str, lang: str | None = None, *, limit: int = 10) -> list["LookupMatch"]:
        """Concepts matching ``text`` best first (see :mod:`termbase.search.lookup`)."""
        self._refresh()
        if self._lookup is None:
            from .lookup import StoredLookup

            self._lookup = StoredLookup(self.store.terms, self.concept)
        return self._lookup.search(text, lang=lang, limit=limit)

    def concept(self, concept_id: str) -> Concept:
        """One concept (cached until the data changes); :class:`~termbase.errors.NotFound` if missing."""
        self._refresh()
        found = self._concepts.get(concept_id)
        if found is None:
            found = self._concepts[concept_id] = self.store.concepts.get(concept_id)
        return found

    def term_count(self, *, up_to: int | None = None) -> int:
        """How many terms the termbase has (counting stops at ``up_to``)."""
        return self.store.terms.count(up_to=up_to)

    def concepts(self) -> Iterator[Concept]:
        """Every concept, ordered by id (streamed from the store)."""
        return self.store.concepts.iterate()
