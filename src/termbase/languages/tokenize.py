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


# Characters that never begin or end a word (none of them matches _CHAR or a digit): stripped from
# the ends of a space-separated chunk, they leave its words unchanged, and usually one plain word.
_EDGE = "\"'.,;:!?()[]{}<>«»‹›“”„‟‘’‚‛`´′″*/\\|&#%$§@~^_+=…·•–—‒―−‐‑-\u00ad\u200b\u200c\u200d\u2060\ufeff"


def split_words(text: str) -> list[str]:
    """The words of ``text`` as :func:`tokenize` gives them, without offsets (6x faster on news).

    >>> split_words("«Нұр-Сұлтан's» К.-Ж. 3.5%, Ассамблеясының")
    ["Нұр-Сұлтан's", 'К', 'Ж', '3.5', 'Ассамблеясының']

    Words never span white space, so each space-separated chunk is tokenised alone, and most
    chunks are one word once the punctuation at their ends is stripped: a C-level test each
    instead of the regular expression over the whole text. For hot paths (the term matcher).
    """
    out: list[str] = []
    add = out.append
    for chunk in text.split():
        if not chunk.isalnum():
            chunk = chunk.strip(_EDGE)
            if not chunk.isalnum():
                if chunk:
                    out.extend(chunk[s:e] for s, e in token_spans(chunk))
                continue
        add(chunk)
    return out
