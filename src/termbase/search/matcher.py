"""Inflection-aware term matching over text: one Aho-Corasick automaton per language.

Every term is turned into the sequence of its words' match keys (:func:`termbase.languages.word_key`,
the one key of termbase), so "Ассамблеясының" and "Ассамблея", or "Генеральной прокуратуре" and
"Генеральная прокуратура", give the same keys. A text is turned into its key sequence the same way and
scanned once by the automaton, so the cost per text is proportional to its length, not to the size of
the termbase.

Acronyms (a term that is one all-capital word, like ``APK`` or ``ҰҚК``) match only all-capital words,
with a Kazakh case ending after a hyphen allowed (``ҚХА-ның``), so "апк" in lower case is not an acronym.

>>> from termbase.models import Concept, Term
>>> m = TermMatcher.from_concepts([Concept("apk", (Term("ru", "Ассамблея народа Казахстана"),))])
>>> [(x.concept_id, x.text) for x in m.find("сессия Ассамблеи народа Казахстана", "ru")]
[('apk', 'Ассамблеи народа Казахстана')]
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Callable, Iterable

import ahocorasick

from ..languages import KK_LATN, normalize, split_words, text_keys, tokenize_words, word_key
from ..languages.keys import latin_word_key, latin_word_spans
from ..languages.translit import latin_variant
from ..limits import automaton_key_max
from ..models import STATUSES, Concept, Term

_SEP = "\x1f"  # between word keys: never inside a key


@dataclass(frozen=True)
class TermMatch:
    """A term of a concept found in a text: ``text[start:end]`` is the surface form."""

    concept_id: str
    term: Term
    start: int
    end: int
    text: str

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class WordFilter:
    """The words of a text a caller of :meth:`TermMatcher.find_all` needs keyed: those whose folded
    form (:func:`fold_word`) begins with one of ``prefixes`` or is one of ``forms``.

    >>> f = WordFilter(prefixes=("прокуратур",), forms=frozenset({"суд", "суда"}))
    >>> [f.admits(w) for w in ("прокуратуре", "суда", "судья", "сумма")]
    [True, True, False, False]
    """

    prefixes: tuple[str, ...] = ()
    forms: frozenset[str] = frozenset()
    _by_letter: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_letter: dict[str, list[str]] = {}
        for prefix in self.prefixes:
            by_letter.setdefault(prefix[:1], []).append(prefix)
        object.__setattr__(self, "_by_letter", {k: tuple(v) for k, v in by_letter.items()})

    def admits(self, folded: str) -> bool:
        if folded in self.forms:
            return True
        if "" in self._by_letter:  # the empty prefix begins every word
            return True
        return folded.startswith(self._by_letter.get(folded[:1], ()))


def term_keys(term: Term) -> list[str]:
    keys, _ = text_keys(term.text, term.lang)
    return keys


class TermMatcher:
    """Finds the terms of a set of concepts in texts, per language.

    Build it once (it compiles one automaton per language) and call :meth:`find` per text.
    """

    #: Words whose first letters start no term word cannot match: their (slow, for Russian
    #: pymorphy3) key is skipped. Length of that prefix.
    PREFIX = 3
    #: A word left unstemmed (see :meth:`find_all`'s ``needed``) this many times gets its key
    #: anyway: a word that recurs is worth it, and then costs nothing more.
    PATIENCE = 4
    _CACHE_LIMIT = 1 << 19

    def __init__(self, entries: Iterable[tuple[str, Term]]):
        self._automata: dict[str, ahocorasick.Automaton] = {}
        self._prefixes: dict[str, set[str]] = {}
        self._cache: dict[str, dict[str, str]] = {}
        self._pending: dict[str, dict[str, list]] = {}  # per language: word -> [folded, times left unstemmed]
        payloads: dict[str, dict[str, list[tuple[str, Term, int]]]] = {}
        self.size = 0
        for concept_id, term in entries:
            keys = term_keys(term)
            if not keys or any(not k for k in keys):
                continue
            pattern = _SEP + _SEP.join(keys) + _SEP
            payloads.setdefault(term.lang, {}).setdefault(pattern, []).append((concept_id, term, len(keys)))
            prefixes = self._prefixes.setdefault(term.lang, set())
            for tok in tokenize_words(term.text):
                prefixes.add(normalize(tok.text, term.lang)[: self.PREFIX])
            prefixes.update(k[: self.PREFIX] for k in keys)
            self.size += 1
        longest = automaton_key_max()  # a longer term (stored before the limits) cannot match
        for lang, patterns in payloads.items():
            automaton = ahocorasick.Automaton()
            for pattern, values in patterns.items():
                if len(pattern) > longest:
                    continue
                automaton.add_word(pattern, (len(pattern), tuple(values)))
            automaton.make_automaton()
            self._automata[lang] = automaton

    @classmethod
    def from_concepts(cls, concepts: Iterable[Concept], langs: Iterable[str] | None = None) -> "TermMatcher":
        wanted = set(langs) if langs is not None else None
        return cls(
            (c.id, t) for c in concepts for t in c.terms if wanted is None or t.lang in wanted
        )

    @property
    def languages(self) -> list[str]:
        return sorted(self._automata)

    def _word_prefixes(self, lang: str):
        """The first letters (:attr:`PREFIX` of them) of the words of the ``lang`` terms and of their keys."""
        return self._prefixes.get(lang, ())

    def _keys(
        self, text: str, lang: str, needed: WordFilter | Callable[[], WordFilter] | None = None
    ) -> tuple[list[str], list[str]]:
        """The words of ``text`` and their match keys (those of :func:`text_keys`), fast.

        A word's key depends on the word alone, so keys are cached per word as written: a
        text costs one split and a dictionary look-up per word, and nothing is normalised or
        stemmed twice. Words whose first letters start no term word get a key that matches
        nothing, without stemming (pymorphy3 is slow); with ``needed`` (see :meth:`find_all`),
        so do the words it does not admit, until a call needs their key.
        """
        if lang == KK_LATN:
            variant = latin_variant(text)
            if variant != "2021":  # a draft alphabet: the whole text decides how a word reads
                words = [text[s:e] for s, e in latin_word_spans(text, variant)]
                return words, [latin_word_key(w, variant) for w in words]
        cache = self._cache.get(lang)
        if cache is None or len(cache) + len(self._pending[lang]) > self._CACHE_LIMIT:
            cache = self._cache[lang] = {}
            self._pending[lang] = {}
        words = split_words(text)
        keys = list(map(cache.get, words))
        if None in keys:  # words not keyed before
            if needed is not None and not isinstance(needed, WordFilter):
                needed = needed()
            if needed is None or "" in needed.prefixes:  # (the empty prefix begins every word)
                for i, key in enumerate(keys):
                    if key is None:
                        word = words[i]
                        keys[i] = cache[word] = self._key(word, lang)
            else:
                self._needed_keys(words, keys, lang, needed, cache)
        return words, keys

    def _key(self, word: str, lang: str) -> str:
        """The key of ``word`` as :func:`word_key` gives it, or one that matches nothing."""
        if len(word) >= 2 and word[0].isupper() and word[1].isupper():
            return word_key(word, lang)  # an acronym's key costs nothing
        if normalize(word, lang)[: self.PREFIX] not in self._word_prefixes(lang):
            return _NOMATCH
        return word_key(word, lang)

    def _needed_keys(
        self, words: list[str], keys: list[str | None], lang: str, needed: WordFilter, cache: dict[str, str]
    ) -> None:
        """Fill in ``keys`` (None: not cached) as :meth:`_key` would, except that a word ``needed``
        does not admit gets a key that matches nothing and is left unstemmed and uncached (it waits
        in ``_pending``, folded, for a call that needs it)."""
        pending = self._pending[lang]
        prefixes = self._word_prefixes(lang)
        for i, key in enumerate(keys):
            if key is not None:
                continue
            word = words[i]
            waiting = pending.get(word)
            if waiting is None:
                if len(word) >= 2 and word[0].isupper() and word[1].isupper():
                    keys[i] = cache[word] = word_key(word, lang)  # an acronym: no stemming
                    continue
                norm = normalize(word, lang)
                if norm[: self.PREFIX] not in prefixes:
                    keys[i] = cache[word] = _NOMATCH
                elif needed.admits(fold_word(norm)):
                    keys[i] = cache[word] = word_key(word, lang)
                else:
                    pending[word] = [fold_word(norm), 1]
                    keys[i] = _NOMATCH
            elif waiting[1] >= self.PATIENCE or needed.admits(waiting[0]):
                del pending[word]
                keys[i] = cache[word] = word_key(word, lang)
            else:
                waiting[1] += 1
                keys[i] = _NOMATCH

    def find_all(
        self, text: str, lang: str, *, needed: WordFilter | Callable[[], WordFilter] | None = None
    ) -> list[TermMatch]:
        """Every term occurrence, overlapping ones included, in text order.

        When several terms of one concept have the same keys at the same place (the Russian
        "Ассамблея народа/народов Казахстана" share lemmas), only the one spelt most like the
        text is kept: that is what decides between an approved and a former name.

        ``needed``: for a caller that wants only some terms. A word (other than an all-capital
        one) that it does not admit is taken to be in no term, and is not stemmed (unless an
        earlier call needed its key): the occurrences of the terms every word of which it admits
        in every inflected form are all found (:func:`termbase.checking.prefilter.word_filter`
        gives such filters), others may be missed. When every word of the text has its key
        already, the result is that of a call without ``needed``. ``needed`` may be a function
        that returns the filter: it is called only if some word has no key yet.

        >>> from termbase.models import Concept, Term
        >>> m = TermMatcher.from_concepts([Concept("apk", (Term("ru", "Ассамблея народа"),)),
        ...                                Concept("people", (Term("ru", "народ"),))])
        >>> [x.concept_id for x in m.find_all("Ассамблеи народа", "ru", needed=WordFilter(("ассамбле",)))]
        []
        >>> [x.concept_id for x in m.find_all("Ассамблеи народа", "ru", needed=WordFilter(("ассамбле", "народ")))]
        ['apk', 'people']
        """
        if not text or not self._has(lang):
            return []
        words, keys = self._keys(text, lang, needed)
        if not keys:
            return []
        found: dict[tuple[int, int, str], list[Term]] = {}
        starts: list[int] = []  # offsets of the first words, found as far as a match needs
        pos = 0
        for first, values in self._occurrences(keys, lang):
            for concept_id, term, n in values:
                last = first + n - 1
                while len(starts) <= last:
                    # a word is found from the end of the one before: nothing between two words can begin one
                    word = words[len(starts)]
                    pos = text.find(word, pos)
                    starts.append(pos)
                    pos += len(word)
                s, e = starts[first], starts[last] + len(words[last])
                found.setdefault((s, e, concept_id), []).append(term)
        if not found:
            return []
        out: list[TermMatch] = []
        for (s, e, concept_id), terms in found.items():
            surface = text[s:e]
            term = terms[0] if len(terms) == 1 else closest_term(terms, surface, lang)
            out.append(TermMatch(concept_id, term, s, e, surface))
        out.sort(key=lambda m: (m.start, -m.end, m.concept_id))
        return out

    def _has(self, lang: str) -> bool:
        """Whether any term of ``lang`` can match."""
        return lang in self._automata

    def _occurrences(self, keys: list[str], lang: str) -> Iterable[tuple[int, tuple[tuple[str, Term, int], ...]]]:
        """(index of the first word, ((concept id, term, number of words), ...)) for every place in
        the text's ``keys`` where the keys of terms are."""
        joined = _SEP + _SEP.join(keys) + _SEP
        for end_index, (plen, values) in self._automata[lang].iter(joined):
            # a pattern starts at the separator before its first word: count the ones before it
            yield joined.count(_SEP, 0, end_index - plen + 1), values

    def find(self, text: str, lang: str) -> list[TermMatch]:
        """Non-overlapping occurrences, longest first, then leftmost; returned in text order.

        When one span matches terms of several concepts (a term shared by two concepts), all are returned.
        """
        matches = self.find_all(text, lang)
        if len(matches) < 2:
            return matches
        chosen: list[TermMatch] = []
        taken: set[tuple[int, int]] = set()
        # characters already covered by a chosen span: linear in the text, not quadratic in matches
        covered = bytearray(max(m.end for m in matches) + 1)
        for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
            span = (m.start, m.end)
            if span not in taken:  # the same span as a chosen one: another concept's shared term
                if covered.find(1, m.start, m.end) >= 0:
                    continue
                covered[m.start:m.end] = b"\x01" * (m.end - m.start)
                taken.add(span)
            chosen.append(m)
        chosen.sort(key=lambda m: (m.start, m.concept_id))
        return chosen


_NOMATCH = "\x00"  # key of a word that cannot be part of any term
# Soft hyphen and zero-width characters: kept in a word, not in its key (see termbase.languages.keys).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def fold_word(norm: str) -> str:
    """A :func:`~termbase.languages.normalize`-d word as :class:`WordFilter` compares it: fully
    composed (normalize() keeps "и" + U+0306 as two characters, a key has "й"), without soft
    hyphens and zero-width marks (which a key drops too).

    >>> fold_word("ассам\u00adблеи")
    'ассамблеи'
    """
    if norm.isascii():
        return norm
    if not unicodedata.is_normalized("NFC", norm):
        norm = unicodedata.normalize("NFC", norm)
    return norm.translate(_INVISIBLE)


def closest_term(terms: list[Term], surface: str, lang: str) -> Term:
    """The term spelt most like ``surface`` (difflib's ratio of the :func:`normalize`-d texts: case,
    ё/е and quotes aside); ties go to the better status, then to the first. How the matcher chooses
    between terms of one concept found at one place, and the services between concepts whose terms
    a new term is a form of.

    >>> closest_term([Term("en", "senator"), Term("en", "Senate")], "Senates", "en").text
    'Senate'
    """
    target = normalize(surface, lang)

    def affinity(term: Term) -> tuple[float, int]:
        ratio = SequenceMatcher(None, normalize(term.text, lang), target, autojunk=False).ratio()
        return (ratio, -STATUSES.index(term.status))

    return max(terms, key=affinity)


class StoredMatcher(TermMatcher):
    """A :class:`TermMatcher` over a store's term index (:class:`termbase.store.base.TermIndexRepository`):
    nothing is built, so it starts at once whatever the size of the termbase. The words of a text
    are keyed as :class:`TermMatcher` keys them; the places where terms begin are then found one
    word at a time, asking the index which key sequences begin a term (one query per word of the
    longest match), and the terms of the complete ones. What the index answers is kept for the
    next texts (until :attr:`ANSWERS` answers). The same matches as a :class:`TermMatcher` built
    from the store's concepts.
    """

    ANSWERS = 1 << 18

    def __init__(self, terms):
        super().__init__(())
        self._terms = terms
        self._word_prefix_sets: dict[str, frozenset[str]] = {}
        self._begins: dict[str, dict[tuple[str, ...], bool]] = {}
        self._complete: dict[str, dict[tuple[str, ...], tuple[tuple[str, Term, int], ...]]] = {}

    @property
    def languages(self) -> list[str]:
        return self._terms.languages()

    def _has(self, lang: str) -> bool:
        return bool(self._word_prefixes(lang))

    def _word_prefixes(self, lang: str) -> frozenset[str]:
        found = self._word_prefix_sets.get(lang)
        if found is None:
            found = self._word_prefix_sets[lang] = self._terms.word_prefixes(lang)
        return found

    def _occurrences(self, keys: list[str], lang: str) -> Iterable[tuple[int, tuple[tuple[str, Term, int], ...]]]:
        begins = self._begins.setdefault(lang, {})
        complete = self._complete.setdefault(lang, {})
        if len(begins) + len(complete) > self.ANSWERS:
            begins.clear()
            complete.clear()
        frontier = [i for i, k in enumerate(keys) if k != _NOMATCH]
        found: list[tuple[int, tuple[str, ...]]] = []
        length = 1
        while frontier:
            seqs = {i: tuple(keys[i : i + length]) for i in frontier}
            unknown = {q for q in seqs.values() if q not in begins}
            if unknown:
                yes = self._terms.beginnings(lang, unknown)
                for q in unknown:
                    begins[q] = q in yes
            frontier = [i for i in frontier if begins[seqs[i]]]
            found.extend((i, seqs[i]) for i in frontier)
            frontier = [i for i in frontier if i + length < len(keys) and keys[i + length] != _NOMATCH]
            length += 1
        unknown = {q for _, q in found if q not in complete}
        if unknown:
            terms = self._terms.by_keys(lang, unknown)
            for q in unknown:
                complete[q] = tuple((e.concept_id, e.term, len(q)) for e in terms.get(q, ()))
        out = []
        for i, q in found:
            values = complete[q]
            if values:
                out.append((i, values))
        return out
