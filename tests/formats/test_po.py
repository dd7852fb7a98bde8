"""PO export/import: one file per target language, msgctxt for variants, exact output, bad input."""

import pytest

from termbase.errors import ParseError, TermbaseError
from termbase.formats import format_for, get_format
from termbase.formats.po import PLURAL_FORMS, write_po
from termbase.fsutil import Source

read_po = get_format("po").read_units
from termbase.models import TranslationUnit

UNITS = [
    TranslationUnit(
        {"en": "The Assembly of People of Kazakhstan", "kk": "Қазақстан халқы Ассамблеясы", "ru": "Ассамблея народа Казахстана"},
        document="speech 1.txt", position=0, score=0.93,
    ),
    TranslationUnit({"en": 'Tokayev said "yes".', "ru": "Токаев сказал «да»."}, document="speech.txt", position=1,
                    score=0.42, note="check the quote"),
    TranslationUnit({"en": "Session", "kk": "Сессия", "ru": "Сессия"}, document="a.txt", position=3, score=0.9),
    TranslationUnit({"en": "Session", "kk": "Отырыс", "ru": "Сессия"}, document="b.txt", position=7, score=0.8),
    TranslationUnit({"en": "", "ru": "пусто"}),
    TranslationUnit({"en": "Line\n", "kk": "Жол"}),
]

HEADER = """# Translation memory en -> {lang}, written by termbase.
msgid ""
msgstr ""
"Project-Id-Version: termbase translation memory\\n"
"POT-Creation-Date: 2024-01-02 03:04+0000\\n"
"PO-Revision-Date: 2024-01-02 03:04+0000\\n"
"Last-Translator: termbase (aligned translation memory)\\n"
"Language-Team: {name}\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: {plural}\\n"
"X-Generator: termbase\\n"
"X-Source-Language: en\\n"
"""

KK_BODY = """
#. alignment score: 0.93
#: speech%201.txt:0
msgid "The Assembly of People of Kazakhstan"
msgstr "Қазақстан халқы Ассамблеясы"

#. alignment score: 0.9
#: a.txt:3
msgctxt "a.txt:3"
msgid "Session"
msgstr "Сессия"

#. alignment score: 0.8
#: b.txt:7
msgctxt "b.txt:7"
msgid "Session"
msgstr "Отырыс"

msgid "Line\\n"
msgstr "Жол\\n"
"""

RU_BODY = """
#. alignment score: 0.93
#: speech%201.txt:0
msgid "The Assembly of People of Kazakhstan"
msgstr "Ассамблея народа Казахстана"

# check the quote
#. alignment score: 0.42
#: speech.txt:1
#, fuzzy
msgid "Tokayev said \\"yes\\"."
msgstr "Токаев сказал «да»."

#. alignment score: 0.9
#: a.txt:3 b.txt:7
msgid "Session"
msgstr "Сессия"
"""


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704164645")  # 2024-01-02 03:04:05 UTC


def test_folder_gets_one_file_per_target_language(tmp_path):
    out = tmp_path / "po"
    assert write_po(UNITS, out, source_lang="en", target_langs=["kk", "ru"]) == 5
    assert sorted(p.name for p in out.iterdir()) == ["kk.po", "ru.po"]
    kk = HEADER.format(lang="kk", name="Kazakh", plural=PLURAL_FORMS["kk"]) + KK_BODY
    ru = HEADER.format(lang="ru", name="Russian", plural=PLURAL_FORMS["ru"]) + RU_BODY
    assert (out / "kk.po").read_text(encoding="utf-8") == kk
    assert (out / "ru.po").read_text(encoding="utf-8") == ru


def test_plural_forms():
    assert PLURAL_FORMS["kk"] == "nplurals=2; plural=(n != 1);"
    assert PLURAL_FORMS["ru"] == (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    )


def test_read_back(tmp_path):
    write_po(UNITS, tmp_path, source_lang="en", target_langs=["kk", "ru"])
    assert list(read_po(tmp_path / "ru.po")) == [
        TranslationUnit({"en": "The Assembly of People of Kazakhstan", "ru": "Ассамблея народа Казахстана"},
                        document="speech 1.txt", position=0, score=0.93),
        TranslationUnit({"en": 'Tokayev said "yes".', "ru": "Токаев сказал «да»."}, document="speech.txt", position=1,
                        score=0.42, note="check the quote", meta={"fuzzy": "yes"}),
        TranslationUnit({"en": "Session", "ru": "Сессия"}, document="a.txt", position=3, score=0.9),
    ]
    kk = list(read_po(tmp_path / "kk.po"))
    assert [(u.texts["kk"], u.context) for u in kk] == [
        ("Қазақстан халқы Ассамблеясы", None), ("Сессия", "a.txt:3"), ("Отырыс", "b.txt:7"), ("Жол\n", None),
    ]


def test_single_file_takes_one_target(tmp_path):
    out = tmp_path / "kk.po"
    assert write_po(UNITS, out, source_lang="en", target_langs=["kk"]) == 4
    assert [u.texts for u in read_po(out)][0] == {"en": "The Assembly of People of Kazakhstan", "kk": "Қазақстан халқы Ассамблеясы"}
    with pytest.raises(TermbaseError, match="a PO file holds one target language, not kk, ru; write to a folder"):
        write_po(UNITS, out, source_lang="en", target_langs=["kk", "ru"])
    with pytest.raises(TermbaseError, match="different from the source"):
        write_po(UNITS, out, source_lang="en", target_langs=["en"])


def test_other_source_language(tmp_path):
    write_po(UNITS, tmp_path, source_lang="kk", target_langs=["ru"])
    units = list(read_po(tmp_path / "ru.po"))
    assert [(u.texts, u.source_lang) for u in units] == [
        ({"kk": "Қазақстан халқы Ассамблеясы", "ru": "Ассамблея народа Казахстана"}, "kk"),
        ({"kk": "Сессия", "ru": "Сессия"}, "kk"),
        ({"kk": "Отырыс", "ru": "Сессия"}, "kk"),
    ]


def test_same_source_and_context_twice_gets_unique_msgctxt(tmp_path):
    units = [
        TranslationUnit({"en": "Session", "ru": "Сессия"}, context="title"),
        TranslationUnit({"en": "Session", "ru": "Заседание"}, context="title"),
    ]
    write_po(units, tmp_path, source_lang="en", target_langs=["ru"])
    assert [(u.context, u.texts["ru"]) for u in read_po(tmp_path / "ru.po")] == [
        ("title", "Сессия"), ("title (2)", "Заседание"),
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        ('msgid ""\nmsgstr ""\n"Language: kk\\n"\n\nmsgid "a"\nmsgstr "b\n', r"bad\.po:6: unterminated string or unescaped double quote"),
        ('msgid ""\nmsgstr ""\n"Language: kk\\n"\n\nmsgid "a"\nmsgstr "b"\nfoo\n', r"bad\.po:7: unexpected text 'foo'"),
        ('msgid ""\nmsgstr ""\n"Language: kk\\n"\n\nmsgid "a"\nmsgstr "b"\nmsgstr "c"\n', r"bad\.po:7: msgstr given twice"),
        ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n',
         r"bad\.po:1: the PO header has no Language"),
        ('msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "a"\nmsgstr "b"\n', r"bad\.po:1: PO header: "),
    ],
)
def test_malformed_po(tmp_path, content, message):
    bad = tmp_path / "bad.po"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ParseError, match=message):
        list(read_po(bad))


def test_wrong_encoding_empty_and_binary(tmp_path):
    bad = tmp_path / "bad.po"
    bad.write_bytes('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "a"\nmsgstr "привет"\n'.encode("cp1251"))
    with pytest.raises(ParseError, match=r"bad\.po:6: not valid UTF-8"):
        list(read_po(bad))
    bad.write_bytes(b"")
    with pytest.raises(ParseError, match="file is empty"):
        list(read_po(bad))
    bad.write_bytes(b"\x00\x01binary")
    with pytest.raises(ParseError, match="looks like a binary file"):
        list(read_po(bad))


def test_registry_and_pairs(tmp_path):
    assert format_for(Source.of("x/kk.po"), reads="units") is get_format("po")
    assert format_for(Source.of("x/kk.pot"), reads="pairs") is get_format("po")
    fmt = get_format("po")
    assert fmt.write_units(UNITS, tmp_path, source_lang="en", target_langs=["ru"]) == 4
    pairs = list(fmt.read_pairs(tmp_path / "ru.po"))
    assert [(p.source, p.target, p.target_lang, p.fuzzy, p.line) for p in pairs] == [
        # the line of each msgid
        ("The Assembly of People of Kazakhstan", "Ассамблея народа Казахстана", "ru", False, 19),
        ('Tokayev said "yes".', "Токаев сказал «да».", "ru", True, 26),
        ("Session", "Сессия", "ru", False, 31),
    ]


def test_latin_kazakh_po_is_kk_at_latin(tmp_path):
    units = [TranslationUnit({"en": "The Senate met.", "kk-Latn": "Senat jinaldy.", "kk": "Сенат жиналды."})]
    write_po(units, tmp_path / "out", source_lang="en", target_langs=["kk", "kk-Latn"])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["kk.po", "kk@latin.po"]
    text = (tmp_path / "out" / "kk@latin.po").read_text(encoding="utf-8")
    assert '"Language: kk@latin\\n"' in text and '"Language-Team: Kazakh (Latin)\\n"' in text
    assert 'msgid "The Senate met."\nmsgstr "Senat jinaldy."' in text
    back = list(get_format("po").read_units(tmp_path / "out" / "kk@latin.po"))
    assert back[0].texts == {"en": "The Senate met.", "kk-Latn": "Senat jinaldy."}


# ------------------------------------------------------------------------- streaming writer
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from termbase.formats import po as po_module  # noqa: E402

_UNIT = st.builds(
    lambda src, kk, ru, ctx, doc, pos, score, note: TranslationUnit(
        {k: v for k, v in {"en": src, "kk": kk, "ru": ru}.items() if v is not None},
        context=ctx, document=doc, position=pos, score=score, note=note),
    st.sampled_from(["Session", "Senate", "Сенат", "", "Line\n", "Mazhilis"]),
    st.sampled_from([None, "", "Сессия", "Отырыс", "Сенат"]),
    st.sampled_from([None, "Сессия", "Заседание"]),
    st.sampled_from([None, None, "title", "a.txt:3", "variant 2"]),
    st.sampled_from([None, "a.txt", "b c.txt"]),
    st.sampled_from([None, 3, 7]),
    st.sampled_from([None, 0.2, 0.9]),
    st.sampled_from([None, None, "check", "a\rb"]),
)


def _reference_po(units, path, *, source_lang, target_langs):
    """The PO writer as it was before it streamed: every msgid's variants held in one table, in
    first-seen order; what the streaming writer must give, byte for byte."""
    targets = [t for t in dict.fromkeys(target_langs) if t != source_lang]
    with open(path, "w", encoding="utf-8") as fh:
        t = targets[0]
        fh.write(str(po_module._header(source_lang, t)))
        table: dict = {}
        for unit in units:
            source, target = unit.texts.get(source_lang), unit.texts.get(t)
            if not source or not target:
                continue
            variants = table.setdefault(source, {})
            v = variants.setdefault((unit.context, target), po_module._Variant(target, unit.context))
            if unit.document is not None:
                v.refs.append((po_module._ref_name(unit.document), "" if unit.position is None else str(unit.position)))
            if unit.score is not None and (v.score is None or unit.score > v.score):
                v.score = unit.score
            if unit.note and unit.note not in v.notes:
                v.notes.append(unit.note)
        for msgid, variants in table.items():
            for entry in po_module._entries(msgid, variants, 0.5):
                fh.write("\n" + entry.__unicode__(0))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(units=st.lists(_UNIT, max_size=40), lang=st.sampled_from(["kk", "ru"]))
def test_the_streaming_writer_gives_what_the_whole_table_gave(tmp_path, monkeypatch, units, lang):
    # a tiny budget: the sorts spill to disk every few units
    expected = tmp_path / "expected.po"
    _reference_po(units, expected, source_lang="en", target_langs=[lang])
    for budget in (1 << 24, 500):
        monkeypatch.setattr(po_module, "_SPILL_BUDGET", budget)
        out = tmp_path / f"out-{budget}.po"
        write_po(units, out, source_lang="en", target_langs=[lang])
        assert out.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
