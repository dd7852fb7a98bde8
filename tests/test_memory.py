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


def test_import_of_a_po_larger_than_memory_streams(tb):
    # 430 MB of entries (Cyrillic: 2 bytes a character in memory): read whole, more than the 1 GB
    # address space (and more than the 256 MB a file read whole may be); parsed a piece at a time,
    # the few translated entries stored
    path = tb / "big.po"
    msgid = "Сенат " * 300
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('msgid ""\nmsgstr ""\n"Language: kk\\n"\n"X-Source-Language: en\\n"\n')
        for i in range(130_000):
            msgstr = f"Senate {i}" if i % 20_000 == 0 else ""
            fh.write(f'\n#: big.txt:{i}\nmsgid "{msgid}{i}"\nmsgstr "{msgstr}"\n')
    assert path.stat().st_size > 400 << 20
    done = termbase(tb, "import", str(path), "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"added": 7' in done.stdout, done.stdout


_WRITER = """
import resource, sys
from termbase.formats import po
from termbase.models import TranslationUnit
resource.setrlimit(resource.RLIMIT_AS, (96 << 20, 96 << 20))
po._SPILL_BUDGET = 2 << 20
def units():
    for i in range(70_000):
        source = i - 3 if i % 10 == 9 else i  # every tenth msgid again, with another translation
        yield TranslationUnit({"en": f"{source} " + "Senate " * 140, "kk": f"{i} " + "Сенат " * 170},
                              document="big.txt", position=i, score=0.9)
print(po.write_po(units(), sys.argv[1], source_lang="en", target_langs=["kk"]))
"""


def test_po_export_of_more_than_memory_holds_is_written_in_bounded_memory(tmp_path):
    # 70,000 units of 3 KB (about 210 MB of text in memory) written under a 96 MB address space:
    # the units of a msgid are brought together by an external sort, not a table of them all
    out = tmp_path / "big.po"
    done = subprocess.run([sys.executable, "-c", _WRITER, str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "70000"
    entries = contexts = 0
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            entries += line.startswith("msgid ")
            contexts += line.startswith("msgctxt ")
    assert (entries, contexts) == (70_000 + 1, 2 * 7_000)  # the header; both variants of a repeated msgid
    assert out.stat().st_size > 190 << 20
