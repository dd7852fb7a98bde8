"""Merged candidate statistics -> citation forms, kinds, scores and a ranking.

Scores put names and key phrases on one scale, "weighted occurrences":
- names: frequency x a weight per kind (institutions first) x a bonus per extra word;
- key phrases: C-value (Frantzi, Ananiadou & Mima 2000: frequency, minus the frequency of the longer
  candidates it is nested in, times log2 of its length + 1) x contrast with general language, from
  the word frequencies of the ``wordfreq`` package (English and Russian; it has no Kazakh table, so
  Kazakh phrases get a flat contrast and the result says so in its notes).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from .counting import Stats
from .detect import ACRONYM, NAME_KIND, ORGANIZATION, PERSON, PHRASE, PLACE
from .lexicon import lexicon
from .morph import nominative_ru, strip_case_kk

KIND_WEIGHTS = {ORGANIZATION: 1.6, ACRONYM: 1.4, PERSON: 1.2, PLACE: 1.0, NAME_KIND: 1.0}
# When the votes of an entry's occurrences disagree, a more specific detector weighs more.
_VOTE_WEIGHTS = {ORGANIZATION: 2.0, PERSON: 1.5, PLACE: 1.2, NAME_KIND: 1.0, ACRONYM: 1.0, PHRASE: 1.0}
#: Zipf frequency (log10 per billion words) at or above which a capitalised word seen only at the start
#: of sentences is taken for an ordinary word ("According", "Representatives").
COMMON_ZIPF = 3.0
#: Languages with general-language word frequencies.
WORDFREQ_LANGS = ("en", "ru")


@dataclass
class Scored:
    """A candidate ready to be linked and output."""

    term: str
    kind: str
    score: float
    frequency: int
    forms: list[str]
    contexts: list[str]
    expansion: str | None
    words: tuple[str, ...]


# --------------------------------------------------------------------------------- word frequencies
@lru_cache(maxsize=None)
def _wordfreq_table(lang: str) -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict(lang, wordlist="best")


def zipf(word: str, lang: str) -> float | None:
    """Zipf frequency of a word in general ``lang`` (0 for unseen words), None without a table."""
    if lang not in WORDFREQ_LANGS:
        return None
    f = _wordfreq_table(lang).get(word.lower().replace("’", "'"))
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


def citation_form(stats: Stats, lang: str, category: str) -> str:
    """The form a candidate is listed under: the nominative for Russian and Kazakh."""
    forms = _by_count(stats)
    if category == "acronym":
        return forms[0][0].split("-", 1)[0].rstrip("’'")
    if lang == "ru":
        for surface, _, words in forms[:3]:
            if nominative_ru(list(words)) == list(words):
                return surface
        surface, _, words = forms[0]
        return _replace_words(surface, words, nominative_ru(list(words)))
    if lang == "kk":
        return _citation_kk(forms)
    return forms[0][0]


def _citation_kk(forms) -> str:
    support: dict[str, list] = {}
    for surface, count, words in forms:
        options = {surface: 0}
        sure = strip_case_kk(words[-1], sure_only=True)
        unsure = strip_case_kk(words[-1])
        if sure != words[-1]:
            options[_replace_last(surface, words[-1], sure)] = 1
        if unsure != words[-1]:
            options.setdefault(_replace_last(surface, words[-1], unsure), 0)
        for text, is_sure in options.items():
            entry = support.setdefault(text, [0, 0, 0])
            entry[0] += count
            entry[1] += is_sure * count
    observed = {s for s, _, _ in forms}
    return max(support, key=lambda t: (support[t][0], support[t][1], t in observed, -len(t), t))


def _replace_last(surface: str, last: str, new: str) -> str:
    return surface[: len(surface) - len(last)] + new if surface.endswith(last) else surface


def resolve_kind(stats: Stats) -> str:
    return max(stats.kinds, key=lambda k: (stats.kinds[k] * _VOTE_WEIGHTS[k], _VOTE_WEIGHTS[k]))


# ------------------------------------------------------------------------------------------- scoring
def cvalues(phrases: list[Stats]) -> dict[tuple[str, ...], float]:
    """C-value of every phrase, over the phrases given (their keys' word tuples)."""
    freq = {s.key[1]: s.frequency for s in phrases}
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


def name_score(kind: str, frequency: int, n_words: int, has_expansion: bool) -> float:
    bonus = 1.0 + 0.3 * (min(n_words, 4) - 1)
    weight = KIND_WEIGHTS.get(kind, 1.0) * (1.2 if has_expansion else 1.0)
    return frequency * weight * bonus


def keep_name(stats: Stats, kind: str, lang: str, words: tuple[str, ...]) -> bool:
    """Drop a capitalised word seen only at the start of sentences when it is an ordinary word."""
    if kind not in (ACRONYM, ORGANIZATION) and not words[0][:1].isupper():
        return False
    if stats.inner > 0 or kind == ACRONYM or len(words) > 1:
        return True
    lex = lexicon(lang)
    low = words[0].lower()
    if low in lex.places or low in lex.org_names:
        return True
    if lang == "kk":
        return False  # no general-language table for Kazakh: trust only names seen inside sentences
    z = zipf(low, lang)
    return z is None or z < COMMON_ZIPF


def rank(entries, lang: str, *, min_freq: int = 1) -> list[Scored]:
    """Every candidate worth listing, best first."""
    entries = list(entries)
    by_key = {e.key: e for e in entries}
    phrases = [e for e in entries if e.key[0] == "phrase"]
    cv = cvalues(phrases)
    out: list[Scored] = []
    for e in entries:
        if e.frequency < min_freq:
            continue
        category = e.key[0]
        forms = _by_count(e)
        words = forms[0][2]
        term = citation_form(e, lang, category)
        expansion = None
        if category == "phrase":
            kind = PHRASE
            c = cv.get(e.key[1], 0.0)
            if c <= 0:
                continue
            spec = specificity(words, lang)
            score = c * (0.5 + (spec if spec is not None else 0.4))
            if e.frequency == 1 and len(words) >= 3:
                score *= 0.7  # a long word sequence seen once is weak evidence of a term
        else:
            kind = resolve_kind(e)
            if category == "name" and not keep_name(e, kind, lang, words):
                continue
            if e.expansions:
                ekey, (_, esurface, ewords) = max(e.expansions.items(), key=lambda x: x[1][0])
                named = by_key.get(ekey)
                expansion = citation_form(named, lang, "name") if named is not None else esurface
            score = name_score(kind, e.frequency, len(e.key[1]), expansion is not None)
        out.append(
            Scored(
                term=term,
                kind=kind,
                score=round(score, 3),
                frequency=e.frequency,
                forms=[s for s, _, _ in forms],
                contexts=list(e.contexts),
                expansion=expansion,
                words=tuple(words),
            )
        )
    out.sort(key=lambda s: (-s.score, -s.frequency, s.term))
    return out
