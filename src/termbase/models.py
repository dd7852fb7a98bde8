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


@dataclass(frozen=True)
class BilingualUnit:
    """One source/target pair read from a translation file (PO, XLIFF, TMX, TSV), for checking.

    ``source_lang``/``target_lang`` are the codes as the file writes them (``kk-KZ``), ``None`` when
    it does not say; ``line`` is where the unit starts; ``translated=False`` for an empty target.
    """

    source: str
    target: str
    source_lang: str | None
    target_lang: str | None
    line: int | None = None
    id: str | None = None
    fuzzy: bool = False
    translated: bool = True


@dataclass(frozen=True)
class Document:
    """The plain text of one input file, for extraction: paragraphs separated by blank lines.

    ``lang`` is the language of that text when the file says it (PO ``Language``, TMX ``xml:lang``).
    """

    name: str
    text: str
    lang: str | None = None
