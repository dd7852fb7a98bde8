"""`termbase import` and `termbase export`: round trips, one-line errors, all or nothing."""

import json

import pytest
from click.testing import CliRunner

from termbase.cli import main


def test_import_unknown_extension(empty, tmp_path):
    f = tmp_path / "terms.xyz"
    f.write_text("x")
    r = empty("import", str(f))
    assert r.exit_code == 2
    assert r.output.startswith(f"Error: {f}: unknown type of file; a termbase or a translation memory can be read from "
                               ".tbx, .csv, .tsv, .utf8, .tab, .txt, .tmx, .po, .pot, .xlf, .xliff")


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
