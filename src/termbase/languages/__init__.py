"""Everything per language: codes, identification, normalisation, tokens, match keys, citation forms.

>>> from termbase.languages import detect_language, normalize_lang, word_keys
>>> normalize_lang("kk-KZ"), detect_language("Бұл кітап.")
('kk', 'kk')
>>> word_keys("Қазақстан халқы Ассамблеясының", "kk") == word_keys("Қазақстан халқы Ассамблеясы", "kk")
True

The one morphology of termbase lives here: :mod:`.keys` (the match key of a word, for every
component that compares words), built on :mod:`.russian` (pymorphy3, one analyser per process),
:mod:`.kazakh` (our suffix stripper and case endings) and :mod:`.english` (Snowball); :mod:`.translit`
compares names across scripts and converts Kazakh between Cyrillic and Latin (``kk-Latn`` text has
the keys of its Cyrillic spelling).

Heavy resources (langdetect profiles, the Snowball stemmer, the pymorphy3 dictionary) load
on first use, once; importing this package loads none of them, nor any of its modules: each name
loads its module when first used (``from termbase.languages import word_key`` loads the keys and what
they are made with, not language identification).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Two functions have their module's name: imported here, so that importing the module later (which
# sets the package's attribute of that name) cannot hide them behind it. Both modules are light.
from termbase.languages.normalize import normalize
from termbase.languages.stopwords import stopwords

if TYPE_CHECKING:  # pragma: no cover
    from termbase.languages.codes import KK_LATN, LANGUAGE_TAGS, SUPPORTED, base_lang, normalize_lang
    from termbase.languages.identify import detect_language, detect_language_scores
    from termbase.languages.kazakh import KAZAKH_LETTERS, is_kazakh_word
    from termbase.languages.keys import citation_form, dictionary_form, key_text, text_keys, word_key, word_keys
    from termbase.languages.russian import russian_word_forms
    from termbase.languages.translit import kazakh_to_cyrillic, kazakh_to_latin
    from termbase.languages.tokenize import (
        Token, split_with_punctuation, split_words, token_spans, tokenize_with_punctuation, tokenize_words,
    )

#: Each name and the module that defines it: importing this package loads none of them, a name its
#: module on first use (a lookup needs the keys, not language identification).
_LAZY = {
    **dict.fromkeys(("KK_LATN", "LANGUAGE_TAGS", "SUPPORTED", "base_lang", "normalize_lang"), "codes"),
    **dict.fromkeys(("detect_language", "detect_language_scores"), "identify"),
    **dict.fromkeys(("KAZAKH_LETTERS", "is_kazakh_word"), "kazakh"),
    **dict.fromkeys(("citation_form", "dictionary_form", "key_text", "text_keys", "word_key", "word_keys"), "keys"),
    "russian_word_forms": "russian",
    **dict.fromkeys(("kazakh_to_cyrillic", "kazakh_to_latin"), "translit"),
    **dict.fromkeys(("Token", "split_with_punctuation", "split_words", "token_spans", "tokenize_with_punctuation",
                     "tokenize_words"), "tokenize"),
}

__all__ = [
    "KAZAKH_LETTERS",
    "KK_LATN",
    "LANGUAGE_TAGS",
    "base_lang",
    "kazakh_to_cyrillic",
    "kazakh_to_latin",
    "key_text",
    "SUPPORTED",
    "Token",
    "citation_form",
    "detect_language",
    "dictionary_form",
    "detect_language_scores",
    "is_kazakh_word",
    "normalize",
    "normalize_lang",
    "russian_word_forms",
    "split_with_punctuation",
    "split_words",
    "stopwords",
    "text_keys",
    "token_spans",
    "tokenize_with_punctuation",
    "tokenize_words",
    "word_key",
    "word_keys",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
