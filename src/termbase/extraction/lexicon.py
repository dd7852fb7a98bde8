"""Word lists used by the extractor, per language, from ``data/{lang}_extract.txt`` and
``data/boilerplate_extract.txt``. Loaded on first use and cached."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import UnknownLanguage

LANGS = ("en", "kk", "ru")


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language (all lower case)."""

    lang: str
    org_heads: frozenset[str]
    org_names: frozenset[str]
    titles: frozenset[str]
    places: frozenset[str]
    demonyms: frozenset[str]
    verbs: frozenset[str]
    stopwords: frozenset[str]
    verb_cues: frozenset[str] = frozenset()
    weak_modifiers: frozenset[str] = frozenset()
    #: Heads of which a country has one: with the country's adjective they name it ("российская сборная").
    state_heads: frozenset[str] = frozenset()
    #: Words that are no part of a key phrase beyond the function words: auxiliary verbs, numerals,
    #: quantifiers and postpositions (Kazakh: "жатыр", "мың", "астам", "орай").
    phrase_breaks: frozenset[str] = frozenset()
    #: ``stopwords`` and the function words of the language layer (:func:`termbase.languages.stopwords`):
    #: a capitalised word among them at the start of a sentence is no name ("Егер", "Бірақ", "Өйткені").
    function_words: frozenset[str] = frozenset()
    #: English: last words of newspapers' names, whose "The" is part of the name ("The Sunday Times").
    press_heads: frozenset[str] = frozenset()
    #: Russian: legal forms a body's quoted name follows ("акционерное общество «...»").
    legal_heads: frozenset[str] = frozenset()
    #: Kazakh: kinds of vehicles and devices named after their maker ("Боинг ұшағы", "Тойота көлігі").
    product_heads: frozenset[str] = frozenset()
    #: Abbreviations of common nouns ("СМИ", "GDP", "PhD"): never names.
    common_abbreviations: frozenset[str] = frozenset()


def _read_sections(name: str) -> dict[str, list[str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line.lower())
    return sections


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The word lists of ``lang`` (``en``, ``kk`` or ``ru``)."""
    if lang not in LANGS:
        raise UnknownLanguage(f"term extraction supports {', '.join(LANGS)}, not {lang!r}")
    from ..languages.stopwords import stopwords as function_words

    s = _read_sections(f"{lang}_extract.txt")
    get = lambda key: frozenset(s.get(key, ()))  # noqa: E731
    return Lexicon(
        lang=lang,
        org_heads=get("org_heads"),
        org_names=get("org_names"),
        titles=get("titles"),
        places=get("places"),
        demonyms=get("demonyms"),
        verbs=get("verbs"),
        stopwords=get("stopwords"),
        verb_cues=get("verb_cues"),
        weak_modifiers=get("weak_modifiers"),
        state_heads=get("state_heads"),
        phrase_breaks=get("phrase_breaks"),
        function_words=get("stopwords") | function_words(lang),
        press_heads=get("press_heads"),
        legal_heads=get("legal_heads"),
        product_heads=get("product_heads"),
        common_abbreviations=get("common_abbreviations"),
    )


@lru_cache(maxsize=None)
def boilerplate_re() -> re.Pattern[str]:
    """One pattern matching the start of any boilerplate sentence (photo credits, newsletter ads ...)."""
    text = resources.files(__package__).joinpath("data", "boilerplate_extract.txt").read_text(encoding="utf-8")
    patterns = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
