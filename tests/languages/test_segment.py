"""Sentence splitting: one test per rule, with real-looking Kazakh, Russian and English sentences."""

import pytest

from termbase.errors import UnknownLanguage
from termbase.languages.segment import segment, segments_from_lines, split_line_paragraphs, split_paragraphs, split_sentences
from termbase.models import Segment


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # Kazakh: "ж." (жыл) after a year does not end the sentence before lower case or a number
        ("kk", "Заң 2023 ж. қабылданды. Ол 1 қаңтарда күшіне енді.",
         ["Заң 2023 ж. қабылданды.", "Ол 1 қаңтарда күшіне енді."]),
        ("kk", "Сессия 2023 ж. 27 сәуірде өтті.", ["Сессия 2023 ж. 27 сәуірде өтті."]),
        # pysbd's Kazakh mode splits here; we must not
        ("kk", "Бұл оқиға 2023 ж. болды.", ["Бұл оқиға 2023 ж. болды."]),
        # "т.б." may end a sentence; "ҚР" starts the next one
        ("kk", "Ауыл шаруашылығы, өнеркәсіп т.б. салалар дамыды. ҚР Президенті сөз сөйледі.",
         ["Ауыл шаруашылығы, өнеркәсіп т.б. салалар дамыды.", "ҚР Президенті сөз сөйледі."]),
        ("kk", "Білім, ғылым т.б. Келесі мәселе қаралды.", ["Білім, ғылым т.б.", "Келесі мәселе қаралды."]),
        # initials
        ("kk", "Президент Қ.-Ж. Тоқаев Астанада сөз сөйледі. Ол бірлікке шақырды.",
         ["Президент Қ.-Ж. Тоқаев Астанада сөз сөйледі.", "Ол бірлікке шақырды."]),
        # "қ." (қала) before a name
        ("kk", "Жиын қ. Алматыда өтті.", ["Жиын қ. Алматыда өтті."]),
        # Russian: "т.е." never ends a sentence
        ("ru", "Закон вступает в силу, т.е. Президент его подписал. Далее.",
         ["Закон вступает в силу, т.е. Президент его подписал.", "Далее."]),
        # "г." after a year may end a sentence; "г." before a name is "город"
        ("ru", "Это произошло в 2023 г. Затем всё изменилось.", ["Это произошло в 2023 г.", "Затем всё изменилось."]),
        ("ru", "Форум прошёл в г. Астане в 2023 г. в мае.", ["Форум прошёл в г. Астане в 2023 г. в мае."]),
        ("ru", "Парк им. Абая находится на ул. Достык. Вход свободный.",
         ["Парк им. Абая находится на ул. Достык.", "Вход свободный."]),
        ("ru", "Президент К.-Ж. Токаев подписал закон. Он вступит в силу.",
         ["Президент К.-Ж. Токаев подписал закон.", "Он вступит в силу."]),
        ("ru", "См. ст. 5 Конституции. Она об этом.", ["См. ст. 5 Конституции.", "Она об этом."]),
        # "см." after a number is centimetres and may end a sentence; elsewhere "смотри"
        ("ru", "Осадки достигнут 10 см. Для зон севера меньше.", ["Осадки достигнут 10 см.", "Для зон севера меньше."]),
        ("ru", "Подробнее см. Приложение 2.", ["Подробнее см. Приложение 2."]),
        # dialogue: "?» — спросил" continues the sentence
        ("ru", "«Кто здесь?» — спросил он. Никто не ответил.", ["«Кто здесь?» — спросил он.", "Никто не ответил."]),
        ("ru", "Бюджет вырос на 5 млн. Это много.", ["Бюджет вырос на 5 млн.", "Это много."]),
        # English
        ("en", "Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("en", "U.S. President Biden spoke. The U.S. The end.", ["U.S. President Biden spoke.", "The U.S.", "The end."]),
        ("en", "He arrived in the U.S. on Monday. He left.", ["He arrived in the U.S. on Monday.", "He left."]),
        ("en", "See No. 5 for details. He said no. Then he left.",
         ["See No. 5 for details.", "He said no.", "Then he left."]),
        ("en", 'He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("en", "(See the annex.) The text follows.", ["(See the annex.)", "The text follows."]),
        ("en", "It costs $5. 6 people paid. Really?! Yes... Fine.",
         ["It costs $5.", "6 people paid.", "Really?!", "Yes...", "Fine."]),
        ("en", "Wait... what happened? Nothing.", ["Wait... what happened?", "Nothing."]),
        ("en", "1. General provisions. This law applies.", ["1. General provisions.", "This law applies."]),
        ("en", "President K.-J. Tokayev spoke.", ["President K.-J. Tokayev spoke."]),
    ],
)
def test_split_sentences(lang, text, expected):
    assert split_sentences(text, lang) == expected


def test_kazakh_closing_quote_ends_a_sentence():
    text = "Ол: “Біз келісеміз.“ Содан кейін кетті."
    assert split_sentences(text, "kk") == ["Ол: “Біз келісеміз.“", "Содан кейін кетті."]


def test_english_titles_inside_russian_text():
    assert split_sentences("Бренды Revlon и Dr. PawPaw. Далее.", "ru") == ["Бренды Revlon и Dr. PawPaw.", "Далее."]


def test_paragraphs_are_hard_boundaries_and_lines_are_joined():
    text = "Title without a full stop\n\nFirst line\ncontinues here. Second.\n   \nLast"
    assert split_paragraphs(text) == ["Title without a full stop", "First line\ncontinues here. Second.", "Last"]
    assert segment(text, "en") == [
        Segment("Title without a full stop", 0, 0),
        Segment("First line continues here.", 1, 1),
        Segment("Second.", 2, 1),
        Segment("Last", 3, 2),
    ]


def test_segments_from_lines_keeps_lines_and_paragraphs():
    assert segments_from_lines("One. Two.\r\nThree\n\n\nFour\n") == [
        Segment("One. Two.", 0, 0),
        Segment("Three", 1, 0),
        Segment("Four", 2, 1),
    ]
    assert segments_from_lines("\n\nOnly\n") == [Segment("Only", 0, 0)]


def test_unknown_language_is_an_error():
    with pytest.raises(UnknownLanguage, match="no sentence rules for language 'de'"):
        split_sentences("Guten Tag.", "de")


def test_empty_text_has_no_sentences():
    assert split_sentences("  \n\n ", "kk") == []
    assert segment("", "ru") == []


def test_line_paragraphs_join_hard_wrapped_lines_only():
    # one paragraph a line (news pages, documents read as text), not blank-line paragraphs
    text = "Title without a full stop\nFirst line\ncontinues here. Second.\nNext one.\n\nLast"
    assert split_line_paragraphs(text) == [
        "Title without a full stop", "First line continues here. Second.", "Next one.", "Last",
    ]
    assert split_paragraphs(text) == ["Title without a full stop\nFirst line\ncontinues here. Second.\nNext one.", "Last"]


def test_latin_kazakh_sentences_with_the_kazakh_abbreviations_in_latin():
    assert split_sentences("QR Prezidentı 2023 j. saılandy. T.b. mäseleler qaraldy. Būl jaily A. Baitūrsynūly jazdy.",
                           "kk-Latn") == [
        "QR Prezidentı 2023 j. saılandy.", "T.b. mäseleler qaraldy.", "Būl jaily A. Baitūrsynūly jazdy."]
