"""English: match keys are Snowball (Porter2) stems, possessive removed."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def stem_english(word: str) -> str:
    """The Snowball stem of a normalised English word, without a possessive ``'s``/``'``.

    >>> [stem_english(w) for w in ("general's", "ministries", "ministry", "ministers'")]
    ['general', 'ministri', 'ministri', 'minist']

    Uncached: use ``termbase.languages.stem``.
    """
    # Snowball's step 0 drops 's and a final ', but only as the very last characters.
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    return _stemmer().stemWord(word)
