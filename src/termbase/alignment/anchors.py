"""Alignment anchors: what two sentences in different languages visibly share.

Numbers (``n``), written in digits or in words (``2`` / ``two`` / ``два`` / ``екі`` all give
``n2``), units and currencies (``u``: ``million`` / ``млн``, ``%`` / ``процент`` / ``пайыз``,
``$`` / ``доллар``), months and weekdays (``t``: ``April`` / ``апреля`` / ``сәуірде`` give ``t4``),
capitalised names compared through a transliteration skeleton (``w``: Tokayev / Токаев / Тоқаевтың
all give ``tkv``, :func:`termbase.languages.translit.name_key`), a few punctuation marks (``p``) and,
through :func:`termbase_anchors`, the ids of termbase concepts whose terms occur in the sentence
(``c``, found by the term matcher, on the match keys of :mod:`termbase.languages.keys`).

The number, unit and calendar words are data of this package (``data/anchor_words.txt``): each
form names its anchor class and value (``n2``, ``t4``, ``u%``), which only alignment reads. Kazakh in
Latin script (``kk-Latn``) has the Kazakh forms in the 2021 Latin alphabet (``säuırde`` gives ``t4``),
names through the same skeleton (``Toqaev`` gives ``tkv``), and the termbase's Kazakh terms in both
scripts.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Callable, Iterable

from ..errors import UnknownLanguage
from ..languages import KK_LATN, kazakh_to_cyrillic, kazakh_to_latin
from ..languages.translit import name_key

__all__ = ["AnchorFunction", "default_anchors", "termbase_anchors", "word_anchor"]

#: ``anchor(text, lang) -> keys``; keys shared by both sides of a bead make it cheaper. The first
#: character of a key picks its weight (see :attr:`AlignConfig.weights`).
AnchorFunction = Callable[[str, str], Iterable[str]]


_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W\d_]+)*")
_QUOTE = re.compile("[\"«»“”„]")
_SYMBOLS = {"%": "u%", "$": "u$", "€": "u€", "£": "u£"}
_WORDS_FILE = Path(__file__).parent / "data" / "anchor_words.txt"
_LANGS = ("en", "kk", "ru", KK_LATN)

@functools.lru_cache(maxsize=None)
def _word_table(lang: str) -> tuple[dict[str, str], dict[str, str], dict[str, str], tuple[int, ...]]:
    """``(lower-case forms, capitalised forms, prefixes, prefix lengths longest first)`` -> key."""
    if lang not in _LANGS:  # no silent fallback: a language without words would just lose anchors
        raise UnknownLanguage(f"no anchor words for language {lang!r}; supported: {', '.join(_LANGS)}")
    if lang == KK_LATN:  # the Kazakh forms in Latin letters: сәуір* -> säuır*, Дүйсенбі -> Düisenbı
        return _latin_table(*_word_table("kk"))
    lower: dict[str, str] = {}
    cased: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for n, raw in enumerate(_WORDS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:  # a broken data file is a bug of ours, not user input
            raise ValueError(f"anchor_words.txt:{n}: expected KEY<TAB>LANG<TAB>FORMS")
        key, form_lang, forms = fields
        if form_lang != lang:
            continue
        for form in forms.split():
            if form.endswith("*"):
                prefixes[form[:-1]] = key
            elif form != form.lower():
                cased[form] = key
            else:
                lower[form] = key
    lengths = tuple(sorted({len(p) for p in prefixes}, reverse=True))
    return lower, cased, prefixes, lengths


def _latin_table(lower, cased, prefixes, _lengths):
    lower = {kazakh_to_latin(k): v for k, v in lower.items()}
    cased = {kazakh_to_latin(k): v for k, v in cased.items()}
    prefixes = {kazakh_to_latin(k): v for k, v in prefixes.items()}
    return lower, cased, prefixes, tuple(sorted({len(p) for p in prefixes}, reverse=True))


@functools.lru_cache(maxsize=65536)
def word_anchor(word: str, lang: str) -> str | None:
    """The anchor of a number, month or weekday word (``data/anchor_words.txt``), else ``None``.

    >>> word_anchor("двух", "ru"), word_anchor("сәуірде", "kk"), word_anchor("May", "en"), word_anchor("may", "en")
    ('n2', 't4', 't5', None)
    >>> word_anchor("säuırde", "kk-Latn"), word_anchor("ekı", "kk-Latn")
    ('t4', 'n2')
    """
    lower, cased, prefixes, lengths = _word_table(lang)
    if word in cased:
        return cased[word]
    w = word.lower().replace("ё", "е")
    key = lower.get(w)
    if key is None:
        for k in lengths:
            if len(w) >= k:
                key = prefixes.get(w[:k])
                if key is not None:
                    break
    return key


def default_anchors(text: str, lang: str) -> list[str]:
    """Anchors of a sentence: numbers (``n``), units and currencies (``u``), months and weekdays
    (``t``), capitalised names (``w``), punctuation (``p``). ``lang`` is ``en``, ``kk``, ``kk-Latn`` or ``ru``.

    >>> default_anchors("Tokayev met 2,000 delegates in Astana on Monday?", "en")
    ['n2000', 'wtkv', 'wstn', 'tmon', 'p?']
    >>> default_anchors("Екі мың делегат 5 сәуірде жиналды.", "kk")
    ['n5', 'n2', 'n1000', 't4']
    >>> default_anchors("Toqaev Şymkentte 5 säuırde ekı myñ delegatpen kezdestı.", "kk-Latn")
    ['n5', 'wtkv', 'wSmk', 't4', 'n2', 'n1000']
    """
    if lang not in _LANGS:
        raise UnknownLanguage(f"no anchor words for language {lang!r}; supported: {', '.join(_LANGS)}")
    keys: list[str] = []
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        keys.append("n" + (digits.lstrip("0") or "0"))
    for word in _WORD.findall(text):
        key = _word_anchor_or_name(word, lang)
        if key is not None:
            keys.append(key)
    for symbol, key in _SYMBOLS.items():
        if symbol in text:
            keys.append(key)
    if "?" in text:
        keys.append("p?")
    if "!" in text:
        keys.append("p!")
    if "(" in text:
        keys.append("p(")
    if _QUOTE.search(text):
        keys.append("pq")
    return keys


@functools.lru_cache(maxsize=131072)
def _word_anchor_or_name(word: str, lang: str) -> str | None:
    key = word_anchor(word, lang)
    if key is None and word[0].isupper() and len(word) > 1:
        name = name_key(word)
        if len(name) >= 2:
            key = "w" + name
    return key


def termbase_anchors(
    matcher, base: AnchorFunction | None = default_anchors, *, scopes: "dict[str, str] | None" = None,
) -> AnchorFunction:
    """Anchors from a :class:`termbase.search.matcher.TermMatcher`: ``c<concept id>`` for each term found.

    The termbase's EN/KK/RU equivalents, matched with inflection, tie sentences that name the same
    concept (``Мәжіліс`` / ``Мажилис`` / ``Mazhilis``); ``base`` anchors are added to them.

    ``scopes`` maps concept ids to their scope (``KZ``). A term of such a concept that names no
    state itself ("Supreme Court"), in a sentence about another state ("US Supreme Court",
    "Верховный суд США"), is that state's body, not the concept: its anchor is ``c<id>@<state>``
    (``csupreme-court@US``), so that it ties the other language's sentence about the same court and
    not one about Kazakhstan's (:func:`termbase.languages.jurisdiction.jurisdiction_of`).

    >>> from termbase.models import Concept, Term
    >>> from termbase.search.matcher import TermMatcher
    >>> m = TermMatcher.from_concepts([Concept("sc", (Term("en", "Supreme Court"), Term("ru", "Верховный суд")))])
    >>> a = termbase_anchors(m, None, scopes={"sc": "KZ"})
    >>> a("The US Supreme Court ruled.", "en"), a("Верховный суд США решил.", "ru"), a("The Supreme Court ruled.", "en")
    (['csc@US'], ['csc@US'], ['csc'])
    """
    scopes = scopes or {}

    def anchors(text: str, lang: str) -> list[str]:
        keys = list(base(text, lang)) if base is not None else []
        found = [(text, lang, m) for m in matcher.find(text, lang)]
        if lang == KK_LATN:  # the Kazakh (Cyrillic) terms too, on the text's Cyrillic spelling
            cyrillic = kazakh_to_cyrillic(text)
            seen = {m.concept_id for _, _, m in found}
            found += [(cyrillic, "kk", m) for m in matcher.find(cyrillic, "kk") if m.concept_id not in seen]
        for where, where_lang, m in found:
            key = "c" + str(m.concept_id)
            scope = scopes.get(m.concept_id)
            if scope is not None:
                state = _state_of(where, m, where_lang)
                if state is not None and state != scope:
                    key += "@" + state
            keys.append(key)
        return keys

    return anchors


def _state_of(text: str, match, lang: str) -> str | None:
    """The state a matched term is about, from its sentence alone (the other side's sentence must
    be able to say the same), or ``None``; a term that names a state itself says nothing new."""
    from ..languages.jurisdiction import jurisdiction_of, mentions

    if mentions(match.term.text, match.term.lang):
        return None
    return jurisdiction_of(text, match.start, match.end, lang)
