"""Plain frozen dataclasses shared by every module, and the rules a concept must follow.

Identity and time are set by the store on what it returns: ``Term.id`` and ``TranslationUnit.id`` (stable
row ids, never reused), ``created``/``modified`` (UTC datetimes) and ``Concept.version`` (1 when created,
+1 on every change). They take no part in equality, so a concept read back equals the one written::

>>> stored = Concept("senate", (Term("en", "Senate", id=7),), version=3)
>>> stored == Concept("senate", (Term("en", "Senate"),))
True

Validation lives here, in one place: :func:`validate_concept_id`, :meth:`Term.validate` and
:meth:`Concept.validate` raise :class:`~termbase.errors.ValidationError` with a message for users. The
store calls them on every write; readers of files may call them to fail early with a line number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from .limits import current as current_limits, value as limit_value
from .errors import ValidationError

#: The languages termbase handles (ISO 639-1), in the order it shows them.
LANGUAGES = ("en", "kk", "ru")
#: Term statuses, best first. Matches TBX-Basic administrativeStatus plus ``proposed``.
STATUSES = ("preferred", "admitted", "proposed", "deprecated", "forbidden")
#: Statuses a translation may use.
APPROVED_STATUSES = ("preferred", "admitted")
#: Term types (TBX termType: fullForm, shortForm, acronym, abbreviation, variant).
TERM_TYPES = ("full", "short", "acronym", "abbreviation", "variant")
#: What a :class:`ConceptChange` records.
CHANGE_ACTIONS = ("create", "update", "delete")
#: Roles of API tokens, least first: each may do what the ones before it may (see :class:`ApiToken`).
ROLES = ("reader", "translator", "terminologist", "admin")

#: The longest concept id accepted.
MAX_CONCEPT_ID_LENGTH = 128
# Concept ids travel in command lines, URLs, file names and TBX xml:id attributes: ASCII letters,
# digits, '_', '-' and '.', never starting with '-' (an option) or '.' (a path step); TBX writers
# encode the ids that are not NCNames (a leading digit) and decode them on reading.
_CONCEPT_ID_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\Z")


_SCOPE_RE = re.compile(r"[A-Z]{2}\Z")


def validate_scope(scope: str, concept_id: str | None = None) -> None:
    """Refuse a scope that is not an ISO 3166-1 alpha-2 code in capitals (``KZ``, ``RU``, ``GB``).

    >>> validate_scope("KZ")
    >>> validate_scope("kz", "senate")
    Traceback (most recent call last):
    ...
    termbase.errors.ValidationError: concept 'senate': bad scope 'kz': give a country code of two capital letters (KZ)
    """
    if not isinstance(scope, str) or not _SCOPE_RE.match(scope):
        where = f"concept {concept_id!r}: " if concept_id else ""
        raise ValidationError(f"{where}bad scope {scope!r}: give a country code of two capital letters (KZ)")


def validate_concept_id(concept_id: str) -> None:
    """Refuse an id that is not a concept id: ASCII letters, digits, ``_``, ``-`` and ``.``, starting
    with a letter, a digit or ``_``, at most :data:`MAX_CONCEPT_ID_LENGTH` characters.

    >>> validate_concept_id("min-foreign-affairs"), validate_concept_id("IATE_1234.5")
    (None, None)
    >>> validate_concept_id("-x")
    Traceback (most recent call last):
    ...
    termbase.errors.ValidationError: bad concept id '-x': use ASCII letters, digits, '_', '-' and '.', starting with a letter, digit or '_'
    """
    if not isinstance(concept_id, str) or not _CONCEPT_ID_RE.match(concept_id):
        raise ValidationError(
            f"bad concept id {concept_id!r}: use ASCII letters, digits, '_', '-' and '.', "
            "starting with a letter, digit or '_'"
        )
    if len(concept_id) > MAX_CONCEPT_ID_LENGTH:
        raise ValidationError(
            f"bad concept id {concept_id[:20]!r}...: longer than {MAX_CONCEPT_ID_LENGTH} characters"
        )


# Kazakh and Russian Cyrillic in ASCII letters, for ids only (never shown as a term)
_ID_TRANSLIT = str.maketrans({
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia", "ı": "i",
})


def slugify(text: str) -> str:
    """An ASCII id from a term, Cyrillic transliterated: ``"Prosecutor General's Office"`` ->
    ``"prosecutor-general-s-office"``.

    >>> slugify("Ministry of Foreign Affairs"), slugify("Мемлекеттік кірістер комитеті"), slugify("Тест")
    ('ministry-of-foreign-affairs', 'memlekettik-kirister-komiteti', 'test')
    >>> slugify("Memlekettık kırıster komitetı"), slugify("Ūlttyq Bankı")
    ('memlekettik-kirister-komiteti', 'ulttyq-banki')
    """
    text = text.lower().translate(_ID_TRANSLIT)
    if not text.isascii():  # Latin letters with marks (Kazakh Latin ä ñ ū ş ...) lose their marks
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:60].rstrip("-")


def concept_id_base(concept: "Concept") -> str:
    """The id a new concept is given (before a ``-2``, ``-3`` ... that makes it unique): its first
    English term slugified, else its first term's, prefixed with ``c-`` unless it starts with a letter
    (so that it is an XML name too), or ``c-concept``.

    >>> concept_id_base(Concept(None, (Term("ru", "Сенат"), Term("en", "Senate"))))
    'senate'
    >>> concept_id_base(Concept(None, (Term("kk", "Сенат"),)))
    'senat'
    >>> concept_id_base(Concept(None, (Term("en", "2024 Census"),)))
    'c-2024-census'
    """
    first = next((t.text for t in concept.terms if t.lang == "en"), None) or concept.terms[0].text
    base = slugify(first)
    if not base[:1].isalpha():
        base = "c-" + (base or "concept")
    return base


# C0 and C1 control characters, DEL and the line/paragraph separators: never part of a term or a
# concept's text fields (they break XML exports and, printed, drive the terminal). Tab and line
# breaks are allowed where text may have several lines (notes, definitions, units).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def find_control(text: str, *, breaks_ok: bool = True) -> str | None:
    r"""The first control character in ``text`` as ``U+XXXX`` (line breaks and tabs only when not
    ``breaks_ok``), or None.

    >>> find_control("Senate\x1b[31m"), find_control("a\nb"), find_control("a\nb", breaks_ok=False)
    ('U+001B', None, 'U+000A')
    """
    m = (_CONTROL if breaks_ok else _CONTROL_OR_BREAK).search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def strip_controls(text: str) -> str:
    r"""``text`` without the control characters :func:`find_control` finds (tab and line breaks kept).

    >>> strip_controls("Sen\x00ate\x1b[1m\n")
    'Senate[1m\n'
    """
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    r"""``text`` safe to print on a terminal: control characters (a carriage return too; tab and
    line feed kept) shown as escapes, so that stored data never drives the terminal.

    >>> printable("Senate\x1b[2J\r")
    'Senate\\x1b[2J\\r'
    """
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def utc_now() -> datetime:
    """The current time, UTC (what the store stamps on ``created``/``modified``)."""
    return datetime.now(timezone.utc)


# Both are cached: the terms and units written together share one timestamp.
@lru_cache(maxsize=4096)
def format_time(moment: datetime) -> str:
    """A UTC timestamp as fixed-width ISO 8601 text that sorts like the times it names.

    >>> format_time(datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc))
    '2024-05-01T12:30:00.000000Z'
    """
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@lru_cache(maxsize=4096)
def parse_time(text: str) -> datetime:
    """The UTC datetime of a :func:`format_time` text (or any ISO 8601 text with a zone)."""
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def _time_or_none(text: str | None) -> datetime | None:
    return None if text is None else parse_time(text)


def _text_or_none(moment: datetime | None) -> str | None:
    return None if moment is None else format_time(moment)


def _where(concept_id: str | None) -> str:
    return f"concept {concept_id!r}" if concept_id is not None else "new concept"


@dataclass(frozen=True, slots=True)
class Term:
    """One designation of a concept in one language."""

    lang: str
    text: str
    status: str = "preferred"
    type: str = "full"
    pos: str | None = None
    note: str | None = None
    #: Set by the store: the term's row id (kept while the term stays in its concept), timestamps.
    id: int | None = field(default=None, compare=False)
    created: datetime | None = field(default=None, compare=False)
    modified: datetime | None = field(default=None, compare=False)

    def validate(self, *, concept_id: str | None = None) -> None:
        """Refuse a term without language or text, or with an unknown status or type
        (``concept_id`` names the concept in the message).

        >>> Term("en", "Senate", "approved").validate(concept_id="senate")
        Traceback (most recent call last):
        ...
        termbase.errors.ValidationError: concept 'senate': term 'Senate' has unknown status 'approved' (use one of preferred, admitted, proposed, deprecated, forbidden)
        """
        where = _where(concept_id)
        if not self.lang:
            raise ValidationError(f"{where}: term {self.text!r} has no language")
        if not self.text or not self.text.strip():
            raise ValidationError(f"{where}: empty {self.lang} term")
        if len(self.text) > limit_value("term_chars"):
            limit = current_limits()
            raise ValidationError(
                f"{where}: {self.lang} term {self.text[:30]!r}... is {len(self.text)} characters long "
                f"({limit.hint('term_chars')})"
            )
        bad = find_control(self.text)
        if bad:
            raise ValidationError(f"{where}: {self.lang} term {self.text[:60]!r} holds the control character {bad}")
        for label, value in (("note", self.note), ("part of speech", self.pos)):
            if value and find_control(value):
                raise ValidationError(f"{where}: the {label} of term {self.text[:60]!r} holds the control "
                                      f"character {find_control(value)}")
        if self.status not in STATUSES:
            raise ValidationError(
                f"{where}: term {self.text!r} has unknown status {self.status!r} (use one of {', '.join(STATUSES)})"
            )
        if self.type not in TERM_TYPES:
            raise ValidationError(
                f"{where}: term {self.text!r} has unknown type {self.type!r} (use one of {', '.join(TERM_TYPES)})"
            )

    def to_dict(self) -> dict[str, Any]:
        """Every field, JSON-ready (timestamps as :func:`format_time` text)."""
        return {
            "id": self.id,
            "lang": self.lang,
            "text": self.text,
            "status": self.status,
            "type": self.type,
            "pos": self.pos,
            "note": self.note,
            "created": _text_or_none(self.created),
            "modified": _text_or_none(self.modified),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Term":
        """The term of a :meth:`to_dict` result."""
        return cls(
            data["lang"], data["text"], data["status"], data["type"], data.get("pos"), data.get("note"),
            id=data.get("id"), created=_time_or_none(data.get("created")),
            modified=_time_or_none(data.get("modified")),
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a concept has a term it was not given by hand: the unit of a translation memory (or of a
    file, by position) whose ``source`` side says the concept's name and whose ``target`` side
    renders it as ``term`` in ``lang``."""

    lang: str
    term: str
    memory: str | None = None
    unit_id: int | str | None = None
    source: str | None = None
    target: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"lang": self.lang, "term": self.term, "memory": self.memory, "unit_id": self.unit_id,
                "source": self.source, "target": self.target}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Evidence":
        return cls(data["lang"], data["term"], data.get("memory"), data.get("unit_id"), data.get("source"),
                   data.get("target"))


@dataclass(frozen=True, slots=True)
class Concept:
    """A concept with its terms in several languages (TBX conceptEntry)."""

    id: str | None
    terms: tuple[Term, ...] = ()
    subject: str | None = None
    definition: str | None = None
    note: str | None = None
    source: str | None = None
    #: Set by the store: 1 when created, +1 on every change (an ETag for concurrent edits), timestamps.
    version: int | None = field(default=None, compare=False)
    created: datetime | None = field(default=None, compare=False)
    modified: datetime | None = field(default=None, compare=False)
    #: Units of translation memories that show mined terms (``termbase extract --add``).
    evidence: tuple[Evidence, ...] = ()
    #: The jurisdiction the concept belongs to, an ISO 3166-1 alpha-2 code (``KZ``: Kazakhstan's
    #: Senate, not the US one), or ``None`` for a concept of no one state (the UN, "inflation").
    #: The check, extraction's linking and alignment's anchors do not take a short form ("Senate")
    #: for this concept where its text names another jurisdiction (:mod:`termbase.languages.jurisdiction`).
    scope: str | None = None

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

    def validate(self) -> None:
        """Refuse a concept with a bad id (:func:`validate_concept_id`; no id is fine: the store makes
        one), without terms, or with a bad term (:meth:`Term.validate`).

        >>> Concept("x", ()).validate()
        Traceback (most recent call last):
        ...
        termbase.errors.ValidationError: concept 'x' has no terms
        """
        if self.id is not None:
            validate_concept_id(self.id)
        if self.scope is not None:
            validate_scope(self.scope, self.id)
        if not self.terms:
            raise ValidationError(f"{_where(self.id)} has no terms")
        for term in self.terms:
            term.validate(concept_id=self.id)
        for label, value in (("subject", self.subject), ("definition", self.definition), ("note", self.note),
                             ("source", self.source)):
            bad = value and find_control(value)
            if bad:
                raise ValidationError(f"{_where(self.id)}: its {label} holds the control character {bad}")

    def to_dict(self) -> dict[str, Any]:
        """The concept as JSON (``termbase show --json``, the store's history): its fields, then its
        terms by language (``en``, ``kk``, ``ru`` always present, empty when it has none; languages in
        the order the concept has them, terms of a language in order), each term a :meth:`Term.to_dict`.

        >>> Concept("senate", (Term("ru", "Сенат"), Term("en", "Senate"))).to_dict()["terms"]["en"][0]["text"]
        'Senate'
        """
        terms: dict[str, list[dict[str, Any]]] = {}
        for term in self.terms:
            terms.setdefault(term.lang, []).append(term.to_dict())
        for lang in LANGUAGES:
            terms.setdefault(lang, [])
        return {
            "concept_id": self.id,
            "subject": self.subject,
            "definition": self.definition,
            "note": self.note,
            "source": self.source,
            "scope": self.scope,
            "version": self.version,
            "created": _text_or_none(self.created),
            "modified": _text_or_none(self.modified),
            "terms": terms,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Concept":
        """The concept of a :meth:`to_dict` result.

        >>> c = Concept("senate", (Term("en", "Senate", id=1),), version=2)
        >>> back = Concept.from_dict(c.to_dict())
        >>> back == c, back.version, back.terms[0].id
        (True, 2, 1)
        """
        return cls(
            data["concept_id"],
            tuple(Term.from_dict({**t, "lang": lang}) for lang, group in data["terms"].items() for t in group),
            data.get("subject"), data.get("definition"), data.get("note"), data.get("source"),
            version=data.get("version"), created=_time_or_none(data.get("created")),
            modified=_time_or_none(data.get("modified")),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence") or ()),
            scope=data.get("scope"),
        )


@dataclass(frozen=True, slots=True)
class ConceptChange:
    """One recorded change of a concept: ``action`` is ``create``, ``update`` or ``delete``; ``before``
    and ``after`` the whole concept before and after it (``None`` before a create, after a delete);
    ``version`` the concept's version after the change (for a delete, the version deleted); ``seq``
    orders the changes of a termbase; ``actor`` who made it, when the caller said."""

    seq: int
    concept_id: str
    action: str
    time: datetime
    version: int
    before: Concept | None
    after: Concept | None
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """``termbase history --json``'s entry: ``seq``, ``action``, ``time`` (ISO 8601), ``version``,
        ``actor``, ``before`` and ``after`` (as :meth:`Concept.to_dict`, or None)."""
        return {"seq": self.seq, "action": self.action, "time": self.time.isoformat(), "version": self.version,
                "actor": self.actor, "before": self.before.to_dict() if self.before else None,
                "after": self.after.to_dict() if self.after else None}


@dataclass(frozen=True, slots=True)
class ApiToken:
    """A token of the termbase server: who (``name``, recorded as the actor of their changes), what
    they may do (``role``, one of :data:`ROLES`), when it was made and, once revoked, when. The
    secret itself is never stored, only its digest.

    >>> ApiToken("aigerim", "translator").allows("reader"), ApiToken("aigerim", "translator").allows("admin")
    (True, False)
    """

    name: str
    role: str
    created: datetime | None = None
    revoked: datetime | None = None

    def allows(self, role: str) -> bool:
        """Whether this token may do what ``role`` may (roles are ordered: reader < ... < admin)."""
        return ROLES.index(self.role) >= ROLES.index(role)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "created": _text_or_none(self.created),
                "revoked": _text_or_none(self.revoked)}


@dataclass(frozen=True)
class Segment:
    """A sentence (or line) of a document, with its position."""

    text: str
    index: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
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
    #: Set by the store: the unit's row id (never reused) and timestamps.
    id: int | None = field(default=None, compare=False)
    created: datetime | None = field(default=None, compare=False)
    modified: datetime | None = field(default=None, compare=False)


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


@dataclass(frozen=True)
class Example:
    """A unit that shows an equivalent: its id in the memory (or position in a file) and its texts."""

    unit_id: int | str
    source: str
    target: str

    def to_dict(self) -> dict:
        return {"unit_id": self.unit_id, "source": self.source, "target": self.target}


@dataclass(frozen=True)
class Suggestion:
    """An equivalent mined from a memory: its dictionary form, how sure (0..1), how many units
    support it, the surface forms seen and up to three example units. Never an official form."""

    text: str
    score: float
    units: int
    forms: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()

    def to_dict(self) -> dict:
        return {"text": self.text, "score": self.score, "units": self.units, "forms": list(self.forms),
                "examples": [e.to_dict() for e in self.examples]}


@dataclass(frozen=True)
class Usage:
    """How a memory renders a known concept in one language: a rendering and the units using it;
    ``status`` is the termbase's status of that term, ``None`` for a rendering the termbase lacks."""

    text: str
    units: int
    status: str | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "units": self.units, "status": self.status}


@dataclass(frozen=True)
class FillRequest:
    """One untranslated unit of a file being pre-translated: its source text (plain, inline markup
    left out), its context (PO ``msgctxt``), the file's languages (normalised: ``kk``, or None when
    the file does not say) and the line where the unit starts. A PO plural entry asks twice: once for
    ``msgid``, once for ``msgid_plural``.

    >>> FillRequest("Senate", None, "en", "kk", 12).to_dict()["target_lang"]
    'kk'
    """

    source: str
    context: str | None
    source_lang: str | None
    target_lang: str | None
    line: int | None

    def to_dict(self) -> dict:
        return {"source": self.source, "context": self.context, "source_lang": self.source_lang,
                "target_lang": self.target_lang, "line": self.line}


@dataclass(frozen=True)
class Fill:
    """The translation to put into a unit: the text, the match percentage (0..100), whether it is
    final (an exact match: no review flag), notes for the translator (one line each) and the source
    text of the memory's unit that gave it (what a format that keeps matches shows beside it).

    >>> Fill("Сенат", 100.0, True).to_dict()
    {'text': 'Сенат', 'score': 100.0, 'final': True, 'notes': [], 'match_source': None}
    """

    text: str
    score: float
    final: bool
    notes: tuple[str, ...] = ()
    match_source: str | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "score": self.score, "final": self.final, "notes": list(self.notes),
                "match_source": self.match_source}


@dataclass(frozen=True)
class FillStats:
    """What pre-translating a file did: the units seen (a PO header is not one), those filled as
    final, those filled for review, those left untranslated, and those already translated and kept.

    >>> FillStats(5, 2, 1, 1, 1).to_dict()
    {'units': 5, 'exact': 2, 'fuzzy': 1, 'empty': 1, 'kept': 1}
    """

    units: int
    exact: int
    fuzzy: int
    empty: int
    kept: int

    def to_dict(self) -> dict:
        return {"units": self.units, "exact": self.exact, "fuzzy": self.fuzzy, "empty": self.empty,
                "kept": self.kept}
