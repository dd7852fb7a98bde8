"""Transliteration: how names written in Cyrillic (Russian, Kazakh) and Latin letters meet.

:func:`name_key` reduces a name to a spelling-independent skeleton, so that "Tokayev", "Токаев" and
the Kazakh genitive "Тоқаевтың" are one name; sentence alignment uses it to tie sentences that name
the same person or place (:mod:`termbase.alignment.anchors`). Kazakh in Latin script (the 2021
alphabet) will be read here too.
"""

from __future__ import annotations

import functools
import re

__all__ = ["name_key"]

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
