"""The termbase commands: exact exit codes and messages."""

import json

import pytest
from click.testing import CliRunner

from termbase.cli import main


@pytest.fixture
def empty(run):
    assert run("init", "--empty").exit_code == 0
    return run


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


def test_add_show_edit_remove(empty):
    r = empty("add", "--en", "State Revenue Committee", "--kk", "Мемлекеттік кірістер комитеті",
              "--ru", "Комитет государственных доходов | КГД {acronym}", "--source", "gov.kz")
    assert r.exit_code == 0 and r.output == "Added state-revenue-committee.\n"
    shown = empty("show", "state-revenue-committee").output
    assert shown == (
        "state-revenue-committee\n"
        "  en  State Revenue Committee (preferred)\n"
        "  kk  Мемлекеттік кірістер комитеті (preferred)\n"
        "  ru  Комитет государственных доходов (preferred) | КГД (admitted, acronym)\n"
        "  source: gov.kz\n"
    )
    assert empty("edit", "state-revenue-committee", "--kk", "Мемлекеттік кірістер комитеті | МКК {acronym}",
                 "--subject", "committee").exit_code == 0
    data = json.loads(empty("show", "state-revenue-committee", "--json").output)
    assert data["subject"] == "committee"
    assert [t["text"] for t in data["terms"]["kk"]] == ["Мемлекеттік кірістер комитеті", "МКК"]
    assert empty("remove", "state-revenue-committee").output == "Removed 1 concept(s).\n"
    gone = empty("show", "state-revenue-committee")
    assert gone.exit_code == 2
    assert gone.output == f"Error: no concept 'state-revenue-committee' in {empty.db}\n"


def test_add_rejects_bad_status_with_usage_error(empty):
    r = empty("add", "--en", "Senate {approved}")
    assert r.exit_code == 2
    assert "Invalid value for --en: unknown attribute {approved}" in r.output


def test_add_needs_a_term(empty):
    r = empty("add", "--subject", "x")
    assert r.exit_code == 2
    assert "give at least one of --en, --kk, --ru" in r.output


def test_remove_is_all_or_nothing(empty):
    empty("add", "--en", "Senate", "--id", "senate")
    r = empty("remove", "senate", "nope")
    assert r.exit_code == 2
    assert empty("show", "senate").exit_code == 0


def test_lookup_json_contract(empty):
    empty("add", "--id", "apk", "--en", "Assembly of People of Kazakhstan | APK {acronym}",
          "--kk", "Қазақстан халқы Ассамблеясы | ҚХА {acronym}", "--ru", "Ассамблея народа Казахстана | АНК {acronym}")
    data = json.loads(empty("lookup", "Ассамблеясының", "--json").output)
    assert data["query"] == "Ассамблеясының"
    (m,) = data["matches"]
    assert m["concept_id"] == "apk"
    assert m["matched"]["lang"] == "kk"
    assert m["terms"]["ru"][0] == {"text": "Ассамблея народа Казахстана", "status": "preferred", "type": "full"}


def test_lookup_text_output_and_no_match(empty):
    empty("add", "--id", "senate", "--en", "Senate", "--kk", "Сенат", "--ru", "Сенат")
    out = empty("lookup", "senate", "--lang", "en").output
    assert out.splitlines()[0] == 'senate  score 1.00 (exact: en "Senate")'
    assert empty("lookup", "xyzzy").output == "No concept matches 'xyzzy'.\n"


def test_lookup_rejects_country_code(empty):
    r = empty("lookup", "Сенат", "--lang", "kz")
    assert r.exit_code == 2
    assert r.output.startswith("Error: 'kz' is a country code")


def test_import_unknown_extension(empty, tmp_path):
    f = tmp_path / "terms.xyz"
    f.write_text("x")
    r = empty("import", str(f))
    assert r.exit_code == 2
    assert r.output.startswith(f"Error: {f}: unknown type of file; a termbase or a translation memory can be read from "
                               ".tbx, .csv, .tsv, .utf8, .tab, .txt, .tmx, .po, .pot, .xlf, .xliff")


@pytest.fixture
def two(empty):
    empty("add", "--id", "apk", "--en", "Assembly of People of Kazakhstan | APK {acronym}",
          "--kk", "Қазақстан халқы Ассамблеясы | ҚХА {acronym}",
          "--ru", "Ассамблея народа Казахстана | АНК {acronym} | Ассамблея народов Казахстана {deprecated}",
          "--source", "akorda.kz", "--note", "renamed in 2007")
    empty("add", "--id", "senate", "--en", "Senate", "--kk", "Сенат", "--ru", "Сенат", "--subject", "parliament")
    return empty


def _content(shown: dict) -> dict:
    """A concept's JSON without what the store stamps (ids, versions, times): what a file carries."""
    stamps = ("id", "version", "created", "modified")
    out = {k: v for k, v in shown.items() if k not in stamps}
    out["terms"] = {lang: [{k: v for k, v in t.items() if k not in stamps} for t in terms]
                    for lang, terms in shown["terms"].items()}
    return out


@pytest.mark.parametrize("fmt, name", [("tbx", "out.tbx"), ("csv", "out.csv")])
def test_export_import_round_trip(two, tmp_path, fmt, name):
    out = tmp_path / name
    assert two("export", "--format", fmt, "-o", str(out)).output == f"Wrote 2 concept(s) to {out}.\n"
    before = [_content(json.loads(two("show", cid, "--json").output)) for cid in ("apk", "senate")]
    other = tmp_path / "other.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(other), "init", "--empty"]).exit_code == 0
    result = runner.invoke(main, ["--db", str(other), "import", str(out)])
    assert result.output == f"Imported 2 concept(s) from {out}.\n"
    after = [_content(json.loads(runner.invoke(main, ["--db", str(other), "show", cid, "--json"]).output))
             for cid in ("apk", "senate")]
    assert after == before


def test_omegat_export_needs_a_pair(two, tmp_path):
    r = two("export", "--format", "omegat", "-o", str(tmp_path / "g.utf8"))
    assert r.exit_code == 2
    assert r.output == ("Error: an OmegaT glossary is for one language pair: name the source and target languages; "
                        "give the languages with --langs\n")
    assert two("export", "--format", "omegat", "--langs", "en,kk", "-o", str(tmp_path / "g.utf8")).exit_code == 0
    lines = (tmp_path / "g.utf8").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("Assembly of People of Kazakhstan\tҚазақстан халқы Ассамблеясы") for line in lines)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bad.tbx", b'<martif type="TBX"><text><body><termEntry>\n</body>', "bad.tbx:2: malformed XML"),
        ("empty.csv", b"", "empty.csv: file is empty"),
        ("latin.csv", b"id,subject,en\nx,,Caf\xe9\n", "latin.csv:2: not valid UTF-8 (byte 0xe9)"),
        ("cols.csv", b"id,colour,en\nx,red,Senate\n", "cols.csv:1:"),
        ("bomb.tbx", b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><martif>&b;</martif>',
         "bomb.tbx: XML declares entities"),
    ],
)
def test_bad_import_is_one_line_and_changes_nothing(two, tmp_path, name, content, message):
    f = tmp_path / name
    f.write_bytes(content)
    before = two("stats", "--json").output
    r = two("import", str(f))
    assert r.exit_code == 2
    assert r.output.startswith(f"Error: {tmp_path / message}") or r.output.startswith(f"Error: {tmp_path}/{message}")
    assert r.output.count("\n") == 1
    assert "Traceback" not in r.output
    assert two("stats", "--json").output == before


def test_import_conflict_is_all_or_nothing(two, tmp_path):
    out = tmp_path / "out.csv"
    two("export", "--format", "csv", "-o", str(out))
    two("remove", "senate")
    r = two("import", str(out))
    assert r.exit_code == 2
    assert r.output == f"Error: {out}: concept 'apk' already exists; nothing imported; see --on-conflict\n"
    assert json.loads(two("stats", "--json").output)["concepts"] == 1
    assert two("import", str(out), "--on-conflict", "skip").output == f"Imported 1 concept(s) from {out} (1 skipped).\n"
    assert json.loads(two("stats", "--json").output)["concepts"] == 2


def test_failed_export_leaves_existing_file(two, tmp_path, monkeypatch):
    out = tmp_path / "out.tbx"
    out.write_text("old content")
    from termbase.store.sqlite import SQLiteConcepts

    def broken(self, batch=500):
        yield from ()
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SQLiteConcepts, "iterate", broken)
    with pytest.raises(RuntimeError):
        two("export", "--format", "tbx", "-o", str(out))
    assert out.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_corrupt_termbase_file(run):
    run.db.write_bytes(b"SQLite format 3\x00" + b"garbage" * 20)
    r = run("stats")
    assert r.exit_code == 2
    assert r.output == f"Error: {run.db}: not a termbase (SQLite) file: file is not a database\n"


def test_edit_and_reimport_change_rows_in_place_with_history(two, tmp_path):
    from termbase.store import open_store

    with open_store(two.db) as store:
        before = store.concepts.get("senate")
    assert two("edit", "senate", "--ru", "Сенат | Верхняя палата {admitted}").exit_code == 0
    out = tmp_path / "out.csv"
    two("export", "--format", "csv", "-o", str(out))
    assert two("import", str(out), "--on-conflict", "replace").output == (
        f"Imported 0 concept(s) from {out} (2 unchanged).\n")
    with open_store(two.db) as store:
        after = store.concepts.get("senate")
        history = store.concepts.history("senate")
    assert [t.id for t in after.terms][:3] == [t.id for t in before.terms]
    assert [t.text for t in after.terms] == ["Senate", "Сенат", "Сенат", "Верхняя палата"]
    assert after.version == 2
    assert [c.action for c in history] == ["create", "update"]


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
