"""Kazakh between Cyrillic and the Latin alphabet of 2021 (and the 2017/2018 drafts as input)."""

import pytest

from termbase.languages.translit import (
    KAZAKH_LATIN_2021, LOANWORD_LETTERS, kazakh_to_cyrillic, kazakh_to_latin, latin_variant,
)

# The official table of 28 January 2021: Latin capital, small, Cyrillic letter(s).
OFFICIAL_2021 = [
    ("A", "a", "а"), ("Ä", "ä", "ә"), ("B", "b", "б"), ("D", "d", "д"), ("E", "e", "е"), ("F", "f", "ф"),
    ("G", "g", "г"), ("Ğ", "ğ", "ғ"), ("H", "h", "х"), ("H", "h", "һ"), ("I", "ı", "і"), ("İ", "i", "и"),
    ("İ", "i", "й"), ("J", "j", "ж"), ("K", "k", "к"), ("L", "l", "л"), ("M", "m", "м"), ("N", "n", "н"),
    ("Ñ", "ñ", "ң"), ("O", "o", "о"), ("Ö", "ö", "ө"), ("P", "p", "п"), ("Q", "q", "қ"), ("R", "r", "р"),
    ("S", "s", "с"), ("Ş", "ş", "ш"), ("T", "t", "т"), ("U", "u", "у"), ("Ū", "ū", "ұ"), ("Ü", "ü", "ү"),
    ("V", "v", "в"), ("Y", "y", "ы"), ("Z", "z", "з"),
]


def test_the_alphabet_has_31_letters_in_the_official_order():
    assert len(KAZAKH_LATIN_2021) == 31
    assert "".join(cap for cap, _, _ in KAZAKH_LATIN_2021) == "AÄBDEFGĞHIİJKLMNÑOÖPQRSŞTUŪÜVYZ"


@pytest.mark.parametrize("cap, small, cyr", OFFICIAL_2021)
def test_official_table_cyrillic_to_latin(cap, small, cyr):
    assert kazakh_to_latin(cyr) == small
    assert kazakh_to_latin(cyr.upper()) == cap


@pytest.mark.parametrize("cap, small, cyr", [row for row in OFFICIAL_2021 if row[2] not in "һй"])
def test_official_table_latin_to_cyrillic(cap, small, cyr):
    # One Latin letter for two Cyrillic ones: H is х (һ only in Arabic loans), İ/i is и (й after a vowel).
    assert kazakh_to_cyrillic(small, "2021") == cyr
    assert kazakh_to_cyrillic(cap, "2021") == cyr.upper()


def test_i_after_a_vowel_is_short_i():
    assert kazakh_to_cyrillic("üi ūiym Aidyn") == "үй ұйым Айдын"
    assert kazakh_to_cyrillic("siyr ie") == "сиыр ие"


@pytest.mark.parametrize("cyrillic, latin", [
    ("Қазақстан Республикасының Парламенті", "Qazaqstan Respublikasynyñ Parlamentı"),
    ("Қазақстан Республикасы Парламентінің Мәжілісі", "Qazaqstan Respublikasy Parlamentınıñ Mäjılısı"),
    ("Қазақстан Республикасы Парламентінің Сенаты", "Qazaqstan Respublikasy Parlamentınıñ Senaty"),
    ("Қазақстан Республикасының Ұлттық Банкі", "Qazaqstan Respublikasynyñ Ūlttyq Bankı"),
    ("Қазақстан Республикасы Ішкі істер министрлігі", "Qazaqstan Respublikasy Işkı ıster ministrlıgı"),
    ("Ұлттық қауіпсіздік комитеті", "Ūlttyq qauıpsızdık komitetı"),
    ("Қазақстан халқы Ассамблеясы", "Qazaqstan halqy Assambleiasy"),
    ("Жоғарғы Сот", "Joğarğy Sot"),
    ("Орталық сайлау комиссиясы", "Ortalyq sailau komissiiasy"),
    ("Бас прокуратура", "Bas prokuratura"),
    ("Ақорда", "Aqorda"),
    ("ҚХА", "QHA"),
    ("ІІМ", "IIM"),
])
def test_state_body_names_both_ways(cyrillic, latin):
    assert kazakh_to_latin(cyrillic) == latin
    assert kazakh_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize("cyrillic, latin, back", [
    ("Федерация", "Federatsiia", "Федерация"),  # ц -> ts, ts before i reads back ц
    ("Чемпионат", "Chempionat", "Чемпионат"),  # ч -> ch
    ("ащы", "aşşy", "ащы"),  # щ -> şş
    ("аю", "aiu", "аю"),  # ю -> iu
    ("Ясауи", "İasaui", "Ясауи"),  # я -> ia; i after u reads back и
    ("бюджет", "biudjet", "бюджет"),  # iu after a consonant is ю
    ("миллиард", "milliard", "миллиард"),  # ia after a consonant is и + а
    ("снаряд", "snariad", "снариад"),  # ... so a consonant + я does not come back
    ("шаһардағы", "şahardağy", "шаһардағы"),  # һ is h, back to һ in the listed words
    ("жаһандық", "jahandyq", "жаһандық"),
    ("Хабар", "Habar", "Хабар"),
    ("Азия", "Aziia", "Азия"),
    ("тию", "tiiu", "тию"),
    ("Ёлка", "İolka", "Иолка"),  # ё -> io, read back as ио
    ("экономика", "ekonomika", "економика"),  # э -> e
    ("съезд", "sezd", "сезд"),  # ъ dropped
    ("Ильич", "İlich", "Илич"),  # ь dropped
    ("өтсе", "ötse", "өтсе"),  # ts before a vowel other than i is т + с
    ("ЧҚІ", "CHQI", "ЧҚІ"),  # a digraph in an acronym is capitals
])
def test_loanword_letters(cyrillic, latin, back):
    assert kazakh_to_latin(cyrillic) == latin
    assert kazakh_to_cyrillic(latin) == back


def test_loanword_rules_cover_every_letter_outside_the_table():
    assert sorted(LOANWORD_LETTERS) == sorted("цчщёюяэьъ")


def test_other_characters_are_kept():
    assert kazakh_to_latin("2021 ж. «Нұр Отан» — Google, 5%") == "2021 j. «Nūr Otan» — Google, 5%"
    assert kazakh_to_cyrillic("2021 j. «Nūr Otan», 5%") == "2021 ж. «Нұр Отан», 5%"


def test_2017_apostrophe_and_2018_acute_drafts_are_read():
    assert latin_variant("Qazaqstan Respy'bli'kasy") == "2017"
    assert kazakh_to_cyrillic("Qazaqstan Respy'bli'kasy") == "Қазақстан Республикасы"
    assert kazakh_to_cyrillic("Qazaqstan Respy’bli’kasy Parlamentinin' Ma'jilisi") == (
        "Қазақстан Республикасы Парламентінің Мәжілісі")
    assert kazakh_to_cyrillic("s'ag'yn u'i' c'ai'") == "шағын үй чай"
    assert latin_variant("Qazaqstan Respýblıkasy") == "2018"
    assert kazakh_to_cyrillic("Qazaqstan Respýblıkasy Parlamentiniń Májilisi") == (
        "Қазақстан Республикасы Парламентінің Мәжілісі")
    assert kazakh_to_cyrillic("Ǵylym jáne bilim mınıstrligi", "2018") == "Ғылым және білім министрлігі"
    assert kazakh_to_cyrillic("Shymkent", "2018") == "Шымкент"


def test_variant_defaults_to_2021():
    assert latin_variant("Qazaqstan") == "2021"
    assert latin_variant("Parlamentı") == "2021"
    with pytest.raises(ValueError, match="unknown Latin Kazakh variant '1929'"):
        kazakh_to_cyrillic("x", "1929")


def test_name_key_reads_latin_kazakh_letters():
    from termbase.languages.translit import name_key

    assert name_key("Şymkent") == name_key("Шымкент") == name_key("Shymkent")
    assert name_key("Toqaevtyñ") == name_key("Токаев")
    assert name_key("Ūlytau") == name_key("Ұлытау")


def test_2017_word_final_apostrophes_make_a_2017_text_unless_single_quotes_open():
    from termbase.languages.translit import latin_variant

    assert latin_variant("Senattyn' otyrysy") == "2017"
    assert kazakh_to_cyrillic("Senattyn' otyrysy") == "Сенаттың отырысы"
    assert latin_variant("'Nur Otan' partiiasy") == "2021"  # a closing quote, not ң
