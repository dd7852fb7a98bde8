"""Russian: pymorphy3 analyses (one analyser per process), match keys and nominative forms.

- Match keys are pymorphy3 lemmas, the nominal reading preferred (:func:`lemma_russian`), with the
  capitalised surnames pymorphy3's dictionary lacks keyed by their masculine base ("Токаева",
  "Токаеву" -> the key of "Токаев"): :func:`key_russian`.
- What extraction needs to know about a word, all its readings together: :func:`ru_word`.
- The citation (nominative) form of a noun phrase or a person's name: :func:`nominative_ru`.
- Every form of a lemma, for the check's prefilter: :func:`russian_word_forms`.

Measured by ``scripts/bench_stemmers.py`` on case/number forms of institution words: pymorphy3
merges 97% of the words' forms, Snowball (PyStemmer) 91%, because Snowball cuts "Казахстан" to
"казахста" but "Казахстану" to "казахстан", "орган" to "орга" (it takes -ан for a verb ending)
and "Ассамблеи" to "ассамбл" but "Ассамблея" to "ассамбле". Snowball is 45-75x faster, which the
key cache makes irrelevant: a corpus has far fewer distinct words than tokens.

Every cache here is bounded, so memory stays flat however long the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from termbase.errors import TermbaseError
from termbase.languages._cache import BoundedCache
from termbase.languages.stopwords import stopwords


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The pymorphy3 analyser of this process (loaded on first use: about 0.3 s and 15 MB).

    Every Russian analysis of termbase goes through it: a second one would cost the memory again.
    """
    try:
        import pymorphy3
    except ImportError as exc:  # a key from another method would not match stored keys
        raise TermbaseError(
            "Russian needs pymorphy3 and pymorphy3-dicts-ru: pip install pymorphy3 pymorphy3-dicts-ru"
        ) from exc
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1)
def _dictionary_unit() -> type:
    from pymorphy3.units.by_lookup import DictionaryAnalyzer

    return DictionaryAnalyzer


# ------------------------------------------------------------------------------------------ readings
NAME, SURN, PATR, GEOX, ORGN, ABBR, ANIM = 1, 2, 4, 8, 16, 32, 64  # ANIM: an animate noun ("шеф", "астронавта")
_FLAG_BITS = {"Name": NAME, "Surn": SURN, "Patr": PATR, "Geox": GEOX, "Orgn": ORGN, "Abbr": ABBR, "anim": ANIM}
_VERBAL = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"})


@dataclass(frozen=True)
class RuWord:
    """What is known about one Russian word form, all its readings together."""

    lemma: str  # lemma_russian's: of the first nominal reading, ё as е
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


_ru_cache = BoundedCache()
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


def _lemma(parses) -> str:
    # Terms are names and noun phrases: when a word can be read as a noun/adjective or as a
    # verb form, the nominal reading wins ("Капшагай" is a town, not the imperative of
    # "капшагать"); the same choice for every form keeps "Капшагай"/"Капшагае" together.
    # (The part of speech through _tag_info: pymorphy3 works a tag's POS out anew on each access.)
    for p in parses:
        if _tag_info(p.tag)[0] not in _VERBAL:
            return p.normal_form.replace("ё", "е")
    return parses[0].normal_form.replace("ё", "е")


def ru_word(word: str) -> RuWord:
    """The readings of a Russian word (any case of letters), cached.

    >>> w = ru_word("Министерством")
    >>> w.lemma, sorted(w.noun_cases), w.known
    ('министерство', ['ablt'], True)
    """
    hit = _ru_cache.get(word)
    if hit is not None:
        return hit
    low = word.lower()
    hit = _ru_cache.get(low)
    if hit is not None:
        return _ru_cache.put(word, hit)  # the capitalised form too: detectors ask about it again
    parses = analyzer().parse(low)
    noun, adj = set(), set()
    flags = 0
    other = False
    readings = []
    lemma = None
    for p in parses:
        pos, case, bits, number, gender, fixed, irregular = _tag_info(p.tag)
        if lemma is None and pos not in _VERBAL:
            lemma = p.normal_form
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
        lemma=(lemma if lemma is not None else first.normal_form).replace("ё", "е"),
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


# ---------------------------------------------------------------------------------------------- keys
def lemma_russian(word: str) -> str:
    """The lemma of a normalised (lower-case) Russian word, its nominal reading preferred, ё as е.

    >>> [lemma_russian(w) for w in ("генеральной", "прокуратуре", "казахстана", "капшагай")]
    ['генеральный', 'прокуратура', 'казахстан', 'капшагай']

    A word :func:`ru_word` has analysed costs nothing more; others are parsed, uncached (use
    :func:`termbase.languages.word_key`, which caches).
    """
    hit = _ru_cache.get(word)
    if hit is not None:
        return hit.lemma
    if _ANY_CYRILLIC.search(word) is None:
        return word  # what pymorphy3 gives (no word of its dictionary is without Cyrillic), unloaded
    return _lemma(analyzer().parse(word))


#: Any Cyrillic letter. A word without one is its own lemma: pymorphy3's dictionary holds only
#: Cyrillic words, and its other analysers keep a Latin word, a number or a sign as it is
#: (tests/languages/test_russian.py checks both), so a Latin query costs no dictionary load.
_ANY_CYRILLIC = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")


# Russian surnames in -ов/-ев/-ин (Токаев, Токаева, Токаеву): pymorphy guesses them poorly when unknown.
_RU_SURNAME_RE = re.compile(r"^([А-ЯЁ][а-яё-]+(?:ов|ев|ёв|ин|ын))(а|у|ым|ом|е|ой|ых)?$")


def surname_base_ru(word: str) -> str | None:
    """The masculine base of a capitalised word shaped like a surname in -ов/-ев/-ин, else None.

    An inflected form counts unless the dictionary has it, and not as a surname: "Токаева" and
    "Ивановой" are surnames, "Украине" and "Молдове" are not (their -ин-е, -ов-е is no surname's).

    >>> [surname_base_ru(w) for w in ("Токаевым", "Ивановой", "Токаев", "Украине", "токаева")]
    ['Токаев', 'Иванов', 'Токаев', None, None]
    """
    m = _RU_SURNAME_RE.match(word)
    if m is None:
        return None
    if m.group(2):
        info = ru_word(word)
        if info.known and not info.flags & SURN:
            return None
    return m.group(1)


def key_russian(word: str, norm: str) -> str:
    """The match key of a Russian word: ``word`` as written, ``norm`` its ``normalize``-d form.

    A lemma (:func:`lemma_russian`); but a form of a surname (:func:`surname_base_ru`) gets the key of
    its masculine base, so the forms of a surname meet ("Токаеву" and "Токаев", which the dictionary
    reads as a plural of "токай"; "Сёмина" and "Сёмин", a base the dictionary lacks keyed as written),
    while the words the dictionary has keep their lemma ("Министров" -> "министр", "Украине" ->
    "украина"). A name of capitalised parts joined by hyphens is keyed part by part ("Касым-Жомарта"
    -> "касым-жомарт").

    >>> [key_russian(w, w.lower()) for w in ("Токаев", "Токаеву", "Сёмина", "Министров", "Украине")]
    ['токай', 'токай', 'семин', 'министр', 'украина']
    >>> key_russian("Касым-Жомарта", "касым-жомарта"), key_russian("Нур-Султаном", "нур-султаном")
    ('касым-жомарт', 'нур-султан')
    """
    if "-" in norm and word[:1].isupper():
        parts = norm.split("-")
        starts = [0]
        for part in parts[:-1]:
            starts.append(starts[-1] + len(part) + 1)
        if all(parts) and all(word[i].isupper() for i in starts):
            return "-".join(key_russian(word[i : i + len(p)], p) for i, p in zip(starts, parts))
    base = surname_base_ru(word)
    if base is not None:
        if len(base) < len(word):
            return key_russian(base, norm[: len(base)])
        if not ru_word(norm).known:
            return norm.replace("ё", "е")
    return lemma_russian(norm)


# ------------------------------------------------------------------------------------ word forms
_DEGREES = frozenset({"Supr", "COMP"})


def russian_word_forms(lemma: str, *, degrees: bool = False, guesses: bool = True) -> frozenset[str]:
    """Every form of every word whose lemma is ``lemma``, by pymorphy3's dictionary (ё as е).

    ``lemma`` is a match key (:func:`lemma_russian`: lower case, ё as е). All homographs with that
    lemma count ("посол" the ambassador and "посол" the salting). Suppletive forms are included
    ("люди" of "человек"); comparative and superlative degrees of adjectives ("выше", "высший",
    "наивысший" of "высокий") only with ``degrees=True``. For a word the dictionary does not have,
    the forms of the paradigms pymorphy3 guesses for it, unless ``guesses=False``; empty when no
    reading has that lemma.

    >>> sorted(russian_word_forms("мажилис"))
    ['мажилис', 'мажилиса', 'мажилисам', 'мажилисами', 'мажилисах', 'мажилисе', 'мажилисов', 'мажилисом', 'мажилису', 'мажилисы']
    >>> sorted(f for f in russian_word_forms("человек") if not f.startswith("чел"))
    ['людей', 'люди', 'людьми', 'людям', 'людях']
    >>> "наивысший" in russian_word_forms("высокий"), "наивысший" in russian_word_forms("высокий", degrees=True)
    (False, True)
    >>> sorted(russian_word_forms("nur")), russian_word_forms("nur", guesses=False)
    (['nur'], frozenset())
    """
    if not lemma:
        return frozenset()
    return frozenset(
        form.word.replace("ё", "е")
        for parse in analyzer().parse(lemma)
        if parse.normal_form.replace("ё", "е") == lemma and (guesses or parse.is_known)
        for form in parse.lexeme
        if degrees or not (_DEGREES & form.tag.grammemes)
    )


# ------------------------------------------------------------------------------------ nominative
def _match_case(template: str, word: str) -> str:
    """``word`` written in the capitals of ``template``, part by part in a hyphenated name
    ("Сент-Джонстоне" -> "Сент-Джонстон", not "Сент-джонстон").

    >>> _match_case("Сент-Джонстоне", "сент-джонстон"), _match_case("ООН", "оон"), _match_case("Генеральной", "генеральная")
    ('Сент-Джонстон', 'ООН', 'Генеральная')
    """
    if template.isupper() and len(template) > 1:
        return word.upper()
    t_parts, w_parts = template.split("-"), word.split("-")
    if len(t_parts) > 1 and len(t_parts) == len(w_parts):
        return "-".join(_match_case(t, w) if t and w else w for t, w in zip(t_parts, w_parts))
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_inflect_cache = BoundedCache(50_000)


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
    for p in analyzer().parse(low):
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


_nominative_cache = BoundedCache(50_000)
_FUNCTION_POS = frozenset(("CONJ", "PREP", "PRCL", "INTJ"))


def nominative_ru(words: list[str]) -> list[str]:
    """The citation form of a Russian noun phrase or name.

    The leading adjectives and the head noun go to the nominative, agreeing in gender and number;
    the genitive words after the head stay as they are. Names of people (Name/Surn/Patr readings)
    all go to the nominative.

    >>> " ".join(nominative_ru("Министерством внутренних дел".split()))
    'Министерство внутренних дел'
    >>> " ".join(nominative_ru("Генеральной прокуратуре".split()))
    'Генеральная прокуратура'
    >>> " ".join(nominative_ru("PGA Америки".split()))
    'PGA Америки'
    >>> " ".join(nominative_ru("Сборной США".split())), " ".join(nominative_ru("сборной Канады".split()))
    ('Сборная США', 'сборная Канады')
    >>> " ".join(nominative_ru("северной Канады".split())), " ".join(nominative_ru("управляющей компании".split()))
    ('северная Канада', 'управляющая компания')
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
        base = surname_base_ru(words[-1])
        ending = words[-1][len(base):]
        out = []
        female = ending == "ой"  # "Ивановой": only a woman's surname ends so
        for w, info in zip(words[:-1], infos):
            if info.flags & NAME and info.known:
                w = _inflect_ru(w, ("NOUN",), None, {"nomn"})[0]
                female = female or bool(info.first_flags & NAME and info.readings and info.readings[0][3] == "femn")
            elif not info.known and ending and w.endswith(ending) and w[-len(ending) - 1] not in "аеёиоуыэюяьй":
                w = w[: -len(ending)]  # the surname's ending on an unknown first name: Касым-Жомарта Токаева
            out.append(w)
        # a woman's surname has its own nominative: Ирина Петрова, Анной Ивановой -> Анна Иванова
        return out + [base + "а" if female else base]
    if len(words) > 1 and all(w[:1].isupper() for w in words) and (
        infos[0].first_flags & (NAME | SURN) or not any(i.known for i in infos)
    ):
        # a foreign person (Бретта Кавано, Ким Чен Ыном) or a name of words the dictionary does not know
        # (Масахару Коно, Синдзи Харада: no head noun to decline): known first names by their Name
        # reading, unknown words without the case ending they were given, when it is unambiguous
        return [
            (_inflect_ru(w, ("NOUN",), None, {"nomn"})[0] if info.first_case != "nomn" else w)
            if info.known and info.first_flags & NAME else w if info.known else _foreign_base_ru(w)
            for w, info in zip(words, infos)
        ]
    if infos and infos[0].first_pos in _FUNCTION_POS:
        return list(words)  # a title that begins with a preposition: «Об охране памятников»
    if len(words) > 1 and words[0].isascii() and words[0][:1].isalpha() and not words[1].isascii():
        # a Latin name is the head and does not decline; the Russian words after it depend on it
        # ("PGA Америки", "BBC Северной Ирландии")
        return list(words)
    # the head is a noun, not a function word the dictionary also has as a noun ("и", the letter's name:
    # "Иммиграционной и таможенной службы")
    nominal = [i.noun_cases and i.first_pos not in _FUNCTION_POS for i in infos]
    head = next((k for k, i in enumerate(infos) if nominal[k] and not i.adj_cases), None)
    if head is None:
        head = next((k for k, i in enumerate(infos) if nominal[k]), None)
    if head is None:
        return list(words)
    if head > 0 and _proper_dependent(words[head], infos[head]) and infos[head - 1].adj_cases and any(
            r[0] == "NOUN" for r in infos[head - 1].readings):
        # an adjective used as a noun heads the name of what follows in the genitive: "Сборной США" ->
        # "Сборная США", "сборной Канады" -> "сборная Канады" (not "Сборные США", agreeing with США)
        head -= 1
        return _with_nominative_head(words, infos, head, {r[1] for r in infos[head].readings if r[0] == "NOUN" and r[1]})
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
    return _with_nominative_head(words, infos, head, cases)


def _with_nominative_head(words, infos, head: int, cases: set) -> list[str]:
    """``words`` with the head word ``head`` in the nominative (read in one of ``cases``) and the
    adjectives before it agreeing with it."""
    out = list(words)
    out[head], agree = _head_nominative(words[head], infos[head], cases)
    if agree is not None:
        for k in range(head):
            if infos[k].adj_cases:
                out[k] = _adjective_agreeing(words[k], infos[k], agree)
    return out


def _proper_dependent(word: str, info: RuWord) -> bool:
    """A state's or body's acronym ("США") or a place's name in the genitive ("Канады"): after an
    adjective used as a noun it is that noun's dependent, not the head it agrees with."""
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return True
    return word[:1].isupper() and bool(info.flags & GEOX) and "gent" in info.noun_cases


_FOREIGN_ENDING_RE = re.compile(r"^(.{2,}?)(?:ом|ем|ым)$|^(.*([бвгдзклмнпрстфх])\3)[ауе]$")


def _foreign_base_ru(word: str) -> str:
    """A foreign name not in the dictionary without the Russian case ending written on it, when the
    ending is unambiguous: an instrumental "-ом" ("Ыном" -> "Ын"), or "-а/-у/-е" after a double consonant
    ("Бретта" -> "Бретт", "Скотту" -> "Скотт"); else the word as it is.

    >>> [_foreign_base_ru(w) for w in ("Ыном", "Бретта", "Кавано", "Флейка")]
    ['Ын', 'Бретт', 'Кавано', 'Флейка']
    """
    m = _FOREIGN_ENDING_RE.match(word)
    if m is None:
        return word
    return m.group(1) or m.group(2)


_PROPER = NAME | SURN | PATR | GEOX | ORGN
# The ends of foreign names Russian does not decline ("Палу", "Малибу", "Сочи", "Токио", "Кавано");
# -е is left out: on a name it is a case ending far more often ("в Пхеньяне", "в Лондоне", "в Нью-Йорке").
_INDECLINABLE_ENDINGS = frozenset("уюиоэ")


def has_indeclinable_ending_ru(word: str) -> bool:
    """Does ``word`` end as the foreign names Russian does not decline do (-у, -ю, -и, -о, -э: "Палу",
    "Малибу", "Сочи", "Токио")? Not -е: a name ending so is in the prepositional or dative far more
    often than it is indeclinable ("Лондоне", "Нью-Йорке"; "Гёте" is rarer).

    >>> [has_indeclinable_ending_ru(w) for w in ("Палу", "Сочи", "Токио", "Лондоне", "Москва")]
    [True, True, True, False, False]
    """
    return word[-1:] in _INDECLINABLE_ENDINGS


def may_be_indeclinable_ru(word: str) -> bool:
    """Could the capitalised ``word`` be a foreign name Russian does not decline, as it is written?

    Yes when it ends as such names do and the dictionary does not know it as a name: in -о or -э;
    in -и when not in the dictionary ("Кушадаси"; "Конституции" is the case form of a common noun
    written with a capital); in -у or -ю when the dictionary has it as a common noun's case form only
    ("Палу": "палу" is the dative of "пал", no name's), not when it has never seen it (the guess
    declines "Лофнеру", "Морелосу" rightly). Not "Гарварду", "Праги", "Москве": names the dictionary
    declines; nor "Гарварда" (-а declines). A
    caller that has seen no other form of the name keeps it as it is (a case ending taken off an
    indeclinable name gives a name nobody wrote: "Палу" -> "Пал").

    >>> [may_be_indeclinable_ru(w) for w in ("Палу", "Кушадаси", "Лофнеру", "Гарварду", "Гарварда")]
    [True, True, False, False, False]
    """
    if len(word) < 3 or not word[:1].isupper() or not has_indeclinable_ending_ru(word):
        return False
    info = ru_word(word)
    if info.known and info.flags & _PROPER:
        return False
    if word[-1] in "ую":
        # an unknown name's -у is its dative or accusative ("Лофнеру", "Морелосу": the guess declines it);
        # a common noun's ("палу" of "пал") says nothing of the name, which the dictionary does not know
        return info.known
    if word[-1] == "и":
        return not info.known  # a dictionary word in -и is a case form ("Конституции", "Республики")
    return True


def same_name_ru(base: str, form: str) -> bool:
    """Is ``form`` the foreign name ``base`` with a case ending written on ("Ын" / "Ыном")? Lower case.

    >>> same_name_ru("ын", "ыном"), same_name_ru("бретт", "бретта"), same_name_ru("ким", "кима")
    (True, True, False)
    """
    return len(form) > len(base) and form.startswith(base) and _foreign_base_ru(form) == base


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


def ru_genitive_noun(word: str) -> bool:
    """Whether a Russian word is a noun that may stand in the genitive (a noun's dependent: "Сеть
    безопасности | полетов", "Сборная | США"), read first as a noun and as nothing but a noun, by the
    dictionary (a guessed reading of a foreign name says nothing: "Стейтс").

    >>> ru_genitive_noun("полетов"), ru_genitive_noun("США"), ru_genitive_noun("летучих"), ru_genitive_noun("сказал")
    (True, True, False, False)
    >>> ru_genitive_noun("Стейтс")
    False
    """
    info = ru_word(word)
    return (info.known and info.first_pos == "NOUN" and "gent" in info.noun_cases and not info.adj_cases
            and not info.other_pos)


def ru_qualifies(left: str, right: str) -> bool:
    """Whether ``left`` is an adjective that qualifies the noun or adjective ``right`` (only an
    adjective reading, no participle, a case in common): "венский Рапид", "окружной апелляционный".

    >>> ru_qualifies("венский", "Рапид"), ru_qualifies("Окружной", "суд"), ru_qualifies("суд", "Кларка")
    (True, True, False)
    >>> ru_qualifies("купленная", "IBM")
    False

    A pronoun's adjective (its lemma a function word: наш, свой, этот) begins no name:

    >>> ru_qualifies("нашим", "Комитетом"), ru_qualifies("своим", "Комитетом")
    (False, False)
    """
    a, n = ru_word(left), ru_word(right)
    if not a.adj_cases or a.noun_cases or a.other_pos or a.first_pos != "ADJF":
        return False
    if a.lemma in stopwords("ru"):
        return False
    return bool(a.adj_cases & (n.noun_cases | n.adj_cases)) or (not n.known and right[:1].isupper())
