"""Sentences and tokens for extraction (``termbase.extraction.text``): names the tokeniser cuts in
pieces come back as one token."""

import pytest

from termbase.extraction import detect, text


def words(sentence: str, lang: str) -> list[str]:
    (sent,) = list(text.sentences(sentence, lang))
    return list(sent.words)


@pytest.mark.parametrize(
    "sentence, lang, expected",
    [
        ("The U.S. and the U.N. met in Washington D.C. today.", "en",
         ["The", "U.S.", "and", "the", "U.N.", "met", "in", "Washington", "D.C.", "today", "."]),
        ("S&P, AT&T and M&S fell but Johnson & Johnson rose.", "en",
         ["S&P", ",", "AT&T", "and", "M&S", "fell", "but", "Johnson", "&", "Johnson", "rose", "."]),
        ("Оператор Tele2 и агентство S&P, а также Yahoo! объявили об этом.", "ru",
         ["Оператор", "Tele2", "и", "агентство", "S&P", ",", "а", "также", "Yahoo!", "объявили", "об", "этом", "."]),
        # an English possessive stays apart (the detector decides); in Russian text it belongs to the name
        ("McDonald's said so.", "en", ["McDonald", "'s", "said", "so", "."]),
        ("Сеть McDonald's закрылась.", "ru", ["Сеть", "McDonald's", "закрылась", "."]),
        # "!" at the end of a sentence, a spaced number and a lower-case word with digits stay apart
        ("We love Yahoo!", "en", ["We", "love", "Yahoo", "!"]),
        ("Radio 4 and mp3 files.", "en", ["Radio", "4", "and", "mp", "3", "files", "."]),
    ],
)
def test_names_cut_by_the_tokeniser_are_one_token(sentence, lang, expected):
    assert words(sentence, lang) == expected


def test_joined_tokens_keep_their_offsets():
    (sent,) = list(text.sentences("Shares of AT&T rose.", "en"))
    assert [sent.text[s:e] for s, e in sent.spans] == list(sent.words)


@pytest.mark.parametrize(
    "line, lang, kept",
    [
        # English writes headlines in Title Case: no text to read names from
        ("President Tokayev Highlights Assembly's Role Today", "en", False),
        # Russian and Kazakh do not: a line of capitalised words there is a name (an act's approval stamp)
        ("«СОГЛАСОВАН» Министерство энергетики Республики Казахстан", "ru", True),
        ("«КЕЛІСІЛДІ» Қазақстан Республикасы Энергетика министрлігі", "kk", True),
        # a line all in upper case stays a headline in any language
        ("ПРАВИЛА ИСЧИСЛЕНИЯ ВЫСЛУГИ ЛЕТ СОТРУДНИКАМ", "ru", False),
    ],
)
def test_title_case_lines_are_headlines_in_english_only(line, lang, kept):
    assert bool(list(text.sentences(line, lang))) is kept


@pytest.mark.parametrize(
    "paragraph, headline",
    [
        ("Tokayev Meets Press in Astana today", True),  # 4 of 5 words bar the small ones (75% at least)
        ("Tokayev meets press in Astana today", False),
        ("Tokayev Meets Press in Astana Today.", False),  # a full stop: a sentence, not a headline
        ("Tokayev Meets Press", False),  # fewer than four words
    ],
)
def test_a_paragraph_headline_is_three_in_four_words_capitalised_and_no_final_stop(paragraph, headline):
    assert text.is_headline(paragraph) is headline


@pytest.mark.parametrize(
    "sentence, headline",
    [
        # four capitalised longer words after the first and a word prose writes in lower case ("After")
        ("Kanye West Embarked on a Diatribe After his Appearance .", True),
        # three are not enough, a full stop or not
        ("Kanye West embarked on a Diatribe After his show .", False),
        # nor is Title Case without such a word (a list of names is capitalised anyway)
        ("Kanye West Embarked on a Diatribe at his Appearance .", False),
    ],
)
def test_an_english_sentence_headline_needs_four_capitals_and_a_capitalised_function_word(sentence, headline):
    assert text.is_title_case_sentence(sentence.split(), 0) is headline
    # the detector of English takes the capitals of such a sentence for its position only
    initial = {o.initial for o in detect.DETECTORS["en"](next(text.sentences(sentence, "en"))) if o.kind != "phrase"}
    assert initial == ({True} if headline else {True, False})
