"""Kazakh in Latin script as a language tag: codes, identification, match keys."""

import pytest

from termbase.errors import UnknownLanguage
from termbase.languages import base_lang, detect_language, key_text, normalize_lang, text_keys, word_key, word_keys


@pytest.mark.parametrize("code", ["kk-Latn", "kk_latn", "KK-LATN-KZ", "kk@latin", "kk_KZ@latin", "kaz-Latn"])
def test_latin_kazakh_tags(code):
    assert normalize_lang(code) == "kk-Latn"
    assert base_lang(code) == "kk"


def test_cyrillic_tags_stay_kk():
    assert [normalize_lang(c) for c in ("kk", "kk-Cyrl", "kk-Cyrl-KZ", "kk_KZ")] == ["kk"] * 4


def test_no_latin_russian():
    with pytest.raises(UnknownLanguage, match="'ru-Latn': termbase has ru in its own script only"):
        normalize_lang("ru-Latn")


@pytest.mark.parametrize("text", [
    "Mäjılıs",
    "Qazaqstan Respublikasynyñ Parlamentı jaña zañdy qabyldady.",
    "Senat deputattary büdjettı bekıttı",
    "Prezident Qasym-Jomart Toqaev Astanada şeteldık investorlarmen kezdestı.",
    "Işkı ıster ministrlıgı",
    "Qazaqstan Respy'bli'kasy Parlamenti",
])
def test_latin_kazakh_is_identified(text):
    assert detect_language(text) == "kk-Latn"


@pytest.mark.parametrize("text", ["Mäjilis deputies approve budget", "The Senate of Kazakhstan", "Iraq and Qatar sign a deal",
                                  "Beautiful city quickly"])
def test_english_stays_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text, code", [
    ("Türkiye Büyük Millet Meclisi bugün toplandı ve yeni yasayı kabul etti.", "tr"),
    ("Ankara'da toplantı yapıldı", "tr"),
    ("O'zbekiston Respublikasi Oliy Majlisi yangi qonunni qabul qildi.", "uz"),
    ("Toshkent shahrida yangi maktab qurildi va u bilan", "uz"),
])
def test_turkish_and_uzbek_are_not_kazakh(text, code):
    with pytest.raises(UnknownLanguage, match=f"looks like '{code}'"):
        detect_language(text)


def test_latin_words_have_the_keys_of_their_cyrillic_spelling():
    assert word_keys("Parlamenttıñ Mäjılısınde", "kk-Latn") == word_keys("Парламенттің Мәжілісінде", "kk")
    assert word_key("Ministrlıgınıñ", "kk-Latn") == word_key("министрлік", "kk")
    # vowel harmony on the Latin letters: front -nıñ after a front stem, back -nyñ after a back one
    assert word_key("Respublikasynyñ", "kk-Latn") == word_key("Республика", "kk")
    assert word_key("QHA-nyñ", "kk-Latn") == word_key("ҚХА", "kk")  # an acronym keeps its own key


def test_whole_text_decides_the_alphabet():
    # "Ishki" alone is 2021 (Ишки); beside 2018 marks it is 2018 (Ішкі).
    assert word_keys("Ishki ister mınıstrliginiń", "kk-Latn")[0] == word_key("Ішкі", "kk")
    assert key_text("Mäjılıs", "kk-Latn") == "Мәжіліс"


@pytest.mark.parametrize("text", ["Qys qaharyna mındı .", "Futbolşylarymyz bırınşı topta synğa tüsedı .",
                                  "Tolyğyraq tılşı reportajynda ."])
def test_front_words_with_dotless_i_only_and_y_between_consonants_are_kazakh(text):
    assert detect_language(text) == "kk-Latn"


def test_english_contractions_are_no_2017_apostrophes():
    assert detect_language("They don't know you're furious.") == "en"


@pytest.mark.parametrize("text", ["Senat jinaldy", "Deputattar jinalyp", "Parlament otyrysynda", "Parlamentinin' otyrysy"])
def test_short_latin_kazakh_without_its_own_letters_by_its_endings(text):
    assert detect_language(text) == "kk-Latn"


@pytest.mark.parametrize("text", ["U.S. Sen. Warren", "the President's decree", "They don't", "A hardy lady, ready and handy"])
def test_english_abbreviations_possessives_and_endings_stay_english(text):
    assert detect_language(text) == "en"


def test_2017_word_final_apostrophe_stays_in_its_word():
    # n' is ң: without its apostrophe "Parlamentinin" is no Kazakh form
    assert word_keys("Parlamentinin' otyrysy", "kk-Latn") == word_keys("Парламентінің отырысы", "kk")
    assert text_keys("Senattyn' otyrysy", "kk-Latn") == (word_keys("Сенаттың отырысы", "kk"), [(0, 9), (10, 17)])
    # English keeps its possessives and contractions as they were
    assert text_keys("the Presidents' decree", "en")[1] == [(0, 3), (4, 14), (16, 22)]
    assert text_keys("the President's decree", "en")[1] == [(0, 3), (4, 15), (16, 22)]
