import io
import os
import stat

import pytest

from termbase.errors import ParseError
from termbase.fsutil import Source, atomic_folder, atomic_write


def read_text(path):
    return Source.of(path).read_text()


def test_atomic_write_replaces_and_uses_umask_mode(tmp_path):
    target = tmp_path / "out.txt"
    old = os.umask(0o022)
    try:
        with atomic_write(target, "w", encoding="utf-8") as fh:
            fh.write("Сенат")
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8") == "Сенат"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o600)
    with atomic_write(target, "w", encoding="utf-8") as fh:
        fh.write("new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_atomic_write_failure_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(target, "w", encoding="utf-8") as fh:
            fh.write("half")
            raise RuntimeError
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty.txt: file is empty"),
        (b"\x00\x01\x02abc", "empty.txt: looks like a binary file, not text"),
        (b"ok\n\xff\xfe\xfa", "empty.txt:2: not valid UTF-8 (byte 0xff); convert the file to UTF-8"),
    ],
)
def test_read_text_errors(tmp_path, data, message):
    p = tmp_path / "empty.txt"
    p.write_bytes(data)
    with pytest.raises(ParseError) as exc:
        read_text(p)
    assert str(exc.value) == f"{tmp_path}/{message}"


def test_read_text_utf16_bom_and_utf8_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Қазақстан".encode("utf-16"))
    assert read_text(p) == "Қазақстан"
    p.write_bytes("\ufeffҚазақстан".encode("utf-8"))
    assert read_text(p) == "Қазақстан"


def test_unreadable_files_are_one_parse_error_in_every_reader(tmp_path, monkeypatch):
    from termbase.formats import format_for

    po = tmp_path / "a.po"
    po.write_text('msgid "Senate"\nmsgstr "Сенат"\n', encoding="utf-8")
    tmx = tmp_path / "a.tmx"
    tmx.write_text('<tmx version="1.4"/>', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Senate", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("termbase.fsutil.open", denied, raising=False)  # root may read anything: fake it
    for path in (po, tmx, tmp_path / "a.txt"):
        fmt = format_for(Source.of(path), reads="text")  # by extension: the file is not opened
        with pytest.raises(ParseError) as exc:
            fmt.read_text(path)
        assert str(exc.value) == f"{path}: cannot read: Permission denied"


# ---------------------------------------------------------------- leftovers of killed runs (issue 14)


def dead_pid() -> int:
    import subprocess
    import sys

    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True).stdout)


def test_temporaries_of_a_killed_write_go_at_the_next_write(tmp_path):
    dead = dead_pid()
    (tmp_path / f".out.tbx.{dead}.k3_9abcd.tmp").write_text("half of a killed export")
    (tmp_path / f".other.po.{dead}.abcdefgh.tmp").mkdir()  # a killed PO folder export's staging folder
    (tmp_path / f".other.po.{dead}.abcdefgh.tmp" / "ru.po").write_text("half")
    running = tmp_path / f".out.tbx.{os.getpid()}.zzzzzzzz.tmp"  # a write still running: kept
    running.write_text("in progress")
    mine = tmp_path / ".notes.txt.tmp"  # not our naming: kept
    mine.write_text("the user's")
    with atomic_write(tmp_path / "out.tbx", "w", encoding="utf-8") as fh:
        fh.write("new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out.tbx", running.name, mine.name])


def test_atomic_folder_swaps_in_all_files_at_once_and_keeps_the_others(tmp_path):
    out = tmp_path / "po"
    out.mkdir()
    (out / "ru.po").write_text("old ru")
    (out / "kk.po").write_text("old kk")
    (out / "README").write_text("the user's")
    (out / "sub").mkdir()
    (out / "sub" / "x").write_text("x")
    with atomic_folder(out) as staging:
        assert staging != out and staging.parent == tmp_path and staging.name.startswith(f".po.{os.getpid()}.")
        (staging / "ru.po").write_text("new ru")
        assert (out / "ru.po").read_text() == "old ru"  # nothing visible before the end
        (staging / "kk.po").write_text("new kk")
    assert {p.name: p.read_text() for p in out.iterdir() if p.is_file()} == {
        "ru.po": "new ru", "kk.po": "new kk", "README": "the user's"}
    assert (out / "sub" / "x").read_text() == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["po"]


def test_atomic_folder_failure_leaves_the_old_files(tmp_path):
    out = tmp_path / "po"
    out.mkdir()
    (out / "ru.po").write_text("old ru")
    with pytest.raises(RuntimeError):
        with atomic_folder(out) as staging:
            (staging / "ru.po").write_text("new ru")
            raise RuntimeError("killed")
    assert [(p.name, p.read_text()) for p in out.iterdir()] == [("ru.po", "old ru")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["po"]


def test_atomic_folder_creates_a_new_folder(tmp_path):
    with atomic_folder(tmp_path / "a" / "po") as staging:
        (staging / "kk.po").write_text("kk")
    assert (tmp_path / "a" / "po" / "kk.po").read_text() == "kk"
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["po"]


def test_a_folder_moved_aside_by_a_killed_swap_goes_back(tmp_path, monkeypatch):
    import termbase.fsutil as fsutil

    dead = dead_pid()
    # killed between the two renames of a swap without RENAME_EXCHANGE: the old folder aside, the
    # new one complete but not in place
    aside = tmp_path / f".po.{dead}.abcdefgh.old"
    aside.mkdir()
    (aside / "ru.po").write_text("old ru")
    staging = tmp_path / f".po.{dead}.abcdefgh.tmp"
    staging.mkdir()
    (staging / "ru.po").write_text("new ru")
    assert sorted(p.name for p in fsutil.clean_stale_temporaries(tmp_path)) == sorted([aside.name, staging.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["po"]
    assert (tmp_path / "po" / "ru.po").read_text() == "old ru"
    # and the swap without RENAME_EXCHANGE works
    monkeypatch.setattr(fsutil, "_exchange", lambda a, b: False)
    with atomic_folder(tmp_path / "po") as new:
        (new / "ru.po").write_text("new ru")
    assert (tmp_path / "po" / "ru.po").read_text() == "new ru"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["po"]


def _read_both(data: bytes):
    """(what read_text gives, what iter_text gives joined): each the text or the error and its line."""
    out = []
    for read in (lambda s: s.read_text(lines=True), lambda s: "".join(s.iter_text())):
        try:
            out.append(read(Source.of(io.BytesIO(data), name="f.po")))
        except ParseError as exc:
            out.append((str(exc), exc.line))
    return out


@pytest.mark.parametrize("data", [
    b"", b"  \n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n\n", "\ufeff".encode("utf-16"), b"\x00\x01\x02abc",
    b"ok\n\xff\xfe\xfa", b"line one\nline two\n" * 20 + b"bad \xc3\x28 byte\n", b"no line end at all",
    "Қазақстан\nСенат\r\nend".encode("utf-8"), "\ufeffҚазақстан\n".encode("utf-8"),
    ("Қазақстан\n" * 30).encode("utf-16"), ("Қазақстан\n" * 30).encode("utf-16-be").join([b"\xfe\xff", b""]),
    "\ufeff".encode("utf-8") + "Сенат\n".encode("utf-8") * 40,
])
def test_iter_text_gives_what_read_text_gives_in_pieces(monkeypatch, data):
    monkeypatch.setattr("termbase.fsutil._CHUNK", 7)  # pieces cut inside lines and characters
    whole, pieces = _read_both(data)
    assert pieces == whole


def test_iter_text_pieces_end_at_line_ends_and_lines_are_bounded(monkeypatch):
    monkeypatch.setattr("termbase.fsutil._CHUNK", 16)
    src = Source.of(io.BytesIO("Сенат мәжілісі\n".encode("utf-8") * 10 + b"tail"), name="f.txt")
    pieces = list(src.iter_text())
    assert all(p.endswith("\n") for p in pieces[:-1]) and pieces[-1] == "tail"
    assert "".join(pieces) == "Сенат мәжілісі\n" * 10 + "tail"
    monkeypatch.setenv("TERMBASE_MAX_SEGMENT_CHARS", "10")  # lines of at most 4 * 10 + 1024 bytes
    long = Source.of(io.BytesIO(b"short\n" + b"x" * 2000 + b"\n"), name="f.txt")
    with pytest.raises(ParseError, match=r"f.txt:2: a line longer than 1064 bytes"):
        list(long.iter_text())
