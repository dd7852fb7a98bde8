"""The text of documents for extraction: each format, the registry's choice, clear errors for bad input."""

import io
import zipfile

import pytest

from termbase.errors import ParseError, UnsupportedFormat
from termbase.formats import format_for
from termbase.formats.text import html_to_text
from termbase.fsutil import Source


def read_document(path, **kwargs):
    src = Source.of(path)
    return format_for(src, reads="text").read_text(src, **kwargs)


def test_plain_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Сенат отырысы.\n", encoding="utf-8")
    assert read_document(p).text == "Сенат отырысы.\n"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "file is empty"),
        (b"\x00\x01binary", "looks like a binary file"),
        (b"caf\xe9", "not valid UTF-8"),
    ],
)
def test_bad_text_files(tmp_path, data, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(ParseError, match=message):
        read_document(p)


def test_missing_file(tmp_path):
    with pytest.raises(ParseError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_unknown_binary_type(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    with pytest.raises(UnsupportedFormat, match=r"scan\.pdf: unknown type of file; a document's text can be read "
                                                 r"from \.tmx, \.po, \.pot"):
        read_document(p)


def test_format_recognised_by_content_without_extension(tmp_path):
    for data, name in ((PO, "po"), (XLIFF, "xliff"), (TMX, "tmx"), ("<!DOCTYPE html><p>Сенат</p>", "html"),
                       ("Сенат жиналды.", "text")):
        assert format_for(Source.of(io.BytesIO(data.encode())), reads="text").name == name
    assert read_document(io.BytesIO(TMX.encode()), lang="ru").text == "Сенат собрался."


def test_html_visible_text_only():
    markup = "<html><head><title>T</title><style>p{}</style></head><body><nav>Menu</nav>" \
             "<p>The <b>Senate</b> met.</p><script>x()</script><div>Next &amp; last.</div></body></html>"
    assert html_to_text(markup) == "The Senate met.\n\nNext & last."


def test_docx(tmp_path):
    p = tmp_path / "a.docx"
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>Ішкі істер </w:t></w:r><w:r><w:t>министрлігі</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Екінші абзац.</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("word/document.xml", body)
    assert read_document(p).text == "Ішкі істер министрлігі\n\nЕкінші абзац."


def test_docx_not_a_zip(tmp_path):
    p = tmp_path / "a.docx"
    p.write_text("plain", encoding="utf-8")
    with pytest.raises(ParseError, match="not a DOCX file"):
        read_document(p)


PO = '''msgid ""
msgstr ""
"Language: kk\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The Senate met."
msgstr "Сенат жиналды."

msgid "Untranslated."
msgstr ""
'''


def test_po_source_and_target(tmp_path):
    p = tmp_path / "a.po"
    p.write_text(PO, encoding="utf-8")
    assert read_document(p) == read_document(p, side="source")
    assert read_document(p).text == "The Senate met.\n\nUntranslated."
    target = read_document(p, side="target")
    assert (target.text, target.lang) == ("Сенат жиналды.", "kk")


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="ru" datatype="plaintext" original="a">
  <body>
   <trans-unit id="1"><source>The Senate met.</source><target>Сенат собрался.</target></trans-unit>
  </body>
 </file>
</xliff>
"""


def test_xliff_sides(tmp_path):
    p = tmp_path / "a.xlf"
    p.write_text(XLIFF, encoding="utf-8")
    assert (read_document(p).text, read_document(p).lang) == ("The Senate met.", "en")
    assert (read_document(p, side="target").text, read_document(p, side="target").lang) == ("Сенат собрался.", "ru")


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body>
 <tu><tuv xml:lang="en"><seg>The Senate met.</seg></tuv><tuv xml:lang="kk-KZ"><seg>Сенат жиналды.</seg></tuv>
 <tuv xml:lang="ru"><seg>Сенат собрался.</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_source_target_and_language(tmp_path):
    p = tmp_path / "a.tmx"
    p.write_text(TMX, encoding="utf-8")
    assert (read_document(p).text, read_document(p).lang) == ("The Senate met.", "en")
    assert read_document(p, side="target").text == "Сенат жиналды."
    assert read_document(p, lang="ru").text == "Сенат собрался."


def test_malformed_xml_names_line(tmp_path):
    p = tmp_path / "a.tmx"
    p.write_text("<tmx>\n<body>\n<tu>\n</tmx>", encoding="utf-8")
    with pytest.raises(ParseError, match=r"a\.tmx:4: malformed XML"):
        read_document(p)


def test_translation_file_without_target_text(tmp_path):
    p = tmp_path / "a.xlf"
    p.write_text(XLIFF.replace("<target>Сенат собрался.</target>", ""), encoding="utf-8")
    with pytest.raises(ParseError, match="no target text to read"):
        read_document(p, side="target")
