"""languages/russian.py: a word without Cyrillic is its own lemma, with pymorphy3 left unloaded."""

from __future__ import annotations

import re

import pytest

from termbase.languages import russian, word_key

_CYRILLIC = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
WORDS = ("senate", "mazhilis", "covid-19", "g20", "xiv", "iii", "2024", "3.5", "s&p", "u.s.", "tele2", "nur-sultan",
         "qazaqstan", "mäjılıs", "ülttyq", "α-test", "中国", "o'zbekiston", "-", "'")


@pytest.mark.parametrize("word", WORDS)
def test_a_word_without_cyrillic_gets_the_lemma_pymorphy3_gives(word):
    assert russian.lemma_russian(word) == word == russian._lemma(russian.analyzer().parse(word))


def test_a_cyrillic_word_still_goes_to_the_dictionary():
    assert russian.lemma_russian("прокуратуре") == "прокуратура"
    assert [word_key(w, "ru") for w in ("Senate", "Aksu", "Сенатом")] == ["senate", "aksu", "сенат"]


@pytest.mark.slow
def test_no_word_of_the_russian_dictionary_is_without_cyrillic():
    # what lemma_russian's short cut rests on (5,140,211 forms: some seconds)
    words = russian.analyzer().dictionary.words
    assert [w for w in words.iterkeys() if not _CYRILLIC.search(w)] == []


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Палу", True),  # the dictionary's "палу" is the dative of the common noun "пал", not a name
        ("Лофнеру", False),  # not in the dictionary: the guess declines it (Лофнер)
        ("Кавано", True),
        ("Гарварду", False),  # a name the dictionary declines
        ("Москве", False),
        ("Праги", False),
        ("Гарварда", False),  # -а: a declinable shape
        ("Пхеньяне", False),  # -е: a case ending far more often than a name's end
        ("Кушадаси", True),  # unknown, in -и
        ("Конституции", False),  # a dictionary word in -и: a case form
    ],
)
def test_may_be_indeclinable_foreign_name(word, expected):
    assert russian.may_be_indeclinable_ru(word) is expected
