import sqlite3

import pytest

from termbase.errors import NotFound, ParseError, TermbaseError, ValidationError
from termbase.models import Concept, Term, TranslationUnit
from termbase.store import SCHEMA_VERSION, Termbase, slugify, unit_digest


@pytest.fixture
def tb(tmp_path):
    with Termbase.create(tmp_path / "t.db", load_glossary=False) as tb:
        yield tb


def test_create_sets_wal_and_schema_version(tmp_path):
    path = tmp_path / "t.db"
    Termbase.create(path, load_glossary=False).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_create_refuses_existing_file(tmp_path):
    Termbase.create(tmp_path / "t.db", load_glossary=False).close()
    with pytest.raises(TermbaseError, match="already exists"):
        Termbase.create(tmp_path / "t.db", load_glossary=False)


def test_open_missing_file_says_how_to_create(tmp_path):
    with pytest.raises(NotFound, match="termbase init"):
        Termbase.open(tmp_path / "nope.db")


def test_open_non_sqlite_file(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("hello, not a database")
    with pytest.raises(ParseError, match="not a termbase file"):
        Termbase.open(bad)


def test_open_directory(tmp_path):
    with pytest.raises(ParseError, match="is a directory"):
        Termbase.open(tmp_path)


def test_open_newer_schema_is_refused(tmp_path):
    path = tmp_path / "t.db"
    Termbase.create(path, load_glossary=False).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(TermbaseError, match="newer"):
        Termbase.open(path)


def test_open_blank_sqlite_file_migrates_it(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # an empty database: version 0
    with Termbase.open(path) as tb:
        assert tb.schema_version == SCHEMA_VERSION
        assert tb.stats() == {"concepts": 0, "complete_concepts": 0, "terms": {"en": 0, "kk": 0, "ru": 0}}


def test_add_get_round_trip(tb, apk):
    assert tb.add_concept(apk) == "apk"
    assert tb.get_concept("apk") == apk


def test_generated_ids_are_slugs_and_unique(tb):
    c = Concept(None, (Term("en", "Prosecutor General's Office"),))
    assert tb.add_concept(c) == "prosecutor-general-s-office"
    assert tb.add_concept(c) == "prosecutor-general-s-office-2"
    kk_only = Concept(None, (Term("kk", "Бас прокуратура"),))
    assert tb.add_concept(kk_only) == "c-concept"


def test_slugify():
    assert slugify("Ministry of Foreign Affairs") == "ministry-of-foreign-affairs"
    assert slugify("Сенат") == ""


def test_duplicate_id_errors_skip_or_replace(tb, apk, knb):
    tb.add_concept(apk)
    with pytest.raises(ValidationError, match="already exists"):
        tb.add_concept(apk)
    changed = Concept("apk", (Term("en", "APK"),))
    assert tb.add_concepts([changed, knb], on_conflict="skip") == 1
    assert tb.get_concept("apk") == apk
    assert tb.add_concepts([changed], on_conflict="replace") == 1
    assert tb.get_concept("apk").terms == (Term("en", "APK"),)


def test_add_concepts_is_all_or_nothing(tb, apk, knb):
    def concepts():
        yield apk
        yield knb
        raise ParseError("x.tbx", "broken", line=9)

    with pytest.raises(ParseError):
        tb.add_concepts(concepts())
    assert len(tb) == 0


def test_invalid_concepts_are_refused(tb):
    with pytest.raises(ValidationError, match="no terms"):
        tb.add_concept(Concept("x", ()))
    with pytest.raises(ValidationError, match="unknown status 'approved'"):
        tb.add_concept(Concept("x", (Term("en", "Senate", "approved"),)))
    with pytest.raises(ValidationError, match="unknown type"):
        tb.add_concept(Concept("x", (Term("en", "Senate", "preferred", "long"),)))
    with pytest.raises(ValidationError, match="empty en term"):
        tb.add_concept(Concept("x", (Term("en", "  "),)))
    with pytest.raises(ValidationError, match="bad concept id"):
        tb.add_concept(Concept("has space", (Term("en", "Senate"),)))


def test_update_and_remove(tb, apk):
    tb.add_concept(apk)
    tb.update_concept(Concept("apk", apk.terms[:1], note="renamed in 2007"))
    assert tb.get_concept("apk").note == "renamed in 2007"
    assert tb.get_concept("apk").terms == apk.terms[:1]
    tb.remove_concept("apk")
    with pytest.raises(NotFound):
        tb.get_concept("apk")
    with pytest.raises(NotFound):
        tb.remove_concept("apk")
    with pytest.raises(NotFound):
        tb.update_concept(apk)


def test_iter_concepts_in_id_order_across_batches(tb):
    ids = [f"c{i:03d}" for i in range(7)]
    tb.add_concepts(Concept(i, (Term("en", f"term {i}"),)) for i in reversed(ids))
    assert [c.id for c in tb.iter_concepts(batch=3)] == ids


def test_stats_counts_complete_concepts(tb, apk):
    tb.add_concept(apk)
    tb.add_concept(Concept("s", (Term("en", "Senate"), Term("ru", "Сенат"))))
    assert tb.stats() == {"concepts": 2, "complete_concepts": 1, "terms": {"en": 4, "kk": 2, "ru": 4}}


def test_atomic_rolls_back(tb, apk, knb):
    with pytest.raises(RuntimeError):
        with tb.atomic():
            tb.add_concept(apk)
            tb.add_concept(knb)
            raise RuntimeError("boom")
    assert len(tb) == 0


def test_changes_survive_reopen(tmp_path, apk):
    path = tmp_path / "t.db"
    with Termbase.create(path, load_glossary=False) as tb:
        tb.add_concept(apk)
    with Termbase.open(path) as tb:
        assert tb.get_concept("apk") == apk


def unit(en, ru, pos, doc="speech.txt", score=0.9):
    return TranslationUnit({"en": en, "ru": ru}, document=doc, position=pos, score=score)


def test_units_round_trip_in_order_and_dedup(tb):
    units = [unit("Two.", "Два.", 2), unit("One.", "Один.", 1)]
    assert tb.add_units("speech", units) == (2, 0)
    assert tb.add_units("speech", units) == (0, 2)
    got = list(tb.iter_units("speech"))
    assert [u.texts for u in got] == [{"en": "One.", "ru": "Один."}, {"en": "Two.", "ru": "Два."}]
    assert got[0].document == "speech.txt" and got[0].position == 1 and got[0].score == 0.9
    assert tb.tm_names() == ["speech"]
    assert tb.count_units("speech") == 2


def test_same_unit_in_two_memories(tb):
    tb.add_units("a", [unit("One.", "Один.", 1)])
    assert tb.add_units("b", [unit("One.", "Один.", 1)]) == (1, 0)


def test_missing_memory_names_the_existing_ones(tb):
    tb.add_units("speech", [unit("One.", "Один.", 1)])
    with pytest.raises(NotFound, match="memories here: speech"):
        list(tb.iter_units("other"))


def test_unit_digest_ignores_language_order():
    assert unit_digest({"en": "a", "ru": "б"}) == unit_digest({"ru": "б", "en": "a"})
    assert unit_digest({"en": "a", "ru": "б"}) != unit_digest({"en": "a", "kk": "б"})
