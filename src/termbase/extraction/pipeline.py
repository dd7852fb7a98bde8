"""The extraction pipeline: an :class:`Extractor` per language fed document by document, its ranked and
linked candidates (see the package docstring for the stages)."""


from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..errors import UnknownLanguage
from ..languages import detect_language, normalize, normalize_lang, word_key
from ..models import Concept, Evidence, Suggestion, Term, Usage
from .counting import Counter
from .detect import ACRONYM, DETECTORS, KINDS, PHRASE, acronym_core
from .lexicon import LANGS, lexicon
from .linking import Linker, equivalents, kind_from_subject
from .scoring import WORDFREQ_LANGS, ranked
from .text import sentences

__all__ = [
    "ExtractConfig", "ExtractedTerm", "ExtractionResult", "Extractor",
    "document_language", "extract_terms", "proposed_concept",
]

_CONTEXT_CHARS = 400


@dataclass(frozen=True)
class ExtractConfig:
    """Settings of one extraction run. Defaults in one place; every field is used.

    - ``top``: keep the best N candidates (None: all)
    - ``min_freq``: drop candidates seen fewer times
    - ``kinds``: kinds to keep (organization, acronym, person, place, name, phrase)
    - ``max_contexts`` / ``max_forms``: sentences and surface forms kept per candidate
    - ``bucket_size``: occurrences per lossy-counting bucket (memory bound; inputs shorter than one
      bucket are counted exactly)
    """

    top: int | None = None
    min_freq: int = 1
    kinds: tuple[str, ...] = KINDS
    max_contexts: int = 3
    max_forms: int = 20
    bucket_size: int = 50_000

    def __post_init__(self):
        unknown = [k for k in self.kinds if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown kind(s) {', '.join(unknown)}; use {', '.join(KINDS)}")
        if self.min_freq < 1 or (self.top is not None and self.top < 1):
            raise ValueError("top and min_freq must be at least 1")


@dataclass(frozen=True)
class ExtractedTerm:
    """One candidate term: its citation form, every surface form seen, and what the termbase knows."""

    term: str
    kind: str
    score: float
    frequency: int
    forms: tuple[str, ...]
    contexts: tuple[str, ...]
    expansion: str | None = None
    concept_id: str | None = None
    #: The termbase's terms in each other language (approved and proposed; none for a NEW candidate).
    equivalents: dict[str, list[str]] = field(default_factory=dict)
    #: Renderings mined from a translation memory, per other language, best first (never official).
    suggestions: dict[str, tuple[Suggestion, ...]] = field(default_factory=dict)
    #: For an acronym merged with its expansion: the acronym's own renderings, per other language
    #: (``suggestions`` are the expansion's): "SCIS" stays "SCIS" in Russian, «ДНКК» is "DNCC".
    acronym_suggestions: dict[str, tuple[Suggestion, ...]] = field(default_factory=dict)
    #: For a known concept: how the memory renders it, per other language.
    usage: dict[str, tuple[Usage, ...]] = field(default_factory=dict)

    @property
    def is_new(self) -> bool:
        return self.concept_id is None

    def to_dict(self) -> dict:
        """The candidate as JSON; ``"acronym_suggestions"`` (the shape of ``"suggestions"``) only for
        an acronym merged with its expansion whose renderings were mined."""
        out = {
            "term": self.term,
            "kind": self.kind,
            "score": self.score,
            "frequency": self.frequency,
            "forms": list(self.forms),
            "contexts": list(self.contexts),
            "expansion": self.expansion,
            "concept_id": self.concept_id,
            "equivalents": {k: list(v) for k, v in self.equivalents.items()},
            "suggestions": {k: [s.to_dict() for s in v] for k, v in self.suggestions.items()},
        }
        if self.acronym_suggestions:
            out["acronym_suggestions"] = {k: [s.to_dict() for s in v] for k, v in self.acronym_suggestions.items()}
        out["usage"] = {k: [u.to_dict() for u in v] for k, v in self.usage.items()}
        return out

    def best_suggestion(self, lang: str) -> Suggestion | None:
        got = self.suggestions.get(lang)
        return got[0] if got else None

    def best_acronym_suggestion(self, lang: str) -> Suggestion | None:
        got = self.acronym_suggestions.get(lang)
        return got[0] if got else None


@dataclass(frozen=True)
class ExtractionResult:
    """Candidates of one language, best first, with counts of what was read."""

    language: str
    candidates: tuple[ExtractedTerm, ...]
    documents: int = 0
    sentences: int = 0
    words: int = 0
    notes: tuple[str, ...] = ()  # what the user should know about the ranking (no frequency table ...)
    files: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "language": self.language,
            "files": list(self.files),
            "candidates": [c.to_dict() for c in self.candidates],
        }


class Extractor:
    """Streaming extraction for one language: ``feed`` documents one by one, then ``result``.

    Memory stays flat in the size of the input: counts are kept by lossy counting.
    """

    def __init__(self, lang: str, config: ExtractConfig = ExtractConfig()):
        if lang not in LANGS:
            raise UnknownLanguage(f"term extraction supports {', '.join(LANGS)}, not {lang!r}")
        self.lang = lang
        self.config = config
        self.counter = Counter(
            bucket_size=config.bucket_size, max_forms=config.max_forms, max_contexts=config.max_contexts
        )
        self._detect = DETECTORS[lang]
        self._lex = lexicon(lang)
        self.documents = self.sentences = self.words = 0
        #: the states the documents read name (:func:`termbase.languages.jurisdiction.named`): a
        #: candidate that is a short form of a concept with a scope ("Supreme Court", KZ) links to it
        #: only where the text is not about another state (see :func:`_scoped_link`)
        self.jurisdictions: set[str] = set()

    def feed(self, text: str) -> None:
        """Read one document."""
        from ..languages.jurisdiction import named

        self.documents += 1
        lang = self.lang
        self.jurisdictions |= named(text, lang)
        key_cache: dict[str, str] = {}
        add = self.counter.add
        for sent in sentences(_fix_lookalikes(text, lang), lang):
            self.sentences += 1
            spans = sent.spans
            self.words += sum(1 for w in sent.words if w[:1].isalpha())
            context = sent.text if len(sent.text) <= _CONTEXT_CHARS else sent.text[:_CONTEXT_CHARS] + "…"
            for occ in self._detect(sent, self._lex):
                words = sent.words[occ.start : occ.end]
                surface = sent.text[spans[occ.start][0] : spans[occ.end - 1][1]]
                expansion = None
                if occ.kind == ACRONYM:
                    key = ("acronym", (acronym_core(words[0]).upper(),))
                    if occ.expansion is not None:
                        a, b = occ.expansion
                        ewords = sent.words[a:b]
                        esurface = sent.text[spans[a][0] : spans[b - 1][1]]
                        expansion = (("name", self._keys(ewords, key_cache)), esurface, ewords)
                else:
                    key = ("phrase" if occ.kind == PHRASE else "name", self._keys(words, key_cache))
                add(key, occ.kind, surface, words, initial=occ.initial, context=context, expansion=expansion,
                    as_written=occ.as_written)

    def _keys(self, words: tuple[str, ...], cache: dict[str, str]) -> tuple[str, ...]:
        """The merge key of a candidate: its words' match keys (a possessive 's token keeps its own)."""
        out = []
        for w in words:
            k = cache.get(w)
            if k is None:
                k = cache[w] = "'s" if w in ("'s", "’s") else word_key(w, self.lang)
            out.append(k)
        return tuple(out)

    def result(self, termbase=None, *, files: Iterable[str] = ()) -> ExtractionResult:
        """Rank what was read; with a termbase, link candidates to concepts and give equivalents."""
        cfg = self.config
        # phrases and acronyms keep their kind whatever the termbase says: leave them out early
        skip = frozenset(c for c, k in (("phrase", PHRASE), ("acronym", ACRONYM)) if k not in cfg.kinds)
        candidates = ranked(self.counter.values(), self.lang, min_freq=cfg.min_freq,
                            max_contexts=cfg.max_contexts, skip=skip)
        linker = Linker(termbase) if termbase is not None else None
        others = [code for code in LANGS if code != self.lang]
        out: list[ExtractedTerm] = []
        by_concept: dict[str, int] = {}  # concept id -> its row in out
        for s in candidates:
            kind = s.kind
            concept = None
            if linker is not None:
                tries = [s.expansion] if s.expansion else []
                concept = linker.find([*tries, s.term, *s.forms[:3]], self.lang)
                if concept is not None and not _scoped_link(concept, s, self.lang, self.jurisdictions):
                    concept = None  # the US Supreme Court is not Kazakhstan's
                if concept is not None:
                    kind = kind_from_subject(concept.subject, kind)
            if kind not in cfg.kinds:
                continue
            if concept is not None and concept.id in by_concept:
                # one concept, one row: "Министерство внутренних дел" joins "Министерство внутренних дел
                # Республики Казахстан", listed before it
                row = by_concept[concept.id]
                out[row] = _merged(out[row], s, cfg)
                continue
            if concept is not None:
                by_concept[concept.id] = len(out)
            out.append(
                ExtractedTerm(
                    term=s.term,
                    kind=kind,
                    score=s.score,
                    frequency=s.frequency,
                    forms=tuple(s.forms),
                    contexts=tuple(s.contexts),
                    expansion=s.expansion,
                    concept_id=concept.id if concept is not None else None,
                    equivalents=equivalents(concept, others) if concept is not None else {code: [] for code in others},
                )
            )
            if linker is None and cfg.top is not None and len(out) >= cfg.top:
                break  # no concepts, no rows to merge: the rest can only come after these
        out.sort(key=lambda c: (-c.score, -c.frequency))  # merged rows may have moved up
        # with a termbase the list is cut once every name of a concept has joined its row: a name
        # further down ("Kassym-Jomart Tokayev", 2 mentions) adds to the row of one ranked before it
        # ("Tokayev", 12), so --top N is the first N rows of the whole list
        del out[cfg.top or len(out):]
        notes = []
        if self.lang not in WORDFREQ_LANGS:
            notes.append(
                f"no general-language word frequencies for {self.lang}: key phrases ranked by C-value alone"
            )
        return ExtractionResult(
            self.lang, tuple(out), self.documents, self.sentences, self.words, tuple(notes), tuple(files)
        )


def _scoped_link(concept, candidate, lang: str, named_codes: set[str]) -> bool:
    """Whether ``candidate`` may stand for ``concept`` as far as states go: always for a concept
    without scope or a term that names its state; else unless every context of the candidate (its
    sentence, then the states the documents name) is about another state than the concept's
    (:func:`termbase.languages.jurisdiction.jurisdiction_of`).

    A short form like "Supreme Court" in news about Washington is the US court, not Kazakhstan's.
    """
    from ..languages.jurisdiction import jurisdiction_of, mentions

    if concept.scope is None or mentions(candidate.term, lang):
        return True
    verdicts = []
    for context in candidate.contexts:
        for form in (candidate.term, *candidate.forms):
            start = context.find(form)
            if start >= 0:
                verdicts.append(jurisdiction_of(context, start, start + len(form), lang, context=named_codes))
                break
    if not verdicts:
        verdicts = [jurisdiction_of("", 0, 0, lang, context=named_codes)]
    return any(v is None or v == concept.scope for v in verdicts)


def _merged(row: ExtractedTerm, other, cfg: ExtractConfig) -> ExtractedTerm:
    """``row`` with the mentions of another candidate of its concept: frequencies and scores add up,
    forms and contexts join (within the configured limits), and the name with more words names the row."""
    forms = list(row.forms) + [f for f in other.forms if f not in row.forms]
    contexts = list(row.contexts) + [c for c in other.contexts if c not in row.contexts]
    term = row.term
    if len(other.term.split()) > len(term.split()):
        # the fuller name is the row's name: "Kassym-Jomart Tokayev" for "Tokayev"
        term = other.term
        forms = list(other.forms) + [f for f in row.forms if f not in other.forms]
    return replace(
        row, term=term, score=round(row.score + other.score, 3), frequency=row.frequency + other.frequency,
        forms=tuple(forms[: cfg.max_forms]), contexts=tuple(contexts[: cfg.max_contexts]),
        expansion=row.expansion or other.expansion,
    )


def extract_terms(
    texts: Iterable[str], *, lang: str, termbase=None, config: ExtractConfig = ExtractConfig()
) -> ExtractionResult:
    """Candidate terms of ``texts`` (documents in language ``lang``: en, kk or ru), best first.

    With ``termbase`` (a :class:`termbase.store.Termbase`), candidates the termbase knows carry their
    concept id and Kazakh/Russian equivalents; the others are new.
    """
    extractor = Extractor(lang, config)
    for text in texts:
        extractor.feed(text)
    return extractor.result(termbase)


def document_language(text: str, lang: str | None, *, path: str | None = None) -> str:
    """``lang`` checked (en, kk or ru), or the language detected in ``text`` when it is None or "auto"."""
    where = f"{path}: " if path else ""
    try:
        if lang and lang != "auto":
            return normalize_lang(lang)
        return detect_language(text)
    except UnknownLanguage as exc:
        raise UnknownLanguage(f"{where}{exc}") from exc


def proposed_concept(
    candidate: ExtractedTerm,
    lang: str,
    *,
    source: str | None = None,
    min_score: float | None = None,
    memory: str | None = None,
) -> Concept:
    """A NEW candidate as a concept with status ``proposed``, its contexts in the note (unless mined
    terms bring their units as evidence).

    With ``min_score``, the best mined suggestion of each other language at least that sure joins
    it as a ``proposed`` term (noted as mined: never an official form), and the example units behind
    it (of ``memory``) become the concept's :class:`~termbase.models.Evidence`; so does the best of
    an acronym's own suggestions (``acronym_suggestions``), as an acronym term, when it is one word
    and not the name's rendering again.
    """
    terms = []
    if candidate.expansion:
        terms.append(Term(lang, candidate.expansion, status="proposed", type="full"))
        terms.append(Term(lang, candidate.term, status="proposed", type="acronym"))
    else:
        ttype = "acronym" if candidate.kind == ACRONYM else "full"
        terms.append(Term(lang, candidate.term, status="proposed", type=ttype))
    evidence = []
    if min_score is not None:
        for other in dict.fromkeys([*candidate.suggestions, *candidate.acronym_suggestions]):
            mined = []
            for suggestions, ttype in ((candidate.suggestions.get(other), "full"),
                                       (candidate.acronym_suggestions.get(other), "acronym")):
                if not suggestions or suggestions[0].score < min_score:
                    continue
                best = suggestions[0]
                # the acronym's rendering is a term of its own: one word, not the name again
                if ttype == "acronym" and (len(best.text.split()) != 1 or
                                           normalize(best.text, other) in {normalize(t, other) for t in mined}):
                    continue
                mined.append(best.text)
                terms.append(Term(other, best.text, status="proposed", type=ttype,
                                  note=f"mined from {memory or 'a translation memory'} ({best.units} unit(s))"))
                evidence.extend(Evidence(other, best.text, memory, e.unit_id, e.source, e.target) for e in best.examples)
    # the units of a memory are the evidence; a document's sentences go to the note
    note = None if evidence else ("\n".join(f"Context: {c}" for c in candidate.contexts) or None)
    subject = None if candidate.kind == PHRASE else candidate.kind
    return Concept(id=None, terms=tuple(terms), subject=subject, note=note, source=source, evidence=tuple(evidence))


_LATIN_RE = re.compile(r"[A-Za-zəƏɵƟ]")
# A Latin letter touching a Cyrillic one: only such mixed words have look-alikes to replace (a text with
# Latin words alone, "Microsoft", is left as it is without asking the normaliser).
_MIXED_RE = re.compile(r"[A-Za-zəƏɵƟ][\u0400-\u052f]|[\u0400-\u052f][A-Za-zəƏɵƟ]")


def _fix_lookalikes(text: str, lang: str) -> str:
    """Latin look-alike letters inside Cyrillic words -> Cyrillic, keeping letter case ("Министрлiгi").

    Which letters to replace is decided by :func:`termbase.languages.normalize` (a matching form, lower
    case); extraction needs the original capitals, so only the replaced letters are taken from it.
    """
    if lang == "en" or not _MIXED_RE.search(text):
        return text
    folded = normalize(text, lang)
    chars = None
    for m in _LATIN_RE.finditer(text):
        i = m.start()
        c = folded[i]
        if c != text[i].lower() and "\u0400" <= c <= "\u052f":
            if chars is None:
                chars = list(text)
            chars[i] = c.upper() if text[i].isupper() and text[i] not in "h" else c
    return "".join(chars) if chars is not None else text
