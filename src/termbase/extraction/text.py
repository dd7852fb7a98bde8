"""Documents -> sentences -> tokens: the first, language-neutral stage of extraction.

The tokens keep punctuation (a comma or a bracket ends a name; ``(APK)`` follows its expansion), which
is why extraction scans text with its own pattern instead of :func:`termbase.languages.tokenize`
(words only). Sentences come from :func:`termbase.languages.segment.split_sentences`, paragraph by
paragraph, after headlines, bylines and datelines are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .lexicon import boilerplate_re

#: A token: its text and [start, end) offsets in the sentence.
Token = tuple[str, int, int]

_UPPER = "A-ZА-ЯЁӘІҢҒҮҰҚӨҺ"
# Words (with hyphens and apostrophes), site names ("Lenta.ru", "Лента.ру") and names that begin with a
# digit ("3Com", "1С") as one token each; numbers; any other character alone.
_TOKEN_RE = re.compile(
    r"([^\W\d_][\w-]*\.(?:ru|com|kz|org|net|info|рф|ру|ком|қаз)\b|\d+[A-ZА-ЯЁ][^\W\d_]*(?![\w])"
    r"|[^\W\d_]+(?:[-‐'’][^\W\d_]+)*)|(\d+(?:[.,:]\d+)*)|(\S)"
)
_POSSESSIVE = ("'s", "’s", "'S", "’S")

# "ASTANA – " or "ALMATY, May 5 — ": a dateline at the start of a news paragraph.
_DATELINE_RE = re.compile(
    rf"^\s*[{_UPPER}][{_UPPER}\-]+(?:(?:,[^–—\n]{{0,40}})?\s+[–—]\s+|\.\s+(?=[{_UPPER}]))"
)
# "By Aida Haidar": a byline paragraph.
_BYLINE_RE = re.compile(rf"^(?:by|author:|автор:|авторы:)\s+[{_UPPER}][^\n]{{0,60}}$", re.IGNORECASE)
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with via amid vs".split())


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, tokenised. ``tokens`` hold offsets into ``text``."""

    text: str
    tokens: tuple[Token, ...]
    paragraph: int = 0


def tokenize(text: str) -> list[Token]:
    """Words, numbers and single punctuation marks with their offsets; a possessive 's is its own token.

    >>> [t[0] for t in tokenize("Prosecutor General’s Office (APK), 2024.")]
    ['Prosecutor', 'General', '’s', 'Office', '(', 'APK', ')', ',', '2024', '.']
    """
    if "'" not in text and "’" not in text:  # no possessive to split off: the common case, made fast
        return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        start, end = m.span()
        if m.lastindex == 1 and len(tok) > 2 and tok[-2] in "'’" and tok[-1] in "sS":
            append((tok[:-2], start, end - 2))
            append((tok[-2:], end - 2, end))
        else:
            append((tok, start, end))
    return out


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text: its lines, with hard-wrapped lines joined back together."""
    paragraphs: list[str] = []
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and current[-1] not in ".!?…:;\"”»)" and line[0].islower():
            current = f"{current} {line}"
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return paragraphs


def is_headline(paragraph: str) -> bool:
    """A Title Case line without final punctuation ("President Tokayev Highlights Assembly's Role ...").

    Capital letters carry no information there, so it yields no name candidates.
    """
    if paragraph[-1:] in ".!?…:;" or len(paragraph) > 300:
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", paragraph) if w.lower() not in _SMALL_WORDS]
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.75 * len(words)


def is_boilerplate(sentence: str) -> bool:
    """Photo credits, newsletter invitations and similar page furniture (``data/boilerplate_extract.txt``)."""
    return boilerplate_re().match(sentence) is not None


def strip_dateline(paragraph: str) -> str:
    """Remove a leading news dateline: ``"ASTANA – The Assembly ..."`` -> ``"The Assembly ..."``."""
    m = _DATELINE_RE.match(paragraph)
    return paragraph[m.end() :] if m else paragraph


def sentences(text: str, lang: str) -> Iterator[Sentence]:
    """The sentences of one document that carry text: headlines, bylines, datelines and boilerplate removed."""
    from ..languages.segment import split_sentences

    for index, paragraph in enumerate(split_paragraphs(text)):
        if is_headline(paragraph) or _BYLINE_RE.match(paragraph):
            continue
        for sent in split_sentences(strip_dateline(paragraph), lang):
            if not sent or is_boilerplate(sent):
                continue
            tokens = tokenize(sent)
            if tokens:
                yield Sentence(sent, tuple(tokens), index)
