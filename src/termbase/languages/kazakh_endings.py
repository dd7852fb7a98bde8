"""Kazakh: what a word's ending says -- the tests term extraction and mining ask of a word ("is it
in an oblique case?", "does it carry the izafet's possessive?", "does it look like a verb?").

The endings sit here, beside the suffix table and stripper of :mod:`termbase.languages.kazakh` that
they lean on; the detector (``extraction/detect/kk.py``) and the miner add what they know of names
and institutions. Each test looks at the written word only (no dictionary): "may be" in a name says
the ending allows the reading, "is" that the ending is sure.
"""

from __future__ import annotations

import re

from termbase.languages.kazakh import (
    base_kk, is_attributive_locative_kk, is_light_verb_kk, is_protected, kk_fits, strip_case_kk,
)


def is_possessed_kk(word: str) -> bool:
    """Does a noun carry the 3rd-person possessive of the izafet, whatever its case ("оркестрі",
    "министрлігінің")?

    >>> is_possessed_kk("министрлігінің"), is_possessed_kk("оркестрі"), is_possessed_kk("оркестр")
    (True, True, False)
    """
    stem = strip_case_kk(word).lower()
    return base_kk(stem) != stem


def is_possessed_nominative_kk(word: str) -> bool:
    """A noun with the izafet's possessive and no case ending after it ("қызметі", "министрлігі").

    >>> is_possessed_nominative_kk("қызметі"), is_possessed_nominative_kk("қызметінің")
    (True, False)
    """
    return strip_case_kk(word) == word and is_possessed_kk(word)


def has_sure_case_kk(word: str) -> bool:
    """Has a case ending that is surely one, never the end of a nominative (genitive, dative,
    ablative, instrumental: "Флориданың"; not the "-да" of "Флорида").

    >>> has_sure_case_kk("Флориданың"), has_sure_case_kk("Флорида"), has_sure_case_kk("Ақордада")
    (True, False, False)
    """
    return strip_case_kk(word, sure_only=True) != word


# The locative -да/-де/-та/-те, -нда/-нде after a possessive, and the attributive -ғы/-гі after it.
_LOCATIVE_RE = re.compile(r"(?:(н?)(да|де|та|те))(?:ғы|гі)?$")


def has_oblique_case_kk(word: str) -> bool:
    """Has a case ending that never occurs inside a name: a sure one (:func:`has_sure_case_kk`) or a
    locative (attributive too) whose stem fits it ("облысында", "Қазақстанда", "Арқалықтағы"; "сауда"
    is a word of its own).

    >>> [has_oblique_case_kk(w) for w in ("Үкіметке", "облысында", "Қазақстанда", "Арқалықтағы", "сауда", "Астана")]
    [True, True, True, True, False, False]
    """
    if has_sure_case_kk(word):
        return True
    low = word.lower()
    if is_protected(low):
        return False
    m = _LOCATIVE_RE.search(low)
    if m is None:
        return False
    stem = low[: m.start()]
    if m.group(1):  # -нда/-нде after a possessive: "облысында"
        if stem[-1:] in ("ы", "і"):
            return True
        stem += "н"  # ... or -да after a stem in н: "Қазақстанда", "Миланда"
    return len(stem) >= 3 and kk_fits(stem, m.group(2))


def locative_base_kk(word: str) -> str | None:
    """The lower-case base of a word that may be in the locative or the attributive locative
    ("Арқалықта", "Мәжілістегі"), its ending removed; None if it has no such ending. A reading only:
    "Флорида" gives "флори" (the caller asks whether the base is a place it knows).

    >>> locative_base_kk("Арқалықта"), locative_base_kk("Мәжілістегі"), locative_base_kk("Флорида")
    ('арқалық', 'мәжіліс', 'флори')
    >>> locative_base_kk("Астана") is None, locative_base_kk("Астанаға") is None
    (True, True)
    """
    low = word.lower()
    attributive = is_attributive_locative_kk(word)
    if not (has_oblique_case_kk(word) or attributive) or _LOCATIVE_RE.search(low) is None:
        return None
    bare = low[:-2] if attributive and low.endswith(("ғы", "гі")) else low
    bare = strip_case_kk(bare).lower()
    return None if bare == low else bare


def is_voiceless_locative_kk(word: str) -> bool:
    """Is a word surely in the locative: -та/-те (or the attributive -тағы/-тегі) after a voiceless
    consonant, which no name ends in ("Арқалықта", "Бішкектегі"), unlike -да/-де ("Флорида", "Канада")?

    >>> [is_voiceless_locative_kk(w) for w in ("Арқалықта", "Бішкектегі", "Флорида", "Петербургта")]
    [True, True, False, False]
    """
    bare = locative_base_kk(word)
    low = word.lower()
    return bare is not None and low[len(bare) : len(bare) + 2] in ("та", "те") and bare[-1:] in "кқпстшфхцч"


# A case ending after the possessive of the izafet: accusative -ын/-ін/-сын/-сін ("үлесін"), dative
# -ына/-іне, locative -ында/-інде, ablative -ынан/-інен.
_POSSESSIVE_CASE_RE = re.compile(
    r"(?:[^аәеиоөұүыіэюяу](?:ы|і)|[аәеоөұүыіэюя](?:сы|сі))(н|на|не|нда|нде|нан|нен)$")
# The accusative after the possessive (-ын/-ін, -сын/-сін): "зардаптарын жою".
_POSSESSIVE_ACCUSATIVE_RE = re.compile(r"(?:[^аәеиоөұүыіэюяу][ыі]н|[аәеоөұүыіэюя]с[ыі]н)$")


def possessive_case_kk(word: str) -> str | None:
    """The case ending after the izafet's possessive that a word ends in: accusative -н ("үлесін"),
    dative -на/-не ("облысына"), locative -нда/-нде ("ауданында", "бөлімшесінде"), ablative -нан/-нен
    ("министрлігінен"); None if none. By its ending alone.

    >>> [possessive_case_kk(w) for w in ("үлесін", "облысына", "ауданында", "министрлігінен", "облысы", "қала")]
    ['н', 'на', 'нда', 'нен', None, None]
    """
    m = _POSSESSIVE_CASE_RE.search(word.lower())
    return None if m is None else m.group(1)


def has_possessive_case_kk(word: str) -> bool:
    """Does a word end in the izafet's possessive and a case ending after it (:func:`possessive_case_kk`)?

    >>> [has_possessive_case_kk(w) for w in ("үлесін", "облысына", "ауданында", "облысы", "қала")]
    [True, True, True, False, False]
    """
    return _POSSESSIVE_CASE_RE.search(word.lower()) is not None


def is_possessive_accusative_kk(word: str) -> bool:
    """Does a word end in the possessive and the accusative (-ын/-ін after a consonant, -сын/-сін after
    a vowel: "зардаптарын", "мәселесін")? By its ending alone ("ойын", game, ends so too).

    >>> is_possessive_accusative_kk("зардаптарын"), is_possessive_accusative_kk("мәселесін"), is_possessive_accusative_kk("зардаптары")
    (True, True, False)
    """
    return _POSSESSIVE_ACCUSATIVE_RE.search(word.lower()) is not None


# Any allomorph of the accusative (-ны/-ні, -ды/-ді, -ты/-ті); the past tense of verbs ends so too.
_ACCUSATIVE_END_RE = re.compile(r"(?:ны|ні|ды|ді|ты|ті)$")
# -ны/-ні after a vowel: the accusative, no verb form ("елорданы").
_VOWEL_ACCUSATIVE_RE = re.compile(r"[аәеоөұүэюя](?:ны|ні)$")


def may_be_accusative_kk(word: str) -> bool:
    """Does a word end like the accusative (-ны/-ні, -ды/-ді, -ты/-ті)? The past tense of a verb ends so
    too ("келді"): the caller knows the context ("халықты әлеуметтік қорғау": the object of a verbal noun).

    >>> may_be_accusative_kk("халықты"), may_be_accusative_kk("келді"), may_be_accusative_kk("халық")
    (True, True, False)
    """
    return _ACCUSATIVE_END_RE.search(word.lower()) is not None


def is_vowel_accusative_kk(word: str) -> bool:
    """Is a word in the accusative -ны/-ні after a vowel ("Елорданы", "мәселені")? (After a consonant
    -ды/-ді/-ты/-ті is also the past tense of verbs.)

    >>> is_vowel_accusative_kk("Елорданы"), is_vowel_accusative_kk("мәселені"), is_vowel_accusative_kk("келді")
    (True, True, False)
    """
    return _VOWEL_ACCUSATIVE_RE.search(word.lower()) is not None


_DATIVE_RE = re.compile(r"(?:ға|ге|қа|ке|на|не|а|е)$")


def may_be_dative_kk(word: str) -> bool:
    """Does a word end like the dative (-ға/-ге/-қа/-ке, -на/-не and -а/-е after a possessive)? By
    its ending alone: the caller asks it of the word a postposition governs ("жемқорлыққа қарсы").

    >>> may_be_dative_kk("жемқорлыққа"), may_be_dative_kk("терроризмге"), may_be_dative_kk("жемқорлық")
    (True, True, False)
    """
    return _DATIVE_RE.search(word.lower()) is not None


# The dative and the instrumental: the arguments of a verbal noun ("еңбекпен қамту", "жәбірленушілерге көмек").
_ARGUMENT_RE = re.compile(r"(?:ға|ге|қа|ке|на|не|мен|бен|пен)$")


def is_dative_or_instrumental_kk(word: str) -> bool:
    """Is a word surely in the dative or the instrumental ("жәбірленушілерге", "еңбекпен")? The ending
    must be one :func:`has_sure_case_kk` takes off (a word of three letters or more before it, which it
    fits: "Ақтөбе" is no "Ақтө" + бе).

    >>> [is_dative_or_instrumental_kk(w) for w in ("жәбірленушілерге", "еңбекпен", "кеңесі", "еңбек")]
    [True, True, False, False]
    """
    return _ARGUMENT_RE.search(word.lower()) is not None and has_sure_case_kk(word)


# Adjectives in -ты/-ті/-ды/-ді ("жергілікті", "уәкілетті", "тұрақты"): the past tense ends so too.
_TY_ADJECTIVE_RE = re.compile(r"(?:ты|ті|ды|ді)$")


def may_be_ty_adjective_kk(word: str) -> bool:
    """Does a word end like an adjective in -ты/-ті/-ды/-ді ("жергілікті", "уәкілетті", "тұрақты")? By
    its ending alone: a verb's past tense ends so too ("келді"), the caller looks at the words around it.

    >>> may_be_ty_adjective_kk("жергілікті"), may_be_ty_adjective_kk("тұрақты"), may_be_ty_adjective_kk("орган")
    (True, True, False)
    """
    return _TY_ADJECTIVE_RE.search(word) is not None


def may_be_verbal_noun_kk(word: str) -> bool:
    """Does a word end like a verbal noun in -у/-ю ("қорғау", "жою")? By its ending alone.

    >>> may_be_verbal_noun_kk("қорғау"), may_be_verbal_noun_kk("жою"), may_be_verbal_noun_kk("қорғаныс")
    (True, True, False)
    """
    return word.lower().endswith(("у", "ю"))


# The plural, the possessive after it optional: "орталықтары", "істер".
_PLURAL_RE = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?$")


def is_plural_kk(word: str) -> bool:
    """Does a word end in the plural, with the possessive or without ("орталықтары", "істер",
    "Жаралылар")? By its ending alone, no case after it.

    >>> is_plural_kk("орталықтары"), is_plural_kk("істер"), is_plural_kk("орталығы"), is_plural_kk("істерге")
    (True, True, False, False)
    """
    return _PLURAL_RE.search(word.lower()) is not None


def plural_stem_kk(word: str) -> str | None:
    """A lower-case word without its plural ending and the possessive after it ("органдары" -> "орган",
    "істер" -> "іс"), or None if it has none.

    >>> plural_stem_kk("органдары"), plural_stem_kk("істер"), plural_stem_kk("орган")
    ('орган', 'іс', None)
    """
    m = _PLURAL_RE.search(word)
    return None if m is None else word[: m.start()]


_BARE_LOCATIVE_RE = re.compile(r"(?:да|де|та|те)$")


def is_bare_locative_kk(word: str) -> bool:
    """Is a lower-case word in the locative after a bare stem ("тоқсанда", "кеңседе"), the stem fitting
    the ending? Not "сауда" (a word of its own), nor a short word ("жаңа" is not "жаң" + а).

    >>> [is_bare_locative_kk(w) for w in ("тоқсанда", "кеңседе", "мектепте", "сауда", "жерде", "бұда")]
    [True, True, True, False, True, False]
    """
    m = _BARE_LOCATIVE_RE.search(word)
    return m is not None and not is_protected(word) and len(word) - 2 >= 3 and kk_fits(word[:-2], m.group())


# The relational adjective's suffix -лық/-лік/-дық/-дік/-тық/-тік ("ұлттық", "облыстық"), -лы/-лі
# ("деңгейлі") and the Arabic and Persian -и after a consonant ("саяси").
_RELATIONAL_RE = re.compile(r"(?:лық|лік|дық|дік|тық|тік|лы|лі|[^аәеиоөұүыіэюяу]и)$")
_LYK = ("лық", "дық", "тық", "лік", "дік", "тік")


def is_relational_adjective_kk(word: str) -> bool:
    """Does a word end like a relational adjective ("ұлттық", "мемлекеттік", "деңгейлі", "саяси")?

    >>> [is_relational_adjective_kk(w) for w in ("ұлттық", "Мемлекеттік", "деңгейлі", "саяси", "ұлт")]
    [True, True, True, True, False]
    """
    return _RELATIONAL_RE.search(word.lower()) is not None


def looks_adjectival_kk(word: str) -> bool:
    """Does a word end like an adjective: a relational one (:func:`is_relational_adjective_kk`) or the
    attributive -ғы/-гі/-қы/-кі ("ішкі", "соңғы", "сыртқы")?

    >>> [looks_adjectival_kk(w) for w in ("ұлттық", "жұқпалы", "саяси", "ішкі", "соңғы", "орган")]
    [True, True, True, True, True, False]
    """
    return is_relational_adjective_kk(word) or word.lower().endswith(("ғы", "гі", "қы", "кі"))


def lyk_base_kk(word: str) -> str | None:
    """The noun a lower-case word in -лық/-лік/-дық/-дік/-тық/-тік is made from ("облыстық" -> "облыс",
    "өңірлік" -> "өңір"), or None.

    >>> lyk_base_kk("облыстық"), lyk_base_kk("өңірлік"), lyk_base_kk("облыс")
    ('облыс', 'өңір', None)
    """
    return word[:-3] if word.endswith(_LYK) else None


# Adjectives that never head a noun phrase: privative -сыз/-сіз ("қауіпсіз"), -ғы/-гі ("бүгінгі",
# "соңғы"), Arabic and Persian loans in -и after a consonant ("саяси", "ғылыми", "рухани") ...
_ADJECTIVE_RE = re.compile(r"(?:сыз|сіз|ғы|гі|[^аәеиоөұүыіэюяу]и)$")
# ... but the possessive of a noun in -лық/-лік is no adjective in -ғы/-гі: "орталығы", "министрлігі".
_LYK_POSSESSIVE_RE = re.compile(r"[лдт](?:ығы|ігі|ұғы|үгі)$")


def is_adjective_kk(word: str) -> bool:
    """Does a word end like an adjective that never heads a noun phrase ("қауіпсіз", "соңғы",
    "бүгінгі", "саяси")? Not a noun in -лық with its possessive ("орталығы").

    >>> [is_adjective_kk(w) for w in ("қауіпсіз", "соңғы", "бүгінгі", "саяси", "орталығы", "саясат")]
    [True, True, True, True, False, False]
    """
    low = word.lower()
    return _ADJECTIVE_RE.search(low) is not None and _LYK_POSSESSIVE_RE.search(low) is None


# A noun with the possessive of the izafet ("учаскесі", "саны") or in the plural ("қызметтер"); not
# -лы/-лі adjectives ("жұқпалы"), nor the attributive -ғы/-гі/-қы/-кі ("ішкі", "соңғы"); -ды/-ді/
# -ты/-ті words are taken for verbs before this is asked.
_HEAD_RE = re.compile(
    r"(?:[аәеоөұүыіэюя](?:сы|сі)|[бвгжзйкмнңпрсфхцчшщһ](?<![ғгқк])(?:ы|і)|(?:лар|лер|дар|дер|тар|тер)"
    r"|[лдт](?:ығы|ігі|ұғы|үгі))$"  # the possessive of a noun in -лық/-лік: "орталығы", "министрлігі"
)
# Words that end so and are none: adverbs, adjectives, a loan.
_NOT_HEAD = frozenset(("жоғары", "ірі", "әрі", "ары", "кері", "доллар"))


def heads_noun_phrase_kk(word: str) -> bool:
    """Does a lower-case word of five letters or more end as the head of a noun phrase does: the
    izafet's possessive ("учаскесі", "министрлігі") or the plural ("қызметтер")? Not the attributive
    -ғы/-гі/-қы/-кі ("соңғы", "сыртқы"), nor "жоғары".

    >>> [heads_noun_phrase_kk(w) for w in ("учаскесі", "министрлігі", "қызметтер", "сыртқы", "жоғары", "саны")]
    [True, True, True, False, False, False]
    """
    return len(word) > 4 and word not in _NOT_HEAD and _HEAD_RE.search(word) is not None


# First-person plural possessives on a title: "Президентіміз", "Елбасымыз" (our President).
_OUR_RE = re.compile(r"(?:ымыз|іміз|мыз|міз)$")


def strip_our_kk(word: str) -> str:
    """A lower-case word without the 1st-person plural possessive, the longest reading ("президентіміз"
    -> "президент"; "елбасымыз" -> "елбас": the caller tries "елбасы" too); the word itself if it has none.

    >>> strip_our_kk("президентіміз"), strip_our_kk("елбасымыз"), strip_our_kk("президент")
    ('президент', 'елбас', 'президент')
    """
    return _OUR_RE.sub("", word, count=1)


# Verb forms: the past (-ды, -ты, -ған ...), converbs (-ып), the future (-мақ), the present
# continuous (-уда), person endings (-ңыз, -мыз), the present (-ады, -айды) and the like.
_VERBLIKE_RE = re.compile(
    r"(?:ды|ді|ты|ті|ған|ген|қан|кен|ып|іп|йды|йді|мақ|мек|пақ|пек|бақ|бек|уда|уде|йық|йік|ңыз|ңіз|мыз|міз|ады|еді|айды|ейді"
    r"|ңдар|ңдер)$"
)
# ... and those the pattern above leaves out: participles (-атын), conditionals (-са), person endings.
_VERB_EXTRA_RE = re.compile(
    r"(?:ады|еді|йды|йді|атын|етін|йтын|йтін|уда|уде|ған|ген|қан|кен|са|се|мын|мін|пын|пін|бын|бін|ыр|ір)$"
)
# Participles in -атын/-етін ("жұмыс істейтін").
_PARTICIPLE_RE = re.compile(r"(?:атын|етін|йтын|йтін)$")
# Converbs in -п after a vowel ("атап", "қарап", "істеп").
_CONVERB_RE = re.compile(r"(?:[аәеоөұүыі]п)$")
# Passive verbs: -л/-ыл/-іл before the tense ("тіркелді", "ашылған", "жасалады").
_PASSIVE_RE = re.compile(r"л(?:ды|ді|ған|ген|ады|еді|атын|етін|уда|уде|мақ|мек)$")


def looks_verbal_kk(word: str) -> bool:
    """Does a lower-case word end like a verb form ("жасады", "келген")? Not a word of its own that
    only looks so ("сауда"). Nouns in -ты/-ті end so too ("саясаты"): see :func:`termbase.languages.kazakh.is_t_stem_possessive_kk`.

    >>> [looks_verbal_kk(w) for w in ("жасады", "келген", "атқаруда", "сауда", "министрлік")]
    [True, True, True, False, False]
    """
    return _VERBLIKE_RE.search(word) is not None and not is_protected(word)


def may_be_verb_kk(word: str) -> bool:
    """Could a lower-case word be a verb form: :func:`looks_verbal_kk`, a participle, a conditional or
    a person ending ("істейтін", "келсе", "білемін"), or a light verb (:func:`is_light_verb_kk`)?

    >>> [may_be_verb_kk(w) for w in ("істейтін", "келсе", "білемін", "жасап", "министрлік")]
    [True, True, True, True, False]
    """
    return looks_verbal_kk(word) or _VERB_EXTRA_RE.search(word) is not None or is_light_verb_kk(word)


def is_participle_kk(word: str) -> bool:
    """Is a lower-case word a participle in -атын/-етін ("істейтін", "жасайтын")?

    >>> is_participle_kk("істейтін"), is_participle_kk("жасайтын"), is_participle_kk("істеді")
    (True, True, False)
    """
    return _PARTICIPLE_RE.search(word) is not None


def ends_like_converb_kk(word: str) -> bool:
    """Does a lower-case word end like a converb in -п after a vowel ("атап", "қарап", "істеп")? By its
    ending alone: the caller asks whether a verb follows ("атап өтті").

    >>> ends_like_converb_kk("атап"), ends_like_converb_kk("істеп"), ends_like_converb_kk("кітап"), ends_like_converb_kk("ат")
    (True, True, True, False)
    """
    return _CONVERB_RE.search(word) is not None


def is_passive_verb_kk(word: str) -> bool:
    """Is a word a passive verb form (-л before the tense: "тіркелді", "ашылған", "жасалады")? "Бол-"
    (be) is none.

    >>> [is_passive_verb_kk(w) for w in ("тіркелді", "ашылған", "жасалады", "болды", "жасады")]
    [True, True, True, False, False]
    """
    low = word.lower()
    return _PASSIVE_RE.search(low) is not None and not low.startswith("бол")
