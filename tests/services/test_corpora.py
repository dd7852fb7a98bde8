"""A server's workspaces keep the mining index of a memory between extractions (``MemoryCorpora``), on
both backends: indexed once, made again after any change of the memory's units by another connection
(the new units' evidence appears), never kept from a transaction that was rolled back; bounded."""

import io

import pytest

from termbase.models import TranslationUnit
from termbase.mining import associations_most
from termbase.services import MemoryCorpora, Source, Workspace, copy_termbase, extract_files
from termbase.services.corpora import corpus_weight
from termbase.store import create_store, open_store

UNITS = [
    TranslationUnit({"en": "The Ministry of Energy of Kazakhstan signed the agreement.",
                     "ru": "Министерство энергетики Казахстана подписало соглашение."}, source_lang="en"),
    TranslationUnit({"en": "A delegation of the Ministry of Energy of Kazakhstan arrived.",
                     "ru": "Прибыла делегация Министерства энергетики Казахстана."}, source_lang="en"),
    TranslationUnit({"en": "Experts of the Brookings Institution met.",
                     "ru": "Эксперты Брукингского института встретились."}, source_lang="en"),
]
TEXT = "The Ministry of Energy of Kazakhstan met the Brookings Institution. The Brookings Institution agreed."
BROOKINGS = TranslationUnit({"en": "The Brookings Institution published a report.",
                             "ru": "Брукингский институт опубликовал доклад."}, source_lang="en")
MINISTRY = ("Министерство энергетики Казахстана", [
    (1, "Министерство энергетики Казахстана подписало соглашение."),
    (2, "Прибыла делегация Министерства энергетики Казахстана.")])


def mined(ws):
    """Each candidate's Russian suggestions mined from memory "news": (text, [(unit id, target)])."""
    run = extract_files([Source.of(io.BytesIO(TEXT.encode()), name="t.txt")], ws=ws, memory="news")
    return {c["term"]: [(s["text"], [(e["unit_id"], e["target"]) for e in s["examples"]])
                        for s in c["suggestions"].get("ru", [])] for c in run.to_dict()["candidates"]}


def test_a_memory_is_indexed_once_until_another_connection_changes_its_units(store):
    store.memories.add_units("news", UNITS)
    corpora = MemoryCorpora()
    ws = Workspace(store, corpora=corpora)
    first = mined(ws)
    assert first == {
        "Brookings Institution": [("Брукингский институт", [(3, "Эксперты Брукингского института встретились.")])],
        "Ministry of Energy of Kazakhstan": [MINISTRY],
    }
    assert corpora.built == 1 and corpora.kept() == [(store.location, "news")]
    with open_store(store.location) as pooled:  # another connection of the same server process
        assert mined(Workspace(pooled, corpora=corpora)) == first
    assert mined(ws) == first and corpora.built == 1
    with open_store(store.location) as other:  # another process or server
        other.memories.add_units("news", [BROOKINGS])
        assert mined(ws)["Brookings Institution"] == [("Брукингский институт", [
            (3, "Эксперты Брукингского института встретились."), (4, "Брукингский институт опубликовал доклад.")])]
        assert corpora.built == 2
        other.memories.update_unit(4, {"en": "The Brookings Institution published a study.",
                                       "ru": "Брукингский институт опубликовал исследование."})
        assert mined(ws)["Brookings Institution"][0][1][1] == (4, "Брукингский институт опубликовал исследование.")
        other.memories.remove_unit(3)
        assert mined(ws)["Brookings Institution"] == [("Брукингский институт", [
            (4, "Брукингский институт опубликовал исследование.")])]
        assert corpora.built == 4
        other.memories.add_units("laws", [TranslationUnit({"en": "A law.", "ru": "Закон."})])  # another memory
        assert mined(ws)["Ministry of Energy of Kazakhstan"] == [MINISTRY] and corpora.built == 4
        assert corpora.kept() == [(store.location, "news")]  # one version of a memory kept


def test_nothing_is_kept_from_a_transaction_that_changed_memories(store):
    """Inside a transaction that imported units the extraction sees them (indexed afresh, not from the
    cache, not kept); after its rollback the units are gone from the extraction too."""
    store.memories.add_units("news", UNITS)
    corpora = MemoryCorpora()
    ws = Workspace(store, corpora=corpora)
    before = mined(ws)
    with pytest.raises(RuntimeError), store.atomic():
        store.memories.add_units("news", [BROOKINGS])
        assert len(mined(ws)["Brookings Institution"][0][1]) == 2
        raise RuntimeError("undo")
    assert corpora.built == 2
    assert mined(ws) == before and corpora.built == 2  # the index kept before the transaction
    corpora.clear()
    with pytest.raises(RuntimeError), store.atomic():
        store.memories.add_units("news", [BROOKINGS])
        assert len(mined(ws)["Brookings Institution"][0][1]) == 2
        raise RuntimeError("undo")
    assert corpora.kept() == []
    assert mined(ws) == before and corpora.built == 4


def test_the_cache_is_bounded_by_count_and_by_size(store):
    store.memories.add_units("news", UNITS)
    store.memories.add_units("more", UNITS[:2])
    ws = Workspace(store, corpora=MemoryCorpora(limit=1))
    mined(ws)
    extract_files(memory="more", ws=ws)
    assert ws.corpora.kept() == [(store.location, "more")]  # the least recently used went
    none = Workspace(store, corpora=MemoryCorpora(max_mb=0))  # no index is that light: nothing kept
    assert mined(none) == mined(none) and none.corpora.built == 2 and none.corpora.kept() == []


def test_a_kept_index_weighs_the_most_its_word_associations_can_grow_to(store):
    """The word associations requests keep with a kept corpus are counted against the cache's
    megabytes from the start: the corpus's index and the most they can grow to."""
    store.memories.add_units("news", UNITS)
    corpora = MemoryCorpora()
    mined(Workspace(store, corpora=corpora))
    corpus = corpora.corpus(store, "news")
    # 25 word keys, each tied to at most the words of two units or more: en the, ministri, of, energi,
    # kazakhstan; ru министерство, энергетика, казахстан
    assert corpus.key_count == 25 and associations_most(corpus) == 25 * (2 * 264 + 212 * (5 + 3)) == 55_600
    assert corpora.weight == corpus.nbytes + associations_most(corpus) == corpus_weight(corpus)
    grown = corpus.shared(("associations", "en", "ru"), dict).weight  # the English text mined for Russian
    assert 0 < grown <= associations_most(corpus)


def test_a_command_indexes_the_memory_for_its_one_extraction(store):
    store.memories.add_units("news", UNITS)
    ws = Workspace(store)
    assert ws.corpora is None
    assert mined(ws)["Ministry of Energy of Kazakhstan"] == [MINISTRY]


class _Memories:
    """A store's memories whose version reads come from a list (the last one repeats)."""

    def __init__(self, versions):
        self.versions = list(versions)

    def version(self, memory):
        return self.versions.pop(0) if len(self.versions) > 1 else self.versions[0]

    def iter_units(self, memory):
        return iter(UNITS)


class _Store:
    location = "fake"

    def __init__(self, versions):
        self.memories = _Memories(versions)


def test_a_request_that_read_an_older_version_first_keeps_the_newer_index():
    """A request reads the version (old), another one commits a change and indexes it (new): the first
    request, once it has the lock, reads the version again and takes the new index (it does not drop
    it for one of the old version)."""
    corpora = MemoryCorpora()
    newer = corpora.corpus(_Store([("e", 2)]), "news")
    assert corpora.built == 1
    assert corpora.corpus(_Store([("e", 1), ("e", 2)]), "news") is newer
    assert corpora.built == 1 and corpora.kept() == [("fake", "news")]


@pytest.mark.parametrize("live_backend", ["sqlite", "postgres"])
def test_a_backup_copied_back_and_edited_as_often_is_indexed_again(live_backend, tmp_path, pg_url):
    """``copy`` gives each memory a new epoch: a backup copied back over the termbase (``--force``) and
    then edited as often as the termbase was since the backup is at the same version number, yet a
    server's kept index of the edited units is not served for the restored ones. Both backends, both
    directions: the live termbase on one, its backup on the other."""
    live, backup = (str(tmp_path / "live.db"), pg_url) if live_backend == "sqlite" else (pg_url, str(tmp_path / "b.db"))
    corpora = MemoryCorpora()

    def edit_and_mine(ru):
        with open_store(live) as store:
            store.memories.update_unit(3, {"en": "Experts of the Brookings Institution met.", "ru": ru})
            return mined(Workspace(store, corpora=corpora))["Brookings Institution"][0][1], store.memories.version("news")

    with create_store(live) as store:
        store.memories.add_units("news", UNITS)
    copy_termbase(live, backup)
    first, version = edit_and_mine("Эксперты Брукингского института встретились снова.")
    assert first == [(3, "Эксперты Брукингского института встретились снова.")] and corpora.built == 1
    copy_termbase(backup, live, force=True)
    again, restored = edit_and_mine("Брукингский институт провёл встречу.")
    assert again == [(3, "Брукингский институт провёл встречу.")] and corpora.built == 2
    assert restored[1] == version[1] and restored[0] != version[0]  # the same version number, a new epoch
