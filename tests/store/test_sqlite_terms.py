"""The SQLite term index's reads that narrow a lookup: terms with most of a query's spread trigrams
(``with_anchors``) and terms of a key that also have the query's other keys (``with_key(also=)``)."""

import pytest

from termbase.languages import word_key
from termbase.models import Concept, Term
from termbase.store import create_store
from termbase.store.base import term_grams

ANCHORS = ["aks", "ist", "hea", "dep"]
GRAMS = term_grams("aksu district health department")


@pytest.fixture(scope="module")
def store():
    store = create_store(":memory:")
    store.concepts.add_many([
        Concept("a1", (Term("en", "Aksu District Health Department"),)),
        Concept("a2", (Term("en", "Aksu District Water Department"),)),
        Concept("a3", (Term("en", "Karasu District Health Department"),)),
        Concept("a4", (Term("en", "Health Department"),)),
        Concept("a5", (Term("ru", "Aksu District Health Department"),)),  # not English: never
    ])
    yield store
    store.close()


def _anchored(store, need, lengths=(0, 100), limit=10, rows=100, dice=0.45):
    found = store.terms.with_anchors("en", ANCHORS, need=need, grams=GRAMS, dice=dice, lengths=lengths,
                                     limit=limit, rows=rows)
    return [e.concept_id for e in found]


def test_terms_with_enough_of_the_anchors(store):
    assert _anchored(store, 4) == ["a1"]
    assert _anchored(store, 3) == ["a1", "a2", "a3"]  # (by concept)
    assert _anchored(store, 2) == ["a1", "a2", "a3", "a4"]


def test_anchored_terms_are_cut_by_length_dice_limit_and_rows(store):
    assert _anchored(store, 2, lengths=(20, 31)) == ["a1", "a2"]
    assert _anchored(store, 2, dice=0.8) == ["a1", "a3"]  # Dice 1, 0.85 (Water 0.76, Health Department 0.68)
    assert _anchored(store, 2, limit=2) == ["a1", "a3"]  # those sharing the most trigrams
    assert len(_anchored(store, 2, rows=1)) == 1
    assert _anchored(store, 5) == [] and store.terms.with_anchors(
        "en", [], need=1, grams=GRAMS, dice=0.45, lengths=(0, 100), limit=10, rows=100) == []


def test_terms_of_a_key_that_also_have_other_keys(store):
    health, aksu, water = (word_key(w, "en") for w in ("Health", "Aksu", "Water"))
    assert [e.concept_id for e in store.terms.with_key("en", health, 4)] == ["a1", "a3"]
    assert [e.concept_id for e in store.terms.with_key("en", health, 4, also=[aksu])] == ["a1"]
    assert store.terms.with_key("en", health, 4, also=[aksu, water]) == []
    assert [e.concept_id for e in store.terms.with_key("en", health, 4, also=[health], concepts=1)] == ["a1"]


def test_terms_with_fewer_anchors_are_not_read_once_one_is_a_typo_away(store):
    def anchored(enough):
        found = store.terms.with_anchors("en", ANCHORS, need=2, grams=GRAMS, dice=0.45, lengths=(0, 100), limit=10,
                                         rows=100, enough=enough)
        return [e.concept_id for e in found]

    # a1 has all the query's trigrams: the terms with 2 anchors (a4) are not read after those with 3
    assert anchored(len(GRAMS) - 4) == ["a1", "a2", "a3"]
    assert anchored(len(GRAMS) + 1) == ["a1", "a2", "a3", "a4"]  # none close enough: all read


def test_terms_by_trigrams_with_a_limit_are_read_from_the_four_times_limit_with_most_of_them():
    store = create_store(":memory:")
    store.concepts.add_many([Concept(f"t{i}", (Term("en", f"Aksu District Health Department {word}"),))
                             for i, word in enumerate(("One", "Two", "Three", "Four"), 1)]
                            + [Concept("t5", (Term("en", "Aksu"),))])

    def found(limit):
        return [e.concept_id for e in store.terms.with_grams("en", sorted(GRAMS), others=0, size=len(GRAMS), dice=0,
                                                             lengths=(0, 10), limit=limit)]

    # t1..t4 have the most of the trigrams but are too long; t5, short enough, has fewer
    assert found(1) == []  # 4 terms read: t1..t4
    assert found(2) == ["t5"]  # 8 read
    store.close()
