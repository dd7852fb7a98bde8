"""What is particular to the PostgreSQL term index (termbase.store.postgres_terms): ``with_anchors``,
the typo candidates SQLite's index gives from its FTS5 tables at scale (the rest of the contract runs
on both backends in tests/store/test_term_index.py and test_term_index_backends.py)."""

from termbase.store import open_store
from termbase.store.base import term_grams
from tests.store.test_term_index import fill, texts


def test_with_anchors_reads_the_terms_with_most_anchors_first_within_rows(pg_cluster):
    with open_store(pg_cluster.empty_termbase()) as store:
        fill(store)
        grams = term_grams("supreme cuort")
        # "  s": Senate, Supreme Court; " su": Supreme Court; "our": Supreme Court, Court
        anchors = ["  s", " su", "our", "our"]
        kwargs = {"grams": grams, "lengths": (5, 20), "limit": 5}
        assert texts(store.terms.with_anchors("en", anchors, need=1, dice=0.5, rows=100, **kwargs)) == [
            ("supreme-court", "Supreme Court")]
        assert texts(store.terms.with_anchors("en", anchors, need=1, dice=0.05, rows=100, **kwargs)) == [
            ("court", "Court"), ("senate", "Senate"), ("supreme-court", "Supreme Court")]
        assert texts(store.terms.with_anchors("en", anchors, need=1, dice=0.05, rows=100,
                                              **{**kwargs, "limit": 2})) == [
            ("senate", "Senate"), ("supreme-court", "Supreme Court")]  # the most shared, then the first term
        # the terms with two anchors are read first: one row is only Supreme Court
        assert texts(store.terms.with_anchors("en", anchors, need=1, dice=0.05, rows=1, **kwargs)) == [
            ("supreme-court", "Supreme Court")]
        assert texts(store.terms.with_anchors("en", anchors, need=1, dice=0.05, rows=100,
                                              **{**kwargs, "lengths": (5, 6)})) == [
            ("court", "Court"), ("senate", "Senate")]
        assert store.terms.with_anchors("en", anchors, need=4, dice=0.05, rows=100, **kwargs) == []
        assert store.terms.with_anchors("ru", anchors, need=1, dice=0.05, rows=100, **kwargs) == []
