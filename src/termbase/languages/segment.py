"""Sentence splitting for English, Kazakh (in Cyrillic, and in Latin script: ``kk-Latn``) and Russian.

Rules, not statistics: a sentence may end at ``.``, ``!``, ``?`` or ``…`` (with closing quotes or
brackets after it) followed by white space, and it does end there unless what follows or what
precedes says otherwise:

- the next word starts in lower case (``«Кто?» — спросил он``, ``2023 ж. болды``, ``U.S. officials``);
- the word before is an abbreviation of the language (data files ``data/abbrev_LANG.txt``): titles
  and prefixes never end a sentence (``Mr.``, ``им.``, ``ул.``, ``т.е.``, ``қ.``); ``No.``, ``ст.``,
  ``б.`` do not before a number; ``г.``/``ж.`` (year) may end one only after a number;
- the word before is an initial or a dotted acronym (``К.-Ж. Токаев``, ``U.S. President``), unless
  the next word is a common sentence opener (``the U.S. The ...``);
- the sentence so far is only a list number (``1.``, ``IV.``).

Blank lines separate paragraphs, which are hard boundaries. Line breaks inside a paragraph are
joined with a space. Latin Kazakh has the Kazakh rules, its abbreviations and sentence openers
written in the 2021 Latin alphabet (``t.b.``, ``j.``; ``Būl``, ``Biraq``).

>>> split_sentences("ҚР Президенті 2023 ж. болды. Т.б. мәселелер қаралды.", "kk")
['ҚР Президенті 2023 ж. болды.', 'Т.б. мәселелер қаралды.']
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ..errors import UnknownLanguage
from ..models import Segment
from .codes import KK_LATN
from .translit import kazakh_to_latin

__all__ = ["split_sentences", "segment", "segments_from_lines", "split_line_paragraphs", "split_paragraphs"]

_DATA = Path(__file__).parent / "data"
_LANGS = ("en", "kk", "ru", KK_LATN)
_CLASSES = ("prefix", "number", "abbr", "year")

# A possible sentence end: terminal punctuation, then closing quotes/brackets, then white space.
# "“" closes quotes in much Kazakh text ("қолдайсыз ба?“ Ел ...").
_END = re.compile(r"[.!?…]+[»\"”“’'\)\]]*(?=\s)")
_CLOSERS = "»\"”“’')]"
_OPENERS = "«\"“„‘'([—–-"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINEBREAKS = re.compile(r"\s*\n\s*")
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÄĞİÑÖŞŪÜ"
# An initial or a dotted acronym: "К.", "К.-Ж.", "U.S.", "U. S." is two tokens and handled one by one.
_INITIALS = re.compile(rf"^(?:[{_UPPER}]\.-?)+$")
# Several single letters with dots (т.ч., и.о.): an abbreviation even when not listed.
_DOTTED = re.compile(r"^(?:\w\.){2,}$")
_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-zа-я])[.)]$")
_NUMBER = re.compile(r"^(?:\d[\d\s.,]*(?:[-–]\d+)?|[IVXLC]+(?:[-–][IVXLC]+)?)$")

# Words that start sentences; after an initial or dotted acronym they mean a new sentence.
_OPENER_WORDS = {
    "en": frozenset(
        "The A An In On At It He She They We I You This That These Those There But And Or So "
        "However Its His Her Their Our When While After Before As If For According Meanwhile".split()
    ),
    "ru": frozenset(
        "В Во На Он Она Они Оно Мы Я Это Этот Эта Эти По С Со Но И А Как Так При Однако Также "
        "Кроме Поэтому Тогда Там Здесь Его Ее Её Их После До Если Когда".split()
    ),
    "kk": frozenset(
        "Бұл Ол Олар Біз Мен Сол Осы Бірақ Алайда Сондай-ақ Сонымен Және Мұнда Онда Кейін Егер "
        "Сондықтан Сонда Оның Олардың".split()
    ),
}
_OPENER_WORDS[KK_LATN] = frozenset(map(kazakh_to_latin, _OPENER_WORDS["kk"]))


@functools.lru_cache(maxsize=None)
def _abbreviations(lang: str) -> dict[str, str]:
    if lang not in _LANGS:
        raise UnknownLanguage(f"no sentence rules for language {lang!r}; supported: {', '.join(_LANGS)}")
    if lang == KK_LATN:  # the Kazakh abbreviations in Latin letters: "t.b.", "j."
        return {kazakh_to_latin(word): cls for word, cls in _abbreviations("kk").items()}
    table: dict[str, str] = {}
    for n, raw in enumerate((_DATA / f"abbrev_{lang}.txt").read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, cls = line.partition("\t")
        if cls.strip() not in _CLASSES:  # a broken data file is a bug of ours, not user input
            raise ValueError(f"abbrev_{lang}.txt:{n}: unknown class {cls!r}")
        table[word.strip()] = cls.strip()
    return table


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text`` separated by blank lines, stripped, empty ones left out; a line break
    inside a paragraph stays (:func:`split_sentences` joins such lines).

    >>> split_paragraphs("Title\\n\\nFirst line\\ncontinues. Second.\\n\\n\\nLast")
    ['Title', 'First line\\ncontinues. Second.', 'Last']
    """
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def split_line_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text written one paragraph per line (news pages, documents read as text):
    every line is a paragraph, but a line that goes on from a hard-wrapped one (the line before ends
    without closing punctuation, this one starts in lower case) is joined to it with a space.

    >>> split_line_paragraphs("Title\\nFirst line\\ncontinues here. Second.\\nNext paragraph.\\n\\nLast")
    ['Title', 'First line continues here. Second.', 'Next paragraph.', 'Last']
    """
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


def split_sentences(text: str, lang: str) -> list[str]:
    """Sentences of ``text`` in ``lang`` (``en``, ``kk``, ``kk-Latn`` or ``ru``); blank lines are hard breaks.

    >>> split_sentences("Mr. Smith arrived in the U.S. on Monday. He met K.-J. Tokayev.", "en")
    ['Mr. Smith arrived in the U.S. on Monday.', 'He met K.-J. Tokayev.']
    >>> split_sentences("QR Prezidentı 2023 j. boldy. T.b. mäseleler qaraldy.", "kk-Latn")
    ['QR Prezidentı 2023 j. boldy.', 'T.b. mäseleler qaraldy.']
    """
    table = _abbreviations(lang)
    out: list[str] = []
    for para in split_paragraphs(text):
        out.extend(_split_paragraph(_LINEBREAKS.sub(" ", para), lang, table))
    return out


def segment(text: str, lang: str) -> list[Segment]:
    """Split a document into :class:`Segment` objects numbered from 0, with their paragraph number.

    >>> [(s.text, s.index, s.paragraph) for s in segment("A b. C d.\\n\\nE f.", "en")]
    [('A b.', 0, 0), ('C d.', 1, 0), ('E f.', 2, 1)]
    """
    table = _abbreviations(lang)
    segs: list[Segment] = []
    for p, para in enumerate(split_paragraphs(text)):
        for sent in _split_paragraph(_LINEBREAKS.sub(" ", para), lang, table):
            segs.append(Segment(sent, len(segs), p))
    return segs


def segments_from_lines(text: str) -> list[Segment]:
    """Already segmented text: one segment per non-blank line; blank lines separate paragraphs.

    >>> [(s.text, s.index, s.paragraph) for s in segments_from_lines("One.\\nTwo.\\n\\nThree.\\n")]
    [('One.', 0, 0), ('Two.', 1, 0), ('Three.', 2, 1)]
    """
    segs: list[Segment] = []
    paragraph = 0
    pending_break = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            pending_break = bool(segs)
            continue
        if pending_break:
            paragraph += 1
            pending_break = False
        segs.append(Segment(stripped, len(segs), paragraph))
    return segs


def _split_paragraph(para: str, lang: str, table: dict[str, str]) -> list[str]:
    sentences: list[str] = []
    start = 0
    for m in _END.finditer(para):
        if _is_boundary(para, start, m, lang, table):
            sent = para[start : m.end()].strip()
            if sent:
                sentences.append(sent)
            start = m.end()
    tail = para[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _is_boundary(para: str, start: int, m: re.Match, lang: str, table: dict[str, str]) -> bool:
    mark = m.group().rstrip(_CLOSERS)
    closed = len(mark) < len(m.group())
    nxt = _next_word(para, m.end())
    if not nxt:
        return False
    first = nxt[0]
    if first.islower():
        return False
    # the word that carries the punctuation, without the brackets or quotes around it
    word_start = max(para.rfind(ch, start, m.start()) for ch in " \t\u00a0\u202f") + 1
    word = para[word_start : m.start() + len(mark)].lstrip(_OPENERS)
    if mark != "." or closed:
        return True
    if _ENUMERATOR.match(word) and not para[start:word_start].strip():
        return False  # "1. Жалпы ережелер": a list number, not a sentence
    if _INITIALS.match(word):
        return nxt.rstrip(",:;") in _OPENER_WORDS[lang]
    cls = table.get(word)
    if cls is None and lang != "en" and word[:1].isupper():
        cls = table.get(word[:1].lower() + word[1:])
    if cls is None and lang != "en" and word.isascii():
        cls = _abbreviations("en").get(word)  # English names in Kazakh/Russian text: "Dr. PawPaw"
    if cls is None and _DOTTED.match(word):
        cls = "abbr"
    if cls is None:
        return True
    if cls == "year":
        before = para[start:word_start].split()
        cls = "abbr" if before and _NUMBER.match(before[-1]) else "prefix"
    if cls == "prefix":
        return False
    # "number" and "abbr": the abbreviation may end a sentence, but not before a number
    return not first.isdigit()


def _next_word(para: str, pos: int) -> str:
    """The word after ``pos``, skipping white space, opening quotes/brackets and a dialogue dash."""
    rest = para[pos:].lstrip()
    rest = rest.lstrip(_OPENERS).lstrip()
    return rest.split(" ", 1)[0] if rest else ""
