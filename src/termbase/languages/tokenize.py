"""Tokens of a text with their offsets in it: words alone, or words and punctuation.

Two views of one text, for two jobs, with one :class:`Token` type:

- :func:`tokenize_words` -- the words only: what match keys are made of (term matching, lookup,
  checking). A possessive stays in its word ("General's"), a number keeps its point ("3.5").
- :func:`tokenize_with_punctuation` -- words, numbers and every punctuation mark, a possessive
  ``'s`` its own token: what term extraction reads, since a comma or a bracket ends a name and
  ``(APK)`` follows its expansion.

:func:`token_spans` and :func:`split_words` are :func:`tokenize_words` without the objects, and
:func:`split_with_punctuation` is :func:`tokenize_with_punctuation` without them, for hot paths: a
:class:`Token` costs more than a plain tuple to make and to free (a tuple subclass has no free list).
"""

from __future__ import annotations

import re
from functools import partial
from typing import NamedTuple


class Token(NamedTuple):
    """A token of a text: ``text == original[start:end]``. A tuple: ``token[0]`` is its text."""

    text: str
    start: int
    end: int


# Token((text, start, end)) at the speed of a plain tuple (NamedTuple's own constructor is a Python
# call per token: a third of the tokenising time of extraction).
_token = partial(tuple.__new__, Token)

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


def tokenize_words(text: str) -> list[Token]:
    """The words of ``text``; punctuation and spaces are not tokens.

    A word is a run of letters, digits and combining marks, with apostrophes and hyphens
    kept when they stand between two such runs:

    >>> [t.text for t in tokenize_words("Нұр-Сұлтан's «socio-political» К.-Ж. 3.5%")]
    ["Нұр-Сұлтан's", 'socio-political', 'К', 'Ж', '3.5']
    >>> tokenize_words("Бұл кітап.")[1]
    Token(text='кітап', start=4, end=9)
    """
    return list(map(_token, [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]))


def token_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every word of ``text``: :func:`tokenize_words` without the objects (hot paths).

    >>> token_spans("Бұл кітап.")
    [(0, 3), (4, 9)]
    """
    return [m.span() for m in _WORD.finditer(text)]


# Characters that never begin or end a word (none of them matches _CHAR or a digit): stripped from
# the ends of a space-separated chunk, they leave its words unchanged, and usually one plain word.
_EDGE = "\"'.,;:!?()[]{}<>«»‹›“”„‟‘’‚‛`´′″*/\\|&#%$§@~^_+=…·•–—‒―−‐‑-\u00ad\u200b\u200c\u200d\u2060\ufeff"


def split_words(text: str) -> list[str]:
    """The words of ``text`` as :func:`tokenize_words` gives them, without offsets (6x faster on news).

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


# Words (with hyphens and apostrophes), site names ("Lenta.ru", "Лента.ру") and names that begin with a
# digit ("3Com", "1С") as one token each; numbers; any other character alone.
_TOKEN_RE = re.compile(
    r"([^\W\d_][\w-]*\.(?:ru|com|kz|org|net|info|рф|ру|ком|қаз)\b|\d+[A-ZА-ЯЁ][^\W\d_]*(?![\w])"
    r"|[^\W\d_]+(?:[-‐'’][^\W\d_]+)*)|(\d+(?:[.,:]\d+)*)|(\S)"
)


def tokenize_with_punctuation(text: str) -> list[Token]:
    """Words, numbers and single punctuation marks with their offsets; a possessive 's is its own token.

    >>> [t.text for t in tokenize_with_punctuation("Prosecutor General’s Office (APK), 2024.")]
    ['Prosecutor', 'General', '’s', 'Office', '(', 'APK', ')', ',', '2024', '.']
    >>> [t.text for t in tokenize_with_punctuation("Лента.ру: 3Com, 3.5")]
    ['Лента.ру', ':', '3Com', ',', '3.5']
    """
    words, spans = split_with_punctuation(text)
    return [_token((w, s, e)) for w, (s, e) in zip(words, spans)]


def split_with_punctuation(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """:func:`tokenize_with_punctuation` without the objects: the tokens' texts and ``(start, end)``.

    >>> split_with_punctuation("APK's plenary, 2024")
    (['APK', "'s", 'plenary', ',', '2024'], [(0, 3), (3, 5), (6, 13), (13, 14), (15, 19)])
    """
    if "'" not in text and "’" not in text:  # no possessive to split off: the common case, made fast
        matches = list(_TOKEN_RE.finditer(text))
        return [m.group() for m in matches], [m.span() for m in matches]
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        start, end = m.span()
        if m.lastindex == 1 and len(tok) > 2 and tok[-2] in "'’" and tok[-1] in "sS":
            words += (tok[:-2], tok[-2:])
            spans += ((start, end - 2), (end - 2, end))
        else:
            words.append(tok)
            spans.append((start, end))
    return words, spans
