"""Documents -> sentences -> tokens: the first, language-neutral stage of extraction.

A document is read one paragraph a line (:func:`termbase.languages.segment.split_line_paragraphs`);
headlines, bylines, datelines and page furniture are dropped; sentences come from
:func:`termbase.languages.segment.split_sentences` and their tokens keep punctuation
(:func:`termbase.languages.tokenize.tokenize_with_punctuation`: a comma or a bracket ends a name,
``(APK)`` follows its expansion), kept as their texts and offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..languages.segment import split_line_paragraphs, split_sentences
from ..languages.tokenize import Token, split_with_punctuation
from .lexicon import boilerplate_re

_UPPER = "A-ZА-ЯЁӘІҢҒҮҰҚӨҺ"

# "ASTANA – " or "ALMATY, May 5 — ": a dateline at the start of a news paragraph.
_DATELINE_RE = re.compile(
    rf"^\s*[{_UPPER}][{_UPPER}\-]+(?:(?:,[^–—\n]{{0,40}})?\s+[–—]\s+|\.\s+(?=[{_UPPER}]))"
)
# "By Aida Haidar": a byline paragraph.
_BYLINE_RE = re.compile(rf"^(?:by|author:|автор:|авторы:)\s+[{_UPPER}][^\n]{{0,60}}$", re.IGNORECASE)
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with via amid vs".split())


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, tokenised: token ``i`` is ``words[i]``, ``text[spans[i][0]:spans[i][1]]``.

    >>> sent = next(sentences("The APK met.", "en"))
    >>> sent.words, sent.tokens[1]
    (('The', 'APK', 'met', '.'), Token(text='APK', start=4, end=7))
    """

    text: str
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    paragraph: int = 0

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens as :class:`~termbase.languages.tokenize.Token` objects."""
        return tuple(Token(w, s, e) for w, (s, e) in zip(self.words, self.spans))


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
    for index, paragraph in enumerate(split_line_paragraphs(text)):
        if is_headline(paragraph) or _BYLINE_RE.match(paragraph):
            continue
        for sent in split_sentences(strip_dateline(paragraph), lang):
            if not sent or is_boilerplate(sent):
                continue
            words, spans = split_with_punctuation(sent)
            if words:
                yield Sentence(sent, tuple(words), tuple(spans), index)
