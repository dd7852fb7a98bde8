"""Plain frozen dataclasses shared by every module."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Term statuses, best first. Matches TBX-Basic administrativeStatus plus ``proposed``.
STATUSES = ("preferred", "admitted", "proposed", "deprecated", "forbidden")
#: Statuses a translation may use.
APPROVED_STATUSES = ("preferred", "admitted")
#: Term types (TBX termType: fullForm, shortForm, acronym, abbreviation, variant).
TERM_TYPES = ("full", "short", "acronym", "abbreviation", "variant")


@dataclass(frozen=True)
class Term:
    """One designation of a concept in one language."""

    lang: str
    text: str
    status: str = "preferred"
    type: str = "full"
    pos: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Concept:
    """A concept with its terms in several languages (TBX conceptEntry)."""

    id: str | None
    terms: tuple[Term, ...] = ()
    subject: str | None = None
    definition: str | None = None
    note: str | None = None
    source: str | None = None

    def terms_in(self, lang: str) -> list[Term]:
        """Terms of ``lang``, best status first (stable within a status)."""
        ts = [t for t in self.terms if t.lang == lang]
        return sorted(ts, key=lambda t: STATUSES.index(t.status))

    @property
    def languages(self) -> list[str]:
        seen: list[str] = []
        for t in self.terms:
            if t.lang not in seen:
                seen.append(t.lang)
        return seen


@dataclass(frozen=True)
class Segment:
    """A sentence (or line) of a document, with its position."""

    text: str
    index: int
    paragraph: int = 0


@dataclass(frozen=True)
class TranslationUnit:
    """A multilingual translation-memory unit: ``{"en": "...", "kk": "...", "ru": "..."}``."""

    texts: dict[str, str]
    document: str | None = None
    position: int | None = None
    score: float | None = None
    context: str | None = None
    note: str | None = None
    source_lang: str = "en"
    meta: dict[str, str] = field(default_factory=dict)
