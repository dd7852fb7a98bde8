"""Tokens of a sentence -> candidate occurrences, per language. Pure functions of one sentence.

Each detector returns :class:`Occurrence` objects: a token span and the kind the span looks like.
- Names. English marks them by capitals on every word, joined by of/the/for/and/'s ("Assembly of
  People of Kazakhstan", "Prosecutor General's Office"). Russian and Kazakh capitalise only the first
  word, so institution names are found from their head noun (министерство / министрлігі ...) and its
  dependents: genitive words after it in Russian ("Министерство внутренних дел"), the words before it in
  Kazakh ("Ішкі істер министрлігі"). Other capitalised words form names of people, places and others.
- Acronyms, with the expansion written beside them: "Assembly of People of Kazakhstan (APK)".
- Key phrases: runs of content words in lower case ("plenary session", "пленарное заседание").
"""

from __future__ import annotations

from .common import (
    ACRONYM, KINDS, NAME_KIND, ORGANIZATION, PERSON, PHRASE, PLACE, Occurrence, acronym_core, detect_acronyms,
    is_acronym, is_cap, is_word,
)
from .en import detect_en
from .kk import detect_kk
from .ru import detect_ru

__all__ = [
    "ACRONYM", "DETECTORS", "KINDS", "NAME_KIND", "ORGANIZATION", "PERSON", "PHRASE", "PLACE", "Occurrence",
    "acronym_core", "detect_acronyms", "detect_en", "detect_kk", "detect_ru", "is_acronym", "is_cap", "is_word",
]

#: The detector of each language: ``DETECTORS[lang](sentence, lexicon) -> list[Occurrence]``.
DETECTORS = {"en": detect_en, "ru": detect_ru, "kk": detect_kk}
