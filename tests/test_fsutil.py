import os
import stat

import pytest

from termbase.errors import ParseError
from termbase.fsutil import Source, atomic_write


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

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("termbase.fsutil.open", denied, raising=False)  # root may read anything: fake it
    for path in (po, tmx, tmp_path / "a.txt"):
        fmt = format_for(Source.of(path), reads="text")  # by extension: the file is not opened
        with pytest.raises(ParseError) as exc:
            fmt.read_text(path)
        assert str(exc.value) == f"{path}: cannot read: Permission denied"
