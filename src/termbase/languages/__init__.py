"""Everything per language: codes, identification, normalisation, words and match keys.

>>> normalize_lang("kk-KZ"), detect_language("Бұл кітап.")
('kk', 'kk')
>>> word_keys("Қазақстан халқы Ассамблеясының", "kk") == word_keys("Қазақстан халқы Ассамблеясы", "kk")
True

Heavy resources (langdetect profiles, the Snowball stemmer, the pymorphy3 dictionary) load
on first use, once; importing this package loads none of them.
"""

from termbase.languages.codes import SUPPORTED, normalize_lang
from termbase.languages.identify import detect_language, detect_language_scores
from termbase.languages.kazakh import KAZAKH_LETTERS, is_kazakh_word
from termbase.languages.normalize import normalize
from termbase.languages.russian import russian_word_forms
from termbase.languages.stem import stem, word_keys
from termbase.languages.stopwords import stopwords
from termbase.languages.tokenize import Token, split_words, token_spans, tokenize

__all__ = [
    "KAZAKH_LETTERS",
    "SUPPORTED",
    "Token",
    "detect_language",
    "detect_language_scores",
    "is_kazakh_word",
    "normalize",
    "normalize_lang",
    "russian_word_forms",
    "split_words",
    "stem",
    "stopwords",
    "token_spans",
    "tokenize",
    "word_keys",
]
