"""termbase.languages.word_key / word_keys: inflected forms share a key, different words do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termbase.errors import UnknownLanguage
from termbase.languages import normalize, word_key, word_keys


def keys(words: str, lang: str) -> set[str]:
    return {word_key(w, lang) for w in words.split()}


# --- Kazakh ---------------------------------------------------------------------------

KK_SAME = [
    "Ассамблея Ассамблеясы Ассамблеясының Ассамблеясына Ассамблеясын Ассамблеясында",
    "министрлік министрлігі министрлігінің министрлігіне министрліктің министрліктері",
    "құрылтай құрылтайға құрылтайдың құрылтайы Құрылтайының",
    "комитет комитеті комитетінің комитетіне комитетімен",
    "сот соты сотының сотқа сотта",
    "кеңес кеңесі кеңесінің кеңесіне",
    "агенттік агенттігі агенттігінің агенттікке",
    "Қазақстан Қазақстанның Қазақстанда Қазақстанға Қазақстаннан Қазақстанды",
    "халық халқы халқының халыққа халықтың",
    "Парламент Парламенті Парламентінің Парламентте",
    "Мәжіліс Мәжілісі Мәжілісінің Мәжілістің Мәжілісте",
    "прокуратура прокуратурасы прокуратурасының прокуратураға",
    "Үкімет Үкіметтің Үкіметке Үкіметпен Үкіметте Үкіметтен",
    "банк банкі банктің банкінің",  # a loan ending in к takes front suffixes
    "облыс облысы облысында облысының облыстың облысындағы",
    "аудан ауданы ауданында ауданының",
    "қала қаласы қаланы қаланың қалада қалалар қаладағы",
    "басшы басшысы басшылары басшысының",
    "ел еліміз елімізде еліміздің елдер",
    "іс істер істері",
    "орын орны орнына орынға",
    "одақ одаққа одақтың одағы",
    "университет университеті университетінде",
    "АҚШ АҚШ-тың АҚШ-қа АҚШ-тағы",  # suffix after a hyphen
    "ҚР ҚР-дың ҚР-ның",
    "2024 2024-ке",
    "министрлiгi министрлігі",  # Latin i typed for і
    "төраға төрағасы төрағасының",
    "жұмыс жұмысы жұмыстар жұмыстары",
    "Нұр-Сұлтан Нұр-Сұлтанның Нұр-Сұлтанда",
]


@pytest.mark.parametrize("forms", KK_SAME, ids=lambda f: f.split()[0])
def test_kazakh_forms_share_a_key(forms):
    assert len(keys(forms, "kk")) == 1, {w: word_key(w, "kk") for w in forms.split()}


# Different words a naive stripper merges: derivation kept, look-alike endings kept.
KK_DIFFERENT = [
    ("министр", "министрлік"),  # minister / ministry
    ("агент", "агенттік"),  # agent / agency
    ("ат", "ата"),  # horse, name / grandfather
    ("бал", "бала"),  # honey / child
    ("сан", "сана"),  # number / consciousness
    ("тең", "теңге"),  # equal / tenge
    ("бас", "басқа"),  # head / other
    ("ақ", "ақы"),  # white / payment
    ("ой", "ойын"),  # thought / game
    ("ор", "орын"),  # ditch / place
    ("сау", "сауда"),  # healthy / trade
    ("кеше", "кешен"),  # yesterday / complex
    ("алты", "алтын"),  # six / gold
    ("тап", "табыс"),  # find / income
    ("қала", "қалау"),  # city / wish
    ("оқу", "оқушы"),  # study / pupil
    ("жол", "жолаушы"),  # road / passenger
    ("ел", "елші"),  # country / ambassador
    ("білім", "білік"),  # knowledge / skill
    ("кітап", "кітапхана"),  # book / library
    ("ба", "баға"),  # (particle) / price
    ("та", "тамыз"),  # (particle) / August
]


@pytest.mark.parametrize("a, b", KK_DIFFERENT, ids=lambda p: p)
def test_kazakh_different_words_keep_different_keys(a, b):
    assert word_key(a, "kk") != word_key(b, "kk")


@pytest.mark.parametrize(
    "word, key",
    [
        ("министрлігінің", "министрлік"),  # г -> к after the vowel suffix is gone
        ("Ассамблеясында", "ассамблея"),
        ("халқының", "халық"),  # dropped vowel restored
        ("комитеттері", "комитет"),
        ("теңгеге", "теңге"),  # protected word, inflected
        ("сауданы", "сауда"),
        ("", ""),
    ],
)
def test_kazakh_keys(word, key):
    assert word_key(word, "kk") == key


# --- Russian --------------------------------------------------------------------------

RU_SAME = [
    "Генеральная Генеральной Генеральную Генерального Генеральный",
    "прокуратура прокуратуры прокуратуре прокуратурой прокуратуру",
    "Комитет Комитета Комитетом Комитету",
    "национальной национальная национального",
    "безопасности безопасность безопасностью",
    "Министерство Министерства Министерством Министерстве",
    "Ассамблея Ассамблеи Ассамблеей Ассамблее Ассамблею",
    "народа народ народу",
    "Казахстана Казахстан Казахстану Казахстаном",
    "суд суда судом суду",
    "совет совета советом советы",
    "Верховный Верховного Верховным Верховной",
    "Мажилис Мажилиса Мажилисом",
    "орган органа органы",
    "ёлка елка ёлки",
]


@pytest.mark.parametrize("forms", RU_SAME, ids=lambda f: f.split()[0])
def test_russian_forms_share_a_key(forms):
    assert len(keys(forms, "ru")) == 1, {w: word_key(w, "ru") for w in forms.split()}


RU_DIFFERENT = [
    ("министр", "министерство"),
    ("совет", "советский"),
    ("генерал", "генеральный"),
    ("народ", "народный"),
    ("безопасность", "безопасный"),
    ("конституция", "конституционный"),
    ("управление", "управлять"),
    ("нация", "национальный"),
    ("государство", "государственный"),
    ("суд", "судья"),
]


@pytest.mark.parametrize("a, b", RU_DIFFERENT, ids=lambda p: p)
def test_russian_different_words_keep_different_keys(a, b):
    assert word_key(a, "ru") != word_key(b, "ru")


def test_russian_key_is_the_lemma():
    assert word_key("генеральной", "ru") == "генеральный"
    assert word_key("счётного", "ru") == "счетный"  # ё of the dictionary lemma folded too


def test_russian_word_forms():
    from termbase.languages import russian_word_forms

    assert russian_word_forms("прокуратура") == {
        "прокуратура", "прокуратуры", "прокуратуре", "прокуратуру", "прокуратурой", "прокуратурою",
        "прокуратур", "прокуратурам", "прокуратурами", "прокуратурах",
    }
    assert all(word_key(form, "ru") == "прокуратура" for form in russian_word_forms("прокуратура"))
    assert "люди" in russian_word_forms("человек")  # suppletion
    assert russian_word_forms("генеральный", degrees=True) - russian_word_forms("генеральный") == {
        "генеральнее", "генеральней", "погенеральнее", "погенеральней",
    }
    assert russian_word_forms("казахстаном") == frozenset()  # not a lemma
    # a word pymorphy3's dictionary does not have: the forms of the paradigms it guesses
    assert russian_word_forms("тенг") and russian_word_forms("тенг", guesses=False) == frozenset()
    assert russian_word_forms("nur") == {"nur"} and russian_word_forms("nur", guesses=False) == frozenset()
    assert russian_word_forms("") == frozenset()


# --- English --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        "general general's generals generals'",
        "ministry ministries ministry's",
        "minister ministers minister's ministers'",
        "assembly assemblies",
        "committee committees committee's",
        "court courts",
        "General’s general's",  # typographic apostrophe
    ],
    ids=lambda f: f.split()[0],
)
def test_english_forms_share_a_key(forms):
    assert len(keys(forms, "en")) == 1


def test_english_keys():
    assert word_key("general's", "en") == word_key("general", "en") == "general"
    assert word_key("ministries", "en") == word_key("ministry", "en") == "ministri"
    assert word_key("minister", "en") != word_key("ministry", "en")


# --- word_key and word_keys ---------------------------------------------------------------


def test_word_key_accepts_any_spelling_of_the_language():
    assert word_key("Министерством", "ru-RU") == word_key("министерство", "rus")


def test_word_key_unknown_language():
    with pytest.raises(UnknownLanguage, match="country code"):
        word_key("сөз", "kz")
    with pytest.raises(UnknownLanguage):
        word_key("Wort", "de")


def test_word_key_normalises_its_input():
    assert word_key("МинистрлIгIнIҢ", "kk") == "министрлік"
    assert word_key("и\u0306од", "ru") == word_key("йод", "ru")  # full NFC in the key


def test_word_key_is_cached():
    word_key.cache_clear()
    word_key("комитетінің", "kk")
    word_key("комитетінің", "kk")
    assert word_key.cache_info().hits == 1


@pytest.mark.parametrize(
    "a, b, lang",
    [
        ("Қазақстан халқы Ассамблеясы", "Қазақстан халқы Ассамблеясының", "kk"),
        ("Сыртқы істер министрлігі", "Сыртқы істер министрлігіне", "kk"),
        ("Ұлттық қауіпсіздік комитеті", "Ұлттық қауіпсіздік комитетінің", "kk"),
        ("Ассамблея народа Казахстана", "Ассамблеей народа Казахстана", "ru"),
        ("Комитет национальной безопасности", "Комитетом национальной безопасности", "ru"),
        ("Генеральная прокуратура", "Генеральной прокуратуре", "ru"),
        ("Assembly of People of Kazakhstan", "the Assembly of People of Kazakhstan's", "en"),
    ],
)
def test_word_keys_match_inflected_terms(a, b, lang):
    ka, kb = word_keys(a, lang), word_keys(b, lang)
    assert ka == kb[-len(ka):]


def test_word_keys_in_order():
    assert word_keys("Ұлттық қауіпсіздік комитетінің төрағасы", "kk") == [
        "ұлттық", "қауіпсіздік", "комитет", "төраға",
    ]
    assert word_keys("Комитетом национальной безопасности", "ru") == [
        "комитет", "национальный", "безопасность",
    ]
    assert word_keys("The General's ministries.", "en") == ["the", "general", "ministri"]


KAZAKH_TEXT = st.text(alphabet="аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя-", max_size=20)


@given(KAZAKH_TEXT)
def test_kazakh_key_is_never_longer_than_the_word(word):
    # Only suffixes come off; a restored dropped vowel (халқ -> халық) adds one letter.
    key = word_key(word, "kk")
    assert len(key) <= len(word) + 1
    assert key == "" or key[0] == normalize(word)[0]


@pytest.mark.parametrize("forms", [("Капшагай", "Капшагае", "Капшагая"), ("Акорда", "Акорде", "Акорды")])
def test_russian_prefers_the_nominal_reading(forms):
    # pymorphy3's first parse of "капшагай" is the imperative of a guessed verb "капшагать"
    assert len({word_key(f, "ru") for f in forms}) == 1
