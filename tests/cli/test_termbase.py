"""`termbase init` and `termbase stats`, and what every command shares: help, the termbase location, errors."""

import json

from click.testing import CliRunner

from termbase.cli import main


def test_every_command_has_help(run):
    for cmd in ("init", "stats", "lookup", "show", "add", "edit", "remove", "import", "export"):
        result = run(cmd, "--help")
        assert result.exit_code == 0, cmd
        assert "Usage:" in result.output


def test_missing_termbase_says_how_to_create(run):
    result = run("stats")
    assert result.exit_code == 2
    assert result.output == f"Error: no termbase at {run.db}; create one with 'termbase init' (or point --db / TERMBASE_DB at an existing one)\n"


def test_db_from_environment(tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("TERMBASE_DB", str(db))
    result = CliRunner().invoke(main, ["init", "--empty"])
    assert result.exit_code == 0
    assert db.exists()


def test_init_empty_and_refuses_to_overwrite(run):
    result = run("init", "--empty")
    assert result.output == f"Created {run.db}: 0 concepts, 0 terms (en 0, kk 0, ru 0).\n"
    again = run("init", "--empty")
    assert again.exit_code == 2
    assert again.output == f"Error: {run.db} already exists; use --force to replace it\n"


def test_init_loads_shipped_glossary(run):
    assert run("init").exit_code == 0
    data = json.loads(run("stats", "--json").output)
    assert data["concepts"] >= 300
    assert data["complete_concepts"] == data["concepts"]
    assert set(data["terms"]) == {"en", "kk", "ru"}


def test_corrupt_termbase_file(run):
    run.db.write_bytes(b"SQLite format 3\x00" + b"garbage" * 20)
    r = run("stats")
    assert r.exit_code == 2
    assert r.output == f"Error: {run.db}: not a termbase (SQLite) file: file is not a database\n"


def test_another_programs_database_is_refused(run):
    import sqlite3

    conn = sqlite3.connect(run.db)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = run.db.read_bytes()
    r = run("stats")
    assert r.exit_code == 2
    assert r.output == f"Error: {run.db}: not a termbase file: an SQLite database of another program (left unchanged)\n"
    assert run.db.read_bytes() == before


def test_glossary_update_adds_and_updates_shipped_concepts_and_keeps_user_work(run):
    from dataclasses import replace

    from termbase.glossary import load_shipped
    from termbase.models import Concept, Term, TranslationUnit
    from termbase.store import create_store

    shipped = {c.id: c for c in load_shipped()}
    older_senate = replace(shipped["senate"], terms=tuple(t for t in shipped["senate"].terms if t.lang != "kk"))
    with create_store(run.db) as store:  # a termbase made from an older glossary, with user work
        store.concepts.add_many([older_senate, shipped["mazhilis"], shipped["apk"]])
        store.concepts.add(Concept("mine", (Term("en", "My Term"),)))
        store.memories.add_units("news", [TranslationUnit({"en": "The Senate met.", "ru": "Сенат собрался."})])
    assert run("term", "add", "apk", "Assembly of Peoples {deprecated}", "--lang", "en", "--by", "aida").exit_code == 0
    diff = json.loads(run("glossary", "diff", "--json").stdout)
    assert (diff["changed"], diff["kept_edited"], diff["unchanged"], diff["applied"]) == (["senate"], ["apk"], 1, False)
    assert len(diff["added"]) == len(shipped) - 3
    assert json.loads(run("stats", "--json").stdout)["concepts"] == 4  # a diff writes nothing
    result = run("glossary", "update")
    assert result.stdout.splitlines()[1:] == ["Updated 1: senate", "Kept your edit of 1: apk",
                                              "1 shipped concept(s) already up to date; your own concepts and "
                                              "memories are not touched."]
    stats = json.loads(run("stats", "--json").stdout)
    assert stats["concepts"] == len(shipped) + 1 and stats["translation_memories"] == {"news": 1}
    senate = json.loads(run("show", "senate", "--json").stdout)
    assert [t["text"] for t in senate["terms"]["kk"]] == [t.text for t in shipped["senate"].terms_in("kk")]
    apk = json.loads(run("show", "apk", "--json").stdout)
    assert "Assembly of Peoples" in [t["text"] for t in apk["terms"]["en"]]
    assert run("show", "mine").exit_code == 0
    again = json.loads(run("glossary", "update", "--json").stdout)
    assert (again["added"], again["changed"]) == ([], [])


def test_a_write_that_cannot_get_the_lock_says_who_holds_it_and_how_to_wait_longer(run, tmp_path, monkeypatch):
    import sqlite3

    from click.testing import CliRunner

    from termbase.cli import main

    assert run("init", "--empty").exit_code == 0
    blocker = sqlite3.connect(run.db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        r = CliRunner().invoke(main, ["--db", str(run.db), "--lock-timeout", "0.1", "add", "--en", "Senate"])
        assert r.exit_code == 2
        assert r.output == (f"Error: {run.db}: the termbase is busy: another program holds its write lock; waited "
                            "0.1 s; wait longer with --lock-timeout SECONDS (before the command) or "
                            "TERMBASE_LOCK_TIMEOUT\n")
        monkeypatch.setenv("TERMBASE_LOCK_TIMEOUT", "0")
        r = run("add", "--en", "Senate")
        assert r.exit_code == 2 and "waited 0 s" in r.output
        assert run("stats").exit_code == 0  # reads do not wait
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    monkeypatch.delenv("TERMBASE_LOCK_TIMEOUT")
    assert run("add", "--en", "Senate").exit_code == 0


def test_init_force_does_not_replace_a_termbase_an_import_is_writing(run, tmp_path, monkeypatch):
    from termbase.models import TranslationUnit
    from termbase.store import open_store

    assert run("init", "--empty").exit_code == 0
    monkeypatch.setenv("TERMBASE_LOCK_TIMEOUT", "0.1")
    with open_store(run.db) as importer:
        with importer.atomic():
            importer.memories.add_units("default", [TranslationUnit({"en": "Senate", "ru": "Сенат"}, "en")])
            r = run("init", "--force")
            assert r.exit_code == 2
            assert "the termbase is busy: '" in r.output and "waited 0.1 s" in r.output
        r = run("init", "--force")  # the import is committed now: replacing would lose it
        assert r.exit_code == 2
        assert r.output == (f"Error: {run.db} holds 1 translation-memory unit(s); replacing it would lose them; "
                            "add --yes to go ahead\n")
    assert run("tm", "list").output.count("default") == 1
