"""The term matcher and lookup index of a store, kept out of the store and rebuilt when its data changes.

A :class:`TermIndex` is built over a :class:`~termbase.store.Store` and checks
:meth:`~termbase.store.Store.data_version` (a number kept in the database) on every use, so a change made
by another process or another server instance is seen at the next call. The lookup index is then
brought up to date with the concepts changed since it was built
(:meth:`~termbase.store.ConceptRepository.changes_since`), not rebuilt: a server whose termbase is
edited all day keeps answering lookups at full speed.

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

from ..errors import NotFound
from ..models import Concept

#: More changed concepts than this since the index was built: rebuild it rather than replay them.
REPLAY_LIMIT = 500

if TYPE_CHECKING:  # pragma: no cover
    from .lookup import LookupIndex, LookupMatch
    from .matcher import TermMatcher
    from ..store import Store


class TermIndex:
    """Cached search structures over the concepts of ``store``; build one per store and keep it."""

    def __init__(self, store: "Store"):
        self.store = store
        self._version: int | None = None
        self._matcher: TermMatcher | None = None
        self._lookup: LookupIndex | None = None
        self._concepts: dict[str, Concept] = {}
        self._mark: int | None = None  # the store's change mark the lookup index is up to date with

    def _refresh(self) -> None:
        # Read the version before building: a change committed while building makes the next call
        # look again, never keeps a stale index.
        version = self.store.data_version()
        if version == self._version:
            return
        self._version = version
        self._matcher = None
        if self._lookup is None or not self._replay():
            self._lookup = None
            self._concepts = {}

    def _replay(self) -> bool:
        """Update the lookup index and the concept cache with the concepts changed since ``_mark``;
        False when the store cannot tell or too many changed (rebuild instead)."""
        if self._mark is None:
            return False
        changes = self.store.concepts.changes_since(self._mark)
        if changes is None or len(changes[1]) > REPLAY_LIMIT:
            return False
        self._mark, ids = changes
        fresh: dict[str, Concept | None] = {}
        for concept_id in ids:
            self._concepts.pop(concept_id, None)
            try:
                fresh[concept_id] = self.store.concepts.get(concept_id)
            except NotFound:
                fresh[concept_id] = None
        self._lookup.update(fresh)
        return True

    def matcher(self) -> "TermMatcher":
        """The inflection-aware matcher of every term (:class:`termbase.search.matcher.TermMatcher`)."""
        self._refresh()
        if self._matcher is None:
            from .matcher import TermMatcher

            self._matcher = TermMatcher.from_concepts(self.store.concepts.iterate())
        return self._matcher

    def lookup(self, text: str, lang: str | None = None, *, limit: int = 10) -> list["LookupMatch"]:
        """Concepts matching ``text`` best first (see :mod:`termbase.search.lookup`)."""
        self._refresh()
        if self._lookup is None:
            from .lookup import LookupIndex

            mark = self.store.concepts.changes_since(None)  # before reading: later changes are replayed
            self._mark = None if mark is None else mark[0]
            self._lookup = LookupIndex(list(self.store.concepts.iterate()))
        return self._lookup.search(text, lang=lang, limit=limit)

    def concept(self, concept_id: str) -> Concept:
        """One concept (cached until the data changes); :class:`~termbase.errors.NotFound` if missing."""
        self._refresh()
        found = self._concepts.get(concept_id)
        if found is None:
            found = self._concepts[concept_id] = self.store.concepts.get(concept_id)
        return found

    def concepts(self) -> Iterator[Concept]:
        """Every concept, ordered by id (streamed from the store)."""
        return self.store.concepts.iterate()
