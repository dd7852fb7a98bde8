"""Russian: institution names from their head noun (министерство, комитет ...) and the genitive words
after it ("Министерство внутренних дел"); other capitalised words as people, places and names, told
apart by pymorphy3's Name/Surn/Patr/Geox/Orgn tags; key phrases as agreeing ADJ* NOUN (NOUN-gen)*."""

from __future__ import annotations

from ..lexicon import Lexicon, lexicon
from ...languages.russian import ABBR, ANIM, GEOX, NAME, ORGN, PATR, SURN, ru_word, surname_base_ru
from ..text import Sentence
from .common import (
    NAME_KIND, ORGANIZATION, PERSON, PHRASE, PLACE, Occurrence, cap_chain_end, detect_acronyms,
    first_word_index, is_acronym, is_cap, is_roman, quoted_initial, starts_clause,
)

_GENT = frozenset(("gent", "gen2"))
_PERSON_FLAGS = NAME | SURN | PATR


def _ru_namelike(w: str) -> bool:
    """Does a capitalised word at the start of a sentence look like a name rather than a common word?"""
    info = ru_word(w)
    return not info.known or bool(info.first_flags & (NAME | SURN | PATR | GEOX | ORGN))


def detect_ru(sent: Sentence, lex: Lexicon | None = None) -> list[Occurrence]:
    """Names, acronyms and key phrases of a Russian sentence."""
    lex = lex or lexicon("ru")
    words = sent.words
    n = len(words)
    first = first_word_index(words)
    out = detect_acronyms(words, "ru")
    acronyms = [o.start for o in out]
    covered = [False] * n
    caps = [is_cap(w) for w in words]
    infos = [ru_word(w) if w[:1].isalpha() or c else None for w, c in zip(words, caps)]

    def cover(a: int, b: int) -> None:
        for x in range(a, b):
            covered[x] = True

    # quoted names: движение «Солидарность», газета «Егемен Қазақстан»
    for i, w in enumerate(words):
        if w in "«\"“" and i + 1 < n and caps[i + 1]:
            close = next((k for k in range(i + 2, min(n, i + 9)) if words[k] in "»\"”"), None)
            if close is None or any(words[k] in ".!?" for k in range(i + 1, close)):
                continue
            if _ru_quoted_speech(words, infos, i + 1, close):
                continue  # «Мы не разрешаем пытки»: what someone said, no name
            before = infos[i - 1] if i > 0 else None
            kind = ORGANIZATION if before is not None and before.lemma in lex.org_heads else NAME_KIND
            # after its kind noun («компанию «Казахтелеком»») a quoted name is not declined: when the
            # dictionary does not know its words, their form as written is the name (pymorphy's guess at
            # a case ending, "Казахтелек|ом", is not taken); names of known words decline in practice
            # («службе «Голоса Америки»», «газеты «Ведомостей»»), their nominative is the dictionary's
            as_written = (kind == ORGANIZATION and words[i - 1].islower()
                          and all(infos[k] is not None and not infos[k].known for k in range(i + 1, close)))
            out.append(Occurrence(kind, i + 1, close, quoted_initial(words, i, close, first), as_written=as_written))
            cover(i + 1, close)
    # institutions around a head noun
    for i, info in enumerate(infos):
        if info is None or covered[i] or not info.noun_cases or (
            info.lemma not in lex.org_heads and info.lemma not in lex.state_heads and info.lemma not in lex.legal_heads
        ):
            continue
        left = i
        while (
            left > 0 and i - left < 3 and not covered[left - 1] and infos[left - 1] is not None
            and infos[left - 1].adj_cases & info.noun_cases
        ):
            left -= 1
            if left > 1 and words[left - 1] == "и":
                # "Иммиграционной и таможенной служб", "Всемирной продовольственной и сельскохозяйственной
                # организации": adjectives before "и" that begin with a capital (not one of position)
                m = left - 2
                while (m >= 0 and left - 2 - m < 2 and not covered[m] and infos[m] is not None
                       and infos[m].adj_cases & info.noun_cases and not infos[m].noun_cases):
                    m -= 1
                m += 1
                if m <= left - 2 and caps[m] and not starts_clause(words, m, first):
                    left = m
        adjectives = left
        # the name begins at a capital, but not at a vague word capitalised by position ("Новое")
        while left <= i and (not caps[left] or (left == first and infos[left].lemma in lex.stopwords)):
            left += 1
        end = _ru_genitive_tail(words, infos, i + 1, covered, lex)
        if end > i + 1 and _ru_title_holder(words, infos, adjectives - 1, i + 1, end, lex):
            end = i + 1  # "шеф концерна | Бернд Пишетсридер": the title's holder, not the body's name
        if info.lemma in lex.legal_heads:
            # a legal form and the quoted name of the body: "акционерное общество «Информационно-учетный
            # центр»", "Республиканское государственное предприятие на праве хозяйственного ведения
            # «Институт ...» Министерства юстиции": one name, and the quoted one and the owner's apart
            k = _ru_legal_right(words, infos, end)
            q = _ru_quoted_tail(words, k, covered, long=True)
            if q > k:
                if left > i:
                    left = adjectives
                    while left < i and infos[left].lemma in lex.stopwords:
                        left += 1
                end = _ru_genitive_tail(words, infos, q, [False] * n, lex)
                out.append(Occurrence(ORGANIZATION, left, end, left == first))
                cover(left, k)
                continue
            if info.lemma not in lex.org_heads:
                continue
        if (left < i and left == first and info.lemma not in lex.org_heads and end == i + 1
                and not any(caps[left + 1 : i + 1])
                and not _ru_relational(words[left].lower(), infos[left], lex)):
            # "Местные власти не ...": a body a state has one of, with a capital only of position and
            # no country's adjective, is no name (as "местные власти" inside a sentence is none)
            continue
        if left <= i:
            end = _ru_quoted_tail(words, end, covered)  # Русской службе «Голоса Америки»
        else:
            place_end = next((e for e in range(min(end, i + 5), i + 1, -1)
                              if _ru_ends_with_place(words, infos, caps, i + 1, e)), 0)
            named = i + 1
            while named < min(end, i + 4) and (is_acronym(words[named]) or caps[named]) and not covered[named]:
                named += 1
            if named > i + 1 and end > named and not place_end and words[named] in ("при", "и", ","):
                # "школе Максвелла | при Сиракузском университете": the proper name in the genitive
                # right after the head ends the name; what follows names another body
                end = named
            if end > i + 1 and end - i <= 3 and (is_acronym(words[end - 1]) or is_cap(words[end - 1])) or place_end:
                # "правительства США", "шахматная федерация Израиля": a common head noun with a proper
                # name after it, and the adjectives before it that are not vague ("новое", "нынешнее");
                # a place's unit may come between ("местный исполнительный орган города Нур-Султана",
                # "органы внутренних дел Республики Казахстан", "… органом Туркестанской области")
                if not (end - i <= 3 and (is_acronym(words[end - 1]) or is_cap(words[end - 1]))):
                    end = place_end  # "[органом] Туркестанской области | ценных бумаг"
                left = i
                while left > adjectives and infos[left - 1].lemma not in lex.stopwords:
                    left -= 1
            elif info.lemma in lex.state_heads and adjectives < i and _ru_relational(words[i - 1], infos[i - 1], lex):
                left = i - 1  # "российской сборной", "американских властей": the one of a country
            else:
                continue
        if left == i == first and end > i + 1 and words[end - 1] in "»\"”" and covered[end - 2]:
            # "Магазин «Пятёрочка» открылся", "Сеть магазинов «Магнит»": a kind capitalised by position
            # and the quoted name (found above) of one of its kind
            cover(i, end)
            continue
        if (left == i or not any(caps[left : i + 1])) and end > i + 1 and all(w.isascii() for w in words[i + 1 : end]):
            # "компания Yahoo!", "агентство S&P": a common noun before a foreign name describes it (an
            # acronym is counted as one already)
            if not (end == i + 2 and is_acronym(words[i + 1])):
                out.append(Occurrence(ORGANIZATION, i + 1, end, False))
            cover(i, end)
            continue
        out.append(Occurrence(ORGANIZATION, left, end, left == first))
        cover(left, end)
    # "ГУ МЧС России по Санкт-Петербургу", "МЧС по Санкт-Петербургу и Ленобласти": a body's acronym (and
    # its state) with the territory it serves, "по" and a place's name in the dative
    for i in acronyms:
        if covered[i]:
            continue
        j = i + 1
        while j < n and is_acronym(words[j]) and not covered[j]:
            j += 1
        if (j < n and caps[j] and not covered[j] and infos[j] is not None and infos[j].flags & GEOX
                and infos[j].noun_cases & _GENT):
            j += 1  # "России"
        end = _ru_territory(words, infos, caps, covered, j)
        if (not end and j == i + 2 and not is_acronym(words[i + 1]) and not covered[i] and not (infos[i] is not None and infos[i].flags & GEOX)
                and words[i].lower() not in lex.common_abbreviations and (j >= n or not is_cap(words[j]) or _ru_person_after_state(infos, j))):
            # "PGA Америки", "МИД России": a body's acronym with the state whose body it is; a capitalised
            # word after the state may only be a person's name ("МИД России Мария Захарова"), no part of it
            end = j
        if end:
            start = i
            while start > 0 and is_acronym(words[start - 1]) and not covered[start - 1]:
                start -= 1  # "ГУ МЧС"
            out.append(Occurrence(ORGANIZATION, start, end, start == first))
            cover(start, end)
    # "японского МИДа": a country's adjective before an acronym names that country's institution
    for i in acronyms:
        if i > 0 and not covered[i - 1] and _ru_relational(words[i - 1], infos[i - 1], lex):
            out.append(Occurrence(ORGANIZATION, i - 1, i + 1, False))
            cover(i - 1, i)
    # "Частного корреспондента", "Красной площади", "Брукхейвенской национальной лаборатории": inside a
    # sentence, a capitalised adjective begins a name that goes on with its noun in lower case (and up to
    # two lower-case adjectives before the noun, agreeing with it)
    for i in range(first + 1, n - 1):
        if not caps[i]:
            continue
        info = infos[i]
        if info is None or covered[i] or starts_clause(words, i, first):
            continue
        cases = info.adj_cases
        h = i + 1
        adjective = info.first_pos in ("ADJF", "PRTF") and info.lemma not in lex.stopwords
        while (
            adjective and h < n - 1 and h - i <= 2 and not covered[h] and words[h].islower() and infos[h] is not None
            and infos[h].first_pos in ("ADJF", "PRTF") and not infos[h].noun_cases and cases & infos[h].adj_cases
            and infos[h].lemma not in lex.stopwords
        ):
            cases = cases & infos[h].adj_cases
            h += 1
        if (
            not covered[h] and words[h].islower() and infos[h] is not None and infos[h].first_pos == "NOUN"
            and cases & infos[h].noun_cases and infos[h].lemma not in lex.stopwords
            and (h + 1 >= n or not caps[h + 1] or _ru_place_after(words, infos, covered, h + 1))
        ):
            # a known place right after the noun is the name's ("Южном округе Нью-Йорка"); another
            # capitalised word is a name of its own
            end = h + 2 if h + 1 < n and caps[h + 1] else h + 1
            kind = ORGANIZATION if infos[h].lemma in lex.org_heads else NAME_KIND
            out.append(Occurrence(kind, i, end, False))
            cover(i, end)
    # other capitalised words: people, places, other names
    i = 0
    while i < n:
        if covered[i] or not caps[i]:
            i += 1
            continue
        j = cap_chain_end(words, i, covered, split_scripts=True)
        found = _ru_names(words, infos, i, j, first, lex)
        if (words[i].isascii() and i > 0 and words[i - 1].isascii() and words[i - 1].isalpha()
                and words[i - 1].isupper() and 2 <= len(words[i - 1]) <= 5 and not covered[i - 1]):
            # a Latin name led by an acronym: "NBC News", "BBC Radio"
            found = [Occurrence(ORGANIZATION, i - 1, o.end, i - 1 == first) if o.start == i else o for o in found]
        out.extend(found)
        i = j
    # "венский «Рапид»", "индонезийского Красного Креста": a country's or city's adjective before an
    # institution's name names that place's one (the name alone stays a candidate too)
    for o in list(out):
        if o.kind not in (ORGANIZATION, NAME_KIND) or o.start < 1:
            continue
        if words[o.start - 1] in "«\"“" and o.end < n and words[o.end] in "»\"”":
            a = o.start - 2
            if a >= 0 and not covered[a] and _ru_relational(words[a], infos[a], lex):
                out.append(Occurrence(ORGANIZATION, a, o.end + 1, False))
        elif (not covered[o.start - 1] and _ru_relational(words[o.start - 1], infos[o.start - 1], lex)
              and infos[o.start] is not None
              and infos[o.start - 1].adj_cases & (infos[o.start].adj_cases | infos[o.start].noun_cases)):
            out.append(Occurrence(ORGANIZATION, o.start - 1, o.end, False))
    out.extend(_ru_phrases(words, infos, covered, lex))
    return out


def _ru_territory(words, infos, caps, covered, j: int) -> int:
    """End of "по Санкт-Петербургу (и Ленобласти)" from word ``j``: "по" and capitalised places' names
    in the dative; 0 if there is none."""
    n = len(words)
    if not (j + 1 < n and words[j] == "по"):
        return 0
    k = j + 1
    end = 0
    while k < n and caps[k] and not covered[k] and infos[k] is not None and "datv" in infos[k].noun_cases:
        end = k = k + 1
        if k + 1 < n and words[k] == "и" and caps[k + 1]:
            k += 1
            continue
        break
    return end


def _ru_relational(w: str, info, lex: Lexicon) -> bool:
    """A lower-case adjective of a country or people: "японского", "российской", "американских"."""
    return (
        info is not None and w.islower() and bool(info.adj_cases) and info.first_pos in ("ADJF", "PRTF")
        and info.lemma.endswith(("ский", "цкий")) and info.lemma not in lex.stopwords
    )


def _ru_quoted_tail(words, j: int, covered, *, long: bool = False) -> int:
    """After a name, its quoted part: "Русской службе [«Голоса Америки»]" (the quoted name is covered);
    with ``long``, any quoted name of up to 16 words that begins with a capital."""
    if j + 1 < len(words) and words[j] in "«\"“" and (covered[j + 1] or (long and is_cap(words[j + 1]))):
        close = next((k for k in range(j + 2, min(len(words), j + (18 if long else 10))) if words[k] in "»\"”"), None)
        if close is not None and not any(w in ".!?;" for w in words[j + 1 : close]):
            return close + 1
    return j


def _ru_legal_right(words, infos, j: int) -> int:
    """After a legal form, the right it holds its property by: "на праве хозяйственного ведения"."""
    if j + 2 < len(words) and words[j] == "на" and words[j + 1] == "праве":
        k = _ru_case_phrase(words, infos, j + 2, "gent")
        if k:
            return k
    return j


def _ru_genitive_tail(words, infos, j: int, covered, lex: Lexicon, max_words: int = 12) -> int:
    """End of the dependents after a head noun: genitives ("[Министерство] внутренних дел Казахстана",
    "[Департамент] юридической службы Министерства финансов Республики Казахстан"), a "по" phrase in
    the dative ("[Комиссия] по занятости и навыкам Великобритании"), "при" in the locative, and their
    conjuncts with "и" in the same case, unless the conjunct is another institution ("[Фонд] Интернета
    | и Института открытых данных"). A proper name ends the genitives: a word in lower case after it
    is the sentence's ("Республики Казахстан | сведений об исполнении")."""
    n = len(words)
    start = j
    case = "gent"  # the case of the last dependent: a conjunct after "и" takes it
    while j < n and j - start < max_words:
        if covered[j]:
            break
        w = words[j]
        if w == "при" and j > start - 1 and j + 1 < n:
            # "[Совет] при Президенте", "[совета] при главном архитекторе Москвы"
            k = j + 1
            while (
                k + 1 < n and infos[k] is not None and "loct" in infos[k].adj_cases and infos[k + 1] is not None
                and "loct" in infos[k + 1].adj_cases | infos[k + 1].noun_cases
            ):
                k += 1
            if k < n and infos[k] is not None and "loct" in infos[k].noun_cases:
                j = k + 1
                case = "loct"
                continue
            break
        if w in ("по",) and j + 1 < n:
            k = _ru_case_phrase(words, infos, j + 1, "datv")
            if k:
                j = k
                case = "datv"
                continue
            break
        if w == "и" and j > start and j + 1 < n:
            k = _ru_case_phrase(words, infos, j + 1, case)
            # another institution: "[Фонд] Интернета | и Института открытых данных", "[Конгресса]
            # профсоюзов | и профсоюза Юнайт" (a body's head with its own name after it)
            if k and not (infos[k - 1].lemma in lex.org_heads and (is_cap(words[j + 1]) or (k < n and is_cap(words[k])))):
                j = k
                continue
            break
        if w == "," and j > start and j + 1 < n:
            # a comma list of dependents in one case ends with "и": "[Министерство] цифрового развития,
            # инноваций и аэрокосмической промышленности"; no institution among them
            k = j
            while k < n and words[k] == ",":
                first_word = k + 1
                k = _ru_case_phrase(words, infos, first_word, case)
                if not k or (infos[k - 1].lemma in lex.org_heads and is_cap(words[first_word])):
                    k = 0
                    break
            if k and k + 1 < n and words[k] == "и" and _ru_case_phrase(words, infos, k + 1, case):
                j = k
                continue
            break
        if w == "им" and j + 2 < n and words[j + 1] == "." and is_cap(words[j + 2]) and not covered[j + 2]:
            # "[Театра] им. Йозефа Бойса": the abbreviation of "имени", the person's name after it ends the name
            j += 2
            while j < n and is_cap(words[j]) and not covered[j]:
                j += 1
            break
        if is_acronym(w):
            j += 1
            # a Latin name led by an acronym: "[агентство] ABC News"
            while j < n and w.isascii() and words[j].isascii() and is_cap(words[j]) and not covered[j]:
                j += 1
            if j + 1 < n and words[j] == "по":
                continue  # "[Национальный институт] США по исследованию рака"
            break
        if w.isascii() and is_cap(w):
            # a Latin name is the name's last part: "[клиники] Brigham and Women's Hospital"
            j = cap_chain_end(words, j, covered)
            while j < n and not covered[j] and words[j].isascii() and (is_acronym(words[j]) or is_cap(words[j])):
                j = max(j + 1, cap_chain_end(words, j + 1, covered))  # "[организация] Business NZ"
            break
        info = infos[j]
        if info is None or info.lemma in lex.stopwords:
            break
        if (is_cap(w) and info.first_flags & NAME and info.first_case == "nomn" and j + 1 < n
                and is_cap(words[j + 1]) and not covered[j + 1]):
            break  # "Худрук Большого театра Анатолий Иксанов": a first name in the nominative begins a person
        if is_cap(w) and (info.flags & GEOX or not info.known or info.noun_cases & _GENT):
            if (j > start and info.first_flags & (NAME | PATR) and not info.first_flags & GEOX
                    and (info.known or (j + 1 < n and is_cap(words[j + 1])))):
                break  # "Министерства юстиции Александра Коновалова": a person after the name
            if j > start and infos[j - 1] is not None and _ru_oblique_place_ends(infos[j - 1], info):
                break  # "Посольство России | Масахару Коно"
            j += 1
            case = "gent"
            continue
        if ((j == start and is_cap(w) and not info.first_flags & _PERSON_FLAGS)
                or (j > start and infos[j - 1] is not None and infos[j - 1].lemma in _GOVERN_ABLT)):
            # "[Управление] Делами Президента", "[Отдел] по управлению подведомственными организациями"
            k = _ru_case_phrase(words, infos, j, "ablt")
            if k:
                j = k
                continue
        if j > start and w.islower() and is_cap(words[j - 1]) and _ru_proper(infos[j - 1]):
            break
        k = _ru_case_phrase(words, infos, j, "gent")
        if k and (infos[k - 1].first_pos in ("NOUN", "ADJF", "PRTF", None) or is_cap(words[k - 1])):
            j = k
            case = "gent"
            continue
        if j == start and _ru_plural_genitive_adjective(info) and (
                j + 1 >= n or infos[j + 1] is None or infos[j + 1].first_pos not in ("NOUN", "ADJF", "PRTF")):
            j += 1  # an adjective standing for its people: "[Партия] зеленых", "[Союз] правых"
        break
    return j


# nouns whose object is in the instrumental: "управление делами", "управляющий делами"
_GOVERN_ABLT = frozenset(("управление", "управляющий"))


def _ru_title_holder(words, infos, title: int, a: int, b: int, lex: Lexicon) -> bool:
    """Are the capitalised words ``words[a:b]`` after a person's noun and a body ("шеф концерна Бернд
    Пишетсридер", "астронавта Европейского космического агентства Томаса Райтера") the name of that
    person? Two or three words that no reading makes a place, a body or a common noun, and nothing
    capitalised after them: a body's genitive dependent is a place or a body, and its own name a
    single word or a quoted one ("глава компании Роснефть", "директор компании «Рога и копыта»").
    Before a known first name, any animate noun in the same case ("астронавта ... Томаса"; not
    "директор Театра | Олега Табакова", a body named after a person); before words no dictionary
    has, a title ("шеф", "глава", "директор")."""
    if title < 0 or infos[title] is None or not 2 <= b - a <= 3 or infos[title].first_pos != "NOUN":
        return False
    if b < len(words) and is_cap(words[b]):
        return False
    person = infos[a]
    named = person is not None and person.known and bool(person.first_flags & NAME)
    if named:
        if not (infos[title].first_flags & ANIM and infos[title].noun_cases & person.noun_cases):
            return False
    elif infos[title].lemma not in lex.titles:
        return False
    for k in range(a, b):
        info = infos[k]
        if (info is None or not is_cap(words[k]) or words[k].isascii() or is_acronym(words[k])
                or info.flags & (GEOX | ORGN)
                # a surname after a known first name may be a common word too ("Райтера")
                or (info.known and not info.first_flags & _PERSON_FLAGS and not (named and k > a))):
            return False
    return True


def _ru_proper(info) -> bool:
    """A proper name by its readings: a place, person or organisation, or a word no dictionary has."""
    return info is not None and (not info.known or bool(info.flags & (GEOX | ORGN | _PERSON_FLAGS)))


def _ru_plural_genitive_adjective(info) -> bool:
    return any(r[0] == "ADJF" and r[1] == "gent" and r[2] == "plur" for r in info.readings) and not info.noun_cases


def _ru_case_phrase(words, infos, k: int, case: str) -> int:
    """End of the noun phrase in ``case`` from word ``k`` (adjectives, then a noun), or 0. Adjectives
    may be coordinated with "и" or a comma before "и" ("организационно-контрольной и кадровой
    работы", "Костанайской и Северо-Казахстанской областей"): each agrees with the noun."""
    n = len(words)

    def adjective(x: int) -> bool:
        return x < n and infos[x] is not None and case in infos[x].adj_cases and case not in infos[x].noun_cases

    start = k
    while adjective(k) or (
        k > start and words[k] in ("и", ",") and adjective(k - 1) and adjective(k + 1)
        and (words[k] == "и" or _ru_adjectives_then_and(words, adjective, k + 1))
    ):
        k += 1
    if k < n and infos[k] is not None and case in infos[k].noun_cases:
        return k + 1
    return 0


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
            or _ru_oblique_place_ends(infos[x - 1], infos[x]) or _ru_cases_part(infos[x - 1], infos[x])
        ):
            parts.append((k, x))
            k = x
    parts.append((k, j))
    out = []
    for a, b in parts:
        lemmas = [infos[x].lemma if infos[x] is not None else words[x] for x in range(a, b)]
        if b - a == 1 and (lemmas[0] in lex.titles or lemmas[0] in lex.stopwords or _ru_junk(words[a], infos[a])):
            continue
        # a title ("Президент Казахстана Касым-Жомарт Токаев") makes a person of the last part only
        # (not a place alone: "Президент Индонезии", "премьер Британии")
        titled = person and b == j and not (
            b - a == 1 and infos[a] is not None and (infos[a].first_flags & GEOX or lemmas[0] in lex.places)
        )
        if b - a == 1 and lemmas[0] in lex.org_names or any(lm in lex.org_heads for lm in lemmas):
            kind = ORGANIZATION
        elif titled or all(infos[x] is not None and _ru_personlike(words[x], infos[x]) for x in range(a, b)) or (
            b - a > 1 and infos[a] is not None and _ru_personlike(words[a], infos[a])
            and not infos[b - 1].first_flags & GEOX
        ):
            # "Ким Чен Ыном": a person's first word, and no known place's at the end
            kind = PERSON
        elif infos[a] is not None and infos[a].first_flags & ORGN:
            kind = ORGANIZATION  # "Газпром России"
        elif any(infos[x] is not None and infos[x].flags & GEOX for x in range(a, b)) or lemmas[-1] in lex.places:
            kind = PLACE
        elif any(infos[x] is not None and infos[x].flags & ORGN for x in range(a, b)):
            kind = ORGANIZATION
        else:
            kind = NAME_KIND
        out.append(Occurrence(kind, a, b, starts_clause(words, a, first)))
    return out


def _ru_oblique_place_ends(place, nxt) -> bool:
    """Does a known place in an oblique case end before a word the dictionary does not know ("посол
    Японии в России | Масахару Коно")? A name that begins with a place's name has it in the nominative
    ("Россия Сегодня", "Казахстан Темир Жолы"); a place declined as part of a name agrees with the
    known words after it ("Южной Кореи")."""
    return (
        place.known and bool(place.flags & GEOX) and bool(place.noun_cases) and "nomn" not in place.noun_cases
        and not nxt.known
    )


def _ru_cases_part(left, right) -> bool:
    """Do two capitalised nouns the dictionary knows stand in cases no reading shares, the second not
    in the genitive ("завоевания Крыма | Россией")? Then they are two names: the words of one name
    agree, and only a genitive depends on a name ("Газпром России", "Бундестаг Германии")."""
    return (
        left.known and right.known and left.first_pos == "NOUN" and right.first_pos == "NOUN"
        and bool(left.noun_cases) and bool(right.noun_cases) and not left.noun_cases & right.noun_cases
        and not right.noun_cases & _GENT
    )


# Personal pronouns: in quotes, they are someone's words ("«Мы не разрешаем пытки»"), no name.
_RU_PRONOUNS = frozenset(("я", "мы", "ты", "вы", "он", "она", "оно", "они"))


def _ru_quoted_speech(words, infos, a: int, b: int) -> bool:
    """Are the quoted words ``words[a:b]`` someone's words rather than a name: a comma, a personal
    pronoun or a verb in the present or future tense (a dictionary word read only as a verb) inside."""
    for k in range(a, b):
        w = words[k]
        if w == "," or w.lower() in _RU_PRONOUNS:
            return True
        info = infos[k]
        if (info is not None and w.islower() and info.known and info.first_pos == "VERB"
                and not info.noun_cases and not info.adj_cases):
            return True
    return False


def _ru_personlike(w: str, info) -> bool:
    """A first name, surname or patronymic: by any reading unless one reads it as a place, or by its
    likeliest reading ("Касым-Жомарт" is a name first, a place by a guess)."""
    return (
        bool(info.flags & _PERSON_FLAGS and not info.flags & GEOX) or bool(info.first_flags & _PERSON_FLAGS)
        or surname_base_ru(w) is not None
    )


def _ru_junk(w: str, info) -> bool:
    """No name on its own: an abbreviation of a common word ("Св", "Г") or a Roman numeral ("XXXIII")."""
    return (info is not None and bool(info.first_flags & ABBR) and w.isalpha() and len(w) <= 3) or is_roman(w)


_phrase_words: dict[str, bool] = {}


def _ru_phrase_word(w: str, info, lex: Lexicon) -> bool:
    """Can the word be part of a key phrase: a lower-case noun, adjective or participle, not vague?"""
    hit = _phrase_words.get(w)
    if hit is None:
        hit = (
            w.islower() and len(w) > 2 and bool(info.noun_cases or info.adj_cases)
            and info.first_pos in ("NOUN", "ADJF", "PRTF") and info.lemma not in lex.stopwords
        )
        if len(_phrase_words) >= 200_000:
            _phrase_words.clear()
        _phrase_words[w] = hit
    return hit


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
        if info is not None and not covered[i] and _ru_phrase_word(w, info, lex):
            run.append(i)
        elif run:
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



def _ru_adjectives_then_and(words, adjective, k: int) -> bool:
    """Do the agreeing adjectives from word ``k`` go on to "и" and one more adjective (a comma list
    of adjectives ends with "и": "[…] западной, восточной и южной [областей]")?"""
    n = len(words)
    while k < n and (adjective(k) or words[k] == ","):
        k += 1
    return k + 1 < n and words[k] == "и" and adjective(k + 1)


def _ru_ends_with_place(words, infos, caps, a: int, b: int) -> bool:
    """Do the genitives ``words[a:b]`` end with a place: a capitalised place's name in the genitive
    ("[города] Нур-Султана", "Республики Казахстан") or a capitalised adjective with its lower-case
    noun ("Туркестанской области")?"""
    last = infos[b - 1]
    if last is None:
        return False
    if caps[b - 1]:
        return bool(last.flags & GEOX) or (b - 2 >= a and caps[b - 2] and infos[b - 2] is not None
                                           and bool(infos[b - 2].flags & GEOX))
    return (b - 2 >= a and words[b - 1].islower() and caps[b - 2] and infos[b - 2] is not None
            and infos[b - 2].first_pos == "ADJF" and bool(infos[b - 2].adj_cases & last.noun_cases & _GENT))


def _ru_place_after(words, infos, covered, k: int) -> bool:
    """Is word ``k`` a known place's one-word name in the genitive or the nominative ("[Южном округе]
    Нью-Йорка", "[…] Нью-Йорк"), not followed by another capitalised word?"""
    info = infos[k]
    return (
        not covered[k] and info is not None and info.known and bool(info.first_flags & GEOX)
        and bool(info.noun_cases & (_GENT | {"nomn"}))
        and (k + 1 >= len(words) or not is_cap(words[k + 1]))
    )


def _ru_person_after_state(infos, j: int) -> bool:
    """Does word ``j`` begin a person's name (a first name or a surname the dictionary knows, no place's)
    right after a state the dictionary knows as a place ("России | Мария Захарова"; not after a guess:
    "ФИФА Зепп | Блаттер", where "Зепп" is a first name it does not know)?"""
    state, info = infos[j - 1], infos[j]
    return (state is not None and state.known and bool(state.first_flags & GEOX) and info is not None and info.known
            and bool(info.first_flags & (NAME | SURN)) and not info.first_flags & GEOX)
