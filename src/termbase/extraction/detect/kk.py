"""Kazakh: institution names end in their head noun (министрлігі, комитеті ...), the words before it
being its izafet dependents ("Ішкі істер министрлігі"); a word in an oblique case or a verb form ends
the name. Other capitalised words are people, places and names; key phrases are runs of lower-case
content words up to a word in an oblique case."""

from __future__ import annotations

import re
from typing import Sequence

from ...languages.kazakh import (
    base_kk, is_attributive_locative_kk, is_genitive_kk, is_light_verb_kk, is_t_stem_possessive_kk, kk_bases,
    strip_case_kk,
)
from ...languages.kazakh_endings import (
    ends_like_converb_kk, has_oblique_case_kk, has_possessive_case_kk, has_sure_case_kk, heads_noun_phrase_kk,
    is_adjective_kk, is_bare_locative_kk, is_dative_or_instrumental_kk, is_participle_kk, is_passive_verb_kk,
    is_plural_kk, is_possessed_kk, is_possessed_nominative_kk, is_possessive_accusative_kk,
    is_relational_adjective_kk, is_voiceless_locative_kk, is_vowel_accusative_kk, locative_base_kk,
    looks_adjectival_kk, looks_verbal_kk, lyk_base_kk, may_be_accusative_kk, may_be_dative_kk,
    may_be_ty_adjective_kk, may_be_verb_kk, may_be_verbal_noun_kk, plural_stem_kk, strip_our_kk,
)
from ..lexicon import Lexicon, lexicon
from ..text import Sentence
from .common import (
    LATIN_SURNAME_RE, NAME_KIND, ORGANIZATION, PERSON, PLACE, Occurrence, cap_chain_end, detect_acronyms,
    first_word_index, is_acronym, is_cap, is_word, ngrams, quoted_initial, starts_clause,
)

def _kk_is_head(w: str, lex: Lexicon) -> bool:
    return not lex.org_heads.isdisjoint(kk_bases(w.lower()))


def detect_kk(sent: Sentence, lex: Lexicon | None = None) -> list[Occurrence]:
    """Names, acronyms and key phrases of a Kazakh sentence."""
    lex = lex or lexicon("kk")
    words = sent.words
    n = len(words)
    first = first_word_index(words)
    out = detect_acronyms(words, "kk")
    covered = [False] * n
    # where the name of the body headed by word i begins (_kk_org_start), for as long as ``covered`` stays
    # as it is: a chain of bodies in the genitive asks it of each of its heads again and again
    starts: dict[int, int | None] = {}

    def cover(a: int, b: int) -> None:
        for x in range(a, b):
            covered[x] = True
        starts.clear()

    for i, w in enumerate(words):
        if w in "«\"“" and i + 1 < n and is_cap(words[i + 1]):
            close = next((k for k in range(i + 2, min(n, i + 9)) if words[k] in "»\"”"), None)
            if close is None or not _kk_quoted_name(words[i + 1 : close], lex) or _kk_reported(words, close):
                continue
            head = _kk_head_after_quote(words, close + 1, covered, lex)
            if head is not None and (head > close + 1 or not words[head].islower()):
                # "« Астана » халықаралық қаржы орталығы", "«Қоғамдық келісім» РММ": the quoted name and
                # the words up to the head noun are all the institution's name, and the quoted name alone
                # is a name too (it is used alone as well: "«Пифагор»")
                start = i
                if i > 0 and not covered[i - 1] and is_genitive_kk(words[i - 1]) \
                        and (is_possessed_kk(words[head]) or not lex.legal_heads.isdisjoint(kk_bases(words[head].lower()))) \
                        and _kk_is_head(words[i - 1], lex) and is_possessed_kk(words[i - 1]):
                    # "... Әділет министрлігінің «...» кәсіпорны": the body that owns it begins its name,
                    # and is a name of its own (a legal form may go without the possessive: "кәсіпорынға")
                    outer = _kk_org_start(words, i - 1, covered, lex, starts)
                    if outer is not None:
                        out.append(Occurrence(ORGANIZATION, outer, i, outer == first))
                        start = outer
                elif i > 2 and words[i - 1].lower() == _KK_ATTACHED_TO and not covered[i - 2] and is_cap(words[i - 2]) \
                        and (_kk_is_title(words[i - 2], lex) or _kk_is_head(words[i - 2], lex)) \
                        and is_possessed_kk(words[i - 2]):
                    # "Қазақстан Республикасының Президенті жанындағы «Қоғамдық келісім» РММ": a body
                    # attached to an office or another body begins with its owner's name
                    owner = _kk_possessor_start(words, i - 2, i - 2, covered, lex, first, starts)
                    if owner < i - 2:
                        start = owner
                if start != i:
                    out.append(Occurrence(ORGANIZATION, i, head + 1, quoted_initial(words, i, close, first)))
                out.append(Occurrence(ORGANIZATION, start, head + 1, quoted_initial(words, i, close, first)
                                      if start == i else start == first))
                out.append(Occurrence(NAME_KIND, i + 1, close, quoted_initial(words, i, close, first)))
                cover(start, head + 1)
                continue
            # "« Хабар » арнасы", "« Нұр Отан » партиясы": the name is what the quotes hold
            kind = ORGANIZATION if head is not None else NAME_KIND
            out.append(Occurrence(kind, i + 1, close, quoted_initial(words, i, close, first)))
            cover(i + 1, close)
    for i in range(n - 1, -1, -1):  # head-final: the rightmost head noun heads the name
        w = words[i]
        if covered[i] or not is_word(w):
            continue
        plural = False
        if not _kk_is_head(w, lex):
            plural = w.islower() and _kk_plural_head(w, lex)
            if not plural:
                continue
        if (
            is_cap(w) and i + 1 < n and not covered[i + 1] and is_cap(words[i + 1]) and not _ROMAN_RE.match(words[i + 1])
            # "Қазақстан халқы Ассамблеясы Астанада": a head with the izafet's possessive ends its name
            # before a capitalised word in an oblique case (where, to whom ...)
            and not (is_possessed_kk(w) and has_oblique_case_kk(words[i + 1]))
        ):
            # a capitalised name goes on: "Орталық Азия" is a place, not the head "орталық"; a Roman
            # numeral after the head numbers what follows ("Ассамблеясының XXXII сессиясы")
            continue
        start = _kk_org_start(words, i, covered, lex, starts)
        if start is None:
            continue
        if plural and not _kk_state_owned(words, start, i, lex):
            continue  # "Қазақстан Республикасы ішкі істер органдары": a state's bodies; others are no name
        latin = start
        while latin < i and _latin_name_word(words[latin]):
            latin += 1
        if latin > start and not _KK_BRAND_KINDS.isdisjoint(kk_bases(w.lower())) \
                and all(x.islower() for x in words[latin:i]):
            # "Astana LRT компаниясы", "SCAT әуекомпаниясына", "Kazakh TV арнасымен", "ABC News ақпараттық
            # агенттігі": a name in Latin letters before a Kazakh kind noun (and the words that describe
            # it) is the name; the kind noun only says what it is
            out.append(Occurrence(ORGANIZATION, start, latin, start == first))
            cover(start, i + 1)
            continue
        if _kk_kind_of_place(words, start, i, lex):
            continue  # "Германия компаниясы", "Американың компаниясы": a German company, no name
        if start == first and _kk_common_body(words, start, i):
            continue  # "Әзірше 16 мектеп", "Көңілді демалыстың соңы аурухана": a body, not a name
        out.append(Occurrence(ORGANIZATION, start, i + 1, start == first))
        out.extend(_kk_inner_bodies(words, start, i, covered, lex, first, starts))
        cover(start, i + 1)
    if "және" in words:
        for start, end in _kk_coordinated_bodies(words, covered, lex):
            out.append(Occurrence(ORGANIZATION, start, end, start == first))
            cover(start, end)
    i = 0
    while i < n:
        if covered[i] or not (is_cap(words[i]) or _latin_acronym_opens_name(words, i, covered)):
            i += 1
            continue
        j = cap_chain_end(words, i + 1 if is_acronym(words[i]) else i, covered)
        if j < n and not covered[j] and words[j].islower() and strip_case_kk(words[j]).lower() in _KK_REGION:
            j += 1  # "Шығыс Қазақстан облысы": a region's name ends with the word for region
        elif (j == i + 1 and j < n and words[j][:1].islower() and words[j] not in lex.stopwords
              and is_relational_adjective_kk(words[i])):
            # "Мемлекеттік хатшы", "Ұлттық ұлан": a capitalised adjective or -лық noun opens a name that
            # goes on in lower case; alone it is no name
            i = j
            continue
        out.extend(_kk_names(words, i, j, first, lex))
        i = j
    out.extend(_kk_makers(words, out, lex))
    out.extend(_kk_phrases(words, covered, lex))
    return out


def _kk_coordinated_bodies(words, covered, lex: Lexicon) -> list[tuple[int, int]]:
    """Bodies named together under one plural head: "Денсаулық сақтау , Көлік және энергетика
    министрліктері" (the ministries of health, of transport and of energy): conjuncts joined by commas
    and "және", each beginning with a capital, of words in no case and no verb, before a plural head."""
    out = []
    for h, w in enumerate(words):
        if covered[h] or not w.islower() or _KK_PLURAL_INSIDE_RE.search(w) is None or not _kk_coordinated_head(w, lex):
            continue
        conjuncts = []  # the first word of each conjunct, right to left
        k = h - 1
        while k >= 0 and h - k <= 12 and not covered[k]:
            x = words[k]
            low = x.lower()
            if x == "," or low == "және":
                if k + 1 < h and is_cap(words[k + 1]):
                    conjuncts.append(k + 1)  # ", Көлік ...", "және Индустрия ..."
                elif x == ",":
                    break
                k -= 1  # "Көлік және энергетика": "and" inside one conjunct
                continue
            if (not is_word(x) or has_oblique_case_kk(x) or low in lex.stopwords or looks_verbal_kk(low)
                    or _kk_is_title(x, lex)):
                break
            k -= 1
        start = k + 1
        while start < h and not is_cap(words[start]):
            start += 1
        if all(is_cap(words[x]) for x in range(start, h) if words[x] != "," and words[x].lower() != "және"):
            continue  # "Клайд, Фалкирк және Сент Миррен клубтары": names of their own, each with its kind
        if not conjuncts or start >= h or start in conjuncts or any(
            _kk_place(strip_case_kk(words[c]).lower(), lex) or words[c].isascii() for c in [start] + conjuncts
        ):
            # "Ресей және Қытай компаниялары": companies of two countries, no name; "Visa және MasterCard
            # компаниялары": two brands, each its own name (in Latin letters before their kind)
            continue
        out.append((start, h + 1))
        for x in range(start, h + 1):
            covered[x] = True
    return out


_KK_PLURAL_INSIDE_RE = re.compile(r"[лдт][ае]р")


def _kk_coordinated_head(w: str, lex: Lexicon) -> bool:
    """A head noun of bodies in the plural ("министрліктері", "министрліктеріне")."""
    stem = plural_stem_kk(strip_case_kk(w).lower())
    return stem is not None and len(stem) > 2 and not lex.org_heads.isdisjoint(kk_bases(stem))


def _latin_acronym_opens_name(words, i: int, covered) -> bool:
    """A Latin acronym before capitalised Latin words is one name with them: "NBC News", "BBC Radio 4"."""
    w = words[i]
    return (i + 1 < len(words) and w.isascii() and is_acronym(w) and not covered[i + 1]
            and is_cap(words[i + 1]) and words[i + 1].isascii())


_MODEL_RE = re.compile(r"^\w*\d[\w-]*$")


def _kk_makers(words, found: list[Occurrence], lex: Lexicon) -> list[Occurrence]:
    """The maker of a vehicle or device named before its kind noun: "« Боинг 737 МАКС » лайнері",
    "Sukhoi Superjet 100 ұшағы", "Тойота көлігі": the name's first word is a company's (the rest is its
    model)."""
    out = []
    for o in found:
        if o.kind != NAME_KIND:
            continue
        k = o.end
        while k < len(words) and k < o.end + 2 and _MODEL_RE.match(words[k]):
            k += 1  # the model's number: "Sukhoi Superjet 100 ұшағы"
        k += 1 if k < len(words) and words[k] in "»\"”" else 0
        if (k >= len(words) or not words[k].islower() or not is_possessed_kk(words[k])
                or lex.product_heads.isdisjoint(kk_bases(words[k].lower()))):
            continue  # the izafet's possessive makes the compound: "Боинг ұшағы", not "Билл Джонс ұшақтың"
        maker = strip_case_kk(words[o.start])
        low = maker.lower()
        if not is_cap(maker) or _kk_place(low, lex) or _kk_is_title(maker, lex):
            continue
        out.append(Occurrence(ORGANIZATION, o.start, o.start + 1, o.initial))
    return out


_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
_LATIN_WORD_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&.'’-]*$")
# Kind nouns that a place before them only describes ("Германия компаниясы": a company of Germany).
_KK_GENERIC_KINDS = frozenset(("компания", "әуекомпания", "корпорация", "холдинг", "концерн", "фирма"))
# Kind nouns after a brand's own name in Latin letters ("Kazakh TV арнасы", "Die Zeit газеті"); not the
# kinds that a place names ("Burnaston зауыты": the plant at Burnaston).
_KK_BRAND_KINDS = _KK_GENERIC_KINDS | frozenset(("арна", "телеарна", "газет", "журнал", "агенттік", "ұйым", "банк"))


def _latin_name_word(w: str) -> bool:
    """A word of a name in Latin letters ("Astana", "LRT", "500", "&")."""
    return _LATIN_WORD_RE.match(w) is not None or w == "&"


def _kk_kind_of_place(words, start: int, head: int, lex: Lexicon) -> bool:
    """Does a place name (in any case) stand right before a generic kind noun at ``head``?"""
    if head <= start or _KK_GENERIC_KINDS.isdisjoint(kk_bases(words[head].lower())):
        return False
    return _kk_place(strip_case_kk(words[head - 1]).lower(), lex)


def _kk_place(low: str, lex: Lexicon) -> bool:
    """Is a word (lower case, no case ending) a place's name: a known place or a "-стан" country?"""
    return low in lex.places or low.endswith("стан")



def _kk_placed(w: str, lex: Lexicon) -> bool:
    """Is a capitalised word a place or a body in the locative, which says where something is
    ("Арқалықта | заманауи медициналық орталық", "Мәжілісте | палата спикері", "Мәжілістегі | Үкімет
    сағатында")? Its bare form must be a known place or an institution's head ("Флорида" stays)."""
    if not is_cap(w) or _kk_place(w.lower(), lex):
        return False
    bare = locative_base_kk(w)
    if bare is None:
        return False
    # -та/-те after a voiceless consonant is the locative whatever the word ("Арқалықта", "Бішкекте");
    # -да/-де may end a name ("Флорида", "Канада")
    return _kk_place(bare, lex) or _kk_is_head(bare, lex) or is_voiceless_locative_kk(w)


def _kk_head_after_quote(words, k: int, covered, lex: Lexicon, window: int = 4) -> int | None:
    """Index of the head noun that a quoted name at ``words[:k]`` names: right after the closing
    quote ("« Хабар » арнасы"), or after lower-case dependents in the nominative ("« Астана »
    халықаралық қаржы орталығы"); None if there is none. A legal form may come further, after an
    attributive locative ("«...» акционерлік қоғамы", "«...» шаруашылық жүргізу құқығындағы
    республикалық мемлекеттік кәсіпорны", "«...» РММ")."""
    placed = False  # an attributive locative crossed: only a legal form may head the name now
    for x in range(k, min(len(words), k + window + 2)):
        w = words[x]
        if covered[x] or not is_word(w):
            return None
        if not w.islower():
            # "«Қоғамдық келісім» РММ": a legal form's acronym right after the quote
            return x if x == k and is_acronym(w) and w.lower() in lex.legal_heads else None
        low = w.lower()
        if not lex.legal_heads.isdisjoint(kk_bases(low)) and not is_plural_kk(low):
            return x
        if _kk_is_head(w, lex) and not is_plural_kk(low) and not placed and x < k + window:
            return x
        if is_attributive_locative_kk(w) and x > k:
            placed = True  # "шаруашылық жүргізу құқығындағы" (with the right of economic management)
            continue
        if low in lex.function_words or looks_verbal_kk(low) or has_oblique_case_kk(w) or _kk_is_title(w, lex):
            return None
    return None


def _kk_quoted_name(words: Sequence[str], lex: Lexicon) -> bool:
    """Is a quoted span a name ("Қорытынды жаңалықтар") rather than quoted speech or a slogan?"""
    if any(w in ("—", "–", "-", ",", ".", "!", "?", ":") for w in words):
        return False
    low = [w.lower() for w in words if is_word(w)]
    if not low or low[0] in lex.function_words:
        return False
    if len(low) > 1 and low[-1] in _KK_PREDICATES:
        return False  # "« Суға ешқандай қарызымыз жоқ »", "« ... жетілдіру қажет »": a clause, not a name
    # ("« Орталық коммуникациялар қызметі »": a head noun's possessive in -ті is no past tense)
    return len(low) == 1 or not looks_verbal_kk(low[-1]) or (is_t_stem_possessive_kk(low[-1]) and _kk_is_head(low[-1], lex))


# Words that end a clause as its predicate (must, needed, there is not, is not ...): a quoted span
# ending in one is speech.
_KK_PREDICATES = frozenset(("керек", "қажет", "жоқ", "бар", "тиіс", "емес", "мүмкін"))


def _kk_reported(words, close: int) -> bool:
    """Is the quote closing at ``words[close]`` reported speech: followed by a comma and a dash
    ("« ... » , — дейді") or by "деді"/"дейді" (said, says)? ("« Хабар » деп аталатын", called, and
    "« ... ІС БАСҚАРМАСЫ » деген жазу", the inscription reading, name.)"""
    after = words[close + 1 : close + 3]
    if len(after) == 2 and after[0] == "," and after[1] in ("—", "–"):
        return True
    return bool(after) and after[0].lower() in ("деді", "дейді", "депті")


# Postpositions inside institution names, with the case of the word before them: "Сыбайлас
# жемқорлыққа қарсы ... агенттігі" (against: dative), "Төтенше жағдай жөніндегі ... комиссия" (on),
# "Ұжымдық қауіпсіздік туралы шарт ұйымы" (about: nominative).
_KK_NAME_POSTPOSITIONS = {"қарсы": "dative", "жөніндегі": "nominative", "туралы": "nominative"}
# "Әл-Фараби атындағы Қазақ ұлттық университеті": a name "named after" someone begins with that name.
_KK_NAMED_AFTER = "атындағы"
# "Президенті жанындағы «...» РММ": a body attached to (under) an office or another body.
_KK_ATTACHED_TO = "жанындағы"
#: States' acronyms, which begin the name of a state's body as the state's name does ("Қазақстан
#: Республикасы Әділет министрлігі", "АҚШ Әділет министрлігі")
_KK_STATE_ACRONYMS = frozenset(("АҚШ", "ҚР", "РФ", "ҚХР", "КХДР", "ЕО"))
# Honorifics written in lower case inside a person's name: "Қорқыт ата", "Төле би", "Қабанбай батыр".
_KK_NAME_HONORIFICS = frozenset(("ата", "би", "батыр", "ана", "әулие"))
# The points of the compass and the middle, which begin places' names ("Батыс Қазақстан", "Орталық Азия").
_KK_COMPASS = frozenset(("батыс", "шығыс", "солтүстік", "оңтүстік", "орталық"))
# Administrative units: after a place name, their genitive belongs to an institution's name
# ("Түркістан облысының әкімдігі", "Өскемен қаласының әкімдігі").
_KK_ADMIN_UNITS = frozenset(("облыс", "қала", "аудан", "ауыл", "өңір", "республика", "округ", "штат"))
# Adverbs before a verbal noun inside a name: "қайта өңдеу" (re-processing), "қайта даярлау" (retraining).
_KK_PREVERBS = frozenset(("қайта",))


def _kk_plural_head(w: str, lex: Lexicon) -> bool:
    """A head noun in the plural with the izafet's possessive ("органдары", "органдарының"): a state's
    bodies of one kind."""
    stem = strip_case_kk(w).lower()
    base = base_kk(stem)
    if base == stem:
        return False  # no possessive: "органдар" alone is a common noun
    return plural_stem_kk(base) in lex.org_heads


def _kk_state_owned(words, start: int, head: int, lex: Lexicon) -> bool:
    """Does the name ``words[start:head + 1]`` begin with a state or a place that owns it ("Қазақстан
    Республикасы(ның) ...", "АҚШ ...", "Алматы қаласының ...")?"""
    w = words[start]
    if w.split("-", 1)[0] in _KK_STATE_ACRONYMS:
        return True
    def unit(k: int) -> bool:  # "Республикасы", "қаласының"
        return k < head and not _KK_ADMIN_UNITS.isdisjoint(kk_bases(words[k].lower()))

    return is_cap(w) and start + 1 < head and (
        unit(start + 1) or unit(start + 2)
        or (_kk_place(strip_case_kk(w).lower(), lex) and not words[start + 1][:1].isupper()))


def _kk_genitive_owner(words, k: int, head: int, lex: Lexicon) -> bool:
    """Is a capitalised ``words[k]`` opening a sentence in the genitive the owner of the body whose head
    at ``head`` has the izafet's possessive ("Ұлыбританияның | еңбекпен қамту ... комиссиясы")? A
    genitive always depends on the noun after it, so it is no case of the clause. (A body in the genitive
    stays a name of its own: "Үкіметтің | төтенше жағдайлар комиссиясы".)"""
    return is_genitive_kk(words[k]) and is_possessed_kk(words[head]) and not _kk_is_head(words[k], lex)


def _kk_verbal_noun(w: str) -> bool:
    """A verbal noun in -у ("қамту", "дайындау", "өңдеу"): a name's dependent may be its object."""
    return len(w) > 3 and w.islower() and may_be_verbal_noun_kk(w)


def _kk_t_adjective(words, k: int, head: int) -> bool:
    """Is ``words[k]`` (before lower-case words of a name up to ``head``) an adjective in -ты/-ті
    ("жергілікті атқарушы", "уәкілетті органы") rather than a verb's past tense? Only in lower case,
    of four letters before the ending, and with a noun or adjective after it (no verb, no case)."""
    w = words[k]
    if not w.islower() or len(w) < 6 or not may_be_ty_adjective_kk(w):
        return False
    nxt = words[k + 1]
    return nxt.islower() and is_word(nxt) and (k + 1 == head or not looks_verbal_kk(nxt.lower())) \
        and strip_case_kk(nxt, sure_only=True) == nxt


def _kk_admin_genitive(words, k: int) -> bool:
    """Is ``words[k]`` the genitive of an administrative unit after a place name ("Түркістан облысының")?"""
    low = words[k].lower()
    return (
        k > 0 and is_cap(words[k - 1]) and is_genitive_kk(low)
        and is_possessed_kk(low)  # the izafet: "облысының", not "облыстың" (of a region)
        and not _KK_ADMIN_UNITS.isdisjoint(kk_bases(low))
    )


def _kk_name_before(words, k: int, covered, lex: Lexicon) -> int | None:
    """Start of the capitalised name that ends at ``words[k]`` ("Қорқыт ата", "Джонс Хопкинс"), or None."""
    end = k
    if k >= 1 and words[k].lower() in _KK_NAME_HONORIFICS:  # "Қорқыт ата"
        k -= 1
    if k < 0 or covered[k] or not (is_cap(words[k]) or _kk_cap_after_hyphen(words[k])):
        return None
    start = k
    while (
        start > 0 and end - start < 3 and not covered[start - 1] and is_cap(words[start - 1])
        and words[start - 1].lower() not in lex.function_words
        and not _kk_is_title(words[start - 1], lex) and not has_oblique_case_kk(words[start - 1])
    ):
        start -= 1
    return start


def _kk_cap_after_hyphen(w: str) -> bool:
    """"әл-Фараби": a lower-case particle before a capitalised name."""
    head, _, rest = w.partition("-")
    return bool(rest) and head.islower() and len(head) <= 3 and is_cap(rest)


def _kk_org_start(words, head: int, covered, lex: Lexicon, starts: dict[int, int | None]) -> int | None:
    """First word of the institution name whose head noun is ``words[head]``, or None; ``starts`` keeps
    the answers while ``covered`` does not change (each head is scanned once: a chain of m bodies in
    the genitive, "... министрлігінің ... комитетінің ... департаменті", made O(m^2) scans)."""
    if head not in starts:
        starts[head] = _kk_scan_org_start(words, head, covered, lex, starts)
    return starts[head]


def _kk_scan_org_start(words, head: int, covered, lex: Lexicon, starts: dict[int, int | None]) -> int | None:
    window = 8  # lower-case dependents crossed at most (postpositions and conjunctions aside)
    k = head - 1
    crossed = 0
    first = first_word_index(words)
    if is_cap(words[head]):
        window = 1  # a capitalised head begins its name ("Үкімет"), bar "Қазақстан халқы Ассамблеясы"
    wants = None  # the case a postposition just crossed asks of the word before it
    verbal_noun = False  # a verbal noun in -у crossed: its object may stand in the accusative
    coordinated = False  # "және" crossed: commas before it list the other conjuncts
    adjective_t = False  # an adjective in -ты/-ті crossed ("жергілікті"), which may be a verb's past tense
    if k >= 1 and words[k].isdigit() and len(words[k]) <= 3 and not covered[k] and is_cap(words[k - 1]):
        k -= 1  # a number after a name numbers the body: "Луи Пастер 2 ауруханасы", "Алматы 1 мектебі"
    while k >= 0 and crossed < window and not covered[k]:
        w = words[k]
        low = w.lower()
        if w == "," and coordinated and window > 1 and k > 0 and is_word(words[k - 1]) and not covered[k - 1]:
            # "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі": dependents listed with
            # commas up to "және" (and)
            k -= 1
            continue
        if not is_word(w):
            break
        if low == "және" and crossed:
            coordinated = True
            k -= 1
            continue  # a conjunction does not count against the window
        if low == _KK_NAMED_AFTER and crossed:  # "Гагарин атындағы әскери-әуе академиясы"
            return _kk_name_before(words, k - 1, covered, lex)
        if is_cap(w) or (is_acronym(w) and not (k > 0 and is_cap(words[k - 1]) and (w + words[k - 1]).isascii())):
            if wants == "nominative" and not has_oblique_case_kk(w):
                wants = None  # "Қорғаныс жөніндегі комитеті": a capitalised name before the postposition
            break  # (an acronym is no lower-case dependent: "ресейлік КПРФ | командасы"; "Astana LRT" is one name)
        if (crossed or low == "жөніндегі") and low in _KK_NAME_POSTPOSITIONS and window > 1:
            # ("Қорғаныс жөніндегі комитеті", "Төтенше жағдайлар жөніндегі комиссия": "on" right before the head)
            wants = _KK_NAME_POSTPOSITIONS[low]
            k -= 1
            continue  # a postposition does not count against the window
        inside = (
            (wants == "dative" and may_be_dative_kk(low))
            or (verbal_noun and may_be_accusative_kk(low))
            # ... with the possessive too ("апаттардың зардаптарын жою"), and the genitive of the
            # izafet before a noun with the possessive inside the name ("апаттардың | зардаптарын")
            or (is_possessive_accusative_kk(low)
                and any(may_be_verbal_noun_kk(words[x]) and words[x].islower() for x in range(k + 1, min(k + 3, head))))
            # a verbal noun's other arguments: "еңбекпен қамту" (provide with work), "жәбірленушілерге
            # өтемақы төлеу" -- the dative or the instrumental right before it
            or (k + 1 < head and _kk_verbal_noun(words[k + 1]) and is_dative_or_instrumental_kk(w))
            or (crossed and is_genitive_kk(low) and not _kk_is_head(w, lex) and is_possessed_kk(words[k + 1])
                and not words[k + 1][:1].isupper())
            or _kk_admin_genitive(words, k)
            # the first link of an izafet chain: a head with the possessive in the nominative before a
            # head with the possessive names a part of it ("Заң қызметі департаменті", "Қорғаныс
            # министрлігі сапёрлік бөлімшесі")
            or (_kk_is_head(w, lex) and is_possessed_nominative_kk(w) and is_possessed_kk(words[head])
                and not is_plural_kk(low))
        )
        wants = None
        if not inside and crossed and low in _KK_PREVERBS and _kk_verbal_noun(words[k + 1]) and k + 1 < head:
            inside = True  # "өнімін қайта өңдеу" (re-processing the produce), "қайта даярлау" (retraining)
        if not inside and crossed and _kk_t_adjective(words, k, head):
            # "жергілікті атқарушы органы", "уәкілетті органы": an adjective in -ты/-ті before a noun of
            # the name (such a name must begin with a place or a body that owns it; see below)
            adjective_t = inside = True
        if not inside and (
            (low in lex.stopwords and low not in ("және", "мен", "пен", "бен"))
            # "мен" joins two bare nouns inside a name ("Ана мен бала орталығы"), not two noun phrases
            # ("... доп соққылары мен төрттік партиялары")
            or (low in ("мен", "пен", "бен") and k > 0
                and (is_possessed_kk(words[k - 1]) or is_plural_kk(words[k - 1].lower())))
            # the accusative after the possessive is a verbal noun's object or no part of the name:
            # "Құдайбергенов бүгінгі шешімін | атқарушы орган ретінде"
            or (is_possessive_accusative_kk(low) and is_possessed_kk(low[:-1]))
            or (looks_verbal_kk(low) and not is_t_stem_possessive_kk(low))  # "Кадр саясаты департаменті"
            or has_oblique_case_kk(w)  # an oblique case: "халыққа", "облысында"
            or _kk_is_title(w, lex)
            # another institution's head ends there, unless it is a plural dependent ("сауда орталықтары")
            or (_kk_is_head(w, lex) and low not in lex.org_heads and not is_plural_kk(low))
        ):
            if not inside and is_genitive_kk(low) and _kk_is_head(w, lex) and is_possessed_kk(w) \
                    and is_possessed_kk(words[head]) and crossed:
                # "Іс басқармасының ... бөлімі": a body's name in the genitive is the izafet's possessor
                # of the part named after it; the part's name begins with the body's
                outer = _kk_org_start(words, k, covered, lex, starts)
                if outer is not None:
                    return outer
            k = -1
            break
        verbal_noun = verbal_noun or _kk_verbal_noun(w)
        crossed += 1
        k -= 1
    if wants is not None:
        return None  # a name never begins with a postposition
    if adjective_t and not (k >= 0 and not covered[k] and (
            words[k].split("-", 1)[0] in _KK_STATE_ACRONYMS or (is_cap(words[k]) and is_genitive_kk(words[k]))
            or _kk_admin_unit(words[k + 1]) or _kk_admin_genitive(words, k + 1)
            or (is_cap(words[k]) and _KK_ADMIN_UNITS.isdisjoint(kk_bases(words[k].lower())) is False))):
        # "-ты/-ті" read as an adjective only inside a body owned by a place or a body ("Нұр-Сұлтан
        # қаласының жергілікті атқарушы органы"); elsewhere it may be a verb ending a clause
        return None
    if k >= 0 and not covered[k] and words[k].split("-", 1)[0] in _KK_STATE_ACRONYMS:
        start = k  # "АҚШ командасы", "АҚШ Ұлттық рак институты": a state's acronym begins its body's name
    elif (
        k >= 0 and not covered[k] and is_cap(words[k])
        # "Семейдегі кеме жасау зауыты", "Токиодағы сайлау бөлімшесі": a place in the attributive
        # locative says where a body is; it does not begin its name
        and not (crossed and is_attributive_locative_kk(words[k]))
        # (unless it is a known place: "Қазақстан халқы Ассамблеясы" opening a sentence)
        and not (crossed and is_cap(words[head]) and starts_clause(words, k, first)
                 and not _kk_place(strip_case_kk(words[k]).lower(), lex))
        and not (starts_clause(words, k, first) and (words[k].lower() in lex.function_words or (
            has_oblique_case_kk(words[k]) and not _kk_before_admin_unit(words, k)  # "Өскемен | қаласының"
            and not (crossed and _kk_genitive_owner(words, k, head, lex)))))
        # "Президент министрлікке тапсырды", "Президент Ассамблеяның үлесін атап өтті": a title before a
        # head noun without the possessive of the izafet is its subject ("Президент оркестрі",
        # "Президент Әкімшілігі", with the possessive, are names)
        and not (_kk_is_title(words[k], lex) and not is_possessed_kk(words[head]))
        and not _kk_placed(words[k], lex)
    ):
        start = k
        if crossed and is_genitive_kk(words[k]) and _kk_is_head(words[k], lex) and is_possessed_kk(words[k]) \
                and is_possessed_kk(words[head]):
            # "Іс Басқармасының | ұйымдастыру-бақылау және кадр жұмысы бөлімі": a body in the genitive is
            # the possessor of the part named after it
            outer = _kk_org_start(words, k, covered, lex, starts)
            if outer is not None:
                return outer
    elif is_cap(words[head]):
        start = head
        crossed = 0
    else:
        return None
    if crossed == 0:
        if start < head and not is_possessed_kk(words[head]) and (
            _kk_surname(words[head - 1]) or _kk_whole_noun_phrase(words[head - 1], lex)
        ):
            # "Асқар Мамин | Үкімет мүшелерін", "Асхат Аймағамбетов | мектеп", "Ұлыбритания Парламенті |
            # Үкімет ұсынған": a head without the izafet's possessive has no noun in the nominative
            # before it, so a surname or a body there is the subject ("Назарбаев Университеті",
            # "Қазақстан Республикасы Үкіметі", with the possessive, are names)
            if not is_cap(words[head]):
                return None
            start = head
        while (
            start > 0 and start < head and not covered[start - 1] and is_cap(words[start - 1])
            and not _kk_is_title(words[start - 1], lex) and not has_oblique_case_kk(words[start - 1])
            # "Нұрсұлтан Назарбаев | Еуразиялық одақ": a person's surname ends the person's name
            and not _kk_surname(words[start - 1]) and not _kk_placed(words[start - 1], lex)
        ):
            start -= 1
    while start < head and starts_clause(words, start, first) and (
        words[start].lower() in lex.function_words
        or (has_oblique_case_kk(words[start]) and not _kk_before_admin_unit(words, start)
            and not (crossed and _kk_genitive_owner(words, start, head, lex)))
        # "Жаралылар | Луи Пастер ауруханасына": a plural noun capitalised by position
        or (crossed == 0 and start + 1 < head and is_plural_kk(words[start])
            and is_cap(words[start + 1]) and not is_possessed_kk(words[start + 1]))
    ):
        start += 1
    if start + 1 < head and (_kk_admin_unit(words[start + 1]) or _kk_admin_adjective(words[start + 1])):
        # "Батыс Қазақстан облысының әкімдігі": the place name may have several words
        while (
            start > 0 and not covered[start - 1] and is_cap(words[start - 1])
            and not _kk_is_title(words[start - 1], lex) and not has_oblique_case_kk(words[start - 1])
            and not (starts_clause(words, start - 1, first) and words[start - 1].lower() in lex.function_words)
            # a word capitalised by position joins as a place or a point of the compass only: "Батыс
            # Қазақстан облыстық ...", not "Іс | Атырау қалалық сотында қаралуда" (the case)
            and not (_kk_admin_adjective(words[start + 1]) and starts_clause(words, start - 1, first)
                     and not (_kk_place(words[start - 1].lower(), lex) or words[start - 1].lower() in _KK_COMPASS))
        ):
            start -= 1
    if start > 0 and is_possessed_kk(words[head]):
        start = _kk_possessor_start(words, start, head, covered, lex, first, starts)
    elif start > 0 and not covered[start - 1] and words[start - 1] in _KK_STATE_ACRONYMS:
        start -= 1  # "АҚШ Әділет министрлігі", "АҚШ Ұлттық рак институты": the state's acronym begins the name
    if start >= 2 and words[start - 1].lower() == _KK_NAMED_AFTER:
        named = _kk_name_before(words, start - 2, covered, lex)  # "Әл-Фараби атындағы Қазақ ұлттық университеті"
        if named is not None:
            start = named
    return start


def _kk_inner_bodies(words, start: int, head: int, covered, lex: Lexicon, first: int,
                     starts: dict[int, int | None]) -> list[Occurrence]:
    """The bodies named in the genitive inside the name ``words[start:head + 1]``, each a name of its
    own: "Қазақстан Республикасы Қаржы министрлігінің | Заң қызметі департаменті" names the ministry too."""
    out = []
    for h in range(start, head):
        w = words[h]
        if is_genitive_kk(w) and is_possessed_kk(w) and _kk_is_head(w, lex) and not is_plural_kk(w):
            s = _kk_org_start(words, h, covered, lex, starts)
            if s is not None and s >= start:
                out.append(Occurrence(ORGANIZATION, s, h + 1, s == first))
    return out


def _kk_common_body(words, start: int, head: int) -> bool:
    """Is ``words[start:head + 1]``, capitalised only by its position at the start of a sentence, a
    common noun phrase rather than a name? Its head has no izafet possessive (a noun before a name's
    head links to it by the possessive, "теміржол ауруханасы"; a bare head follows adjectives:
    "Ұлттық банк", "Мемлекеттік дума", "Бас прокуратура"), and a word before it cannot modify it (a
    number, a case, "our": "Әзірше 16 мектеп", "Қажетті қаржыны қор") or a word after the first is no
    adjective by its ending ("Ендігі міндет партия", "Аз уақыт мемлекеттік қызметте"); no postposition
    of official names is inside ("... жөніндегі комиссия", "... қарсы агенттік")."""
    if is_possessed_kk(words[head]) or any(
        is_cap(words[x]) or is_acronym(words[x]) or words[x] in _KK_NAME_POSTPOSITIONS for x in range(start + 1, head + 1)
    ):
        return False  # "Төтенше жағдай жөніндегі мемлекеттік комиссия": "on ..." is an official body's
    return any(_kk_no_modifier(words[x]) for x in range(start, head)) or not all(
        looks_adjectival_kk(words[x].lower()) for x in range(start + 1, head))


def _kk_no_modifier(w: str) -> bool:
    """A word that cannot modify a bare head inside a name: a number, a word in a case or with the
    first-person possessive ("қаржыны", "демалыстың", "Балаларымыз")."""
    low = w.lower()
    return w[:1].isdigit() or has_oblique_case_kk(w) or strip_our_kk(low) != low or (
        is_vowel_accusative_kk(low) and not is_relational_adjective_kk(low))


def _kk_possessor_start(words, start: int, head: int, covered, lex: Lexicon, first: int,
                        starts: dict[int, int | None]) -> int:
    """First word of a body's name whose own first word is ``words[start]`` and whose head noun at
    ``head`` carries the izafet's possessive: the possessor before it belongs to the name -- a state
    or place in the nominative or the genitive ("Қазақстан Республикасы | Сыртқы істер министрлігі",
    "Қазақстан Республикасының | Ұлттық қауіпсіздік комитеті", "Флорида штатының | Балық ...
    комиссиясы", "Американың | Кәсіби Гольф Ассоциациясы"), an acronym ("АҚШ Әділет министрлігі",
    "БК Үкіметі"), the title of a state's office ("Қазақстан Республикасы Президенті | Іс Басқармасы"),
    or a body in the genitive whose part this is ("... Қаржы министрлігінің | Заң қызметі департаменті")."""
    k = start - 1
    if covered[k]:
        return start
    w = words[k]
    core = w.split("-", 1)[0]
    if core in _KK_STATE_ACRONYMS or (is_acronym(w) and is_cap(words[start]) and core == w and core.isupper()
                                      and core.lower() not in lex.common_abbreviations):
        # "АҚШ Әділет министрлігі", "АҚШ-тың Әскери-теңіз флоты"; another acronym in the nominative
        # before a capitalised name: "БК Үкіметі" (not "БАҚ-тың | Қытай Коммунистік Партиясы"; before a
        # kind noun in lower case it is a brand alone: "КПРФ командасы")
        return k
    if _kk_admin_adjective(w) and k > 0 and not covered[k - 1] and is_cap(words[k - 1]) \
            and not has_sure_case_kk(words[k - 1]) and not _kk_is_title(words[k - 1], lex):
        # "Қарағанды облыстық | Экономикалық тергеу департаменті", "Бостандық аудандық | Полиция
        # басқармасы": the region's, city's or district's body, after the place's name
        place = _kk_place_start(words, k - 1, covered, lex, first, generic=False)
        return k - 1 if place is None else place
    if not (is_genitive_kk(w) or strip_case_kk(w) == w):
        return start  # only the genitive or the nominative: "Қазақстанда Ұлттық банк" is no possessor
    if is_cap(w) and _kk_is_title(w, lex) and is_possessed_kk(w) and k > 0 and not covered[k - 1]:
        # "Қазақстан Республикасы Президенті Іс Басқармасы": the office's holder, after its state
        place = _kk_place_start(words, k - 1, covered, lex, first, generic=False)
        return start if place is None else place
    if is_genitive_kk(w) and _kk_is_head(w, lex) and is_possessed_kk(w) and not is_plural_kk(w):
        outer = _kk_org_start(words, k, covered, lex, starts)  # "Саффолк Университетінің | Саяси Зерттеулер Орталығы"
        if outer is not None:
            return outer
    place = _kk_place_start(words, k, covered, lex, first, generic=is_cap(words[start]))
    return start if place is None else place


def _kk_place_start(words, k: int, covered, lex: Lexicon, first: int, *, generic: bool) -> int | None:
    """Start of the name of a state or place that ends at ``words[k]`` (nominative or genitive) as a
    body's possessor, or None: "Қазақстан Республикасы(ның)", "Флорида штатының", "Нұр-Сұлтан
    қаласының", "Американың", "АҚШ"; with ``generic``, any capitalised word in the genitive that is no
    person's ("Пенсильванияның Жоғарғы Соты")."""
    w = words[k]
    if covered[k]:
        return None
    if w in _KK_STATE_ACRONYMS or w.split("-", 1)[0] in _KK_STATE_ACRONYMS:
        return k
    low = strip_case_kk(w).lower()
    genitive = is_genitive_kk(w)
    if not _KK_ADMIN_UNITS.isdisjoint(kk_bases(w.lower())) and is_possessed_kk(w):
        # "Қазақстан Республикасы", "Флорида штатының": the unit after its place's name
        if k == 0 or covered[k - 1] or not is_cap(words[k - 1]) or has_sure_case_kk(words[k - 1]):
            return None  # ("Флорида": -да here is no locative)
        end = k
        k -= 1
    elif is_cap(w) and (_kk_place(low, lex) or (generic and genitive)):
        if _kk_is_title(w, lex) or _kk_surname(low) or (starts_clause(words, k, first) and low in lex.function_words):
            return None
        end = k + 1
        if genitive and not _kk_place(low, lex) and k + 1 < len(words) and not is_cap(words[k + 1]):
            return None
    else:
        return None
    start = k
    while (start > 0 and end - start < 3 and not covered[start - 1] and is_cap(words[start - 1])
           and not _kk_is_title(words[start - 1], lex) and not has_sure_case_kk(words[start - 1])
           # a word capitalised by position joins only as a place or a point of the compass:
           # "Батыс Қазақстан облысының", not "Бақылау | Қазақстан Республикасы Ауыл шаруашылығы министрлігіне"
           and not (starts_clause(words, start - 1, first)
                    and not (_kk_place(words[start - 1].lower(), lex) or words[start - 1].lower() in _KK_COMPASS))):
        start -= 1
    if starts_clause(words, start, first) and words[start].lower() in lex.function_words:
        return None
    return start


def _kk_whole_noun_phrase(w: str, lex: Lexicon) -> bool:
    """A body, an office or a unit with the izafet's possessive in the nominative ("Парламенті",
    "депутаттары", "Республикасы"): the noun phrase it heads is complete, no dependent of a noun after it."""
    return is_possessed_nominative_kk(w) and (
        _kk_is_head(w, lex) or _kk_is_title(w, lex) or not _KK_ADMIN_UNITS.isdisjoint(kk_bases(w.lower())))


def _kk_admin_adjective(w: str) -> bool:
    """"облыстық", "қалалық", "аудандық", "ауылдық", "өңірлік", "округтік": of a region, city, district,
    village or another unit (the ending in its back- or front-vowel form)."""
    low = w.lower()
    return w.islower() and lyk_base_kk(low) in _KK_ADMIN_UNITS


def _kk_before_admin_unit(words, k: int) -> bool:
    """Does an administrative unit or its adjective follow ``words[k]`` ("Өскемен қаласының", "Алматы
    қалалық")? Then ``words[k]`` is a place's name in the nominative, whatever its end looks like."""
    return k + 1 < len(words) and (_kk_admin_unit(words[k + 1]) or _kk_admin_adjective(words[k + 1]))


def _kk_admin_unit(w: str) -> bool:
    """"облысы", "қаласының", "ауданы": an administrative unit, after the place it names."""
    return w.islower() and not _KK_ADMIN_UNITS.isdisjoint(kk_bases(w.lower()))


def _kk_is_title(w: str, lex: Lexicon) -> bool:
    low = w.lower()
    our = strip_our_kk(low)
    if our != low:
        low = our
        if low in lex.titles or low + "ы" in lex.titles or low + "сы" in lex.titles:
            return True
    return not lex.titles.isdisjoint(kk_bases(low))


def _kk_names(words, i: int, j: int, first: int, lex: Lexicon) -> list[Occurrence]:
    # "Цифрлық даму министрі": a capitalised word opening a position title is no name
    while i < j and starts_clause(words, i, first) and words[i].lower() in lex.function_words:
        i += 1
    if (j == i + 1 and j < len(words) and words[j][:1].islower() and words[j] not in lex.stopwords
        and is_relational_adjective_kk(words[i])):
        return []  # "Ол | Ұлттық академиялық кітапханада": as below, once the pronoun is off
    k = j if not all(w.isascii() for w in words[i:j]) else len(words)  # (no Kazakh title holds a Latin name)
    while k < len(words) and k - j < 3 and is_word(words[k]) and words[k].islower():
        if _kk_is_title(words[k], lex):
            return []
        k += 1
    if j - i >= 3 and starts_clause(words, i, first) and (
        _KK_DESCRIPTOR_RE.search(words[i].lower()) or strip_our_kk(words[i].lower()) != words[i].lower()  # "Тілшіміз" (our reporter)
        or _kk_surname(strip_case_kk(words[j - 1]))
        or _KK_PATRONYMIC_RE.search(strip_case_kk(words[j - 1]).lower())
    ):
        # "Атыраулық Арыстанбек Кенже", "Әріптесім Индира Жылқайдарова", "Шаруагер Бақтыбай Нұрниязов":
        # a word capitalised by position that says who the person is (where from, whose) is no part of
        # the name
        i += 1
    elif starts_clause(words, i, first) and is_plural_kk(words[i]) \
            and (j - i == 1 and not is_possessed_kk(words[i]) or j - i >= 2 and not is_possessed_kk(words[i + 1])):
        # "Жаралылар Луи Пастер ауруханасына жеткізілді": a plural noun capitalised by position is
        # no part of the name after it (but "Біріккен Араб Әмірліктері" ends in a plural head)
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
            # ("Флорида штаты": a place before its unit is in the nominative, whatever its end looks like)
            (has_oblique_case_kk(words[x]) and not _kk_before_admin_unit(words, x)) or (x > a and _kk_surname(words[x]))
            or is_vowel_accusative_kk(words[x])  # "Елорданы | Алматы"
            # "Қазақстан | Орталық Азия", but "Қазақстан Республикасы" (the izafet marks its head)
            or (words[x].lower() in lex.places and not is_possessed_kk(words[x + 1]))
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
    if j - i == 1 and (lows[0] in lex.titles or lows[0] in lex.stopwords or _ROMAN_RE.match(words[i])):
        return []  # a Roman numeral alone numbers a session or a century ("XXXII сессиясы"): no name
    if j - i == 1 and lows[0] in lex.org_names:
        kind = ORGANIZATION
    elif person or LATIN_SURNAME_RE.search(_translit_end(lows[-1])):
        kind = PERSON
    elif _kk_place(lows[-1], lex) or lows[-1] in _KK_REGION:
        kind = PLACE
    else:
        kind = NAME_KIND
    return [Occurrence(kind, i, j, starts_clause(words, i, first))]


# The word for a state's first-level region that ends the region's name, with the izafet's possessive:
# "Шығыс Қазақстан облысы" (as KazNERD marks it), "Флорида штаты" (the Kazakh name of Florida the state).
_KK_REGION = frozenset(("облысы", "облыс", "штаты"))
# A person's descriptor before the name: where from ("Атыраулық", "алматылық") or whose ("Әріптесім", my colleague).
_KK_DESCRIPTOR_RE = re.compile(r"(?:лық|лік|дық|дік|тық|тік|ім|ым|ем|ам|гер|кер|шы|ші)$")  # ... or what he does
# A patronymic ends a person's name: "Асқар Бекұлы", "Айгүл Серікқызы".
_KK_PATRONYMIC_RE = re.compile(r"(?:ұлы|қызы)$")
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


# Key phrases. A Kazakh term is a noun phrase: adjectives and nouns before a head noun in the
# nominative or with the possessive of the izafet ("саяси жаңғыру", "мемлекеттік тіл", "ұлттық бірлік").
# A word with a case ending (genitive, dative, accusative, locative, ablative, instrumental) ends its
# noun phrase: it may close a phrase (its citation form drops the ending) but nothing after it joins.
# Verb forms, converbs and locative adjectives ("елдегі") are no part of one; an adjective does not end
# one ("сессия қауіпсіз [өтті]" is a subject and its predicate).
_NOT_IN, _IN, _ENDS = 0, 1, 2
# Locative adjectives ("елдегі", "облыстағы", "ауылдағы"): they place the phrase, they are no part of a term.
# (Converbs before a verb, "атап өтті", "қарап шықты", and verb forms are :func:`may_be_verb_kk`'s.)

# word -> _NOT_IN, _IN or _ENDS
_phrase_words: dict[str, int] = {}


def _kk_phrase_word(w: str, lex: Lexicon) -> int:
    hit = _phrase_words.get(w)
    if hit is None:
        low = w.lower()
        hit = _NOT_IN
        if (
            w[:1].isalpha() and w.islower() and len(w) > 2 and low not in lex.function_words
            and low not in lex.phrase_breaks
            and not looks_verbal_kk(low) and not is_light_verb_kk(low) and not is_attributive_locative_kk(low)
            and not is_participle_kk(low)
        ):
            ends = (
                has_oblique_case_kk(w) or has_possessive_case_kk(low)
                or is_vowel_accusative_kk(low) or is_bare_locative_kk(low)
                or heads_noun_phrase_kk(low)
            )
            hit = _ENDS if ends else _IN
        if len(_phrase_words) >= 200_000:
            _phrase_words.clear()
        _phrase_words[w] = hit
    return hit


def _kk_phrase_last(w: str) -> bool:
    """Can ``w`` head (end) a key phrase? Not an adjective."""
    return not is_adjective_kk(w)


def _kk_phrases(words, covered, lex: Lexicon) -> list[Occurrence]:
    out = []
    run: list[int] = []

    def flush():
        if len(run) >= 2:
            # three words only after a relational adjective ("медициналық сақтандыру жүйесі"): free word
            # order makes most other three-word runs a subject and part of its predicate
            out.extend(
                o for o in ngrams(run, words, _any, _kk_phrase_last, max_len=3)
                if o.end - o.start == 2 or is_relational_adjective_kk(words[o.start])
            )
        run.clear()

    n = len(words)
    for i, w in enumerate(words):
        kind = _NOT_IN if covered[i] else _kk_phrase_word(w, lex)
        if kind and _kk_converb(words, i, lex):
            kind = _NOT_IN  # "атап өтті": a converb and its auxiliary verb
        if kind and i >= 2 and words[i - 1] == "-" and words[i - 2][:1].isdigit():
            kind = _NOT_IN  # the ending of a number: "100-ден", "5-інші"
        if kind == _IN and i + 1 < n and (
            (_kk_verb(words[i + 1], lex) and not is_passive_verb_kk(words[i + 1])) or _kk_converb(words, i + 1, lex)
        ):
            # a bare noun right before a verb is part of the predicate: the nominal of a compound verb
            # ("қайтыс болды", "жұмыс істейді") or an indefinite object ("өнім өндірді"); before a
            # passive verb it is the subject ("жұқпалы ауру тіркелді")
            kind = _NOT_IN
        if kind:
            run.append(i)
            if kind == _ENDS:
                flush()  # a word in an oblique case ends a noun phrase
        elif run:
            flush()
    flush()
    return out


def _kk_converb(words: Sequence[str], i: int, lex: Lexicon) -> bool:
    """Is ``words[i]`` a converb before its auxiliary verb ("атап өтті", "істеп жатыр")?"""
    return ends_like_converb_kk(words[i]) and i + 1 < len(words) and _kk_verb(words[i + 1], lex)


def _kk_verb(w: str, lex: Lexicon) -> bool:
    low = w.lower()
    return w.islower() and (low in lex.phrase_breaks or may_be_verb_kk(low))


def _any(word: str) -> bool:
    return True
