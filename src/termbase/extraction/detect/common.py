"""What the detectors of every language share: the occurrence type, kinds, token tests, acronyms.

Acronyms are found the same way in every language, with the expansion written beside them:
"Assembly of People of Kazakhstan (APK)", "АДГС (Агентство по делам государственной службы)".
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

ORGANIZATION, ACRONYM, PERSON, PLACE, NAME_KIND, PHRASE = "organization", "acronym", "person", "place", "name", "phrase"
KINDS = (ORGANIZATION, ACRONYM, PERSON, PLACE, NAME_KIND, PHRASE)


class Occurrence(NamedTuple):
    """A candidate seen in a sentence: tokens ``[start, end)`` of the sentence."""

    kind: str
    start: int
    end: int
    initial: bool = False  # begins the sentence (its capital letter may mean nothing)
    expansion: tuple[int, int] | None = None  # acronyms: token span of the expansion written beside it
    #: the grammar keeps the name in its citation form here, whatever the case of the sentence: a quoted
    #: name of words the dictionary does not know after its kind noun («компанию «Казахтелеком»»)
    as_written: bool = False


_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
# Latin (and transliterated) endings of Central Asian and Slavic surnames: "Tokayev", "Nazarbayeva", "Kemelbekuly".
LATIN_SURNAME_RE = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|enko|uly|kyzy|ovich|evich|ovna|evna|sky|ski|skaya|baev|bayev|uly)$"
)


def is_roman(tok: str) -> bool:
    """A Roman numeral of two letters or more ("XXXIII", "XIV"): a number, no name."""
    return len(tok) > 1 and _ROMAN_RE.match(tok) is not None


def is_word(tok: str) -> bool:
    return tok[:1].isalpha()


# Russian acronyms decline with a lower-case ending: "МИДа", "МИДом", "ВУЗов".
_RU_ACRONYM_END_RE = re.compile(r"^([А-ЯЁ]{2,8})(?:а|у|ом|е|ы|ов|ам|ами|ах)$")


def acronym_core(tok: str) -> str:
    """The acronym without its case ending: "ҚХА-ның" -> "ҚХА", "МИДа" -> "МИД", "APK's" -> "APK"."""
    core = tok.split("-", 1)[0].rstrip("’'")
    m = _RU_ACRONYM_END_RE.match(core)
    return m.group(1) if m else core


def _is_acronym(tok: str) -> bool:
    core = tok.split("-", 1)[0] if "-" in tok else tok
    if "&" in core[1:-1]:
        core = core.replace("&", "")  # "M&S", "AT&T", "S&P": the initials of "X & Y" names
    if not (2 <= len(core) <= 8) or not core.isalpha() or not core.isupper():
        m = _RU_ACRONYM_END_RE.match(core)
        if m is None or "-" in tok:
            return False
        core = m.group(1)
    if "-" in tok and not tok.split("-", 1)[1].islower():
        return False
    return _ROMAN_RE.match(core) is None


def _is_cap(tok: str, acronym: bool) -> bool:
    if tok[:1].isdigit():
        letters = tok.lstrip("0123456789")
        return len(letters) > 1 and letters[0].isupper() and not letters.isupper()
    return len(tok) > 1 and tok[:1].isupper() and tok[:1].isalpha() and not acronym


_ACR, _CAP = 1, 2
# token -> _ACR | _CAP: detectors ask about every token several times; the classes of the words of a
# corpus are few (bounded all the same, as the morphology caches are)
_classes: dict[str, int] = {}


def _token_class(tok: str) -> int:
    acronym = _is_acronym(tok)
    c = (_ACR if acronym else 0) | (_CAP if _is_cap(tok, acronym) else 0)
    if len(_classes) >= 200_000:
        _classes.clear()
    _classes[tok] = c
    return c


def is_acronym(tok: str) -> bool:
    """APK, ҚХА, СКС (2-8 capital letters), not a Roman numeral; a Kazakh case ending may follow a hyphen,
    a Russian one is written on ("МИДа")."""
    c = _classes.get(tok)
    return bool((_token_class(tok) if c is None else c) & _ACR)


def is_cap(tok: str) -> bool:
    """Capitalised word of two letters or more (not an acronym); or a name that starts with a digit ("3Com")."""
    c = _classes.get(tok)
    return bool((_token_class(tok) if c is None else c) & _CAP)


# lower-case words inside a Latin name between two capitalised ones: "Bank of China", "Committee to Protect
# Journalists", "Corriere della Sera", "Harles und Jentzsch", "Ludwig van Beethoven"
_LATIN_CONNECTORS = frozenset(("of", "and", "for", "the", "de", "&", "to", "della", "del", "di", "da", "du", "des",
                               "und", "von", "van", "der"))


def cap_chain_end(words: Sequence[str], i: int, covered: list[bool], *, split_scripts: bool = False) -> int:
    """End of the run of capitalised words from ``i``; Latin names may hold of/and/for ("Bank of China");
    with ``split_scripts``, a change of script ends the run (Russian news keep foreign names in Latin
    letters: "Fast Company | Бернерс-Ли"; Kazakh ones mix them in one name: "Вандербильт Commodores")."""
    n = len(words)
    j = i
    while j < n and not covered[j]:
        if is_cap(words[j]):
            if (split_scripts and j > i and words[j].isascii() != words[j - 1].isascii()
                    and words[j - 1] not in _LATIN_CONNECTORS):
                break  # a name in Latin letters ends where Cyrillic begins: "Fast Company | Бернерс-Ли"
            j += 1
        elif (
            words[j] in _LATIN_CONNECTORS and j > i and words[j - 1].isascii()
            and j + 1 < n and is_cap(words[j + 1]) and words[j + 1].isascii() and not covered[j + 1]
        ):
            j += 1
        else:
            break
    if j < n and j > i and words[j - 1].isascii() and _latin_name_suffix(words[j - 1], words[j]):
        j += 1  # a Latin name kept in Russian or Kazakh text with its branch or number: "Toyota UK"
    return j


def _latin_name_suffix(last: str, nxt: str) -> bool:
    """A country's acronym after a Latin brand ("Toyota UK", "Priorities USA") or a number after a
    channel or station ("Radio 4") ends that name."""
    if nxt in ("UK", "USA"):
        return last.upper() != last
    return last.lower() in ("channel", "radio") and nxt.isdigit() and len(nxt) <= 2


def first_word_index(words: Sequence[str]) -> int:
    for i, w in enumerate(words):
        if is_word(w) or w[:1].isdigit():
            return i
    return len(words)


_OPENERS = frozenset("«\"“„—–-:(")


def starts_clause(words: Sequence[str], i: int, first: int) -> bool:
    """Is word ``i`` capitalised by position: first in the sentence, or after an opening quote, dash or colon."""
    return i == first or (i > 0 and words[i - 1] in _OPENERS)


def quoted_initial(words: Sequence[str], open_at: int, close_at: int, first: int) -> bool:
    """Is a quoted name at ``words[open_at] .. words[close_at]`` capitalised by position only?

    Quotes mark names (газета «Егемен Қазақстан», «Билайн» станет ...), so a quoted span at the start of a
    sentence still counts as seen inside one, unless punctuation follows it, as after quoted speech
    («Нет», — сказал он).
    """
    if open_at + 1 != first:
        return False
    return close_at + 1 >= len(words) or not is_word(words[close_at + 1])


def _shouting(words: Sequence[str]) -> bool:
    letters = [w for w in words if is_word(w) and len(w) > 1]
    return len(letters) >= 3 and sum(1 for w in letters if w.isupper()) > 0.5 * len(letters)


# ------------------------------------------------------------------------------------------- acronyms
_ACR_SKIP = {
    "en": frozenset(("of", "the", "and", "for", "on", "in", "'s", "’s", "a", "to")),
    "ru": frozenset(("и", "по", "в", "на", "для", "о")),
    "kk": frozenset(("және", "мен", "бойынша")),
}


def _initials(words: Sequence[str], lang: str) -> str:
    out = []
    for w in words:
        if w.lower() in _ACR_SKIP[lang]:
            continue
        for part in w.split("-"):
            if part:
                out.append(part[0])
    return "".join(out).upper()


def _find_expansion_before(words: Sequence[str], acr_pos: int, paren_pos: int, lang: str) -> tuple[int, int] | None:
    """Words right before ``(ACR)`` whose initials spell the acronym: the longest such run."""
    acr = acronym_core(words[acr_pos]).upper()
    end = paren_pos
    best = None
    start = end - 1
    while start >= 0 and end - start <= 10 and (is_word(words[start]) or words[start] in ("'s", "’s", "&")):
        if words[start].lower() not in _ACR_SKIP[lang] and words[start][:1].upper() == acr[0]:
            if _initials(words[start:end], lang) == acr:
                best = (start, end)
        start -= 1
    return best


def _find_expansion_after(words: Sequence[str], acr_pos: int, lang: str) -> tuple[int, int] | None:
    """``ACR (Expansion of the Acronym)``."""
    acr = acronym_core(words[acr_pos]).upper()
    if acr_pos + 2 < len(words) and words[acr_pos + 1] == "(":
        close = next((k for k in range(acr_pos + 2, min(len(words), acr_pos + 14)) if words[k] == ")"), None)
        if close is not None and close > acr_pos + 2 and _initials(words[acr_pos + 2 : close], lang) == acr:
            return (acr_pos + 2, close)
    return None


def detect_acronyms(words: Sequence[str], lang: str) -> list[Occurrence]:
    """Acronyms of a sentence, each with the span of its expansion when one is written beside it."""
    found = [i for i, w in enumerate(words) if is_acronym(w)]
    if not found or _shouting(words):
        return []
    out = []
    for i in found:
        expansion = None
        if i >= 2 and words[i - 1] == "(" and i + 1 < len(words) and words[i + 1] == ")":
            expansion = _find_expansion_before(words, i, i - 1, lang)
        if expansion is None:
            expansion = _find_expansion_after(words, i, lang)
        out.append(Occurrence(ACRONYM, i, i + 1, False, expansion))
    return out


def ngrams(run: list[int], words: Sequence[str], ok_first, ok_last, max_len: int = 4) -> list[Occurrence]:
    out = []
    for a in range(len(run)):
        if not ok_first(words[run[a]]):
            continue
        for b in range(a + 2, min(len(run), a + max_len) + 1):
            if ok_last(words[run[b - 1]]):
                out.append(Occurrence(PHRASE, run[a], run[b - 1] + 1))
    return out
