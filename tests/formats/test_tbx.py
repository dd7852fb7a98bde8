"""TBX: the TBX-Basic v3 writer (golden file), readers for TBX v3/v2 files from other tools, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from termbase.errors import ParseError, ValidationError
from termbase.formats import get_format
from termbase.formats.tbx import TBX3_NS, decode_id, encode_id
from termbase.models import Concept, Term

DATA = Path(__file__).parents[1] / "data" / "formats"
GOLDEN = DATA / "golden"
TBX = get_format("tbx")

CONCEPTS = [
    Concept(
        "apk",
        (
            Term("en", "Assembly of People of Kazakhstan", pos="noun"),
            Term("en", "APK", "admitted", "acronym"),
            Term("en", "Assembly of Peoples of Kazakhstan", "deprecated", note="plural is wrong"),
            Term("kk", "Қазақстан халқы Ассамблеясы"),
            Term("kk", "ҚХА", "admitted", "acronym"),
            Term("ru", "Ассамблея народа Казахстана"),
            Term("ru", "АНК", "admitted", "acronym"),
        ),
        subject="public-body",
        definition='Consultative body "of all ethnic groups" & <centres>',
        note="Renamed in 2007",
        source="akorda.kz; adilet.zan.kz",
    ),
    Concept(
        "c-12",
        (
            Term("ru", "Министерство иностранных дел"),
            Term("kk", "Сыртқы істер министрлігі", pos="proper noun"),
            Term("kk", "СІМ", "proposed", "abbreviation", note="ресми қысқартуы белгісіз"),
            Term("kk", "Сыртқы істер министрлiгi", "forbidden", "variant", note="Latin і: ә ғ қ ң ө ұ ү һ і"),
            Term("en", "Foreign Ministry", "admitted", "short"),
        ),
    ),
    Concept("12 жаңа", (Term("kk", "жаңа"),)),
    Concept(None, (Term("en", "Senate"), Term("ru", "Сенат")), note="first line\r\nsecond line"),
]


def read(name: str) -> list[Concept]:
    return list(TBX.read_concepts(DATA / name))


# -- writing ---------------------------------------------------------------------------------------


def test_export_matches_golden_file(tmp_path):
    # The golden file passes /work/shared/tools/check-tbx.sh (TBX core RNG + TBX-Basic DCA Schematron).
    out = tmp_path / "sample.tbx"
    assert TBX.write_concepts(CONCEPTS, out) == 4
    golden = GOLDEN / "sample.tbx"
    if os.environ.get("TERMBASE_REGEN_GOLDEN"):
        golden.write_bytes(out.read_bytes())
    assert out.read_text(encoding="utf-8") == golden.read_text(encoding="utf-8")


def test_golden_file_reads_back_exactly():
    back = list(TBX.read_concepts(GOLDEN / "sample.tbx"))
    assert back[0] == CONCEPTS[0]
    # languages are written en, kk, ru
    assert back[1] == Concept("c-12", (CONCEPTS[1].terms[4], *CONCEPTS[1].terms[1:4], CONCEPTS[1].terms[0]))
    assert back[2:] == CONCEPTS[2:]


def test_root_header_and_dialect_declaration(tmp_path):
    out = tmp_path / "t.tbx"
    TBX.write_concepts(CONCEPTS[:1], out, langs=["kk", "ru"])
    tree = etree.parse(str(out))
    root = tree.getroot()
    assert root.tag == f"{{{TBX3_NS}}}tbx"
    assert (root.get("type"), root.get("style"), root.get("{http://www.w3.org/XML/1998/namespace}lang")) == (
        "TBX-Basic", "dca", "kk",
    )
    pis = [pi.get("href") for pi in root.itersiblings(preceding=True)]
    assert [h.rsplit("/", 1)[1] for h in reversed(pis)] == [
        "TBXcoreStructV03_TBX-Basic_integrated.rng", "TBX-Basic_DCA.sch",
    ]
    langs = [ls.get("{http://www.w3.org/XML/1998/namespace}lang") for ls in root.iter(f"{{{TBX3_NS}}}langSec")]
    assert langs == ["kk", "ru"]


def test_statuses_outside_tbx_basic_are_kept_in_a_termnotegrp(tmp_path):
    out = tmp_path / "t.tbx"
    TBX.write_concepts([Concept("x", (Term("kk", "а", "proposed"), Term("kk", "б", "forbidden")))], out)
    ns = {"t": TBX3_NS}
    groups = etree.parse(str(out)).findall(".//t:termNoteGrp", ns)
    assert [(g.findtext("t:termNote", namespaces=ns), g.findtext("t:note", namespaces=ns)) for g in groups] == [
        ("admittedTerm-admn-sts", "termbase status: proposed"),
        ("deprecatedTerm-admn-sts", "termbase status: forbidden"),
    ]


def test_carriage_return_survives_as_a_character_reference(tmp_path):
    out = tmp_path / "t.tbx"
    TBX.write_concepts(CONCEPTS[3:], out)
    assert "<note>first line&#13;\nsecond line</note>" in out.read_text(encoding="utf-8")


def test_empty_export_has_no_body(tmp_path):
    out = tmp_path / "t.tbx"
    assert TBX.write_concepts([], out) == 0
    assert out.read_text(encoding="utf-8").endswith("  <text>\n  </text>\n</tbx>\n")
    assert list(TBX.read_concepts(out)) == []


@pytest.mark.parametrize(
    "concept, message",
    [
        (Concept("x", ()), "concept 'x' has no terms"),
        (Concept("x", (Term("kk", "a\x0bb"),)), r"holds the control character U\+000B"),
        (Concept("x", (Term("kk", "сөз"),), note="\ufffe"), r"note contains U\+FFFE"),
        (Concept("x", (Term("kk", "сөз", type="long"),)), "unknown type 'long'"),
        (Concept("x", (Term("kk", "  "),)), "empty kk term"),
        (Concept("x", (Term("k k", "сөз"),)), "not a valid xml:lang"),
    ],
)
def test_invalid_concepts_are_refused(tmp_path, concept, message):
    with pytest.raises(ValidationError, match=message):
        TBX.write_concepts([concept], tmp_path / "t.tbx")


def test_duplicate_ids_are_refused(tmp_path):
    c = Concept("apk", (Term("en", "APK"),))
    with pytest.raises(ValidationError, match="'apk' appears twice"):
        TBX.write_concepts([c, c], tmp_path / "t.tbx")


# -- concept ids -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cid, xml_id",
    [
        ("apk", "apk"),
        ("min-foreign-affairs", "min-foreign-affairs"),
        ("c-12", "c-12"),
        ("a_b.c", "a_b.c"),
        ("12", "_12"),
        ("_x", "__5f_x"),
        ("a b", "_a_20_b"),
        ("сенат", "__441__435__43d__430__442_"),
        ("", "_"),
    ],
)
def test_ids_are_encoded_as_ncnames_and_decoded(cid, xml_id):
    assert encode_id(cid, 1) == xml_id
    assert decode_id(xml_id) == cid


def test_foreign_ids_are_kept():
    assert [decode_id(x) for x in ("c1", "_abc", "_1_", "__new", "_a_20_b_")] == ["c1", "_abc", "_1_", "__new", "_a_20_b_"]
    assert decode_id("__new7") is None


@given(st.text())
def test_any_id_round_trips_through_an_ncname(cid):
    xml_id = encode_id(cid, 1)
    assert decode_id(xml_id) == cid
    # NCName: lxml refuses anything else as an attribute value of type ID only via the schema, so
    # check the shape directly: a letter or "_" first, then letters, digits, ".", "-", "_".
    assert xml_id[0].isascii() and (xml_id[0].isalpha() or xml_id[0] == "_")
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in xml_id)


# -- reading files from other tools ----------------------------------------------------------------


def test_reads_tbx_v2_as_translate_toolkit_and_weblate_write_it():
    assert read("v2-translate-toolkit.tbx") == [
        Concept(
            None,
            (Term("en", "translation memory"), Term("kk", "аударма жады")),
            definition="Stored pairs of source and target segments",
            note="Weblate: ә ғ қ ң ө ұ ү һ і",
        ),
        Concept(None, (Term("en", "Q&A <beta>"), Term("ru", "«Вопросы и ответы»"))),
    ]


def test_reads_tbx_basic_v2_with_ntig_groups_and_other_status_values():
    assert read("v2-basic.tbx") == [
        Concept(
            "min-foreign-affairs",
            (
                Term("en", "Ministry of Foreign Affairs", note="official English name"),
                Term("en", "MFA", "admitted", "acronym"),
                Term("kk", "Сыртқы істер министрлігі", pos="noun"),
                Term("kk", "СІМ", "admitted", "acronym"),  # no status, not first: admitted
                Term("ru", "Министерство иностранных дел"),  # normativeAuthorization standardizedTerm
                Term("ru", "МИД", "deprecated", "abbreviation", note="context: МИД РК сообщил & подтвердил"),
            ),
            subject="ministry",
            definition="Central executive body for foreign policy",
            source="gov.kz",
        )
    ]


def test_reads_v3_draft_namespace_with_langsec_metadata_and_status_notes():
    assert read("v3-draft-ns.tbx") == [
        Concept(
            "c1",
            (
                Term("en", "Senate", pos="noun", note="context: The Senate adopted the law.\nsource: akorda.kz"),
                Term("kk", "Сенат"),
                Term("kk", "Парламент Сенаты", "forbidden"),
                # preferredTerm beside a "forbidden" note: the note is stale, the status wins
                Term("kk", "жоғарғы палата", "preferred"),
            ),
            subject="parliament",
            definition="The upper chamber of the Parliament",
            note="Upper chamber\n[kk] ресми атауы\n[kk] definition: Парламенттің жоғарғы палатасы",
            source="parlam.kz",
        )
    ]


def test_reads_v3_dct_style():
    assert read("v3-dct.tbx") == [
        Concept(
            "knb",
            (
                Term("ru", "Комитет национальной безопасности", pos="noun"),
                Term("ru", "КНБ", "admitted", "acronym"),
            ),
            subject="law-enforcement",
            definition="State security service",
        )
    ]


# -- malformed input -------------------------------------------------------------------------------

V3_HEAD = f'<?xml version="1.0"?>\n<tbx xmlns="{TBX3_NS}" type="TBX-Basic" style="dca" xml:lang="en">\n'
V3_HEADER = "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n<text><body>\n"


def entry(lang: str = "kk", term: str = "<term>сөз</term>", extra: str = "", cid: str = "c1") -> str:
    return f'<conceptEntry id="{cid}"><langSec xml:lang="{lang}"><termSec>{term}{extra}</termSec></langSec></conceptEntry>\n'


def tbx_file(tmp_path, body: str, *, tail: str = "</body></text>\n</tbx>\n") -> Path:
    path = tmp_path / "in.tbx"
    path.write_text(V3_HEAD + V3_HEADER + body + tail, encoding="utf-8")
    return path


def test_malformed_xml_has_file_and_line(tmp_path):
    path = tbx_file(tmp_path, entry() + "<conceptEntry id='c2'>\n<langSec>\n", tail="</body></text></tbx>\n")
    with pytest.raises(ParseError) as err:
        list(TBX.read_concepts(path))
    assert err.value.path == str(path)
    assert err.value.line == 8  # the </body> that does not close <langSec>
    assert "malformed XML" in str(err.value)


def test_reading_streams_concept_by_concept(tmp_path):
    # The first concept is delivered before the parser reaches the broken end of the file.
    path = tbx_file(tmp_path, entry() + "\n" * 50 + "<conceptEntry id='c2'><oops>", tail="")
    concepts = TBX.read_concepts(path)
    assert next(concepts) == Concept("c1", (Term("kk", "сөз"),))
    with pytest.raises(ParseError, match="malformed XML"):
        next(concepts)


def test_xml_that_is_not_tbx(tmp_path):
    path = tmp_path / "a.tbx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body/></tmx>\n', encoding="utf-8")
    with pytest.raises(ParseError, match=r"a.tbx:2: not a TBX file: the root element is <tmx>"):
        list(TBX.read_concepts(path))


def test_tbx_v3_element_without_namespace_is_not_tbx(tmp_path):
    path = tmp_path / "a.tbx"
    path.write_text('<tbx type="TBX-Basic" style="dca" xml:lang="en"/>', encoding="utf-8")
    with pytest.raises(ParseError, match="not a TBX file"):
        list(TBX.read_concepts(path))


def test_unsupported_language_names_file_and_line(tmp_path):
    path = tbx_file(tmp_path, entry() + entry(lang="de", cid="c2"))
    with pytest.raises(ParseError, match=r"in.tbx:6: unknown language 'de': termbase supports en, kk, ru") as err:
        list(TBX.read_concepts(path))
    assert (err.value.path, err.value.line) == (str(path), 6)


def test_kz_is_not_kazakh(tmp_path):
    path = tbx_file(tmp_path, entry(lang="kz"))
    with pytest.raises(ParseError, match="in.tbx:5: 'kz' is a country code"):
        list(TBX.read_concepts(path))


def test_region_subtags_are_normalised(tmp_path):
    path = tbx_file(tmp_path, entry(lang="kk-KZ") + entry(lang="ru-RU", cid="c2"))
    assert [c.terms[0].lang for c in TBX.read_concepts(path)] == ["kk", "ru"]


@pytest.mark.parametrize(
    "body, message",
    [
        (entry(extra='<termNote type="administrativeStatus">approved</termNote>'),
         "in.tbx:5: unknown administrativeStatus 'approved'"),
        (entry(extra='<termNote type="termType">symbol</termNote>'), "in.tbx:5: unsupported termType 'symbol'"),
        (entry(term="<term>  </term>"), "in.tbx:5: empty <term>"),
        (entry(term="<note>no term</note>"), "in.tbx:5: <termSec> without <term>"),
        ('<conceptEntry id="c1"><langSec><termSec><term>a</term></termSec></langSec></conceptEntry>\n',
         "in.tbx:5: <langSec> without xml:lang"),
        ('<conceptEntry id="c1"><note>only a note</note></conceptEntry>\n', "in.tbx:5: concept entry without any term"),
    ],
)
def test_bad_content_is_a_parse_error_with_line(tmp_path, body, message):
    with pytest.raises(ParseError, match=message):
        list(TBX.read_concepts(tbx_file(tmp_path, body)))


def test_entity_declarations_are_refused(tmp_path):
    path = tmp_path / "bomb.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaaaaaa">]>\n<martif xml:lang="en">&a;</martif>\n',
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="declares entities"):
        list(TBX.read_concepts(path))


def test_empty_file(tmp_path):
    path = tmp_path / "e.tbx"
    path.write_text("")
    with pytest.raises(ParseError, match="e.tbx: file is empty"):
        list(TBX.read_concepts(path))


def test_scope_travels_as_a_concept_note_and_reads_back(tmp_path):
    senate = Concept("senate", (Term("en", "Senate"),), note="upper house", scope="KZ")
    out = tmp_path / "s.tbx"
    TBX.write_concepts([senate], out)
    text = out.read_text(encoding="utf-8")
    assert "<note>upper house</note>\n        <note>termbase scope: KZ</note>\n" in text
    (back,) = TBX.read_concepts(out)
    assert (back.scope, back.note) == ("KZ", "upper house")


def test_latin_kazakh_lang_sec_round_trip(tmp_path):
    concept = Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"), Term("kk-Latn", "Senat", "proposed")))
    path = tmp_path / "latn.tbx"
    get_format("tbx").write_concepts([concept], path)
    root = etree.parse(str(path)).getroot()
    langs = root.xpath("//t:langSec/@xml:lang", namespaces={"t": TBX3_NS})
    assert langs == ["en", "kk", "kk-Latn"]
    back = list(get_format("tbx").read_concepts(path))
    assert [(t.lang, t.text, t.status) for t in back[0].terms] == [
        ("en", "Senate", "preferred"), ("kk", "Сенат", "preferred"), ("kk-Latn", "Senat", "proposed")]
    only = tmp_path / "only.tbx"
    get_format("tbx").write_concepts([concept], only, langs=["en", "kk-Latn"])
    assert etree.parse(str(only)).getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert 'xml:lang="kk-Latn"' in only.read_text(encoding="utf-8")
    assert 'xml:lang="kk"' not in only.read_text(encoding="utf-8")
