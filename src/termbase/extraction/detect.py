"""Tokens of a sentence -> candidate occurrences, per language. Pure functions of one sentence.

Each detector returns :class:`Occurrence` objects: a token span and the kind the span looks like.
- Names. English marks them by capitals on every word, joined by of/the/for/and/'s ("Assembly of
  People of Kazakhstan", "Prosecutor General's Office"). Russian and Kazakh capitalise only the first
  word, so institution names are found from their head noun (министерство / министрлігі ...) and its
  dependents: genitive words after it in Russian ("Министерство внутренних дел"), the words before it in
  Kazakh ("Ішкі істер министрлігі"). Other capitalised words form names of people, places and others.
- Acronyms, with the expansion written beside them: "Assembly of People of Kazakhstan (APK)".
- Key phrases: runs of content words in lower case ("plenary session", "пленарное заседание").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import Lexicon, lexicon
from .morph import GEOX, NAME, ORGN, PATR, SURN, kk_bases, ru_word, strip_case_kk, surname_base_ru
from .text import Sentence

ORGANIZATION, ACRONYM, PERSON, PLACE, NAME_KIND, PHRASE = "organization", "acronym", "person", "place", "name", "phrase"
KINDS = (ORGANIZATION, ACRONYM, PERSON, PLACE, NAME_KIND, PHRASE)


class Occurrence(NamedTuple):
    """A candidate seen in a sentence: tokens ``[start, end)`` of the sentence."""

    kind: str
    start: int
    end: int
    initial: bool = False  # begins the sentence (its capital letter may mean nothing)
    expansion: tuple[int, int] | None = None  # acronyms: token span of the expansion written beside it


_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
_EN_SURNAME_RE = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|enko|uly|kyzy|ovich|evich|ovna|evna|sky|ski|skaya|baev|bayev|uly)$"
)
_EN_CONNECTORS = frozenset(("of", "for", "on", "and", "de", "'s", "’s"))
_KK_VERBLIKE_RE = re.compile(
    r"(?:ды|ді|ты|ті|ған|ген|қан|кен|ып|іп|йды|йді|мақ|мек|пақ|пек|бақ|бек|уда|уде|йық|йік|ңыз|ңіз|мыз|міз|ады|еді|айды|ейді)$"
)
_NOT_ADVERB_EN = frozenset(
    "family assembly supply rally anomaly monopoly ally reply holy homily italy july bully belly jelly "
    "oligopoly panoply melancholy folly".split()
)


def is_word(tok: str) -> bool:
    return tok[:1].isalpha()


def is_acronym(tok: str) -> bool:
    """APK, ҚХА, СКС (2-8 capital letters), not a Roman numeral; a Kazakh case ending may follow a hyphen."""
    core = tok.split("-", 1)[0] if "-" in tok else tok
    if not (2 <= len(core) <= 8) or not core.isalpha() or not core.isupper():
        return False
    if "-" in tok and not tok.split("-", 1)[1].islower():
        return False
    return _ROMAN_RE.match(core) is None


def is_cap(tok: str) -> bool:
    """Capitalised word of two letters or more (not an acronym)."""
    return len(tok) > 1 and tok[:1].isupper() and tok[:1].isalpha() and not is_acronym(tok)


_LATIN_CONNECTORS = frozenset(("of", "and", "for", "the", "de", "&"))


def cap_chain_end(words: list[str], i: int, covered: list[bool]) -> int:
    """End of the run of capitalised words from ``i``; Latin names may hold of/and/for ("Bank of China")."""
    n = len(words)
    j = i
    while j < n and not covered[j]:
        if is_cap(words[j]):
            j += 1
        elif (
            words[j] in _LATIN_CONNECTORS and j > i and words[j - 1].isascii()
            and j + 1 < n and is_cap(words[j + 1]) and words[j + 1].isascii() and not covered[j + 1]
        ):
            j += 1
        else:
            break
    return j


def first_word_index(words: list[str]) -> int:
    for i, w in enumerate(words):
        if is_word(w) or w[:1].isdigit():
            return i
    return len(words)


_OPENERS = frozenset("«\"“„—–-:(")


def starts_clause(words: list[str], i: int, first: int) -> bool:
    """Is word ``i`` capitalised by position: first in the sentence, or after an opening quote, dash or colon."""
    return i == first or (i > 0 and words[i - 1] in _OPENERS)


def _shouting(words: list[str]) -> bool:
    letters = [w for w in words if is_word(w) and len(w) > 1]
    return len(letters) >= 3 and sum(1 for w in letters if w.isupper()) > 0.5 * len(letters)


# ------------------------------------------------------------------------------------------- acronyms
_ACR_SKIP = {
    "en": frozenset(("of", "the", "and", "for", "on", "in", "'s", "’s", "a", "to")),
    "ru": frozenset(("и", "по", "в", "на", "для", "о")),
    "kk": frozenset(("және", "мен", "бойынша")),
}


def _initials(words: list[str], lang: str) -> str:
    out = []
    for w in words:
        if w.lower() in _ACR_SKIP[lang]:
            continue
        for part in w.split("-"):
            if part:
                out.append(part[0])
    return "".join(out).upper()


def _find_expansion_before(words: list[str], acr_pos: int, paren_pos: int, lang: str) -> tuple[int, int] | None:
    """Words right before ``(ACR)`` whose initials spell the acronym: the longest such run."""
    acr = words[acr_pos].split("-", 1)[0].upper()
    end = paren_pos
    best = None
    start = end - 1
    while start >= 0 and end - start <= 10 and (is_word(words[start]) or words[start] in ("'s", "’s")):
        if words[start].lower() not in _ACR_SKIP[lang] and words[start][:1].upper() == acr[0]:
            if _initials(words[start:end], lang) == acr:
                best = (start, end)
        start -= 1
    return best


def _find_expansion_after(words: list[str], acr_pos: int, lang: str) -> tuple[int, int] | None:
    """``ACR (Expansion of the Acronym)``."""
    acr = words[acr_pos].split("-", 1)[0].upper()
    if acr_pos + 2 < len(words) and words[acr_pos + 1] == "(":
        close = next((k for k in range(acr_pos + 2, min(len(words), acr_pos + 14)) if words[k] == ")"), None)
        if close is not None and close > acr_pos + 2 and _initials(words[acr_pos + 2 : close], lang) == acr:
            return (acr_pos + 2, close)
    return None


def detect_acronyms(words: list[str], lang: str) -> list[Occurrence]:
    if _shouting(words):
        return []
    out = []
    for i, w in enumerate(words):
        if not is_acronym(w):
            continue
        expansion = None
        if i >= 2 and words[i - 1] == "(" and i + 1 < len(words) and words[i + 1] == ")":
            expansion = _find_expansion_before(words, i, i - 1, lang)
        if expansion is None:
            expansion = _find_expansion_after(words, i, lang)
        out.append(Occurrence(ACRONYM, i, i + 1, False, expansion))
    return out


# -------------------------------------------------------------------------------------------- English
def _en_is_adverb(w: str) -> bool:
    return len(w) > 4 and w.endswith("ly") and w not in _NOT_ADVERB_EN


def detect_en(sent: Sentence, lex: Lexicon | None = None) -> list[Occurrence]:
    """Names, acronyms and key phrases of an English sentence."""
    lex = lex or lexicon("en")
    words = [t[0] for t in sent.tokens]
    n = len(words)
    first = first_word_index(words)
    out = detect_acronyms(words, "en")
    covered = [False] * n
    i = 0
    while i < n:
        if not is_cap(words[i]):
            i += 1
            continue
        last = i
        j = i + 1
        while j < n:
            w = words[j]
            if is_cap(w):
                last = j
                j += 1
                continue
            low = w.lower()
            if low in _EN_CONNECTORS:
                k = j + 1
                if k < n and words[k].lower() == "the" and low in ("of", "for", "on"):
                    k += 1
                if k < n and is_cap(words[k]):
                    nxt = words[k].lower()
                    if low == "and" and not any(words[x].lower() in lex.org_heads for x in range(i, j)):
                        break
                    if low in ("'s", "’s") and nxt not in lex.org_heads:
                        break
                    last = k
                    j = k + 1
                    continue
            break
        occ = _en_name(words, i, last + 1, first, lex)
        if occ is not None:
            out.append(occ)
            for x in range(occ.start, occ.end):
                covered[x] = True
        i = last + 1
    out.extend(_en_phrases(words, covered, lex))
    return out


def _en_name(words: list[str], start: int, end: int, first: int, lex: Lexicon) -> Occurrence | None:
    person = False
    # leading function words and sentence adverbs: "The", "In", "However", "April"
    while start < end and (words[start].lower() in lex.stopwords or words[start].lower() in lex.verbs):
        start += 1
        while start < end and not is_cap(words[start]):
            start += 1
    if start >= end:
        return None
    lows = [w.lower() for w in words[start:end]]
    has_head = any(w in lex.org_heads for w in lows) or (len(lows) == 1 and lows[0] in lex.org_names)
    if not has_head:
        # "President Kassym-Jomart Tokayev", "Finance Minister Madi Takiyev": the person follows the title
        last_title = max((k for k in range(start, end - 1) if words[k].lower() in lex.titles), default=None)
        if last_title is not None and is_cap(words[last_title + 1]):
            start = last_title + 1
            person = True
        lows = [w.lower() for w in words[start:end]]
    if end - start == 1 and (lows[0] in lex.demonyms or lows[0] in lex.titles or lows[0] == "i"):
        return None
    initial = start == first
    if has_head:
        kind = ORGANIZATION
    elif person or _EN_SURNAME_RE.search(lows[-1]):
        kind = PERSON
    elif " ".join(lows) in lex.places or lows[-1].endswith("stan"):
        kind = PLACE
    else:
        kind = NAME_KIND
    return Occurrence(kind, start, end, initial)


_en_pos_cache: dict[str, int] = {}
_NOUN, _ADJ = 1, 2


def en_readings(word: str) -> int:
    """_NOUN | _ADJ readings of a lower-case English word (lemminflect's lexicon); unknown words count as both."""
    hit = _en_pos_cache.get(word)
    if hit is None:
        from lemminflect import getAllLemmas

        pos = getAllLemmas(word)
        if not pos:
            hit = _NOUN | _ADJ
        else:
            hit = (_NOUN if "NOUN" in pos or "PROPN" in pos else 0) | (_ADJ if "ADJ" in pos else 0)
        if len(_en_pos_cache) > 200_000:
            _en_pos_cache.clear()
        _en_pos_cache[word] = hit
    return hit


def _en_phrases(words: list[str], covered: list[bool], lex: Lexicon) -> list[Occurrence]:
    out = []
    run: list[int] = []

    def flush():
        while run and words[run[0]].lower() in lex.weak_modifiers:
            run.pop(0)
        if len(run) >= 2:
            out.extend(_ngrams(run, words, _en_ok_first, _en_ok_last))
        run.clear()

    for i, w in enumerate(words):
        low = w.lower()
        ok = (
            not covered[i]
            and is_word(w)
            and len(w) > 2
            and low not in lex.stopwords
            and low not in lex.verbs
            and not _en_is_adverb(low)
            and (w.islower() or (not run and low in lex.demonyms))
            and (run or i == 0 or words[i - 1].lower() not in lex.verb_cues)
            and en_readings(low)
        )
        if ok:
            run.append(i)
        else:
            flush()
            if low in lex.demonyms and not covered[i]:
                run.append(i)
    flush()
    return out


def _en_ok_first(w: str) -> bool:
    return not w.endswith("ing")


def _en_ok_last(w: str) -> bool:
    return not w.endswith(("ed", "ing")) and not w[:1].isupper() and bool(en_readings(w) & _NOUN)


def _ngrams(run: list[int], words: list[str], ok_first, ok_last, max_len: int = 4) -> list[Occurrence]:
    out = []
    for a in range(len(run)):
        if not ok_first(words[run[a]]):
            continue
        for b in range(a + 2, min(len(run), a + max_len) + 1):
            if ok_last(words[run[b - 1]]):
                out.append(Occurrence(PHRASE, run[a], run[b - 1] + 1))
    return out


# -------------------------------------------------------------------------------------------- Russian
_GENT = frozenset(("gent", "gen2"))
_PERSON_FLAGS = NAME | SURN | PATR


def _ru_namelike(w: str) -> bool:
    """Does a capitalised word at the start of a sentence look like a name rather than a common word?"""
    info = ru_word(w)
    return not info.known or bool(info.first_flags & (NAME | SURN | PATR | GEOX | ORGN))


def detect_ru(sent: Sentence, lex: Lexicon | None = None) -> list[Occurrence]:
    """Names, acronyms and key phrases of a Russian sentence."""
    lex = lex or lexicon("ru")
    words = [t[0] for t in sent.tokens]
    n = len(words)
    first = first_word_index(words)
    out = detect_acronyms(words, "ru")
    covered = [False] * n
    infos = [ru_word(w) if is_word(w) else None for w in words]

    def cover(a: int, b: int) -> None:
        for x in range(a, b):
            covered[x] = True

    # quoted names: движение «Солидарность», газета «Егемен Қазақстан»
    for i, w in enumerate(words):
        if w in "«\"“" and i + 1 < n and is_cap(words[i + 1]):
            close = next((k for k in range(i + 2, min(n, i + 9)) if words[k] in "»\"”"), None)
            if close is None or any(words[k] in ".!?" for k in range(i + 1, close)):
                continue
            before = infos[i - 1] if i > 0 else None
            kind = ORGANIZATION if before is not None and before.lemma in lex.org_heads else NAME_KIND
            out.append(Occurrence(kind, i + 1, close, i + 1 == first))
            cover(i + 1, close)
    # institutions around a head noun
    for i, info in enumerate(infos):
        if info is None or covered[i] or info.lemma not in lex.org_heads or not info.noun_cases:
            continue
        left = i
        while left > 0 and infos[left - 1] is not None and infos[left - 1].adj_cases and i - left < 3 and not covered[left - 1]:
            left -= 1
        while left <= i and not is_cap(words[left]):
            left += 1
        end = _ru_genitive_tail(words, infos, i + 1, covered, lex)
        if left > i:
            # "правительства США", "мэрии Москвы": a common head noun with a proper name after it
            if end > i + 1 and (is_acronym(words[end - 1]) or is_cap(words[end - 1])) and end - i <= 3:
                left = i
            else:
                continue
        out.append(Occurrence(ORGANIZATION, left, end, left == first))
        cover(left, end)
    # other capitalised words: people, places, other names
    i = 0
    while i < n:
        if covered[i] or not is_cap(words[i]):
            i += 1
            continue
        j = cap_chain_end(words, i, covered)
        out.extend(_ru_names(words, infos, i, j, first, lex))
        i = j
    out.extend(_ru_phrases(words, infos, covered, lex))
    return out


def _ru_genitive_tail(words, infos, j: int, covered, lex: Lexicon, max_words: int = 7) -> int:
    """End of the genitive dependents after a head noun: "[Министерство] внутренних дел Казахстана"."""
    n = len(words)
    start = j
    while j < n and j - start < max_words:
        if covered[j]:
            break
        w = words[j]
        if w in ("по",) and j + 1 < n:
            k = j + 1
            while k < n and infos[k] is not None and "datv" in infos[k].adj_cases and not infos[k].noun_cases:
                k += 1
            if k < n and infos[k] is not None and "datv" in infos[k].noun_cases:
                j = k + 1
                continue
            break
        if w == "и" and j > start and j + 1 < n:
            k = j + 1
            while k < n and infos[k] is not None and infos[k].adj_cases & _GENT and not infos[k].noun_cases:
                k += 1
            if k < n and infos[k] is not None and infos[k].noun_cases & _GENT:
                j = k + 1
                continue
            break
        if is_acronym(w):
            j += 1
            break
        info = infos[j]
        if info is None or info.lemma in lex.stopwords:
            break
        if is_cap(w) and (info.flags & GEOX or not info.known or info.noun_cases & _GENT):
            j += 1
            continue
        k = j
        while k < n and infos[k] is not None and infos[k].adj_cases & _GENT and not infos[k].noun_cases & _GENT:
            k += 1
        if k < n and infos[k] is not None and infos[k].noun_cases & _GENT and infos[k].lemma not in lex.stopwords:
            if infos[k].first_pos not in ("NOUN", "ADJF", "PRTF", None) and not is_cap(words[k]):
                break
            j = k + 1
            continue
        break
    return j


def _ru_names(words, infos, i: int, j: int, first: int, lex: Lexicon) -> list[Occurrence]:
    # a common word starting the sentence is not a name: "Сегодня", "Президент"
    person = False
    while i < j and starts_clause(words, i, first) and not _ru_namelike(words[i]) and infos[i].lemma not in lex.org_names:
        if infos[i].lemma in lex.titles:
            person = True
        i += 1
    while i < j - 1 and infos[i].lemma in lex.titles:
        i += 1
        person = True
    if i >= j:
        return []
    # split "Казахстана Касым-Жомарт Токаев" between a place and a person
    parts = []
    k = i
    for x in range(i + 1, j):
        if infos[x] is None or infos[x - 1] is None:
            continue
        if not _ru_personlike(words[x - 1], infos[x - 1]) and (
            infos[x].first_flags & NAME or (infos[x - 1].flags & GEOX and _ru_personlike(words[x], infos[x]))
        ):
            parts.append((k, x))
            k = x
    parts.append((k, j))
    out = []
    for a, b in parts:
        lemmas = [infos[x].lemma if infos[x] is not None else words[x] for x in range(a, b)]
        if b - a == 1 and (lemmas[0] in lex.titles or lemmas[0] in lex.stopwords):
            continue
        if b - a == 1 and lemmas[0] in lex.org_names or any(lm in lex.org_heads for lm in lemmas):
            kind = ORGANIZATION
        elif person or all(infos[x] is not None and _ru_personlike(words[x], infos[x]) for x in range(a, b)):
            kind = PERSON
        elif any(infos[x] is not None and infos[x].flags & GEOX for x in range(a, b)) or lemmas[-1] in lex.places:
            kind = PLACE
        elif any(infos[x] is not None and infos[x].flags & ORGN for x in range(a, b)):
            kind = ORGANIZATION
        else:
            kind = NAME_KIND
        out.append(Occurrence(kind, a, b, starts_clause(words, a, first)))
    return out


def _ru_personlike(w: str, info) -> bool:
    return bool(info.flags & _PERSON_FLAGS and not info.flags & GEOX) or surname_base_ru(w) is not None


def _ru_phrases(words, infos, covered, lex: Lexicon) -> list[Occurrence]:
    out = []
    run: list[int] = []

    def flush():
        if len(run) >= 2:
            for a in range(len(run)):
                for b in range(a + 2, min(len(run), a + 4) + 1):
                    if _ru_np(infos, run[a:b]):
                        out.append(Occurrence(PHRASE, run[a], run[b - 1] + 1))
        run.clear()

    for i, w in enumerate(words):
        info = infos[i]
        if (
            info is not None
            and not covered[i]
            and w.islower()
            and len(w) > 2
            and (info.noun_cases or info.adj_cases)
            and info.first_pos in ("NOUN", "ADJF", "PRTF")
            and info.lemma not in lex.stopwords
        ):
            run.append(i)
        else:
            flush()
    flush()
    return out


def _ru_np(infos, idx: list[int]) -> bool:
    """ADJ* NOUN (ADJ* NOUN-genitive)*, adjectives agreeing in case with their noun."""
    k = 0
    cases = None
    while k < len(idx) and infos[idx[k]].adj_cases and infos[idx[k]].first_pos != "NOUN":
        cases = infos[idx[k]].adj_cases if cases is None else cases & infos[idx[k]].adj_cases
        k += 1
    if k >= len(idx) or not infos[idx[k]].noun_cases:
        return False
    if cases is not None and not cases & infos[idx[k]].noun_cases:
        return False
    k += 1
    while k < len(idx):
        adj = None
        while k < len(idx) and infos[idx[k]].adj_cases & _GENT and infos[idx[k]].first_pos != "NOUN":
            adj = True
            k += 1
        if k >= len(idx) or not infos[idx[k]].noun_cases & _GENT:
            return False
        k += 1
        del adj
    return True


# --------------------------------------------------------------------------------------------- Kazakh
def _kk_is_head(w: str, lex: Lexicon) -> bool:
    low = w.lower()
    return any(b in lex.org_heads for b in kk_bases(low))


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
            if close is None or any(words[k] in ".!?" for k in range(i + 1, close)):
                continue
            after = words[close + 1] if close + 1 < n else ""
            kind = ORGANIZATION if is_word(after) and _kk_is_head(after, lex) else NAME_KIND
            out.append(Occurrence(kind, i + 1, close, i + 1 == first))
            cover(i + 1, close)
    for i in range(n - 1, -1, -1):  # head-final: the rightmost head noun heads the name
        w = words[i]
        if covered[i] or not is_word(w) or not _kk_is_head(w, lex):
            continue
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


_KK_LOCATIVE_RE = re.compile(r"(?:да|де|та|те|нда|нде|дағы|дегі|тағы|тегі)$")


def _kk_oblique(w: str) -> bool:
    """Has a case ending that never occurs inside a name (genitive, dative, ablative, locative ...)."""
    return strip_case_kk(w, sure_only=True) != w or bool(_KK_LOCATIVE_RE.search(w.lower()))


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
        and not (starts_clause(words, k, first) and (words[k].lower() in lex.stopwords or _kk_oblique(words[k])))
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
        words[start].lower() in lex.stopwords or _kk_oblique(words[start])
    ):
        start += 1
    return start


def _kk_is_title(w: str, lex: Lexicon) -> bool:
    return any(b in lex.titles for b in kk_bases(w.lower()))


def _kk_names(words, i: int, j: int, first: int, lex: Lexicon) -> list[Occurrence]:
    # "Цифрлық даму министрі": a capitalised word opening a position title is no name
    k = j
    while k < len(words) and k - j < 3 and is_word(words[k]) and words[k].islower():
        if _kk_is_title(words[k], lex):
            return []
        k += 1
    while i < j and starts_clause(words, i, first) and words[i].lower() in lex.stopwords:
        i += 1
    # pieces: a title ends one ("Тұңғыш Президент | Нұрсұлтан Назарбаев"), so does a word in an
    # oblique case ("Өскеменнен | Олжас Керейхан", "Польшаның | Гливице")
    out = []
    a = i
    person = False
    for x in range(i, j):
        if _kk_is_title(words[x], lex):
            a = x + 1
            person = True
            continue
        if _kk_oblique(words[x]) and x < j - 1:
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
    elif person or _EN_SURNAME_RE.search(_translit_end(lows[-1])):
        kind = PERSON
    elif lows[-1] in lex.places or lows[-1].endswith("стан"):
        kind = PLACE
    else:
        kind = NAME_KIND
    return [Occurrence(kind, i, j, starts_clause(words, i, first))]


_TRANSLIT_END = {"ов": "ov", "ев": "ev", "ова": "ova", "ева": "eva", "ұлы": "uly", "қызы": "kyzy", "ұлының": "uly"}


def _translit_end(low: str) -> str:
    for end in ("ұлының", "қызы", "ұлы", "ова", "ева", "ов", "ев"):
        if low.endswith(end):
            return _TRANSLIT_END[end]
    return ""


def _kk_phrases(words, covered, lex: Lexicon) -> list[Occurrence]:
    out = []
    run: list[int] = []

    def flush():
        if len(run) >= 2:
            out.extend(_ngrams(run, words, lambda w: True, lambda w: True, max_len=3))
        run.clear()

    for i, w in enumerate(words):
        low = w.lower()
        if (
            not covered[i]
            and is_word(w)
            and w.islower()
            and len(w) > 2
            and low not in lex.stopwords
            and not _KK_VERBLIKE_RE.search(low)
        ):
            run.append(i)
            if strip_case_kk(w, sure_only=True) != w:
                flush()  # a word in an oblique case ends a noun phrase
        else:
            flush()
    flush()
    return out


DETECTORS = {"en": detect_en, "ru": detect_ru, "kk": detect_kk}
