"""The top-level group (cli/app.py): commands load on demand, and a lookup loads only what it uses."""

from __future__ import annotations

import importlib
import subprocess
import sys

from click.testing import CliRunner

from termbase.cli import main
from termbase.cli.app import COMMAND_MODULES

#: What ``termbase lookup`` must never load: the file formats (lxml), the term matcher (the
#: Aho-Corasick automaton), alignment, extraction, checking, mining, the HTTP server, the PostgreSQL
#: driver and the services of other commands.
HEAVY = (
    "lxml", "ahocorasick", "psycopg", "psycopg_binary", "langdetect", "http.server",
    "termbase.formats", "termbase.glossary", "termbase.alignment", "termbase.extraction", "termbase.checking",
    "termbase.mining", "termbase.http", "termbase.store.postgres", "termbase.search.matcher", "termbase.search.tm",
    "termbase.services.align", "termbase.services.check", "termbase.services.copy", "termbase.services.extract",
    "termbase.services.latin", "termbase.services.termbase", "termbase.services.tm", "termbase.services.tokens",
    "termbase.services.transfer", "termbase.services.translit",
)

_LOOKUP = """
import sys
from termbase.cli import main
try:
    main(["--db", sys.argv[2], "lookup", *sys.argv[3:]], prog_name="termbase")
except SystemExit as exc:
    assert not exc.code, exc.code
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("\\n".join(sorted(sys.modules)))
"""


def _modules_of_lookup(tmp_path, db, *query: str) -> tuple[str, set[str]]:
    """(what ``termbase --db DB lookup QUERY`` printed, the modules it had loaded), in a new process."""
    listing = tmp_path / "modules.txt"
    done = subprocess.run([sys.executable, "-c", _LOOKUP, str(listing), str(db), *query],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    return done.stdout, set(listing.read_text(encoding="utf-8").split("\n"))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_lookup_loads_none_of_the_heavy_modules(run, tmp_path):
    assert run("init").exit_code == 0
    out, modules = _modules_of_lookup(tmp_path, run.db, "Senate")
    assert out.startswith("senate  [parliament]")
    assert "termbase.search.lookup" in modules and "termbase.store.sqlite" in modules  # (the test sees a lookup)
    assert _heavy(modules) == []
    assert "pymorphy3" not in modules  # a Latin query needs no Russian dictionary
    assert "rapidfuzz" not in modules  # an exact match looks for no near misses
    # nor what only writing or other languages' work needs (language identification, file copies,
    # digests, the package metadata)
    light = ("termbase.languages.identify", "termbase.languages.jurisdiction", "shutil", "tempfile", "hashlib",
             "shlex", "zipfile", "importlib.metadata")
    assert sorted(m for m in light if m in modules) == []


def test_a_misspelt_or_cyrillic_lookup_loads_only_what_it_needs(run, tmp_path):
    assert run("init").exit_code == 0
    out, modules = _modules_of_lookup(tmp_path, run.db, "Mazhils")
    assert out.startswith("mazhilis")
    assert _heavy(modules) == [] and "rapidfuzz" in modules and "pymorphy3" not in modules
    out, modules = _modules_of_lookup(tmp_path, run.db, "Сенаттың")
    assert out.startswith("senate")
    assert _heavy(modules) == [] and "pymorphy3" in modules  # Cyrillic: a Russian word too


def test_the_command_table_names_every_command_where_it_is_defined():
    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(f"termbase.cli.{module}")
    assert sorted(main.commands) == sorted(COMMAND_MODULES)
    for name, command in main.commands.items():
        assert command.callback.__module__ == f"termbase.cli.{COMMAND_MODULES[name]}", name


def test_help_lists_every_command_and_an_unknown_one_is_a_usage_error():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    listed = result.output.split("Commands:\n", 1)[1].split("\n")
    assert [line.split()[0] for line in listed if line.strip()] == sorted(COMMAND_MODULES)
    result = CliRunner().invoke(main, ["lookupp", "Senate"])
    assert result.exit_code == 2 and "No such command 'lookupp'" in result.output


def test_the_written_out_version_and_lock_timeout_agree_with_their_sources():
    import tomllib
    from pathlib import Path

    import termbase
    from termbase.cli import app
    from termbase.store import DEFAULT_LOCK_TIMEOUT

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert termbase.__version__ == project["project"]["version"]
    assert app.DEFAULT_LOCK_TIMEOUT == DEFAULT_LOCK_TIMEOUT
    result = CliRunner().invoke(main, ["--version"], prog_name="termbase")
    assert result.exit_code == 0 and result.output == f"termbase, version {termbase.__version__}\n"


_VERSION = """
import sys
from termbase.cli import main
try:
    main(["--version"], prog_name="termbase")
except SystemExit as exc:
    assert not exc.code, exc.code
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("\\n".join(sorted(sys.modules)))
"""


def test_version_loads_neither_the_termbase_nor_the_package_metadata(tmp_path):
    listing = tmp_path / "modules.txt"
    done = subprocess.run([sys.executable, "-c", _VERSION, str(listing)], capture_output=True, text=True,
                          encoding="utf-8", check=True)
    assert done.stdout.startswith("termbase, version ")
    modules = set(listing.read_text(encoding="utf-8").split("\n"))
    assert "termbase.cli.app" in modules  # (the test sees the command line)
    loaded = sorted(m for m in modules if m.split(".")[0] == "termbase" or m.startswith("importlib.metadata"))
    assert loaded == ["termbase", "termbase.cli", "termbase.cli.app", "termbase.cli.progress", "termbase.errors",
                      "termbase.services"]
