"""The memory shortlist gives the same units in the same order on SQLite (FTS5) and PostgreSQL (GIN
arrays): a memory of 300 made-up units, 40 queries, every answer compared."""

import random

from termbase.models import TranslationUnit
from termbase.store import create_store

WORDS = ("government budget senate law education president decision committee ministry council region "
         "court agency health tax energy water city school report plan").split()


def memory_and_queries():
    rng = random.Random(15)
    units = []
    for i in range(300):
        words = rng.choices(WORDS, k=rng.randint(3, 9))
        units.append(TranslationUnit({"en": f"The {' '.join(words)} {i % 7}."}, document="d", position=i))
    queries = [rng.choices(WORDS, k=rng.randint(2, 8)) for _ in range(40)]
    return units, queries


def test_the_shortlist_is_the_same_on_both_backends(tmp_path, pg_url):
    units, queries = memory_and_queries()
    answers = []
    for location in (tmp_path / "t.db", pg_url):
        with create_store(location) as store:
            store.memories.add_units("m", units)
            answers.append([(store.memories.candidates("m", "en", q, limit=10),
                             store.memories.containing("m", "en", q[:2])) for q in queries])
    sqlite, postgres = answers
    assert sum(len(c) for c, _ in sqlite) > 300 and any(found for _, found in sqlite)
    assert postgres == sqlite
