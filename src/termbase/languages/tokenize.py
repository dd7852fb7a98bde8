"""Words of a text with their offsets in the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    """A word: ``text == original[start:end]``."""

    text: str
    start: int
    end: int


# A letter or digit ([^\W_]), or a combining mark (Cyrillic titlo and the common
# diacritic blocks) so that decomposed "и" + U+0306 stays one word.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CHAR = rf"(?:[^\W_]|[{_MARKS}])"
# Joiners kept only *between* word characters: apostrophes ("General's", "Qazaqstan'nyñ"),
# hyphens ("Нұр-Сұлтан", "socio-political"), soft hyphen and zero-width (non-)joiners.
_JOIN = "'’ʼ\\-‐‑\u00ad\u200c\u200d"
# Digits keep an inner point or comma ("3.5", "1,000") so numbers are not split.
_NUMBER = r"\d+(?:[.,]\d+)+"
_WORD = re.compile(rf"(?:{_NUMBER}|{_CHAR}+)(?:[{_JOIN}](?:{_NUMBER}|{_CHAR}+))*")


def tokenize(text: str) -> list[Token]:
    """The words of ``text``; punctuation and spaces are not tokens.

    A word is a run of letters, digits and combining marks, with apostrophes and hyphens
    kept when they stand between two such runs:

    >>> [t.text for t in tokenize("Нұр-Сұлтан's «socio-political» К.-Ж. 3.5%")]
    ["Нұр-Сұлтан's", 'socio-political', 'К', 'Ж', '3.5']
    >>> tokenize("Бұл кітап.")[1]
    Token(text='кітап', start=4, end=9)
    """
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def token_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every word of ``text``: :func:`tokenize` without the objects (hot paths).

    >>> token_spans("Бұл кітап.")
    [(0, 3), (4, 9)]
    """
    return [m.span() for m in _WORD.finditer(text)]
