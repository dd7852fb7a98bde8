"""Hostile files, format by format: each gives a result or a one-line ParseError naming the file."""

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from termbase.errors import ParseError
from termbase.formats import get_format
from termbase.fsutil import Source
from termbase.models import Concept, Term, TranslationUnit

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(path, body: bytes, *, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compress) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", body)
    return path


def _doc_xml(paragraphs) -> bytes:
    ps = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<w:document xmlns:w="{W}"><w:body>{ps}</w:body></w:document>'.encode()


# ------------------------------------------------------------------------------------------- DOCX
def test_docx_bomb_is_refused_while_unpacking(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMBASE_MAX_DOCX_MB", "1")
    path = _docx(tmp_path / "bomb.docx", _doc_xml(["The Senate met. " * 1000] * 100))  # 1.6 MB of XML
    assert path.stat().st_size < 50_000
    with pytest.raises(ParseError, match=r"^.*bomb.docx: word/document.xml unpacks to more than 1 MB "
                                         r"\(limit 1 MB; set TERMBASE_MAX_DOCX_MB"):
        get_format("docx").read_text(path)


def test_docx_whose_header_lies_about_the_size_is_one_error(tmp_path):
    path = _docx(tmp_path / "liar.docx", _doc_xml(["The Senate met. " * 1000] * 10))
    data = bytearray(path.read_bytes())
    # declare 100 bytes unpacked (local header offset 22, central directory offset 24)
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (i := data.find(sig, start)) >= 0:
            data[i + size_at:i + size_at + 4] = (100).to_bytes(4, "little")
            start = i + 4
    path.write_bytes(bytes(data))
    with pytest.raises(ParseError, match=r"^.*liar.docx(:1)?: "):
        get_format("docx").read_text(path)


def test_docx_text_is_held_to_the_document_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMBASE_MAX_DOCUMENT_MB", "1")
    path = _docx(tmp_path / "long.docx", _doc_xml(["The Senate met. " * 1000] * 80))
    with pytest.raises(ParseError, match=r"long.docx: more than 1048576 characters of text \(limit 1 MB"):
        get_format("docx").read_text(path)


def test_encrypted_docx_is_one_error_naming_it(tmp_path):
    path = _docx(tmp_path / "secret.docx", _doc_xml(["Senate"]))
    data = bytearray(path.read_bytes())
    # set the "encrypted" flag bit in the local header and the central directory of document.xml
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (i := data.find(sig, start)) >= 0:
            data[i + flag_at] |= 1
            start = i + 4
    path.write_bytes(bytes(data))
    with pytest.raises(ParseError, match=r"secret.docx: the document is encrypted \(password-protected\)"):
        get_format("docx").read_text(path)


def test_unknown_compression_docx_is_one_error_naming_it(tmp_path):
    path = _docx(tmp_path / "odd.docx", _doc_xml(["Senate"]), compress=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    for sig, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (i := data.find(sig, start)) >= 0:
            data[i + method_at] = 99  # no such compression method
            start = i + 4
    path.write_bytes(bytes(data))
    with pytest.raises(ParseError, match=r"^.*odd.docx: cannot unpack word/document.xml: "):
        get_format("docx").read_text(path)


def test_malformed_docx_xml_names_the_docx(tmp_path):
    path = _docx(tmp_path / "broken.docx", b"<w:document><w:body>")
    with pytest.raises(ParseError) as exc:
        get_format("docx").read_text(path)
    assert str(exc.value).startswith(f"{path}:1: malformed XML")


def test_docx_from_standard_input_is_named_as_given():
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr("word/document.xml", b"<w:document><w:body>")
    with pytest.raises(ParseError) as exc:
        get_format("docx").read_text(Source.of(io.BytesIO(data.getvalue()), name="<stdin>"))
    assert str(exc.value).startswith("<stdin>:1: malformed XML")


# ------------------------------------------------------------------------------------- XML entities
_BILLION = b'<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'


@pytest.mark.parametrize("name", ["tmx", "tbx", "xliff"])
def test_entity_declaration_after_a_long_comment_is_refused(tmp_path, name):
    path = tmp_path / f"x.{name}"
    path.write_bytes(b'<?xml version="1.0"?>\n<!--' + b"x" * 200_000 + b"-->\n" + _BILLION + b"<tmx/>")
    with pytest.raises(ParseError, match=r"XML declares entities \(<!ENTITY>\); refused for safety"):
        list(get_format(name).read_units(path) if name != "tbx" else get_format(name).read_concepts(path))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_entity_declaration_in_utf16_is_refused(tmp_path, encoding):
    path = tmp_path / "x.tmx"
    text = '<?xml version="1.0"?>\n' + _BILLION.decode() + '<tmx version="1.4"><header srclang="en"/><body/></tmx>'
    path.write_bytes(text.encode(encoding))
    with pytest.raises(ParseError, match=r"XML declares entities"):
        list(get_format("tmx").read_units(path))


def test_lxml_still_refuses_to_expand_entities(tmp_path, monkeypatch):
    # the second layer: with the pre-check switched off, the entity is not expanded (nor fetched)
    from termbase.formats import xmlsafe

    monkeypatch.setattr(xmlsafe, "_reject_entity_declarations", lambda src, head: None)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "x.tmx"
    path.write_text(
        f'<!DOCTYPE tmx [<!ENTITY s SYSTEM "file://{secret}">]><tmx version="1.4"><header srclang="en"/><body>'
        '<tu><tuv xml:lang="en"><seg>a &s; b</seg></tuv><tuv xml:lang="kk"><seg>c</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    try:
        units = list(get_format("tmx").read_units(path))
    except ParseError:
        return  # refused: fine as well
    assert all("SECRET" not in text for u in units for text in u.texts.values())


# ----------------------------------------------------------------------------------------------- CSV
def test_csv_export_neutralises_formulas_and_import_restores_them(tmp_path):
    csv = get_format("csv")
    texts = ["=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "'=already quoted",
             "Senate"]
    concepts = [Concept(f"c{i}", (Term("en", t),), note="=1+1" if i == 0 else None) for i, t in enumerate(texts)]
    path = tmp_path / "t.csv"
    csv.write_concepts(concepts, path)
    raw = path.read_text(encoding="utf-8-sig")
    cells = [line.split(",", 5)[-1] for line in raw.splitlines()[1:]]
    assert not any(c.startswith(("=", "@", "+", "-")) for line in raw.splitlines()[1:] for c in line.split(","))
    assert "'=1+1" in raw and "'-2+3" in raw and "''=already quoted" in raw and cells
    back = list(csv.read_concepts(path))
    assert [c.terms[0].text for c in back] == texts
    assert back[0].note == "=1+1"


def test_a_short_csv_row_is_read_as_empty_cells(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,note,en,kk\nsenate,,Senate\nx\n", encoding="utf-8")
    rows = get_format("csv").read_concepts(path)
    assert next(rows).terms == (Term("en", "Senate"),)
    with pytest.raises(ParseError, match=r"t.csv:3: row without any term"):
        next(rows)


# ------------------------------------------------------------------------------------ TMX -> PO notes
def test_a_carriage_return_in_a_tmx_note_cannot_inject_po_entries(tmp_path):
    tmx = tmp_path / "in.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en"/><body><tu><note>x&#13;msgid "INJECTED SOURCE"&#13;'
        'msgstr "INJECTED"</note><tuv xml:lang="en"><seg>Senate</seg></tuv><tuv xml:lang="kk"><seg>Сенат</seg></tuv>'
        "</tu></body></tmx>", encoding="utf-8")
    units = list(get_format("tmx").read_units(tmx))
    out = tmp_path / "kk.po"
    get_format("po").write_units(units, out, source_lang="en", target_langs=["kk"])
    text = out.read_bytes()
    assert b"\r" not in text
    back = list(get_format("po").read_units(out))
    assert [u.texts for u in back] == [{"en": "Senate", "kk": "Сенат"}]
    assert back[0].note == 'x\nmsgid "INJECTED SOURCE"\nmsgstr "INJECTED"'


# ------------------------------------------------------------------------------ units and documents
def test_units_over_the_segment_limit_are_refused_with_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMBASE_MAX_SEGMENT_CHARS", "50")
    tmx = tmp_path / "in.tmx"
    tmx.write_text('<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>' + "a " * 30 +
                   '</seg></tuv><tuv xml:lang="kk"><seg>b</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with pytest.raises(ParseError, match=r"in.tmx: a segment of 60 characters \(limit 50 characters; "
                                         r"set TERMBASE_MAX_SEGMENT_CHARS"):
        list(get_format("tmx").read_units(tmx))
    with pytest.raises(ParseError, match=r"in.tmx:1: a segment of 60 characters"):
        list(get_format("tmx").read_pairs(tmx))


def test_a_po_with_a_huge_line_is_refused_while_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMBASE_MAX_SEGMENT_CHARS", "1000")
    po = tmp_path / "big.po"
    po.write_bytes(b'msgid ""\nmsgstr "Language: kk\\n"\n\nmsgid "' + b"a" * 10_000 + b'"\nmsgstr "b"\n')
    for read in (get_format("po").read_units, get_format("po").read_pairs, get_format("po").read_text):
        with pytest.raises(ParseError, match=r"big.po:4: a line longer than 5024 bytes"):
            r = read(po)
            list(r) if not hasattr(r, "text") else None


def test_a_text_paragraph_over_the_segment_limit_names_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMBASE_MAX_SEGMENT_CHARS", "100")
    html = tmp_path / "a.html"
    html.write_text("<p>short</p><p>" + "word " * 50 + "</p>", encoding="utf-8")
    with pytest.raises(ParseError, match=r"a.html:3: a segment of 249 characters"):
        get_format("html").read_text(html)


def test_control_characters_are_removed_from_units_and_documents(tmp_path):
    tmx = tmp_path / "in.tmx"
    tmx.write_text('<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Sen&#x1b;[31mate'
                   '</seg></tuv><tuv xml:lang="kk"><seg>Сенат</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with pytest.raises(ParseError):  # XML 1.0 cannot even carry ESC: lxml refuses the file
        list(get_format("tmx").read_units(tmx))
    po = tmp_path / "a.po"
    po.write_bytes(b'msgid ""\nmsgstr "Language: kk\\n"\n' + b"#\n" * 5000 +
                   b'\nmsgid "Sen\x01ate\x1b[2J"\nmsgstr "\xd0\xa1\xd0\xb5\x00"\n')  # NUL past 8 KB
    assert [u.texts for u in get_format("po").read_units(po)] == [{"en": "Senate[2J", "kk": "Се"}]
    text = tmp_path / "a.txt"
    text.write_bytes(b"The Senate\x1b[31m met.")
    assert get_format("text").read_text(text).text == "The Senate[31m met."


def test_a_tbx_term_over_the_limit_is_refused_with_its_line(tmp_path):
    tbx = tmp_path / "long.tbx"
    tbx.write_text('<martif type="TBX-Basic"><text><body><termEntry id="x"><langSet xml:lang="en"><tig><term>'
                   + "word " * 300 + "</term></tig></langSet></termEntry></body></text></martif>", encoding="utf-8")
    with pytest.raises(ParseError, match=r"long.tbx: concept 'x': en term 'word word.*is 1499 characters long"):
        list(get_format("tbx").read_concepts(tbx))


def test_an_omegat_glossary_term_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text("# termbase glossary: en -> kk\nSenate\tСенат\n" + "x" * 5000 + "\ty\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"g.txt: .*en term 'xxx.*is 5000 characters long"):
        list(get_format("omegat").read_concepts(path))


@pytest.mark.slow
def test_a_matcher_with_a_huge_stored_term_does_not_crash():
    # pyahocorasick segfaults freeing an automaton with a key of ~1M characters (exit 139): such a
    # term, stored before the limits, is left out of the automata; run in a child to survive a crash
    code = (
        "from termbase.search.matcher import TermMatcher\n"
        "from termbase.models import Term\n"
        "huge = ' '.join(['word%d' % i for i in range(200000)])\n"
        "m = TermMatcher([('x', Term('en', huge)), ('s', Term('en', 'Senate'))])\n"
        "print([h.concept_id for h in m.find_all('The Senate met.', 'en')])\n"
        "del m\n"
        "from termbase.checking.prefilter import _automaton\n"
        "a = _automaton({'y' * 1000000: ['big'], 'ab': ['small']})\n"
        "del a\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == ["['s']", "ok"]


def test_units_are_clean_round_trip_target():
    # a unit built in code is unaffected by the reading checks
    unit = TranslationUnit({"en": "Senate", "kk": "Сенат"})
    assert unit.texts["kk"] == "Сенат"


def test_a_broken_marked_section_in_html_is_one_error():
    # html.parser raises AssertionError on "<![" that is no CDATA section (found by the fuzzer)
    path = Path(__file__).parents[1] / "data" / "hostile" / "html-marked-section.html"
    with pytest.raises(ParseError, match=r"html-marked-section.html: malformed HTML: "):
        get_format("html").read_text(path)
