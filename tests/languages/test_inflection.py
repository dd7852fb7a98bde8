"""Inflection for extraction (``termbase.languages.kazakh`` and ``.russian``): Kazakh case endings that
must fit the sound before them, Russian nominatives made from lemmas, and what pymorphy3 says about a word."""

import pytest

from termbase.languages import kazakh, russian


# ------------------------------------------------------------------------------------------ Kazakh
@pytest.mark.parametrize(
    "word, stripped",
    [
        ("Нұрсұлтан", "Нұрсұлтан"),  # л + -тан is no ablative (that is -дан)
        ("Қазақстан", "Қазақстан"),  # -стан names a country
        ("Қазақстаннан", "Қазақстан"),
        ("Назарбаевтың", "Назарбаев"),  # a Russian name breaks vowel harmony, not the sound rule
        ("Тоқаевқа", "Тоқаев"),
        ("қызбен", "қыз"),
        ("Алматының", "Алматы"),
        ("ауылдың", "ауыл"),
        ("адамның", "адам"),
        ("адамдың", "адамдың"),  # -дың does not follow м
    ],
)
def test_kazakh_case_ending_must_fit_the_sound_before_it(word, stripped):
    assert kazakh.strip_case_kk(word, sure_only=True) == stripped


def test_kazakh_fit_rules():
    assert kazakh.kk_fits("адам", "ның") and kazakh.kk_fits("ауыл", "дың") and kazakh.kk_fits("сот", "қа")
    assert not kazakh.kk_fits("нұрсұл", "тан") and not kazakh.kk_fits("қазақс", "тан")
    assert not kazakh.kk_fits("сот", "ға")


@pytest.mark.parametrize(
    "word, genitive",
    [
        ("Ұлыбританияның", True), ("соттың", True), ("Тоқаевтың", True), ("ауылдың", True), ("үйдің", True),
        ("министрлігінің", True), ("АҚШ-тың", True), ("2020-ның", True), ("Commodoresтың", True),
        # a word that merely ends so: no stem ("тың", virgin land), a possessive -ың after a stem in т or
        # н ("уақытың", your time; "жаның", your soul), a verb ("ұрладың", you stole), an ending that
        # does not fit the sound before it ("адамдың": -ның after м)
        ("тың", False), ("ның", False), ("уақытың", False), ("жаның", False), ("ұрладың", False),
        ("адамдың", False), ("Ұлыбритания", False),
    ],
)
def test_kazakh_genitive_needs_a_stem_the_ending_fits(word, genitive):
    assert kazakh.is_genitive_kk(word) is genitive


def test_kazakh_bases_are_cached_and_immutable():
    assert kazakh.kk_bases("министрлігіне") is kazakh.kk_bases("министрлігіне")
    assert "министрлік" in kazakh.kk_bases("министрлігіне")


# ----------------------------------------------------------------------------------------- Russian
@pytest.mark.parametrize(
    "words, expected",
    [
        ("российской сборной", "российская сборная"),
        ("синей птице", "синяя птица"),
        ("Большого театра", "Большой театр"),
        ("хорошего дома", "хороший дом"),
        ("всемирной паутине", "всемирная паутина"),
        ("ножницах", "ножницы"),  # plural only
        # through pymorphy3: a plural head, a superlative, a suppletive lemma, a possessive adjective
        ("государственных услуг", "государственные услуги"),
        ("крупнейшей компании", "крупнейшая компания"),
        ("детей", "дети"),
        ("Новодевичьего кладбища", "Новодевичье кладбище"),
    ],
)
def test_russian_nominative(words, expected):
    assert " ".join(russian.nominative_ru(words.split())) == expected


@pytest.mark.parametrize(
    "lemma, agree, expected",
    [("русский", "femn", "русская"), ("русский", "neut", "русское"), ("синий", "femn", "синяя"),
     ("синий", "neut", "синее"), ("хороший", "neut", "хорошее"), ("большой", "plur", "большие"),
     ("молодой", "plur", "молодые"), ("новый", "masc", "новый"), ("сам", "femn", None)],
)
def test_russian_adjective_nominative_by_rule(lemma, agree, expected):
    assert russian._adjective_nominative(lemma, agree) == expected


def test_russian_known_words_are_dictionary_words_not_guesses():
    # "архнадзор" is guessed from "надзор" with a prefix: not a dictionary word
    assert russian.ru_word("министерство").known
    assert not russian.ru_word("архнадзор").known
    assert not russian.ru_word("пишетсридер").known
