"""Property-based fuzzing of every reader (formats/) and of the command line's file arguments: random
bytes, mutated good files and the corpus of nasty cases in tests/data/hostile/ only ever give a result
or the project's one-line error (a TermbaseError; exit status 2 with one ``Error:`` line), never
another exception, a traceback or a hang. ``-m slow`` runs many more examples."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termbase.cli import main
from termbase.errors import TermbaseError
from termbase.formats import all_formats, get_format
from termbase.fsutil import Source

DATA = Path(__file__).parent / "data"
CORPUS = sorted(p for p in (DATA / "hostile").iterdir() if p.name != "README.md")
SEEDS = sorted(p for folder in ("formats", "check", "hostile") for p in (DATA / folder).iterdir()
               if p.is_file() and p.suffix != ".md" and p.stat().st_size < 20_000)
READERS = [(fmt.name, what) for fmt in all_formats() for what in sorted(fmt.reads)]
FAST = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
MANY = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def read_all(fmt_name: str, what: str, data: bytes, name: str) -> None:
    """Read ``data`` as ``what`` with format ``fmt_name`` to the end; a TermbaseError is fine."""
    fmt = get_format(fmt_name)
    src = Source.of(io.BytesIO(data), name=name)
    try:
        if what == "concepts":
            langs = ["en", "kk"] if fmt_name == "omegat" else None
            for _ in fmt.read_concepts(src, langs=langs):
                pass
        elif what == "units":
            for _ in fmt.read_units(src):
                pass
        elif what == "pairs":
            for _ in fmt.read_pairs(src):
                pass
        else:
            fmt.read_text(src)
    except TermbaseError as exc:
        assert "\n" not in str(exc).strip() or fmt_name in ("csv",), str(exc)  # one line
    finally:
        src.close()


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """``data`` with each (position, bytes to drop, bytes to insert) applied."""
    out = bytearray(data)
    for pos, drop, insert in edits:
        at = pos % (len(out) + 1)
        out[at:at + drop] = insert
    return bytes(out)


_NASTY = st.sampled_from([b"\x00", b"\x1b[2J", b"\r", b"<!ENTITY x 'y'>", b"&x;", b"<", b">", b'"', b"\\",
                          b"\xff\xfe", b"\xef\xbb\xbf", b"\xd0", b"msgid ", b"\t", b"\n\n", b"]]>", b"<![CDATA[",
                          b"=SUM(1)", b"PK\x03\x04", "Сенат".encode(), b"kz", b"xml:lang='xx'"])
EDITS = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 8), _NASTY | st.binary(max_size=8)),
                 min_size=1, max_size=6)


@pytest.mark.parametrize("fmt_name, what", READERS)
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_gives_a_result_or_one_error(path, fmt_name, what):
    read_all(fmt_name, what, path.read_bytes(), path.name)


@pytest.mark.parametrize("fmt_name, what", READERS)
@FAST
@given(data=st.binary(max_size=2000))
def test_random_bytes(fmt_name, what, data):
    read_all(fmt_name, what, data, "random")


@pytest.mark.parametrize("fmt_name, what", READERS)
@FAST
@given(seed=st.sampled_from(SEEDS), edits=EDITS)
def test_mutated_files(fmt_name, what, seed, edits):
    read_all(fmt_name, what, mutate(seed.read_bytes(), edits), seed.name)


@pytest.mark.slow
@pytest.mark.parametrize("fmt_name, what", READERS)
@MANY
@given(seed=st.sampled_from(SEEDS), edits=EDITS)
def test_mutated_files_many(fmt_name, what, seed, edits):
    read_all(fmt_name, what, mutate(seed.read_bytes(), edits), seed.name)


# ------------------------------------------------------------------------------ the command line
_COMMANDS = [
    ("import", "{file}"),
    ("extract", "{file}"),
    ("check", "{file}"),
    pytest.param(("align", "{file}", "{file}", "-o", "{out}.tmx"), marks=pytest.mark.slow, id="align"),
    pytest.param(("pretranslate", "{file}", "-o", "{out}"), marks=pytest.mark.slow, id="pretranslate"),
]
_ALL_COMMANDS = [c if isinstance(c, tuple) else c.values[0] for c in _COMMANDS]


def _cli(tmp_path: Path, args: tuple[str, ...], name: str, data: bytes) -> None:
    db = tmp_path / "tb.db"
    if not db.exists():
        assert CliRunner().invoke(main, ["--db", str(db), "init", "--empty"]).exit_code == 0
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / ("out." + name.rsplit(".", 1)[-1])
    argv = ["--db", str(db)] + [a.format(file=path, out=out) for a in args]
    result = CliRunner().invoke(main, argv, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), (argv, result.exc_info)
    assert result.exit_code in (0, 1, 2), (argv, result.output)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert errors, result.stderr


@pytest.mark.parametrize("args", _COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_cli_on_the_corpus(tmp_path, path, args):
    _cli(tmp_path, args, path.name, path.read_bytes())


@pytest.mark.parametrize("args", _ALL_COMMANDS, ids=lambda a: a[0])
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(seed=st.sampled_from(SEEDS), edits=EDITS)
def test_cli_on_mutated_files(tmp_path_factory, args, seed, edits):
    _cli(tmp_path_factory.mktemp("cli"), args, seed.name, mutate(seed.read_bytes(), edits))


@pytest.mark.slow
@pytest.mark.parametrize("args", _ALL_COMMANDS, ids=lambda a: a[0])
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(seed=st.sampled_from(SEEDS), edits=EDITS, ext=st.sampled_from(["tmx", "po", "csv", "tbx", "xlf", "txt",
                                                                        "docx", "html", "tsv"]))
def test_cli_on_mutated_files_many(tmp_path_factory, args, seed, edits, ext):
    _cli(tmp_path_factory.mktemp("cli"), args, f"in.{ext}", mutate(seed.read_bytes(), edits))
