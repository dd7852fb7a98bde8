"""The full-text index of memory units: filled with the units, emptied with them, by match keys (on every backend)."""

import pytest

from termbase.errors import ParseError, StoreError
from termbase.models import Concept, Term, TranslationUnit
from termbase.store import create_store, open_store

UNITS = [
    TranslationUnit({"en": "The Government met today.", "kk": "Үкімет бүгін жиналды."}),
    TranslationUnit({"en": "The decision of the Government.", "kk": "Үкіметтің шешімі."}),
    TranslationUnit({"en": "A new law was adopted.", "kk": "Жаңа заң қабылданды."}),
]


def test_units_are_found_by_any_inflected_form(store):
    store.memories.add_units("news", UNITS)
    ids = [u.id for u in store.memories.iter_units("news")]
    assert store.memories.containing("news", "kk", ["үкімет"]) == ids[:2]
    assert store.memories.containing("news", "en", ["govern", "decis"]) == ids[1:2]
    assert store.memories.candidates("news", "en", ["law", "adopt", "the"], limit=1) == ids[2:3]
    assert store.memories.containing("news", "ru", ["үкімет"]) == []  # another language
    assert store.memories.containing("other", "kk", ["үкімет"]) == []  # another memory


def test_index_follows_deletes_and_reindex(store):
    store.memories.add_units("a", UNITS)
    store.memories.add_units("b", UNITS[:1])
    assert store.memories.remove("a") == 3
    (b_id,) = [u.id for u in store.memories.iter_units("b")]
    assert store.memories.containing("a", "kk", ["үкімет"]) == []
    assert store.memories.containing("b", "kk", ["үкімет"]) == [b_id]
    assert store.memories.reindex() == 2  # b's two texts
    assert store.memories.containing("b", "kk", ["үкімет"]) == [b_id]
    store.memories.add_units("a", UNITS[1:2])
    (new,) = [u.id for u in store.memories.iter_units("a")]
    assert store.memories.containing("a", "kk", ["үкімет"]) == [new]


def test_stats_and_get_units(store):
    store.memories.add_units("news", UNITS)
    ids = [u.id for u in store.memories.iter_units("news")]
    stats = store.memories.stats("news")
    assert (stats["units"], stats["texts"], stats["source_langs"]) == (3, {"en": 3, "kk": 3}, {"en": 3})
    assert store.memories.source_langs("news") == {"en": 3}
    import pytest

    from termbase.errors import NotFound

    with pytest.raises(NotFound, match="no translation memory 'old' in .*; memories here: news"):
        store.memories.source_langs("old")
    assert [u.texts["en"] for u in store.memories.get_units([ids[2], 999, ids[0]])] == [
        "A new law was adopted.", "The Government met today."]
    assert store.memories.unit_texts([ids[2], 999, ids[0]]) == {
        ids[2]: {"en": "A new law was adopted.", "kk": "Жаңа заң қабылданды."},
        ids[0]: {"en": "The Government met today.", "kk": "Үкімет бүгін жиналды."}}
    assert store.memories.unit_texts([]) == {}


def test_a_unit_edited_or_removed_is_reindexed_and_recorded(store):
    import pytest

    from termbase.errors import NotFound, ValidationError

    store.memories.add_units("news", UNITS)
    ids = [u.id for u in store.memories.iter_units("news")]
    edited = store.memories.update_unit(ids[2], {"en": "A new tax was adopted.", "kk": "Жаңа салық қабылданды."},
                                        actor="aigerim")
    assert edited.texts == {"en": "A new tax was adopted.", "kk": "Жаңа салық қабылданды."}
    assert store.memories.containing("news", "en", ["law"]) == []
    assert store.memories.containing("news", "en", ["tax"]) == [ids[2]]
    with pytest.raises(ValidationError, match="already has a unit with these texts"):
        store.memories.update_unit(ids[2], dict(UNITS[0].texts))
    assert store.memories.remove_unit(ids[0], actor="bolat").texts == UNITS[0].texts
    assert store.memories.containing("news", "kk", ["үкімет"]) == ids[1:2]
    assert store.memories.page_units("news") == (2, store.memories.get_units(ids[1:]))
    with pytest.raises(NotFound):
        store.memories.remove_unit(ids[0])
    changes = store.memories.unit_changes(ids[2]) + store.memories.unit_changes(ids[0])
    assert [(c["action"], c["actor"], c["before"], c["after"]) for c in changes] == [
        ("update", "aigerim", UNITS[2].texts, {"en": "A new tax was adopted.", "kk": "Жаңа салық қабылданды."}),
        ("delete", "bolat", UNITS[0].texts, None),
    ]


def test_the_shortlist_sees_every_change_of_this_and_other_connections(store):
    from termbase.store import open_store

    store.memories.add_units("news", UNITS)
    ids = [u.id for u in store.memories.iter_units("news")]
    assert store.memories.candidates("news", "en", ["law"], limit=5) == ids[2:3]  # (the posting lists kept)
    store.memories.add_units("news", [TranslationUnit({"en": "The law on taxes.", "kk": "Салық туралы заң."})])
    (new,) = [u.id for u in store.memories.iter_units("news")][3:]
    assert store.memories.candidates("news", "en", ["law"], limit=5) == [ids[2], new]
    store.memories.update_unit(ids[2], {"en": "A new tax was adopted.", "kk": "Жаңа салық қабылданды."})
    assert store.memories.candidates("news", "en", ["law"], limit=5) == [new]
    with open_store(store.location) as other:
        other.memories.remove_unit(new)
        other.memories.add_units("news", [TranslationUnit({"en": "Law and order.", "kk": "Заң және тәртіп."})])
        (last,) = [u.id for u in other.memories.iter_units("news")][3:]
    assert store.memories.candidates("news", "en", ["law"], limit=5) == [last]
    assert store.memories.candidates("other", "en", ["law"], limit=5) == []


def test_words_with_a_digit_have_a_small_cache_of_their_own(monkeypatch):
    from termbase.store import memories as backend

    monkeypatch.setattr(backend, "_chunk_cache", {})
    monkeypatch.setattr(backend, "_chunks_kept", 0)
    monkeypatch.setattr(backend, "_number_cache", {})
    monkeypatch.setattr(backend, "_NUMBER_CACHE_WORDS", 2)
    assert backend.index_keys("Заседание 987654 Ассамблеи 5-го апреля 2026", "ru") == \
        "заседание 987654 ассамблея 5й апрель 2026"
    # the chunks without a digit go to the chunk cache, the numbers' words to the number cache
    # (bounded: emptied when full)
    assert backend._chunk_cache == {"ru": {"Заседание": "заседание", "Ассамблеи": "ассамблея", "апреля": "апрель"}}
    assert list(backend._number_cache) == [("ru", "2026")]


def test_index_keys_of_a_chunk_are_those_of_its_words(monkeypatch):
    from termbase.store import memories as backend

    monkeypatch.setattr(backend, "_chunk_cache", {})
    monkeypatch.setattr(backend, "_chunks_kept", 0)
    monkeypatch.setattr(backend, "_TOKEN_CACHE_WORDS", 3)
    text = "«Нұр-Сұлтан's» К.-Ж. 3.5%, Ассамблеясының... «Нұр-Сұлтан's» — ? Ассамблеясының"
    from termbase.languages import split_words, word_key

    by_word = " ".join(backend._index_token(word_key(w, "kk")) for w in split_words(text))
    assert by_word == "нұрсұлтанs к ж 35 ассамблея нұрсұлтанs ассамблея"
    assert backend.index_keys(text, "kk") == by_word
    assert backend.index_keys(text, "kk") == by_word  # from the cache (emptied when full)
    assert backend.index_keys("Сенат заңды қабылдады", "kk") == "сенат заң қабылдад"
    assert backend.index_keys("Senate", "en") == "senat"
    # at most three chunks in all the languages' caches
    assert sum(map(len, backend._chunk_cache.values())) == backend._chunks_kept <= 3


def test_an_import_adds_document_frequencies_a_part_at_a_time(tmp_path, monkeypatch):
    from termbase.store import create_store
    from termbase.store import memories as backend

    units = [TranslationUnit({"en": f"Meeting {i} of the Senate", "kk": f"Сенаттың {i}-отырысы"}) for i in range(7)]

    def frequencies(name):
        with create_store(tmp_path / name) as store:
            assert store.memories.add_units("tm", units) == (7, 0)
            return dict(store._conn.execute("SELECT token, n FROM tm_df"))

    whole = frequencies("whole.db")
    monkeypatch.setattr(backend, "_DF_PART", 2)  # added every two tokens
    assert frequencies("parts.db") == whole
    assert whole["senat"] == 7 and whole["3"] == 1 and whole["3отыр"] == 1


def test_the_shortlist_goes_on_through_the_units_tied_with_its_last(store):
    texts = ["The tax law was adopted on Monday.", "The tax law was adopted on Tuesday.",
             "The tax law was adopted in May.", "The tax law was adopted in June.", "The law on roads."]
    store.memories.add_units("news", [TranslationUnit({"en": t, "kk": f"{i}"}) for i, t in enumerate(texts)])
    ids = [u.id for u in store.memories.iter_units("news")]
    keys = ["tax", "law", "adopt"]
    assert store.memories.candidates("news", "en", keys, limit=2) == ids[:2]
    assert store.memories.candidates("news", "en", keys, limit=2, ties=1) == ids[:3]
    assert store.memories.candidates("news", "en", keys, limit=2, ties=10) == ids[:4]  # not the one holding "law" only
    assert store.memories.candidates("news", "en", keys, limit=5, ties=10) == ids


def test_the_shortlist_of_a_memory_when_another_comes(store):
    store.memories.add_units("a", UNITS)
    a_ids = [u.id for u in store.memories.iter_units("a")]
    assert store.memories.candidates("a", "en", ["govern"], limit=5) == a_ids[:2]
    assert store.memories.candidates("b", "en", ["govern"], limit=5) == []
    store.memories.add_units("b", UNITS[1:])
    b_ids = [u.id for u in store.memories.iter_units("b")]
    assert store.memories.candidates("b", "en", ["govern"], limit=5) == b_ids[:1]
    assert store.memories.candidates("a", "en", ["govern"], limit=5) == a_ids[:2]
    store.memories.remove("a")
    assert store.memories.candidates("a", "en", ["govern"], limit=5) == []
    assert store.memories.candidates("b", "en", ["govern"], limit=5) == b_ids[:1]


def test_texts_in_one_language(store):
    store.memories.add_units("news", [*UNITS, TranslationUnit({"en": "Only English.", "ru": "Только английский."})])
    ids = [u.id for u in store.memories.iter_units("news")]
    assert store.memories.texts_in([ids[3], 999, ids[0]], "kk") == {ids[0]: "Үкімет бүгін жиналды."}
    assert store.memories.texts_in(ids[2:], "en") == {ids[2]: "A new law was adopted.", ids[3]: "Only English."}
    assert store.memories.texts_in([], "en") == {}


def test_word_counts_of_the_index_stay_right_over_imports(store):
    def counts():
        return sorted(store._conn.execute("SELECT token, n FROM tm_df").fetchall())

    store.memories.add_units("news", [UNITS[0], UNITS[1], UNITS[0]])  # the same unit twice
    assert dict(counts())["govern"] == 2
    store.memories.add_units("news", UNITS)  # two of three are there already
    store.memories.add_units("other", UNITS[2:])
    kept = counts()
    assert dict(kept)["govern"] == 2 and dict(kept)["law"] == 2 and dict(kept)["заң"] == 2
    store.memories.reindex()  # counts every text again
    assert counts() == kept


def test_word_counts_stay_right_when_an_import_counts_in_parts_and_holds_known_units(location, monkeypatch):
    from termbase.store import create_store
    from termbase.store import memories as backend

    units = [TranslationUnit({"en": f"Meeting {i} of the Senate", "kk": f"Сенаттың {i}-отырысы"}) for i in range(7)]

    def counts(store):
        return sorted(store._conn.execute("SELECT token, n FROM tm_df").fetchall())

    monkeypatch.setattr(backend, "_DF_PART", 2)  # counted in parts of two tokens, in the staging database
    with create_store(location) as store:
        assert store.memories.add_units("tm", units[:3], batch=2) == (3, 0)
        assert store.memories.add_units("tm", [*units, units[6]], batch=2) == (4, 4)  # 3 known, 1 twice
        kept = counts(store)
        assert dict(kept)["senat"] == 7 and dict(kept)["meet"] == 7 and dict(kept)["2"] == 1
        store.memories.reindex()  # counts every text again
        assert counts(store) == kept


# The import stages what it reads (SQLite: an attached temporary database; PostgreSQL: temporary tables)
# and takes the write lock only to copy it in.
def test_a_memory_import_holds_the_write_lock_only_to_copy_what_it_read(location):
    path = location
    create_store(path).close()
    with open_store(path) as importer, open_store(path, lock_timeout=0) as other:
        importer.memories.add_units("m", [TranslationUnit({"en": "old", "ru": "старый"}, "en")])

        def units():
            for i in range(5000):
                yield TranslationUnit({"en": f"law {i}", "ru": f"закон {i}"}, "en")
                if i == 2500:  # the import is half read: others may still write, and see nothing of it
                    other.concepts.add(Concept("senate", (Term("en", "Senate"),)))
                    assert other.memories.count("m") == 1
            yield TranslationUnit({"en": "law 7", "ru": "закон 7"}, "en")  # twice in the file
            yield TranslationUnit({"en": "old", "ru": "старый"}, "en")  # already stored

        assert importer.memories.add_units("m", units(), batch=1000) == (5000, 2)
        assert other.memories.count("m") == 5001 and other.concepts.count() == 1
        found = other.memories.candidates("m", "ru", ["закон", "4999"])
        assert [u.texts["en"] for u in other.memories.get_units(found[:1])] == ["law 4999"]


def test_a_memory_import_that_fails_while_reading_writes_nothing(location):
    path = location
    create_store(path).close()
    with open_store(path) as store:
        def units():
            yield TranslationUnit({"en": "a", "ru": "а"}, "en")
            raise ParseError("x.tmx", "broken", line=3)

        with pytest.raises(ParseError):
            store.memories.add_units("m", units())
        assert store.memories.count("m") == 0 if "m" in store.memories.names() else True
        assert store.memories.add_units("m", [TranslationUnit({"en": "a", "ru": "а"}, "en")]) == (1, 0)


def test_a_memory_import_whose_staging_fails_to_open_leaves_no_stage_behind(location, monkeypatch):
    """A staging statement after the first failing (here: made to fail) is an error of that import
    only; the stage it opened is closed, so the next import on the same connection stages again
    (before, its tables stayed: 'already exists' / 'stage already in use' until the connection closed)."""
    create_store(location).close()
    with open_store(location) as store:
        repo = store.memories
        good = type(repo)._STAGE_OPEN
        monkeypatch.setattr(type(repo), "_STAGE_OPEN", (good[0], "THIS IS NOT SQL"), raising=False)
        with pytest.raises(StoreError):
            repo.add_units("m", [TranslationUnit({"en": "a", "ru": "а"}, "en")])
        monkeypatch.setattr(type(repo), "_STAGE_OPEN", good)
        assert repo.add_units("m", UNITS) == (3, 0)


def test_a_search_in_a_transaction_rolled_back_keeps_nothing_of_it(store):
    """Posting lists read inside a transaction that wrote units are not kept: after its rollback the
    search no longer finds those units (SQLite's change counters do not move back on a rollback)."""
    store.memories.add_units("news", UNITS)
    ids = [u.id for u in store.memories.iter_units("news")]
    assert store.memories.candidates("news", "en", ["law"], limit=5) == ids[2:3]
    with pytest.raises(RuntimeError), store.atomic():
        store.memories.add_units("news", [TranslationUnit({"en": "The law on taxes.", "kk": "Салық туралы заң."})])
        assert len(store.memories.candidates("news", "en", ["law"], limit=5)) == 2
        raise RuntimeError("undo")
    assert store.memories.candidates("news", "en", ["law"], limit=5) == ids[2:3]
