"""The progress line of long commands: on standard error when it is a terminal, never otherwise or with
--quiet, and never on standard output."""

import pytest
from click.testing import CliRunner

import termbase.cli.progress as progress
from termbase.cli import main


def write_tmx(path, n):
    rows = "".join(f'<tu><tuv xml:lang="en"><seg>Law {i} passed.</seg></tuv><tuv xml:lang="ru"><seg>Закон {i} принят.'
                   f"</seg></tuv></tu>" for i in range(n))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" datatype="plaintext" '
                    'segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>'
                    f"<body>{rows}</body></tmx>", encoding="utf-8")
    return path


@pytest.fixture
def terminal(monkeypatch):
    """Standard error taken for a terminal, every count drawn."""
    monkeypatch.setattr(progress, "_is_terminal", lambda stream: True)
    monkeypatch.setattr(progress, "INTERVAL", 0)


def cli(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def test_import_and_export_draw_a_progress_line_on_a_terminal(tmp_path, terminal):
    db = tmp_path / "tb.db"
    assert cli(db, "init", "--empty").exit_code == 0
    tmx = write_tmx(tmp_path / "m.tmx", 1200)
    r = cli(db, "import", str(tmx))
    assert r.exit_code == 0
    assert r.stderr == "".join(f"\r\x1b[K{tmx}: units read: {n}" for n in ("0", "500", "1,000", "1,200")) + "\r\x1b[K"
    assert r.stdout.startswith("Imported 1200 unit(s)")
    r = cli(db, "export", "--format", "tmx", "-o", str(tmp_path / "out.tmx"))
    assert r.exit_code == 0
    assert r.stderr == ("\r\x1b[Kunits exported: 0/1,200 (0%)\r\x1b[Kunits exported: 500/1,200 (41%)"
                        "\r\x1b[Kunits exported: 1,000/1,200 (83%)\r\x1b[Kunits exported: 1,200/1,200 (100%)\r\x1b[K")
    assert r.stdout == f"Wrote 1200 unit(s) of memory 'default' to {tmp_path / 'out.tmx'}.\n"


def test_quiet_or_not_a_terminal_draws_nothing(tmp_path, monkeypatch):
    db = tmp_path / "tb.db"
    assert cli(db, "init", "--empty").exit_code == 0
    tmx = write_tmx(tmp_path / "m.tmx", 600)
    r = cli(db, "import", str(tmx))  # CliRunner's standard error is no terminal
    assert r.exit_code == 0 and r.stderr == ""
    monkeypatch.setattr(progress, "_is_terminal", lambda stream: True)
    r = cli(db, "--quiet", "export", "--format", "tmx", "-o", str(tmp_path / "out.tmx"))
    assert r.exit_code == 0 and r.stderr == ""
    r = cli(db, "-q", "glossary", "update")
    assert r.exit_code == 0 and r.stderr == ""


def test_glossary_update_and_pretranslate_and_align_report_on_a_terminal(tmp_path, terminal):
    db = tmp_path / "tb.db"
    assert cli(db, "init", "--empty").exit_code == 0
    r = cli(db, "glossary", "update")
    assert r.exit_code == 0
    assert "\r\x1b[Kshipped concepts compared: 0/" in r.stderr and "\r\x1b[Kconcepts written: " in r.stderr
    assert r.stderr.endswith("(100%)\r\x1b[K")
    (tmp_path / "a.en.txt").write_text("The Senate met.\nThe law passed.\n", encoding="utf-8")
    (tmp_path / "a.ru.txt").write_text("Сенат собрался.\nЗакон принят.\n", encoding="utf-8")
    r = cli(db, "align", str(tmp_path / "a.en.txt"), str(tmp_path / "a.ru.txt"), "--langs", "en,ru", "--segmented",
            "-o", str(tmp_path / "a.tmx"))
    assert r.exit_code == 0, r.output
    assert r.stderr.startswith("\r\x1b[Kfiles read: 0/2 (0%)\r\x1b[Kfiles read: 1/2 (50%)\r\x1b[Kfiles read: 2/2 (100%)"
                               "\r\x1b[Kfiles read: 2/2 (100%)\r\x1b[Kfiles aligned: 0/1 (0%)\r\x1b[Kfiles aligned: 1/1 (100%)")
    assert "\r\x1b[Kunits stored: 2/2 (100%)" in r.stderr
    po = tmp_path / "new.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "The Senate met."\nmsgstr ""\n', encoding="utf-8")
    r = cli(db, "pretranslate", str(po), "--tm", "default", "-o", str(tmp_path / "out.po"))
    assert r.exit_code == 0, r.output
    assert r.stderr.startswith(f"\r\x1b[K{po}: units looked up: 0\r\x1b[K{po}: units looked up: 1\r\x1b[K")
