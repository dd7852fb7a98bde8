"""Pre-translation (write_filled) of PO and XLIFF files, and XLIFF export of translation units."""

from __future__ import annotations

import shutil
import subprocess
import os
from pathlib import Path

import pytest
from lxml import etree

from termbase.errors import ParseError, UnsupportedFormat, ValidationError
from termbase.formats import format_for, format_for_output, get_format
from termbase.fsutil import Source
from termbase.models import Fill, FillRequest, FillStats, TranslationUnit

# The official XLIFF schemas, when a developer has them (not copied into the repository):
# TERMBASE_XLIFF_SCHEMAS=DIR with xliff-core-1.2-strict.xsd, xliff_core_2.0.xsd (OASIS's name) or
# xliff-core-2.0.xsd (Debian's php-symfony-translation, which .ci/run unpacks), and xml.xsd.
SCHEMAS = Path(os.environ["TERMBASE_XLIFF_SCHEMAS"]) if os.environ.get("TERMBASE_XLIFF_SCHEMAS") else None
SCHEMA_NAMES = {"xliff-core-1.2-strict.xsd": ("xliff-core-1.2-strict.xsd",),
                "xliff_core_2.0.xsd": ("xliff_core_2.0.xsd", "xliff-core-2.0.xsd")}


def schema_file(name: str) -> Path | None:
    """The schema ``name`` in $TERMBASE_XLIFF_SCHEMAS under either of its names; None without the folder."""
    if SCHEMAS is None:
        return None
    for candidate in SCHEMA_NAMES[name]:
        if (SCHEMAS / candidate).exists():
            return SCHEMAS / candidate
    pytest.fail(f"TERMBASE_XLIFF_SCHEMAS={SCHEMAS} has no {' or '.join(SCHEMA_NAMES[name])}")
NSC = "The National Security Committee said"
NSC_KK = "Ұлттық қауіпсіздік комитеті мәлімдеді"

FILLS = {
    "Senate": Fill("Сенат", 100.0, True),
    NSC: Fill("Комитет национальной безопасности заявил", 87.6, False,
              ("National Security Committee = Комитет национальной безопасности",),
              "The National Security Committee has said"),
    "Ministry of Justice": Fill("Министерство юстиции", 100.0, True),
    "%d deputy": Fill("%d депутат", 100.0, True),
    "%d deputies": Fill("%d депутатов", 91.0, False),
}


class Recorder:
    """A fill function that answers from a table and keeps the requests."""

    def __init__(self, table=FILLS):
        self.table, self.requests = table, []

    def __call__(self, request: FillRequest) -> Fill | None:
        self.requests.append(request)
        return self.table.get(request.source)


def _schema(name: str) -> etree.XMLSchema:
    class Local(etree.Resolver):  # xml.xsd from beside the schema: no network
        def resolve(self, url, pubid, context):
            if url.endswith("/xml.xsd") or url == "xml.xsd":
                return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(schema_file(name)), parser))


def assert_valid(path: Path, schema: str) -> None:
    """Valid against the official schema when $TERMBASE_XLIFF_SCHEMAS holds it (see
    tests/data/xliff/README.md: the OASIS schemas are not copied into this repository), else what
    that schema requires of the elements termbase writes."""
    if schema_file(schema) is None:
        (_check_12_structure if schema.startswith("xliff-core-1.2") else _check_20_structure)(path)
        return
    xsd = _schema(schema)
    assert xsd.validate(etree.parse(str(path))), xsd.error_log


@pytest.mark.skipif(SCHEMAS is None, reason="TERMBASE_XLIFF_SCHEMAS not set: XLIFF checked by its structure")
def test_the_schemas_of_the_environment_are_the_official_ones():
    """A folder of schemas given is used whole: each schema found under its OASIS or Debian name and
    compiled (before, a 2.0 schema under Debian's name was silently replaced by the structure check)."""
    for name, namespace in (("xliff-core-1.2-strict.xsd", "urn:oasis:names:tc:xliff:document:1.2"),
                            ("xliff_core_2.0.xsd", "urn:oasis:names:tc:xliff:document:2.0")):
        assert etree.parse(str(schema_file(name))).getroot().get("targetNamespace") == namespace
        _schema(name)


_NS20 = "{urn:oasis:names:tc:xliff:document:2.0}"
_STATES_20 = {"initial", "translated", "reviewed", "final"}


def _check_20_structure(path: Path) -> None:
    """What xliff_core_2.0.xsd requires of the elements termbase writes."""
    root = etree.parse(str(path)).getroot()
    assert (root.tag, root.get("version")) == (_NS20 + "xliff", "2.0") and root.get("srcLang")
    files = [f for f in root if isinstance(f.tag, str)]
    assert files and all(f.tag == _NS20 + "file" and f.get("id") for f in files)
    for f in files:
        units = list(f.iter(_NS20 + "unit"))
        assert units
        for unit in units:
            assert unit.get("id")
            kids = [etree.QName(c).localname for c in unit if isinstance(c.tag, str)]
            assert "segment" in kids or "ignorable" in kids
            assert kids.index("notes") < kids.index("segment") if "notes" in kids and "segment" in kids else True
            for seg in unit.iter(_NS20 + "segment"):
                parts = [etree.QName(c).localname for c in seg if isinstance(c.tag, str)]
                assert parts[0] == "source" and parts in (["source"], ["source", "target"]), parts
                assert seg.get("state", "initial") in _STATES_20


_NS12 = "{urn:oasis:names:tc:xliff:document:1.2}"
# XLIFF 1.2 strict: the values of <target state> and <target state-qualifier> (section 4.3)
_STATES_12 = {"final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n",
              "needs-review-translation", "needs-translation", "new", "signed-off", "translated"}
_QUALIFIERS_12 = {"exact-match", "fuzzy-match", "id-match", "leveraged-glossary", "leveraged-inherited",
                  "leveraged-mt", "leveraged-repository", "leveraged-tm", "mt-suggestion", "rejected-grammar",
                  "rejected-inaccurate", "rejected-length", "rejected-spelling", "tm-suggestion"}
_TU_ORDER_12 = {"source": 0, "seg-source": 1, "target": 2, "context-group": 3, "count-group": 3, "prop-group": 3,
                "note": 3, "alt-trans": 3}


def _check_12_structure(path: Path) -> None:
    """What xliff-core-1.2-strict.xsd requires of the elements termbase writes."""
    root = etree.parse(str(path)).getroot()
    assert (root.tag, root.get("version")) == (_NS12 + "xliff", "1.2")
    files = list(root)
    assert files and all(f.tag == _NS12 + "file" for f in files)
    for f in files:
        assert f.get("original") and f.get("source-language") and f.get("datatype")
        assert [c.tag for c in f if isinstance(c.tag, str)][-1] == _NS12 + "body"
        for tu in f.iter(_NS12 + "trans-unit"):
            assert tu.get("id")
            order = [_TU_ORDER_12[etree.QName(c).localname] for c in tu if isinstance(c.tag, str)]
            assert order[0] == 0 and order == sorted(order) and order.count(2) <= 1, order
            for target in tu.findall(_NS12 + "target"):
                assert target.get("state", "new") in _STATES_12
                assert target.get("state-qualifier", "exact-match") in _QUALIFIERS_12
                assert not any(isinstance(c.tag, str) for c in target)


# ---------------------------------------------------------------------------------------------- PO
PO_RU = r'''# Translation of the news site.
msgid ""
msgstr ""
"Project-Id-Version: news 1.0\n"
"Language: ru\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"
"X-Source-Language: en\n"

#. heading
#: news.html:3
msgid "Senate"
msgstr ""

# checked by the editor
#, fuzzy
#| msgid "The Committee said"
msgid "The National Security Committee said"
msgstr "Комитет сказал"

msgctxt "menu"
msgid "Ministry of Justice"
msgstr "Минюст"

#, c-format
msgid "%d deputy"
msgid_plural "%d deputies"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""

msgid "Majilis"
msgstr ""

#~ msgid "Old heading"
#~ msgstr "Старый заголовок"
'''

PO_RU_FILLED = r'''# Translation of the news site.
msgid ""
msgstr ""
"Project-Id-Version: news 1.0\n"
"Language: ru\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"
"X-Source-Language: en\n"

#. heading
#: news.html:3
msgid "Senate"
msgstr "Сенат"

# checked by the editor
# termbase: 88% match
# National Security Committee = Комитет национальной безопасности
#, fuzzy
#| msgid "The Committee said"
msgid "The National Security Committee said"
msgstr "Комитет национальной безопасности заявил"

msgctxt "menu"
msgid "Ministry of Justice"
msgstr "Минюст"

# termbase: 91% match
#, fuzzy, c-format
msgid "%d deputy"
msgid_plural "%d deputies"
msgstr[0] "%d депутат"
msgstr[1] "%d депутатов"
msgstr[2] "%d депутатов"

msgid "Majilis"
msgstr ""

#~ msgid "Old heading"
#~ msgstr "Старый заголовок"
'''


@pytest.fixture
def po_ru(tmp_path) -> Path:
    path = tmp_path / "news.ru.po"
    path.write_text(PO_RU, encoding="utf-8")
    return path


def test_po_exact_fuzzy_none_plural_notes_and_obsolete(po_ru, tmp_path):
    out = tmp_path / "out.po"
    fill = Recorder()
    stats = get_format("po").write_filled(po_ru, out, fill)
    assert stats == FillStats(units=5, exact=1, fuzzy=2, empty=1, kept=1)
    assert out.read_text(encoding="utf-8") == PO_RU_FILLED
    assert fill.requests == [
        FillRequest("Senate", None, "en", "ru", 14),
        FillRequest(NSC, None, "en", "ru", 20),
        FillRequest("%d deputy", None, "en", "ru", 28),
        FillRequest("%d deputies", None, "en", "ru", 28),
        FillRequest("Majilis", None, "en", "ru", 34),
    ]
    # what the readers see of the result
    pairs = list(get_format("po").read_pairs(out))
    assert [(p.source, p.target, p.fuzzy) for p in pairs][:2] == [
        ("Senate", "Сенат", False), (NSC, "Комитет национальной безопасности заявил", True)]


def test_po_is_filled_a_part_at_a_time_whatever_its_size(po_ru, tmp_path, monkeypatch):
    """The PO file is read in pieces cut between entries, filled and written as it is read (the
    memory a pre-translation needs does not grow with the file): cut into pieces of one line each,
    the result is the same, and a file larger than the input limit for files read whole is filled
    (it was refused: "larger than 1 MB")."""
    from termbase import fsutil

    real = fsutil.Source.iter_text

    def line_by_line(self, **kw):
        for piece in real(self, **kw):
            yield from piece.splitlines(keepends=True)

    monkeypatch.setattr(fsutil.Source, "read_text", lambda *a, **k: pytest.fail("the PO was read whole"))
    monkeypatch.setattr(fsutil.Source, "iter_text", line_by_line)
    out = tmp_path / "out.po"
    fill = Recorder()
    assert get_format("po").write_filled(po_ru, out, fill) == FillStats(units=5, exact=1, fuzzy=2, empty=1, kept=1)
    assert out.read_text(encoding="utf-8") == PO_RU_FILLED
    assert [r.line for r in fill.requests] == [14, 20, 28, 28, 34]
    monkeypatch.undo()

    big = tmp_path / "big.ru.po"
    entries = "".join(f'msgid "Unit {i} of a long catalogue"\nmsgstr ""\n\n' for i in range(40_000))
    big.write_text(PO_RU.split("\n\n", 1)[0] + "\n\n" + entries, encoding="utf-8")
    assert big.stat().st_size > 2**20
    monkeypatch.setenv("TERMBASE_MAX_INPUT_MB", "1")
    stats = get_format("po").write_filled(big, tmp_path / "big.out.po", Recorder())
    assert stats == FillStats(units=40_000, exact=0, fuzzy=0, empty=40_000, kept=0)
    assert (tmp_path / "big.out.po").read_bytes() == big.read_bytes()


def test_po_overwrite_replaces_translations_and_final_removes_fuzzy(po_ru, tmp_path):
    out = tmp_path / "out.po"
    table = {**FILLS, NSC: Fill("КНБ заявил", 100.0, True, ("National Security Committee = КНБ",))}
    stats = get_format("po").write_filled(po_ru, out, Recorder(table), overwrite=True)
    assert stats == FillStats(units=5, exact=3, fuzzy=1, empty=1, kept=0)
    text = out.read_text(encoding="utf-8")
    assert ('# checked by the editor\n# National Security Committee = КНБ\n'
            'msgid "The National Security Committee said"\nmsgstr "КНБ заявил"\n') in text
    assert 'msgctxt "menu"\nmsgid "Ministry of Justice"\nmsgstr "Министерство юстиции"\n' in text
    # filled again: the termbase comments are replaced, not repeated
    again = tmp_path / "again.po"
    get_format("po").write_filled(out, again, Recorder(table), overwrite=True)
    assert again.read_text(encoding="utf-8") == text


def test_po_without_overwrite_keeps_translations_and_none_keeps_all(po_ru, tmp_path):
    out = tmp_path / "out.po"
    stats = get_format("po").write_filled(po_ru, out, lambda request: None, overwrite=True)
    assert stats == FillStats(units=5, exact=0, fuzzy=0, empty=4, kept=1)  # fuzzy counts as untranslated
    assert out.read_text(encoding="utf-8") == PO_RU


def test_po_target_language_from_the_argument_and_escapes(tmp_path):
    src = tmp_path / "a.po"
    src.write_text('msgid "Line one\\nline \\"two\\"\\n"\nmsgstr ""\n', encoding="utf-8")
    out = tmp_path / "b.po"
    with pytest.raises(ParseError) as exc:
        get_format("po").write_filled(src, out, Recorder())
    assert exc.value.needs == "target_lang" and not out.exists()
    fill = Recorder({'Line one\nline "two"\n': Fill('Бірінші\n«екінші»\\', 100.0, True)})
    stats = get_format("po").write_filled(src, out, fill, target_lang="kk-KZ")
    assert stats == FillStats(1, 1, 0, 0, 0) and fill.requests[0].target_lang == "kk"
    # msgstr ends with a newline as msgid does (msgfmt -c); backslashes and quotes escaped
    assert out.read_text(encoding="utf-8") == ('msgid "Line one\\nline \\"two\\"\\n"\n'
                                               'msgstr ""\n"Бірінші\\n"\n"«екінші»\\\\\\n"\n')


def test_broken_po_is_a_parse_error_and_writes_nothing(tmp_path):
    src = tmp_path / "broken.po"
    src.write_text('msgid "Senate"\nmsgstr ""\n\nmsgid "Majilis\nmsgstr ""\n', encoding="utf-8")
    out = tmp_path / "out.po"
    fill = Recorder()
    with pytest.raises(ParseError) as exc:
        get_format("po").write_filled(src, out, fill, target_lang="ru")
    assert (exc.value.path, exc.value.line) == (str(src), 4)
    assert not out.exists() and not list(tmp_path.glob(".out.po*"))


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext msgfmt is not installed")
def test_filled_po_passes_msgfmt_check(po_ru, tmp_path):
    out = tmp_path / "out.po"
    get_format("po").write_filled(po_ru, out, Recorder())
    run = subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


# ------------------------------------------------------------------------------------------- XLIFF
XLIFF_12 = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a CAT tool -->
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="news.html" datatype="html" source-language="en-US" target-language="kk-KZ">
    <body>
      <trans-unit id="t1">
        <source>Senate</source>
      </trans-unit>
      <trans-unit id="t2">
        <source>The National Security Committee said</source>
        <target state="needs-translation"/>
        <note>from the author</note>
      </trans-unit>
      <trans-unit id="t3">
        <source>Ministry of Justice</source>
        <target state="translated">Әділет министрлігі</target>
      </trans-unit>
      <trans-unit id="t4">
        <source>Open <ph id="1">&lt;b&gt;</ph>the report</source>
      </trans-unit>
      <trans-unit id="t5" translate="no">
        <source>Senate</source>
      </trans-unit>
    </body>
  </file>
</xliff>
'''

XLIFF_12_FILLED = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a CAT tool -->
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="news.html" datatype="html" source-language="en-US" target-language="kk-KZ">
    <body>
      <trans-unit id="t1">
        <source>Senate</source>
        <target xml:lang="kk-KZ" state="final" state-qualifier="exact-match">Сенат</target>
      </trans-unit>
      <trans-unit id="t2">
        <source>The National Security Committee said</source>
        <target state="needs-review-translation" xml:lang="kk-KZ" state-qualifier="fuzzy-match">Ұлттық қауіпсіздік комитеті мәлімдеді</target>
        <note>from the author</note>
        <note from="termbase">88% match</note>
        <note from="termbase">National Security Committee = Ұлттық қауіпсіздік комитеті</note>
        <alt-trans match-quality="88" origin="termbase">
          <source xml:lang="en-US">The National Security Committee has said</source>
          <target xml:lang="kk-KZ">Ұлттық қауіпсіздік комитеті мәлімдеді</target>
        </alt-trans>
      </trans-unit>
      <trans-unit id="t3">
        <source>Ministry of Justice</source>
        <target state="translated">Әділет министрлігі</target>
      </trans-unit>
      <trans-unit id="t4">
        <source>Open <ph id="1">&lt;b&gt;</ph>the report</source>
      </trans-unit>
      <trans-unit id="t5" translate="no">
        <source>Senate</source>
      </trans-unit>
    </body>
  </file>
</xliff>
'''

KK = {
    "Senate": Fill("Сенат", 100.0, True),
    NSC: Fill(NSC_KK, 87.6, False, ("National Security Committee = Ұлттық қауіпсіздік комитеті",),
              "The National Security Committee has said"),
    "Ministry of Justice": Fill("Әділет министрлігі!", 70.0, False),
    "Open the report": Fill("Есепті ашыңыз", 100.0, True),
}


def test_xliff_12_filled_exactly_and_schema_valid(tmp_path):
    src, out = tmp_path / "news.kk.xlf", tmp_path / "out.xlf"
    src.write_text(XLIFF_12, encoding="utf-8")
    fill = Recorder(KK)
    stats = get_format("xliff").write_filled(src, out, fill)
    # t4 has inline code: not asked, left empty; t5 is translate="no": not a unit
    assert stats == FillStats(units=4, exact=1, fuzzy=1, empty=1, kept=1)
    assert [r.source for r in fill.requests] == ["Senate", NSC]
    assert fill.requests[0] == FillRequest("Senate", None, "en", "kk", 6)
    assert out.read_text(encoding="utf-8") == XLIFF_12_FILLED
    assert_valid(out, "xliff-core-1.2-strict.xsd")
    # filled again: termbase's notes and match replaced, not added twice; the author's note kept
    again = tmp_path / "again.xlf"
    get_format("xliff").write_filled(out, again, Recorder(KK), overwrite=True)
    text = again.read_text(encoding="utf-8")
    assert [text.count(s) for s in ("88% match", "National Security Committee = ", "<alt-trans", "from the author")] \
        == [1, 1, 1, 1]
    assert_valid(again, "xliff-core-1.2-strict.xsd")
    # the reader sees the fuzzy fill as fuzzy
    assert [(p.id, p.fuzzy, p.translated) for p in get_format("xliff").read_pairs(out)][:2] == [
        ("t1", False, True), ("t2", True, True)]


def test_xliff_12_overwrite_and_target_language_from_the_argument(tmp_path):
    src, out = tmp_path / "a.xlf", tmp_path / "b.xlf"
    src.write_text(XLIFF_12.replace(' target-language="kk-KZ"', ""), encoding="utf-8")
    with pytest.raises(ParseError) as exc:
        get_format("xliff").write_filled(src, out, Recorder(KK))
    assert (exc.value.needs, exc.value.line) == ("target_lang", 4) and not out.exists()
    stats = get_format("xliff").write_filled(src, out, Recorder(KK), target_lang="kk", overwrite=True)
    assert stats == FillStats(units=4, exact=1, fuzzy=2, empty=1, kept=0)
    text = out.read_text(encoding="utf-8")
    assert 'source-language="en-US" target-language="kk">' in text
    assert ('<target state="needs-review-translation" xml:lang="kk" state-qualifier="fuzzy-match">'
            'Әділет министрлігі!</target>\n        <note from="termbase">70% match</note>\n') in text
    assert_valid(out, "xliff-core-1.2-strict.xsd")


XLIFF_2 = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>Senate</source>
      </segment>
    </unit>
    <unit id="u2">
      <notes>
        <note>keep</note>
      </notes>
      <segment id="s1" state="initial">
        <source>The National Security Committee said</source>
        <target>Старый черновик</target>
      </segment>
      <segment id="s2" state="translated">
        <source>Ministry of Justice</source>
        <target>Минюст</target>
      </segment>
    </unit>
    <unit id="u3">
      <segment>
        <source>Majilis</source>
      </segment>
    </unit>
  </file>
</xliff>
'''

XLIFF_2_FILLED = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
  <file id="f1">
    <unit id="u1">
      <segment state="final">
        <source>Senate</source>
        <target>Сенат</target>
      </segment>
    </unit>
    <unit id="u2">
      <mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0">
        <mtc:match ref="#s1" similarity="88" matchQuality="88" type="tm" origin="termbase">
          <source>The National Security Committee has said</source>
          <target>Комитет национальной безопасности заявил</target>
        </mtc:match>
      </mtc:matches>
      <notes>
        <note>keep</note>
        <note category="termbase">s1: 88% match</note>
        <note category="termbase">s1: National Security Committee = Комитет национальной безопасности</note>
      </notes>
      <segment id="s1" state="initial">
        <source>The National Security Committee said</source>
        <target>Комитет национальной безопасности заявил</target>
      </segment>
      <segment id="s2" state="translated">
        <source>Ministry of Justice</source>
        <target>Минюст</target>
      </segment>
    </unit>
    <unit id="u3">
      <segment>
        <source>Majilis</source>
      </segment>
    </unit>
  </file>
</xliff>
'''


def test_xliff_2_filled_exactly_and_schema_valid(tmp_path):
    src, out = tmp_path / "news.ru.xliff", tmp_path / "out.xliff"
    src.write_text(XLIFF_2, encoding="utf-8")
    stats = get_format("xliff").write_filled(src, out, Recorder())
    assert stats == FillStats(units=4, exact=1, fuzzy=1, empty=1, kept=1)
    assert out.read_text(encoding="utf-8") == XLIFF_2_FILLED
    assert_valid(out, "xliff_core_2.0.xsd")
    # a unit filled again gets its termbase notes replaced; a unit without notes gets <notes>
    again = tmp_path / "again.xliff"
    table = {**FILLS, "Majilis": Fill("Мажилис", 75.0, False)}
    get_format("xliff2").write_filled(out, again, Recorder(table), overwrite=True)
    text = again.read_text(encoding="utf-8")
    assert text.count("s1: 88% match") == 1
    assert text.count("<mtc:match ") == 1  # termbase's match replaced; a segment without an id has none
    assert ('<unit id="u3">\n      <notes><note category="termbase">75% match</note></notes>\n'
            '      <segment state="initial">') in text
    assert_valid(again, "xliff_core_2.0.xsd")


def test_xliff_2_without_target_language_takes_the_argument(tmp_path):
    src, out = tmp_path / "a.xlf", tmp_path / "b.xlf"
    src.write_text(XLIFF_2.replace(' trgLang="ru"', ""), encoding="utf-8")
    stats = get_format("xliff").write_filled(src, out, Recorder(), target_lang="ru")
    assert stats.exact == 1 and 'srcLang="en" trgLang="ru"' in out.read_text(encoding="utf-8")


def test_broken_xliff_is_a_parse_error_and_writes_nothing(tmp_path):
    src, out = tmp_path / "broken.xlf", tmp_path / "out.xlf"
    src.write_text(XLIFF_12.replace("</source>\n      </trans-unit>\n      <trans-unit id=\"t2\">", "\n"),
                   encoding="utf-8")
    with pytest.raises(ParseError) as exc:
        get_format("xliff").write_filled(src, out, Recorder(KK))
    assert exc.value.path == str(src) and exc.value.line and "malformed XML" in str(exc.value)
    assert not out.exists()
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="1.2"/>', encoding="utf-8")
    with pytest.raises(ParseError, match="entities"):
        get_format("xliff").write_filled(bomb, out, Recorder(KK))


def test_an_xliff_to_pre_translate_is_streamed_whatever_its_size(tmp_path, monkeypatch):
    """An XLIFF file is filled a unit at a time, as a PO file is: a file larger than the input limit
    for files read whole is filled (it was refused: "larger than 1 MB"); standard input, spooled, is
    still bounded by it, one error naming the limit and nothing written."""
    src, out = tmp_path / "big.xlf", tmp_path / "out.xlf"
    units = "".join(f'<trans-unit id="u{i}"><source>Unit {i} of a long file</source></trans-unit>\n'
                    for i in range(30_000))
    src.write_text(XLIFF_12.replace("<body>", "<body>\n" + units, 1), encoding="utf-8")
    assert src.stat().st_size > 2**20
    monkeypatch.setenv("TERMBASE_MAX_INPUT_MB", "1")
    stats = get_format("xliff").write_filled(src, out, Recorder(KK))
    assert stats == FillStats(units=30_004, exact=1, fuzzy=1, empty=30_001, kept=1)
    assert out.read_text(encoding="utf-8").endswith(XLIFF_12_FILLED.split("<body>\n", 1)[1])
    with open(src, "rb") as stdin, pytest.raises(ParseError) as exc:
        get_format("xliff").write_filled(Source.of(stdin, name="<stdin>"), tmp_path / "never.xlf", Recorder(KK))
    assert str(exc.value) == "<stdin>: larger than 1 MB (limit 1 MB; set TERMBASE_MAX_INPUT_MB to change it)"
    assert not (tmp_path / "never.xlf").exists()


def _many_units(n: int) -> str:
    """XLIFF_12 with ``n`` more units (alternately known and unknown sources) before its own."""
    units = "".join(f'      <trans-unit id="m{i}">\n        <source>{"Senate" if i % 2 else f"Unit {i}"}</source>\n'
                    "      </trans-unit>\n" for i in range(n))
    return XLIFF_12.replace("<body>\n", "<body>\n" + units, 1)


def test_xliff_malformed_late_in_the_file_is_a_parse_error_and_writes_nothing(tmp_path):
    """Malformed XML after thousands of units already filled and written: the error names the file,
    the line and the problem, and neither the output nor its temporary file is left behind (nor
    anything on standard output)."""
    src, out = tmp_path / "late.xlf", tmp_path / "out.xlf"
    text = _many_units(3000)
    at = text.rindex("<source>Senate</source>")  # in t5, the last unit
    text = text[:at] + "<source>Senate</sorce>" + text[at + 23:]
    src.write_text(text, encoding="utf-8")
    line = text[:at].count("\n") + 1
    fill = Recorder(KK)
    with pytest.raises(ParseError) as exc:
        get_format("xliff").write_filled(src, out, fill)
    assert (exc.value.path, exc.value.line) == (str(src), line) and line > 9000
    assert str(exc.value).startswith(f"{src}:{line}: malformed XML: ") and "\n" not in str(exc.value)
    assert len(fill.requests) > 1000  # the units before it were filled (and written) first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late.xlf"]


def test_xliff_unfinished_cdata_late_is_a_one_line_error(tmp_path):
    """libxml2 follows "CData section not finished" with the text after it, on lines of their own:
    the error is its first line only (it was several lines, the fuzzer's find on the reader too)."""
    src, out = tmp_path / "cdata.xlf", tmp_path / "out.xlf"
    text = _many_units(3000)
    at = text.rindex("<source>Senate</source>")
    src.write_text(text[:at] + "<source><![CDATA[Senate</source>" + text[at + 23:], encoding="utf-8")
    line = text[:at].count("\n") + 1
    with pytest.raises(ParseError) as exc:
        get_format("xliff").write_filled(src, out, Recorder(KK))
    assert str(exc.value) == f"{src}:{exc.value.line}: malformed XML: CData section not finished"
    assert exc.value.line >= line and not out.exists()
    with pytest.raises(ParseError) as exc:
        list(get_format("xliff").read_pairs(src))
    assert str(exc.value) == f"{src}:{exc.value.line}: malformed XML: CData section not finished"


def test_xliff_malformed_late_writes_nothing_on_standard_output(tmp_path, capsysbinary):
    src = tmp_path / "late.xlf"
    src.write_text(_many_units(3000).replace("</body>", "</bdy>"), encoding="utf-8")
    with pytest.raises(ParseError, match="malformed XML"):
        get_format("xliff").write_filled(src, "-", Recorder(KK))
    assert capsysbinary.readouterr().out == b""
    src.write_text(XLIFF_12, encoding="utf-8")
    get_format("xliff").write_filled(src, "-", Recorder(KK))
    assert capsysbinary.readouterr().out.decode("utf-8") == XLIFF_12_FILLED


XLIFF_12_MARKED = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="view.xsl"?>
<!-- exported by a CAT tool -->
<x:xliff version="1.2" xmlns:x="urn:oasis:names:tc:xliff:document:1.2">
  <x:file original="news.html" datatype="html" source-language="en" target-language="ru">
    <x:body>
      <!-- part one --><?cat-tool segment="1"?>
      <x:group id="g1">
        <x:trans-unit id="t1" xmlns:x="urn:oasis:names:tc:xliff:document:1.2">
          <!-- checked --><x:source><![CDATA[Senate]]></x:source>
        </x:trans-unit>
        <?cat-tool segment="2"?>
        <x:trans-unit id="t2" xmlns:its="http://www.w3.org/2005/11/its">
          <x:source>The National Security Committee said</x:source>
          <?cat-tool lock="no"?>
        </x:trans-unit>
      </x:group>
      <!-- the end -->
    </x:body>
  </x:file>
</x:xliff>
<!-- after the root -->
"""

# As the whole tree was written (lxml): namespace declarations before attributes, CDATA as text.
XLIFF_12_MARKED_FILLED = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="view.xsl"?>
<!-- exported by a CAT tool -->
<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <x:file original="news.html" datatype="html" source-language="en" target-language="ru">
    <x:body>
      <!-- part one --><?cat-tool segment="1"?>
      <x:group id="g1">
        <x:trans-unit xmlns:x="urn:oasis:names:tc:xliff:document:1.2" id="t1">
          <!-- checked --><x:source>Senate</x:source>
        <x:target xml:lang="ru" state="final" state-qualifier="exact-match">Сенат</x:target>
        </x:trans-unit>
        <?cat-tool segment="2"?>
        <x:trans-unit xmlns:its="http://www.w3.org/2005/11/its" id="t2">
          <x:source>The National Security Committee said</x:source>
          <x:target xml:lang="ru" state="needs-review-translation" state-qualifier="fuzzy-match">Комитет национальной безопасности заявил</x:target>
          <x:note from="termbase">88% match</x:note>
          <x:note from="termbase">National Security Committee = Комитет национальной безопасности</x:note>
          <x:alt-trans match-quality="88" origin="termbase">
            <x:source xml:lang="en">The National Security Committee has said</x:source>
            <x:target xml:lang="ru">Комитет национальной безопасности заявил</x:target>
          </x:alt-trans>
          <?cat-tool lock="no"?>
        </x:trans-unit>
      </x:group>
      <!-- the end -->
    </x:body>
  </x:file>
</x:xliff>
<!-- after the root -->
"""


def test_xliff_comments_processing_instructions_and_namespaces_kept(tmp_path):
    """Comments and processing instructions before, inside and after the root, in containers and in
    units, stay where they were; a prefixed XLIFF namespace, a unit declaring it again and a unit
    declaring one of its own keep their declarations (and get no others)."""
    src, out = tmp_path / "marked.xlf", tmp_path / "out.xlf"
    src.write_text(XLIFF_12_MARKED, encoding="utf-8")
    assert get_format("xliff").write_filled(src, out, Recorder()) == FillStats(2, 1, 1, 0, 0)
    assert out.read_text(encoding="utf-8") == XLIFF_12_MARKED_FILLED
    assert_valid(out, "xliff-core-1.2-strict.xsd")


def test_xliff_filler_does_not_hold_the_units_it_has_written(tmp_path, monkeypatch):
    """While a unit is filled, the document in memory holds the unit and what the parser has read
    ahead (lxml reads 32 KB at a time), not the units before it: counted at every 100th question on a
    file of 5,000 units (all of them were held: the whole tree was parsed first)."""
    from termbase.formats import xliff_fill

    src = tmp_path / "many.xlf"
    src.write_text(_many_units(5000), encoding="utf-8")
    alive: list[int] = []
    real = xliff_fill._XliffFiller._ask

    def counting(self, source_el, *args):
        if len(alive) < 100 and self.units % 100 == 0:
            root = source_el.getroottree().getroot()
            alive.append(sum(1 for _ in root.iter("{urn:oasis:names:tc:xliff:document:1.2}trans-unit")))
        return real(self, source_el, *args)

    monkeypatch.setattr(xliff_fill._XliffFiller, "_ask", counting)
    stats = get_format("xliff").write_filled(src, tmp_path / "out.xlf", Recorder(KK))
    assert stats.units == 5004 and len(alive) == 50
    assert max(alive) < 32 * 1024 // 70  # a unit takes 70 bytes or more
    assert (tmp_path / "out.xlf").read_text(encoding="utf-8").count("<trans-unit") == 5005


def test_formats_that_cannot_fill_say_so(tmp_path):
    with pytest.raises(UnsupportedFormat, match="translations filled in cannot be written as tmx"):
        get_format("tmx").write_filled(tmp_path / "a.tmx", tmp_path / "b.tmx", Recorder())


# ------------------------------------------------------------------------------------ XLIFF export
UNITS = [
    TranslationUnit({"en": "Senate", "kk": "Сенат", "ru": "Сенат"}, note="upper house & co", id=7),
    TranslationUnit({"en": "The National Security Committee said", "kk": NSC_KK}),
    TranslationUnit({"en": "Ministry of Justice", "ru": "Министерство юстиции"}),
    TranslationUnit({"kk": "Мәжіліс", "ru": "Мажилис"}),  # no English: skipped
]

XLIFF_12_EXPORT = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="termbase" datatype="plaintext" source-language="en" target-language="kk">
    <body>
      <trans-unit id="7">
        <source>Senate</source>
        <target state="translated">Сенат</target>
        <note>upper house &amp; co</note>
      </trans-unit>
      <trans-unit id="2">
        <source>The National Security Committee said</source>
        <target state="translated">Ұлттық қауіпсіздік комитеті мәлімдеді</target>
      </trans-unit>
    </body>
  </file>
  <file original="termbase" datatype="plaintext" source-language="en" target-language="ru">
    <body>
      <trans-unit id="7">
        <source>Senate</source>
        <target state="translated">Сенат</target>
        <note>upper house &amp; co</note>
      </trans-unit>
      <trans-unit id="3">
        <source>Ministry of Justice</source>
        <target state="translated">Министерство юстиции</target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''

XLIFF_2_EXPORT = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
  <file id="f1" original="termbase">
    <unit id="7">
      <notes><note>upper house &amp; co</note></notes>
      <segment state="translated">
        <source>Senate</source>
        <target>Сенат</target>
      </segment>
    </unit>
    <unit id="3">
      <segment state="translated">
        <source>Ministry of Justice</source>
        <target>Министерство юстиции</target>
      </segment>
    </unit>
  </file>
</xliff>
'''


def test_xliff_12_export_one_file_per_target_language(tmp_path):
    out = tmp_path / "memory.xlf"
    fmt = format_for_output(str(out), writes="units")
    assert fmt.name == "xliff"
    assert fmt.write_units(UNITS, out, source_lang="en", target_langs=["kk", "ru"]) == 3
    assert out.read_text(encoding="utf-8") == XLIFF_12_EXPORT
    assert_valid(out, "xliff-core-1.2-strict.xsd")
    back = list(get_format("xliff").read_units(out))
    assert [(u.texts, u.context) for u in back[:2]] == [
        ({"en": "Senate", "kk": "Сенат"}, "7"), ({"en": "The National Security Committee said", "kk": NSC_KK}, "2")]


def test_xliff_2_export_one_target_language(tmp_path):
    out = tmp_path / "memory.xlf"
    fmt = get_format("xliff2")
    assert fmt.write_units(UNITS, out, source_lang="en", target_langs=["ru"]) == 2
    assert out.read_text(encoding="utf-8") == XLIFF_2_EXPORT
    assert_valid(out, "xliff_core_2.0.xsd")
    # read back as any XLIFF; .xlf is still recognised as "xliff"
    assert format_for(Source.of(out), reads="units").name == "xliff"
    assert [u.texts["ru"] for u in get_format("xliff2").read_units(out)] == ["Сенат", "Министерство юстиции"]


def test_xliff_2_export_refuses_several_target_languages_and_writes_nothing(tmp_path):
    out = tmp_path / "memory.xlf"
    with pytest.raises(ValidationError, match="one target language, not kk, ru") as exc:
        get_format("xliff2").write_units(UNITS, out, source_lang="en", target_langs=["kk", "ru"])
    assert exc.value.needs == "langs" and not out.exists()
    with pytest.raises(ValidationError, match="no unit has both en and kk text"):
        get_format("xliff2").write_units(UNITS[2:], out, source_lang="en", target_langs=["kk"])
    assert not out.exists()


def test_xliff_export_white_space_is_preserved(tmp_path):
    out = tmp_path / "m.xlf"
    units = [TranslationUnit({"en": "Two  spaces\nand a line", "kk": "Екі  бос орын"})]
    get_format("xliff").write_units(units, out, source_lang="en", target_langs=["kk"])
    assert '<trans-unit id="1" xml:space="preserve">' in out.read_text(encoding="utf-8")
    assert_valid(out, "xliff-core-1.2-strict.xsd")
    assert next(get_format("xliff").read_units(out)).texts["en"] == "Two  spaces\nand a line"
