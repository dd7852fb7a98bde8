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

from ..languages.kazakh import is_protected

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
    first_case: str | None = None  # case of the most likely reading
    #: noun and adjective readings, in pymorphy's order: (POS, case, number, gender, Pltm/Sgtm, irregular,
    #: lemma), irregular meaning a lemma of another form (superlative, possessive adjective, name);
    #: enough to give most nominatives without inflecting through pymorphy (see ``nominative_ru``)
    readings: tuple[tuple[str, str | None, str | None, str | None, bool, bool, str], ...] = ()


@lru_cache(maxsize=None)
def morph_ru():
    """The pymorphy3 analyser (loaded on first use: about 0.3 s and 15 MB)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=None)
def _dictionary_unit() -> type:
    from pymorphy3.units.by_lookup import DictionaryAnalyzer

    return DictionaryAnalyzer


_ru_cache = _BoundedCache()
_FLAG_BITS = dict(_FLAG_TAGS)
# Per pymorphy3 tag (a few thousand distinct ones): part of speech, case, NAME | SURN | ... bits, number,
# gender, whether the number is fixed (Pltm, Sgtm), and whether the lemma is another form's ("лучшего" ->
# "хороший", "Ивановой" -> "иванов", "Новодевичье" -> "новодевичий").
_tag_cache: dict[object, tuple] = {}
_IRREGULAR = frozenset(("Supr", "Cmp2", "Poss", "Surn", "Name", "Patr"))


def _tag_info(tag) -> tuple[str | None, str | None, int, str | None, str | None, bool, bool]:
    hit = _tag_cache.get(tag)
    if hit is None:
        flags = 0
        for g in tag.grammemes:
            flags |= _FLAG_BITS.get(g, 0)
        fixed = "Pltm" in tag.grammemes or "Sgtm" in tag.grammemes
        irregular = bool(_IRREGULAR & tag.grammemes)
        hit = _tag_cache[tag] = (tag.POS, tag.case, flags, tag.number, tag.gender, fixed, irregular)
    return hit


def ru_word(word: str) -> RuWord:
    """Readings of a Russian word (any case of letters), cached."""
    hit = _ru_cache.get(word)
    if hit is not None:
        return hit
    low = word.lower()
    hit = _ru_cache.get(low)
    if hit is not None:
        return _ru_cache.put(word, hit)  # the capitalised form too: detectors ask about it again
    parses = morph_ru().parse(low)
    noun, adj = set(), set()
    flags = 0
    other = False
    readings = []
    for p in parses:
        pos, case, bits, number, gender, fixed, irregular = _tag_info(p.tag)
        if pos == "NOUN":
            if case:
                noun.add(case)
        elif pos in ("ADJF", "PRTF"):
            if case:
                adj.add(case)
        else:
            other = True
        flags |= bits
        if pos in ("NOUN", "ADJF", "PRTF"):
            readings.append((pos, case, number, gender, fixed, irregular, p.normal_form))
    # a dictionary word has a reading made by the dictionary unit alone (pymorphy's Parse.is_known looks
    # the word up again, once per reading: a third of the cost of analysing a new word)
    unit = _dictionary_unit()
    known = any(len(p.methods_stack) == 1 and isinstance(p.methods_stack[0][0], unit) for p in parses)
    first = parses[0]
    first_pos, first_case, first_flags = _tag_info(first.tag)[:3]
    info = RuWord(
        lemma=first.normal_form.replace("ё", "е"),
        noun_cases=frozenset(noun),
        adj_cases=frozenset(adj),
        flags=flags,
        known=known,
        other_pos=other,
        first_pos=first_pos,
        first_flags=first_flags,
        first_case=first_case,
        readings=tuple(readings),
    )
    return _ru_cache.put(low, info)


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_inflect_cache = _BoundedCache(50_000)


def _inflect_ru(word: str, want_pos: tuple[str, ...], cases: set[str] | None, grammemes: set[str]) -> tuple[str, object]:
    """Inflect ``word`` to ``grammemes`` through its best reading of ``want_pos`` (and case in ``cases``).

    Cached: candidates share their words, and inflecting means generating a whole paradigm.
    """
    low = word.lower()
    key = (low, want_pos, frozenset(cases) if cases is not None else None, frozenset(grammemes))
    hit = _inflect_cache.get(key)
    if hit is None:
        hit = _inflect_cache.put(key, _inflect_low(low, want_pos, cases, grammemes))
    form, parse = hit
    return (_match_case(word, form) if form is not None else word), parse


def _inflect_low(low: str, want_pos, cases, grammemes) -> tuple[str | None, object]:
    best = None
    for p in morph_ru().parse(low):
        if p.tag.POS not in want_pos:
            continue
        if cases is not None and p.tag.case not in cases:
            continue
        if best is None or ("sing" in p.tag and "sing" not in best.tag):
            best = p
    if best is None:
        return None, None
    wanted = set(grammemes)
    if best.tag.POS == "NOUN" and "plur" in best.tag and "Pltm" not in best.tag and "Sgtm" not in best.tag:
        wanted.add("plur")
    form = best.inflect(wanted)
    if form is None:
        return None, best
    return form.word, form


_nominative_cache = _BoundedCache(50_000)


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
    key = tuple(words)
    hit = _nominative_cache.get(key)
    if hit is None:
        hit = _nominative_cache.put(key, tuple(_nominative_ru(list(words))))
    return list(hit)


def _nominative_ru(words: list[str]) -> list[str]:
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
        if infos[head].first_pos == "NOUN" and infos[head].first_case == "nomn":
            return list(words)
    out = list(words)
    out[head], agree = _head_nominative(words[head], infos[head], cases)
    if agree is not None:
        for k in range(head):
            if infos[k].adj_cases:
                out[k] = _adjective_agreeing(words[k], infos[k], agree)
    return out


def _best_reading(info: RuWord, want_pos: tuple[str, ...], cases: set[str] | None):
    """The reading ``_inflect_ru`` would inflect: the first of ``want_pos`` (case in ``cases``), singular preferred."""
    best = None
    for r in info.readings:
        if r[0] in want_pos and (cases is None or r[1] in cases):
            if best is None or (r[2] == "sing" and best[2] != "sing"):
                best = r
    return best


def _same_stem(word: str, lemma: str) -> bool:
    """Is ``lemma`` spelt like ``word`` but for its ending (not "людей" -> "человек", "лучшего" -> "хороший")?"""
    w, lm = word.lower().replace("ё", "е"), lemma.replace("ё", "е")
    k = 0
    for a, b in zip(w, lm):
        if a != b:
            break
        k += 1
    return k >= max(2, min(len(w), len(lm)) - 3)


def _adjective_nominative(lemma: str, agree: str) -> str | None:
    """Nominative of an adjective from its lemma (masculine nominative), in gender ``agree`` or plural.

    >>> _adjective_nominative("русский", "femn"), _adjective_nominative("большой", "plur")
    ('русская', 'большие')
    """
    if agree == "masc":
        return lemma
    stem, end = lemma[:-2], lemma[-2:]
    if end not in ("ый", "ий", "ой") or not stem or stem[-1] in "аеёиоуыэюяь":
        return None
    velar, hushing = stem[-1] in "гкх", stem[-1] in "жшщч"
    if agree == "femn":
        return stem + ("яя" if end == "ий" and not (velar or hushing) else "ая")
    if agree == "neut":
        return stem + ("ее" if end == "ий" and not velar else "ое")
    if agree == "plur":
        return stem + ("ые" if end == "ый" or (end == "ой" and not (velar or hushing)) else "ие")
    return None


def _head_nominative(word: str, info: RuWord, cases: set[str]) -> tuple[str, str | None]:
    """The nominative of a head noun, and what its adjectives agree with (a gender, "plur" or None).

    A singular (or plural-only) noun is its lemma, without inflecting through pymorphy (a tenth of the
    cost); a plural, a name or a suppletive lemma ("людей" -> "человек") goes through pymorphy.
    """
    best = _best_reading(info, ("NOUN",), cases)
    if best is not None and not (best[2] == "plur" and not best[4]) and not best[5] and _same_stem(word, best[6]):
        agree = "plur" if best[2] == "plur" else best[3]
        if agree is not None:
            return _match_case(word, best[6]), agree
    form, parse = _inflect_ru(word, ("NOUN",), cases, {"nomn"})
    if parse is None:
        return form, None
    return form, "plur" if "plur" in parse.tag else (parse.tag.gender or "")


def _adjective_agreeing(word: str, info: RuWord, agree: str) -> str:
    """An adjective before a head noun, in the nominative agreeing with it (``agree`` from ``_head_nominative``)."""
    adj = _best_reading(info, ("ADJF", "PRTF"), None)
    # "Новодевичьего": a possessive adjective (-ий with ь in its endings) does not follow the rule
    if adj is not None and adj[0] == "ADJF" and not adj[5] and agree and _same_stem(word, adj[6]) and "ь" not in word[-4:]:
        form = _adjective_nominative(adj[6], agree)
        if form is not None:
            return _match_case(word, form)
    return _inflect_ru(word, ("ADJF", "PRTF"), None, {"nomn", agree} if agree else {"nomn"})[0]


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

# Which sound a case ending may follow: its first consonant alternates with the last sound of the stem
# (genitive -ның after a vowel or м н ң, -дың after л р й у ж з, -тың after a voiceless consonant ...).
# "Нұрсұлтан" is not "Нұрсұл" + ablative (that would be "Нұрсұлдан"). V vowel, N nasal, S sonorant,
# Z ж/з, T voiceless (and б в г д of loanwords: "заводтың").
_KK_SOUND = {**dict.fromkeys("аәеоөұүыіэюяё", "V"), **dict.fromkeys("мнң", "N"),
             **dict.fromkeys("лрйуи", "S"), **dict.fromkeys("жз", "Z"),
             **dict.fromkeys("кқпстшфхцчщбвгдғһ", "T")}
_KK_AFTER = {
    "ның": "VN", "нің": "VN", "дың": "SZ", "дің": "SZ", "тың": "T", "тің": "T",
    "нан": "N", "нен": "N", "дан": "VSZ", "ден": "VSZ", "тан": "T", "тен": "T",
    "мен": "VNS", "бен": "Z", "пен": "T",
    "ға": "VNSZ", "ге": "VNSZ", "қа": "T", "ке": "T",
    "да": "VNSZ", "де": "VNSZ", "та": "T", "те": "T",
    "ны": "V", "ні": "V", "ды": "NSZ", "ді": "NSZ", "ты": "T", "ті": "T",
}
def kk_fits(stem: str, end: str) -> bool:
    """Can ``end`` be a case ending after ``stem`` (both lower case)? The sounds must agree.

    Vowel harmony is not checked: Russian loans and names break it ("Назарбаевтың", "Тоқаевқа").
    """
    if _KK_SOUND.get(stem[-1:], "") not in _KK_AFTER[end]:
        return False
    # Қазақстан, Өзбекстан: -стан names a country, it is no ablative
    return not (stem.endswith("с") and end in ("тан", "тен"))


def _kk_case_cuts(low: str, *, sure_only: bool):
    """Stems ``low`` may have before a case ending: after a possessive first, then after a bare stem."""
    if is_protected(low):  # "сауда", "теңге": no case ending there
        return
    for end in _KK_POSS_CASE:
        if sure_only and end in _KK_POSS_UNSURE:
            continue
        if low.endswith(end) and len(low) - len(end) >= 4 and low[-len(end) - 1] in "ыі":
            yield len(end)
    for end in _KK_CASE_SURE if sure_only else _KK_CASE_SURE + _KK_CASE_UNSURE:
        if low.endswith(end) and len(low) - len(end) >= 3 and kk_fits(low[: -len(end)], end):
            yield len(end)


_kk_strip_cache = _BoundedCache(50_000)


def strip_case_kk(word: str, *, sure_only: bool = False) -> str:
    """Remove one case ending from a Kazakh word, keeping the possessive.

    >>> strip_case_kk("министрлігінің"), strip_case_kk("Үкіметке"), strip_case_kk("Ақордада")
    ('министрлігі', 'Үкімет', 'Ақорда')
    >>> strip_case_kk("Ақордада", sure_only=True), strip_case_kk("ҚХА-ның"), strip_case_kk("Нұрсұлтан")
    ('Ақордада', 'ҚХА', 'Нұрсұлтан')
    """
    key = (word, sure_only)
    hit = _kk_strip_cache.get(key)
    if hit is not None:
        return hit
    m = _HYPHEN_CASE_RE.match(word)
    if m and any(c.isupper() for c in m.group(1)) and m.group(2).islower():
        out = m.group(1)
    else:
        cut = next(_kk_case_cuts(word.lower(), sure_only=sure_only), 0)
        out = word[:-cut] if cut else word
    return _kk_strip_cache.put(key, out)


def kk_case_forms(word: str) -> set[str]:
    """Every way of reading ``word`` without its case ending (sure and unsure), lower case, itself included."""
    low = word.lower()
    return {low} | {low[:-cut] for cut in _kk_case_cuts(low, sure_only=False)}


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


_kk_bases_cache = _BoundedCache(50_000)


def kk_base_readings(stem: str) -> set[str]:
    """Every base a (case-less) stem may have: base_kk's, and the readings it leaves out.

    A stem in -сы/-сі after a vowel may also be a stem in -с with the possessive -ы/-і ("кеңесі" is
    "кеңес" + і, not "кеңе" + сі); a voiced final consonant may belong to a loanword, which keeps it
    ("клубы" is "клуб" + ы, where native "тобы" is "топ" + ы).

    >>> sorted(kk_base_readings("кеңесі")), sorted(kk_base_readings("клубы"))
    (['кеңе', 'кеңес'], ['клуб', 'клуп'])
    """
    out = {base_kk(stem)}
    if len(stem) > 3 and stem[-1] in "ыі" and stem[-2] not in _KK_VOWELS:
        out.add(stem[:-1])
    return out


def kk_bases(word: str) -> frozenset[str]:
    """All nominative bases ``word`` may have (for looking up head nouns): министрлігіне -> министрлік,
    кеңесінің -> кеңес, клубының -> клуб."""
    hit = _kk_bases_cache.get(word)
    if hit is None:
        forms = kk_case_forms(word)
        hit = _kk_bases_cache.put(word, frozenset({b for f in forms for b in kk_base_readings(f)} | forms))
    return hit


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
