"""XLIFF 1.2 and 2.x reading for the terminology check."""

from pathlib import Path

import pytest

from termbase.errors import ParseError
from termbase.models import BilingualUnit
from termbase.formats import get_format

read_xliff_bilingual = get_format("xliff").read_pairs

DATA = Path(__file__).parents[1] / "data" / "check"


def test_xliff_12_units_states_and_inline_codes():
    assert list(read_xliff_bilingual(DATA / "news.kk.xlf")) == [
        BilingualUnit("Session of the Assembly of People of Kazakhstan", "Қазақстан халқы Ассамблеясының сессиясы",
                      "en-US", "kk-KZ", line=5, id="t1"),
        BilingualUnit("The National Security Committee said", "Ұлттық қауіпсіздік комитеті мәлімдеді",
                      "en-US", "kk-KZ", line=10, id="t2"),  # <alt-trans> is not the target
        BilingualUnit("The Ministry of Justice", "Әділет министрлігі", "en-US", "kk-KZ", line=15, id="t3",
                      fuzzy=True),  # needs-review-translation
        BilingualUnit("Ministry of Foreign Affairs", "", "en-US", "kk-KZ", line=19, id="t4", translated=False),
        # t5 is translate="no"; <ph> content is native code, not text
        BilingualUnit("Open the report", "Есепті ашыңыз", "en-US", "kk-KZ", line=26, id="t6"),
    ]


def test_xliff_2_units_segments_and_states():
    assert list(read_xliff_bilingual(DATA / "news.ru.xliff")) == [
        BilingualUnit("The National Security Committee said", "Служба безопасности сообщила", "en", "ru",
                      line=5, id="u1"),
        BilingualUnit("The Prosecutor General's Office replied.", "Генеральная прокуратура ответила.", "en", "ru",
                      line=11, id="u2/s1"),
        BilingualUnit("The APK met.", "Ассамблея народа Казахстана собралась.", "en", "ru", line=16, id="u2/s2"),
        BilingualUnit("Ministry of Justice", "Министерство юстиции", "en", "ru", line=22, id="u3", fuzzy=True),
        BilingualUnit("Senate", "", "en", "ru", line=28, id="u4", translated=False),
        BilingualUnit("Tab\there", "Табуляция\tздесь", "en", "ru", line=33, id="u5"),
    ]


def test_xliff_12_target_state_new_with_text_is_untranslated(tmp_path):
    p = tmp_path / "a.xlf"
    p.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="en" datatype="plaintext" original="a"><body>'
        '<trans-unit id="1"><source>Senate</source><target state="new">Senate</target></trans-unit>'
        '</body></file></xliff>',
        encoding="utf-8",
    )
    (u,) = read_xliff_bilingual(p)
    assert (u.translated, u.target_lang) == (False, None)


def test_malformed_xliff_names_file_and_line():
    with pytest.raises(ParseError) as exc:
        list(read_xliff_bilingual(DATA / "broken.xlf"))
    assert exc.value.line == 7
    assert str(exc.value).startswith(f"{DATA / 'broken.xlf'}:7: malformed XML")


@pytest.mark.parametrize(
    "content, message",
    [
        ('<tmx version="1.4"><body/></tmx>', r"not an XLIFF file \(root element <tmx>\)"),
        ('<xliff version="3.0" xmlns="urn:example"/>', "unsupported XLIFF version 3.0"),
    ],
)
def test_not_xliff(tmp_path, content, message):
    p = tmp_path / "x.xlf"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ParseError, match=message):
        list(read_xliff_bilingual(p))


def test_entities_are_refused(tmp_path):
    p = tmp_path / "bomb.xlf"
    p.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="1.2"/>', encoding="utf-8")
    with pytest.raises(ParseError, match="entities"):
        list(read_xliff_bilingual(p))


def test_an_encoding_that_would_hide_entity_declarations_is_refused(tmp_path):
    # UTF-7 spells "<!ENTITY" as "+ADw-!ENTITY": the scan for declarations would not see it
    p = tmp_path / "utf7.xlf"
    p.write_bytes(b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x +AFs-+ADw-!ENTITY a "aaaa"+AD4-+AF0-+AD4-'
                  b'<xliff version="1.2"/>')
    with pytest.raises(ParseError, match=r"utf7.xlf: XML in encoding 'UTF-7' is not read \(use UTF-8 or UTF-16\)$"):
        list(read_xliff_bilingual(p))


def test_xml_in_a_single_byte_encoding_is_read(tmp_path):
    p = tmp_path / "cp1251.xlf"
    p.write_bytes('<?xml version="1.0" encoding="windows-1251"?><xliff version="1.2"><file source-language="en" '
                  'target-language="ru"><body><trans-unit id="1"><source>Senate</source><target>Сенат</target>'
                  '</trans-unit></body></file></xliff>'.encode("cp1251"))
    assert [(u.source, u.target) for u in read_xliff_bilingual(p)] == [("Senate", "Сенат")]


def test_format_class():
    fmt = get_format("xliff")
    assert (fmt.name, fmt.extensions, fmt.reads, fmt.writes) == (
        "xliff", ("xlf", "xliff"), {"units", "pairs", "text"}, {"units", "translations"})
    assert len(list(fmt.read_pairs(DATA / "news.ru.xliff"))) == 6
