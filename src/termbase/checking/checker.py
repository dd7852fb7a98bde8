"""The rules of the check for one unit: required concepts, deprecated and forbidden terms."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable

from ..languages.normalize import mixed_script_words
from ..models import BilingualUnit
from ..models import APPROVED_STATUSES, Concept, Term
from .prefilter import REPORTED_STATUSES, Prefilter, fold, is_generic, word_filter
from .report import Finding

if TYPE_CHECKING:
    from ..search.matcher import TermMatch, TermMatcher, WordFilter  # noqa: F401
    from ..search import TermIndex

__all__ = ["Checker"]

_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_KK_LATN = "kk-Latn"
# A Latin look-alike letter touching a Cyrillic one: what mixed_script_words looks for, found fast.
_LATIN_LOOKALIKE = re.compile(r"[\u0400-\u052f][aAcCeEoOpPxXyYiIKkMTBHhəƏɵƟ]|[aAcCeEoOpPxXyYiIKkMTBHhəƏɵƟ][\u0400-\u052f]")


class _Span:
    """A span of a source or target text and the termbase terms found there (all candidates have
    the same match keys; ``winners`` are those the span's words follow best, see :func:`_winners`)."""

    __slots__ = ("start", "end", "text", "candidates", "winners")

    def __init__(self, start: int, end: int, text: str, candidates: tuple[tuple[str, Term], ...],
                 winners: tuple[tuple[str, Term], ...]):
        self.start, self.end, self.text = start, end, text
        self.candidates = candidates  # (concept id, term)
        self.winners = winners


class Checker:
    """Checks units against a set of concepts; build it once, use it for many units.

    ``Checker(concepts)`` builds its own :class:`~termbase.search.matcher.TermMatcher` (``matcher=`` gives
    one built from the same concepts); :meth:`from_index` reuses a termbase's cached one.
    ``generic_terms=True`` also requires one-word lower-case terms (see :func:`.is_generic`).
    ``prefilter=False`` sends every text to the matcher and has it read every word of a target
    (same findings, about 4x slower; the reference the prefilter is measured against).

    >>> from termbase.models import Concept, Term
    >>> checker = Checker([Concept("astana", (Term("en", "Astana"), Term("kk", "Астана")))])
    >>> checker.check_unit(BilingualUnit("In Astana", "Астанада", "en", "kk"), "en", "kk")
    []
    """

    def __init__(
        self, concepts: Iterable[Concept], *, matcher: "TermMatcher | None" = None, generic_terms: bool = False,
        prefilter: bool = True, ignore_concepts: Iterable[str] = (), subjects: Iterable[str] | None = None,
        strict_script: bool = False,
    ):
        self._concepts: dict[str, Concept] = {c.id: c for c in concepts if c.id is not None}
        #: concepts left out of the check (``--ignore-concept``), and, with ``subjects``, every concept
        #: of another subject (``--subject``): neither required nor reported
        self.ignored = frozenset(ignore_concepts) | (
            frozenset(cid for cid, c in self._concepts.items() if c.subject not in set(subjects))
            if subjects is not None else frozenset())
        self.strict_script = strict_script
        if matcher is None:
            from ..search.matcher import TermMatcher

            matcher = TermMatcher.from_concepts(self._concepts.values())
        self.matcher = matcher
        self.generic_terms = generic_terms
        self._approved: dict[tuple[str, str], tuple[str, ...]] = {}
        self._prefixes: dict[tuple[str, str], tuple[str, ...]] = {}
        self._filters: dict[tuple[tuple[str, ...], str, bool], WordFilter] = {}
        self._term_filters: dict[Term, WordFilter] = {}
        self._prefilter = Prefilter(self._concepts.values(), generic_terms=generic_terms) if prefilter else None
        self._fetch = None  # concept id -> Concept, for the concepts not given (see from_index)
        self._latin_reported: bool | None = None  # see _has_latin_reported

    @classmethod
    def from_index(
        cls, index: "TermIndex", *, generic_terms: bool = False, ignore_concepts: Iterable[str] = (),
        subjects: Iterable[str] | None = None, strict_script: bool = False,
    ) -> "Checker":
        """A checker over the concepts of a termbase, with the index's matcher. A small termbase's
        concepts are read at once (:meth:`~termbase.search.TermIndex.is_small`), for the prefilter;
        a larger one is checked without the prefilter (which works out every term's anchors when a
        text of its language first comes), its concepts read as the matcher finds them, so the
        start does not grow with the termbase. The findings are the same."""
        if index.is_small():
            return cls(index.concepts(), matcher=index.matcher(), generic_terms=generic_terms,
                       ignore_concepts=ignore_concepts, subjects=subjects, strict_script=strict_script)
        checker = cls((), matcher=index.matcher(), generic_terms=generic_terms, prefilter=False,
                      ignore_concepts=ignore_concepts, strict_script=strict_script)
        checker._fetch = index.concept
        if subjects is not None:
            checker.ignored = _Ignored(checker.ignored, frozenset(subjects), checker._concept)
        return checker

    def _concept(self, concept_id: str) -> Concept | None:
        found = self._concepts.get(concept_id)
        if found is None and self._fetch is not None:
            from ..errors import NotFound

            try:
                found = self._concepts[concept_id] = self._fetch(concept_id)
            except NotFound:
                return None
        return found

    def approved_terms(self, concept_id: str, lang: str) -> tuple[str, ...]:
        """Texts of the concept's preferred then admitted terms in ``lang``."""
        key = (concept_id, lang)
        found = self._approved.get(key)
        if found is None:
            concept = self._concept(concept_id)
            terms = concept.terms_in(lang) if concept is not None else []
            found = tuple(dict.fromkeys(t.text for t in terms if t.status in APPROVED_STATUSES))
            self._approved[key] = found
        return found

    def check_unit(
        self, unit: BilingualUnit, source_lang: str, target_lang: str, *, file: str | None = None,
        context: "Callable[[], Iterable[str]] | Iterable[str]" = (),
    ) -> list[Finding]:
        """Findings for one translated unit: deprecated/forbidden uses in target order, then missing terms.

        ``source_lang``/``target_lang`` are normalised codes (``en``, ``kk``, ``ru``). ``context``: the
        jurisdictions the neighbouring units name (:func:`termbase.languages.jurisdiction.named`), or
        a function giving them; a short form of a concept with a scope ("Supreme Court", scope ``KZ``)
        is not that concept where the unit or its neighbours are about another state
        (:func:`termbase.languages.jurisdiction.is_foreign`).

        Then ``mixed-script`` findings: Cyrillic words of the target with Latin look-alike letters
        (:func:`termbase.languages.normalize.mixed_script_words`; Kazakh words with a Latin ``i``
        only with ``strict_script``).
        """
        findings = self._check_terms(unit, source_lang, target_lang, file, context)
        return findings + self._mixed_script(unit, source_lang, target_lang, file)

    def _mixed_script(self, unit: BilingualUnit, source_lang: str, target_lang: str, file) -> list[Finding]:
        if not _LATIN_LOOKALIKE.search(unit.target):  # the usual case, in one regex pass
            return []
        return [self._finding(unit, source_lang, target_lang, file, "mixed-script", unit.target[s:e], unit.target[s:e],
                              (fixed,) if fixed else (), None)
                for s, e, fixed in mixed_script_words(unit.target, target_lang, strict=self.strict_script)]

    def _check_terms(self, unit, source_lang, target_lang, file, context) -> list[Finding]:
        m, pf = self.matcher, self._prefilter
        if pf is None or pf.may_match(unit.source, source_lang, "source"):
            source_spans = _spans(_plausible(m.find(unit.source, source_lang), source_lang), source_lang)
            scope = _Scope(unit, source_lang, target_lang, context)
            source_spans = self._domestic(source_spans, unit.source, source_lang, scope)
        else:
            source_spans = []
            scope = _Scope(unit, source_lang, target_lang, context)
        required = self._required(source_spans, target_lang) if source_spans else []
        if pf is not None:
            # Are the required concepts' approved terms in the target, and is a deprecated or
            # forbidden term? Only the target words that can be forms of such terms need a key (a
            # new Russian word costs pymorphy3 ~0.1 ms): the deprecated and forbidden terms'
            # words only if the prefilter finds their anchors. Without such a term the answer is
            # complete; with one, the target is read in full below (the approved terms that
            # overlap it decide whether it is a misuse).
            if not required and not pf.may_match(unit.target, target_lang, "target"):
                return []
            cids = tuple(c for _, ids, _ in required for c in ids)

            def needed() -> "WordFilter":  # called only when a target word has no key yet
                reported = not required or pf.may_match(unit.target, target_lang, "target")
                return self._needed(cids, target_lang, reported)

            matches = _plausible(m.find_all(unit.target, target_lang, needed=needed), target_lang)
            if not any(x.term.status in REPORTED_STATUSES for x in matches):
                present = {x.concept_id for x in matches if x.term.status in APPROVED_STATUSES}
                return self._missing(unit, source_lang, target_lang, file, required, present, set())
        # A source that itself uses a concept's former name (a historical text) may be translated
        # with the target's former name: that deprecated use mirrors the source, it is not an error.
        mirrored = {cid for sp in source_spans for cid, t in sp.winners if t.status == "deprecated"}
        spans = _spans(_plausible(m.find_all(unit.target, target_lang), target_lang), target_lang)
        # concepts whose approved term the target may be using (anywhere, nested spans included;
        # every candidate of a span counts, so that doubt never makes a missing term)
        present = {cid for sp in spans for cid, t in sp.candidates if t.status in APPROVED_STATUSES}
        misused: set[str] = set()  # concepts whose deprecated/forbidden term the target uses
        findings: list[Finding] = []
        for sp in _longest_first(spans):
            if any(t.status in APPROVED_STATUSES for _, t in sp.winners):
                continue  # an approved term of some concept: not a misuse
            for cid, term in sp.winners:
                if term.status not in REPORTED_STATUSES:
                    continue
                if cid in self.ignored or self._foreign(cid, term, unit.target, sp, target_lang, scope):
                    continue  # left out of the check, or another state's body ("Конституционный совет Франции")
                misused.add(cid)
                if not (term.status == "deprecated" and cid in mirrored):
                    findings.append(self._finding(
                        unit, source_lang, target_lang, file, REPORTED_STATUSES[term.status], term.text,
                        sp.text, self.approved_terms(cid, target_lang), cid,
                    ))
                break
        return findings + self._missing(unit, source_lang, target_lang, file, required, present, misused)

    def latin_misuses(self, unit: BilingualUnit, source_lang: str, *, file: str | None = None,
                      skip: Iterable[tuple[str, str]] = ()) -> list[Finding]:
        """Deprecated and forbidden ``kk-Latn`` terms used in a Latin-Kazakh target (``unit.target``
        as written), for the spellings that only the Latin terms list (a wrong Latin spelling, the
        2017 draft's): the Cyrillic check cannot see them.

        A span is a misuse when the term its words follow most closely (:func:`_winners`) is such a
        term: the concept's approved Latin terms and its approved Cyrillic ones, written in Latin,
        compete for the span (an approved one wins a tie). ``skip``: (concept id, kind) already
        reported by the Cyrillic check. Findings are in Latin, language ``kk-Latn``, in target order.
        """
        if not self._has_latin_reported():
            return []
        from ..languages import kazakh_to_cyrillic, kazakh_to_latin
        from ..languages.translit import latin_variant

        m = self.matcher
        matches = m.find_all(unit.target, _KK_LATN)
        if not any(x.term.status in REPORTED_STATUSES for x in matches):
            return []
        variant = latin_variant(unit.target)
        skip = set(skip)
        findings: list[Finding] = []
        for sp in _longest_first(_spans(matches, _KK_LATN)):
            if not any(t.status in REPORTED_STATUSES for _, t in sp.candidates):
                continue
            cands = list(sp.candidates)
            cyr = kazakh_to_cyrillic(sp.text, variant)
            cands += [(x.concept_id, replace(x.term, lang=_KK_LATN, text=kazakh_to_latin(x.term.text)))
                      for x in m.find_all(cyr, "kk") if x.start == 0 and x.end == len(cyr)]
            winners = _winners(sp.text, cands, _KK_LATN)
            if any(t.status in APPROVED_STATUSES for _, t in winners):
                continue
            for cid, term in winners:
                if term.status not in REPORTED_STATUSES or cid in self.ignored:
                    continue
                kind = REPORTED_STATUSES[term.status]
                if (cid, kind) not in skip:
                    skip.add((cid, kind))
                    expected = (self.approved_terms(cid, _KK_LATN)
                                or tuple(kazakh_to_latin(t) for t in self.approved_terms(cid, "kk")))
                    findings.append(self._finding(unit, source_lang, _KK_LATN, file, kind, term.text, sp.text,
                                                  expected, cid))
                break
        return findings

    def _has_latin_reported(self) -> bool:
        """Whether some ``kk-Latn`` term may be deprecated or forbidden (a termbase read as the
        matcher finds its concepts: whether it has ``kk-Latn`` terms at all)."""
        if self._latin_reported is None:
            if self._fetch is None:
                self._latin_reported = any(t.lang == _KK_LATN and t.status in REPORTED_STATUSES
                                           for c in self._concepts.values() for t in c.terms)
            else:
                self._latin_reported = _KK_LATN in self.matcher.languages
        return self._latin_reported

    def _domestic(self, spans: list[_Span], text: str, lang: str, scope: "_Scope") -> list[_Span]:
        """``spans`` less the concepts a span does not stand for because the text is about another
        jurisdiction than theirs (a span left without winners is dropped)."""
        out = []
        for sp in spans:
            keep = tuple((c, t) for c, t in sp.winners
                         if c not in self.ignored and not self._foreign(c, t, text, sp, lang, scope))
            if len(keep) == len(sp.winners):
                out.append(sp)
            elif keep:
                out.append(_Span(sp.start, sp.end, sp.text, sp.candidates, keep))
        return out

    def _foreign(self, concept_id: str, term: Term, text: str, sp: _Span, lang: str, scope: "_Scope") -> bool:
        """Whether this use of ``term`` (a concept with a scope, a term that names no state itself,
        like "Supreme Court") is another jurisdiction's body."""
        concept = self._concept(concept_id)
        if concept is None or concept.scope is None or _names_jurisdiction(term.text, term.lang):
            return False
        from ..languages.jurisdiction import is_foreign

        return is_foreign(concept.scope, text, sp.start, sp.end, lang, unit=scope.other(lang),
                          context=scope.context)

    def _missing(self, unit, source_lang, target_lang, file, required, present, misused) -> list[Finding]:
        """missing-term findings: the required concepts neither present nor misused in the target."""
        findings = []
        others: list[TermMatch] | None = None  # the target's approved terms, found when needed
        source_concepts = {c for _, cids, _ in required for c in cids}
        target = _Target(unit.target, target_lang, self.matcher)  # its keys and terms, worked out once
        for src_term, cids, expected in required:
            if any(c in present for c in cids) or any(c in misused for c in cids):
                continue
            if self._derived_form_used(cids, target_lang, unit.target):
                continue
            if self._used_with_insertions(cids, target):
                continue
            if others is None:
                others = [x for x in target.terms()
                          if x.term.status in APPROVED_STATUSES and x.concept_id not in source_concepts]
            found = self._wrong_term(cids, others)
            if found is None:
                found = self._headed_body(cids, target)
            findings.append(self._finding(unit, source_lang, target_lang, file, "missing-term",
                                          src_term.text, found, expected, cids[0]))
        return findings

    def _headed_body(self, concept_ids: tuple[str, ...], target: "_Target") -> str | None:
        """The name of a body the termbase does not hold, headed in the target by the head noun of the
        missing concept's terms: «Министерство образования» where «Министерство здравоохранения» was
        meant (:func:`termbase.languages.insertions.head_phrase`). Kazakh and Russian targets only;
        the head of a Russian term is its first word, of a Kazakh one its last."""
        lang = target.lang
        if lang not in ("kk", "ru"):
            return None
        heads = set()
        for cid in concept_ids:
            for t in self._terms(cid, lang):
                keys = _term_keys(t.text, lang)
                if t.status in APPROVED_STATUSES and len(keys) > 1:
                    heads.add(keys[0] if lang == "ru" else keys[-1])
        if not heads:
            return None
        from ..languages.insertions import head_phrase

        keys, offsets, words = target.keys()
        known = [(x.start, x.end) for x in target.terms()]
        for at, key in enumerate(keys):
            if key not in heads or any(s <= offsets[at][0] < e for s, e in known):
                continue  # a term the termbase holds is named by the check's other rules
            span = head_phrase(words, at, lang)
            if span is not None:
                return target.text[offsets[span[0]][0] : offsets[span[1] - 1][1]]
        return None

    def _wrong_term(self, concept_ids: tuple[str, ...], others: "list[TermMatch]") -> str | None:
        """The text of a target term of another concept of the same kind (subject) as the missing
        one, used in its place: Министерство образования where the Ministry of Healthcare was meant."""
        subjects = {c.subject for c in map(self._concept, concept_ids) if c is not None and c.subject}
        for x in others:
            other = self._concept(x.concept_id)
            if other is not None and other.subject in subjects and not is_generic(x.term):
                return x.text
        return None

    def _needed(self, concept_ids: tuple[str, ...], lang: str, reported: bool) -> "WordFilter":
        """The words that can be forms of the words of these concepts' approved terms in ``lang``
        and, if ``reported``, of any deprecated or forbidden term in ``lang`` (see :func:`.word_filter`)."""
        key = (concept_ids, lang, reported)
        found = self._filters.get(key)
        if found is None:
            parts = [self._term_filter(t) for cid in concept_ids for t in self._terms(cid, lang)
                     if t.status in APPROVED_STATUSES]
            if reported:
                parts += [self._term_filter(t) for c in self._concepts.values() for t in c.terms
                          if t.lang == lang and t.status in REPORTED_STATUSES]
            found = self._filters[key] = _union(parts)
        return found

    def _terms(self, concept_id: str, lang: str) -> list[Term]:
        concept = self._concept(concept_id)
        return concept.terms_in(lang) if concept is not None else []

    def _term_filter(self, term: Term) -> "WordFilter":
        found = self._term_filters.get(term)
        if found is None:
            found = self._term_filters[term] = word_filter(term)
        return found

    def _required(self, spans: list[_Span], target_lang: str) -> list[tuple[Term, tuple[str, ...], tuple[str, ...]]]:
        """Per source span: (source term, concept ids, expected target terms); each concept once.

        Every concept a span stands for is listed: a term shared by two concepts is satisfied by
        either one's target term.
        """
        out = []
        seen: set[str] = set()
        for sp in spans:
            winners = [(c, t) for c, t in sp.winners if self.generic_terms or not is_generic(t)]
            cids = tuple(dict.fromkeys(c for c, _ in winners if c not in seen))
            if not cids:
                continue
            seen.update(cids)
            expected = tuple(dict.fromkeys(e for c in cids for e in self.approved_terms(c, target_lang)))
            if expected:  # no approved term in the target language: nothing to require
                out.append((winners[0][1], cids, expected))
        return out

    def _derived_form_used(self, concept_ids: tuple[str, ...], lang: str, target: str) -> bool:
        """Whether the target uses a word derived from a one-word proper name of these concepts:
        "Kazakhstan's athletes" -> "казахстанские спортсмены", "қазақстандық спортшылар"."""
        folded = None
        for cid in concept_ids:
            for prefix in self._derivation_prefixes(cid, lang):
                if folded is None:
                    folded = fold(target, lang)[0]
                start = folded.find(prefix)
                while start >= 0:
                    if start == 0 or not folded[start - 1].isalnum():
                        return True
                    start = folded.find(prefix, start + 1)
        return False

    def _used_with_insertions(self, concept_ids: tuple[str, ...], target: "_Target") -> bool:
        """Whether the target uses an approved term of these concepts with words the grammar lets
        stand inside it (:mod:`termbase.languages.insertions`): "Five deputies of the Senate" ->
        «Сенаттың бес депутаты» for «Сенат депутаты». Kazakh and Russian targets only."""
        lang = target.lang
        if lang not in ("kk", "ru"):
            return False
        terms = [t for cid in concept_ids for t in self._terms(cid, lang)
                 if t.status in APPROVED_STATUSES and len(_term_keys(t.text, lang)) > 1]
        if not terms:
            return False
        keys, _offsets, words = target.keys()
        quote_of = target.quote_of()
        for term in terms:
            if _follows_with_insertions(_term_keys(term.text, lang), keys, words, quote_of, lang):
                return True
        return False

    def _derivation_prefixes(self, concept_id: str, lang: str) -> tuple[str, ...]:
        key = (concept_id, lang)
        found = self._prefixes.get(key)
        if found is None:
            from ..languages import word_keys

            concept = self._concept(concept_id)
            terms = concept.terms_in(lang) if concept is not None else []
            prefixes = []
            for t in terms:
                # A proper name of one word (capitalised, not an acronym). Its derived words start
                # with its match key, less a final vowel: Сенат -> сенатский, Астана -> астанинский,
                # Қазақстан -> қазақстандық, Астана -> астаналық.
                if t.status in APPROVED_STATUSES and t.text[:1].isupper() and t.text.isalpha():
                    keys = word_keys(t.text, lang)
                    if len(keys) == 1 and keys[0].isalpha():
                        prefix = keys[0][:-1] if keys[0][-1] in _VOWELS else keys[0]
                        if len(prefix) >= 4:
                            prefixes.append(prefix)
            found = self._prefixes[key] = tuple(prefixes)
        return found

    @staticmethod
    def _finding(unit, source_lang, target_lang, file, kind, term, found, expected, cid) -> Finding:
        return Finding(
            file=file, line=unit.line, unit=unit.id if unit.id is not None else unit.source,
            source=unit.source, target=unit.target, source_lang=source_lang, lang=target_lang,
            kind=kind, term=term, expected=tuple(expected), found=found, concept_id=cid,
        )


class _Target:
    """A unit's target text as the missing-term rules read it, each part worked out once (when first
    asked), whatever the number of missing concepts: its words' match keys, the terms the matcher
    finds in it, the quoted stretch of each word."""

    __slots__ = ("text", "lang", "_matcher", "_keys", "_terms", "_quote_of")

    def __init__(self, text: str, lang: str, matcher: "TermMatcher") -> None:
        self.text, self.lang, self._matcher = text, lang, matcher
        self._keys: tuple[list[str], list[tuple[int, int]], list[str]] | None = None
        self._terms: list[TermMatch] | None = None
        self._quote_of: list[int | None] | None = None

    def keys(self) -> tuple[list[str], list[tuple[int, int]], list[str]]:
        """(match keys, character offsets, words) of the text's words (:func:`~termbase.languages.text_keys`)."""
        if self._keys is None:
            from ..languages import text_keys

            keys, offsets = text_keys(self.text, self.lang)
            self._keys = (keys, offsets, [self.text[s:e] for s, e in offsets])
        return self._keys

    def terms(self) -> "list[TermMatch]":
        """The termbase's terms in the text (:meth:`TermMatcher.find`)."""
        if self._terms is None:
            self._terms = self._matcher.find(self.text, self.lang)
        return self._terms

    def quote_of(self) -> list[int | None]:
        """Per word: the quoted stretch it is in (an index), or None."""
        if self._quote_of is None:
            from ..languages.insertions import quoted_spans

            quotes = quoted_spans(self.text)
            self._quote_of = [next((q for q, (qs, qe) in enumerate(quotes) if qs <= s and e <= qe), None)
                              for s, e in self.keys()[1]]
        return self._quote_of


class _Scope:
    """What a unit and its neighbours say about the state they are about, worked out when asked."""

    __slots__ = ("unit", "source_lang", "target_lang", "_context", "_named")

    def __init__(self, unit: BilingualUnit, source_lang: str, target_lang: str, context) -> None:
        self.unit, self.source_lang, self.target_lang = unit, source_lang, target_lang
        self._context = context
        self._named: frozenset[str] | None = None

    def other(self, lang: str) -> frozenset[str]:
        """Jurisdictions the unit's other text names (the target's for a source span and back)."""
        from ..languages.jurisdiction import named

        text, other_lang = ((self.unit.target, self.target_lang) if lang == self.source_lang
                            else (self.unit.source, self.source_lang))
        return named(text, other_lang)

    def context(self) -> frozenset[str]:
        if self._named is None:
            ctx = self._context
            self._named = frozenset(ctx() if callable(ctx) else ctx)
        return self._named


@lru_cache(maxsize=1 << 14)
def _term_keys(text: str, lang: str) -> tuple[str, ...]:
    from ..languages import word_keys

    return tuple(word_keys(text, lang))


def _follows_with_insertions(term: tuple[str, ...], keys: list[str], words: list[str],
                             quote_of: list[int | None], lang: str) -> bool:
    """Whether the words of ``term`` (keys) occur in order in a text (``keys``, ``words``), with at
    most :data:`~termbase.languages.insertions.MAX_INSERTED` insertable words (a quoted stretch
    counting as one) between two of them."""
    from ..languages.insertions import MAX_INSERTED, may_stand_inside

    n = len(keys)
    for i in range(n):
        if keys[i] != term[0]:
            continue
        j = i
        for want in term[1:]:
            k, inserted, quote = j + 1, 0, None
            while k < n and keys[k] != want:
                q = quote_of[k]
                if q is not None:
                    if q != quote:
                        inserted, quote = inserted + 1, q
                elif may_stand_inside(words[k], lang):
                    inserted, quote = inserted + 1, None
                else:
                    break
                if inserted > MAX_INSERTED:
                    break
                k += 1
            if k < n and keys[k] == want and inserted <= MAX_INSERTED:
                j = k
            else:
                break
        else:
            return True
    return False


@lru_cache(maxsize=1 << 14)
def _names_jurisdiction(text: str, lang: str) -> bool:
    """Whether a term names a state itself ("Supreme Court of Kazakhstan", "Mazhilis", "Astana")."""
    from ..languages.jurisdiction import mentions

    return bool(mentions(text, lang))


class _Ignored:
    """The concepts a check leaves out, for a checker that reads concepts as it meets them: those
    named, and those of a subject other than ``subjects``."""

    def __init__(self, named: frozenset[str], subjects: frozenset[str], concept):
        self.named, self.subjects, self._concept = named, subjects, concept

    def __contains__(self, concept_id: str) -> bool:
        if concept_id in self.named:
            return True
        found = self._concept(concept_id)
        return found is not None and found.subject not in self.subjects


def _union(filters: list["WordFilter"]) -> "WordFilter":
    from ..search.matcher import WordFilter

    prefixes = {p for f in filters for p in f.prefixes}
    return WordFilter(tuple(sorted(prefixes)), frozenset().union(*(f.forms for f in filters)))


def _plausible(matches: list["TermMatch"], lang: str) -> list["TermMatch"]:
    """Matches whose words can be inflected forms of the term's words.

    English stems join whole word families ("government", "governing" and "govern" are all
    ``govern``; "national" and "nation"), but English inflection only appends: a form starts
    with its word, less a final e or y ("agency" -> "agencies", "hope" -> "hoping"). Russian and
    Kazakh keys are inflection-only already (pymorphy3 lemma, termbase's suffix stripper).
    """
    if lang != "en" or not matches:
        return matches
    return [x for x in matches if _english_forms(x.text, x.term.text)]


def _english_forms(text: str, term: str) -> bool:
    words, term_words = _surface_words(text, "en"), _surface_words(term, "en")
    if len(words) != len(term_words):
        return True  # tokenised differently: leave it to the matcher
    for w, t in zip(words, term_words):
        if not w.startswith(t[:-1] if t[-1:] in ("e", "y") else t):
            return False
    return True


def _spans(matches: list["TermMatch"], lang: str) -> list[_Span]:
    if len(matches) == 1:  # the usual case
        x = matches[0]
        cands = ((x.concept_id, x.term),)
        return [_Span(x.start, x.end, x.text, cands, cands)]
    by_span: dict[tuple[int, int], list[tuple[str, Term]]] = {}
    texts: dict[tuple[int, int], str] = {}
    for x in matches:
        by_span.setdefault((x.start, x.end), []).append((x.concept_id, x.term))
        texts[(x.start, x.end)] = x.text
    return [_Span(s, e, texts[(s, e)], tuple(c), _winners(texts[(s, e)], c, lang)) for (s, e), c in by_span.items()]


def _longest_first(spans: list[_Span]) -> list[_Span]:
    """Non-overlapping spans, longest first then leftmost (as :meth:`TermMatcher.find`), in text order."""
    chosen: list[_Span] = []
    for sp in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if any(sp.start < c.end and c.start < sp.end for c in chosen):
            continue
        chosen.append(sp)
    chosen.sort(key=lambda s: s.start)
    return chosen


def _winners(text: str, cands: list[tuple[str, Term]], lang: str) -> tuple[tuple[str, Term], ...]:
    """The candidates whose words the span's words follow most closely (see :func:`_closeness`).

    Candidates share their match keys, not always their words: "Senate" and "senator" are both
    ``senat`` in English, "народа" and "народов" both ``народ`` in Russian. On a tie between an
    approved and a deprecated/forbidden term the approved one wins: no false alarm on doubt.
    """
    if len(cands) == 1 or len({t.text for _, t in cands}) == 1:
        return tuple(cands)
    words = _surface_words(text, lang)
    scored = [(_closeness(words, _surface_words(t.text, lang)), t.status in APPROVED_STATUSES, (cid, t))
              for cid, t in cands]
    best = max(s for s, _, _ in scored)
    top = [(ok, c) for s, ok, c in scored if s == best]
    if any(ok for ok, _ in top):
        return tuple(c for ok, c in top if ok)
    return tuple(c for _, c in top)


@lru_cache(maxsize=1 << 16)
def _surface_words(text: str, lang: str) -> tuple[str, ...]:
    """The normalised words of a term or of a matched span (cached: both recur)."""
    from ..languages import normalize, tokenize_words

    norm = normalize(text, lang)
    return tuple(norm[t.start:t.end] for t in tokenize_words(text))


def _closeness(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int]:
    """(words equal, letters of common prefixes): how closely a text's words follow a term's."""
    equal = prefix = 0
    for x, y in zip(a, b):
        if x == y:
            equal += 1
        n = 0
        for cx, cy in zip(x, y):
            if cx != cy:
                break
            n += 1
        prefix += n
    return equal, prefix
