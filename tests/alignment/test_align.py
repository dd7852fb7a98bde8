"""Sentence alignment: exact beads on small documents, anchors, paragraphs, three languages."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import doctest
import importlib

from termbase.alignment import (
    AlignConfig,
    align,
    align_pair,
    align_texts,
    default_anchors,
    termbase_anchors,
    units_from_alignment,
)
from termbase.alignment.anchors import word_anchor
from termbase.alignment.search import bead_features, bead_score
from termbase.errors import TermbaseError, UnknownLanguage
from termbase.languages.translit import name_key
from termbase.search.matcher import TermMatcher
from termbase.models import Segment, TranslationUnit

DATA = Path(__file__).parents[1] / "data" / "align"


def segs(*texts, paragraphs=None):
    return [Segment(t, i, paragraphs[i] if paragraphs else 0) for i, t in enumerate(texts)]


def pairs(beads):
    return [(a, b) for a, b, _ in beads]


@pytest.mark.parametrize(
    "words, key",
    [
        (("Tokayev", "Токаев", "Тоқаев", "Тоқаевтың", "Токаеву"), "tkv"),
        (("Kazakhstan", "Казахстан", "Қазақстан"), "kzk"),
        (("Johnson", "Джонсон", "Джонсонның"), "Zns"),
        (("Jomart", "Жомарт"), "Zmr"),
        (("Wales", "Уэльс"), "vls"),
        (("Trump", "Трамп", "Трамптың"), "trm"),
        (("NATO", "НАТО"), "nt"),
    ],
)
def test_name_key_joins_transliterations_and_inflections(words, key):
    assert {name_key(w) for w in words} == {key}


def test_default_anchors():
    assert default_anchors("Tokayev met 2,000 delegates in Astana?", "en") == ["n2000", "wtkv", "wstn", "p?"]
    assert default_anchors("Тоқаев 2 000 делегатпен «Астанада» кездесті!", "kk") == [
        "n2000", "wtkv", "wstn", "p!", "pq",
    ]
    assert default_anchors("it costs 1,5 or 1.5", "en") == ["n15", "n15"]


@pytest.mark.parametrize(
    "word, lang, key",
    [
        ("two", "en", "n2"), ("двух", "ru", "n2"), ("екіден", "kk", "n2"), ("second", "en", "n2"),
        ("четырёх", "ru", "n4"), ("төртінші", "kk", "n4"), ("тысячи", "ru", "n1000"), ("мыңнан", "kk", "n1000"),
        ("million", "en", "u1000000"), ("млн", "ru", "u1000000"), ("процентов", "ru", "u%"), ("пайызға", "kk", "u%"),
        ("April", "en", "t4"), ("апреля", "ru", "t4"), ("сәуірде", "kk", "t4"),
        ("May", "en", "t5"), ("Saturday", "en", "tsat"), ("субботу", "ru", "tsat"), ("сенбіде", "kk", "tsat"),
        # not numbers or dates: the modal verb, "for", "gold", "spot", "environment", "work"
        ("may", "en", None), ("үшін", "kk", None), ("алтын", "kk", None), ("пятно", "ru", None),
        ("среда", "ru", None), ("жұмыс", "kk", None), ("one", "en", None),
    ],
)
def test_number_and_calendar_words(word, lang, key):
    assert word_anchor(word, lang) == key


def test_number_words_units_and_symbols_are_anchors():
    assert default_anchors("В пятницу бюджет вырос на 5 млн, или на 10%.", "ru") == [
        "n5", "n10", "tfri", "u1000000", "u%",
    ]
    assert default_anchors("Two thirds of $3 billion", "en") == ["n3", "n2", "u1000000000", "u$"]
    # a number written in words on one side and in digits on the other is the same anchor
    kk, en = default_anchors("Екі делегат сөйледі.", "kk"), default_anchors("2 delegates spoke.", "en")
    assert set(kk) & set(en) == {"n2"}


def test_anchors_of_an_unsupported_language_are_an_error():
    with pytest.raises(UnknownLanguage, match="no anchor words for language 'de'; supported: en, kk, ru, kk-Latn"):
        default_anchors("Zwei Delegierte, 5 Tage.", "de")


def test_a_number_on_one_side_only_keeps_a_sentence_out_of_a_bead():
    # The second English sentence is not translated. By length alone it would pair with the second
    # Russian sentence and push the third English one out; its numbers, missing on the Russian side,
    # cost that bead (AlignConfig.unshared_weights) and leave it alone instead.
    en = segs(
        "The committee met in the morning and discussed the draft budget for the coming year.",
        "Revenue is expected to reach 4.2 billion tenge by 2026.",
        "The members then voted on the amendments.",
    )
    ru = segs("Комитет собрался утром и обсудил проект бюджета на следующий год.",
              "Затем члены комитета проголосовали за поправки.")
    ka, kb = _keys(en, "en"), _keys(ru, "ru")
    assert pairs(align_pair(en, ru, anchors_a=ka, anchors_b=kb)) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    without = AlignConfig(unshared_weights=())
    assert pairs(align_pair(en, ru, anchors_a=ka, anchors_b=kb, config=without)) == [
        ((0,), (0,)), ((1,), (1,)), ((2,), ()),
    ]


def test_bead_features_and_scores():
    la, lb = [40, 60], [44, 70]
    ka = [frozenset({"n5", "wtkv"}), frozenset({"n7", "p?"})]
    kb = [frozenset({"n5", "wtkv", "pq"}), frozenset({"p?"})]
    # length ratio 44/40 from the 1-1 bead: delta 0; shared n5 + wtkv = 2.0 + 1.0; only pq: weight
    # 0.5, unshared cost 0.4
    feats = bead_features([((0,), (0,)), ((1,), ()), ((), (1,))], la, lb, ka, kb)
    assert feats == [(0.0, 0.0, 3.0, 0.5, 0.4, 0.0), None, None]
    assert [bead_score(f) for f in feats] == [0.997, 0.0, 0.0]
    (merged,) = bead_features([((0, 1), (0, 1))], la, lb, ka, kb)
    assert merged[2:] == (3.5, 2.5, 1.4, 1.0)
    assert bead_score(merged) == 0.9652


@pytest.mark.parametrize(
    "name", ["termbase.alignment", "termbase.alignment.anchors", "termbase.languages.segment", "termbase.formats.tmx"]
)
def test_docstring_examples(name):
    failures, tried = doctest.testmod(importlib.import_module(name))
    assert tried > 0 and failures == 0


def test_one_to_one():
    en = segs("The session opened on 27 April.", "Tokayev spoke about unity.", "Delegates agreed.")
    ru = segs("Сессия открылась 27 апреля.", "Токаев говорил о единстве.", "Делегаты согласились.")
    beads = align({"en": en, "ru": ru}).beads
    assert [dict(b.links) for b in beads] == [
        {"en": (0,), "ru": (0,)}, {"en": (1,), "ru": (1,)}, {"en": (2,), "ru": (2,)},
    ]
    assert all(0.5 < b.score <= 1 for b in beads)


def test_merged_sentence_becomes_a_one_to_two_bead():
    en = segs(
        "The Assembly met in Astana on 27 April 2023 and heard a report on the work of its 12 councils.",
        "Tokayev thanked the delegates.",
    )
    ru = segs(
        "Ассамблея собралась в Астане 27 апреля 2023 года.",
        "Она заслушала доклад о работе своих 12 советов.",
        "Токаев поблагодарил делегатов.",
    )
    assert pairs(align_pair(en, ru, anchors_a=_keys(en, "en"), anchors_b=_keys(ru, "ru"))) == [
        ((0,), (0, 1)), ((1,), (2,)),
    ]


def test_untranslated_sentence_becomes_a_one_to_zero_bead():
    en = segs(
        "The session opened on 27 April 2023.",
        "Photo credit: Akorda press service, all rights reserved, reproduction prohibited.",
        "Tokayev spoke about the unity of 130 ethnic groups.",
        "The delegates adopted a resolution.",
    )
    ru = segs(
        "Сессия открылась 27 апреля 2023 года.",
        "Токаев говорил о единстве 130 этносов.",
        "Делегаты приняли резолюцию.",
    )
    beads = align({"en": en, "ru": ru}).beads
    assert [dict(b.links) for b in beads] == [
        {"en": (0,), "ru": (0,)}, {"en": (1,), "ru": ()}, {"en": (2,), "ru": (1,)}, {"en": (3,), "ru": (2,)},
    ]
    assert beads[1].score == 0.0


def test_anchors_beat_length_alone():
    # Lengths alone suggest 2-1 then 1-1; the numbers say 1-1 then 1-2.
    en = segs("In 1991 the country became independent.", "Astana became the capital in 1997 after a long debate.")
    ru = segs(
        "В 1991 году страна обрела независимость, и это событие изменило всё.",
        "Астана стала столицей в 1997 году.",
    )
    with_anchors = pairs(align_pair(en, ru, anchors_a=_keys(en, "en"), anchors_b=_keys(ru, "ru")))
    assert with_anchors == [((0,), (0,)), ((1,), (1,))]


def test_termbase_concepts_are_anchors(apk, knb):
    matcher = TermMatcher.from_concepts([apk, knb])
    fn = termbase_anchors(matcher, base=None)
    assert fn("The Assembly of People of Kazakhstan met.", "en") == ["capk"]
    assert fn("Қазақстан халқы Ассамблеясының сессиясы өтті.", "kk") == ["capk"]
    assert fn("Комитет национальной безопасности сообщил.", "ru") == ["cknb"]


def test_paragraphs_are_hard_boundaries():
    # Without paragraphs the short sentence would pair with the long one's neighbour.
    en = segs("First paragraph, one long sentence about the budget of 2024.", "Second.", "Third one here.",
              paragraphs=[0, 1, 1])
    ru = segs("Первый абзац.", "Одно длинное предложение о бюджете 2024 года.", "Второе. Третье тут.",
              paragraphs=[0, 0, 1])
    result = pairs(align_pair(en, ru, anchors_a=_keys(en, "en"), anchors_b=_keys(ru, "ru")))
    assert result == [((0,), (0, 1)), ((1, 2), (2,))]
    for a, b in result:
        assert len({en[i].paragraph for i in a}) == 1 and len({ru[j].paragraph for j in b}) == 1


def test_paragraph_counts_that_differ_align_as_one_run():
    # The Russian text runs the last two English paragraphs together, and merges two sentences.
    en = segs("Opening of the 2023 session.", "Tokayev spoke about unity.",
              "The 12 members voted.", "Then the chairman thanked them.",
              "Closing remarks by Ashimbayev.", "The session ended at 6 o'clock.",
              paragraphs=[0, 0, 1, 1, 2, 2])
    ru = segs("Открытие сессии 2023 года.", "Токаев говорил о единстве.",
              "Проголосовали 12 членов, после чего председатель поблагодарил их.",
              "Заключительное слово Ашимбаева.", "Сессия завершилась в шесть часов.",
              paragraphs=[0, 0, 1, 1, 1])
    assert pairs(align_pair(en, ru, anchors_a=_keys(en, "en"), anchors_b=_keys(ru, "ru"))) == [
        ((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,)), ((5,), (4,)),
    ]


def test_a_bead_never_joins_two_paragraphs_of_one_text():
    # The Russian sentence holds the last sentences of two English paragraphs: the one that fits
    # best is its pair, the other is left alone (paragraph breaks are hard boundaries).
    en = segs("Opening of the 2023 session.", "Tokayev spoke.", "The 12 members voted.", "Closing remarks by Ashimbayev.",
              paragraphs=[0, 0, 1, 2])
    ru = segs("Открытие сессии 2023 года.", "Выступил Токаев.", "Проголосовали 12 членов. Заключительное слово Ашимбаева.",
              paragraphs=[0, 0, 1])
    assert pairs(align_pair(en, ru, anchors_a=_keys(en, "en"), anchors_b=_keys(ru, "ru"))) == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()),
    ]


def test_three_languages_make_one_bead_per_unit():
    texts = {lang: (DATA / f"speech.{lang}.txt").read_text(encoding="utf-8") for lang in ("en", "ru", "kk")}
    docs, alignment = align_texts(texts)
    assert alignment.languages == ("en", "ru", "kk")
    assert [dict(b.links) for b in alignment.beads] == [{"en": (i,), "ru": (i,), "kk": (i,)} for i in range(6)]
    assert [b.score for b in alignment.beads] == [0.9999, 0.9997, 0.9999, 0.9998, 0.9998, 0.9997]
    units = list(units_from_alignment(alignment, docs, document="speech.en.txt", min_score=0.9998))
    assert [u.position for u in units] == [0, 2, 3, 4]
    assert units[0] == TranslationUnit(
        texts={
            "en": "President Kassym-Jomart Tokayev addressed the session of the Assembly of People of Kazakhstan on April 27, 2023.",
            "ru": "Президент К.-Ж. Токаев выступил на сессии Ассамблеи народа Казахстана 27 апреля 2023 г.",
            "kk": "Президент Қ.-Ж. Тоқаев 2023 ж. 27 сәуірде Қазақстан халқы Ассамблеясының сессиясында сөз сөйледі.",
        },
        document="speech.en.txt", position=0, score=0.9999, source_lang="en",
    )


def test_three_languages_merge_different_groupings():
    en = segs("The session opened in Astana on 27 April 2023 and adopted the agenda of 5 items.", "Tokayev spoke.")
    ru = segs("Сессия открылась в Астане 27 апреля 2023 года.", "Она приняла повестку из 5 пунктов.", "Выступил Токаев.")
    kk = segs("Сессия 2023 ж. 27 сәуірде Астанада ашылып, 5 тармақтан тұратын күн тәртібін бекітті.", "Тоқаев сөз сөйледі.")
    alignment = align({"en": en, "ru": ru, "kk": kk})
    assert alignment.to_dict()["beads"] == [
        {"en": [0], "ru": [0, 1], "kk": [0], "score": alignment.beads[0].score},
        {"en": [1], "ru": [2], "kk": [1], "score": alignment.beads[1].score},
    ]


def test_sentence_only_in_one_of_three_languages():
    en = segs("The session opened on 27 April 2023.", "Tokayev spoke about unity.")
    ru = segs(
        "Сессия открылась 27 апреля 2023 года.",
        "Фото: пресс-служба Акорды, все права защищены, перепечатка без разрешения запрещена.",
        "Токаев говорил о единстве.",
    )
    kk = segs("Сессия 2023 жылы 27 сәуірде ашылды.", "Тоқаев бірлік туралы айтты.")
    beads = align({"en": en, "ru": ru, "kk": kk}).beads
    assert [dict(b.links) for b in beads] == [
        {"en": (0,), "ru": (0,), "kk": (0,)},
        {"en": (), "ru": (1,), "kk": ()},
        {"en": (1,), "ru": (2,), "kk": (1,)},
    ]


@pytest.mark.parametrize("size, at", [(60, 10), (300, 150)])
def test_band_follows_a_long_insertion(size, at):
    # 40 extra sentences in the middle of one side push the path far off the length diagonal; in the
    # longer text the search is repeated in windows around the insertion only
    en = [f"Item {k} of the agenda concerns region {k * 7}." for k in range(size)]
    ru = [f"Пункт {k} повестки касается региона {k * 7}." for k in range(size)]
    ru_long = ru[:at] + [f"Дополнительное примечание номер {900 + k}." for k in range(40)] + ru[at:]
    a = segs(*en)
    b = segs(*ru_long)
    result = pairs(align_pair(a, b, anchors_a=_keys(a, "en"), anchors_b=_keys(b, "ru"), config=AlignConfig(band=4)))
    expected = [((k,), (k,)) for k in range(at)] + [((), (at + k,)) for k in range(40)]
    expected += [((k,), (k + 40,)) for k in range(at, size)]
    assert result == expected


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="abc .Ққ5", min_size=1, max_size=30), min_size=0, max_size=25),
    st.lists(st.text(alphabet="абв .Ққ5", min_size=1, max_size=30), min_size=0, max_size=25),
    st.integers(1, 6),
)
def test_beads_cover_every_segment_once_in_order(xs, ys, band):
    a, b = segs(*xs), segs(*ys)
    beads = align_pair(a, b, anchors_a=_keys(a, "en"), anchors_b=_keys(b, "ru"), config=AlignConfig(band=band))
    assert [i for ga, _, _ in beads for i in ga] == list(range(len(a)))
    assert [j for _, gb, _ in beads for j in gb] == list(range(len(b)))
    assert all(ga or gb for ga, gb, _ in beads)
    assert all(0.0 <= s <= 1.0 for _, _, s in beads)


def test_errors():
    with pytest.raises(TermbaseError, match="at least two texts"):
        align({"en": segs("One.")})
    with pytest.raises(TermbaseError, match="pivot language 'kk' is not among the texts"):
        align({"en": segs("One."), "ru": segs("Один.")}, pivot="kk")


def _keys(segments, lang):
    return [frozenset(default_anchors(s.text, lang)) for s in segments]


def test_english_and_latin_kazakh_texts_align():
    en = "President Tokayev met 2,000 delegates in Shymkent on 5 April. The Senate adopted the law.\n\nThe Mazhilis met on Monday."
    kk = ("Prezident Toqaev 5 säuırde Şymkentte 2000 delegatpen kezdestı. Senat zañdy qabyldady.\n\n"
          "Mäjılıs düisenbıde jinaldy.")
    segments, alignment = align_texts({"en": en, "kk-Latn": kk})
    assert [len(segments[lang]) for lang in ("en", "kk-Latn")] == [3, 3]
    assert [(b.links["en"], b.links["kk-Latn"]) for b in alignment.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
