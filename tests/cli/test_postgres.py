"""Every command works on a PostgreSQL termbase as on an SQLite one: the same session of commands,
run on both, prints the same (but for the location and the clock)."""

import json
import re

import pytest
from click.testing import CliRunner

from termbase.cli import main
from termbase.formats import get_format

from ..search.test_tm import UNITS

DATA = "tests/data"
_CLOCK = re.compile(r"\d{4}-?\d\d-?\d\d[T ]\d\d:?\d\d(:?\d\d(\.\d+)?)?Z?| in \d+\.\ds")


def session(db: str, tmp_path) -> list[tuple[str, int, str]]:
    tmx = tmp_path / "news.tmx"
    if not tmx.exists():
        get_format("tmx").write_units(UNITS, str(tmx), source_lang="en", target_langs=["kk", "ru"])
    commands = [
        ["init", "--empty"],
        ["init", "--empty"],  # refused: one is there
        ["import", f"{DATA}/formats/v2-basic.tbx"],
        ["add", "--en", "Assembly of People of Kazakhstan | APK {acronym}", "--kk", "Қазақстан халқы Ассамблеясы",
         "--ru", "Ассамблея народа Казахстана | АНК {acronym}", "--source", "akorda.kz", "--json"],
        ["add", "--en", "National Security Committee", "--ru", "Комитет национальной безопасности", "--id", "knb"],
        ["edit", "knb", "--note", "gov.kz"],
        ["term", "add", "knb", "КНБ {acronym}", "--lang", "ru"],
        ["term", "set-status", "knb", "КНБ", "deprecated", "--lang", "ru"],
        ["lookup", "Ассамблеи народа Казахстана", "--json"],
        ["lookup", "APK"],
        ["list", "--json"],
        ["show", "knb", "--json"],
        ["history", "knb", "--json"],
        ["import", str(tmx), "--tm", "news"],
        ["import", str(tmx), "--tm", "news"],  # nothing new
        ["tm", "list"],
        ["tm", "stats", "news", "--json"],
        ["tm", "search", "--tm", "news", "--lang", "en", "The Senate adopted the law on health.", "--json"],
        ["tm", "search", "--tm", "news", "--lang", "kk", "--concordance", "үкімет", "--json"],
        ["check", f"{DATA}/check/apk.ru.po", "--json"],
        ["export", "--format", "tbx", "-o", "-"],
        ["export", "--format", "tmx", "--tm", "news", "-o", "-"],
        ["remove", "knb"],
        ["undo", "knb"],
        ["show", "knb"],
        ["tm", "delete", "news", "--yes"],
        ["stats", "--json"],
    ]
    out = []
    for args in commands:
        result = CliRunner().invoke(main, ["--db", db, *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.output)
        text = _CLOCK.sub("<time>", result.output.replace(db, "<db>"))
        out.append((" ".join(args), result.exit_code, text))
    return out


def test_every_command_prints_the_same_on_both_backends(tmp_path, pg_url):
    on_sqlite = session(str(tmp_path / "tb.db"), tmp_path)
    on_postgres = session(pg_url, tmp_path)
    assert [(c, code) for c, code, _ in on_postgres] == [(c, code) for c, code, _ in on_sqlite]
    for (command, _, expected), (_, _, got) in zip(on_sqlite, on_postgres):
        assert got == expected, command
    assert [code for _, code, _ in on_sqlite] == [0, 2] + [0] * 17 + [1] + [0] * 7  # check finds, nothing fails


def test_termbase_db_names_a_server_too(pg_url, monkeypatch):
    monkeypatch.setenv("TERMBASE_DB", pg_url)
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code == 2
    assert result.output == f"Error: no termbase at {pg_url}; create one with 'termbase init' (or point --db / TERMBASE_DB at an existing one)\n"
    assert CliRunner().invoke(main, ["init", "--empty"]).output.startswith(f"Created {pg_url}: 0 concepts")
    assert CliRunner().invoke(main, ["stats"]).output.startswith(f"termbase: {pg_url}\nconcepts: 0")


@pytest.mark.parametrize("url", ["postgresql://termbase@/no_such_db?host=/nonexistent",
                                 "postgresql://ann:s3cret@/db?host=/nonexistent"])
def test_an_unreachable_server_is_one_line_without_the_password(url):
    result = CliRunner().invoke(main, ["--db", url, "stats"])
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.startswith("Error: postgresql://") and "cannot connect" in line and "s3cret" not in line


def test_copy_a_file_to_postgresql_and_back(tmp_path, pg_url):
    db = str(tmp_path / "tb.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "init", "--empty"]).exit_code == 0
    assert runner.invoke(main, ["--db", db, "add", "--en", "Senate", "--kk", "Сенат", "--ru", "Сенат"]).exit_code == 0
    result = runner.invoke(main, ["copy", "--from", db, "--to", pg_url])
    assert (result.exit_code, result.output) == (
        0, f"Copied {db} to {pg_url}: 1 concepts, 3 terms, 1 history entries, 0 memory units.\n")
    again = runner.invoke(main, ["copy", "--from", db, "--to", pg_url])
    assert (again.exit_code, again.output) == (2, f"Error: {pg_url} already exists; use --force to replace it\n")
    back = str(tmp_path / "back.db")
    result = runner.invoke(main, ["copy", "--from", pg_url, "--to", back, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == {
        "from": pg_url, "to": back, "indexed": 0,
        "rows": {"concepts": 1, "terms": 3, "concept_evidence": 0, "concept_history": 1, "tm_units": 0,
                 "tm_texts": 0, "tm_unit_changes": 0, "api_tokens": 0, "tm_versions": 0}}
    shown = [runner.invoke(main, ["--db", where, "show", "senate", "--json"]).output for where in (db, pg_url, back)]
    assert shown[0] == shown[1] == shown[2]
