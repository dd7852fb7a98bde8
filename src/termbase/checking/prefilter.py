"""A cheap necessary condition for a term match, so that most units are checked without tokenising.

Matching a text (:mod:`termbase.search.matcher`) tokenises it and computes a key for every word: tens of
microseconds per sentence. Most units of a real file contain no termbase term at all, and the
check only needs the matcher when the source may contain a term or the target a deprecated or
forbidden one. The prefilter answers "may this text contain one of these terms?" with one
Aho-Corasick pass over the lower-cased text, looking for one *anchor* per term:

- for an ordinary word, the beginning every inflected form of it starts with: the common prefix of
  the normalised word and its match key, cut a few letters before the key's end
  (:func:`key_margin`);
- for an acronym (``APK``, ``ҚХА``), the acronym itself, case-sensitively.

Anchors count only at the start of a word. A text can contain a term only if it contains the
anchors of all the term's content words; any text that can goes to the matcher, so the prefilter
changes no result, only the time (4-5x less on news text). ``scripts/eval_check.py --corpora``
checks that on real text: the same findings with and without it, and no corpus word with the key
of a glossary word that does not start with that word's anchor, in 270,000 words of NTREX,
KazNERD and FactRuEval, except the one kind of form left out on purpose: Russian superlatives and
comparatives of adjectives ("наивысший" for "высокий").

Two ways to the same answer, by the text:

- an ASCII text (most English) is not folded: its letters are lower-cased and every other
  character becomes a boundary mark in one ``bytes.translate``; an automaton of the terms'
  longest anchors, each after a mark, then finds only word starts, and a term's other anchors
  are looked for as marked substrings;
- any other text is folded (:func:`fold`, but only for the characters a word can hold: an em dash
  or a zero-width space splits a word, so it never hides an anchor) and scanned for all anchors,
  each hit kept if it begins a word.

A word begins after anything but a letter: after a digit too, since the tokeniser ends a number
like "3,5" there ("3,5Астане" is "3,5" and "Астане").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ..languages import text_keys, tokenize_words
from ..languages.keys import ACRONYM_MARK
from ..limits import automaton_key_max
from ..models import Concept, Term

if TYPE_CHECKING:
    from ..search.matcher import WordFilter

__all__ = ["REPORTED_STATUSES", "Prefilter", "fold", "is_generic", "key_margin", "word_anchors", "word_filter"]

#: Target-term statuses the check reports, and the finding kind of each.
REPORTED_STATUSES = {"deprecated": "deprecated-term", "forbidden": "forbidden-term"}

_VOWELS = frozenset("аәеёиоөуұүыіэюяaeiouy")


def is_generic(term: Term) -> bool:
    """A one-word, all-lower-case term that is not an acronym: ``law``, ``region``, ``order``.

    Such common words have many senses and synonyms ("in order to", "the region" of another
    country), so by default a check does not require their target term; their deprecated or
    forbidden target terms are still reported. ``Checker(generic_terms=True)`` requires them too.

    >>> is_generic(Term("en", "order")), is_generic(Term("en", "Senate")), is_generic(Term("en", "rule of law"))
    (True, False, False)
    """
    text = term.text.strip()
    return term.type != "acronym" and text.islower() and not any(c.isspace() for c in text)


def key_margin(key: str, lang: str) -> int:
    """How many letters at the end of a match key the word's inflected forms may not contain.

    - ru (pymorphy3 lemma): a fleeting vowel in the last syllable -- 2 ("посол" -> "посла",
      "сестра" -> "сестёр"), 3 after ь/й ("день" -> "дня", "копейка" -> "копеек");
    - kk (termbase's stripper): a voiced final consonant -- 1 ("министрлік" -> "министрлігі"),
      2 for a dropped vowel ("халық" -> "халқы", ``data/kk_vowel_drop.txt``);
    - en (Snowball): 1 for a key ending in i or e ("deputy" -> "deputi", "hoping" -> "hope"),
      else 0 (inflected forms keep the stem: "force" -> "forc", "forces").
    """
    if lang == "ru":
        return 3 if key[-1:] in ("ь", "й") or key[-3:-2] in ("ь", "й") else 2
    if lang == "kk":
        if len(key) >= 3 and key[-2] in "ыіұү" and key[-1] not in _VOWELS and key[-3] not in _VOWELS:
            return 2
        return 1
    return 1 if key[-1:] in ("i", "e") else 0


# Characters normalize() maps or stem() drops that can sit inside a word or an anchor: ё, hyphens
# and dashes, apostrophes, soft hyphen and zero-width characters. Quotes and spaces never do.
_FIX = {"ё": "е", "Ё": "Е", **dict.fromkeys("‐‑‒–—―−", "-"), **dict.fromkeys("’‘ʼ‛`´′ʹ", "'"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", "")}
_FIX_RE = re.compile("[" + re.escape("".join(_FIX)) + "]")
_SPECIAL_RE = re.compile("[A-Za-z\u0130" + re.escape("".join(_FIX)) + "]")
# Those of them the tokeniser keeps inside a word (ё, the hyphens and apostrophes that join a
# word's parts, soft hyphen, zero-width (non-)joiners): a word-start anchor can only meet these.
# An em dash or a zero-width space splits "Нур—Султан" into two words, which the matcher never
# takes for "Нур-Султан", so may_match() leaves such characters as they are (they are boundaries
# either way): most texts with a dash then need no folding at all.
_WORD_FIX = {c: f for c, f in _FIX.items() if len(tokenize_words("а" + c + "а")) == 1}
_WORD_FIX_RE = re.compile("[" + re.escape("".join(_WORD_FIX)) + "]")
_WORD_SPECIAL_RE = re.compile("[A-Za-z\u0130" + re.escape("".join(_WORD_FIX)) + "]")
_LATIN_RUN_RE = re.compile("[A-Za-z\u0130]+")
_CYRILLIC_RE = re.compile("[\u0400-\u052f]")
# ASCII text for the word-start automata: letters in lower case, every other character -> \x01,
# one for one. Digits count as boundaries too: a word can begin right after one ("3.5Astana" is
# the words "3.5" and "Astana", see termbase.languages.tokenize_words).
_MARK = "\x01"
_ASCII_MARKS = bytes(b + 32 if 65 <= b <= 90 else b if chr(b).isalpha() else 1 for b in range(128)) + bytes(range(128, 256))


def _needs_normalize(text: str) -> bool:
    # A Latin letter touching a Cyrillic one (a look-alike typed inside a word: "министрлiгi"),
    # or İ, whose lower case is two characters: only normalize() gives the right letters then.
    if "\u0130" in text:
        return True
    if _CYRILLIC_RE.search(text) is None:  # English with a '£' or an 'é': nothing touches
        return False
    for m in _LATIN_RUN_RE.finditer(text):
        s, e = m.span()
        if (s and "\u0400" <= text[s - 1] <= "\u052f") or (e < len(text) and "\u0400" <= text[e] <= "\u052f"):
            return True
    return False


def fold(text: str, lang: str) -> tuple[str, str | None]:
    """(the text as normalize() would give it, for anchors; the text with its case, for acronyms,
    or None when the text needed the full normalisation)."""
    return _fold(text, lang, _SPECIAL_RE, _FIX_RE)


def _fold(text: str, lang: str, special: re.Pattern, fix: re.Pattern) -> tuple[str, str | None]:
    if text.isascii():
        return text.lower(), text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if special.search(text) is None:  # most Russian and Kazakh sentences
        return text.lower(), text
    if _needs_normalize(text):
        from ..languages import normalize

        return _FIX_RE.sub(_fix, normalize(text, lang)), None
    text = fix.sub(_fix, text)
    return text.lower(), text


def _fix(m: re.Match) -> str:
    return _FIX[m.group()]


def word_anchors(term: Term) -> list[tuple[str, bool]]:
    """``(anchor, is_acronym)`` for each word of ``term``; an acronym's anchor keeps its case."""
    return [(anchor, acronym) for anchor, acronym, _ in _word_anchors(term)]


def _word_anchors(term: Term) -> list[tuple[str, bool, str]]:
    keys, spans = text_keys(term.text, term.lang)
    out = []
    for key, (s, e) in zip(keys, spans):
        word = term.text[s:e]
        folded = fold(word, term.lang)[0]
        if key.startswith(ACRONYM_MARK):  # an acronym: its key is a marker + the normalised word
            out.append((word.split("-")[0].split("'")[0].split("’")[0], True, folded))
            continue
        n = 0
        for a, b in zip(folded, key):
            if a != b:
                break
            n += 1
        anchor = folded[: max(0, min(n, len(key) - key_margin(key, term.lang)))]
        if term.lang == "ru":
            anchor = _common_prefix((anchor, _russian_forms_prefix(key)))
        out.append((anchor, False, folded))
    return out


def word_filter(term: Term) -> "WordFilter":
    """Which text words can be inflected forms of the words of ``term`` (all-capital acronyms
    aside), for :meth:`TermMatcher.find_all(needed=...) <termbase.search.matcher.TermMatcher.find_all>`:
    those beginning with the anchor of a word (:func:`word_anchors`), or, when that anchor is
    under three letters, for Russian, one of the word's dictionary forms (``по``; ``суд``, ``суда``
    ...; ``человек`` ... ``люди``), or a word beginning with one shaped like a surname (``судов``:
    "Судова", "Токаеву" are keyed by their base, see :func:`termbase.languages.russian.key_russian`):
    a Latin word or a number is its only form, a word the dictionary does not have keeps its anchor.
    ``scripts/eval_check.py --corpora`` checks on real text that the words with the key of a glossary
    word are admitted by that word's filter.

    >>> f = word_filter(Term("ru", "Верховный суд"))
    >>> f.prefixes, sorted(f.forms)[:3], f.admits("верховного"), f.admits("судом"), f.admits("судья")
    (('верхов', 'судов'), ['суд', 'суда', 'судам'], True, True, False)
    """
    from ..languages import russian_word_forms
    from ..search.matcher import WordFilter

    prefixes: set[str] = set()
    forms: set[str] = set()
    keys, _ = text_keys(term.text, term.lang)
    for key, (anchor, acronym, folded) in zip(keys, _word_anchors(term)):
        if acronym:
            continue
        if len(anchor) < 3 and term.lang == "ru":
            if not _CYRILLIC_RE.search(key):  # a Latin word or a number: its forms are itself
                forms.add(key)
                continue
            known = russian_word_forms(key, degrees=True, guesses=False)
            if known:
                forms.update(known)
                forms.add(folded)
                prefixes.update(f for f in known if f.endswith(_SURNAME_BASE_ENDS))
                continue
        prefixes.add(anchor)
    return WordFilter(tuple(sorted(prefixes)), frozenset(forms))


# How the bases of Russian surnames end (termbase.languages.russian.surname_base_ru), ё as е.
_SURNAME_BASE_ENDS = ("ов", "ев", "ин", "ын")


def _common_prefix(words: Iterable[str]) -> str:
    it = iter(words)
    prefix = next(it, "")
    for w in it:
        n = 0
        for a, b in zip(prefix, w):
            if a != b:
                break
            n += 1
        prefix = prefix[:n]
    return prefix


@lru_cache(maxsize=None)
def _russian_forms_prefix(key: str) -> str:
    """The beginning shared by every form of every word whose lemma is ``key``, by pymorphy3's
    dictionary: it catches what a rule cannot, suppletion ("человек" / "людей" -> "", "ребенок" /
    "детей" -> ""). Superlative and comparative forms ("наивысший", "выше" of "высокий") are left
    out: a term names a body, not a degree of a quality, and keeping them would leave no
    adjective an anchor. ``key`` itself when the dictionary has no such word."""
    from ..languages import russian_word_forms

    forms = russian_word_forms(key)
    return _common_prefix(forms) if forms else key


def _condition(term: Term) -> set[tuple[bool, str]]:
    """The anchors a text needs for ``term``: those of its content words (function words and
    anchors under three letters are in nearly every text and would only cost time), else its
    longest one."""
    from ..languages import stopwords

    stop = stopwords(term.lang)
    anchors = [(acronym, a, word) for a, acronym, word in _word_anchors(term) if a]
    content = {(acronym, a) for acronym, a, word in anchors if acronym or (len(a) >= 3 and word not in stop)}
    if content or not anchors:
        return content
    return {max(((acronym, a) for acronym, a, _ in anchors), key=lambda x: len(x[1]))}


class Prefilter:
    """``may_match(text, lang, side)``: False only if no relevant term can occur in ``text``.

    ``side="source"``: every term a check may require (not generic ones, see :func:`is_generic`,
    unless ``generic_terms``) and every deprecated term (a source using a former name).
    ``side="target"``: deprecated and forbidden terms -- when the source requires a concept the
    matcher reads the target anyway.

    A term may occur only if the anchors of all its words occur (at word starts); its longest
    anchor indexes it. A language's anchors are worked out when a text of it first comes.
    """

    def __init__(self, concepts: Iterable[Concept], *, generic_terms: bool = False):
        self.generic_terms = generic_terms
        # Per language, the terms whose anchors are worked out when a text of that language first
        # comes (Russian anchors ask pymorphy3 for every form of a word: an en->kk check needs none).
        self._pending: dict[str, list[Term]] = {}
        for concept in concepts:
            for term in concept.terms:
                self._pending.setdefault(term.lang, []).append(term)
        self._always: set[tuple[str, str]] = set()  # a term without any anchor: always ask the matcher
        self._sides: dict[tuple[str, str], tuple] = {}  # (side, lang) -> (needs, automaton, ASCII automaton)

    def _build(self, lang: str) -> None:
        # per side: longest anchor -> the sets of the term's other anchors
        needs_by_side: dict[str, dict[tuple[bool, str], set[frozenset]]] = {}
        for term in self._pending.pop(lang):
            sides = []
            if self.generic_terms or not is_generic(term) or term.status == "deprecated":
                sides.append("source")
            if term.status in REPORTED_STATUSES:
                sides.append("target")
            if not sides:
                continue
            anchors = _condition(term)
            for side in sides:
                if not anchors:
                    self._always.add((side, lang))
                    continue
                first = max(anchors, key=lambda x: (len(x[1]), x[0]))
                needs_by_side.setdefault(side, {}).setdefault(first, set()).add(frozenset(anchors - {first}))
        # Per side: an automaton over any text fold()ed, whose hits are then kept only at word
        # starts; and for ASCII texts, with their boundaries marked (_ASCII_MARKS), one of the
        # terms' longest anchors only, each after a boundary mark, so that every hit is at a word
        # start; the term's other anchors are then looked for as marked substrings.
        for side, needs in needs_by_side.items():
            bag: set[tuple[bool, str]] = set()
            for first, others in needs.items():
                bag.add(first)
                for group in others:
                    bag.update(group)
            by_text: dict[str, list[tuple[bool, str]]] = {}
            for acronym, a in bag:
                by_text.setdefault(a.lower() if acronym else a, []).append((acronym, a))
            self._sides[(side, lang)] = (needs, _automaton(by_text), _ascii_automaton(needs))

    def may_match(self, text: str, lang: str, side: str) -> bool:
        if lang in self._pending:
            self._build(lang)
        key = (side, lang)
        found = self._sides.get(key)
        if found is None or not text:
            return key in self._always
        if key in self._always:
            return True
        needs, automaton, ascii_automaton = found
        if text.isascii():
            return ascii_automaton is not None and _ascii_may_match(ascii_automaton, text)
        low, cased = _fold(text, lang, _WORD_SPECIAL_RE, _WORD_FIX_RE)
        # hits at the beginning of a word only (a digit may end the word before: "3,5Астане");
        # an acronym only with its own case, unless the case is unknown
        if cased is None or len(cased) != len(low):
            hits = {anchor for end, (length, anchors) in automaton.iter(low)
                    if end < length or not low[end - length].isalpha() for anchor in anchors}
        else:
            hits = {anchor for end, (length, anchors) in automaton.iter(low)
                    if end < length or not low[end - length].isalpha() for anchor in anchors
                    if not anchor[0] or cased[end - length + 1:end + 1] == anchor[1]}
        for anchor in hits:
            for others in needs.get(anchor, ()):
                if others <= hits:
                    return True
        return False


def _ascii_may_match(automaton, text: str) -> bool:
    """:meth:`Prefilter.may_match` for an ASCII text (most English): no folding, and no test per
    hit of being at a word start, since every pattern begins with a boundary mark."""
    marked = _MARK + text.encode("ascii").translate(_ASCII_MARKS).decode("ascii")
    # marked[i] is text[i - 1], so a longest anchor found there is text[end - length:end]
    for end, (length, anchors) in automaton.iter(marked):
        for acronym, anchor, conditions in anchors:
            if acronym and text[end - length:end] != anchor:
                continue
            for others in conditions:
                for other_acronym, needle, other in others:
                    if needle not in marked or other_acronym and not _acronym_in(marked, text, needle, other):
                        break
                else:
                    return True
    return False


def _ascii_automaton(needs: dict[tuple[bool, str], set[frozenset]]):
    """The automaton of the marked ASCII longest anchors; its value for a pattern is (the length
    of the anchor, ((acronym, anchor, the conditions on the term's other anchors), ...)), a
    condition being ((acronym, marked needle, anchor), ...) for each other anchor. None if no
    ASCII text can match (every longest anchor has a non-ASCII letter)."""
    patterns: dict[str, list] = {}
    for (acronym, first), groups in needs.items():
        low = first.lower() if acronym else first
        conditions = []
        for others in groups:
            if all(o.isascii() for _, o in others):  # else no ASCII text has them all
                conditions.append(tuple((a, _marked(o.lower() if a else o), o) for a, o in sorted(others)))
        if low.isascii() and conditions:
            patterns.setdefault(_marked(low), []).append((acronym, first, tuple(conditions)))
    return _automaton(patterns, extra=1) if patterns else None


def _marked(anchor: str) -> str:
    """An ASCII anchor as it appears in a marked text after a boundary: a boundary inside it
    ("nur-sultan") stands for any boundary, which gives more hits, never fewer."""
    return _MARK + "".join(c if c.isalpha() else _MARK for c in anchor)


def _acronym_in(marked: str, text: str, needle: str, acronym: str) -> bool:
    """Whether ``acronym`` (marked and lower-cased: ``needle``) is in ``text`` with its own case."""
    i = marked.find(needle)
    while i >= 0:
        if text[i:i + len(acronym)] == acronym:
            return True
        i = marked.find(needle, i + 1)
    return False


def _automaton(anchors: dict[str, list], extra: int = 0):
    """An automaton whose value for a pattern is (the length of the anchor, the anchors); the
    pattern is the anchor after ``extra`` characters (a boundary mark)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    longest = automaton_key_max()  # a longer anchor cannot be in a segment; pyahocorasick crashes on huge keys
    for text, found in anchors.items():
        if len(text) > longest:
            continue
        automaton.add_word(text, (len(text) - extra, tuple(found)))
    automaton.make_automaton()
    return automaton
