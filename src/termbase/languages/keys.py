"""Match keys: the one key of a word, shared by lookup, term matching, the check, alignment's
termbase anchors and term extraction; and the citation (dictionary) forms of names and phrases.

A word's key depends on the word as written in the text, because case carries meaning:

- an all-capital word is an acronym and keeps a key of its own that no ordinary word has
  (``APK``, not "apk"), with what inflection adds to it removed: a possessive (``APK's``), a Kazakh
  case ending after a hyphen (``ҚХА-ның``), a Russian one written on (``МИДа``);
- Russian: the pymorphy3 lemma, its nominal reading preferred; a capitalised surname the dictionary
  lacks by its masculine base (``Токаева``, ``Токаеву`` -> the key of ``Токаев``), see
  :func:`termbase.languages.russian.key_russian`;
- Kazakh: termbase's suffix stripper (:func:`termbase.languages.kazakh.stem_kazakh`); Kazakh in
  Latin script (``kk-Latn``) is transliterated to Cyrillic first
  (:func:`termbase.languages.translit.kazakh_to_cyrillic`), so a Latin word has the key of its
  Cyrillic spelling and vowel harmony works on the Latin letters too ("Parlamentınıñ" ->
  the key of "Парламентінің", "парламент");
- English: the Snowball stem without a possessive (:func:`termbase.languages.english.stem_english`).

>>> word_key("Ассамблеясының", "kk") == word_key("Ассамблея", "kk")
True
>>> word_key("ҚХА-ның", "kk") == word_key("ҚХА", "kk") != word_key("қха", "kk")
True
>>> word_keys("Генеральной прокуратуре", "ru") == word_keys("Генеральная прокуратура", "ru")
True
>>> citation_form("Гарвардского университета".split(), "ru")
['Гарвардский', 'университет']
>>> word_keys("Qazaqstan Respublikasynyñ Parlamentı", "kk-Latn") == word_keys("Қазақстан Республикасының Парламенті", "kk")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Sequence

from termbase.languages.codes import KK_LATN, normalize_lang
from termbase.languages.english import stem_english
from termbase.languages.kazakh import dictionary_form_kk, nominative_kk, stem_kazakh
from termbase.languages.normalize import normalize
from termbase.languages.russian import key_russian, nominative_ru
from termbase.languages.tokenize import token_spans
from termbase.languages.translit import final_apostrophe_spans, kazakh_to_cyrillic, latin_variant

__all__ = [
    "ACRONYM_MARK", "citation_form", "is_acronym_word", "key_text", "latin_word_key", "latin_word_spans",
    "text_keys", "word_key", "word_keys",
]

#: The first character of the key of an acronym (never the first character of another key).
ACRONYM_MARK = "\x1e"
# Soft hyphen and zero-width (non-)joiners: invisible, kept in tokens, not in keys.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_APOSTROPHES = ("'s", "’s", "'", "’")
# Russian acronyms decline with a lower-case ending written on: "МИДа", "МИДом", "ВУЗов".
_RU_ACRONYM_END_RE = re.compile(r"^([А-ЯЁ]{2,8})(?:а|у|ом|е|ы|ов|ам|ами|ах)$")


def is_acronym_word(word: str) -> bool:
    """All-capital word of 2+ letters (digits allowed after the first letter): APK, ҚХА, G20.

    >>> is_acronym_word("APK"), is_acronym_word("G20"), is_acronym_word("Apk"), is_acronym_word("A")
    (True, True, False, False)
    """
    return len(word) >= 2 and word[0].isalpha() and word.isupper() and word.replace("-", "").isalnum()


def _acronym(word: str, lang: str) -> str | None:
    """The acronym ``word`` is a form of (``APK's`` -> ``APK``, ``ҚХА-ның`` -> ``ҚХА``), or None."""
    core = word
    for apostrophe in _APOSTROPHES:
        if core.endswith(apostrophe):
            core = core[: -len(apostrophe)]
            break
    head, _, tail = core.partition("-")
    if tail and is_acronym_word(head) and tail.islower():
        core = head
    if is_acronym_word(core):
        return core
    if lang == "ru":
        m = _RU_ACRONYM_END_RE.match(core)
        if m is not None:
            return m.group(1)
    return None


@lru_cache(maxsize=1 << 18)
def word_key(word: str, lang: str) -> str:
    """The match key of one word as written in a text: inflected forms of a word share it.

    ``lang`` is one of ``SUPPORTED`` or any spelling ``normalize_lang`` accepts. Cached: the hot
    path of matching. Raises :class:`~termbase.errors.UnknownLanguage` for another language.

    >>> word_key("Министерством", "ru") == word_key("министерство", "ru")
    True
    >>> word_key("министрлігінің", "kk"), word_key("General's", "en"), word_key("Токаева", "ru") == word_key("Токаев", "ru")
    ('министрлік', 'general', True)
    >>> word_key("APK's", "en") == word_key("APK", "en") != word_key("apk", "en"), word_key("МИДа", "ru") == word_key("МИД", "ru")
    (True, True)
    """
    code = normalize_lang(lang)
    if code == KK_LATN:
        return _latin_kazakh_key(word, latin_variant(word))
    if not word.isascii():
        word = unicodedata.normalize("NFC", word).translate(_INVISIBLE)
    acronym = _acronym(word, code)
    if acronym is not None:
        return ACRONYM_MARK + normalize(acronym, code)
    norm = normalize(word, code)
    if not norm:
        return norm
    if code == "ru":
        return key_russian(word, norm)
    if code == "kk":
        return stem_kazakh(norm)
    return stem_english(norm)


@lru_cache(maxsize=1 << 16)
def latin_word_key(word: str, variant: str) -> str:
    """The key of a Latin Kazakh word read in ``variant`` (the alphabet of its whole text): the key
    of its Cyrillic spelling.

    >>> latin_word_key("Parlamentinin'", "2017") == latin_word_key("Parlamentınıñ", "2021") == word_key("Парламентінің", "kk")
    True
    """
    return word_key(kazakh_to_cyrillic(word, variant), "kk")


_latin_kazakh_key = latin_word_key


def latin_word_spans(text: str, variant: str | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the words of a Latin Kazakh text: those of
    :func:`~termbase.languages.tokenize.token_spans`, and in 2017 spelling with a word-final
    apostrophe letter kept (``n'`` is ң: "Parlamentinin'")."""
    spans = token_spans(text)
    if (variant or latin_variant(text)) == "2017":
        spans = final_apostrophe_spans(text, spans)
    return spans


def _key_function(text: str, lang: str):
    """``word -> key`` for the words of ``text``: Latin Kazakh read in the alphabet of the whole text
    (2021, or a 2017/2018 draft, :func:`~termbase.languages.translit.latin_variant`)."""
    if normalize_lang(lang) == KK_LATN:
        variant = latin_variant(text)
        return lambda word: _latin_kazakh_key(word, variant)
    return lambda word: word_key(word, lang)


def _spans(text: str, lang: str) -> list[tuple[int, int]]:
    if normalize_lang(lang) == KK_LATN:
        return latin_word_spans(text)
    return token_spans(text)


def key_text(text: str, lang: str) -> str:
    """``text`` in the script its keys are made in: Latin Kazakh in Cyrillic, any other text as it is
    (what spelling similarity compares, so a Latin query meets a Cyrillic term).

    >>> key_text("Mäjılıs", "kk-Latn"), key_text("Mazhilis", "en")
    ('Мәжіліс', 'Mazhilis')
    """
    return kazakh_to_cyrillic(text) if normalize_lang(lang) == KK_LATN else text


def text_keys(text: str, lang: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The keys of the words of ``text`` (:func:`~termbase.languages.tokenize.tokenize_words`) and
    their ``(start, end)`` offsets in ``text``.

    >>> text_keys("Ұлттық құрылтайға", "kk")
    (['ұлттық', 'құрылтай'], [(0, 6), (7, 17)])
    """
    spans = _spans(text, lang)
    key = _key_function(text, lang)
    return [key(text[s:e]) for s, e in spans], spans


def word_keys(text: str, lang: str) -> list[str]:
    """The keys of the words of ``text``, in order.

    >>> word_keys("The General's ministries.", "en")
    ['the', 'general', 'ministri']
    """
    key = _key_function(text, lang)
    return [key(text[s:e]) for s, e in _spans(text, lang)]


def dictionary_form(words: Sequence[str], lang: str) -> list[str]:
    """The form a glossary lists a name or phrase under, word for word: :func:`citation_form`, and
    for Kazakh also without an attributive locative, and a lone noun without its possessive
    (:func:`~termbase.languages.kazakh.dictionary_form_kk`); English without a final possessive 's.

    >>> " ".join(dictionary_form("Гарвард университетіндегі".split(), "kk"))
    'Гарвард университеті'
    >>> dictionary_form(["Harvard's"], "en"), dictionary_form(["Гарвардского", "университета"], "ru")
    (['Harvard'], ['Гарвардский', 'университет'])
    """
    code = normalize_lang(lang)
    if code == "kk":
        return dictionary_form_kk(list(words))
    if code == "en":
        out = list(words)
        if out:
            for end in ("'s", "’s"):
                if out[-1].endswith(end) and len(out[-1]) > len(end):
                    out[-1] = out[-1][: -len(end)]
        return out
    return citation_form(words, code)


def citation_form(words: Sequence[str], lang: str) -> list[str]:
    """The dictionary form of a name or noun phrase given as its words, word for word.

    - ru: the nominative (head noun and the adjectives before it; a person's names);
    - kk: the case ending of the last word removed, the possessive of the izafet kept;
    - en: the words as they are.

    Its words have the keys of ``words`` (:func:`word_key`).

    >>> " ".join(citation_form("Генеральной прокуратуре".split(), "ru"))
    'Генеральная прокуратура'
    >>> " ".join(citation_form("Ішкі істер министрлігінің".split(), "kk"))
    'Ішкі істер министрлігі'
    """
    code = normalize_lang(lang)
    if code == "ru":
        return nominative_ru(list(words))
    if code == "kk":
        return nominative_kk(list(words))
    return list(words)
