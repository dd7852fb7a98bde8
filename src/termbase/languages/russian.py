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


def russian_word_forms(lemma: str, *, degrees: bool = False, guesses: bool = True) -> frozenset[str]:
    """Every form of every word whose lemma is ``lemma``, by pymorphy3's dictionary (ё as е).

    ``lemma`` is a match key (:func:`lemma_russian`: lower case, ё as е). All homographs with that
    lemma count ("посол" the ambassador and "посол" the salting). Suppletive forms are included
    ("люди" of "человек"); comparative and superlative degrees of adjectives ("выше", "высший",
    "наивысший" of "высокий") only with ``degrees=True``. For a word the dictionary does not have,
    the forms of the paradigms pymorphy3 guesses for it, unless ``guesses=False``; empty when no
    reading has that lemma.

    >>> sorted(russian_word_forms("мажилис"))
    ['мажилис', 'мажилиса', 'мажилисам', 'мажилисами', 'мажилисах', 'мажилисе', 'мажилисов', 'мажилисом', 'мажилису', 'мажилисы']
    >>> sorted(f for f in russian_word_forms("человек") if not f.startswith("чел"))
    ['людей', 'люди', 'людьми', 'людям', 'людях']
    >>> "наивысший" in russian_word_forms("высокий"), "наивысший" in russian_word_forms("высокий", degrees=True)
    (False, True)
    >>> sorted(russian_word_forms("nur")), russian_word_forms("nur", guesses=False)
    (['nur'], frozenset())
    """
    if not lemma:
        return frozenset()
    return frozenset(
        form.word.replace("ё", "е")
        for parse in _analyzer().parse(lemma)
        if parse.normal_form.replace("ё", "е") == lemma and (guesses or parse.is_known)
        for form in parse.lexeme
        if degrees or not (_DEGREES & form.tag.grammemes)
    )


_DEGREES = frozenset({"Supr", "COMP"})
