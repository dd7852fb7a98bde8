"""Looking up concepts by any of their terms: exact, inflected, acronym, partial and misspelt queries.

Scores (0..1], per concept the best of its terms:

- 1.00  the query is the term (after normalisation: case, ё/е, quotes, Latin i in Kazakh words)
- 0.95  the query is an inflected form of the term (same word keys: "Ассамблеясының" -> "Ассамблеясы")
- 0.60-0.85  the query's words are a contiguous part of the term ("Kurultai" -> "National Kurultai"),
  more for a larger share of the term
- 0.50-0.75  the term occurs inside a longer query ("the plenary session of the APK")
- up to 0.80  a near miss by spelling (character trigram similarity), for typos ("Mazhils")

Indexes are built once per termbase state: word key -> terms, trigram -> terms, so a lookup touches only
the terms that share something with the query. Kazakh in Latin script (``kk-Latn``) is one language
with Cyrillic Kazakh here: its words have the keys of their Cyrillic spelling and its trigrams are
taken from that spelling, so "Qazaqstan Respublikasynyñ Parlamentı" finds "Қазақстан
Республикасының Парламенті" and a Cyrillic query finds a Latin term.

:class:`StoredLookup` asks the store's term index (:class:`termbase.store.base.TermIndexRepository`) for
the terms that share something with the query, so nothing is built and a lookup costs the same in a
termbase of a million concepts as in a small one; :class:`LookupIndex` builds the same indexes in
memory from a list of concepts (the reference the stored one is tested against): both give the same
results.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..languages import KK_LATN, SUPPORTED, base_lang, key_text, normalize, normalize_lang, text_keys
from ..models import STATUSES, Concept, Term

if TYPE_CHECKING:  # pragma: no cover
    from ..store.base import IndexedTerm, TermIndexRepository


@dataclass(frozen=True)
class LookupMatch:
    concept: Concept
    score: float
    matched: Term
    how: str  # exact, inflected, partial, contains, fuzzy

    def to_dict(self) -> dict:
        terms: dict[str, list[dict]] = {}
        for lang in SUPPORTED:
            terms[lang] = [{"text": t.text, "status": t.status, "type": t.type} for t in self.concept.terms_in(lang)]
        for lang in self.concept.languages:
            if lang not in terms:
                terms[lang] = [{"text": t.text, "status": t.status, "type": t.type} for t in self.concept.terms_in(lang)]
        return {
            "concept_id": self.concept.id,
            "score": round(self.score, 3),
            "matched": {"lang": self.matched.lang, "text": self.matched.text, "how": self.how},
            "subject": self.concept.subject,
            "terms": terms,
        }


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _similarity(a: str, b: str, *, score_cutoff: float) -> float:
    """rapidfuzz's Indel ratio of two texts (0..100, 0 below ``score_cutoff``), in C++; rapidfuzz
    loads on the first near miss looked for (a lookup that finds its term exactly does without)."""
    global _similarity
    from rapidfuzz.fuzz import ratio

    _similarity = ratio
    return ratio(a, b, score_cutoff=score_cutoff)


def _trigrams(s: str) -> set[str]:
    s = f"  {s} "
    return {s[i : i + 3] for i in range(len(s) - 2)}


class LookupIndex:
    """In-memory search structures over a list of concepts."""

    def __init__(self, concepts: list[Concept]):
        self.concepts: list[Concept] = []
        self.entries: list[tuple[int, Term, str, tuple[str, ...]]] = []  # (concept index, term, norm, keys)
        self.by_norm: dict[str, list[int]] = defaultdict(list)
        self.by_keys: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
        self.by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.by_trigram: dict[str, list[int]] = defaultdict(list)
        self.gram_sets: list[frozenset[str]] = []
        self.key_sets: list[frozenset[str]] = []  # each entry's keys as a set
        self._arrays: dict = {}  # trigram key -> its postings as a numpy array (see _near)
        self._gram_lengths = ()  # each entry's number of trigrams, a numpy array (see _near)
        self.position: dict[str | None, int] = {}  # concept id -> its index in concepts
        self.dead: set[int] = set()  # indexes of concepts changed or removed since (see update)
        self.term_count = 0  # the live concepts' terms
        for concept in concepts:
            self._add(concept)

    def _add(self, concept: Concept) -> None:
        ci = len(self.concepts)
        self.concepts.append(concept)
        self.position[concept.id] = ci
        self.term_count += len(concept.terms)
        for term in concept.terms:
            base = base_lang(term.lang)  # kk-Latn terms are indexed with the Kazakh ones
            norm = " ".join(normalize(term.text, term.lang).split())
            # Spelling is compared in the script of the keys (a Latin Kazakh term in Cyrillic).
            script_norm = " ".join(normalize(key_text(term.text, term.lang)).split())
            keys = tuple(text_keys(term.text, term.lang)[0])
            ei = len(self.entries)
            self.entries.append((ci, term, script_norm, keys))
            self.by_norm[norm].append(ei)
            if script_norm != norm:
                self.by_norm[script_norm].append(ei)
            self.by_keys[(base, keys)].append(ei)
            self.key_sets.append(frozenset(keys))
            for k in set(keys):
                self.by_key[(base, k)].append(ei)
            grams = frozenset(_trigrams(script_norm))
            self.gram_sets.append(grams)
            for g in grams:
                self.by_trigram[base + g].append(ei)

    def update(self, changed: dict[str, Concept | None]) -> None:
        """Bring the index up to date with concepts changed (their new state) or removed (None) since
        it was built: their old entries are left dead (skipped by :meth:`search`) and the new ones
        added, so a change costs its own terms, not the termbase's. Rebuilt from the live concepts
        when the dead outnumber them. A concept whose terms are all as they were (a note, a
        definition changed) keeps its entries: only the concept they point to is replaced.

        >>> from termbase.models import Term
        >>> index = LookupIndex([Concept("senate", (Term("en", "Senate"),))])
        >>> index.update({"senate": Concept("senate", (Term("en", "Upper House"),)), "knb": None})
        >>> [m.concept.terms[0].text for m in index.search("Upper House")], index.search("Senate")
        (['Upper House'], [])
        >>> index.update({"senate": Concept("senate", (Term("en", "Upper House"),), note="renamed")})
        >>> index.search("Upper House")[0].concept.note, len(index.dead)
        ('renamed', 1)
        """
        for concept_id, concept in changed.items():
            old = self.position.get(concept_id)
            if old is not None and concept is not None and self.concepts[old].terms == concept.terms:
                self.concepts[old] = concept  # the entries hold equal terms: they stand
                continue
            if old is not None:
                del self.position[concept_id]
                self.dead.add(old)
                self.term_count -= len(self.concepts[old].terms)
            if concept is not None:
                self._add(concept)
        if len(self.dead) > max(256, len(self.position)):
            live = [c for ci, c in enumerate(self.concepts) if ci not in self.dead]
            self.__init__(live)

    def concept(self, concept_id: str) -> Concept | None:
        """The indexed concept of that id (as of the last :meth:`update`), or None."""
        ci = self.position.get(concept_id)
        return None if ci is None else self.concepts[ci]

    def _near(self, base: str, grams: set[str]) -> list[int]:
        """The entries (in order) of the terms of ``base`` sharing enough trigrams with a query of
        ``grams`` to be a near miss by spelling: among those having any of its rarer grams (a
        misspelt term still shares most of them), those whose Dice coefficient of trigrams with it
        is at least :data:`_DICE`. Counted with numpy over the grams' postings (the same numbers
        as intersecting each candidate's gram set with the query's, at a fifth of the CPU)."""
        import numpy as np

        postings = sorted(((self.by_trigram.get(base + g, ()), base + g) for g in grams), key=lambda p: len(p[0]))
        arrays = [self._postings_array(key, plist) for plist, key in postings if plist]
        if not arrays:
            return []
        rare = [self._postings_array(key, plist) for plist, key in postings[: max(3, (len(postings) * 3) // 4)] if plist]
        if not rare:
            return []
        candidates = np.unique(np.concatenate(rare))
        shared = np.sort(np.concatenate(arrays))  # an entry once per query gram it has
        common = np.searchsorted(shared, candidates, "right") - np.searchsorted(shared, candidates, "left")
        if len(self._gram_lengths) != len(self.gram_sets):
            self._gram_lengths = np.fromiter(map(len, self.gram_sets), dtype=np.int64, count=len(self.gram_sets))
        dice = 2 * common / (len(grams) + self._gram_lengths[candidates])
        return candidates[dice >= _DICE].tolist()

    def _postings_array(self, key: str, plist: list[int]):
        """``plist`` (the entries of one trigram) as a numpy array, kept until the list grows."""
        import numpy as np

        kept = self._arrays.get(key)
        if kept is None or len(kept) != len(plist):
            kept = self._arrays[key] = np.array(plist, dtype=np.int64)
        return kept

    def search(self, query: str, lang: str | None = None, *, limit: int = 10) -> list[LookupMatch]:
        query, langs, wanted = _query_langs(query, lang)
        if not query:
            return []
        best: dict[int, tuple[float, int, str]] = {}  # concept index -> (score, entry, how)

        def offer(ei: int, score: float, how: str) -> None:
            ci, term, _, _ = self.entries[ei]
            if (wanted and base_lang(term.lang) != wanted) or ci in self.dead:
                return
            # Among equal scores prefer the better-status term, then the earlier one
            rank = (score, -_status_rank(term))
            old = best.get(ci)
            if old is None or rank > (old[0], -_status_rank(self.entries[old[1]][1])):
                best[ci] = (score, ei, how)

        for ei in self.by_norm.get(" ".join(normalize(query, langs[0] if lang else None).split()), []):
            offer(ei, 1.0, "exact")
        for lg in langs:
            base = base_lang(lg)
            qnorm = " ".join(normalize(key_text(query, lg), lg).split())
            for ei in self.by_norm.get(qnorm, []):
                offer(ei, 1.0, "exact")
            qkeys = tuple(text_keys(query, lg)[0])
            if not qkeys:
                continue
            for ei in self.by_keys.get((base, qkeys), []):
                offer(ei, 0.95, "inflected")
            # partial / contains: terms sharing a key with the query
            seen: set[int] = set()
            qset = frozenset(qkeys)
            for k in qset:
                seen.update(self.by_key.get((base, k), []))
            n = len(qkeys)
            for ei in sorted(seen):  # (on a tie the concept's earlier term is the one shown)
                keys = self.entries[ei][3]
                # a part needs every key of the other (set inclusion, in C) before the order is compared
                if len(keys) > n:
                    if qset <= self.key_sets[ei] and _contains(keys, qkeys):
                        offer(ei, 0.6 + 0.25 * n / len(keys), "partial")
                elif len(keys) < n and self.key_sets[ei] <= qset and _contains(qkeys, keys):
                    offer(ei, 0.5 + 0.25 * len(keys) / n, "contains")
            # near misses by spelling, only when nothing matched exactly or inflected
            if any(score >= 0.95 for score, _, _ in best.values()):
                continue
            grams = _trigrams(qnorm)
            for ei in self._near(base, grams):
                norm = self.entries[ei][2]
                # Indel similarity, 2 x common characters / both lengths (rapidfuzz, in C++: difflib's
                # SequenceMatcher took up to 250 ms for a misspelt long name against its candidates)
                ratio = _similarity(qnorm, norm, score_cutoff=80) / 100
                if ratio >= 0.8:
                    offer(ei, round(0.8 * ratio, 4), "fuzzy")
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], self.concepts[kv[0]].id or ""))
        return [
            LookupMatch(self.concepts[ci], score, self.entries[ei][1], how) for ci, (score, ei, how) in ranked[:limit]
        ]


def _query_langs(query: str, lang: str | None) -> tuple[str, list[str], str | None]:
    """The query with its spaces collapsed, the languages to look in (all, and Latin Kazakh for a
    Latin query, unless ``lang``), and the language a match must be in (None: any). Kazakh in
    either script matches Kazakh in both: the language is what counts."""
    query = " ".join(query.split())
    if lang:
        langs = [normalize_lang(lang)]
    else:
        langs = list(SUPPORTED)
        if _LATIN_LETTER.search(query):
            langs.append(KK_LATN)  # a Latin query may be Kazakh too
    return query, langs, (base_lang(langs[0]) if lang else None)


def _status_rank(term: Term) -> int:
    return _STATUS_RANK[term.status]


_STATUS_RANK = {status: i for i, status in enumerate(STATUSES)}


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return n < len(haystack) and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


#: Typo candidates must share this much of their trigrams with the query (Dice) ...
_DICE = 0.45
#: ... and then be this similar by rapidfuzz's Indel ratio (:func:`rapidfuzz.fuzz.ratio` / 100).
_RATIO = 0.8


class StoredLookup:
    """:class:`LookupIndex`'s search over a store's term index: the same scores and order, reading
    only the terms that share the query's normalised text, keys or rare trigrams.

    ``concept(id)`` gives the concepts of the results (e.g. :meth:`termbase.search.TermIndex.concept`).

    In a large termbase the near misses by spelling are looked for among fewer terms than
    :class:`LookupIndex` tries: the terms with the query's rarest trigrams, as long as their
    postings add up to :attr:`GRAM_ROWS` at most, and of those the :attr:`CANDIDATES` sharing the
    most of them. Below those sizes (a termbase of some thousand terms) the results are the same.
    When the rare trigrams are in more terms than that (generated names at 100,000 concepts and
    more), the candidates are instead the terms having all but :attr:`MISSING` of :attr:`ANCHORS`
    rare trigrams spread over the query's words (:func:`_anchors`; the store intersects their
    postings), of the first :attr:`ANCHOR_ROWS` such terms the :attr:`CANDIDATES` sharing the most
    trigrams with the query. The terms with all but one anchor are read first; when one of them is a
    single typo away (it lacks at most :attr:`ONE_EDIT` of the query's trigrams), those with fewer
    anchors -- two typos away at least, since one typo changes at most one anchor -- are not read
    (they were most of the rows read, and of the time, of a misspelt lookup at 100,000 concepts). (The rare trigrams alone found the intended concept of 2 of 42
    misspelt names at 1,000,000 concepts, the spread ones 41: ``scripts/bench_scale.py``.)
    """

    GRAM_ROWS = 12_000
    CANDIDATES = 200
    ANCHORS = 5
    MISSING = 2
    ANCHOR_ROWS = 2_000
    #: The trigrams one typo takes from a text at most (two swapped letters: the four trigrams over them).
    ONE_EDIT = 4

    def __init__(self, terms: "TermIndexRepository", concept: Callable[[str], Concept]):
        self.terms = terms
        self.concept = concept

    def search(self, query: str, lang: str | None = None, *, limit: int = 10) -> list[LookupMatch]:
        query, langs, wanted = _query_langs(query, lang)
        if not query:
            return []
        best: dict[str, tuple[float, int, IndexedTerm, str]] = {}  # concept id -> (score, -status, entry, how)

        def offer(entries: list["IndexedTerm"], score_of: Callable[["IndexedTerm"], tuple[float, str] | None]) -> None:
            # in the order of the in-memory index: concept id, then the term's place
            for e in sorted(entries, key=lambda e: (e.concept_id, e.seq)):
                if wanted and base_lang(e.term.lang) != wanted:
                    continue
                scored = score_of(e)
                if scored is None:
                    continue
                score, how = scored
                rank = (score, -_status_rank(e.term))
                old = best.get(e.concept_id)
                if old is None or rank > (old[0], old[1]):
                    best[e.concept_id] = (score, rank[1], e, how)

        offer(self.terms.by_norm(" ".join(normalize(query, langs[0] if lang else None).split())),
              lambda e: (1.0, "exact"))
        for lg in langs:
            base = base_lang(lg)
            qnorm = " ".join(normalize(key_text(query, lg), lg).split())
            offer(self.terms.by_norm(qnorm), lambda e: (1.0, "exact"))
            qkeys = tuple(text_keys(query, lg)[0])
            if not qkeys:
                continue
            # the terms whose keys are the query's (inflected), or a part of them (contains)
            parts = {qkeys[i:j] for i in range(len(qkeys)) for j in range(i + 1, len(qkeys) + 1)}
            found = self.terms.by_keys(base, parts, base=True)
            offer(found.get(qkeys, []), lambda e: (0.95, "inflected"))
            near = [e for keys, entries in found.items() if keys != qkeys for e in entries]
            near += self._partial(base, qkeys, best, limit)

            def near_score(e: "IndexedTerm") -> tuple[float, str] | None:
                if _contains(e.keys, qkeys):
                    return 0.6 + 0.25 * len(qkeys) / len(e.keys), "partial"
                if _contains(qkeys, e.keys):
                    return 0.5 + 0.25 * len(e.keys) / len(qkeys), "contains"
                return None

            offer(list({e.term.id: e for e in near}.values()), near_score)
            # near misses by spelling, only when nothing matched exactly or inflected
            if any(v[0] >= 0.95 for v in best.values()):
                continue
            self._fuzzy(base, qnorm, best, limit, offer)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        return [LookupMatch(self.concept(cid), score, e.term, how) for cid, (score, _, e, how) in ranked[:limit]]

    def _partial(self, lang: str, qkeys: tuple[str, ...], best: dict, limit: int) -> list["IndexedTerm"]:
        """The terms that may hold the query's keys inside longer ones (partial), read by number of
        keys: fewer keys, higher score, and among equal scores the lower concept ids first, until
        ``limit`` concepts score higher than any term not read could."""
        counts = self.terms.key_counts(lang, qkeys)
        if len(counts) < len(set(qkeys)):
            return []  # a key no term has: no term holds them all
        rarest = min(counts, key=lambda k: (counts[k], k))
        # (the next rarest keys narrow the terms read in the store)
        others = sorted((k for k in counts if k != rarest), key=lambda k: (counts[k], k))[:3]
        out: list[IndexedTerm] = []
        scores = {cid: v[0] for cid, v in best.items()}
        n = len(qkeys)
        while True:
            n = self.terms.next_length(lang, rarest, n)
            if n is None:
                return out
            score = 0.6 + 0.25 * len(qkeys) / n  # of every term of n keys holding the query's
            higher = sum(1 for s in scores.values() if s > score)
            if higher >= limit:
                return out  # no term of n keys or more can be among the first ``limit``
            # the concepts of this score come by id: the first limit - higher of them are enough
            needed, after = limit - higher, None
            while needed > 0:
                page = self.terms.with_key(lang, rarest, n, after=after, concepts=max(50, 8 * needed), also=others)
                if not page:
                    break
                for e in page:
                    if _contains(e.keys, qkeys):
                        out.append(e)
                        if scores.get(e.concept_id, -1.0) < score:  # one more concept of this score
                            needed -= 1
                            scores[e.concept_id] = score
                after = page[-1].concept_id

    def _fuzzy(self, lang: str, qnorm: str, best: dict, limit: int, offer) -> None:
        """Offer the near misses by spelling of ``qnorm`` (see :class:`StoredLookup`)."""
        grams = _trigrams(qnorm)
        counts = self.terms.gram_counts(lang, grams)
        # the Indel ratio is at most 2 * shorter / (both lengths): 0.8 needs 2/3 to 3/2 of the length
        size = len(qnorm)
        lengths = (size * 2 / 3 - 1e-9, size * 1.5 + 1e-9)
        # candidates from the rarer grams (one no term has counts as the rarest): a misspelt term
        # still shares most of them
        rare: list[str] = []
        rows, cut = 0, False
        for g in sorted(grams, key=lambda g: counts.get(g, 0))[: max(3, (len(grams) * 3) // 4)]:
            n = counts.get(g, 0)
            if not n:
                continue
            if rows + n > self.GRAM_ROWS:
                cut = True
                break
            rare.append(g)
            rows += n
        candidates = None
        if cut:  # too many terms share the rare grams: those with most of the spread ones instead
            anchors = _anchors(qnorm, counts, self.ANCHORS)
            if len(anchors) >= self.ANCHORS - self.MISSING:
                candidates = self.terms.with_anchors(
                    lang, anchors, need=len(anchors) - self.MISSING, grams=grams, dice=_DICE, lengths=lengths,
                    limit=self.CANDIDATES, rows=self.ANCHOR_ROWS, enough=len(grams) - self.ONE_EDIT,
                )
        if candidates is None:
            candidates = self.terms.with_grams(
                lang, rare, others=len(grams) - len(rare), size=len(grams), dice=_DICE, lengths=lengths,
                limit=self.CANDIDATES,
            )
        scored: dict[int, float] = {}
        for e in candidates:
            other = _trigrams(e.norm)
            if 2 * len(grams & other) / (len(grams) + len(other)) < _DICE:
                continue
            # the same similarity as LookupIndex's (rapidfuzz's Indel ratio, in C++)
            ratio = _similarity(qnorm, e.norm, score_cutoff=round(_RATIO * 100)) / 100
            if ratio >= _RATIO:
                scored[id(e)] = round(0.8 * ratio, 4)
        offer([e for e in candidates if id(e) in scored], lambda e: (scored[id(e)], "fuzzy"))


def _anchors(qnorm: str, counts: dict[str, int], k: int) -> list[str]:
    """Up to ``k`` trigrams of ``qnorm`` (padded as the index pads) that some term has, the rarest
    first, each at least 4 characters away from the others (one typo -- a changed, missing, extra or
    swapped letter -- changes at most one of them), and from as many different words as there are
    (the words of a name vary apart, so few terms have all of them).

    >>> _anchors("mazhilis", {"maz": 3, "hil": 5, "ili": 9, "lis": 4, " ma": 7}, 3)
    ['maz', 'lis']
    >>> _anchors("kazakhstan district", {"kaz": 5, "khs": 6, "tri": 30, "n d": 50}, 3)
    ['kaz', 'tri', 'khs']
    >>> _anchors("kazakhstan district of abai", {"kaz": 5, "tri": 30, "t o": 40, "f a": 50}, 3)
    ['kaz', 'tri', 'f a']
    """
    padded = f"  {qnorm} "
    seq = [padded[i : i + 3] for i in range(len(padded) - 2)]
    # the words each trigram has letters of (one, or the two around a space in its middle)
    words = []
    for i in range(len(seq)):
        before = padded[: i + 1].count(" ")  # the word of the first letter, if it is one
        words.append({before, before + 1} if padded[i + 1] == " " else {before})
    order = sorted((counts.get(g, 0), i) for i, g in enumerate(seq) if counts.get(g, 0))
    picked: dict[str, int] = {}
    for distinct_words in (True, False):
        for _, i in order:
            if len(picked) == k:
                return list(picked)
            if seq[i] in picked or any(abs(i - j) < 4 for j in picked.values()):
                continue
            if distinct_words and any(words[i] & words[j] for j in picked.values()):
                continue
            picked[seq[i]] = i
    return list(picked)
