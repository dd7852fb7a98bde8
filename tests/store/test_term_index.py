"""The term index contract (termbase.store.base.TermIndexRepository, ``store.terms``), written against
the interface: every backend the ``store`` fixture yields (SQLite's FTS5 tables, PostgreSQL's trigram
table) must give these exact answers, also after the concepts change in a transaction that fails."""

import pytest

from termbase.models import Concept, Term
from termbase.store import open_store
from termbase.store.base import term_grams


def fill(store):
    store.concepts.add_many([
        Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"), Term("ru", "Сенат"))),
        Concept("supreme-court", (Term("en", "Supreme Court"), Term("ru", "Верховный суд"))),
        Concept("court", (Term("en", "Court"), Term("kk", "Сот"))),
        Concept("qazaq", (Term("kk-Latn", "Senat palatasy"),)),
    ])


def texts(found):
    return [(e.concept_id, e.term.text) for e in found]


def test_the_index_answers_every_question_of_the_interface(store):
    fill(store)
    terms = store.terms
    assert terms.count() == 8 and terms.count(up_to=2) == 2
    found = terms.by_norm("сенат")
    assert [(e.concept_id, e.term.lang, e.term.text, e.norm, e.keys, e.ngrams, e.seq) for e in found] == [
        ("senate", "kk", "Сенат", "сенат", ("сенат",), 6, 1), ("senate", "ru", "Сенат", "сенат", ("сенат",), 6, 2)]
    assert found[0].term.id == store.concepts.get("senate").terms[1].id
    assert {k: texts(v) for k, v in terms.by_keys("en", [("suprem", "court"), ("court",), ("x",)]).items()} == {
        ("court",): [("court", "Court")], ("suprem", "court"): [("supreme-court", "Supreme Court")]}
    assert {k: texts(v) for k, v in terms.by_keys("kk", [("сенат", "палата")], base=True).items()} == {
        ("сенат", "палата"): [("qazaq", "Senat palatasy")]}
    assert terms.by_keys("kk", [("сенат", "палата")]) == {}  # kk-Latn only with base
    assert terms.beginnings("en", [("suprem",), ("court",), ("suprem", "court"), ("senat", "court")]) == {
        ("suprem",), ("court",), ("suprem", "court")}
    assert terms.languages() == ["en", "kk", "kk-Latn", "ru"]
    assert terms.word_prefixes("en") == {"cou", "sen", "sup"}
    assert terms.key_counts("en", ["court", "senat", "x"]) == {"court": 2, "senat": 1}
    assert (terms.next_length("en", "court", 1), terms.next_length("en", "court", 2)) == (2, None)
    assert texts(terms.with_key("en", "court", 2)) == [("supreme-court", "Supreme Court")]
    assert texts(terms.with_key("en", "court", 1, after="a", concepts=1)) == [("court", "Court")]
    assert texts(terms.with_key("en", "court", 1, after="court")) == []
    assert terms.gram_counts("en", [" co", "our", "xyz"]) == {" co": 2, "our": 2}
    grams = sorted(term_grams("supreme cuort"))
    assert texts(terms.with_grams("en", grams, others=0, size=len(grams), dice=0.5)) == [
        ("supreme-court", "Supreme Court")]
    assert terms.with_grams("en", grams, others=0, size=len(grams), dice=0.5, lengths=(1, 6)) == []
    assert texts(terms.with_grams("en", grams[:5], others=len(grams) - 5, size=len(grams), dice=0.1)) == [
        ("senate", "Senate"), ("supreme-court", "Supreme Court")]  # "Court" has none of the five
    assert texts(terms.with_grams("en", grams[:5], others=len(grams) - 5, size=len(grams), dice=0.1, limit=1)) == [
        ("supreme-court", "Supreme Court")]
    assert terms.with_grams("en", [], others=3, size=3, dice=0.1) == []


def test_the_index_follows_every_change_and_equals_a_rebuild(store):
    fill(store)
    store.concepts.update(Concept("senate", (Term("en", "Senate chamber"), Term("ru", "Сенат"))))
    store.concepts.remove("court")
    store.concepts.add(Concept("court-2", (Term("en", "Court"),)))
    terms = store.terms
    assert texts(terms.by_norm("сенат")) == [("senate", "Сенат")]
    assert texts(terms.by_norm("senate chamber")) == [("senate", "Senate chamber")]
    assert terms.key_counts("en", ["court", "senat", "chamber"]) == {"court": 2, "senat": 1, "chamber": 1}
    assert terms.key_counts("kk", ["сот", "сенат"]) == {"сенат": 1}  # the kk-Latn term's key
    assert terms.gram_counts("en", [" co", "cha", "ate"]) == {" co": 2, "cha": 1, "ate": 1}
    assert terms.beginnings("en", [("senat",), ("senat", "chamber"), ("court",)]) == {
        ("senat",), ("senat", "chamber"), ("court",)}
    assert terms.count() == 6
    before = [(k, texts(v)) for k, v in sorted(terms.by_keys("en", [("court",), ("senat", "chamber")]).items())]
    assert terms.reindex() == 6
    assert [(k, texts(v)) for k, v in sorted(terms.by_keys("en", [("court",), ("senat", "chamber")]).items())] == before
    assert terms.key_counts("en", ["court", "senat", "chamber"]) == {"court": 2, "senat": 1, "chamber": 1}


def test_a_failed_transaction_leaves_the_index_as_it_was(store):
    fill(store)
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.concepts.remove("senate")
            store.concepts.add(Concept("chamber", (Term("en", "Chamber"),)))
            raise RuntimeError("half way")
    assert texts(store.terms.by_norm("сенат")) == [("senate", "Сенат"), ("senate", "Сенат")]
    assert store.terms.by_norm("chamber") == []
    # another connection sees what was committed
    with open_store(store.location) as other:
        assert other.terms.count() == 8 and other.terms.key_counts("en", ["senat"]) == {"senat": 1}


def test_a_change_that_lowers_counts_drops_only_those_brought_to_zero(store):
    """``term_counts`` after an edit that both raises and lowers counts (some to zero, some not) is the
    table a rebuild makes: the rows a removal lowered but left above zero keep their right counts."""
    fill(store)

    def counts():
        return sorted(tuple(r) for r in store._conn.execute("SELECT kind, lang, value, n FROM term_counts"))

    before = {(kind, lang, value): n for kind, lang, value, n in counts()}
    # "Supreme Court" goes (its "suprem" key to zero, "court" from 2 to 1), "Senate" becomes "Senate court"
    # ("court" back to 2, "senat" stays 1): one change adds and removes counts of the same keys
    store.concepts.update(Concept("senate", (Term("en", "Senate court"), Term("kk", "Сенат"), Term("ru", "Сенат"))))
    store.concepts.update(Concept("supreme-court", (Term("ru", "Верховный суд"),)))
    store.concepts.remove("qazaq")
    after = counts()
    assert store.terms.key_counts("en", ["court", "senat", "suprem"]) == {"court": 2, "senat": 1}
    assert store.terms.key_counts("kk", ["сенат", "палата"]) == {"сенат": 1}  # the kk-Latn term's keys went
    assert all(n > 0 for *_, n in after)
    kept = [row for row in after if row[:3] in before and row[3] == before[row[:3]]]
    assert kept, "rows the change did not touch are still there"
    store.terms.reindex()
    assert counts() == after
