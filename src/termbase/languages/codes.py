"""Language codes: the three supported languages and the spellings users type for them."""

from __future__ import annotations

from termbase.errors import UnknownLanguage
from termbase.models import LANGUAGES

#: The languages termbase handles, as ISO 639-1 codes (defined with the models).
SUPPORTED: tuple[str, ...] = LANGUAGES
#: Kazakh in the Latin alphabet (BCP 47 ``kk-Latn``; gettext names it ``kk@latin``). ``kk`` is Cyrillic.
KK_LATN = "kk-Latn"
#: Every language tag termbase stores and writes: the languages, and Kazakh in Latin script.
LANGUAGE_TAGS: tuple[str, ...] = (*LANGUAGES, KK_LATN)

# ISO 639-1, 639-2/3 and English names; region and script subtags are cut off before lookup.
_ALIASES: dict[str, str] = {
    "en": "en", "eng": "en", "english": "en",
    "kk": "kk", "kaz": "kk", "kazakh": "kk", "qazaq": "kk", "қазақ": "kk", "қазақша": "kk",
    "ru": "ru", "rus": "ru", "russian": "ru", "русский": "ru",
}


#: The tags themselves (what normalize_lang returns), answered at once.
_CANONICAL = frozenset({"en", "kk", "ru", "kk-Latn"})


def normalize_lang(code: str) -> str:
    """The tag of a language code or name users type: an ISO 639-1 code, or ``kk-Latn``.

    Region subtags (``kk-KZ``, ``en_GB``), the Cyrillic script subtag and case are ignored; Kazakh
    with the Latin script subtag (``kk-Latn``, ``kk-latn-KZ``, ``kk_Latn``) or gettext's ``@latin``
    modifier (``kk@latin``, ``kk_KZ@latin``) is ``kk-Latn``.

    >>> [normalize_lang(c) for c in ("kk-KZ", "KAZ", "Russian", "en_GB", "kk-Cyrl-KZ")]
    ['kk', 'kk', 'ru', 'en', 'kk']
    >>> [normalize_lang(c) for c in ("kk-Latn", "kk_latn_KZ", "kk@latin", "kk_KZ@latin")]
    ['kk-Latn', 'kk-Latn', 'kk-Latn', 'kk-Latn']

    Raises :class:`UnknownLanguage` for anything else, naming the supported codes; ``kz``
    gets its own message because it is Kazakhstan's country code, a common slip for ``kk``.
    """
    if type(code) is str and code in _CANONICAL:  # already a tag: the hot path of lookups
        return code
    if not isinstance(code, str):
        raise UnknownLanguage(f"language code must be a string, not {type(code).__name__}")
    text = code.strip()
    tag, _, modifier = text.partition("@")
    subtags = tag.replace("_", "-").lower().split("-")
    primary = subtags[0]
    if primary == "kz":
        raise UnknownLanguage(
            f"{text!r} is a country code (Kazakhstan), not a language: use 'kk' for Kazakh"
        )
    try:
        lang = _ALIASES[primary]
    except KeyError:
        raise UnknownLanguage(
            f"unknown language {text!r}: termbase supports {', '.join(SUPPORTED)} (and {KK_LATN})"
        ) from None
    latin = modifier.lower() == "latin" or "latn" in subtags[1:]
    if latin and lang != "kk":
        if lang == "en":
            return lang
        raise UnknownLanguage(f"{text!r}: termbase has {lang} in its own script only")
    return KK_LATN if latin else lang


def base_lang(code: str) -> str:
    """The language of a tag without its script: ``kk`` for ``kk-Latn``.

    >>> base_lang("kk-Latn"), base_lang("ru")
    ('kk', 'ru')
    """
    lang = normalize_lang(code)
    return "kk" if lang == KK_LATN else lang
