"""Stopword lists (``data/stopwords_LANG.txt``), for term extraction and identification."""

from __future__ import annotations

from functools import lru_cache
from termbase.languages._data import DATA

from termbase.languages.codes import normalize_lang


@lru_cache(maxsize=None)
def _load(lang: str) -> frozenset[str]:
    text = (DATA / f"stopwords_{lang}.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() for w in line.split("#", 1)[0].split())


def stopwords(lang: str) -> frozenset[str]:
    """The function words of ``lang``, ``normalize``-d (lower case, ё as е).

    >>> {"және", "деп"} <= stopwords("kk"), "и" in stopwords("ru"), "the" in stopwords("en")
    (True, True, True)
    """
    return _load(normalize_lang(lang))
