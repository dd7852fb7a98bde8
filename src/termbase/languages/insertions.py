"""Words the grammar lets stand between the words of a term: numerals, adjectives, quoted names.

A term's words are not always side by side in a translation: "Five deputies of the Senate" is
«Сенаттың бес депутаты» (a numeral between «Сенат» and «депутаты»), "the Ministry of public
healthcare" may be «Министерство общественного здравоохранения» (an adjective), and a name in
quotes may stand inside a term: «Қазақстан Республикасы "Бәйтерек" ұлттық басқарушы холдингі».
:func:`may_stand_inside` says which words may do so; the checker allows up to
:data:`MAX_INSERTED` of them between two words of a term.

Numerals are digits and the number words (cardinal and ordinal) of Kazakh and Russian; adjectives
are, in Russian, the words pymorphy3 reads as a full adjective, participle or ordinal (ADJF, PRTF,
NUMR, ANUM); in Kazakh (no tagger), words with the endings of derived adjectives («-лық/-лік»,
«-дық/-дік», «-тық/-тік», «-ғы/-гі/-қы/-кі», «-шы/-ші» ordinals, «-ыншы/-інші»).

>>> [may_stand_inside(w, "kk") for w in ("бес", "5", "жаңа", "өңірлік", "министр")]
[True, True, True, True, False]
>>> [may_stand_inside(w, "ru") for w in ("пять", "общественного", "новый", "министерство")]
[True, True, True, False]
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["MAX_INSERTED", "head_phrase", "may_stand_inside", "quoted_spans"]

#: Words allowed between two consecutive words of a term (a quoted stretch counts as one).
MAX_INSERTED = 2

_KK_NUMBERS = frozenset(
    "бір екі үш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу алпыс жетпіс сексен "
    "тоқсан жүз мың миллион миллиард".split()
)
# Common Kazakh adjectives that have no derivational ending (new, old, big, small, main, high ...).
_KK_ADJECTIVES = frozenset(
    "жаңа ескі үлкен кіші шағын ірі басты негізгі жоғары төменгі жоғарғы бас ұлы жас "
    "арнаулы арнайы жалпы бүкіл барлық өзге басқа".split()
)
_KK_ADJ_ENDING = re.compile(r"(?:лық|лік|дық|дік|тық|тік|ғы|гі|қы|кі|ыншы|інші|ншы|нші|дағы|дегі|тағы|тегі)$")
_RU_POS = frozenset({"ADJF", "PRTF", "NUMR", "ANUM"})
_QUOTED = re.compile(r"«[^«»]{1,80}»|\"[^\"]{1,80}\"|“[^“”]{1,80}”|„[^„“”]{1,80}[“”]")


@lru_cache(maxsize=1 << 14)
def may_stand_inside(word: str, lang: str) -> bool:
    """Whether ``word`` (one word as written) may stand between two words of a term in ``lang``
    (``kk``, ``ru``; other languages allow nothing)."""
    if word.isdigit():
        return True
    low = word.lower().replace("ё", "е")
    if lang == "kk":
        low = low.replace("i", "і")
        return low in _KK_NUMBERS or low in _KK_ADJECTIVES or bool(_KK_ADJ_ENDING.search(low)) and len(low) > 4
    if lang == "ru":
        from .russian import analyzer

        parses = analyzer().parse(low)
        return bool(parses) and parses[0].tag.POS in _RU_POS
    return False


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the quoted stretches of ``text`` («...», "...", “...”, „...“).

    >>> quoted_spans('холдингі «Бәйтерек» АҚ')
    [(9, 19)]
    """
    return [m.span() for m in _QUOTED.finditer(text)]


#: At most this many words besides the head in a phrase :func:`head_phrase` gives.
MAX_PHRASE_WORDS = 5


def head_phrase(words: list[str], at: int, lang: str) -> tuple[int, int] | None:
    """The name of a body that ``words[at]``, a head noun, heads in a text, as word indices ``(a, b)``,
    or ``None`` when the head has no words of its own (a bare «министерство» names nothing).

    Russian: the head and the genitive words after it, joined by «и» («Министерство образования и
    науки»); Kazakh: the head and the words before it back to the capitalised one that begins the
    name («Білім және ғылым министрлігі»; not a function word, «Бұл министрлік», nor the text's first
    word unless right before the head); other languages: ``None``.

    >>> head_phrase("Приказ Министерства образования и науки вышел".split(), 1, "ru")
    (1, 5)
    >>> head_phrase("Бұйрықты Білім министрлігі шығарды".split(), 2, "kk")
    (1, 3)
    """
    if lang == "ru":
        from .russian import ru_word

        b = at + 1
        while b < len(words) and b - at <= MAX_PHRASE_WORDS and words[b].islower():
            w = words[b]
            if w == "и" and b + 1 < len(words) and b > at + 1:
                b += 1
                continue
            info = ru_word(w)
            if not (info.noun_cases | info.adj_cases) & {"gent", "gen2"} or info.first_pos not in ("NOUN", "ADJF"):
                break
            b += 1
        if words[b - 1] == "и":
            b -= 1
        return (at, b) if b > at + 1 else None
    if lang == "kk":
        from .stopwords import stopwords

        a = at
        while a > 0 and at - a < MAX_PHRASE_WORDS:
            a -= 1
            if words[a][:1].isupper():
                if words[a].lower() in stopwords("kk") or (a == 0 and a < at - 1):
                    # «Бұл министрлік»; «Кеше білім министрлігі»: a text's first word, capitalised by
                    # position, begins a name only right before its head
                    return None
                return a, at + 1
            if not words[a].isalpha():
                break
        return None
    return None
