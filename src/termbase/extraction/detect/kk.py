"""Kazakh: institution names end in their head noun (министрлігі, комитеті ...), the words before it
being its izafet dependents ("Ішкі істер министрлігі"); a word in an oblique case or a verb form ends
the name. Other capitalised words are people, places and names; key phrases are runs of lower-case
content words up to a word in an oblique case."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, lexicon
from ..morph import base_kk, kk_bases, kk_fits, strip_case_kk
from ..text import Sentence
from .common import (
    LATIN_SURNAME_RE, NAME_KIND, ORGANIZATION, PERSON, PLACE, Occurrence, cap_chain_end, detect_acronyms,
    first_word_index, is_cap, is_word, ngrams, quoted_initial, starts_clause,
)

_KK_VERBLIKE_RE = re.compile(
    r"(?:ды|ді|ты|ті|ған|ген|қан|кен|ып|іп|йды|йді|мақ|мек|пақ|пек|бақ|бек|уда|уде|йық|йік|ңыз|ңіз|мыз|міз|ады|еді|айды|ейді"
    r"|ңдар|ңдер)$"
)
# First-person possessives on a title: "Президентіміз", "Елбасымыз" (our President).
_KK_OUR_RE = re.compile(r"(?:ымыз|іміз|мыз|міз)$")


def _kk_is_head(w: str, lex: Lexicon) -> bool:
    return not lex.org_heads.isdisjoint(kk_bases(w.lower()))


def detect_kk(sent: Sentence, lex: Lexicon | None = None) -> list[Occurrence]:
    """Names, acronyms and key phrases of a Kazakh sentence."""
    lex = lex or lexicon("kk")
    words = [t[0] for t in sent.tokens]
    n = len(words)
    first = first_word_index(words)
    out = detect_acronyms(words, "kk")
    covered = [False] * n

    def cover(a: int, b: int) -> None:
        for x in range(a, b):
            covered[x] = True

    for i, w in enumerate(words):
        if w in "«\"“" and i + 1 < n and is_cap(words[i + 1]):
            close = next((k for k in range(i + 2, min(n, i + 9)) if words[k] in "»\"”"), None)
            if close is None or not _kk_quoted_name(words[i + 1 : close], lex):
                continue
            after = words[close + 1] if close + 1 < n else ""
            kind = ORGANIZATION if is_word(after) and _kk_is_head(after, lex) else NAME_KIND
            out.append(Occurrence(kind, i + 1, close, quoted_initial(words, i, close, first)))
            cover(i + 1, close)
    for i in range(n - 1, -1, -1):  # head-final: the rightmost head noun heads the name
        w = words[i]
        if covered[i] or not is_word(w) or not _kk_is_head(w, lex):
            continue
        if is_cap(w) and i + 1 < n and not covered[i + 1] and is_cap(words[i + 1]):
            continue  # a capitalised name goes on: "Орталық Азия" is a place, not the head "орталық"
        start = _kk_org_start(words, i, covered, lex)
        if start is None:
            continue
        out.append(Occurrence(ORGANIZATION, start, i + 1, start == first))
        cover(start, i + 1)
    i = 0
    while i < n:
        if covered[i] or not is_cap(words[i]):
            i += 1
            continue
        j = cap_chain_end(words, i, covered)
        out.extend(_kk_names(words, i, j, first, lex))
        i = j
    out.extend(_kk_phrases(words, covered, lex))
    return out


_KK_LOCATIVE_RE = re.compile(r"(?:(н?)(да|де|та|те))(?:ғы|гі)?$")


def _kk_oblique(w: str) -> bool:
    """Has a case ending that never occurs inside a name (genitive, dative, ablative, locative ...)."""
    if strip_case_kk(w, sure_only=True) != w:
        return True
    m = _KK_LOCATIVE_RE.search(w.lower())
    if m is None:
        return False
    stem = w[: m.start()].lower()
    if m.group(1):  # -нда/-нде after a possessive: "облысында"
        return stem[-1:] in ("ы", "і")
    return len(stem) >= 3 and kk_fits(stem, m.group(2))


def _kk_quoted_name(words: list[str], lex: Lexicon) -> bool:
    """Is a quoted span a name ("Қорытынды жаңалықтар") rather than quoted speech or a slogan?"""
    if any(w in ("—", "–", "-", ",", ".", "!", "?", ":") for w in words):
        return False
    low = [w.lower() for w in words if is_word(w)]
    if not low or low[0] in lex.function_words:
        return False
    return len(low) == 1 or not _KK_VERBLIKE_RE.search(low[-1])


def _kk_org_start(words, head: int, covered, lex: Lexicon, window: int = 6) -> int | None:
    """First word of the institution name whose head noun is ``words[head]``, or None."""
    k = head - 1
    crossed = 0
    first = first_word_index(words)
    if is_cap(words[head]):
        window = 1  # a capitalised head begins its name ("Үкімет"), bar "Қазақстан халқы Ассамблеясы"
    while k >= 0 and crossed < window and not covered[k] and is_word(words[k]):
        w = words[k]
        if is_cap(w):
            break
        low = w.lower()
        if (
            (low in lex.stopwords and low != "және")
            or _KK_VERBLIKE_RE.search(low)
            or _kk_oblique(w)  # an oblique case: "халыққа", "облысында"
            or _kk_is_title(w, lex)
            or (_kk_is_head(w, lex) and low not in lex.org_heads)  # another institution's head ends there
        ):
            k = -1
            break
        crossed += 1
        k -= 1
    if (
        k >= 0 and not covered[k] and is_cap(words[k])
        and not (crossed and is_cap(words[head]) and starts_clause(words, k, first))
        and not (starts_clause(words, k, first) and (words[k].lower() in lex.function_words or _kk_oblique(words[k])))
        # "Президент министрлікке тапсырды": a title before a head noun without the possessive of the
        # izafet is its subject ("Президент оркестрі", with the possessive, is a name)
        and not (not is_cap(words[head]) and _kk_is_title(words[k], lex) and not _kk_possessed(words[head]))
    ):
        start = k
    elif is_cap(words[head]):
        start = head
        crossed = 0
    else:
        return None
    if crossed == 0:
        while (
            start > 0 and not covered[start - 1] and is_cap(words[start - 1])
            and not _kk_is_title(words[start - 1], lex) and not _kk_oblique(words[start - 1])
        ):
            start -= 1
    while start < head and starts_clause(words, start, first) and (
        words[start].lower() in lex.function_words or _kk_oblique(words[start])
    ):
        start += 1
    return start


def _kk_possessed(w: str) -> bool:
    """Does a noun carry the 3rd-person possessive of the izafet ("оркестрі", "министрлігінің")?"""
    stem = strip_case_kk(w).lower()
    return base_kk(stem) != stem


def _kk_is_title(w: str, lex: Lexicon) -> bool:
    low = w.lower()
    if _KK_OUR_RE.search(low):
        low = _KK_OUR_RE.sub("", low)
        if low in lex.titles or low + "ы" in lex.titles or low + "сы" in lex.titles:
            return True
    return not lex.titles.isdisjoint(kk_bases(low))


def _kk_names(words, i: int, j: int, first: int, lex: Lexicon) -> list[Occurrence]:
    # "Цифрлық даму министрі": a capitalised word opening a position title is no name
    k = j
    while k < len(words) and k - j < 3 and is_word(words[k]) and words[k].islower():
        if _kk_is_title(words[k], lex):
            return []
        k += 1
    while i < j and starts_clause(words, i, first) and words[i].lower() in lex.function_words:
        i += 1
    # pieces: a title ends one ("Тұңғыш Президент | Нұрсұлтан Назарбаев"), so does a word in an
    # oblique case ("Өскеменнен | Олжас Керейхан", "Польшаның | Гливице") and a surname
    # ("Қасым-Жомарт Тоқаев | Қазақстан")
    out = []
    a = i
    person = False
    for x in range(i, j):
        if _kk_is_title(words[x], lex):
            a = x + 1
            person = True
            continue
        if x < j - 1 and (
            _kk_oblique(words[x]) or (x > a and _kk_surname(words[x]))
            # "Қазақстан | Орталық Азия", but "Қазақстан Республикасы" (the izafet marks its head)
            or (words[x].lower() in lex.places and not _kk_possessed(words[x + 1]))
        ):
            out.extend(_kk_name(words, a, x + 1, first, lex, person))
            a = x + 1
            person = False
    out.extend(_kk_name(words, a, j, first, lex, person))
    return out


def _kk_name(words, i: int, j: int, first: int, lex: Lexicon, person: bool) -> list[Occurrence]:
    if i >= j:
        return []
    lows = [strip_case_kk(w).lower() for w in words[i:j]]
    if j - i == 1 and (lows[0] in lex.titles or lows[0] in lex.stopwords):
        return []
    if j - i == 1 and lows[0] in lex.org_names:
        kind = ORGANIZATION
    elif person or LATIN_SURNAME_RE.search(_translit_end(lows[-1])):
        kind = PERSON
    elif lows[-1] in lex.places or lows[-1].endswith("стан"):
        kind = PLACE
    else:
        kind = NAME_KIND
    return [Occurrence(kind, i, j, starts_clause(words, i, first))]


_TRANSLIT_END = {"ов": "ov", "ев": "ev", "ова": "ova", "ева": "eva", "ұлы": "uly", "қызы": "kyzy", "ұлының": "uly"}


def _kk_surname(w: str) -> bool:
    """A surname in the nominative: "Тоқаев", "Назарбаева", "Қожамжаров" (not "Әбішұлы", a patronymic)."""
    low = w.lower()
    return low.endswith(("ов", "ев", "ова", "ева", "ин", "ина")) and len(low) > 4


def _translit_end(low: str) -> str:
    for end in ("ұлының", "қызы", "ұлы", "ова", "ева", "ов", "ев"):
        if low.endswith(end):
            return _TRANSLIT_END[end]
    return ""


# word -> 0 (not in a key phrase), 1 (in one), 2 (in one, and ends it: an oblique case)
_phrase_words: dict[str, int] = {}


def _kk_phrase_word(w: str, lex: Lexicon) -> int:
    hit = _phrase_words.get(w)
    if hit is None:
        low = w.lower()
        hit = 0
        if w[:1].isalpha() and w.islower() and len(w) > 2 and low not in lex.stopwords and not _KK_VERBLIKE_RE.search(low):
            hit = 2 if strip_case_kk(w, sure_only=True) != w else 1
        if len(_phrase_words) >= 200_000:
            _phrase_words.clear()
        _phrase_words[w] = hit
    return hit


def _kk_phrases(words, covered, lex: Lexicon) -> list[Occurrence]:
    out = []
    run: list[int] = []

    def flush():
        if len(run) >= 2:
            out.extend(ngrams(run, words, _any, _any, max_len=3))
        run.clear()

    for i, w in enumerate(words):
        kind = 0 if covered[i] else _kk_phrase_word(w, lex)
        if kind:
            run.append(i)
            if kind == 2:
                flush()  # a word in an oblique case ends a noun phrase
        elif run:
            flush()
    flush()
    return out


def _any(word: str) -> bool:
    return True
