"""Russian: match keys are pymorphy3 lemmas.

Measured by ``scripts/bench_stemmers.py`` on case/number forms of institution words:
pymorphy3 merges 97% of the words' forms, Snowball (PyStemmer) 91%, because Snowball cuts
"Казахстан" to "казахста" but "Казахстану" to "казахстан", "орган" to "орга" (it takes
-ан for a verb ending) and "Ассамблеи" to "ассамбл" but "Ассамблея" to "ассамбле".
Snowball is 45-75x faster, which ``stem``'s cache makes irrelevant: a corpus has far
fewer distinct words than tokens.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from termbase.errors import TermbaseError


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    try:
        import pymorphy3
    except ImportError as exc:  # a key from another method would not match stored keys
        raise TermbaseError(
            "Russian needs pymorphy3 and pymorphy3-dicts-ru: pip install pymorphy3 pymorphy3-dicts-ru"
        ) from exc
    return pymorphy3.MorphAnalyzer(lang="ru")


def lemma_russian(word: str) -> str:
    """The lemma of a normalised Russian word (most probable parse), ё as е.

    >>> [lemma_russian(w) for w in ("генеральной", "прокуратуре", "казахстана")]
    ['генеральный', 'прокуратура', 'казахстан']

    Uncached: use ``termbase.languages.stem``.
    """
    parses = _analyzer().parse(word)
    if not parses:
        return word
    # Terms are names and noun phrases: when a word can be read as a noun/adjective or as a
    # verb form, the nominal reading wins ("Капшагай" is a town, not the imperative of
    # "капшагать"); the same choice for every form keeps "Капшагай"/"Капшагае" together.
    best = next((p for p in parses if p.tag.POS not in _VERBAL), parses[0])
    return best.normal_form.replace("ё", "е")


_VERBAL = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"})
