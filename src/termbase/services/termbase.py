"""Creating a termbase and counting what it holds."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ValidationError
from ..glossary import load_shipped
from ..store import Store, new_store, safe_location
from .latin import LATIN_ACTOR, is_generated_latin, latin_terms
from .progress import Progress, counted
from .workspace import Workspace, has_termbase, shown_location  # noqa: F401  (services' names)


@dataclass(frozen=True)
class InitResult:
    """A termbase created: where, and how many concepts and terms (per language) it holds."""

    location: str
    concepts: int
    terms: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"location": self.location, "concepts": self.concepts, "terms": dict(self.terms)}


def init_termbase(location: str | Path, *, empty: bool = False, force: bool = False,
                  confirmed: bool = False, lock_timeout: float | None = None) -> InitResult:
    """Create a termbase at ``location``, loaded with the shipped glossary unless ``empty``.

    An existing termbase is an error (``needs="force"``) unless ``force``, which replaces it; when it
    holds translation memories or concepts the shipped glossary does not have (or has otherwise),
    replacing it also needs ``confirmed`` (``needs="yes"``), and the error says what would be lost. The
    new termbase appears only once it is complete: a failure leaves the old one (or nothing) in place.
    The old one is locked while it is replaced: a running import ends first (``lock_timeout`` bounds
    the wait), and what it imported counts as what would be lost.
    """
    def check(old) -> None:
        lost = _would_lose(old)
        if lost:
            raise ValidationError(f"{safe_location(location)} holds {lost}; replacing it would lose them", needs="yes")

    with new_store(location, replace=force, lock_timeout=lock_timeout,
                   check=None if confirmed else check) as store:
        if not empty:
            store.concepts.add_many(load_shipped(), on_conflict="replace")
        stats = store.concepts.stats()
    return InitResult(safe_location(location), stats["concepts"], dict(stats["terms"]))


def _would_lose(store: Store) -> str:
    """What replacing the termbase ``store`` would lose: memory units and user concepts."""
    shipped = {c.id: c for c in load_shipped()}
    units = sum(store.memories.count(name) for name in store.memories.names())
    mine = sum(1 for c in store.concepts.iterate() if shipped.get(c.id) != c)
    parts = []
    if units:
        parts.append(f"{units} translation-memory unit(s)")
    if mine:
        parts.append(f"{mine} concept(s) added or changed by its users")
    return " and ".join(parts)


@dataclass(frozen=True)
class TermbaseStats:
    """What a termbase holds: concepts (and how many have en, kk and ru terms), terms per language,
    units per translation memory."""

    location: str
    concepts: int
    complete_concepts: int
    terms: dict[str, int]
    memories: dict[str, int]

    def to_dict(self) -> dict:
        return {
            "concepts": self.concepts,
            "complete_concepts": self.complete_concepts,
            "terms": dict(self.terms),
            "translation_memories": dict(self.memories),
        }


def termbase_stats(ws: Workspace) -> TermbaseStats:
    data = ws.store.concepts.stats()
    memories = {name: ws.store.memories.count(name) for name in ws.store.memories.names()}
    return TermbaseStats(ws.location, data["concepts"], data["complete_concepts"], dict(data["terms"]), memories)


#: Who glossary updates are recorded as, in concept histories.
GLOSSARY_ACTOR = "termbase glossary update"


@dataclass(frozen=True)
class GlossaryUpdate:
    """What updating from the shipped glossary did (or, dry run, would do), by concept id."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    kept_edited: tuple[str, ...]
    kept_removed: tuple[str, ...]
    unchanged: int
    applied: bool

    def to_dict(self) -> dict:
        return {"added": list(self.added), "changed": list(self.changed), "kept_edited": list(self.kept_edited),
                "kept_removed": list(self.kept_removed), "unchanged": self.unchanged, "applied": self.applied}


def update_glossary(ws: Workspace, *, dry_run: bool = False, progress: Progress | None = None) -> GlossaryUpdate:
    """Bring the termbase's shipped concepts up to the glossary installed with this termbase.

    A shipped concept the termbase lacks is added, unless its users removed it; one that differs is
    replaced when nobody changed it since it was created (its history has only its creation or
    earlier glossary updates), else the user's version is kept. Concepts the glossary does not have,
    and translation memories, are never touched. All in one transaction, recorded in each concept's
    history as :data:`GLOSSARY_ACTOR`. ``progress`` hears how many concepts have been compared, then
    written."""
    added, changed, edited, removed = [], [], [], []
    unchanged = 0
    plan = []
    glossary = list(load_shipped())
    for shipped in counted(glossary, progress, "shipped concepts compared", total=len(glossary), every=50):
        history = ws.store.concepts.history(shipped.id)
        if not ws.store.concepts.exists(shipped.id):
            if any(c.action == "delete" for c in history):
                removed.append(shipped.id)
            else:
                added.append(shipped.id)
                plan.append(("add", shipped))
            continue
        current = ws.store.concepts.get(shipped.id)
        # Latin terms made by 'glossary latin' are no user edit: compared without them, and made
        # again from the new Kazakh terms when the concept is updated.
        generated = any(is_generated_latin(t) for t in current.terms)
        if generated:
            current = replace(current, terms=tuple(t for t in current.terms if not is_generated_latin(t)))
        if current == shipped:
            unchanged += 1
        elif all(c.action == "create" or c.actor in (GLOSSARY_ACTOR, LATIN_ACTOR) for c in history):
            changed.append(shipped.id)
            plan.append(("update", replace(shipped, terms=shipped.terms + latin_terms(shipped)) if generated else shipped))
        else:
            edited.append(shipped.id)
    if not dry_run and plan:
        with ws.store.atomic():
            for action, concept in counted(plan, progress, "concepts written", total=len(plan), every=50):
                if action == "add":
                    ws.store.concepts.add(concept, actor=GLOSSARY_ACTOR)
                else:
                    ws.store.concepts.update(concept, actor=GLOSSARY_ACTOR)
    return GlossaryUpdate(tuple(added), tuple(changed), tuple(edited), tuple(removed), unchanged, not dry_run)


def data_version(ws: Workspace) -> int:
    """The termbase's data version (see :meth:`termbase.store.Store.data_version`): changes whenever
    its concepts do; reading it is also the cheapest way to see that the database answers."""
    return ws.store.data_version()


@dataclass(frozen=True)
class LimitsInfo:
    """The size limits in force (:mod:`termbase.limits`): each value, its environment variable and
    what it bounds."""

    values: dict[str, int]

    def rows(self) -> list[tuple[str, int, str, str]]:
        """(name, value, environment variable, meaning) per limit."""
        from ..limits import ENV, MEANING

        return [(name, value, ENV[name], MEANING[name]) for name, value in self.values.items()]

    def to_dict(self) -> dict:
        return {name: {"value": value, "env": env, "meaning": meaning} for name, value, env, meaning in self.rows()}


def size_limits() -> LimitsInfo:
    """The limits on what termbase reads, from the environment (a ``TermbaseError`` for a bad value)."""
    from ..limits import current

    return LimitsInfo(current().to_dict())
