"""The stored lookup and matcher (over the store's term index) against the in-memory ones: the same
results on the shipped glossary, also after the index has been changed by updates and removals."""

import random

import pytest

from termbase.glossary import load_shipped
from termbase.models import Concept, Term
from termbase.search.lookup import LookupIndex, StoredLookup
from termbase.search.matcher import StoredMatcher, TermMatcher
from termbase.store import create_store


@pytest.fixture(scope="module")
def glossary_store():
    store = create_store(":memory:")
    store.concepts.add_many(load_shipped())
    yield store
    store.close()


def _queries(concepts, n=400, seed=3):
    rng = random.Random(seed)
    out = ["", "Сенат", "the", "of", "Республики", "national", "Mazhils", "Министрлiгi", "комитет"]
    terms = [t for c in concepts for t in c.terms]
    for _ in range(n):
        t = rng.choice(terms)
        words = t.text.split()
        kind = rng.randrange(6)
        if kind == 0:
            out.append(t.text.lower())
        elif kind == 1 and len(t.text) > 5:  # a typo
            i = rng.randrange(1, len(t.text) - 1)
            out.append(t.text[:i] + t.text[i + 1] + t.text[i] + t.text[i + 2:])
        elif kind == 2 and len(words) > 1:  # a part
            i = rng.randrange(len(words))
            out.append(" ".join(words[i:i + rng.randrange(1, len(words))]))
        elif kind == 3:  # inside a longer text
            out.append(f"the {t.text} said")
        elif kind == 4:
            out.append(t.text + "ның")
        else:
            out.append(t.text)
    return out


def _same_lookup(store, queries):
    concepts = list(store.concepts.iterate())
    memory = LookupIndex(concepts)
    stored = StoredLookup(store.terms, store.concepts.get)
    for q in queries:
        for lang in (None, "en", "kk", "ru", "kk-Latn"):
            a = [(m.concept.id, m.score, m.matched, m.how) for m in memory.search(q, lang, limit=5)]
            b = [(m.concept.id, m.score, m.matched, m.how) for m in stored.search(q, lang, limit=5)]
            assert a == b, (q, lang)


def _texts(concepts, n=150, seed=5):
    rng = random.Random(seed)
    by_lang = {}
    for c in concepts:
        for t in c.terms:
            by_lang.setdefault(t.lang, []).append(t.text)
    out = []
    for _ in range(n):
        lang = rng.choice(sorted(by_lang))
        parts = [rng.choice(by_lang[lang]) + rng.choice(["", "ның", "а", "'s", "ы"]) for _ in range(rng.randrange(1, 5))]
        out.append((lang, rng.choice([" and ", " и ", " мен ", ", "]).join(parts) + " туралы"))
    return out


def _same_matches(store, texts):
    memory = TermMatcher.from_concepts(store.concepts.iterate())
    stored = StoredMatcher(store.terms)
    assert stored.languages == memory.languages
    for lang, text in texts:
        assert stored.find_all(text, lang) == memory.find_all(text, lang), text
        assert stored.find(text, lang) == memory.find(text, lang), text
    # a second pass answers from what the stored matcher kept
    for lang, text in texts[:20]:
        assert stored.find_all(text, lang) == memory.find_all(text, lang), text


def test_stored_lookup_is_the_in_memory_lookup(glossary_store):
    _same_lookup(glossary_store, _queries(list(glossary_store.concepts.iterate())))


def test_stored_matcher_is_the_in_memory_matcher(glossary_store):
    _same_matches(glossary_store, _texts(list(glossary_store.concepts.iterate())))


def test_the_index_follows_updates_and_removals():
    store = create_store(":memory:")
    concepts = list(load_shipped())[:120]
    store.concepts.add_many(concepts)
    rng = random.Random(11)
    for c in rng.sample(concepts, 40):
        store.concepts.remove(c.id)
    for c in rng.sample([c for c in store.concepts.iterate()], 30):
        terms = tuple(Term(t.lang, t.text + " Council" if t.lang == "en" else t.text, t.status) for t in c.terms)
        store.concepts.update(Concept(c.id, terms[1:] + (Term("ru", "Новый совет"),)))
    store.concepts.add_many([Concept("x1", (Term("en", "Supreme Council"), Term("ru", "Верховный совет"))),
                             Concept("x2", (Term("kk-Latn", "Qazaqstan Parlamentı"), Term("kk", "Қазақстан Парламенті")))],
                            on_conflict="replace")
    remaining = list(store.concepts.iterate())
    _same_lookup(store, _queries(remaining, n=150) + ["Council", "Новый совет", "Supreme", "Qazaqstan Parlamentınıñ",
                                                      "Қазақстан Парламентінің", "Qazaqstan Parlamenti", "Parlament"])
    _same_matches(store, _texts(remaining, n=60) + [("ru", "Новый совет и Верховного совета")])
    # what the index holds is what a rebuild from the terms gives
    before = _dump(store)
    assert store.terms.reindex() == sum(len(c.terms) for c in remaining)
    assert _dump(store) == before
    store.close()


def _dump(store):
    conn = store._conn
    return [sorted(conn.execute(f"SELECT * FROM {t}")) for t in ("term_index", "term_keys", "term_counts")]


class _NoRareGrams:
    """A term index whose rare-trigram read must not read anything (the anchors' must)."""

    def __init__(self, terms):
        self._terms = terms

    def __getattr__(self, name):
        return getattr(self._terms, name)

    def with_grams(self, lang, grams, **kwargs):
        assert not grams, (lang, grams)
        return []


def test_a_long_misspelt_name_whose_rare_trigrams_are_too_common_is_found_by_spread_ones(glossary_store):
    concepts = list(glossary_store.concepts.iterate())
    stored = StoredLookup(_NoRareGrams(glossary_store.terms), glossary_store.concepts.get)
    stored.GRAM_ROWS = 1  # as in a termbase of millions: every trigram is in too many terms to read
    for query in ("Assembly of Peolpe of Kazakhstan", "Министрество иностранных дел", "Қазақстан Республикасының Сентаы"):
        got = stored.search(query, limit=3)
        want = LookupIndex(concepts).search(query, limit=1)
        assert want[0].how == "fuzzy" and (got[0].concept.id, got[0].score, got[0].matched) == (
            want[0].concept.id, want[0].score, want[0].matched), query
