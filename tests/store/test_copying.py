"""Copying a whole termbase between backends (SQLite -> PostgreSQL -> SQLite): everything as it was,
ids continuing where they stood, the memory index rebuilt, all or nothing."""

import pytest

from termbase.errors import TermbaseError
from termbase.models import Concept, Evidence, Term, TranslationUnit
from termbase.store import copy_termbase, create_store, open_store

UNITS = [
    TranslationUnit({"en": "The Government met today.", "kk": "Үкімет бүгін жиналды."}, document="a", position=1),
    TranslationUnit({"en": "The decision of the Government.", "kk": "Үкіметтің шешімі."}, score=0.5),
    TranslationUnit({"en": "A new law was adopted.", "kk": "Жаңа заң қабылданды."}, document="a", position=2),
]


def fill(store) -> None:
    store.concepts.add(Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат")), scope="KZ"), actor="aigerim")
    store.concepts.add(Concept("knb", (Term("en", "KNB", "admitted", "acronym"),),
                               evidence=(Evidence("en", "KNB", "news", 1, "The KNB said.", None),)))
    store.concepts.update(Concept("knb", (Term("en", "KNB", "admitted", "acronym"), Term("ru", "КНБ")), note="n"))
    store.concepts.add(Concept("gone", (Term("en", "Gone"),)))
    store.concepts.remove("gone", actor="bolat")
    store.memories.add_units("news", UNITS)
    unit_ids = [u.id for u in store.memories.iter_units("news")]
    store.memories.update_unit(unit_ids[2], {"en": "A new tax was adopted.", "kk": "Жаңа салық қабылданды."})
    store.memories.add_units("other", UNITS[:1])
    store.memories.remove("other")  # ids given to its unit are never given again
    store.tokens.add("aigerim", "terminologist", "d" * 64)


def everything(store) -> dict:
    names = store.memories.names()
    units = {n: list(store.memories.iter_units(n)) for n in names}
    return {
        "concepts": [(c, c.version, c.created, c.modified, [(t.id, t.created, t.modified) for t in c.terms])
                     for c in store.concepts.iterate()],
        "history": {cid: store.concepts.history(cid) for cid in ("senate", "knb", "gone")},
        "units": {n: [(u, u.id, u.created, u.modified) for u in us] for n, us in units.items()},
        "changes": {u.id: store.memories.unit_changes(u.id) for us in units.values() for u in us},
        "tokens": store.tokens.list(),
        "found": store.memories.containing("news", "kk", ["үкімет"]),
        "fuzzy": store.memories.candidates("news", "en", ["tax", "adopt"], limit=2),
        "stats": store.concepts.stats(),
    }


def test_a_termbase_goes_to_postgresql_and_back_unchanged(tmp_path, pg_url):
    first = tmp_path / "first.db"
    with create_store(first) as store:
        fill(store)
        before = everything(store)
    counts = copy_termbase(first, pg_url)
    assert counts.rows["concepts"] == 2 and counts.rows["concept_history"] == 5 and counts.rows["tm_units"] == 3
    assert counts.indexed == 6
    back = tmp_path / "back.db"
    copy_termbase(pg_url, back)
    for location in (pg_url, back):
        with open_store(location) as store:
            assert everything(store) == before
            # the next ids come after the source's, deleted ones included
            added = store.concepts.add(Concept("mazhilis", (Term("en", "Mazhilis"),)))
            store.memories.add_units("news", [TranslationUnit({"en": "New."})])
            new_unit = max(u.id for u in store.memories.iter_units("news"))
            assert added.terms[0].id == 6 and new_unit == 5  # 5 terms and 4 units were given, the last ones deleted
            assert store.concepts.get("mazhilis").version == 1
            assert store.concepts.add(Concept("gone", (Term("en", "Gone"),))).version == 2  # continues its versions
            assert store.tokens.find("d" * 64).name == "aigerim"


def test_a_copy_onto_a_termbase_needs_force_and_a_failed_one_changes_nothing(tmp_path, pg_url):
    source = tmp_path / "s.db"
    with create_store(source) as store:
        fill(store)
    with create_store(pg_url) as store:
        store.concepts.add(Concept("mine", (Term("en", "Mine"),)))
    with pytest.raises(TermbaseError, match="already exists") as caught:
        copy_termbase(source, pg_url)
    assert caught.value.needs == "force"
    with open_store(source) as store:  # a source broken halfway: a unit text PostgreSQL cannot hold
        store.memories.add_units("news", [TranslationUnit({"en": "A NUL \x00 byte."})])
    with pytest.raises(TermbaseError):
        copy_termbase(source, pg_url, replace=True)
    with open_store(pg_url) as store:
        assert [c.id for c in store.concepts.iterate()] == ["mine"] and store.memories.names() == []
