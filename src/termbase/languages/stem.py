"""Match keys: ``stem`` for one word, ``word_keys`` for every word of a text."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from termbase.languages.codes import normalize_lang
from termbase.languages.english import stem_english
from termbase.languages.kazakh import stem_kazakh
from termbase.languages.normalize import normalize
from termbase.languages.russian import lemma_russian
from termbase.languages.tokenize import tokenize

_STEMMERS = {"en": stem_english, "kk": stem_kazakh, "ru": lemma_russian}
# Soft hyphen and zero-width (non-)joiners: invisible, kept in tokens, not in keys.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


@lru_cache(maxsize=1 << 18)
def stem(word: str, lang: str) -> str:
    """The match key of one word: inflected forms of a word share it.

    ``word`` should be ``normalize``-d (it is normalised again, fully NFC, if not);
    ``lang`` is one of ``SUPPORTED`` or any spelling ``normalize_lang`` accepts.

    >>> stem("Министерством", "ru") == stem("министерство", "ru")
    True
    >>> stem("министрлігінің", "kk"), stem("General's", "en")
    ('министрлік', 'general')

    en: Snowball English without possessives; ru: pymorphy3 lemma; kk: termbase's own
    suffix stripper (``termbase.languages.kazakh``). Cached: the hot path of matching.
    Raises :class:`~termbase.errors.UnknownLanguage` for another language.
    """
    code = normalize_lang(lang)
    word = normalize(unicodedata.normalize("NFC", word).translate(_INVISIBLE), code)
    return _STEMMERS[code](word) if word else word


def word_keys(text: str, lang: str) -> list[str]:
    """The match keys of every word of ``text``, in order (``tokenize`` + ``stem``).

    >>> word_keys("Генеральной прокуратуры", "ru") == word_keys("Генеральная прокуратура", "ru")
    True
    """
    return [stem(token.text, lang) for token in tokenize(text)]
