"""Hostile input through the command line: one line on stderr naming the file, never a traceback."""

import os
import sqlite3

import pytest

TMX = ('<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>The Senate met.</seg></tuv>'
       '<tuv xml:lang="{lang}"><seg>Сенат собрался.</seg></tuv></tu></body></tmx>')


def _one_error_line(result, *needles):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(lines) >= 1, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr
    return lines


def test_check_goes_on_after_a_symlink_loop_and_an_unreadable_file(two, tmp_path, monkeypatch):
    (tmp_path / "loop1.tmx").symlink_to(tmp_path / "loop2.tmx")
    (tmp_path / "loop2.tmx").symlink_to(tmp_path / "loop1.tmx")
    good = tmp_path / "good.tmx"
    good.write_text(TMX.format(lang="ru"), encoding="utf-8")
    result = two("check", str(tmp_path / "loop1.tmx"), str(good))
    _one_error_line(result, "loop1.tmx: cannot read: Too many levels of symbolic links")
    assert "1 unit checked in 1 file" in result.output or "1 units checked in 1 file" in result.output


def test_check_goes_on_after_a_file_it_may_not_read(two, tmp_path, monkeypatch):
    locked = tmp_path / "locked.tmx"
    locked.write_text(TMX.format(lang="ru"), encoding="utf-8")
    good = tmp_path / "good.tmx"
    good.write_text(TMX.format(lang="ru"), encoding="utf-8")
    real_open = open

    def guarded(path, *args, **kwargs):  # root may read anything: fake the permission
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("termbase.fsutil.open", guarded, raising=False)
    result = two("check", str(locked), str(good))
    _one_error_line(result, "locked.tmx: cannot read: Permission denied")
    assert "checked in 1 file" in result.output


@pytest.mark.parametrize("lang, message", [
    ("kz", "'kz' is a country code (Kazakhstan), not a language: use 'kk' for Kazakh"),
    ("xx", "no unit has a target in a language termbase checks (en, kk, ru); the file's target languages: xx"),
])
def test_check_of_a_tmx_in_no_language_it_checks_fails(two, tmp_path, lang, message):
    path = tmp_path / "t.tmx"
    path.write_text(TMX.format(lang=lang), encoding="utf-8")
    result = two("check", str(path))
    _one_error_line(result, message)


def test_import_of_a_fifo_and_of_a_device_fails_at_once(empty, tmp_path):
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    _one_error_line(empty("import", str(fifo)), "in.csv: not a regular file (a pipe or a device)")
    _one_error_line(empty("import", "/dev/zero", "--format", "csv"), "/dev/zero: not a regular file")


def test_export_to_a_read_only_folder_is_one_error(two, tmp_path, monkeypatch):
    import tempfile

    def denied(*args, **kwargs):  # root writes anywhere: fake a read-only folder
        raise PermissionError(13, "Permission denied")

    _one_error_line(two("export", "--format", "csv", "-o", str(tmp_path)), "is a folder; give a file name")
    _one_error_line(two("export", "--format", "tbx", "-o", str(tmp_path / "no" / "t.tbx")), "does not exist")
    monkeypatch.setattr(tempfile, "mkstemp", denied)
    _one_error_line(two("export", "--format", "tbx", "-o", str(tmp_path / "t.tbx")),
                    "t.tbx: cannot write: Permission denied")


def test_align_output_that_cannot_be_written_is_one_error(empty, tmp_path):
    en, ru = tmp_path / "en.txt", tmp_path / "ru.txt"
    en.write_text("The Senate met.", encoding="utf-8")
    ru.write_text("Сенат собрался.", encoding="utf-8")
    _one_error_line(empty("align", str(en), str(ru), "-o", str(tmp_path / "no" / "x.tmx")), "does not exist")


def test_add_refuses_control_characters_and_overlong_terms(empty):
    _one_error_line(empty("add", "--en", "Senate\x1b[31m"), "holds the control character U+001B")
    _one_error_line(empty("add", "--en", "x" * 1001), "is 1001 characters long (limit 1000 characters")


def test_lookup_and_show_never_print_raw_escapes(two):
    # a termbase written before the checks may hold control characters: they are shown escaped
    with sqlite3.connect(two.db) as db:
        db.execute("UPDATE terms SET text = ? WHERE text = 'Senate'", ("Sen\x1b[2Jate",))
        db.execute("UPDATE concepts SET note = ? WHERE id = 'senate'", ("bell\x07",))
    shown = two("show", "senate")
    assert "\x1b" not in shown.output and "\x07" not in shown.output
    assert "Sen\\x1b[2Jate" in shown.output and "note: bell\\x07" in shown.output
    found = two("lookup", "Сенат")
    assert "\x1b" not in found.output and "Sen\\x1b[2Jate" in found.output


def test_import_of_a_tbx_with_one_huge_term_is_refused_and_nothing_stored(empty, tmp_path):
    path = tmp_path / "huge.tbx"
    path.write_text('<martif type="TBX-Basic"><text><body><termEntry id="x"><langSet xml:lang="en"><tig><term>'
                    + "word " * 200_000 + "</term></tig></langSet></termEntry>"
                    '<termEntry id="s"><langSet xml:lang="en"><tig><term>Senate</term></tig></langSet></termEntry>'
                    "</body></text></martif>", encoding="utf-8")
    _one_error_line(empty("import", str(path)), "huge.tbx: concept 'x': en term 'word word")
    assert "0 concepts" in empty("stats").output or '"concepts": 0' in empty("stats", "--json").output


def test_extract_of_one_huge_line_is_refused(empty, tmp_path):
    path = tmp_path / "line.txt"
    path.write_bytes(b"word " * 400_000)  # 2 MB, no sentence break, no line break
    _one_error_line(empty("extract", str(path)), "line.txt:1: a line longer than 81024 bytes")


def test_limits_command_shows_each_limit_and_its_variable(run, monkeypatch):
    monkeypatch.setenv("TERMBASE_MAX_SEGMENT_CHARS", "300")
    out = run("limits").output.splitlines()
    assert out[1].split()[:2] == ["TERMBASE_MAX_SEGMENT_CHARS", "300"]
    assert [line.split()[0] for line in out] == [
        "TERMBASE_MAX_TERM_CHARS", "TERMBASE_MAX_SEGMENT_CHARS", "TERMBASE_MAX_DOCUMENT_MB", "TERMBASE_MAX_INPUT_MB",
        "TERMBASE_MAX_DOCX_MB"]
    monkeypatch.setenv("TERMBASE_MAX_TERM_CHARS", "-1")
    _one_error_line(run("limits"), "TERMBASE_MAX_TERM_CHARS='-1': give a positive whole number")


def test_po_folder_export_that_cannot_be_written_is_one_error(empty, tmp_path, monkeypatch):
    import tempfile

    tmx = tmp_path / "in.tmx"
    tmx.write_text(TMX.format(lang="kk"), encoding="utf-8")
    assert empty("import", str(tmx)).exit_code == 0
    (tmp_path / "file").write_text("x", encoding="utf-8")
    _one_error_line(empty("export", "--format", "po", "-o", str(tmp_path / "file")), "not a folder")
    _one_error_line(empty("export", "--format", "po", "-o", str(tmp_path / "file" / "po")),
                    "cannot create the folder")

    def denied(*args, **kwargs):  # root writes anywhere: fake a read-only parent folder
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    _one_error_line(empty("export", "--format", "po", "-o", str(tmp_path / "new")),
                    "new: cannot create the folder: permission denied")
    (tmp_path / "old").mkdir()
    monkeypatch.setattr(tempfile, "mkstemp", denied)
    _one_error_line(empty("export", "--format", "po", "-o", str(tmp_path / "old")), "Permission denied")
    assert list((tmp_path / "old").iterdir()) == []
