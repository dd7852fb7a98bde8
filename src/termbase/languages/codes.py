"""Language codes: the three supported languages and the spellings users type for them."""

from __future__ import annotations

from termbase.errors import UnknownLanguage
from termbase.models import LANGUAGES

#: The languages termbase handles, as ISO 639-1 codes (defined with the models).
SUPPORTED: tuple[str, ...] = LANGUAGES

# ISO 639-1, 639-2/3 and English names; region and script subtags are cut off before lookup.
_ALIASES: dict[str, str] = {
    "en": "en", "eng": "en", "english": "en",
    "kk": "kk", "kaz": "kk", "kazakh": "kk", "qazaq": "kk", "қазақ": "kk", "қазақша": "kk",
    "ru": "ru", "rus": "ru", "russian": "ru", "русский": "ru",
}


def normalize_lang(code: str) -> str:
    """The ISO 639-1 code of a language code or name users type.

    Region and script subtags (``kk-KZ``, ``en_GB``, ``kk-Cyrl-KZ``) and case are ignored.

    >>> [normalize_lang(c) for c in ("kk-KZ", "KAZ", "Russian", "en_GB")]
    ['kk', 'kk', 'ru', 'en']

    Raises :class:`UnknownLanguage` for anything else, naming the supported codes; ``kz``
    gets its own message because it is Kazakhstan's country code, a common slip for ``kk``.
    """
    if not isinstance(code, str):
        raise UnknownLanguage(f"language code must be a string, not {type(code).__name__}")
    text = code.strip()
    primary = text.replace("_", "-").split("-", 1)[0].lower()
    if primary == "kz":
        raise UnknownLanguage(
            f"{text!r} is a country code (Kazakhstan), not a language: use 'kk' for Kazakh"
        )
    try:
        return _ALIASES[primary]
    except KeyError:
        raise UnknownLanguage(
            f"unknown language {text!r}: termbase supports {', '.join(SUPPORTED)}"
        ) from None
