"""Inflection-aware term matching (the engine behind lookup, extraction links, alignment anchors, check)."""

import pytest

from termbase.languages.keys import is_acronym_word, word_key
from termbase.search.matcher import TermMatcher, WordFilter, fold_word
from termbase.models import Concept, Term


@pytest.fixture
def matcher(apk, knb):
    prosecutor = Concept(
        "prosecutor-general",
        (
            Term("en", "Prosecutor General's Office"),
            Term("kk", "Бас прокуратура"),
            Term("ru", "Генеральная прокуратура"),
        ),
    )
    ministry = Concept(
        "min-justice",
        (
            Term("en", "Ministry of Justice"),
            Term("kk", "Әділет министрлігі"),
            Term("ru", "Министерство юстиции"),
        ),
    )
    kurultai = Concept(
        "kurultai",
        (Term("en", "National Kurultai"), Term("kk", "Ұлттық құрылтай"), Term("ru", "Национальный курултай")),
    )
    kz = Concept("kazakhstan", (Term("en", "Kazakhstan"), Term("kk", "Қазақстан"), Term("ru", "Казахстан")))
    return TermMatcher.from_concepts([apk, knb, prosecutor, ministry, kurultai, kz])


def found(matcher, text, lang):
    return [(m.concept_id, m.text) for m in matcher.find(text, lang)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ассамблеясының сессиясында Қазақстан халқы Ассамблеясының төрағасы сөйледі.",
         [("apk", "Қазақстан халқы Ассамблеясының")]),
        ("Ұлттық қауіпсіздік комитетінің хабарлауынша", [("knb", "Ұлттық қауіпсіздік комитетінің")]),
        ("ҰҚК-ның мәліметінше", [("knb", "ҰҚК-ның")]),
        ("Әділет министрлігінің өкілі", [("min-justice", "Әділет министрлігінің")]),
        ("Әдiлет министрлiгiне хат жолданды", [("min-justice", "Әдiлет министрлiгiне")]),  # Latin i
        ("Ұлттық құрылтайға ұсыныс", [("kurultai", "Ұлттық құрылтайға")]),
    ],
)
def test_kazakh_inflected_forms(matcher, text, expected):
    assert found(matcher, text, "kk") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("обратились в Генеральную прокуратуру", [("prosecutor-general", "Генеральную прокуратуру")]),
        ("по данным Генеральной прокуратуры", [("prosecutor-general", "Генеральной прокуратуры")]),
        ("задержан Комитетом национальной безопасности", [("knb", "Комитетом национальной безопасности")]),
        ("сессия Ассамблеи народа Казахстана", [("apk", "Ассамблеи народа Казахстана")]),
        ("в Министерстве юстиции", [("min-justice", "Министерстве юстиции")]),
        ("сотрудники КНБ", [("knb", "КНБ")]),
    ],
)
def test_russian_inflected_forms(matcher, text, expected):
    assert found(matcher, text, "ru") == expected


def test_english_possessive_and_plural(matcher):
    assert found(matcher, "the Prosecutor General’s Office said", "en") == [
        ("prosecutor-general", "Prosecutor General’s Office")
    ]
    assert found(matcher, "the APK's session in Kazakhstan", "en") == [("apk", "APK's"), ("kazakhstan", "Kazakhstan")]


def test_longest_match_wins_over_contained_term(matcher):
    # "Казахстана" alone is a term, but inside the APK name the longer term wins
    assert found(matcher, "Ассамблея народа Казахстана и Казахстан", "ru") == [
        ("apk", "Ассамблея народа Казахстана"),
        ("kazakhstan", "Казахстан"),
    ]
    assert {m.concept_id for m in matcher.find_all("Ассамблея народа Казахстана", "ru")} == {"apk", "kazakhstan"}


def test_deprecated_terms_are_found_with_their_status(matcher):
    (m,) = matcher.find("Ассамблея народов Казахстана", "ru")
    assert m.concept_id == "apk"
    assert m.term.status == "deprecated"


def test_lowercase_word_is_not_an_acronym(matcher):
    assert found(matcher, "апк и knb", "ru") == []
    assert found(matcher, "knb officers", "en") == []


def test_offsets_point_into_original_text(matcher):
    text = "«Комитетом национальной безопасности»"
    (m,) = matcher.find(text, "ru")
    assert text[m.start : m.end] == "Комитетом национальной безопасности"


def test_unknown_language_and_empty_text(matcher):
    assert matcher.find("Senate", "de") == []
    assert matcher.find("", "en") == []


def test_acronym_detection():
    assert is_acronym_word("APK") and is_acronym_word("ҚХА") and is_acronym_word("G20")
    assert not is_acronym_word("Apk") and not is_acronym_word("A") and not is_acronym_word("20G")
    assert word_key("ҚХА-ның", "kk") == word_key("ҚХА", "kk")
    assert word_key("APK’s", "en") == word_key("APK", "en")


def test_repeated_words_get_their_own_offsets(matcher):
    # words are located one after the other: the second "Kazakhstan" is not the first one again
    text = "Kazakhstan's Kazakhstan, (Kazakhstan) and Ministry of Justice; Ministry of Justice"
    assert [(m.start, m.end, m.text) for m in matcher.find(text, "en")] == [
        (0, 12, "Kazakhstan's"), (13, 23, "Kazakhstan"), (26, 36, "Kazakhstan"),
        (42, 61, "Ministry of Justice"), (63, 82, "Ministry of Justice"),
    ]
    assert [m.text for m in matcher.find("«Әдiлет—министрлігі» Әділет министрлігінің", "kk")] == [
        "Әдiлет—министрлігі", "Әділет министрлігінің"
    ]


def test_a_word_is_keyed_alone_as_text_keys_does():
    # Greek capital sigma is the one letter whose lower case depends on its neighbours (final ς
    # at the end of a word): a word's key is that of the word alone, in a text as in a term
    m = TermMatcher.from_concepts([Concept("odos", (Term("en", "ΟδοΣ Fund"),))])
    assert [x.text for x in m.find("the ΟδοΣ Fund and ΟδοΣ.Fund", "en")] == ["ΟδοΣ Fund", "ΟδοΣ.Fund"]


# --- find_all(needed=...): words a caller does not need are not stemmed ---------------


def test_needed_words_only_are_stemmed(matcher, monkeypatch):
    import termbase.search.matcher as match_module

    stemmed = []
    real_key = match_module.word_key
    monkeypatch.setattr(match_module, "word_key", lambda w, lang: stemmed.append(w) or real_key(w, lang))
    needed = WordFilter(prefixes=("генеральн", "прокуратур"))
    text = "Генеральной прокуратуре и Министерству юстиции"
    assert [(x.concept_id, x.text) for x in matcher.find_all(text, "ru", needed=needed)] == [
        ("prosecutor-general", "Генеральной прокуратуре")
    ]
    # "министерству" and "юстиции" begin a term word but none the caller needs; "и" begins none
    assert stemmed == ["Генеральной", "прокуратуре"]
    # without a filter the words left out are read, and the result is that of any call
    assert [x.concept_id for x in matcher.find_all(text, "ru")] == ["prosecutor-general", "min-justice"]
    assert [x.concept_id for x in matcher.find_all(text, "ru", needed=needed)] == ["prosecutor-general", "min-justice"]


def test_a_filter_function_is_called_only_for_new_words(matcher):
    calls = []

    def needed():
        calls.append(1)
        return WordFilter(prefixes=("комитет",), forms=frozenset({"национальной", "безопасности"}))

    assert [x.text for x in matcher.find_all("Комитету национальной безопасности", "ru", needed=needed)] == [
        "Комитету национальной безопасности"
    ]
    assert [x.text for x in matcher.find_all("Комитету национальной безопасности", "ru", needed=needed)] == [
        "Комитету национальной безопасности"
    ]
    assert len(calls) == 1  # the second time every word had its key


def test_a_recurring_word_gets_its_key(matcher):
    # "юстиции" is left out PATIENCE times, then stemmed anyway: later calls find its terms
    needed = WordFilter(prefixes=("министерств",))
    for _ in range(TermMatcher.PATIENCE):
        assert matcher.find_all("Министерство юстиции", "ru", needed=needed) == []
    assert [x.concept_id for x in matcher.find_all("Министерство юстиции", "ru", needed=needed)] == ["min-justice"]


def test_word_filter():
    f = WordFilter(prefixes=("ассамбле", "нар"), forms=frozenset({"по"}))
    assert [f.admits(w) for w in ("ассамблеи", "народов", "по", "после", "")] == [True, True, True, False, False]
    assert WordFilter(prefixes=("",)).admits("что-угодно")


def test_fold_word():
    assert fold_word("и\u0306од") == "йод"  # composed, as keys are
    assert fold_word("нацио\u00adнальной") == "национальной"
    assert fold_word("astana") == "astana"


def test_latin_kazakh_2017_text_read_as_a_whole_with_word_final_apostrophes():
    m = TermMatcher.from_concepts([Concept("parl", (Term("kk-Latn", "Parlament"),)),
                                   Concept("rk", (Term("kk-Latn", "Qazaqstan Respublikasy"),))])
    text = "Qazaqstan Respy'bli'kasy Parlamentinin' otyrysy"
    assert [(x.concept_id, x.text) for x in m.find(text, "kk-Latn")] == [
        ("rk", "Qazaqstan Respy'bli'kasy"), ("parl", "Parlamentinin'")]
