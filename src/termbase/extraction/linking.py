"""Candidates -> concepts of a termbase and their Kazakh and Russian equivalents.

A candidate links to a concept when a term of the concept matches the WHOLE candidate (the matcher is
inflection-aware, so "Министерства внутренних дел" meets "Министерство внутренних дел"); an acronym
links through its expansion, else through the acronym itself.
"""

from __future__ import annotations

from typing import Iterable

from ..models import Concept

EQUIVALENT_LANGS = ("kk", "ru")
_EXCLUDED = ("deprecated", "forbidden")
# Subjects of the shipped glossaries (glossaries/README.md) that name places, not institutions.
_PLACE_SUBJECTS = frozenset(("region", "city", "country", "place", "geography"))
_PERSON_SUBJECTS = frozenset(("person",))
_INSTITUTION_SUBJECTS = frozenset((
    "head-of-state", "parliament", "government", "ministry", "committee", "agency", "court",
    "law-enforcement", "public-body", "party", "organization", "international",
))


#: How the shipped glossary's full names name the state, per language: (before the name, after it).
STATE_NAME = {
    "ru": ("", " Республики Казахстан"),
    "kk": ("Қазақстан Республикасы ", ""),
    "en": ("", " of the Republic of Kazakhstan"),
}


class Linker:
    """Looks candidates up in one termbase through its :class:`termbase.search.TermIndex`."""

    def __init__(self, index):
        self.index = index
        self.matcher = index.matcher()

    def concept(self, concept_id: str) -> Concept:
        return self.index.concept(concept_id)

    def find(self, texts: Iterable[str], lang: str) -> Concept | None:
        """The concept one of ``texts`` (tried in order) names entirely, or None; else the concept one
        of them names without the name of the state ("Мажилис Парламента" for "Мажилис Парламента
        Республики Казахстан", :data:`STATE_NAME`).

        When several terms match a whole text (stems coincide: "Senate" and "senator"), a term spelt
        like the text wins, then the better status.
        """
        texts = [t.strip() for t in texts if t and t.strip()]
        found = self._find(texts, lang)
        if found is None and lang in STATE_NAME:
            before, after = STATE_NAME[lang]
            found = self._find([before + t + after for t in texts if len(t.split()) > 1], lang)
        return found

    def _find(self, texts: list[str], lang: str) -> Concept | None:
        for text in texts:
            whole = [m for m in self.matcher.find_all(text, lang) if m.start == 0 and m.end == len(text)]
            if whole:
                folded = _fold(text)
                best = min(
                    whole,
                    key=lambda m: (_fold(m.term.text) != folded, _status_rank(m.term.status), m.concept_id),
                )
                return self.concept(best.concept_id)
        return None


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'").replace("ё", "е")


def _status_rank(status: str) -> int:
    order = ("preferred", "admitted", "proposed", "deprecated", "forbidden")
    return order.index(status) if status in order else len(order)


def equivalents(concept: Concept, langs: Iterable[str] = EQUIVALENT_LANGS) -> dict[str, list[str]]:
    """The concept's terms per language, best status first, without deprecated or forbidden ones."""
    out: dict[str, list[str]] = {}
    for lang in langs:
        seen: list[str] = []
        for t in concept.terms_in(lang):
            if t.status not in _EXCLUDED and t.text not in seen:
                seen.append(t.text)
        out[lang] = seen
    return out


def kind_from_subject(subject: str | None, kind: str) -> str:
    """A name the termbase knows gets the kind its subject field says (``city`` -> place)."""
    if not subject or kind in ("acronym", "phrase"):
        return kind
    if subject in _PLACE_SUBJECTS:
        return "place"
    if subject in _PERSON_SUBJECTS:
        return "person"
    if kind == "name" and subject in _INSTITUTION_SUBJECTS:
        return "organization"
    return kind
