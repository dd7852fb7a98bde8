"""A memory's version (``memories.version``), on both backends: kept in the database, moved by every
committed change of that memory's units from any connection, by nothing else; none inside a
transaction that changed memories; never an old one again (a memory made again, another termbase)."""

import pytest

from termbase.models import Concept, Term, TranslationUnit
from termbase.store import create_store, open_store

NEWS = [TranslationUnit({"en": "The Senate adopted the law.", "ru": "Сенат принял закон."}, source_lang="en"),
        TranslationUnit({"en": "The budget was approved.", "ru": "Бюджет утвердили."}, source_lang="en")]
LAWS = [TranslationUnit({"en": "A law on taxes.", "ru": "Закон о налогах."}, source_lang="en")]
NEW = TranslationUnit({"en": "The Senate met.", "ru": "Сенат собрался."}, source_lang="en")


def test_every_change_of_a_memorys_units_from_another_connection_moves_its_version_and_only_its(store):
    store.memories.add_units("news", NEWS)
    store.memories.add_units("laws", LAWS)
    laws = store.memories.version("laws")
    seen = [store.memories.version("news")]
    assert seen[0] == store.memories.version("news") and seen[0] != laws
    with open_store(store.location) as other:
        other.memories.add_units("news", [NEW])  # an import (staged, outside a transaction)
        seen.append(store.memories.version("news"))
        with other.atomic():  # an import in a caller's transaction
            other.memories.add_units("news", [TranslationUnit({"en": "One.", "ru": "Один."})])
        seen.append(store.memories.version("news"))
        assert other.memories.add_units("news", NEWS) == (0, 2)  # nothing new: nothing changed
        assert store.memories.version("news") == seen[-1]
        first = next(iter(other.memories.iter_units("news")))
        other.memories.update_unit(first.id, {"en": "The Senate adopted a law.", "ru": "Сенат принял закон."})
        seen.append(store.memories.version("news"))
        other.memories.remove_unit(first.id)
        seen.append(store.memories.version("news"))
        other.memories.remove("news")
        seen.append(store.memories.version("news"))
        other.memories.add_units("news", NEWS)  # made again
        seen.append(store.memories.version("news"))
        other.concepts.add(Concept("senate", (Term("en", "Senate"),)))  # not a memory's unit
        assert store.memories.version("news") == seen[-1]
    assert len(set(seen)) == len(seen) == 7
    assert store.memories.version("laws") == laws


def test_a_transaction_that_changed_memories_gives_no_version_and_its_rollback_moves_none(store):
    store.memories.add_units("news", NEWS)
    before = store.memories.version("news")
    with store.atomic():  # a transaction that changes no memory keeps the version
        store.memories.stats("news")
        assert store.memories.version("news") == before
    with pytest.raises(RuntimeError), store.atomic():
        store.memories.add_units("laws", LAWS)
        assert store.memories.version("news") is None and store.memories.version("laws") is None
        raise RuntimeError("undo")
    assert store.memories.version("news") == before
    assert store.memories.version("laws") == ("", 0)  # no such memory: never changed


def test_another_termbase_with_the_same_history_has_other_versions(tmp_path):
    versions = []
    for name in ("a.db", "b.db"):
        with create_store(tmp_path / name) as store:
            store.memories.add_units("news", NEWS)
            versions.append(store.memories.version("news"))
    assert versions[0][1] == versions[1][1] == 1 and versions[0] != versions[1]
