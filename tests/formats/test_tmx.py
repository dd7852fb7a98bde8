"""TMX 1.4b: exact output, round trips of Kazakh/Russian text, inline markup, malformed input."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termbase.errors import ParseError, TermbaseError
from termbase.formats import format_for, get_format
from termbase.formats.tmx import tmx_date, write_tmx
from termbase.fsutil import Source

read_tmx = get_format("tmx").read_units
from termbase.models import TranslationUnit

UNITS = [
    TranslationUnit(
        {"en": "The Assembly of People of Kazakhstan & <APK>", "kk": "Қазақстан халқы Ассамблеясы (ҚХА)",
         "ru": "Ассамблея народа Казахстана «АНК»"},
        document="speech.en.txt", position=0, score=0.9312,
    ),
    TranslationUnit({"en": 'Tokayev said "yes".\r\nEnd', "ru": "Токаев сказал «да»."}, note="checked", meta={"origin": "align"}),
    TranslationUnit({"kk": "Тек қазақша", "ru": "Только по-русски"}, source_lang="kk"),
    TranslationUnit({"en": "English only"}),
]

EXPECTED = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="termbase" creationtoolversion="V" segtype="sentence" o-tmf="termbase" adminlang="en" srclang="en" datatype="plaintext" creationdate="20240102T030405Z"/>
  <body>
    <tu tuid="1">
      <prop type="x-document">speech.en.txt</prop>
      <prop type="x-position">0</prop>
      <prop type="x-score">0.9312</prop>
      <tuv xml:lang="en"><seg>The Assembly of People of Kazakhstan &amp; &lt;APK&gt;</seg></tuv>
      <tuv xml:lang="kk"><seg>Қазақстан халқы Ассамблеясы (ҚХА)</seg></tuv>
      <tuv xml:lang="ru"><seg>Ассамблея народа Казахстана «АНК»</seg></tuv>
    </tu>
    <tu tuid="2">
      <note>checked</note>
      <prop type="x-origin">align</prop>
      <tuv xml:lang="en"><seg>Tokayev said "yes".&#13;
End</seg></tuv>
      <tuv xml:lang="ru"><seg>Токаев сказал «да».</seg></tuv>
    </tu>
    <tu tuid="3" srclang="kk">
      <tuv xml:lang="kk"><seg>Тек қазақша</seg></tuv>
      <tuv xml:lang="ru"><seg>Только по-русски</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def _normalised(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    import re

    return re.sub(r'creationtoolversion="[^"]*"', 'creationtoolversion="V"', text)


def test_write_exact(tmp_path):
    out = tmp_path / "tm.tmx"
    n = write_tmx(UNITS, out, source_lang="en", target_langs=["kk", "ru"], creation_date="20240102T030405Z")
    assert n == 3
    assert _normalised(out) == EXPECTED


def test_round_trip(tmp_path):
    out = tmp_path / "tm.tmx"
    write_tmx(UNITS, out, source_lang="en", target_langs=["kk", "ru"])
    assert list(read_tmx(out)) == [
        UNITS[0],
        TranslationUnit({"en": 'Tokayev said "yes".\r\nEnd', "ru": "Токаев сказал «да»."}, note="checked",
                        meta={"x-origin": "align"}),
        UNITS[2],
    ]


def test_only_requested_languages_are_written(tmp_path):
    out = tmp_path / "tm.tmx"
    assert write_tmx(UNITS, out, source_lang="en", target_langs=["ru"]) == 2
    assert [u.texts for u in read_tmx(out)] == [
        {"en": UNITS[0].texts["en"], "ru": UNITS[0].texts["ru"]},
        {"en": UNITS[1].texts["en"], "ru": UNITS[1].texts["ru"]},
    ]


def test_characters_illegal_in_xml_are_dropped(tmp_path):
    out = tmp_path / "tm.tmx"
    write_tmx([TranslationUnit({"en": "a\x00b\x1fc\ufffe", "kk": "ә\x0bі\ud800"})], out, source_lang="en", target_langs=["kk"])
    assert [u.texts for u in read_tmx(out)] == [{"en": "abc", "kk": "әі"}]


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
       st.text(alphabet="әғқңөұүһіАаБбЁё «»&<>\"' \n\t", min_size=1))
def test_round_trip_of_arbitrary_text(tmp_path_factory, en, kk):
    out = tmp_path_factory.mktemp("h") / "tm.tmx"
    en = en.replace("\ufffe", "").replace("\uffff", "") or "x"
    write_tmx([TranslationUnit({"en": en, "kk": kk})], out, source_lang="en", target_langs=["kk"])
    assert [u.texts for u in read_tmx(out)] == [{"en": en, "kk": kk}]


def test_many_units_are_written_in_chunks_and_read_back(tmp_path):
    # more units than one write chunk holds; the document changes along the way (its escaped prop is
    # reused while it stays the same)
    units = [
        TranslationUnit(
            {"en": f"Item {i} & <b>", "kk": f"{i}-тармақ «ҚХА»", "ru": f"Пункт {i}\r"},
            document=("a & b.txt" if i < 700 else "c.txt") if i % 500 else None,
            position=i, score=round(i / 2000, 4), context="ctx" if i == 3 else None,
        )
        for i in range(2000)
    ]
    out = tmp_path / "many.tmx"
    assert write_tmx(iter(units), out, source_lang="en", target_langs=["kk", "ru"]) == 2000
    assert list(read_tmx(out)) == units
    text = out.read_text(encoding="utf-8")
    assert text.count('<prop type="x-document">a &amp; b.txt</prop>') == 698
    assert text.endswith("    </tu>\n  </body>\n</tmx>\n")


def test_dates():
    assert tmx_date(0) == "19700101T000000Z"


def test_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert tmx_date() == "19700102T000000Z"


def test_read_inline_markup_and_other_tools_conventions(tmp_path):
    src = tmp_path / "in.tmx"
    src.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
 adminlang="en-US" srclang="EN-US" datatype="html"/>
<body>
<tu><prop type="x-score">0.5</prop>
 <tuv xml:lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> now<ph>&lt;br/&gt;</ph>.</seg></tuv>
 <tuv xml:lang="kk-KZ"><seg><hi type="bold">Сақтау</hi> батырмасын басыңыз<it pos="begin">&lt;i&gt;</it>.</seg></tuv>
</tu>
<tu srclang="*all*"><tuv lang="RU"><seg>Привет</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu>
</body></tmx>""",
        encoding="utf-8",
    )
    assert list(read_tmx(src)) == [
        TranslationUnit({"en": "Press Save now.", "kk": "Сақтау батырмасын басыңыз."}, score=0.5),
        TranslationUnit({"ru": "Привет", "en": "Hello"}),
    ]
    pairs = list(get_format("tmx").read_pairs(src))
    # language codes as written in the file; the line of each <tu>
    assert [(p.source, p.target, p.source_lang, p.target_lang, p.line) for p in pairs] == [
        ("Press Save now.", "Сақтау батырмасын басыңыз.", "en-US", "kk-KZ", 5),
        ("Hello", "Привет", "en", "RU", 9),
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        ('<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n<tu><tuv xml:lang="en"><seg>a</seg></tuv>\n</body></tmx>',
         r"bad\.tmx:5: malformed XML"),
        ('<?xml version="1.0"?>\n<martif>\n</martif>', r"bad\.tmx:2: not a TMX file \(root element <martif>\)"),
        ('<tmx version="1.4"><body>\n<tu><tuv><seg>a</seg></tuv></tu></body></tmx>', r"bad\.tmx:2: <tuv> without xml:lang"),
        ('<tmx version="1.4"><body>\n<tu><tuv xml:lang="de"><seg>a</seg></tuv></tu></body></tmx>',
         r"bad\.tmx:2: language 'de': "),
        ('<tmx version="1.4"><body>\n<tu><tuv xml:lang="en"></tuv></tu></body></tmx>', r"bad\.tmx:2: <tuv> without <seg>"),
        ('<tmx version="1.4"><body><tu>\n<tuv xml:lang="en"><seg>a</seg></tuv>\n<tuv xml:lang="en-GB"><seg>b</seg></tuv>'
         "</tu></body></tmx>", r"bad\.tmx:3: two <tuv> for language 'en' in one <tu>"),
        ('<tmx version="1.4"><body>\n<tu><prop type="x-position">first</prop><tuv xml:lang="en"><seg>a</seg></tuv></tu>'
         "</body></tmx>", r"bad\.tmx:2: bad x-position or x-score prop"),
        ("", r"bad\.tmx: file is empty"),
        ('<!DOCTYPE tmx [<!ENTITY a "aaaa">]><tmx/>', r"refused for safety"),
    ],
)
def test_malformed_input(tmp_path, content, message):
    bad = tmp_path / "bad.tmx"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ParseError, match=message):
        list(read_tmx(bad))


def test_binary_and_missing_files(tmp_path):
    with pytest.raises(ParseError, match="no such file"):
        list(read_tmx(tmp_path / "none.tmx"))
    bad = tmp_path / "bin.tmx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(ParseError, match="malformed XML"):
        list(read_tmx(bad))


def test_registry_and_interface(tmp_path):
    fmt = format_for(Source.of("memory.TMX"), reads="units")
    assert fmt is get_format("tmx") and fmt.reads == {"units", "pairs", "text"} and fmt.writes == {"units"}
    out = tmp_path / "x.tmx"
    assert fmt.write_units(iter(UNITS), out, source_lang="en", target_langs=["kk", "ru"]) == 3
    assert len(list(fmt.read_units(out))) == 3
    with pytest.raises(TermbaseError, match="at least one target language"):
        fmt.write_units(UNITS, out, source_lang="en", target_langs=[])


def test_failed_write_leaves_no_file(tmp_path):
    def units():
        yield UNITS[0]
        raise RuntimeError("disk full")

    out = tmp_path / "x.tmx"
    with pytest.raises(RuntimeError):
        write_tmx(units(), out, source_lang="en", target_langs=["kk"])
    assert list(tmp_path.iterdir()) == []


def test_latin_kazakh_tuv(tmp_path):
    units = [TranslationUnit({"en": "The Senate met.", "kk": "Сенат жиналды.", "kk-Latn": "Senat jinaldy."})]
    write_tmx(units, tmp_path / "t.tmx", source_lang="en", target_langs=["kk", "kk-Latn"])
    text = (tmp_path / "t.tmx").read_text(encoding="utf-8")
    assert '<tuv xml:lang="kk-Latn"><seg>Senat jinaldy.</seg></tuv>' in text
    back = list(get_format("tmx").read_units(tmp_path / "t.tmx"))
    assert back[0].texts == units[0].texts
