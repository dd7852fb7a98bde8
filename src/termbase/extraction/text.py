"""Documents -> sentences -> tokens: the first, language-neutral stage of extraction.

A document is read one paragraph a line (:func:`termbase.languages.segment.split_line_paragraphs`);
headlines, bylines, datelines and page furniture are dropped; sentences come from
:func:`termbase.languages.segment.split_sentences` and their tokens keep punctuation
(:func:`termbase.languages.tokenize.tokenize_with_punctuation`: a comma or a bracket ends a name,
``(APK)`` follows its expansion), kept as their texts and offsets. Names the tokeniser cuts in pieces
are put together again (:func:`join_name_tokens`): "U.S.", "S&P", "Tele2", "Yahoo!".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

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
# English Title Case: the small words it leaves in lower case, and words prose writes in lower case
# that it capitalises ("... Diatribe, After his ...").
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with via amid vs".split())
_TITLE_CASE_TELLS = frozenset(
    "after with from into over about before amid against than that this when while will have their says "
    "what where under without through between".split()
)


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


def is_title_case(words: Sequence[str], *, min_words: int = 0, min_capitals: int = 0) -> bool:
    """Are three in four of ``words`` capitalised, as in a Title Case headline? At least ``min_words``
    words and ``min_capitals`` capitalised ones. The one test of both headline detectors: a paragraph's
    (:func:`is_headline`, its words bar the small ones) and an English sentence's
    (``detect.en``, its longer words). The caller picks the words: those Title Case leaves in lower
    case ("of", "the") are no evidence either way.

    >>> is_title_case(["President", "Tokayev", "Highlights", "Role"], min_words=4)
    True
    >>> is_title_case(["Tokayev", "highlights", "Role"], min_words=4), is_title_case(["A", "B", "C"], min_capitals=4)
    (False, False)
    """
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= min_words and caps >= min_capitals and caps >= 0.75 * len(words)


def is_headline(paragraph: str) -> bool:
    """A Title Case line without final punctuation ("President Tokayev Highlights Assembly's Role ...").

    Capital letters carry no information there, so it yields no name candidates.

    >>> is_headline("President Tokayev Highlights Assembly's Role"), is_headline("President Tokayev highlights its role.")
    (True, False)
    """
    if paragraph[-1:] in ".!?…:;" or len(paragraph) > 300:
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", paragraph) if w.lower() not in _SMALL_WORDS]
    return is_title_case(words, min_words=4)


def is_title_case_sentence(words: Sequence[str], first: int) -> bool:
    """Is an English sentence's token list (its first word at ``first``) a Title Case headline ("Kanye West
    Embarked on a Diatribe After his SNL Appearance")? Unlike a paragraph (:func:`is_headline`) it may
    end in a full stop, so more is asked: three in four of its longer words after the first capitalised,
    at least four (:func:`is_title_case`), and a word prose writes in lower case capitalised after a
    word ("After"). English only: the detector of English asks it.

    >>> is_title_case_sentence("Kanye West Embarked on a Diatribe , After his Appearance .".split(), 0)
    True
    >>> is_title_case_sentence("Kanye West Embarked on a Diatribe , after his Appearance .".split(), 0)
    False
    """
    longer = [w for w in words[first + 1 :] if len(w) >= 4 and w[:1].isalpha() and not w.isupper()]
    if not is_title_case(longer, min_capitals=4):
        return False
    return any(
        w[:1].isupper() and w.lower() in _TITLE_CASE_TELLS and (words[k - 1][:1].isalpha() or words[k - 1] == ",")
        for k, w in enumerate(words[first + 1 :], first + 1)
    )


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
        # Russian and Kazakh do not write headlines in Title Case: a line of capitalised words there
        # ("«СОГЛАСОВАН» Министерство энергетики Республики Казахстан") is a name, unless all upper case
        if (is_headline(paragraph) and (lang not in ("ru", "kk") or paragraph.isupper())) or _BYLINE_RE.match(paragraph):
            continue
        for sent in split_sentences(strip_dateline(paragraph), lang):
            if not sent or is_boilerplate(sent):
                continue
            words, spans = join_name_tokens(sent, *split_with_punctuation(sent), lang)
            if words:
                yield Sentence(sent, tuple(words), tuple(spans), index)


_LATIN_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# What join_name_tokens may join (per language: English possessives stay apart); most sentences have
# none of it and are left as they are.
_JOINABLE_EN_RE = re.compile(r"[A-Z]\.[A-Z]\.|\w&\w|[^\W\d_]\d|[A-Za-z]!")
_JOINABLE_RE = re.compile(_JOINABLE_EN_RE.pattern + r"|[A-Za-z]['’][sS]\b")
_KK_UPPER = frozenset("АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ")
# Kazakh: initials of three letters or more written with dots ("Н.Ф.Л", "Н.Ф.Л-мен"); two are a person's
_JOINABLE_KK_RE = re.compile(_JOINABLE_RE.pattern + r"|(?<!\w)[А-ЯӘІҢҒҮҰҚӨҺЁ]\.[А-ЯӘІҢҒҮҰҚӨҺЁ]\.[А-ЯӘІҢҒҮҰҚӨҺЁ](?!\w)")
_KK_ENDING_RE = re.compile(r"^[А-ЯӘІҢҒҮҰҚӨҺЁ]-[а-яәіңғүұқөһё]+$")


def join_name_tokens(text: str, words: list[str], spans: list[tuple[int, int]], lang: str):
    """Tokens written together that make one name, as one token (``words``, ``spans`` of ``text``):

    - dotted abbreviations: "U", ".", "S", "." -> "U.S." ("U.N. Security Council");
    - letters around "&": "S", "&", "P" -> "S&P", "AT&T", "M&S";
    - a capitalised word with digits written on: "Tele", "2" -> "Tele2", "HER2", "G20";
    - "!" that belongs to a Latin name inside a sentence: "Yahoo!" before a lower-case word or a comma;
    - in Russian and Kazakh text, a Latin name's "'s": "McDonald's" (English possessives stay apart,
      the English detector decides).

    >>> join_name_tokens("S&P and U.S. Tele2", ["S", "&", "P", "and", "U", ".", "S", ".", "Tele", "2"],
    ...                  [(0, 1), (1, 2), (2, 3), (4, 7), (8, 9), (9, 10), (10, 11), (11, 12), (13, 17), (17, 18)], "en")
    (['S&P', 'and', 'U.S.', 'Tele2'], [(0, 3), (4, 7), (8, 12), (13, 18)])
    """
    n = len(words)
    joinable = _JOINABLE_EN_RE if lang == "en" else _JOINABLE_KK_RE if lang == "kk" else _JOINABLE_RE
    if n < 2 or joinable.search(text) is None:
        return words, spans
    out_w: list[str] = []
    out_s: list[tuple[int, int]] = []
    i = 0
    while i < n:
        w = words[i]
        start, end = spans[i]
        j = i + 1
        if len(w) == 1 and w in _LATIN_UPPER:
            # U . S . -> U.S.: single capitals each followed by a dot, nothing between them
            k = i
            while (k + 1 < n and len(words[k]) == 1 and words[k] in _LATIN_UPPER and words[k + 1] == "."
                   and spans[k][1] == spans[k + 1][0] and (k == i or spans[k - 1][1] == spans[k][0])):
                k += 2
            if k - i >= 4:
                j = k
        elif lang == "kk" and len(w) == 1 and w in _KK_UPPER:
            # Н . Ф . Л-мен -> Н.Ф.Л-мен: three capitals or more with dots (a case ending may follow)
            k = i
            while (k + 1 < n and len(words[k]) == 1 and words[k] in _KK_UPPER and words[k + 1] == "."
                   and spans[k][1] == spans[k + 1][0] and (k == i or spans[k - 1][1] == spans[k][0])):
                k += 2
            if k - i >= 4 and k < n and spans[k - 1][1] == spans[k][0] and (
                    (len(words[k]) == 1 and words[k] in _KK_UPPER) or _KK_ENDING_RE.match(words[k])):
                j = k + 1
                if j < n and words[j] == "." and spans[k][1] == spans[j][0] and len(words[k]) == 1:
                    j += 1
            elif k - i >= 6:
                j = k
        if j == i + 1 and w[:1].isalpha() and w.isascii():
            # S & P, AT & T: letters on both sides of "&" with no space
            k = i
            while (k + 2 < n and words[k + 1] == "&" and spans[k][1] == spans[k + 1][0] == spans[k + 1][1] - 1
                   and spans[k + 1][1] == spans[k + 2][0] and words[k + 2][:1].isalpha() and words[k + 2].isascii()):
                k += 2
            if k > i and w[:1].isupper():
                j = k + 1
        if j == i + 1 and w[:1].isupper() and w.isalpha() and i + 1 < n and spans[i][1] == spans[i + 1][0]:
            nxt = words[i + 1]
            if nxt.isdigit() and (i + 2 >= n or spans[i + 1][1] < spans[i + 2][0] or not words[i + 2][:1].isalnum()):
                j = i + 2  # Tele2, HER2
            elif (nxt == "!" and w.isascii() and i + 2 < n
                  and (words[i + 2] in (",", ";", ")", "»") or words[i + 2][:1].islower())):
                j = i + 2  # Yahoo! объявила
            elif nxt in ("'s", "’s") and lang != "en" and w.isascii():
                j = i + 2  # McDonald's in Russian or Kazakh text
        if j > i + 1:
            end = spans[j - 1][1]
            w = text[start:end]
        out_w.append(w)
        out_s.append((start, end))
        i = j
    return out_w, out_s
