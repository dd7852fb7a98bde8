"""Kazakh: letters, our own suffix stripper (Snowball has no Kazakh stemmer), and case endings.

One table of inflectional suffixes (``_SUFFIXES``: case, possessive, plural, each allomorph with
the sounds it follows and its vowel harmony) serves both what this module does with words:

- the match key (:func:`stem_kazakh`) strips every inflection;
- a citation form (:func:`strip_case_kk`, :func:`nominative_kk`) removes the case ending of a name
  and keeps the possessive of the izafet ("Ішкі істер министрлігінің" -> "Ішкі істер министрлігі"),
  and term extraction asks which nominatives a word may have (:func:`kk_bases`).

The stripper removes inflection only -- case, possessive and plural suffixes -- from the
end of a word, one suffix at a time. A suffix is removed only when

* its allomorph fits the sound before it (consonant assimilation: ``-дың`` after л р й у ж
  з, ``-тың`` after a voiceless consonant, ``-ның`` after a vowel or м н ң ...);
* its vowel agrees with the stem's last vowel (vowel harmony: back а о ұ ы я, front ә е ө
  ү і э; и у ю are neutral; a stem-final к г ь also allows front and қ ғ back suffixes,
  for loans such as "банк" -> "банктің");
* what is left has three letters or more with a vowel, or is a vowel + consonant root
  (ел, іс, үй: "елде", "істер"); never consonant + vowel ("баға" is not "ба+ға");
* and, for the ``н``-forms that only follow a 3rd-person possessive (``-на``, ``-нда``,
  ``-н``, ``-ндағы``), a possessive can then be removed too.

Derivational suffixes (``-лық/-лік``, ``-шы``, ``-лы``, ``-сыз`` ...) are never removed:
"министр" and "министрлік" (minister, ministry) keep different keys.

Two Kazakh alternations are undone in the key: the voicing of a final к қ п before a
vowel ("министрлік" -> "министрлігі"): a final г ғ б becomes к қ п; and the dropped vowel
of a few words ("халық" -> "халқы"), listed in ``data/kk_vowel_drop.txt``.

``...Vсы`` and ``...Vны`` (V a vowel) are ambiguous: "кеңес+і" or "мәселе+сі", "аудан+ы" or
"қала+ны". The possessive ``-ы/-і`` is removed and then a final ``с``/``н`` after a vowel is
dropped from a stem of four letters or more ("үлес" -> "үле", "қалан" -> "қала"), so both
readings give the key of their bare word. Words for which that would merge two different
words ("табыс" income / "тап" find) are listed in ``data/kk_protected.txt`` and never
stripped.
"""

from __future__ import annotations

import re

from functools import lru_cache
from termbase.languages._data import DATA
from typing import NamedTuple

from termbase.languages._cache import BoundedCache
from termbase.languages.normalize import normalize

#: The letters of the Kazakh Cyrillic alphabet that Russian does not have.
KAZAKH_LETTERS: frozenset[str] = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

_BACK = frozenset("аоұыяё")
_FRONT = frozenset("әеөүіэ")
_NEUTRAL = frozenset("иую")
_VOWELS = _BACK | _FRONT | _NEUTRAL

# Classes of the last sound of a stem, which choose a suffix's first consonant.
_VOW = "аәеёоөұүыіэюя"
_SEMI = "иуй"
_NAS = "мнң"
_VOI = "жз"
_VL = "кқпстшфхцчщһ"
_LOAN = "бвгдғ"  # voiced stops: stem-final only in loans or before a vowel suffix
_CONS = _SEMI + "лр" + _NAS + _VOI + _VL + _LOAN

_AFTER_POSS = "POSS"  # the n-forms that only follow a 3rd-person possessive

# Kinds of suffix.
CASE, POSSESSIVE, PLURAL, ATTRIBUTIVE = "case", "possessive", "plural", "attributive"


class Suffix(NamedTuple):
    """One allomorph of an inflectional suffix: the one table of Kazakh inflection here."""

    form: str
    harmony: str | None  # "b" back, "f" front, None: either
    after: str  # the sounds (last letters of a stem) it follows, or _AFTER_POSS
    kind: str  # CASE, POSSESSIVE, PLURAL or ATTRIBUTIVE (locative + -ғы: "елдегі")
    #: a case ending that also follows a 3rd-person possessive ("министрлігі-нің", "-мен", "-н", "-на")
    after_possessive: bool = False
    #: a case ending that is also the last letters of many nominatives ("Ақорда", "Канада", "Мәдина"):
    #: a citation form drops it only when another form of the name supports it
    doubtful: bool = False
    #: ``after`` and the sounds it is also found after in real text against the rule (a voiced ending
    #: after a loan's voiced final consonant): the key strips it there too, a citation form does not
    after_in_keys: str = ""


_SUFFIXES: list[Suffix] = []


def _add(back: str, front: str | None, after: str, kind: str = CASE, *, also: str = "",
         after_possessive: bool = False, doubtful: bool = False) -> None:
    for form, harmony in ((back, None),) if front is None else ((back, "b"), (front, "f")):
        _SUFFIXES.append(Suffix(form, harmony, after, kind, after_possessive, doubtful, after + also))


# Case.
_add("ның", "нің", _VOW + _NAS, after_possessive=True)  # genitive
_add("дың", "дің", "лр" + _SEMI + _VOI, also=_LOAN)
_add("тың", "тің", _VL + _LOAN)
_add("ны", "ні", _VOW, doubtful=True)  # accusative
_add("ды", "ді", "лр" + _SEMI + _VOI + _NAS, also=_LOAN, doubtful=True)
_add("ты", "ті", _VL + _LOAN, doubtful=True)
_add("н", None, _AFTER_POSS, after_possessive=True, doubtful=True)
_add("ға", "ге", _VOW + _SEMI + "лр" + _VOI + _NAS, also=_LOAN)  # dative
_add("қа", "ке", _VL + _LOAN)
_add("на", "не", _AFTER_POSS, after_possessive=True, doubtful=True)
_add("да", "де", _VOW + _SEMI + "лр" + _VOI + _NAS, also=_LOAN, doubtful=True)  # locative
_add("та", "те", _VL + _LOAN, doubtful=True)
_add("нда", "нде", _AFTER_POSS, after_possessive=True, doubtful=True)
_add("дан", "ден", _VOW + _SEMI + "лр" + _VOI, also=_LOAN)  # ablative
_add("нан", "нен", _NAS)
_add("нан", "нен", _AFTER_POSS, after_possessive=True)
_add("тан", "тен", _VL + _LOAN)
for _form in ("мен", "менен"):  # instrumental: front only, no harmony
    _add(_form, None, _VOW + _SEMI + "лр" + _NAS, after_possessive=True)
for _form in ("бен", "бенен"):
    _add(_form, None, _VOI, also=_NAS + _LOAN)
for _form in ("пен", "пенен"):
    _add(_form, None, _VL + _LOAN)
# Locative + attributive -ғы: "елдегі", "облыстағы".
_add("дағы", "дегі", _VOW + _SEMI + "лр" + _VOI + _NAS, ATTRIBUTIVE, also=_LOAN)
_add("тағы", "тегі", _VL + _LOAN, ATTRIBUTIVE)
_add("ндағы", "ндегі", _AFTER_POSS, ATTRIBUTIVE)
# Possessive: 3rd person and 1st plural ("еліміз" our country, frequent in the news).
_add("сы", "сі", _VOW, POSSESSIVE)
_add("ы", "і", _CONS, POSSESSIVE)
_add("мыз", "міз", _VOW, POSSESSIVE)
_add("ымыз", "іміз", _CONS, POSSESSIVE)
# Plural.
_add("лар", "лер", _VOW + _SEMI + "р", PLURAL)
_add("дар", "дер", "л" + _NAS + _VOI, PLURAL)
_add("тар", "тер", _VL + _LOAN, PLURAL)

_BY_LENGTH = sorted(_SUFFIXES, key=lambda s: -len(s.form))
_FORMS_BY_LENGTH = tuple(dict.fromkeys(s.form for s in _BY_LENGTH))
# What the stripper reads, longest first: (form, harmony, the sounds it follows in keys).
_KEY_SUFFIXES = tuple((s.form, s.harmony, s.after_in_keys) for s in _BY_LENGTH)
# Case endings, longest first: those that may follow a 3rd-person possessive, and the others.
_CASES_AFTER_POSSESSIVE = tuple(s for s in _BY_LENGTH if s.kind == CASE and s.after_possessive)
_CASES_AFTER_STEM = tuple(s for s in _BY_LENGTH if s.kind == CASE and s.after != _AFTER_POSS)
_CASE_AFTER_STEM_BY_FORM: dict[str, list[Suffix]] = {}
for _s in _CASES_AFTER_STEM:
    _CASE_AFTER_STEM_BY_FORM.setdefault(_s.form, []).append(_s)
_AMBIGUOUS = frozenset(("сы", "сі", "ны", "ні"))  # ...Vсы: кеңес+і or мәселе+сі
_DEVOICE = str.maketrans("гғб", "кқп")


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], dict[str, str]]:
    folder = DATA
    protected = frozenset(_lines(folder.joinpath("kk_protected.txt").read_text("utf-8")))
    drops: dict[str, str] = {}
    for line in _lines(folder.joinpath("kk_vowel_drop.txt").read_text("utf-8")):
        short, full = line.split()
        drops[short] = full
    return protected, drops


def _lines(text: str) -> list[str]:
    return [ln.split("#", 1)[0].strip() for ln in text.splitlines() if ln.split("#", 1)[0].strip()]


def is_protected(word: str) -> bool:
    """Is ``word`` (lower case) a whole Kazakh word whose end only looks like an inflection?

    These are listed in ``data/kk_protected.txt``: "сауда" (trade) is no locative of "сау".

    >>> is_protected("сауда"), is_protected("саудада")
    (True, False)
    """
    return word in _data()[0]


def is_kazakh_word(word: str) -> bool:
    """True if ``word`` has a letter only Kazakh uses (Latin i inside Cyrillic counts as і).

    >>> is_kazakh_word("министрлiгi"), is_kazakh_word("министр")
    (True, False)
    """
    return any(c in KAZAKH_LETTERS for c in normalize(word))


def _harmony(stem: str) -> frozenset[str]:
    """The suffix harmonies ("b", "f") a stem accepts."""
    ok = set()
    last = stem[-1]
    if last in "кгь":
        ok.add("f")
    elif last in "қғ":
        ok.add("b")
    # Russian surnames in -ев/-ов take either ("Тоқаевтың", "Медведевке", "Ахметовтың", "Жээнбековтің"),
    # and so do loans and names whose last vowel is и, у or ю ("Савкиннің", "Бакуге", "Петербургта").
    if stem.endswith(("ев", "ов")) and len(stem) > 3:
        return frozenset("bf")
    for c in reversed(stem):
        if c in _BACK:
            ok.add("b")
            break
        if c in _FRONT:
            ok.add("f")
            break
        if c in _NEUTRAL:
            ok.update("bf")
            break
    else:
        ok.update("bf")
    return frozenset(ok)


def _last_sound(stem: str) -> str:
    if stem[-1] == "ь" and len(stem) > 1:  # loans: "автомобиль" -> by its л
        return stem[-2]
    return stem[-1]


def _viable(stem: str) -> bool:
    # Two letters only as vowel + consonant (ел, іс, үй, өз): a consonant + vowel remainder
    # is almost always a wrong cut ("баға" price -> "ба", "тамыз" August -> "та").
    if len(stem) == 2:
        return stem[0] in _VOWELS and stem[0] not in "иу" and stem[1] not in _VOWELS
    return len(stem) > 2 and any(c in _VOWELS for c in stem)


def _fits(rest: str, harmony: str | None, after: str, form: str = "", *, by_harmony: bool = True) -> bool:
    if not _viable(rest):
        return False
    if by_harmony and harmony is not None and harmony not in _harmony(rest):
        return False
    if after == _AFTER_POSS:
        base = _possessive(rest)
        # Accusative -н: "ой+ы+н" and "ойын" (game) look alike; keep three letters.
        return base is not None and (len(base) >= 3 or form != "н")
    return _last_sound(rest) in after


def _possessive(stem: str) -> str | None:
    """``stem`` without its 3rd-person possessive ы/і/сы/сі, or None."""
    for form in ("сы", "сі", "ы", "і"):
        if stem.endswith(form):
            rest = stem[: -len(form)]
            harmony = "b" if form[-1] == "ы" else "f"
            after = _VOW if len(form) == 2 else _CONS
            if _viable(rest) and harmony in _harmony(rest) and _last_sound(rest) in after:
                return rest
    return None


def _strip_once(word: str, protected: frozenset[str]) -> str | None:
    """``word`` without one inflectional suffix, or None.

    The longest suffix that fits wins, except that a cut leaving a protected word wins over
    all ("сауда+ны" is not "саудан+ы"; the longest such remainder if several), and that
    ``...Vсы``/``...Vны`` is read as stem + ы unless that stem is itself inflected
    ("тонна+ны" is not "тоннан+ы", which would go on as "тон+нан").
    """
    found = None
    kept = None
    for form, harmony, after in _KEY_SUFFIXES:
        if word.endswith(form) and _fits(word[: -len(form)], harmony, after, form):
            rest = word[: -len(form)]
            if rest in protected:
                kept = rest  # shorter forms come later: the last one is the longest rest
            elif found is None:
                found = form
    if kept is not None:
        return kept
    if found is None:
        return None
    if found in _AMBIGUOUS:
        # кеңес+і / мәселе+сі: take the shorter reading, the key step below joins them.
        rest = word[:-1]
        if _fits(rest, "b" if found[-1] == "ы" else "f", _CONS) and (
            _strip_once(rest, protected) is None
        ):
            return rest
    return word[: -len(found)]


def _strip(word: str, protected: frozenset[str], drops: dict[str, str], *, floor: int = 2) -> str:
    while word not in protected:
        shorter = _strip_once(word, protected)
        if shorter is None or len(shorter) < floor:
            break
        word = shorter
    return drops.get(word, word)


def _strip_hyphenated_suffix(word: str) -> str | None:
    """"АҚШ-тың" -> "АҚШ": a suffix chain written after a hyphen (abbreviations, digits)."""
    head, _, tail = word.rpartition("-")
    if not head or not tail:
        return None
    while tail:
        for form in _FORMS_BY_LENGTH:  # a fixed order: keys must not vary between runs
            if tail.endswith(form):
                tail = tail[: -len(form)]
                break
        else:
            return None
    return head


def stem_kazakh(word: str) -> str:
    """The match key of a normalised Kazakh word (uncached; use ``termbase.languages.stem``).

    >>> [stem_kazakh(w) for w in ("министрлігінің", "министрлік", "Ассамблеясында".lower())]
    ['министрлік', 'министрлік', 'ассамблея']
    """
    if not word:
        return word
    protected, drops = _data()
    if "-" in word:
        head = _strip_hyphenated_suffix(word)
        if head is not None:
            return stem_kazakh(head)
    stem = _strip(word, protected, drops)
    # үлес / үлесі (-> "үле"), қала / қаланы (-> "қалан"): drop a final с or н after a
    # vowel so that both readings of ...Vсы and ...Vны meet, then strip what is left, and
    # again if that ends so too ("белсендісі" -> "белсендіс" -> "белсенді" -> "белсен").
    while (
        stem not in protected
        and len(stem) >= 4
        and stem[-1] in "сн"
        and stem[-2] in _VOWELS
    ):
        # Three letters at least from here: "ауда" stays, not "ау" (net).
        stem = _strip(stem[:-1], protected, drops, floor=3)
    if stem[-1] in "гғб" and stem[:-1] and stem[-2] != "-":
        stem = stem[:-1] + stem[-1].translate(_DEVOICE)
    return stem


# ----------------------------------------------------------------------------- case endings alone
# Citation forms and the extraction's detector need less than a key: the case ending of a word removed,
# its possessive kept ("министрлігінің" -> "министрлігі"), and only where a name cannot end so. The
# endings and the sounds they follow are the stripper's (``_SUFFIXES``); the cautions are about names,
# which may break vowel harmony.

def kk_fits(stem: str, ending: str) -> bool:
    """Can ``ending`` be a case ending right after ``stem`` (both lower case)?

    The ending must fit the sound before it by the rule (``Suffix.after``: "Нұрсұлтан" is no
    "Нұрсұл" + ablative, that would be "Нұрсұлдан"), and -тан/-тен is no ablative after с
    ("Қазақстан", "Өзбекстан": -стан names a country). Vowel harmony is not asked for: the names of
    people and places break it ("Маминге", "Игіліковтің", "Бакуге").

    >>> kk_fits("адам", "ның"), kk_fits("сот", "қа"), kk_fits("нұрсұл", "тан"), kk_fits("сот", "ға")
    (True, True, False, False)
    """
    if stem.endswith("с") and ending in ("тан", "тен"):
        return False
    return any(_fits(stem, s.harmony, s.after, s.form, by_harmony=False) for s in _CASE_AFTER_STEM_BY_FORM.get(ending, ()))


def _kk_case_cuts(low: str, *, sure_only: bool):
    """Lengths of the case endings ``low`` may end in: after a possessive first, then after a bare stem."""
    if is_protected(low):  # "сауда", "теңге": no case ending there
        return
    for s in _CASES_AFTER_POSSESSIVE:
        if sure_only and s.doubtful:
            continue
        n = len(s.form)
        if low.endswith(s.form) and len(low) - n >= 4 and low[-n - 1] in "ыі":
            yield n
    for s in _CASES_AFTER_STEM:
        if sure_only and s.doubtful:
            continue
        n = len(s.form)
        if low.endswith(s.form) and len(low) - n >= 3 and kk_fits(low[:-n], s.form):
            yield n


_strip_case_cache = BoundedCache(50_000)


def strip_case_kk(word: str, *, sure_only: bool = False) -> str:
    """``word`` (as written) without one case ending, its possessive kept.

    ``sure_only``: only the endings that never end a nominative (genitive, dative, ablative,
    instrumental), not the ``doubtful`` ones (accusative, locative, and the n-forms after a possessive).
    A lower-case part after a hyphen goes when the part before has a capital: an abbreviation's
    endings ("ҚХА-ның"), and so a capitalised compound ("Вице-премьер") never ends a name.

    >>> strip_case_kk("министрлігінің"), strip_case_kk("Үкіметке"), strip_case_kk("Ақордада")
    ('министрлігі', 'Үкімет', 'Ақорда')
    >>> strip_case_kk("Ақордада", sure_only=True), strip_case_kk("ҚХА-ның"), strip_case_kk("Нұрсұлтан")
    ('Ақордада', 'ҚХА', 'Нұрсұлтан')
    """
    key = (word, sure_only)
    hit = _strip_case_cache.get(key)
    if hit is not None:
        return hit
    head, _, tail = word.rpartition("-")
    if head and tail and tail.islower() and any(c.isupper() for c in head):
        out = head
    else:
        cut = next(_kk_case_cuts(word.lower(), sure_only=sure_only), 0)
        out = word[:-cut] if cut else word
    return _strip_case_cache.put(key, out)


def kk_case_forms(word: str) -> set[str]:
    """Every way of reading ``word`` without its case ending (sure and doubtful), lower case, itself included.

    >>> sorted(kk_case_forms("облысында"))
    ['облысы', 'облысын', 'облысында']
    """
    low = word.lower()
    return {low} | {low[:-cut] for cut in _kk_case_cuts(low, sure_only=False)}


def base_kk(stem: str) -> str:
    """A case-less stem without its 3rd-person possessive, final voicing undone: министрлігі -> министрлік.

    >>> base_kk("министрлігі"), base_kk("прокуратурасы"), base_kk("комитет")
    ('министрлік', 'прокуратура', 'комитет')
    """
    rest = _possessive(stem)
    if rest is None or len(rest) < 3:
        return stem
    if rest[-1] in "гғб":
        rest = rest[:-1] + rest[-1].translate(_DEVOICE)
    return rest


def kk_base_readings(stem: str) -> set[str]:
    """Every base a (case-less) stem may have: base_kk's, and the readings it leaves out.

    A stem in -сы/-сі after a vowel may also be a stem in -с with the possessive -ы/-і ("кеңесі" is
    "кеңес" + і, not "кеңе" + сі); a voiced final consonant may belong to a loanword, which keeps it
    ("клубы" is "клуб" + ы, where native "тобы" is "топ" + ы).

    A stem whose last syllable's narrow vowel fell out before the possessive's vowel gets it back
    ("кәсіпорны" is "кәсіпорын" + ы, "орны" "орын" + ы).

    >>> sorted(kk_base_readings("кеңесі")), sorted(kk_base_readings("клубы"))
    (['кеңе', 'кеңес'], ['клуб', 'клуп'])
    >>> sorted(kk_base_readings("кәсіпорны"))
    ['кәсіпорн', 'кәсіпорын']
    """
    out = {base_kk(stem)}
    if len(stem) > 3 and stem[-1] in "ыі" and stem[-2] not in _VOWELS:
        out.add(stem[:-1])
        if len(stem) > 4 and stem[-3] not in _VOWELS:
            # the narrow vowel of the last syllable back between the two consonants, in the word's harmony
            last = next((ch for ch in reversed(stem[:-1]) if ch in _VOWELS), "")
            out.add(stem[:-2] + ("і" if last in "әөүіеи" else "ы") + stem[-2])
    return out


_bases_cache = BoundedCache(50_000)


def kk_bases(word: str) -> frozenset[str]:
    """All nominative bases ``word`` may have (for looking up head nouns), cached.

    >>> sorted(kk_bases("кеңесінің"))
    ['кеңе', 'кеңес', 'кеңесі', 'кеңесінің']
    """
    hit = _bases_cache.get(word)
    if hit is None:
        forms = kk_case_forms(word)
        hit = _bases_cache.put(word, frozenset({b for f in forms for b in kk_base_readings(f)} | forms))
    return hit


def nominative_kk(words: list[str] | tuple[str, ...], *, sure_only: bool = False) -> list[str]:
    """Citation form of a Kazakh name: the case ending of the last word removed, the izafet kept.

    >>> " ".join(nominative_kk("Ішкі істер министрлігінің".split()))
    'Ішкі істер министрлігі'
    """
    if not words:
        return []
    return list(words[:-1]) + [strip_case_kk(words[-1], sure_only=sure_only)]


# The attributive locative (-дағы "which is in"): "мектебіндегі" is мектебі + н + дегі.
_LOCATIVE_ATTRIBUTIVE = ("ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі")
# The genitive's endings (the izafet's dependent: "Франция(ның)", "Үкіметтің").
_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")


def is_genitive_kk(word: str) -> bool:
    """Does a Kazakh word end in the genitive ("Ұлыбританияның", "соттың")?

    What is left must be a stem the ending fits (:func:`kk_fits`: three letters or more with a vowel,
    or vowel + consonant, "үйдің"; -ның after a vowel or м н ң, -дың after л р й у ж з, -тың after a
    voiceless consonant): "тың" (virgin land), "уақытың" (your time: уақыт + ың) and "ұрладың" (you
    stole) are none. So are the pronouns' short stems ("оның", "менің") and "судың", which the
    stripper leaves too. An ending after a hyphen ("АҚШ-тың", "2020-ның") or a Latin name
    ("Commodoresтың") counts as written.

    >>> [is_genitive_kk(w) for w in ("Ұлыбританияның", "соттың", "Тоқаевтың", "үйдің", "АҚШ-тың", "Ұлыбритания")]
    [True, True, True, True, True, False]
    >>> [is_genitive_kk(w) for w in ("тың", "уақытың", "ұрладың", "оның")]
    [False, False, False, False]
    """
    low = word.lower()
    if not low.endswith(_GENITIVE):
        return False
    stem = low[:-3]
    if stem.endswith("-"):
        return len(stem) > 1  # the ending written after a hyphen: "АҚШ-тың", "2020-ның"
    if stem[-1:].isascii():
        return stem[-1:].isalnum()  # a Latin name with a Kazakh ending: "Commodoresтың"
    return kk_fits(stem, low[-3:])


# -ты/-ті after a vowel or a voiced consonant: the possessive of a noun in -т ("саясат-ы",
# "департамент-і"); the past tense and the accusative take -ды/-ді there ("келді", "заңды"), -ты/-ті
# only after a voiceless consonant ("кетті").
_T_STEM_POSSESSIVE_RE = re.compile(r"[аәеиоөұүыіэюяулрмнңйжз](?:ты|ті)$")


def is_t_stem_possessive_kk(word: str) -> bool:
    """Is a word in -ты/-ті surely a noun in -т with the 3rd-person possessive, no verb or accusative?

    >>> is_t_stem_possessive_kk("саясаты"), is_t_stem_possessive_kk("департаменті"), is_t_stem_possessive_kk("кетті")
    (True, True, False)
    """
    return _T_STEM_POSSESSIVE_RE.search(word.lower()) is not None


def is_attributive_locative_kk(word: str) -> bool:
    """Does a Kazakh word end in the attributive locative ("Семейдегі", "Невададағы": which is in)?

    >>> is_attributive_locative_kk("Семейдегі"), is_attributive_locative_kk("Семейде")
    (True, False)
    """
    return word.lower().endswith(_LOCATIVE_ATTRIBUTIVE)


def strip_attributive_locative_kk(word: str) -> str:
    """A word in the attributive locative without it: the place or body it names ("Вандербильттегі" ->
    "Вандербильт", "Семейдегі" -> "Семей", "министрлігіндегі" -> "министрлігі"); else the word.

    >>> strip_attributive_locative_kk("Вандербильттегі"), strip_attributive_locative_kk("Невададағы")
    ('Вандербильт', 'Невада')
    >>> strip_attributive_locative_kk("министрлігіндегі"), strip_attributive_locative_kk("Семей")
    ('министрлігі', 'Семей')
    """
    if not is_attributive_locative_kk(word) or len(word) < 6:
        return word
    locative = word[:-2]
    bare = strip_case_kk(locative)
    return bare if bare != locative and len(bare) >= 3 else word


_LATIN_WITH_ENDING = re.compile(r"([A-Za-z][A-Za-z0-9.'’&]*)-?[а-яәғқңөұүһі]+\Z")
# Case endings that never end a nominative, tried on two-letter stems too ("үйдің", "істі" is left)
_SURE_SHORT = ("дің", "тің", "нің", "дың", "тың", "ның", "ге", "ке", "ға", "қа", "ден", "тен", "нен",
               "дан", "тан", "нан", "мен", "бен", "пен")


def _strip_short_stem(word: str) -> str:
    low = word.lower()
    for ending in _SURE_SHORT:
        if low.endswith(ending) and len(low) - len(ending) == 2 and kk_fits(low[: -len(ending)], ending):
            return word[: -len(ending)]
    return word


def dictionary_form_kk(words: list[str] | tuple[str, ...]) -> list[str]:
    """The dictionary form of a Kazakh name or phrase as a glossary lists it: :func:`nominative_kk`,
    an attributive locative removed too ("мектебіндегі" -> "мектебі"), and a lone noun's possessive
    dropped (it has no possessor: "университеті" -> "университет").

    >>> " ".join(dictionary_form_kk("Гарвард медицина мектебіндегі".split()))
    'Гарвард медицина мектебі'
    >>> dictionary_form_kk(["Үкіметі"]), dictionary_form_kk(["Кеңесінің"]), dictionary_form_kk(["Ақ", "үйдің"])
    (['Үкімет'], ['Кеңесі'], ['Ақ', 'үй'])
    >>> dictionary_form_kk(["Вандербильт", "Commodoresте"])
    ['Вандербильт', 'Commodores']
    >>> " ".join(dictionary_form_kk("Франция сыртқы істер министрлігінің".split()))
    'Франция сыртқы істер министрлігі'
    >>> " ".join(dictionary_form_kk("Қарулы Күштерінің".split())), " ".join(dictionary_form_kk("Жоғарғы Сотына".split()))
    ('Қарулы Күштер', 'Жоғарғы Сот')
    >>> " ".join(dictionary_form_kk("Ақсу ауруханасының және Балалар ауруханасының".split()))
    'Ақсу ауруханасы және Балалар ауруханасы'
    >>> " ".join(dictionary_form_kk("Қауіпсіздік кеңесі".split())), " ".join(dictionary_form_kk("азаматтық бостандық одағы".split()))
    ('Қауіпсіздік кеңесі', 'азаматтық бостандық одағы')
    """
    if not words:
        return []
    words = list(words)
    last = words[-1]
    low = last.lower()
    for ending in _LOCATIVE_ATTRIBUTIVE:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            rest = last[: -len(ending)]
            if ending[0] == "н" and rest.lower()[-1:] not in "ыі":
                continue
            words[-1] = rest
            break
    else:
        latin = _LATIN_WITH_ENDING.match(last)
        if latin:  # a name kept in Latin letters with a Kazakh ending: "Commodoresте", "HBO-ның"
            words[-1] = latin.group(1)
        else:
            words = nominative_kk(words)
            if words[-1] == last:
                words[-1] = _strip_short_stem(last)
    last = words[-1]
    head = base_kk(last.lower())
    for x in range(len(words) - 2):
        if words[x + 1].lower() in ("және", "мен") and base_kk(strip_case_kk(words[x]).lower()) == head != last.lower():
            # two names sharing their head noun, each with it: the case ending the first one took goes too
            # ("Бригам ауруханасының және Әйелдер ауруханасының" -> "Бригам ауруханасы және Әйелдер ауруханасы")
            words[x] = strip_case_kk(words[x])
    if (all(_adjective_kk(w) for w in words[:-1]) and not is_protected(last.lower())
            and not last.lower().endswith(("сы", "сі"))):
        # a lone noun, or one after adjectives alone (by their suffix), has no possessor: "университеті" -> "университет",
        # "Қарулы Күштері" -> "Қарулы Күштер", "Жоғарғы Соты" -> "Жоғарғы Сот" ("кеңесі" and "партиясы"
        # stay: кеңес+і or кеңе+сі cannot be told apart by form alone)
        base = base_kk(last.lower())
        if base != last.lower() and len(base) >= 3 and last[: len(base) - 1].lower() == base[:-1]:
            words[-1] = last[: len(base) - 1] + base[-1]
    return words


# Adjectives by their suffix, whatever the stem: -лы/-лі (having), -ғы/-гі/-қы/-кі (of a time or place),
# Arabic and Persian -и after a consonant. (Not -лық/-лік: an adjective after a noun, "Ұлттық", but an
# abstract noun after an adjective or a verb, "бостандық" freedom, "бірлестік" unification.)
_ADJECTIVE_KK_RE = re.compile(r"(?:лы|лі|ғы|гі|қы|кі|[^аәеиоөұүыіэюяу]и)$")


def _adjective_kk(word: str) -> bool:
    """Is a Kazakh word surely an adjective by its suffix ("Қарулы", "Жоғарғы", "саяси")?

    >>> [_adjective_kk(w) for w in ("Қарулы", "Жоғарғы", "саяси", "Ұлттық", "бостандық", "валюта", "Гарри")]
    [True, True, True, False, False, False, False]
    """
    low = word.lower()
    if not low.isalpha() or len(low) < 4:
        return False
    m = _ADJECTIVE_KK_RE.search(low)
    # (-и in lower case only: "саяси", but "Гарри" is a name)
    return m is not None and (word.islower() or not low.endswith("и"))


# Light verbs of Kazakh compound verbs ("шабуыл жасау" attack, "іске қосу" launch, "қаза табу" die,
# "көмек көрсету" help) and the verb endings they take: the verbal noun (-у), converbs (-п, -ып), participles
# (-ған, -қан, also plural "қаза тапқандар"), the past (-ды), the present-future (-ады) and the like.
_LIGHT_VERB_STEMS = (
    "жаса", "ет", "қыл", "қос", "тап", "бер", "ал", "көрсет", "жүргіз", "өткіз", "бол", "сал", "тарт",
)
_LIGHT_VERB_ENDINGS = frozenset((
    "у", "уы", "уға", "уге", "уда", "уде", "уын", "уін", "удың", "удің", "п", "ып", "іп",
    "ған", "ген", "қан", "кен", "ғандар", "гендер", "қандар", "кендер", "ғанда", "генде", "қанда", "кенде",
    "ғанын", "генін", "қанын", "кенін", "ды", "ді", "ты", "ті", "ады", "еді", "йды", "йді", "ар", "ер",
    "мақ", "мек", "пақ", "пек", "атын", "етін", "йтын", "йтін", "са", "се", "уші", "ушы",
))


@lru_cache(maxsize=100_000)
def is_light_verb_kk(word: str) -> bool:
    """Is ``word`` a form of a light verb, the verbal part of a compound verb ("жасап", "қосу", "тапқандар")?

    >>> [is_light_verb_kk(w) for w in ("жасап", "қосу", "тапқандар", "жасады", "кітап", "атау", "қоса")]
    [True, True, True, True, False, False, False]
    """
    low = word.lower()
    return any(low.startswith(stem) and low[len(stem):] in _LIGHT_VERB_ENDINGS for stem in _LIGHT_VERB_STEMS)


def kk_izafet_head(left: str, right: str, heads: frozenset[str] | set[str]) -> bool:
    """Whether ``right`` is one of the head nouns ``heads`` with the possessive of an izafet whose
    dependent ``left`` ends: "Ұлттар Ұйымы", "Йель университетінде"; not after a word that is
    itself such a head ("министрлігі департаменті" is two names).

    >>> heads = {"ұйым", "университет", "министрлік", "департамент"}
    >>> kk_izafet_head("Ұлттар", "Ұйымы", heads), kk_izafet_head("Йель", "университетінде", heads)
    (True, True)
    >>> kk_izafet_head("министрлігінің", "департаменті", heads), kk_izafet_head("Йель", "университет", heads)
    (False, False)
    """
    low = right.lower()
    bases = kk_bases(low) - {low}
    if not bases & set(heads) or not _POSSESSIVE_RE.search(strip_case_kk(low)):
        return False
    return not (kk_bases(left.lower()) - {left.lower()}) & set(heads)


_POSSESSIVE_RE = re.compile(r"(?:[ыі]|с[ыі])$")


_COUNTED = tuple(s for s in _BY_LENGTH if s.kind == PLURAL or s.form in ("мыз", "міз", "ымыз", "іміз"))


def kk_counted_form(bare: str, form: str) -> bool:
    """Is ``form`` the word ``bare`` with a plural or a first-person plural possessive right after it
    ("Ана" -> "Аналар", "Отан" -> "Отанымыздың", "Есік" -> "Есіктері")? A proper name is hardly ever
    counted or "ours": such forms mark a common noun.

    >>> [kk_counted_form("Ана", f) for f in ("Аналар", "Анамыздың", "Анасы", "Ананы")]
    [True, True, False, False]
    >>> kk_counted_form("Есік", "Есіктері"), kk_counted_form("Отан", "Отанына")
    (True, False)
    """
    low, rest = bare.lower(), form.lower()
    if len(rest) <= len(low) or not rest.startswith(low):
        return False
    rest = rest[len(low):]
    return any(rest.startswith(s.form) and _fits(low, s.harmony, s.after, s.form) for s in _COUNTED)
