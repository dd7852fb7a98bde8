"""The size limits (termbase.limits) and how Source enforces them while it reads."""

import io
import os

import pytest

from termbase.errors import ParseError, TermbaseError, ValidationError
from termbase.fsutil import Source
from termbase.limits import Limits, current
from termbase.models import Concept, Term


def test_defaults_and_environment(monkeypatch):
    for var in ("TERMBASE_MAX_TERM_CHARS", "TERMBASE_MAX_SEGMENT_CHARS", "TERMBASE_MAX_DOCUMENT_MB",
                "TERMBASE_MAX_INPUT_MB", "TERMBASE_MAX_DOCX_MB"):
        monkeypatch.delenv(var, raising=False)
    assert current() == Limits(term_chars=1000, segment_chars=20000, document_mb=20, input_mb=256, docx_mb=200)
    monkeypatch.setenv("TERMBASE_MAX_SEGMENT_CHARS", "500")
    assert current().segment_chars == 500
    assert current().line_bytes == 4 * 500 + 1024


@pytest.mark.parametrize("value", ["0", "-3", "ten", "1.5"])
def test_a_bad_value_is_an_error_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv("TERMBASE_MAX_DOCX_MB", value)
    with pytest.raises(TermbaseError, match=f"TERMBASE_MAX_DOCX_MB='{value}': give a positive whole number"):
        current()


def test_term_length_is_capped(monkeypatch):
    Term("en", "x" * 1000).validate()
    with pytest.raises(ValidationError, match=r"en term 'xxxxx.*is 1001 characters long \(limit 1000 characters; "
                                              r"set TERMBASE_MAX_TERM_CHARS to change it\)"):
        Term("en", "x" * 1001).validate()
    monkeypatch.setenv("TERMBASE_MAX_TERM_CHARS", "2000")
    Term("en", "x" * 1001).validate()


@pytest.mark.parametrize("text", ["Sen\x00ate", "Senate\x01", "\x1b[31mSenate", "Sen\x7fate", "Sen\x9bate"])
def test_control_characters_are_refused_in_terms(text):
    with pytest.raises(ValidationError, match="holds the control character U\\+00"):
        Concept("senate", (Term("en", text),)).validate()


def test_control_characters_are_refused_in_concept_fields():
    with pytest.raises(ValidationError, match="concept 'senate': its note holds the control character U\\+001B"):
        Concept("senate", (Term("en", "Senate"),), note="red\x1b[31m").validate()
    Concept("senate", (Term("en", "Senate"),), note="two\nlines\tand a tab").validate()  # breaks are fine


def _src(data: bytes, name="in.txt") -> Source:
    return Source.of(io.BytesIO(data), name=name)


def test_a_long_line_is_refused_while_reading(monkeypatch):
    monkeypatch.setenv("TERMBASE_MAX_SEGMENT_CHARS", "100")  # lines of at most 4*100+1024 bytes
    ok = b"a" * 1424 + b"\n" + b"b" * 10
    assert _src(ok).read_bytes(lines=True) == ok
    with pytest.raises(ParseError, match=r"^in.txt:3: a line longer than 1424 bytes \(limit 100 characters"):
        _src(b"a\nb\n" + b"c" * 1425).read_bytes(lines=True)


def test_a_long_line_across_chunks_is_refused(monkeypatch):
    monkeypatch.setenv("TERMBASE_MAX_SEGMENT_CHARS", "1000000")  # 4 MB lines: spans chunks of 1 MB
    data = b"x\n" + b"y" * (4 * 1000000 + 1025)
    with pytest.raises(ParseError, match=r"^in.txt:2: a line longer than"):
        _src(data).read_bytes(lines=True)


def test_a_large_input_is_refused_at_the_limit(monkeypatch, tmp_path):
    monkeypatch.setenv("TERMBASE_MAX_INPUT_MB", "1")
    path = tmp_path / "big.po"
    path.write_bytes(b"#\n" * (600 * 1024))
    with pytest.raises(ParseError, match=r"big.po: larger than 1 MB \(limit 1 MB; set TERMBASE_MAX_INPUT_MB"):
        Source.of(path).read_bytes()
    # standard input and file objects are spooled no further than the limit
    with pytest.raises(ParseError, match=r"^upload: larger than 1 MB"):
        Source.of(io.BytesIO(b"#\n" * (600 * 1024)), name="upload").head()


def test_a_document_is_held_to_the_document_limit(monkeypatch, tmp_path):
    monkeypatch.setenv("TERMBASE_MAX_DOCUMENT_MB", "1")
    path = tmp_path / "a.txt"
    path.write_bytes(b"The Senate met.\n" * 70000)  # 1.07 MB
    with pytest.raises(ParseError, match=r"a.txt: larger than 1 MB \(limit 1 MB; set TERMBASE_MAX_DOCUMENT_MB"):
        Source.of(path).read_text(limit="document_mb")


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    with pytest.raises(ParseError, match=r"pipe.txt: not a regular file \(a pipe or a device\)"):
        Source.of(fifo).head()


def test_a_device_is_refused():
    with pytest.raises(ParseError, match=r"^/dev/zero: not a regular file"):
        Source.of("/dev/zero").read_bytes()


def test_a_symlink_loop_is_one_parse_error(tmp_path):
    (tmp_path / "a.tmx").symlink_to(tmp_path / "b.tmx")
    (tmp_path / "b.tmx").symlink_to(tmp_path / "a.tmx")
    with pytest.raises(ParseError, match=r"a.tmx: cannot read: Too many levels of symbolic links"):
        Source.of(tmp_path / "a.tmx").head()
