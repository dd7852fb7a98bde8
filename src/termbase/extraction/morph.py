"""Inflection for extraction: merge keys of words and the nominative (citation) form of candidates.

- Russian: pymorphy3 (loaded lazily, once); the key of a word is its lemma, and a candidate's
  nominative inflects the head noun and the adjectives before it ("Министерством внутренних дел" ->
  "Министерство внутренних дел").
- Kazakh: case endings by rule. Only the case ending of the last word is removed and the possessive of
  the izafet kept ("Ішкі істер министрлігінің" -> "Ішкі істер министрлігі"); the key of a word also
  drops the possessive and undoes the final consonant voicing (министрлігі -> министрлік).
- English: the Snowball stem of the lower-cased word (PyStemmer).

Every cache here is bounded, so memory stays flat however long the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# ---------------------------------------------------------------------------------------------- caches
_CACHE_LIMIT = 200_000


class _BoundedCache(dict):
    """A dict that empties itself when it grows past its limit (Zipf: the hot words come back at once)."""

    def __init__(self, limit: int = _CACHE_LIMIT):
        super().__init__()
        self.limit = limit

    def put(self, key, value):
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


# --------------------------------------------------------------------------------------------- Russian
NAME, SURN, PATR, GEOX, ORGN, ABBR = 1, 2, 4, 8, 16, 32
_FLAG_TAGS = (("Name", NAME), ("Surn", SURN), ("Patr", PATR), ("Geox", GEOX), ("Orgn", ORGN), ("Abbr", ABBR))
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2")


@dataclass(frozen=True)
class RuWord:
    """What extraction needs to know about one Russian word form (all its readings together)."""

    lemma: str
    noun_cases: frozenset[str]  # cases of its noun readings
    adj_cases: frozenset[str]  # cases of its full adjective / participle readings
    flags: int  # NAME | SURN | ... of any reading
    known: bool  # in the dictionary (not guessed)
    other_pos: bool  # has a reading that is neither noun nor adjective (verb, preposition ...)
    first_pos: str | None  # part of speech of the most likely reading
    first_flags: int  # NAME | SURN | ... of the most likely reading


@lru_cache(maxsize=None)
def morph_ru():
    """The pymorphy3 analyser (loaded on first use: about 0.3 s and 15 MB)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


_ru_cache = _BoundedCache()


def ru_word(word: str) -> RuWord:
    """Readings of a Russian word (any case of letters), cached."""
    low = word.lower()
    hit = _ru_cache.get(low)
    if hit is not None:
        return hit
    parses = morph_ru().parse(low)
    noun, adj = set(), set()
    flags = 0
    other = False
    known = False
    for p in parses:
        tag = p.tag
        pos = tag.POS
        case = tag.case
        if pos == "NOUN":
            if case:
                noun.add(case)
        elif pos in ("ADJF", "PRTF"):
            if case:
                adj.add(case)
        else:
            other = True
        for name, bit in _FLAG_TAGS:
            if name in tag:
                flags |= bit
        if p.is_known:
            known = True
    first = parses[0]
    info = RuWord(
        lemma=first.normal_form.replace("ё", "е"),
        noun_cases=frozenset(noun),
        adj_cases=frozenset(adj),
        flags=flags,
        known=known,
        other_pos=other,
        first_pos=first.tag.POS,
        first_flags=sum(bit for name, bit in _FLAG_TAGS if name in first.tag),
    )
    return _ru_cache.put(low, info)


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _inflect_ru(word: str, want_pos: tuple[str, ...], cases: set[str] | None, grammemes: set[str]) -> tuple[str, object]:
    """Inflect ``word`` to ``grammemes`` through its best reading of ``want_pos`` (and case in ``cases``)."""
    low = word.lower()
    best = None
    for p in morph_ru().parse(low):
        if p.tag.POS not in want_pos:
            continue
        if cases is not None and p.tag.case not in cases:
            continue
        if best is None or ("sing" in p.tag and "sing" not in best.tag):
            best = p
    if best is None:
        return word, None
    wanted = set(grammemes)
    if best.tag.POS == "NOUN" and "plur" in best.tag and "Pltm" not in best.tag and "Sgtm" not in best.tag:
        wanted.add("plur")
    form = best.inflect(wanted)
    if form is None:
        return word, best
    return _match_case(word, form.word), form


def nominative_ru(words: list[str]) -> list[str]:
    """The citation form of a Russian noun phrase or name.

    The leading adjectives and the head noun go to the nominative, agreeing in gender and number;
    the genitive words after the head stay as they are. Names of people (Name/Surn/Patr readings)
    all go to the nominative.

    >>> " ".join(nominative_ru("Министерством внутренних дел".split()))
    'Министерство внутренних дел'
    >>> " ".join(nominative_ru("Генеральной прокуратуре".split()))
    'Генеральная прокуратура'
    """
    infos = [ru_word(w) for w in words]
    if words and words[-1][:1].isupper() and surname_base_ru(words[-1]) is not None:
        # a person: Касым-Жомарта Токаева -> Касым-Жомарт Токаев (first names by their Name reading)
        out = []
        for w, info in zip(words[:-1], infos):
            out.append(_inflect_ru(w, ("NOUN",), None, {"nomn"})[0] if info.flags & NAME and info.known else w)
        return out + [surname_base_ru(words[-1])]
    head = next((k for k, i in enumerate(infos) if i.noun_cases and not i.adj_cases), None)
    if head is None:
        head = next((k for k, i in enumerate(infos) if i.noun_cases), None)
    if head is None:
        return list(words)
    cases = set(infos[head].noun_cases)
    for i in infos[:head]:
        if i.adj_cases:
            cases &= set(i.adj_cases) | {"nomn"} if not (cases & i.adj_cases) else set(i.adj_cases)
    if not cases:
        cases = set(infos[head].noun_cases)
    if "nomn" in cases and not infos[head].flags & GEOX:
        # already a nominative reading: keep the phrase (a genitive plural is not taken for nominative)
        if _already_nominative(words[: head + 1]):
            return list(words)
    head_word, head_parse = _inflect_ru(words[head], ("NOUN",), cases, {"nomn"})
    out = list(words)
    out[head] = head_word
    if head_parse is not None:
        gram = {"nomn"}
        tag = head_parse.tag
        if "plur" in tag:
            gram.add("plur")
        elif tag.gender:
            gram.add(tag.gender)
        for k in range(head):
            if infos[k].adj_cases:
                out[k] = _inflect_ru(words[k], ("ADJF", "PRTF"), None, gram)[0]
    return out


def _already_nominative(words: list[str]) -> bool:
    parses = morph_ru().parse(words[-1].lower())
    return bool(parses) and parses[0].tag.POS == "NOUN" and parses[0].tag.case == "nomn"


# Russian surnames in -ов/-ев/-ин (Токаев, Токаева, Токаеву): pymorphy guesses them poorly when unknown.
_RU_SURNAME_RE = re.compile(r"^([А-ЯЁ][а-яё-]+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ой|ых|ым)?$")


def surname_base_ru(word: str) -> str | None:
    """``Токаева`` -> ``Токаев`` for a capitalised surname in -ов/-ев/-ин, else None."""
    m = _RU_SURNAME_RE.match(word)
    return m.group(1) if m else None


def key_ru(word: str) -> str:
    """Merge key of a Russian word: its lemma (ё as е); capitalised surnames by their masculine base."""
    if word[:1].isupper():
        base = surname_base_ru(word)
        if base is not None:
            return base.lower().replace("ё", "е")
    return ru_word(word).lemma


# --------------------------------------------------------------------------------------------- Kazakh
# Case endings after a possessive -ы/-і/-сы/-сі (the "pronominal n"): министрлігі-нің, -не, -н, -нде ...
_KK_POSS_CASE = ("ның", "нің", "нда", "нде", "нан", "нен", "мен", "на", "не", "н")
# Case endings after a bare stem.
_KK_CASE_SURE = (
    "ның", "нің", "дың", "дің", "тың", "тің",  # genitive
    "нан", "нен", "дан", "ден", "тан", "тен",  # ablative
    "мен", "бен", "пен",  # instrumental
    "ға", "ге", "қа", "ке",  # dative
)
# Endings that are also the last letters of many nominatives (Ақорда, Канада): removed only when another
# form of the same candidate supports it.
_KK_CASE_UNSURE = ("да", "де", "та", "те", "ны", "ні", "ды", "ді", "ты", "ті")
_KK_POSS_UNSURE = ("на", "не", "н", "нда", "нде")
_KK_VOWELS = set("аәеиоөұүыіэюяу")
_KK_VOICING = {"г": "к", "ғ": "қ", "б": "п"}
_HYPHEN_CASE_RE = re.compile(r"^(.+?)-([а-яәіңғүұқөһё]+)$")


def strip_case_kk(word: str, *, sure_only: bool = False) -> str:
    """Remove one case ending from a Kazakh word, keeping the possessive.

    >>> strip_case_kk("министрлігінің"), strip_case_kk("Үкіметке"), strip_case_kk("Ақордада")
    ('министрлігі', 'Үкімет', 'Ақорда')
    >>> strip_case_kk("Ақордада", sure_only=True), strip_case_kk("ҚХА-ның")
    ('Ақордада', 'ҚХА')
    """
    m = _HYPHEN_CASE_RE.match(word)
    if m and any(c.isupper() for c in m.group(1)) and m.group(2).islower():
        return m.group(1)
    low = word.lower()
    for end in _KK_POSS_CASE:
        if sure_only and end in _KK_POSS_UNSURE:
            continue
        if low.endswith(end) and len(low) - len(end) >= 4 and low[-len(end) - 1] in "ыі":
            return word[: -len(end)]
    for end in _KK_CASE_SURE if sure_only else _KK_CASE_SURE + _KK_CASE_UNSURE:
        if low.endswith(end) and len(low) - len(end) >= 3:
            return word[: -len(end)]
    return word


def kk_case_forms(word: str) -> set[str]:
    """Every way of reading ``word`` without its case ending (sure and unsure), lower case, itself included."""
    low = word.lower()
    out = {low}
    for end in _KK_POSS_CASE:
        if low.endswith(end) and len(low) - len(end) >= 4 and low[-len(end) - 1] in "ыі":
            out.add(low[: -len(end)])
    for end in _KK_CASE_SURE + _KK_CASE_UNSURE:
        if low.endswith(end) and len(low) - len(end) >= 3:
            out.add(low[: -len(end)])
    return out


def base_kk(stem: str) -> str:
    """Drop a possessive (-ы/-і/-сы/-сі) and undo final voicing: министрлігі -> министрлік."""
    s = stem
    if len(s) > 4 and s[-2:] in ("сы", "сі") and s[-3] in _KK_VOWELS:
        s = s[:-2]
    elif len(s) > 3 and s[-1] in "ыі" and s[-2] not in _KK_VOWELS:
        s = s[:-1]
        if s[-1] in _KK_VOICING:
            s = s[:-1] + _KK_VOICING[s[-1]]
    return s


_kk_key_cache = _BoundedCache()


def key_kk(word: str) -> str:
    """Merge key of a Kazakh word: lower case, without case ending, possessive or voicing.

    >>> key_kk("министрлігінің") == key_kk("Министрлігі") == key_kk("министрлік")
    True
    """
    hit = _kk_key_cache.get(word)
    if hit is None:
        low = strip_case_kk(word).lower()
        hit = _kk_key_cache.put(word, base_kk(low))
    return hit


def kk_bases(word: str) -> set[str]:
    """All nominative bases ``word`` may have (for looking up head nouns): министрлігіне -> министрлік."""
    return {base_kk(f) for f in kk_case_forms(word)} | kk_case_forms(word)


def nominative_kk(words: list[str], *, sure_only: bool = False) -> list[str]:
    """Citation form of a Kazakh name: the case ending of the last word removed, the izafet kept.

    >>> " ".join(nominative_kk("Ішкі істер министрлігінің".split()))
    'Ішкі істер министрлігі'
    """
    if not words:
        return []
    return list(words[:-1]) + [strip_case_kk(words[-1], sure_only=sure_only)]


# -------------------------------------------------------------------------------------------- English
@lru_cache(maxsize=None)
def _stemmer_en():
    import Stemmer

    return Stemmer.Stemmer("english")


_en_key_cache = _BoundedCache()


def key_en(word: str) -> str:
    """Merge key of an English word: Snowball stem of the lower-cased word (possessive removed)."""
    hit = _en_key_cache.get(word)
    if hit is None:
        hit = _en_key_cache.put(word, _stemmer_en().stemWord(word.lower()))
    return hit


def word_key(word: str, lang: str) -> str:
    """Merge key of one word in ``lang``."""
    if lang == "ru":
        return key_ru(word)
    if lang == "kk":
        return key_kk(word)
    return key_en(word)
