"""Which state a text is about: the jurisdiction of a short institution name ("Supreme Court").

The shipped glossary's concepts belong to Kazakhstan (their ``scope`` is ``KZ``), but their short
forms are every state's words: "Supreme Court", "Senate", "Parliament", "Government", "President",
"MP". A short form is another state's when the text says so. This module finds the names that say so
(``data/jurisdictions.tsv``, per language: demonyms, state acronyms, parties, legislatures, provinces,
leaders, country names) and decides, for one span of a text, which jurisdiction it is about:

1. one the span names itself ("Supreme Court of Kazakhstan": KZ);
2. one named right beside it: before ("US Supreme Court", "China's government", "АҚШ-тың Жоғарғы
   соты", "North Korean Foreign Minister"; one word may stand between: "U.S. federal government")
   or after ("Supreme Court of the United States", "Верховный суд США");
3. else the unit's (a sentence's) polity names ("Republicans", "Brexit", "Nevada", "Trump"), other
   texts of the unit (its translation) included: Kazakhstan if it is among them, else another one;
4. else the same over the neighbouring units (a story about Washington);
5. else nothing is said (``None``): the concept's own scope applies.

A bare country name ("China", "Россия") counts only beside the span (2.): Kazakhstan's Senate
ratifies treaties *with* China. A term that itself names a jurisdiction ("Mazhilis", "Astana",
"Senate of Kazakhstan") is never another state's.

>>> is_foreign("KZ", "The US Supreme Court ruled.", 7, 20, "en")
True
>>> is_foreign("KZ", "The Supreme Court of Kazakhstan ruled.", 4, 17, "en")
False
>>> is_foreign("KZ", "Верховный суд США отклонил иск.", 0, 13, "ru")
True
>>> sorted(named("Tory MP says Brexit talks must go on", "en"))
['GB']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from termbase.languages._data import DATA
from typing import Callable, Iterable

__all__ = ["Mention", "mentions", "named", "attached", "jurisdiction_of", "is_foreign", "HOME"]

#: The jurisdiction a unit that names several is taken to be about when it names this one.
HOME = "KZ"

_FOLD = str.maketrans({"ё": "е", "Ё": "Е", "i": "і"})  # same length: offsets stay valid
_STOP = frozenset(
    "and or but with for from the to in on at by of as than that this a an "
    "и или но с со в во на по для от до из к о об а также "
    "мен және пен бен мен да де не әрі".split()
)
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name of a jurisdiction in a text: ``code`` (ISO 3166-1 alpha-2, or ``EU``/``UN``), ``kind``
    (``polity``: counts anywhere in a unit; ``country``: only beside a span)."""

    start: int
    end: int
    code: str
    kind: str


@lru_cache(maxsize=None)
def _markers(lang: str) -> tuple[tuple[str, str, str, str, str], ...]:
    """The language's markers, longest first: ``(group name, first letter, regex, code, kind)``."""
    text = (DATA / "jurisdictions.tsv").read_text(encoding="utf-8")
    alts: list[tuple[int, tuple[str, str, str, str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        mlang, code, kind, marker = line.split("\t")
        if mlang != lang:
            continue
        spelt = marker if lang == "en" else marker.translate(_FOLD)
        words = [_marker_word(w, lang) for w in spelt.split()]
        name = f"m{len(alts)}"
        end = "" if marker.endswith(".") else r"(?!\w)"
        body = r"\s+".join(words)
        alts.append((len(marker), (name, spelt[:1], f"(?P<{name}>{body}){end}", code, kind)))
        derived = _derived(spelt, lang)
        if derived:  # a demonym or adjective counts anywhere, as a polity name: «россияне», «америкалық»
            alts.append((len(marker), (name + "d", spelt[:1], f"(?P<{name}d>{derived}){end}", code, "polity")))
    alts.sort(key=lambda a: -a[0])
    return tuple(a[1] for a in alts)


def _marker_word(word: str, lang: str) -> str:
    """A marker word's regex. Russian and Kazakh markers ignore case, bar their capitals: a capitalised
    word matches only a capitalised one and an acronym only an acronym, for many names are common
    words in lower case (Kazakh «ақша» money is no «АҚШ», «астанасы» its capital no «Астана»,
    «мәжіліс» a meeting no «Мәжіліс»; Russian «путина», «кита», «трамплин»)."""
    prefix = word.endswith("*")
    stem = word[:-1] if prefix else word
    tail = r"\w*" if prefix else ""
    if lang == "en" or not stem[:1].isupper():
        return re.escape(stem) + tail
    if len(stem) > 1 and stem.isupper():
        return f"(?-i:{re.escape(stem)})" + tail
    return f"(?-i:{re.escape(stem[0])})" + re.escape(stem[1:]) + tail


# The suffixes of adjectives and demonyms made from a name, written in lower case: Kazakh «америкалық»,
# «британдық», «оңтүстік кореялық»; Russian «российский», «лондонских», «китайцы», «калифорниец», «россияне».
_DERIVED = {"kk": r"\w{0,2}?(?:лық|лік|дық|дік|тық|тік)\w*", "ru": r"\w{0,3}?(?:ск|цк|ц|ян)\w*"}


def _derived(spelt: str, lang: str) -> str | None:
    """The regex of a capitalised prefix marker's lower-case derivatives ("Америка*": «америкалық»), or
    None: they keep the name's state, while the bare name in lower case may be a common word."""
    suffix = _DERIVED.get(lang)
    words = spelt.split()
    if suffix is None or not words[-1].endswith("*") or not any(w[:1].isupper() for w in words):
        return None
    if any(len(w.rstrip("*")) > 1 and w.rstrip("*").isupper() for w in words):
        return None  # an acronym has no derivatives in lower case
    low = [re.escape(w.rstrip("*").lower()) for w in words]
    return r"(?-i:" + r"\s+".join(low) + suffix + ")"


def _flags(lang: str) -> int:
    return 0 if lang == "en" else re.IGNORECASE


@lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern, dict[str, tuple[str, str]]] | None:
    """One regex of the language's markers (longest first) and, per group name, (code, kind)."""
    markers = _markers(lang)
    if not markers:
        return None
    info = {name: (code, kind) for name, _letter, _rx, code, kind in markers}
    return re.compile(r"(?<!\w)(?:" + "|".join(m[2] for m in markers) + ")", _flags(lang)), info


@lru_cache(maxsize=None)
def _by_first_letter(lang: str) -> dict[str, re.Pattern] | None:
    """The markers split by their first letter (lower-cased where case does not count), each group in
    the same longest-first order: at a word's start only the markers that can match there are tried
    (one alternation of all ~200 markers tried at every word cost ~2 ms a sentence). None if some
    marker does not start with a word character (then the whole regex is used)."""
    groups: dict[str, list[str]] = {}
    for _name, letter, rx, _code, _kind in _markers(lang):
        if not re.match(r"\w", letter):
            return None
        groups.setdefault(letter if lang == "en" else letter.lower(), []).append(rx)
    return {key: re.compile("(?:" + "|".join(rxs) + ")", _flags(lang)) for key, rxs in groups.items()}


_WORD_START = re.compile(r"(?<!\w)\w")


@lru_cache(maxsize=4096)
def mentions(text: str, lang: str) -> tuple[Mention, ...]:
    """The names of jurisdictions in ``text``, in order. A country name followed by ``'s`` ("China's")
    counts as a polity name.

    >>> [(m.code, m.kind) for m in mentions("China's envoy met Kazakh officials in Beijing", "en")]
    [('CN', 'polity'), ('KZ', 'polity'), ('CN', 'country')]
    """
    compiled = _patterns(lang)
    if compiled is None:
        return ()
    pattern, info = compiled
    folded = text.translate(_FOLD) if lang != "en" else text
    out = []
    for m in _finditer(pattern, folded, lang):
        code, kind = info[m.lastgroup]
        if kind == "country" and _POSSESSIVE.match(text, m.end()):
            kind = "polity"
        out.append(Mention(m.start(), m.end(), code, kind))
    return tuple(out)


def _finditer(pattern: re.Pattern, text: str, lang: str) -> Iterable[re.Match]:
    """``pattern.finditer(text)``, trying at each word's start only the markers of its first letter."""
    groups = _by_first_letter(lang)
    if groups is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    while (start := _WORD_START.search(text, pos)) is not None:
        p = start.start()
        letter = text[p] if lang == "en" else text[p].lower()
        rx = groups.get(letter)
        m = rx.match(text, p) if rx is not None else None
        if m is not None:
            yield m
            pos = max(m.end(), p + 1)
        else:
            pos = p + 1


@lru_cache(maxsize=4096)
def named(text: str, lang: str) -> frozenset[str]:
    """The jurisdictions a text names with polity names (what a unit tells its neighbours)."""
    return frozenset(m.code for m in mentions(text, lang) if m.kind == "polity")


def _gap_before(gap: str) -> bool:
    """Whether a name ending where ``gap`` starts is beside a span starting where it ends: white space,
    after an optional possessive or case ending (``'s``, ``-тың``) and at most one word between."""
    m = re.fullmatch(r"(?:['’]s|-\w{1,6})?\s+(?:(\w[\w-]*)\s+)?", gap)
    return m is not None and (m.group(1) is None or m.group(1).casefold() not in _STOP)


def _gap_after(gap: str, lang: str) -> bool:
    if lang == "en":
        return re.fullmatch(r"\s+(?:of|in)\s+(?:the\s+)?", gap) is not None
    return re.fullmatch(r"\s+", gap) is not None  # Russian genitive: "Верховный суд США"


def attached(text: str, start: int, end: int, lang: str, found: tuple[Mention, ...] | None = None) -> str | None:
    """The jurisdiction named right beside ``text[start:end]`` (before it, else after it), if any."""
    found = mentions(text, lang) if found is None else found
    before = [m for m in found if m.end <= start and _gap_before(text[m.end:start])]
    if before:
        return before[-1].code
    after = [m for m in found if m.start >= end and _gap_after(text[end:m.start], lang)]
    return after[0].code if after else None


def _pick(codes: Iterable[str]) -> str | None:
    codes = set(codes)
    if HOME in codes:
        return HOME
    return min(codes) if codes else None


def jurisdiction_of(
    text: str, start: int, end: int, lang: str, *, unit: Iterable[str] = (),
    context: "Iterable[str] | Callable[[], Iterable[str]]" = (),
) -> str | None:
    """The jurisdiction ``text[start:end]`` is about (see the module's rules), or ``None``.

    ``unit``: jurisdictions the unit's other texts name (its translation: :func:`named`);
    ``context``: those its neighbouring units name, or a function giving them (called only when
    the unit itself says nothing).
    """
    found = mentions(text, lang)
    inside = [m.code for m in found if m.start < end and start < m.end]
    if inside:
        return _pick(inside)
    beside = attached(text, start, end, lang, found)
    if beside is not None:
        return beside
    here = _pick([m.code for m in found if m.kind == "polity"] + list(unit))
    if here is not None:
        return here
    return _pick(context() if callable(context) else context)


def is_foreign(
    scope: str | None, text: str, start: int, end: int, lang: str, *, unit: Iterable[str] = (),
    context: "Iterable[str] | Callable[[], Iterable[str]]" = (),
) -> bool:
    """Whether ``text[start:end]`` (a term of a concept of ``scope``) is about another jurisdiction
    than the concept's: never for a concept without scope."""
    if scope is None:
        return False
    found = jurisdiction_of(text, start, end, lang, unit=unit, context=context)
    return found is not None and found != scope
