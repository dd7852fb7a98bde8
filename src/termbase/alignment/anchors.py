"""Alignment anchors: what two sentences in different languages visibly share.

Numbers (``n``), capitalised names compared through a transliteration skeleton (``w``: Tokayev /
Токаев / Тоқаевтың all give ``tkv``), a few punctuation marks (``p``) and, through
:func:`termbase_anchors`, the ids of termbase concepts whose terms occur in the sentence (``c``).
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterable

__all__ = ["AnchorFunction", "default_anchors", "name_key", "termbase_anchors"]

#: ``anchor(text, lang) -> keys``; keys shared by both sides of a bead make it cheaper. The first
#: character of a key picks its weight (see :attr:`AlignConfig.weights`).
AnchorFunction = Callable[[str, str], Iterable[str]]


_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W\d_]+)*")
_QUOTES = frozenset("\"«»“”„")

# Cyrillic (Russian and Kazakh) to a Latin-ish skeleton alphabet. Upper-case letters stand for
# sounds English spells with two letters: S = sh/щ, C = ch, Z = zh/j (Kazakh ж is "j" in official
# Latin spellings: Жомарт / Jomart). g, k, kh, initial h, г, к, қ, ғ, х are one class "k"
# (Казахстан / Қазақстан / Kazakhstan, Hammel / Хаммел). Vowels, й and silent h are dropped.
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "k", "д": "d", "е": "e", "ё": "e", "ж": "Z", "з": "z",
    "и": "i", "й": "", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "k", "ц": "ts", "ч": "C", "ш": "S", "щ": "S",
    "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "u", "я": "a", "ә": "a", "ғ": "k", "қ": "k",
    "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "k", "і": "i",
}
_LATIN_RULES = (
    ("sch", "S"), ("sh", "S"), ("ch", "C"), ("zh", "Z"), ("kh", "k"), ("gh", ""), ("ph", "f"), ("th", "t"),
    ("ck", "k"), ("dzh", "Z"), ("j", "Z"), ("q", "k"), ("x", "ks"), ("w", "v"), ("g", "k"),
)
_INITIAL_H = re.compile(r"^h")
_SOFT_C = re.compile(r"c(?=[eiy])")
_DROP = re.compile(r"[aeiouyh'’\-]+")


@functools.lru_cache(maxsize=65536)
def name_key(word: str, *, length: int = 3) -> str:
    """A spelling-independent key of a name: transliterated to Latin, vowels dropped, first consonants.

    Inflection endings fall outside the first ``length`` consonants.

    >>> [name_key(w) for w in ("Tokayev", "Токаев", "Тоқаевтың", "Johnson", "Джонсону")]
    ['tkv', 'tkv', 'tkv', 'Zns', 'Zns']
    """
    w = word.lower()
    if w[:2] in ("уэ", "уи", "уо"):  # Уэльс / Wales, Уильям / William
        w = "в" + w[1:]
    w = w.replace("дж", "Z").replace("кс", "ks")
    w = "".join(_CYR.get(ch, ch) for ch in w)
    w = _SOFT_C.sub("s", w)
    w = _INITIAL_H.sub("k", w)  # Hammel / Хаммел, Harlem / Гарлем; other h are silent (John)
    for a, b in _LATIN_RULES:
        w = w.replace(a, b)
    w = w.replace("c", "k")
    w = _DROP.sub("", w)
    out: list[str] = []
    for ch in w:
        if ch.isalpha() and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out[:length])


def default_anchors(text: str, lang: str) -> list[str]:
    """Anchors of a sentence: numbers (``n``), capitalised names (``w``), punctuation (``p``).

    >>> default_anchors("Tokayev met 2,000 delegates in Astana?", "en")
    ['n2000', 'wtkv', 'wstn', 'p?']
    """
    keys: list[str] = []
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        keys.append("n" + digits.lstrip("0") or "n0")
    for m in _WORD.finditer(text):
        word = m.group()
        if word[0].isupper() and len(word) > 1:
            key = name_key(word)
            if len(key) >= 2:
                keys.append("w" + key)
    if "?" in text:
        keys.append("p?")
    if "!" in text:
        keys.append("p!")
    if "(" in text:
        keys.append("p(")
    if any(ch in _QUOTES for ch in text):
        keys.append("pq")
    return keys


def termbase_anchors(matcher, base: AnchorFunction | None = default_anchors) -> AnchorFunction:
    """Anchors from a :class:`termbase.match.TermMatcher`: ``c<concept id>`` for each term found.

    The termbase's EN/KK/RU equivalents, matched with inflection, tie sentences that name the same
    concept (``Мәжіліс`` / ``Мажилис`` / ``Mazhilis``); ``base`` anchors are added to them.
    """

    def anchors(text: str, lang: str) -> list[str]:
        keys = list(base(text, lang)) if base is not None else []
        keys.extend("c" + str(m.concept_id) for m in matcher.find(text, lang))
        return keys

    return anchors
