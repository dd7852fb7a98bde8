"""The check's prefilter: a cheap necessary condition that must never change a finding."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termbase.checking import Checker, check_units
from termbase.checking.prefilter import Prefilter, key_margin, word_anchors
from termbase.models import BilingualUnit
from termbase.models import Concept, Term


@pytest.fixture
def concepts(apk, knb):
    return [
        apk,
        knb,
        Concept("astana", (
            Term("en", "Astana"), Term("en", "Nur-Sultan", "deprecated"),
            Term("kk", "Астана"), Term("kk", "Нұр-Сұлтан", "deprecated"),
            Term("ru", "Астана"), Term("ru", "Нур-Султан", "deprecated"),
        )),
        Concept("min-justice", (
            Term("en", "Ministry of Justice"), Term("kk", "Әділет министрлігі"), Term("ru", "Министерство юстиции"),
        )),
        Concept("armed-forces", (
            Term("en", "Armed Forces"), Term("kk", "Қарулы Күштер"), Term("ru", "Вооруженные Силы"),
        )),
        Concept("law", (Term("en", "law"), Term("kk", "заң"), Term("ru", "закон"))),
        Concept("knb-chair", (Term("en", "KNB Chairman"), Term("ru", "Председатель КНБ"))),
    ]


def test_anchors():
    assert word_anchors(Term("ru", "Ассамблея народа Казахстана")) == [
        ("ассамбл", False), ("нар", False), ("казахст", False)
    ]
    assert word_anchors(Term("kk", "Қазақстан халқы Ассамблеясы")) == [
        ("қазақста", False), ("хал", False), ("ассамбле", False)
    ]
    assert word_anchors(Term("en", "Deputy of the Mazhilis")) == [
        ("deput", False), ("of", False), ("th", False), ("mazhil", False)
    ]
    assert word_anchors(Term("kk", "ҚХА")) == [("ҚХА", True)]


@pytest.mark.parametrize(
    "key, lang, margin",
    [("посол", "ru", 2), ("день", "ru", 3), ("копейка", "ru", 3), ("халық", "kk", 2), ("комитет", "kk", 1),
     ("deputi", "en", 1), ("forc", "en", 0)],
)
def test_key_margin(key, lang, margin):
    assert key_margin(key, lang) == margin


@pytest.mark.parametrize(
    "text, lang, side, expected",
    [
        ("задержан Комитетом национальной безопасности", "ru", "source", True),
        ("Служба безопасности сообщила", "ru", "source", False),
        ("сотрудники КНБ", "ru", "source", True),
        ("сотрудники кнб", "ru", "source", False),  # an acronym is matched case-sensitively
        ("ҚХА-ның мүшелері", "kk", "source", True),
        ("Ұлттық қауiпсiздiк комитетi", "kk", "source", True),  # Latin i inside Kazakh words
        ("Вооружённые Силы", "ru", "source", True),  # ё
        ("Комитет нацио\u00adнальной безопасности", "ru", "source", True),  # soft hyphen
        ("the Armed Forces' commander", "en", "source", True),
        ("the force of the law", "en", "source", False),  # 'law' is generic, 'Forces' needs 'Armed'
        ("форум в Нур\u2011Султане", "ru", "target", True),  # non-breaking hyphen
        ("форум в Нур—Султане", "ru", "target", False),  # an em dash splits the word: not the term
        ("в 3,5Нур-Султане", "ru", "target", True),  # the tokeniser ends "3,5" before the letters
        ("rose 3.5Astana", "en", "source", True),
        ("the KNB Chairman", "en", "source", True),  # an acronym among a term's other anchors
        ("the KNB’s new chairman", "en", "source", True),
        ("the knb Chairman", "en", "source", False),  # ... with its own case only
        ("the Chairman", "en", "source", False),
        ("форум в Астане", "ru", "target", False),  # only deprecated/forbidden terms on the target side
        ("", "ru", "source", False),
    ],
)
def test_may_match(concepts, text, lang, side, expected):
    assert Prefilter(concepts).may_match(text, lang, side) is expected


def test_generic_terms_are_anchored_when_required(concepts):
    assert Prefilter(concepts).may_match("the law", "en", "source") is False
    assert Prefilter(concepts, generic_terms=True).may_match("the law", "en", "source") is True


_WORDS = [
    "Комитет", "Комитетом", "Комитета", "национальной", "национальная", "безопасности", "КНБ", "кнб",
    "Ассамблеи", "Ассамблея", "народа", "народов", "Казахстана", "Нур-Султане", "Астане", "Министерства",
    "юстиции", "Вооружённых", "Сил", "закон", "служба", "и", "в", "сообщила", "«", "»", "—", ",",
    "Ұлттық", "қауіпсіздік", "қауiпсiздiк", "комитетінің", "ҰҚК-ның", "Қазақстан", "халқы", "халықтары",
    "Ассамблеясының", "Нұр-Сұлтанда", "Әдiлет", "министрлігіне", "Қарулы", "Күштері", "заң",
    "National", "Security", "Committee", "KNB", "Assembly", "of", "People", "Peoples", "Kazakhstan", "APK's",
    "Astana", "Nur-Sultan", "Ministry", "Justice", "Armed", "Forces", "law", "the",
    "3,5Нур-Султане", "Нур—Султане", "2.0Astana", "Nur—Sultan", "KNB’s", "knb", "Астана\u200bда",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    source=st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join),
    target=st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join),
    target_lang=st.sampled_from(["ru", "kk"]),
    generic=st.booleans(),
)
def test_prefilter_never_changes_findings(apk, knb, source, target, target_lang, generic):
    concepts = [apk, knb, Concept("astana", (Term("en", "Astana"), Term("en", "Nur-Sultan", "deprecated"),
                                             Term("ru", "Астана"), Term("ru", "Нур-Султан", "deprecated"),
                                             Term("kk", "Астана"), Term("kk", "Нұр-Сұлтан", "deprecated")))]
    unit = [BilingualUnit(source, target, "en", target_lang)]
    fast = check_units(unit, _checker(concepts, generic, True)).findings
    slow = check_units(unit, _checker(concepts, generic, False)).findings
    assert fast == slow


_CACHE: dict = {}


def _checker(concepts, generic, prefilter):
    key = (generic, prefilter)
    if key not in _CACHE:
        _CACHE[key] = Checker(concepts, generic_terms=generic, prefilter=prefilter)
    return _CACHE[key]


def test_a_word_after_a_number_is_checked(concepts):
    # "3.5Astana" is the words "3.5" and "Astana": the prefilter must not take "Astana" for the
    # middle of a word (it did: the check missed the term)
    units = [BilingualUnit("Shares rose 3.5Astana", "Акции выросли", "en", "ru"),
             BilingualUnit("Forum", "Форум в 3,5Нур-Султане", "en", "ru")]
    fast = check_units(units, Checker(concepts)).findings
    assert [(f.kind, f.term) for f in fast] == [("missing-term", "Astana"), ("deprecated-term", "Нур-Султан")]
    assert fast == check_units(units, Checker(concepts, prefilter=False)).findings


def test_word_filter():
    from termbase.checking.prefilter import word_filter

    f = word_filter(Term("ru", "Комитет по правам человека"))
    # under three letters of anchor: the dictionary's forms ("по"; "человек" and "люди"), and the words
    # that begin with one shaped like a surname ("Человекова" would be keyed by "Человеков")
    assert f.prefixes == ("комит", "пра", "человеков")
    assert {"по", "человек", "человека", "люди", "людей"} <= f.forms
    assert [f.admits(w) for w in ("комитетом", "правам", "по", "людям", "после", "челны")] == [
        True, True, True, True, False, False
    ]
    assert word_filter(Term("ru", "партия Nur Otan")).forms == {"nur", "otan"}  # Latin words: themselves
    assert word_filter(Term("kk", "Қазақстан халқы Ассамблеясы")).prefixes == ("ассамбле", "хал", "қазақста")
    assert word_filter(Term("kk", "Жоғарғы Сот")).prefixes == ("жоғар", "со")  # no forms for Kazakh
    assert word_filter(Term("en", "KNB")).prefixes == ()  # acronyms are always keyed


def test_target_words_read_as_needed_give_the_findings_of_a_full_reading(apk, knb):
    # The check keys only the target words that can be forms of the required concepts' terms,
    # and of deprecated/forbidden ones when the prefilter finds their anchors; a deprecated term
    # found so sends the target to a full reading (a longer approved term may contain it).
    secretariat = Concept("apk-secretariat", (
        Term("en", "APK Secretariat"), Term("ru", "Секретариат Ассамблеи народов Казахстана"),
    ))
    concepts = [apk, knb, secretariat]
    units = [
        BilingualUnit("the National Security Committee", "Служба безопасности", "en", "ru"),
        BilingualUnit("the National Security Committee", "Комитетом национальной безопасности", "en", "ru"),
        BilingualUnit("the National Security Committee", "Комитетом национальной безопасности", "en", "ru"),
        BilingualUnit("the Assembly of People of Kazakhstan", "Ассамблеи народов Казахстана", "en", "ru"),
        BilingualUnit("the APK Secretariat", "Секретариат Ассамблеи народов Казахстана", "en", "ru"),
        BilingualUnit("the KNB", "КНБ и Ассамблея народов Казахстана", "en", "ru"),
        BilingualUnit("a meeting", "Ассамблея народов Казахстана", "en", "ru"),
    ]
    fast = check_units(units, Checker(concepts)).findings
    assert [(f.line, f.kind, f.term, f.found) for f in fast] == [
        (None, "missing-term", "National Security Committee", None),
        (None, "deprecated-term", "Ассамблея народов Казахстана", "Ассамблеи народов Казахстана"),
        (None, "deprecated-term", "Ассамблея народов Казахстана", "Ассамблея народов Казахстана"),
        (None, "deprecated-term", "Ассамблея народов Казахстана", "Ассамблея народов Казахстана"),
    ]
    assert [f.target for f in fast[1:]] == [units[3].target, units[5].target, units[6].target]
    assert fast == check_units(units, Checker(concepts, prefilter=False)).findings
