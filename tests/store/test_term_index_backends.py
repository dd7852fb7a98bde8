"""The term index is the same on SQLite (FTS5 trigram tables) and PostgreSQL (a trigram table): the
shipped glossary in both, the index tables compared row for row, and lookups (exact, inflected,
partial, misspelt: the trigram candidates) and the stored matcher compared answer for answer; again
after updates, removals and a replacing import, and after a rebuild."""

import random

import pytest

from termbase.glossary import load_shipped
from termbase.models import Concept, Term
from termbase.search.lookup import StoredLookup
from termbase.search.matcher import StoredMatcher
from termbase.store import create_store
from termbase.store.base import term_grams
from termbase.store.postgres_terms import _part

TABLES = ("term_index", "term_keys", "term_counts")


@pytest.fixture(scope="module")
def both(pg_cluster, tmp_path_factory):
    concepts = list(load_shipped())
    stores = [create_store(tmp_path_factory.mktemp("terms") / "t.db"), create_store(pg_cluster.new_schema())]
    for store in stores:
        store.concepts.add_many(concepts)
    yield stores
    for store in stores:
        store.close()


def dump(store):
    return [sorted(tuple(r) for r in store._conn.execute(f"SELECT * FROM {t}")) for t in TABLES]


def grams_of(sqlite):
    """The trigram postings SQLite's FTS5 tables hold, from the texts it indexed."""
    return sorted((_part(base), gram, pk) for pk, base, norm in sqlite._conn.execute(
        "SELECT term_pk, base, norm FROM term_index") for gram in term_grams(norm))


def queries(concepts, n, seed):
    rng = random.Random(seed)
    out = ["Сенат", "the", "Республики", "national", "Mazhils", "Министрлiгi", "комитет", "Qazaqstan"]
    terms = [t for c in concepts for t in c.terms]
    for _ in range(n):
        t = rng.choice(terms)
        words = t.text.split()
        kind = rng.randrange(5)
        if kind == 0 and len(t.text) > 5:  # a typo: candidates from the trigram index
            i = rng.randrange(1, len(t.text) - 1)
            out.append(t.text[:i] + t.text[i + 1] + t.text[i] + t.text[i + 2:])
        elif kind == 1 and len(words) > 1:  # a part
            i = rng.randrange(len(words))
            out.append(" ".join(words[i:i + rng.randrange(1, len(words))]))
        elif kind == 2:
            out.append(t.text + "ның")
        elif kind == 3:
            out.append(t.text.lower())
        else:
            out.append(t.text)
    return out


def answers(store, qs, langs=(None, "ru", "kk-Latn")):
    lookup = StoredLookup(store.terms, store.concepts.get)
    return [[(m.concept.id, m.score, m.matched, m.how) for m in lookup.search(q, langs[i % len(langs)], limit=5)]
            for i, q in enumerate(qs)]


def matches(store, texts):
    matcher = StoredMatcher(store.terms)
    return matcher.languages, [(matcher.find_all(text, lang), matcher.find(text, lang)) for lang, text in texts]


def texts(concepts, n, seed):
    rng = random.Random(seed)
    by_lang = {}
    for c in concepts:
        for t in c.terms:
            by_lang.setdefault(t.lang, []).append(t.text)
    out = []
    for _ in range(n):
        lang = rng.choice(sorted(by_lang))
        parts = [rng.choice(by_lang[lang]) + rng.choice(["", "ның", "а", "ы"]) for _ in range(rng.randrange(1, 4))]
        out.append((lang, " и ".join(parts) + " туралы"))
    return out


def same(sqlite, postgres, qs, ts):
    assert dump(postgres) == dump(sqlite)
    assert sorted(tuple(r) for r in postgres._conn.execute("SELECT part, gram, term_pk FROM term_grams")) == (
        grams_of(sqlite))
    a, b = answers(sqlite, qs), answers(postgres, qs)
    assert sum(1 for found in a if found) > len(a) // 2  # most queries find something
    assert any(how == "fuzzy" for found in a for _, _, _, how in found)
    assert b == a
    assert matches(postgres, ts) == matches(sqlite, ts)


def test_the_glossary_is_indexed_and_looked_up_alike(both):
    sqlite, postgres = both
    concepts = list(sqlite.concepts.iterate())
    same(sqlite, postgres, queries(concepts, 200, 3), texts(concepts, 40, 5))


def test_the_same_after_changes_and_a_rebuild(both):
    sqlite, postgres = both
    rng = random.Random(7)
    concepts = list(sqlite.concepts.iterate())
    gone = [c.id for c in rng.sample(concepts, 25)]
    changed = [c for c in rng.sample(concepts, 40) if c.id not in gone]
    for store in both:
        for cid in gone:
            store.concepts.remove(cid)
        for c in changed[:20]:
            store.concepts.update(Concept(c.id, c.terms[1:] + (Term("ru", "Новый совет"),)))
        store.concepts.add_many([Concept(c.id, c.terms[:1] + (Term("kk-Latn", "Jańa keńes"),)) for c in changed[20:]]
                                + [Concept("x1", (Term("en", "Supreme Council"), Term("ru", "Верховный совет")))],
                                on_conflict="replace")
    remaining = list(sqlite.concepts.iterate())
    qs = queries(remaining, 80, 11) + ["Новый совет", "Jańa keńes", "Supreme Councel"]
    ts = texts(remaining, 20, 13)
    same(sqlite, postgres, qs, ts)
    for store in both:
        assert store.terms.reindex() == sum(len(c.terms) for c in remaining)
    assert dump(postgres) == dump(sqlite)
    assert answers(postgres, qs[-20:]) == answers(sqlite, qs[-20:])
