"""Latin forms of the Kazakh terms, generated on request (``termbase glossary latin``).

Every Kazakh (Cyrillic) term of a concept gets a ``kk-Latn`` term: its spelling in the 2021 Latin
alphabet (:func:`termbase.languages.kazakh_to_latin`), status ``proposed`` (a deprecated or forbidden
Cyrillic term's Latin form keeps that status, so a check flags it in Latin too), type as the
Cyrillic term's, and a note that marks it generated. No Latin spelling of a state body's name has
been published as official yet: a person approves a generated term (``termbase approve``) after
checking it. The changes are one transaction, each recorded in its concept's history with the actor
:data:`LATIN_ACTOR`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..languages import KK_LATN, kazakh_to_latin
from ..models import Concept, Term
from .workspace import Workspace

#: Who the history names for generated Latin terms.
LATIN_ACTOR = "termbase glossary latin"
#: The start of the note of every generated Latin term.
GENERATED_NOTE = "generated: 2021 Latin transliteration of"


@dataclass(frozen=True)
class LatinResult:
    """What ``glossary latin`` added (or, with ``dry_run``, would add): concept id -> Latin terms."""

    added: dict[str, tuple[str, ...]]
    applied: bool

    @property
    def terms(self) -> int:
        return sum(len(v) for v in self.added.values())

    def to_dict(self) -> dict:
        return {"added": {k: list(v) for k, v in self.added.items()}, "terms": self.terms, "applied": self.applied}


def is_generated_latin(term: Term) -> bool:
    """A ``kk-Latn`` term that ``glossary latin`` made (its note says so, whatever its status now)."""
    return term.lang == KK_LATN and (term.note or "").startswith(GENERATED_NOTE)


def latin_terms(concept: Concept) -> tuple[Term, ...]:
    """The generated Latin terms ``concept`` lacks, in the order of its Kazakh terms.

    >>> c = Concept("senate", (Term("kk", "Сенат"), Term("kk", "Парламент Сенаты", type="short")))
    >>> [(t.text, t.status, t.type) for t in latin_terms(c)]
    [('Senat', 'proposed', 'full'), ('Parlament Senaty', 'proposed', 'short')]
    """
    have = {t.text for t in concept.terms if t.lang == KK_LATN}
    out = []
    for term in concept.terms:
        if term.lang != "kk":
            continue
        text = kazakh_to_latin(term.text)
        if text in have:
            continue
        have.add(text)
        status = term.status if term.status in ("deprecated", "forbidden") else "proposed"
        note = f"{GENERATED_NOTE} «{term.text}» ({term.status}); not an official spelling"
        out.append(Term(KK_LATN, text, status, term.type, term.pos, note))
    return tuple(out)


def generate_latin(ws: Workspace, *, dry_run: bool = False, actor: str = LATIN_ACTOR) -> LatinResult:
    """Add the Latin form of every Kazakh term that lacks one, to every concept (one transaction)."""
    plan: list[tuple[Concept, tuple[Term, ...]]] = []
    for concept in ws.store.concepts.iterate():
        new = latin_terms(concept)
        if new:
            plan.append((concept, new))
    if not dry_run and plan:
        with ws.store.atomic():
            for concept, new in plan:
                ws.store.concepts.update(replace(concept, terms=concept.terms + new), actor=actor)
    return LatinResult({c.id: tuple(t.text for t in new) for c, new in plan}, not dry_run)
