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
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio as _similarity

from ..languages import KK_LATN, SUPPORTED, base_lang, key_text, normalize, normalize_lang, text_keys
from ..models import Concept, Term


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
        self.position: dict[str | None, int] = {}  # concept id -> its index in concepts
        self.dead: set[int] = set()  # indexes of concepts changed or removed since (see update)
        for concept in concepts:
            self._add(concept)

    def _add(self, concept: Concept) -> None:
        ci = len(self.concepts)
        self.concepts.append(concept)
        self.position[concept.id] = ci
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
        when the dead outnumber them.

        >>> from termbase.models import Term
        >>> index = LookupIndex([Concept("senate", (Term("en", "Senate"),))])
        >>> index.update({"senate": Concept("senate", (Term("en", "Upper House"),)), "knb": None})
        >>> [m.concept.terms[0].text for m in index.search("Upper House")], index.search("Senate")
        (['Upper House'], [])
        """
        for concept_id, concept in changed.items():
            old = self.position.pop(concept_id, None)
            if old is not None:
                self.dead.add(old)
            if concept is not None:
                self._add(concept)
        if len(self.dead) > max(256, len(self.position)):
            live = [c for ci, c in enumerate(self.concepts) if ci not in self.dead]
            self.__init__(live)

    def search(self, query: str, lang: str | None = None, *, limit: int = 10) -> list[LookupMatch]:
        query = " ".join(query.split())
        if not query:
            return []
        if lang:
            langs = [normalize_lang(lang)]
        else:
            langs = list(SUPPORTED)
            if _LATIN_LETTER.search(query):
                langs.append(KK_LATN)  # a Latin query may be Kazakh too
        # Kazakh in either script matches Kazakh in both: the language is what counts.
        wanted = base_lang(langs[0]) if lang else None
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
            for k in set(qkeys):
                seen.update(self.by_key.get((base, k), []))
            for ei in seen:
                keys = self.entries[ei][3]
                if keys == qkeys:
                    continue
                if _contains(keys, qkeys):
                    offer(ei, 0.6 + 0.25 * len(qkeys) / len(keys), "partial")
                elif _contains(qkeys, keys):
                    offer(ei, 0.5 + 0.25 * len(keys) / len(qkeys), "contains")
            # near misses by spelling, only when nothing matched exactly or inflected
            if any(score >= 0.95 for score, _, _ in best.values()):
                continue
            grams = _trigrams(qnorm)
            postings = sorted((self.by_trigram.get(base + g, ()) for g in grams), key=len)
            # candidates from the rarer grams: a misspelt term still shares most of them
            candidates: set[int] = set()
            for plist in postings[: max(3, (len(postings) * 3) // 4)]:
                candidates.update(plist)
            for ei in candidates:
                other = self.gram_sets[ei]
                dice = 2 * len(grams & other) / (len(grams) + len(other))
                if dice < 0.45:
                    continue
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


def _status_rank(term: Term) -> int:
    from ..models import STATUSES

    return STATUSES.index(term.status)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return n < len(haystack) and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))
