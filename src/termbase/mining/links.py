"""How strongly a word of one language is tied to a word of another, from four kinds of evidence.

- the **general dictionary** (``data/lexicon.tsv``: common words of institutional names and key
  phrases in English, Russian and Kazakh: ministry / министерство / министрлік), and word pairs the
  caller adds (the termbase's own terms);
- **spelling across scripts**: names and loanwords written alike after transliteration
  (Harvard / Гарвардский, Toyota / Тойота, парламент / парламенті), compared on consonant skeletons;
- the **same token**: numbers, Latin names kept in Latin, acronyms;
- **co-occurrence in this memory**: the Dice coefficient of the units holding each word, counted
  only when they share at least two units (one shared unit ties every word of it).
"""

from __future__ import annotations

from collections import Counter
import re
import sys
from functools import lru_cache
from itertools import chain
from importlib.resources import files
from typing import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from ..languages import stopwords, word_key
from ..languages._cache import WeighedCache
from ..languages.translit import name_key
from .corpus import UnitCorpus

__all__ = ["Lexicon", "Linker", "associations_most", "general_lexicon"]

#: Source words whose associations a corpus keeps for every linker of it (a server's kept corpus
#: serves many requests; about 7 KB a word in a 100,000-unit memory), per pair of languages, and
#: the bytes they may weigh in all (per pair; :func:`_association_bytes`), the least recently used
#: dropped first. A cache of corpora weighs a corpus with the most they can grow to
#: (:func:`associations_most`).
ASSOCIATIONS_KEPT = 2_000
ASSOCIATIONS_BYTES = 16 * 2**20
# Bytes an association list costs a corpus's cache on top of its dict (sys.getsizeof): its key and
# the cache's entry for it; and, in the most any dict holds (CPython's dict of n items weighs at most
# 64 + 160 n bytes), per item: the dict's share, an int key and a float.
_ENTRY_BYTES = 200
_EMPTY_DICT_BYTES = 64
_ITEM_BYTES = 160 + 28 + 24

_LANGS = ("en", "kk", "ru")


class Lexicon:
    """Word translations by match key: ``lexicon.targets(key, "en", "ru")`` is a set of Russian keys."""

    def __init__(self) -> None:
        self._pairs: dict[tuple[str, str], dict[str, set[str]]] = {}

    @classmethod
    def extended(cls, base: "Lexicon") -> "Lexicon":
        """A copy of ``base`` to add to (the shipped dictionary stays as it is)."""
        lex = cls()
        lex._pairs = {pair: {k: set(v) for k, v in table.items()} for pair, table in base._pairs.items()}
        return lex

    def add(self, words: dict[str, Iterable[str]]) -> None:
        """One entry: the words of each language (``{"en": ["ministry"], "ru": ["министерство"]}``)."""
        # a phrase ("trade union") ties each of its words to the other language's one-word
        # renderings ("профсоюз"); phrase to phrase is left to the other evidence
        single = {lang: {word_key(w, lang) for w in ws if w and len(w.split()) == 1} for lang, ws in words.items()}
        phrase = {lang: {word_key(p, lang) for w in ws if w and len(w.split()) > 1
                         for p in w.split() if p.lower() not in stopwords(lang)} for lang, ws in words.items()}
        for a in words:
            for b in words:
                if a == b:
                    continue
                table = self._pairs.setdefault((a, b), {})
                for k in single[a] | phrase[a]:
                    table.setdefault(k, set()).update(single[b])
                for k in single[a]:
                    table.setdefault(k, set()).update(phrase[b])

    def targets(self, key: str, source: str, target: str) -> set[str]:
        return self._pairs.get((source, target), {}).get(key, set())

    def __len__(self) -> int:
        return sum(len(t) for t in self._pairs.values())


@lru_cache(maxsize=1)
def general_lexicon() -> Lexicon:
    """The shipped general dictionary (``data/lexicon.tsv``, columns en, ru, kk; ``|`` alternatives)."""
    lex = Lexicon()
    text = (files("termbase.mining") / "data" / "lexicon.tsv").read_text("utf-8")
    lines = text.splitlines()
    header = [h.strip() for h in lines[0].split("\t")]
    for line in lines[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        words = {}
        for lang, cell in zip(header, cells):
            if lang in _LANGS:
                words[lang] = [w.strip() for w in cell.split("|") if w.strip()]
        lex.add(words)
    return lex


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=262144)
def _skeleton(word: str) -> str:
    # voicing is where transliterations part most (Indonesia / Индонезия is s / з): one class
    return name_key(_LATIN_SPELLINGS.sub(lambda m: _LATIN_SPELLING[m.group().lower()], word), length=12).replace("z", "s")


# English spellings name_key does not know: "dg" sounds as "j" (Ledger / Леджер), "w" after a vowel
# is part of it (Town / Таун, News / Ньюз), "St" is "Saint" (St Mirren / Сент-Миррен)
_LATIN_SPELLING = {"dge": "je", "dg": "j", "ow": "au", "ew": "yu", "aw": "a", "st": "sent"}
_LATIN_SPELLINGS = re.compile(r"dge|dg|(?<=\w)(?:ow|ew|aw)(?![aeiouy])|^st\Z", re.I)


@lru_cache(maxsize=65536)
def _skeletons(word: str) -> tuple[str, ...]:
    """The skeletons a word may have: an initial Latin "j" or "y" before a vowel may be a vowel sound
    (Juventus / Ювентус, Yale / Йель) or a consonant (Johnson / Джонсон); a Russian adjective made
    from a name is the name's too (Йельский / Yale, as Гарвардский / Harvard)."""
    first = _skeleton(word)
    if word[:1] in "JjYy" and len(word) > 2 and word[1].lower() in "aeiouy":
        return (first, _skeleton(word[1:]))
    m = _RU_NAME_ADJECTIVE.search(word)
    if m is not None and m.start() >= 2 and word[:1].isupper():
        return (first, _skeleton(word[: m.start()]))
    return (first,)


# The ending of a Russian adjective made from a name: Йель-ский, Гарвард-ского, Оксфорд-ская.
_RU_NAME_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|ом|ую|их|им|ими|ей)$")


@lru_cache(maxsize=262144)
def _spelling_may_tie(source: bool | None, upper: bool, tgt_word: str) -> bool:
    """May spelling tie a source word (``source``: its :meth:`Linker._spelling_source`; ``upper``:
    capitalised) to ``tgt_word``? Names across scripts (one of them capitalised: "Harvard",
    "Гарвардский"; "League", "лигасы"); between Kazakh and Russian any longer word (loanwords:
    парламент, комиссия).

    >>> _spelling_may_tie(None, True, "Гарвардский"), _spelling_may_tie(None, False, "университет")
    (True, False)
    >>> _spelling_may_tie(True, False, "парламент"), _spelling_may_tie(True, False, "сот")
    (True, False)
    >>> _spelling_may_tie(False, True, "Harvard")
    False
    """
    if source is False or not _is_name_like(tgt_word):
        return False
    if source is not None:
        return len(tgt_word) >= 4
    return upper or tgt_word[:1].isupper()


def _is_name_like(word: str) -> bool:
    # "St" is the one two-letter name word: Saint (St Mirren / Сент-Миррен)
    return (len(word) >= 3 or word == "St") and word[:1].isalpha()


def spelling_similarity(a: str, b: str) -> float:
    """How alike two words are written once transliterated (0..1); the longer word's inflection
    ending (past the shorter skeleton and one more consonant) is not counted.

    >>> round(spelling_similarity("Harvard", "Гарвардского"), 2), spelling_similarity("Oxford", "Оксфорд")
    (1.0, 1.0)
    >>> spelling_similarity("court", "суд") < 0.5
    True
    >>> spelling_similarity("Yale", "Йельский"), spelling_similarity("Spiegel", "Шпигель")
    (1.0, 1.0)
    """
    across = a.isascii() != b.isascii()
    return max(_similarity(sa, sb, across) for sa in _skeletons(a) for sb in _skeletons(b))


def _similarity(sa: str, sb: str, across: bool = False) -> float:
    if across and sa[:1] != sb[:1] and {sa[:1], sb[:1]} == {"s", "S"}:
        # across scripts, "s" and "sh" part before a consonant in German and other names: Spiegel /
        # Шпигель, Stern / Штерн (within Cyrillic с and ш are two letters)
        sa, sb = sa.replace("S", "s"), sb.replace("S", "s")
    if not sa or not sb or sa[0] != sb[0]:  # transliterations keep their first consonant
        return 0.0
    if len(sa) > len(sb):
        sa, sb = sb, sa
    if len(sa) < 2:
        return 1.0 if sa == sb else 0.0
    sb = sb[: len(sa) + 1] if len(sb) > len(sa) + 1 else sb
    best = Levenshtein.normalized_similarity(sa, sb)
    if len(sb) > len(sa):
        best = max(best, Levenshtein.normalized_similarity(sa, sb[: len(sa)]))
    return best


def _bare(word: str) -> str:
    """A word without an English possessive ("HBO's" -> "HBO"): the name it holds."""
    if word.endswith(("'s", "’s")) and len(word) > 2:
        return word[:-2]
    return word


def _parts(word: str) -> list[str]:
    """The parts of a hyphenated word ("Сент-Джонстоне" -> both; "HBO-ның" and "NATO-ға" keep
    only the name, their case ending is no part); the word itself when it has no hyphen."""
    if "-" not in word:
        return [word]
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1 and (parts[0].isupper() or parts[0].isascii()) and parts[-1].islower() and len(parts[-1]) <= 4:
        parts = parts[:-1]
    return [p for p in parts if len(p) >= 2] or [word]


def capacity(word: str) -> int:
    """How many words of the other language one word may render: a hyphenated name one per part
    (Сент-Джонстоне renders "St Johnstone", Ист-Батон-Руж "East Baton Rouge"), at most three; a
    compound of common words ("военно-морской") one."""
    parts = _parts(word)
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return 1
    return min(3, len(parts))


def _association_bytes(associations: dict) -> int:
    """What one source word's associations weigh in a corpus's shared cache."""
    return _ENTRY_BYTES + sys.getsizeof(associations) + (28 + 24) * len(associations)


def associations_most(corpus: UnitCorpus) -> int:
    """The most bytes the word associations its linkers keep with ``corpus`` (every pair of its
    languages) can grow to: :data:`ASSOCIATIONS_BYTES` a pair, less for a corpus too small to fill it
    (at most one entry per word key, each tied to at most the target words found in two units)."""
    words = min(ASSOCIATIONS_KEPT, corpus.key_count)
    total = 0
    for target in corpus.languages:
        ties = sum(1 for units in corpus.postings.get(target, {}).values() if len(units) >= 2)
        most = words * (_ENTRY_BYTES + _EMPTY_DICT_BYTES + _ITEM_BYTES * ties)
        total += (len(corpus.languages) - 1) * min(ASSOCIATIONS_BYTES, most)
    return total


class Linker:
    """Link strengths between the words of a source and a target language over one corpus."""

    def __init__(self, corpus: UnitCorpus, source: str, target: str, lexicon: Lexicon | None = None,
                 *, sample: int = 400):
        self.corpus = corpus
        self.source, self.target = source, target
        self.lexicon = lexicon if lexicon is not None else general_lexicon()
        self.sample = sample
        self._src_stop = stopwords(source)
        self._tgt_stop = stopwords(target)
        #: the source and target languages' function words (lower case)
        self.source_stopwords, self.target_stopwords = self._src_stop, self._tgt_stop
        self._assoc: dict[int, dict[int, float]] = {}
        # what other linkers of this corpus found (the associations depend on the corpus alone)
        self._shared: WeighedCache = corpus.shared(("associations", source, target),
                                                   lambda: WeighedCache(ASSOCIATIONS_KEPT, ASSOCIATIONS_BYTES))
        self._rows: dict[str, dict[str, float]] = {}  # source word -> target word -> link
        self._remembered = 0

    def is_function_word(self, word: str, lang: str) -> bool:
        return word.lower() in (self._src_stop if lang == self.source else self._tgt_stop)

    def associations(self, kid: int) -> dict[int, float]:
        """Target key id -> Dice coefficient with source key ``kid`` (pairs sharing >= 2 units)."""
        got = self._assoc.get(kid)
        if got is None:
            got = self._shared.get(kid)
            if got is not None:
                self._assoc[kid] = got
        if got is not None:
            return got
        units = self.corpus.units_with(kid, self.source)
        out: dict[int, float] = {}
        if len(units) >= 2:
            picked = units if len(units) <= self.sample else units[:: max(1, len(units) // self.sample)]
            scale = len(units) / len(picked)
            rows = self.corpus.keys[self.target]
            counts = Counter(chain.from_iterable(map(set, map(rows.__getitem__, picked))))
            n_s = len(units)
            postings = self.corpus.postings.get(self.target, {})
            for t, c in counts.items():
                if c < 2:
                    continue
                both = c * scale
                dice = 2 * both / (n_s + len(postings.get(t, ())))
                # two or three shared units are weak evidence: every word of those units shares them
                out[t] = dice * min(1.0, (both - 1) / 4)
        self._assoc[kid] = self._shared.put(kid, out, _association_bytes(out))
        return out

    def _spelling_source(self, word: str) -> bool | None:
        """What :func:`_spelling_may_tie` reads of a source word (the same for every target word):
        False if its spelling ties it to nothing; between Kazakh and Russian True (a name-like word of
        four letters or more); else None (a name-like word, tied to a name if either is capitalised)."""
        if not _is_name_like(word):
            return False
        return len(word) >= 4 if self.source != "en" and self.target != "en" else None

    def link(self, src_word: str, src_kid: int, tgt_word: str, tgt_kid: int) -> float:
        """The strength of the tie between two words, 0..1 (remembered: a word meets the same
        words again and again)."""
        return self.links(src_word, src_kid, (tgt_word,), (tgt_kid,))[0]

    def links(self, src_word: str, src_kid: int, tgt_words: Sequence[str], tgt_kids: Sequence[int]) -> list[float]:
        """:meth:`link` of one source word with each of ``tgt_words`` (key ids ``tgt_kids``)."""
        row = self._rows.get(src_word)
        if row is None:
            if self._remembered > 1_000_000:  # a bound on what is remembered
                self._rows.clear()
                self._remembered = 0
            row = self._rows[src_word] = {}
        get = row.get
        out = []
        src = None
        for tgt_word, tgt_kid in zip(tgt_words, tgt_kids):
            got = get(tgt_word)
            if got is None:
                if src is None:
                    src = self._source_word(src_word, src_kid)
                got = row[tgt_word] = self._link(src_word, src_kid, tgt_word, tgt_kid, src)
                self._remembered += 1
            out.append(got)
        return out

    def _link(self, src_word: str, src_kid: int, tgt_word: str, tgt_kid: int, src: tuple | None = None) -> float:
        got = self._link_words(src_word, src_kid, tgt_word, tgt_kid, src)
        if got < 1.0 and ("-" in src_word or "-" in tgt_word):
            # a hyphenated compound ties through its parts: St Johnstone / Сент-Джонстоне,
            # Al-Qaeda / Аль-Каида (the parts have no co-occurrence of their own)
            for s in _parts(src_word):
                for t in _parts(tgt_word):
                    if (s, t) != (src_word, tgt_word):
                        got = max(got, self._link_words(s, -1, t, -1))
        return got

    def _source_word(self, src_word: str, src_kid: int) -> tuple:
        """What :meth:`_link_words` reads of a source word, the same for every target word."""
        word = _bare(src_word)
        low = word.lower()
        targets = self.lexicon.targets(word_key(word, self.source), self.source, self.target)
        names = self._spelling_source(word)
        return (word, low, low + "-", low in self._src_stop, targets, names, word[:1].isupper(),
                self.associations(src_kid) if src_kid >= 0 else None)

    def _link_words(self, src_word: str, src_kid: int, tgt_word: str, tgt_kid: int, src: tuple | None = None) -> float:
        word, low_s, low_s_dash, function, targets, names, upper, assoc = src or self._source_word(src_word, src_kid)
        tgt_word = _bare(tgt_word)
        low_t = tgt_word.lower()
        if low_s == low_t and not function:
            return 1.0
        if low_t.startswith(low_s_dash) or low_s.startswith(low_t + "-"):  # "HBO-ның", "NATO-ға"
            return 1.0
        tgt_key = word_key(tgt_word, self.target)
        if tgt_key in targets:
            return 1.0
        best = 0.0
        if targets and len(tgt_key) >= 4:
            # a derived word of a dictionary rendering: китайский / Китая, партия / партийный
            for t in targets:
                n = _common_prefix(t, tgt_key)
                if n >= 4 and n >= 0.75 * min(len(t), len(tgt_key)):
                    best = 0.75
                    break
        if _spelling_may_tie(names, upper, tgt_word):
            sim = spelling_similarity(word, tgt_word)
            if sim >= 0.75:
                best = max(best, 0.9 * sim)
        dice = assoc.get(tgt_kid, 0.0) if assoc is not None else 0.0
        # co-occurrence alone is the weakest evidence: a rendering the dictionary or spelling explains
        # wins over one a topic explains ("Supreme Court" nominee / "верховный судья")
        return max(best, min(dice, 0.6))
