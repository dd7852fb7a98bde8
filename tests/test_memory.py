"""Memory stays bounded on any input: the command line, run in a child process whose address space
is limited (``resource.setrlimit(RLIMIT_AS)``), refuses large hostile inputs generated here with its
one-line error, never a MemoryError, a crash or a traceback. Inputs are generated at run time
(tens to hundreds of MB), so these tests are marked ``slow``."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

#: The address space the child may use. An idle command with its language models needs ~300 MB.
LIMIT_MB = 1024


def termbase(tmp_path: Path, *args: str, stdin=None) -> subprocess.CompletedProcess:
    """``termbase --db tb.db ARGS`` under the address-space limit, with the default limits."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_MB << 20, LIMIT_MB << 20))

    env = {k: v for k, v in os.environ.items() if not k.startswith("TERMBASE_MAX_")}
    cmd = [sys.executable, "-m", "termbase", "--db", str(tmp_path / "tb.db"), *args]
    return subprocess.run(cmd, preexec_fn=limit, capture_output=True, text=True, env=env, stdin=stdin,
                          timeout=600)


def refused(done: subprocess.CompletedProcess, *needles: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr, done.stderr[-2000:]
    lines = [line for line in done.stderr.strip().splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1, done.stderr[-2000:]  # (check adds its summary line)
    for needle in needles:
        assert needle in lines[0], lines[0]


def write_repeated(path: Path, head: bytes, body: bytes, times: int, tail: bytes = b"") -> Path:
    with open(path, "wb") as fh:
        fh.write(head)
        for _ in range(times):
            fh.write(body)
        fh.write(tail)
    return path


@pytest.fixture
def tb(tmp_path):
    done = termbase(tmp_path, "init", "--empty")
    assert done.returncode == 0, done.stderr
    return tmp_path


def test_extract_of_a_50mb_line(tb):
    path = write_repeated(tb / "line.txt", b"", b"word " * 10_000, 1000)  # 50 MB, no break at all
    refused(termbase(tb, "extract", str(path)), "line.txt:1: a line longer than")


def test_extract_of_a_60mb_document(tb):
    path = write_repeated(tb / "big.txt", b"", b"The Senate met in Astana today. " * 30 + b"\n", 64_000)
    refused(termbase(tb, "extract", str(path)), "big.txt: larger than 20 MB", "TERMBASE_MAX_DOCUMENT_MB")


def test_extract_of_an_html_page_with_one_huge_paragraph(tb):
    path = write_repeated(tb / "page.html", b"<html><body><p>", b"word " * 10_000, 300, b"</p></body></html>")
    refused(termbase(tb, "extract", str(path)), "page.html:1: a segment of 14999999 characters")


def test_import_of_a_po_with_a_50mb_line(tb):
    path = write_repeated(tb / "big.po", b'msgid ""\nmsgstr "Language: kk\\n"\n\nmsgid "', b"a" * 1_000_000, 50,
                          b'"\nmsgstr "b"\n')
    refused(termbase(tb, "import", str(path)), "big.po:4: a line longer than")


def test_extract_of_a_docx_bomb(tb):
    # a small archive whose word/document.xml unpacks to 190 MB of paragraphs
    path = tb / "bomb.docx"
    para = b"<w:p><w:r><w:t>" + b"The Senate met in Astana today. " * 30 + b"</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            for _ in range(190 * 1024 * 1024 // len(para)):
                fh.write(para)
            fh.write(b"</w:body></w:document>")
    assert path.stat().st_size < 5_000_000
    refused(termbase(tb, "extract", str(path)), "bomb.docx: more than", "TERMBASE_MAX_DOCUMENT_MB")


def test_import_of_endless_zeros_on_standard_input(tb):
    # like `termbase import - --format csv < /dev/zero`: spooled to disk up to the input limit
    zeros = subprocess.Popen(["head", "-c", str(300 << 20), "/dev/zero"], stdout=subprocess.PIPE)
    try:
        done = termbase(tb, "import", "-", "--format", "csv", stdin=zeros.stdout)
    finally:
        zeros.stdout.close()
        zeros.wait()
    refused(done, "<stdin>: larger than 256 MB", "TERMBASE_MAX_INPUT_MB")


def test_import_of_a_tbx_with_a_9mb_term(tb):
    path = write_repeated(tb / "huge.tbx", b'<martif type="TBX-Basic"><text><body><termEntry id="x"><langSet '
                          b'xml:lang="en"><tig><term>', b"word " * 10_000, 180,
                          b"</term></tig></langSet></termEntry></body></text></martif>")
    refused(termbase(tb, "import", str(path)), "huge.tbx: concept 'x': en term", "TERMBASE_MAX_TERM_CHARS")


def test_check_of_a_tmx_with_a_long_segment(tb):
    path = write_repeated(tb / "long.tmx", b'<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>',
                          b"Senate " * 1000, 30, b'</seg></tuv><tuv xml:lang="kk"><seg>x</seg></tuv></tu></body></tmx>')
    refused(termbase(tb, "check", str(path)), "long.tmx:1: a segment of 210000 characters")
