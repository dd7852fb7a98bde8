"""English: names are runs of capitalised words joined by of/the/for/and/&/'s ("Assembly of People of
Kazakhstan", "Prosecutor General's Office", "Marks & Spencer"); a shop named after its founder keeps
its 's ("Macy's said"), a newspaper its "The" ("The Sunday Times"), a site name is an outlet
("Politico.com"); key phrases are runs of lower-case nouns and adjectives."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..lexicon import Lexicon, lexicon
from ..text import Sentence, is_title_case_sentence
from .common import (
    LATIN_SURNAME_RE, NAME_KIND, ORGANIZATION, PERSON, PLACE, Occurrence, detect_acronyms,
    first_word_index, is_cap, is_word, ngrams,
)

_EN_CONNECTORS = frozenset(("of", "for", "on", "and", "de", "'s", "’s", "&"))
_POSSESSIVE = ("'s", "’s")
# After a shop's or brand's name with its 's ("Macy's"), what cannot follow a possessive: punctuation, a
# conjunction, a reporting verb. ("Macy's store" stays the possessive of "Macy".)
_AFTER_BRAND = frozenset((",", ".", ";", ":", ")", "!", "?", "»", "”", '"', "and", "or"))
_NOT_ADVERB_EN = frozenset(
    "family assembly supply rally anomaly monopoly ally reply holy homily italy july bully belly jelly "
    "oligopoly panoply melancholy folly".split()
)


def _en_is_adverb(w: str) -> bool:
    return len(w) > 4 and w.endswith("ly") and w not in _NOT_ADVERB_EN


def detect_en(sent: Sentence, lex: Lexicon | None = None) -> list[Occurrence]:
    """Names, acronyms and key phrases of an English sentence."""
    lex = lex or lexicon("en")
    words = sent.words
    n = len(words)
    first = first_word_index(words)
    out = detect_acronyms(words, "en")
    covered = [False] * n
    headline = is_title_case_sentence(words, first)
    i = 0
    while i < n:
        if not is_cap(words[i]) or _contraction(words[i]):
            if _is_site(words[i]):  # "samaritans.org": a site named in lower case
                out.append(Occurrence(ORGANIZATION, i, i + 1, False))
                covered[i] = True
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
                if low == "on" and words[j - 1].lower() not in lex.org_heads:
                    break  # "Committee on Foreign Affairs", not "Reuters on Monday"
                if low in ("of", "for") and not (
                    words[j - 1].lower() in lex.org_heads or words[j - 1].isupper()
                    or _common_word(words[j - 1].lower())
                ):
                    break  # "Bank of China", "Ministry for X"; not "Lindsey Graham | of South Carolina"
                if k < n and words[k].lower() == "the" and low in ("of", "for", "on"):
                    k += 1
                if k < n and is_cap(words[k]) and words[k].lower() not in lex.stopwords:
                    nxt = words[k].lower()
                    # "Ministry of Culture and Sports": "and" inside the complement of a head;
                    # "Brookings Institution and Al-Qaeda" are two names
                    if low == "and" and (not any(words[x].lower() in lex.org_heads for x in range(i, j))
                                         or words[j - 1].lower() in lex.org_heads
                                         or _head_follows(words, k, lex)) and not _one_body(words, i, j, k, lex):
                        break
                    if low in ("'s", "’s") and nxt not in lex.org_heads:
                        break
                    last = k
                    j = k + 1
                    continue
            break
        if last + 1 < n and _name_suffix(words[last], words[last + 1], lex):
            last += 1  # "Toyota UK", "Priorities USA", "Channel 5", "BBC Radio 4"
        if last + 1 < n and words[last + 1] in _POSSESSIVE and (
            last + 2 == n or words[last + 2] in _AFTER_BRAND or words[last + 2].lower() in lex.verbs
        ):
            last += 1  # "Macy's said", "at Sainsbury's.": a shop's name, not a possessive
        occ = _en_name(words, i, last + 1, first, lex)
        if occ is not None and occ.kind == ORGANIZATION and occ.start == i:
            # an acronym in front belongs to the institution: "U.S. Navy", "NBC News", "UK Government"
            lead = _acronym_before(words, i)
            if lead < i:
                occ = Occurrence(ORGANIZATION, lead, occ.end, lead == first)
        if (occ is not None and occ.start >= 2 and words[occ.start - 1].isdigit()
                and words[occ.start - 2] in _OPEN_QUOTES and occ.end < n and words[occ.end] in _CLOSE_QUOTES):
            occ = occ._replace(start=occ.start - 1)  # «"60 Minutes"»: a quoted title keeps its number
        if occ is not None:
            if headline or (occ.start > 0 and words[occ.start - 1] == ":"):
                # in a Title Case headline, and after a colon, a capital may only mark the place
                occ = occ._replace(initial=True)
            out.append(occ)
            for x in range(occ.start, occ.end):
                covered[x] = True
        i = last + 1
    out.extend(_en_phrases(words, covered, lex))
    return out


_OPEN_QUOTES = frozenset(('"', "“"))
_CLOSE_QUOTES = frozenset(('"', "”"))


# A country's acronym after a brand names its branch ("Toyota UK", "Priorities USA"); a number after a
# channel or station names it ("Channel 5", "Radio 4")
_COUNTRY_SUFFIXES = frozenset(("UK", "USA"))
_NUMBERED_HEADS = frozenset(("channel", "radio"))


def _name_suffix(last: str, nxt: str, lex: Lexicon) -> bool:
    """Whether ``nxt`` ends the name whose last word is ``last``.

    >>> lex = lexicon("en")
    >>> _name_suffix("Toyota", "UK", lex), _name_suffix("Radio", "4", lex), _name_suffix("London", "UK", lex)
    (True, True, False)
    """
    if nxt in _COUNTRY_SUFFIXES:
        return last.lower() not in lex.places and last.lower() not in lex.stopwords and last.upper() != last
    return last.lower() in _NUMBERED_HEADS and nxt.isdigit() and len(nxt) <= 2


def _one_body(words: Sequence[str], i: int, j: int, k: int, lex: Lexicon) -> bool:
    """Is "and" at ``j`` inside one body's name: "the Florida Fish and Wildlife Commission", "the
    Brigham and Women's Hospital"? The article before the first word makes the words up to the head
    after "and" one noun phrase, when no head comes before "and" (two names would each have one)."""
    if i == 0 or words[i - 1].lower() != "the" or any(words[x].lower() in lex.org_heads for x in range(i, j)):
        return False
    for x in range(k, min(len(words), k + 4)):
        if words[x].lower() in lex.org_heads:
            return True
        if not (is_cap(words[x]) or words[x] in _POSSESSIVE):
            return False
    return False


def _head_follows(words: Sequence[str], k: int, lex: Lexicon) -> bool:
    """Whether the capitalised words from ``k`` hold a head of their own: after "and" they are
    then a second name ("... of France and Harvard University")."""
    while k < len(words) and is_cap(words[k]):
        if words[k].lower() in lex.org_heads:
            return True
        k += 1
    return False


def _acronym_before(words: Sequence[str], i: int) -> int:
    """Where an acronym right before word ``i`` starts ("NBC"), else ``i`` ("U.S." is a capitalised
    word of the name already: :func:`termbase.extraction.text.join_name_tokens`)."""
    if i >= 1 and 2 <= len(words[i - 1]) <= 5 and words[i - 1].isalpha() and words[i - 1].isupper():
        return i - 1
    return i


# Name words that are also function words: "New York Times", "New Zealand"
_NAME_STARTERS = frozenset(("new",))


def _en_name(words: Sequence[str], start: int, end: int, first: int, lex: Lexicon) -> Occurrence | None:
    if words[start] == "The" and end - start > 1 and words[end - 1].lower() in lex.press_heads:
        # "The Sunday Times", "The Guardian": the article is part of a newspaper's name
        return Occurrence(ORGANIZATION, start, end, start == first)
    if (words[start] == "The" and end - start > 1 and start > first and words[start - 1].isalpha()
            and words[start - 1].islower()):
        # "commitments include The Power of Nutrition": a "The" capitalised inside a sentence, after a
        # word, is the name's own (not after a quote mark or a colon, where a sentence may begin)
        occ = _en_name(words, start + 1, end, first, lex)
        return occ if occ is None or occ.start != start + 1 else occ._replace(start=start)
    person = False
    # leading function words and sentence adverbs: "The", "In", "However", "April"
    while start < end and ((words[start].lower() in lex.stopwords and not (
            words[start].lower() in _NAME_STARTERS and start + 1 < end and is_cap(words[start + 1])))
            or words[start].lower() in lex.verbs):
        start += 1
        while start < end and not is_cap(words[start]):
            start += 1
    if start == first and start + 1 < end and is_cap(words[start + 1]) and _opener(words[start].lower()):
        start += 1  # "Later Macy's said", "Speaking to Reuters": an adverb or a verb capitalised by position
    if start >= end:
        return None
    if (start + 1 < end and start == first and words[start + 1] in ("of", "for") and is_cap(words[start])
            and words[start].lower() not in lex.org_heads and words[start].lower() not in lex.titles
            and _common_word(words[start].lower())):
        # "Shares of AT&T fell": a common word capitalised by position and its "of"
        start += 2
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
        else:
            # "German Chancellor Angela Merkel", "Lawyer Christian Schertz", "American Phil Mickelson": a
            # demonym or a word for what someone does, then two or more words the lexicon does not know
            role = next((k for k in range(end - 3, start - 1, -1) if _role_word(words[k].lower(), lex)), None)
            if role is not None and not any(_common_word(w.lower()) for w in words[role + 1 : end]):
                start = role + 1
                person = True
        lows = [w.lower() for w in words[start:end]]
    if end - start == 1 and (lows[0] in lex.demonyms or lows[0] in lex.titles or lows[0] == "i"):
        return None
    initial = start == first
    if has_head or (end - start == 1 and _is_site(words[start])):
        kind = ORGANIZATION
    elif person or LATIN_SURNAME_RE.search(lows[-1]):
        kind = PERSON
    elif " ".join(lows) in lex.places or lows[-1].endswith("stan"):
        kind = PLACE
    else:
        kind = NAME_KIND
    return Occurrence(kind, start, end, initial)


def _is_site(word: str) -> bool:
    """A site's name ("Politico.com", "samaritans.org"): the tokeniser keeps them whole."""
    return "." in word[1:-1] and word.rsplit(".", 1)[-1].isalpha() and not word.replace(".", "").isupper()


def _contraction(word: str) -> bool:
    """ "I'm", "I've", "Don't": a pronoun or verb with its contraction, no name."""
    return word[-3:-2] in ("'", "’") and word[-2:].lower() in ("ve", "ll", "re") or (
        word[-2:-1] in ("'", "’") and word[-1:].lower() in ("m", "d", "t"))


@lru_cache(maxsize=50_000)
def _opener(low: str) -> bool:
    """An adverb ("Later", "Meanwhile") or a word that is only a verb ("Speaking"): no name's first word."""
    from lemminflect import getAllLemmas

    pos = getAllLemmas(low)
    return bool(pos) and (pos.get("ADV") == (low,) or set(pos) == {"VERB"})


# Endings of English agent nouns: "lawyer", "chancellor", "secretary", "economist", "historian".
_AGENT_ENDINGS = ("er", "or", "ary", "ist", "ian", "ant", "ent")


def _role_word(low: str, lex: Lexicon) -> bool:
    """A word that may stand before a person's name: a title, a demonym ("American") or a noun for
    what someone does ("lawyer", "chancellor": a noun only, with an agent noun's ending)."""
    if low in lex.titles or low in lex.demonyms:
        return True
    return low.endswith(_AGENT_ENDINGS) and _noun_only(low)


@lru_cache(maxsize=50_000)
def _noun_only(low: str) -> bool:
    """Does the English lexicon know ``low`` as a noun and nothing else? (Asked once per word.)"""
    from lemminflect import getAllLemmas

    return set(getAllLemmas(low)) == {"NOUN"}


@lru_cache(maxsize=50_000)
def _common_word(low: str) -> bool:
    """A word of the general lexicon (a noun, verb or adjective lemminflect knows)."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(low))


_en_pos_cache: dict[str, int] = {}
_NOUN, _ADJ = 1, 2
#: ``en_readings`` of a word that is a noun and never an adjective ("state" is both).
NOUN_ONLY = _NOUN


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


def _en_phrases(words: Sequence[str], covered: list[bool], lex: Lexicon) -> list[Occurrence]:
    out = []
    run: list[int] = []

    def flush():
        while run and words[run[0]].lower() in lex.weak_modifiers:
            run.pop(0)
        if len(run) >= 2:
            out.extend(ngrams(run, words, _en_ok_first, _en_ok_last))
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

