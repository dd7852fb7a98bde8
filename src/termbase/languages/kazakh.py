"""Kazakh: letters, and our own suffix stripper (Snowball has no Kazakh stemmer).

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

from functools import lru_cache
from importlib.resources import files

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

# (suffix, harmony "b"/"f"/None, letters it may follow or _AFTER_POSS)
_SUFFIXES: list[tuple[str, str | None, str]] = []


def _add(back: str, front: str | None, after: str) -> None:
    if front is None:
        _SUFFIXES.append((back, None, after))
    else:
        _SUFFIXES.append((back, "b", after))
        _SUFFIXES.append((front, "f", after))


# Case.
_add("ның", "нің", _VOW + _NAS)  # genitive
_add("дың", "дің", "лр" + _SEMI + _VOI + _LOAN)
_add("тың", "тің", _VL + _LOAN)
_add("ны", "ні", _VOW)  # accusative
_add("ды", "ді", "лр" + _SEMI + _VOI + _NAS + _LOAN)
_add("ты", "ті", _VL + _LOAN)
_add("н", None, _AFTER_POSS)
_add("ға", "ге", _VOW + _SEMI + "лр" + _VOI + _NAS + _LOAN)  # dative
_add("қа", "ке", _VL + _LOAN)
_add("на", "не", _AFTER_POSS)
_add("да", "де", _VOW + _SEMI + "лр" + _VOI + _NAS + _LOAN)  # locative
_add("та", "те", _VL + _LOAN)
_add("нда", "нде", _AFTER_POSS)
_add("дан", "ден", _VOW + _SEMI + "лр" + _VOI + _LOAN)  # ablative
_add("нан", "нен", _NAS)
_add("нан", "нен", _AFTER_POSS)
_add("тан", "тен", _VL + _LOAN)
for _form in ("мен", "менен"):  # instrumental: front only, no harmony
    _add(_form, None, _VOW + _SEMI + "лр" + _NAS)
for _form in ("бен", "бенен"):
    _add(_form, None, _VOI + _NAS + _LOAN)
for _form in ("пен", "пенен"):
    _add(_form, None, _VL + _LOAN)
_add("дағы", "дегі", _VOW + _SEMI + "лр" + _VOI + _NAS + _LOAN)  # locative + attributive -ғы
_add("тағы", "тегі", _VL + _LOAN)
_add("ндағы", "ндегі", _AFTER_POSS)
# Possessive: 3rd person and 1st plural ("еліміз" our country, frequent in the news).
_add("сы", "сі", _VOW)
_add("ы", "і", _CONS)
_add("мыз", "міз", _VOW)
_add("ымыз", "іміз", _CONS)
# Plural.
_add("лар", "лер", _VOW + _SEMI + "р")
_add("дар", "дер", "л" + _NAS + _VOI)
_add("тар", "тер", _VL + _LOAN)

_BY_LENGTH = sorted(_SUFFIXES, key=lambda s: -len(s[0]))
_FORMS_BY_LENGTH = tuple(dict.fromkeys(s[0] for s in _BY_LENGTH))
_AMBIGUOUS = frozenset(("сы", "сі", "ны", "ні"))  # ...Vсы: кеңес+і or мәселе+сі
_DEVOICE = str.maketrans("гғб", "кқп")


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], dict[str, str]]:
    folder = files("termbase.languages") / "data"
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
    for c in reversed(stem):
        if c in _BACK:
            ok.add("b")
            break
        if c in _FRONT:
            ok.add("f")
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


def _fits(rest: str, harmony: str | None, after: str, form: str = "") -> bool:
    if not _viable(rest):
        return False
    if harmony is not None and harmony not in _harmony(rest):
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
    for form, harmony, after in _BY_LENGTH:
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
