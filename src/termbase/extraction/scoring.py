"""Merged candidate statistics -> citation forms, kinds, scores and a ranking.

Scores put names and key phrases on one scale, "weighted occurrences":
- names: frequency x a weight per kind (institutions first) x a bonus per extra word;
- key phrases: C-value (Frantzi, Ananiadou & Mima 2000: frequency, minus the frequency of the longer
  candidates it is nested in, times log2 of its length + 1) x contrast with general language, from
  the word frequencies of the ``wordfreq`` package (English and Russian; it has no Kazakh table, so
  Kazakh phrases get a flat contrast and the result says so in its notes); English phrases whose
  first word describes rather than classifies their head ("indestructible monolith" against
  "territorial integrity") weigh less.

An acronym and the name written out beside it are one candidate (:func:`merge_acronyms`). The ranking
is lazy (:func:`ranked`): citation forms, which for Russian mean inflecting, are made only for the
candidates a caller reads.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Iterator

from ..languages.kazakh import kk_bases, kk_counted_form, strip_attributive_locative_kk, strip_case_kk
from ..languages.russian import has_indeclinable_ending_ru, may_be_indeclinable_ru, same_name_ru
from ..languages.keys import citation_form
from .counting import Stats
from .detect import ACRONYM, NAME_KIND, ORGANIZATION, PERSON, PHRASE, PLACE, acronym_core
from .lexicon import lexicon

KIND_WEIGHTS = {ORGANIZATION: 1.6, ACRONYM: 1.4, PERSON: 1.2, PLACE: 1.0, NAME_KIND: 1.0}
# When the votes of an entry's occurrences disagree, a more specific detector weighs more.
_VOTE_WEIGHTS = {ORGANIZATION: 2.0, PERSON: 1.5, PLACE: 1.2, NAME_KIND: 1.0, ACRONYM: 1.0, PHRASE: 1.0}
#: Zipf frequency (log10 per billion words) at or above which a capitalised word seen only at the start
#: of sentences is taken for an ordinary word ("According", "Representatives").
COMMON_ZIPF = 3.0
#: Languages with general-language word frequencies.
WORDFREQ_LANGS = ("en", "ru")


class Scored:
    """A candidate ready to be linked and output.

    Its citation form (``term``) is made on first use: for Russian it means inflecting, so a run that
    shows the best N candidates inflects about N of them.
    """

    __slots__ = ("kind", "score", "frequency", "forms", "contexts", "expansion", "words", "_stats", "_lang", "_term")

    def __init__(self, stats: Stats, lang: str, *, kind: str, score: float, frequency: int, forms: list[str],
                 contexts: list[str], expansion: str | None, words: tuple[str, ...]):
        self.kind = kind
        self.score = score
        self.frequency = frequency
        self.forms = forms
        self.contexts = contexts
        self.expansion = expansion
        self.words = words
        self._stats = stats
        self._lang = lang
        self._term: str | None = None

    @property
    def term(self) -> str:
        if self._term is None:
            self._term = candidate_term(self._stats, self._lang, self._stats.key[0])
        return self._term

    def __repr__(self) -> str:
        return f"Scored({self.term!r}, {self.kind!r}, score={self.score}, frequency={self.frequency})"


# --------------------------------------------------------------------------------- word frequencies
@lru_cache(maxsize=None)
def _wordfreq_table(lang: str) -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict(lang, wordlist="best")


def zipf(word: str, lang: str) -> float | None:
    """Zipf frequency of a word in general ``lang`` (0 for unseen words), None without a table.

    A hyphenated compound the table lacks is as frequent as its parts together ("sky-blue": the
    frequencies combine as wordfreq combines the tokens of a phrase, 1/f = 1/f1 + 1/f2), not unseen.
    """
    if lang not in WORDFREQ_LANGS:
        return None
    table = _wordfreq_table(lang)
    low = word.lower().replace("’", "'")
    f = table.get(low)
    if not f and "-" in low:
        parts = [table.get(p) for p in low.split("-") if p]
        f = 1.0 / sum(1.0 / p for p in parts) if parts and all(parts) else 0.0
    return math.log10(f * 1e9) if f else 0.0


def specificity(words: tuple[str, ...], lang: str) -> float | None:
    """How unusual the words are in general language, 0 (every-day) .. 1 (never seen); None without data."""
    vals = []
    for w in words:
        z = zipf(w, lang)
        if z is None:
            return None
        vals.append(min(1.0, max(0.0, (7.0 - z) / 7.0)))
    return sum(vals) / len(vals) if vals else None


# English adjectives that classify rather than describe ("political", "territorial", "plenary",
# "parliamentary"): the suffixes of relational adjectives (Daille 2001, "Qualitative terminology
# extraction").
_RELATIONAL_EN = ("al", "ic", "ary", "ar", "ian", "ese", "ish")
#: Score factor of an English key phrase whose first word describes its head ("indestructible monolith",
#: "provocative remarks") instead of classifying it, as the modifiers of terms do: a relational adjective,
#: a nationality or a noun ("territorial integrity", "Kazakh language", "state language").
DESCRIPTIVE_FACTOR = 0.8


def classifying(word: str, lang: str) -> bool:
    """Does ``word``, first in an English key phrase, classify its head rather than describe it?"""
    if lang != "en":
        return False
    from .detect.en import NOUN_ONLY, en_readings

    low = word.lower().rsplit("-", 1)[-1]
    if low in lexicon(lang).demonyms or low.endswith(_RELATIONAL_EN):
        return True
    return en_readings(low) == NOUN_ONLY


# ----------------------------------------------------------------------------------- citation forms
def _replace_words(surface: str, old: tuple[str, ...] | list[str], new: list[str]) -> str:
    """Put ``new`` words in place of ``old`` ones inside ``surface``, keeping what lies between them."""
    out = []
    pos = 0
    for o, n in zip(old, new):
        at = surface.find(o, pos)
        if at < 0:
            return " ".join(new)
        out.append(surface[pos:at])
        out.append(n)
        pos = at + len(o)
    out.append(surface[pos:])
    return "".join(out)


def _by_count(stats: Stats) -> list[tuple[str, int, tuple[str, ...]]]:
    return sorted(((s, c, w) for s, (c, w) in stats.forms.items()), key=lambda x: (-x[1], x[0]))


def candidate_term(stats: Stats, lang: str, category: str) -> str:
    """The form a candidate is listed under: its citation form (:func:`termbase.languages.citation_form`).

    Russian: the most frequent form seen where the grammar keeps the nominative (a quoted name after
    its kind noun), else a surface form that is its own nominative if one of the three most frequent
    is, else the nominative of the most frequent. Kazakh: the form most of the surface forms support, a case ending
    that also ends nominatives ("-да" of "Ақорда") removed only when another form supports it.
    """
    forms = _by_count(stats)
    if category == "acronym":
        return acronym_core(forms[0][0])
    if lang == "ru":
        written = [surface for surface, _, _ in forms if surface in stats.written]
        if written:
            return written[0]  # «компанию «Казахтелеком»»: the grammar kept it in the nominative
        for surface, _, words in forms[:3]:
            if citation_form(words, lang) == list(words):
                return surface
        surface, _, words = forms[0]
        if len(forms) == 1 and len(words) == 1 and (
            (stats.frequency >= 2 and has_indeclinable_ending_ru(words[0])) or may_be_indeclinable_ru(words[0])
        ):
            # "Палу" in every mention, whatever the case, or seen once and shaped like a foreign name that
            # does not decline, its would-be base form never seen: the name as written (not "Пал"); a
            # name in -е is declined whatever its count ("Лондоне" -> "Лондон", "Нью-Йорке" -> "Нью-Йорк")
            return surface
        return _replace_words(surface, words, citation_form(words, lang))
    if lang == "kk":
        return _citation_kk(forms, phrase=category == "phrase")
    return forms[0][0]


def _citation_kk(forms, *, phrase: bool = False) -> str:
    """Kazakh citation form; a key phrase (lower-case common nouns, no names like "Ақорда" among them)
    loses a locative or accusative ending too ("бас кеңседе" -> "бас кеңсе")."""
    support: dict[str, list] = {}
    for surface, count, words in forms:
        options = {surface: 0}
        sure = strip_case_kk(words[-1], sure_only=True)
        unsure = strip_case_kk(words[-1])
        if sure != words[-1]:
            options[_replace_last(surface, words[-1], sure)] = 1
        if unsure != words[-1]:
            options.setdefault(_replace_last(surface, words[-1], unsure), int(phrase or _kk_known(unsure)))
        placed = strip_attributive_locative_kk(words[-1])
        if placed != words[-1] and words[-1][:1].isupper():
            # a name in the attributive locative ("Вандербильттегі": which is at Vanderbilt) is cited bare
            options[_replace_last(surface, words[-1], placed)] = 1
        for text, is_sure in options.items():
            entry = support.setdefault(text, [0, 0, 0])
            entry[0] += count
            entry[1] += is_sure * count
    observed = {s for s, _, _ in forms}
    return max(support, key=lambda t: (support[t][0], support[t][1], t in observed, -len(t), t))


def _kk_known(word: str) -> bool:
    """Is ``word`` (a name's last word, its locative or accusative ending removed) a head noun with the
    possessive of the izafet ("министрлігінде" -> "министрлігі"), a known place ("Ресейде" -> "Ресей") or
    a known name ("Ақордада" -> "Ақорда")? Then the ending was one."""
    lex = lexicon("kk")
    low = word.lower()
    return (low in lex.places or low in lex.org_names
            or (not lex.org_heads.isdisjoint(kk_bases(low)) and low not in lex.org_heads))


def _replace_last(surface: str, last: str, new: str) -> str:
    return surface[: len(surface) - len(last)] + new if surface.endswith(last) else surface


def resolve_kind(stats: Stats) -> str:
    return max(stats.kinds, key=lambda k: (stats.kinds[k] * _VOTE_WEIGHTS[k], _VOTE_WEIGHTS[k]))


# ------------------------------------------------------------------------------------------- scoring
def cvalues(phrases: list[Stats], extra: dict | None = None) -> dict[tuple[str, ...], float]:
    """C-value of every phrase, over the phrases given (their keys' word tuples); ``extra`` adds
    occurrences counted under other keys (``{phrase key: count}``)."""
    extra = extra or {}
    freq = {s.key[1]: s.frequency + extra.get(s.key, 0) for s in phrases}
    nested: dict[tuple[str, ...], list[int]] = {}
    for words, f in freq.items():
        n = len(words)
        for size in range(2, n):
            for a in range(0, n - size + 1):
                sub = words[a : a + size]
                if sub in freq:
                    acc = nested.setdefault(sub, [0, 0])
                    acc[0] += f
                    acc[1] += 1
    out = {}
    for words, f in freq.items():
        acc = nested.get(words)
        base = f - acc[0] / acc[1] if acc else f
        out[words] = math.log2(len(words) + 1) * base
    return out


#: Weight of the modifiability of a key phrase's first and last words (:func:`modifiability`).
MODIFIABILITY_WEIGHT = 0.2


def modifiability(phrases: list[Stats]) -> dict[tuple[str, ...], float]:
    """A factor per key phrase from how many other key phrases of the text share its first word or its
    head ("political" in "political reforms", "political modernization", "political competition"): a
    word that combines with many others is a term's modifier or head rather than a passing description
    (the left/right modifiability of Nakagawa & Mori 2002, "A simple but powerful automatic term
    extraction method"). 1.0 for a phrase that shares neither.
    """
    firsts: dict[str, int] = {}
    lasts: dict[str, int] = {}
    for e in phrases:
        words = e.key[1]
        firsts[words[0]] = firsts.get(words[0], 0) + 1
        lasts[words[-1]] = lasts.get(words[-1], 0) + 1
    out = {}
    for e in phrases:
        words = e.key[1]
        shared = (firsts[words[0]] - 1) + (lasts[words[-1]] - 1)
        out[words] = 1.0 + MODIFIABILITY_WEIGHT * math.log2(1 + shared)
    return out


def name_score(kind: str, frequency: int, n_words: int, has_expansion: bool) -> float:
    bonus = 1.0 + 0.3 * (min(n_words, 4) - 1)
    weight = KIND_WEIGHTS.get(kind, 1.0) * (1.2 if has_expansion else 1.0)
    return frequency * weight * bonus


#: Without a general-language table (Kazakh), a single capitalised word is kept when at least this
#: share of its occurrences is inside a sentence: an ordinary word capitalised at the start of many
#: sentences ("Алғашқы", "Халық") is sometimes capitalised inside one too (after a quote, a dash).
INNER_SHARE = 0.2


def keep_name(stats: Stats, kind: str, lang: str, words: tuple[str, ...]) -> bool:
    """Drop a capitalised word seen only at the start of sentences when it is an ordinary word."""
    if kind not in (ACRONYM, ORGANIZATION) and not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    if kind == ACRONYM or len(words) > 1:
        return True
    lex = lexicon(lang)
    low = words[0].lower()
    if low in lex.places or low in lex.org_names:
        return True
    if lang != "en" and (low.isascii() or (lang == "kk" and low.split("-", 1)[0].isascii())):
        # a word in Latin letters in Russian or Kazakh text is a foreign name ("Sun", "Boeing"), in
        # Kazakh with its case ending too ("Ukip-тің")
        return True
    if lang == "kk":
        if kind == NAME_KIND and _kk_counted(stats):
            return False  # "Ана" beside "Аналар", "Отан" beside "Отанымыз": a common noun
        # no general-language table for Kazakh: trust names seen inside sentences often enough
        return stats.inner > 0 and stats.inner >= INNER_SHARE * stats.frequency
    if stats.inner > 0:
        return True
    z = zipf(low, lang)
    return z is None or z < COMMON_ZIPF


def _kk_counted(stats: Stats) -> bool:
    """Are at least ``INNER_SHARE`` of a Kazakh word's occurrences another of its forms with a plural or
    "our" after it (:func:`termbase.languages.kazakh.kk_counted_form`)? A word that is a name and a
    common noun («Азамат», «Бірлік», «Қазақ» beside «Қазақтар») is mostly the name in the news."""
    forms = list(stats.forms)
    counted = sum(stats.forms[f][0] for f in forms
                  if any(len(f) > len(bare) and kk_counted_form(bare, f) for bare in forms))
    return counted > 0 and counted >= INNER_SHARE * stats.frequency


def merge_acronyms(entries: dict) -> dict:
    """Acronyms and the names they abbreviate, as one candidate: ``{name key: acronym key}``.

    "Assembly of People of Kazakhstan (APK)" links the two; the acronym's candidate then counts every
    mention of either ("APK" 6 times, the full name once more: 7), and the full name is not listed
    apart. A name claimed by two acronyms goes to the one that spelt it out more often.
    """
    claims: dict = {}
    for e in entries.values():
        if e.key[0] != "acronym" or not e.expansions:
            continue
        ekey, (count, _, _) = max(e.expansions.items(), key=lambda x: (x[1][0], x[0]))
        named = entries.get(ekey)
        if named is None:
            continue
        best = claims.get(ekey)
        if best is None or (count, e.frequency) > (entries[best].expansions[ekey][0], entries[best].frequency):
            claims[ekey] = e.key
    return claims


def merge_heads(entries: dict, lang: str) -> dict:
    """Kazakh institutions named by their head noun alone, as one candidate with their full name:
    ``{head key: full name key}``.

    A Kazakh text names an institution in full once ("Қазақстан халқы Ассамблеясы"), then by its
    capitalised head noun ("Ассамблея мүшелері", "Ассамблеяның үлесі"); the full name's candidate counts
    every mention. A head shared by two full names of the text ("Ұлттық банк", "Даму банкі") stays apart.
    """
    if lang != "kk":
        return {}
    by_head: dict[str, list] = {}
    for e in entries.values():
        category, words = e.key
        if category == "name" and len(words) > 1 and resolve_kind(e) == ORGANIZATION:
            by_head.setdefault(words[-1], []).append(e.key)
    out = {}
    for e in entries.values():
        category, words = e.key
        if category != "name" or len(words) != 1 or resolve_kind(e) != ORGANIZATION:
            continue
        full = by_head.get(words[0], ())
        if len(full) == 1:
            out[e.key] = full[0]
    return out


def merge_variants(entries: dict, lang: str) -> dict:
    """Two spellings of one name, as one candidate: ``{variant key: main key}``.

    - English: a newspaper's name with and without its article ("The New York Times" and "the New York
      Times" tokens "New York Times"): the one with "The" is the name;
    - Russian: a foreign name and the same name with a case ending written on ("Ким Чен Ын" and "Ким Чен
      Ыном", :func:`termbase.languages.russian.same_name_ru`): the bare one is the name.
    """
    out = {}
    if lang == "en":
        for e in entries.values():
            category, words = e.key
            if category == "name" and len(words) > 2 and words[0] == "the" and ("name", words[1:]) in entries:
                out[("name", words[1:])] = e.key
    elif lang == "ru":
        by_start: dict = {}
        for e in entries.values():
            category, words = e.key
            if category == "name" and len(words) > 1:
                by_start.setdefault(words[:-1], []).append(e)
        for group in by_start.values():
            if len(group) < 2:
                continue
            for a in group:
                for b in group:
                    if a is not b and same_name_ru(a.key[1][-1], b.key[1][-1]) and resolve_kind(a) == PERSON:
                        out.setdefault(b.key, a.key)
    return out


def rank(entries, lang: str, *, min_freq: int = 1, max_contexts: int = 3) -> list[Scored]:
    """Every candidate worth listing, best first."""
    return list(ranked(entries, lang, min_freq=min_freq, max_contexts=max_contexts))


def ranked(entries, lang: str, *, min_freq: int = 1, max_contexts: int = 3, skip=frozenset()) -> Iterator[Scored]:
    """Every candidate worth listing, best first (by score, frequency, then citation form), lazily: the
    citation forms of a group of equal scores are made when the iteration reaches it. Categories in
    ``skip`` ("phrase", "acronym", "name") are left out before any work is done on them.
    """
    by_key = {e.key: e for e in entries}
    merged = merge_acronyms(by_key)
    absorbed = {acr: by_key[name] for name, acr in merged.items()}
    heads: dict = {}  # full name key -> the entries of its bare head noun
    for head, full in (merge_heads(by_key, lang) | merge_variants(by_key, lang)).items():
        if head not in merged and full not in merged:
            heads.setdefault(full, []).append(by_key[head])
    merged_heads = {h.key for hs in heads.values() for h in hs}
    # Kazakh: a name seen only at the start of sentences whose words the text also uses in lower case,
    # as a key phrase, is that phrase capitalised by position ("Облыстық мәслихат ..." beside "облыстық
    # мәслихат"): it counts for the phrase. (Russian and English names have more to go on than a head
    # noun after a capital, and a lower-case mention there may be the writer's: "президентского центра".)
    twins: dict = {}
    for e in by_key.values() if lang == "kk" else ():
        if e.key[0] == "name" and e.inner == 0 and not e.expansions and len(e.key[1]) > 1:
            phrase = by_key.get(("phrase", e.key[1]))
            if phrase is not None:
                twins[e.key] = phrase
    extra = {}
    for name_key, phrase in twins.items():
        extra[phrase.key] = extra.get(phrase.key, 0) + by_key[name_key].frequency
    phrases = [e for e in by_key.values() if e.key[0] == "phrase"]
    cv = cvalues(phrases, extra) if "phrase" not in skip else {}
    productive = modifiability(phrases) if "phrase" not in skip else {}
    out: list[Scored] = []
    for e in by_key.values():
        category = e.key[0]
        if category in skip or e.key in merged or e.key in merged_heads or e.key in twins:
            continue
        forms = _by_count(e)
        words = forms[0][2]
        frequency = e.frequency + extra.get(e.key, 0)
        contexts = list(e.contexts)
        surfaces = [s for s, _, _ in forms]
        expansion = None
        if category == "phrase":
            if frequency < min_freq:
                continue
            kind = PHRASE
            c = cv.get(e.key[1], 0.0)
            if c <= 0:
                continue
            spec = specificity(words, lang)
            score = c * (0.5 + (spec if spec is not None else 0.4)) * productive.get(e.key[1], 1.0)
            if frequency == 1 and len(words) >= 3:
                score *= 0.7  # a long word sequence seen once is weak evidence of a term
            if lang == "en" and not classifying(words[0], lang):
                score *= DESCRIPTIVE_FACTOR
        else:
            kind = resolve_kind(e)
            if category == "name" and not keep_name(e, kind, lang, words):
                continue
            if len(words) == 1 and acronym_core(words[0]).lower() in lexicon(lang).common_abbreviations:
                continue  # "СМИ", "GDP", "PhD": a common noun's abbreviation
            if e.expansions:
                ekey, (defined, esurface, _) = max(e.expansions.items(), key=lambda x: (x[1][0], x[0]))
                named = by_key.get(ekey)
                expansion = candidate_term(named, lang, "name") if named is not None else esurface
                full = absorbed.get(e.key)
                if full is not None:
                    # "X (ACR)" was counted once for X and once for ACR: one mention
                    frequency += max(0, full.frequency - defined)
                    surfaces += [s for s, _, _ in _by_count(full) if s not in surfaces]
                    contexts += [c for c in full.contexts if c not in contexts]
                    contexts = contexts[:max_contexts]
            for head in heads.get(e.key, ()):
                frequency += head.frequency
                surfaces += [s for s, _, _ in _by_count(head) if s not in surfaces]
                contexts += [c for c in head.contexts if c not in contexts]
                contexts = contexts[:max_contexts]
            if frequency < min_freq:
                continue
            score = name_score(kind, frequency, len(e.key[1]), expansion is not None)
        out.append(
            Scored(e, lang, kind=kind, score=round(score, 3), frequency=frequency, forms=surfaces,
                   contexts=contexts, expansion=expansion, words=tuple(words))
        )
    out.sort(key=lambda s: (-s.score, -s.frequency))
    i = 0
    while i < len(out):
        j = i + 1
        while j < len(out) and out[j].score == out[i].score and out[j].frequency == out[i].frequency:
            j += 1
        yield from sorted(out[i:j], key=lambda s: s.term)
        i = j
