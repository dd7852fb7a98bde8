"""termbase.languages: codes, identification, normalisation, tokenising."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termbase.errors import UnknownLanguage
from termbase.languages import (
    KAZAKH_LETTERS,
    SUPPORTED,
    Token,
    detect_language,
    detect_language_scores,
    is_kazakh_word,
    normalize,
    normalize_lang,
    split_words,
    stopwords,
    tokenize_words,
)

# --- codes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, expected",
    [
        ("kk", "kk"), ("kk-KZ", "kk"), ("kk_KZ", "kk"), ("KAZ", "kk"), ("kaz", "kk"),
        ("Kazakh", "kk"), ("kk-Cyrl-KZ", "kk"), (" kk ", "kk"),
        ("ru", "ru"), ("ru-RU", "ru"), ("rus", "ru"), ("Russian", "ru"), ("RU_kz", "ru"),
        ("en", "en"), ("en-US", "en"), ("en_GB", "en"), ("eng", "en"), ("English", "en"),
    ],
)
def test_normalize_lang(code, expected):
    assert normalize_lang(code) == expected


def test_supported():
    assert SUPPORTED == ("en", "kk", "ru")


def test_kz_is_a_country_code():
    with pytest.raises(UnknownLanguage) as exc:
        normalize_lang("kz")
    assert str(exc.value) == "'kz' is a country code (Kazakhstan), not a language: use 'kk' for Kazakh"


def test_kz_region_subtag_is_also_rejected():
    with pytest.raises(UnknownLanguage, match="country code"):
        normalize_lang("kz-KZ")


@pytest.mark.parametrize("code", ["de", "uk", "", "kazakhstan", "k"])
def test_unknown_code_names_it_and_the_supported_ones(code):
    with pytest.raises(UnknownLanguage) as exc:
        normalize_lang(code)
    assert str(exc.value) == f"unknown language {code!r}: termbase supports en, kk, ru (and kk-Latn)"


# --- identification -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Бұл кітап.", "kk"),
        ("Это книга.", "ru"),
        ("This is a book.", "en"),
        # Kazakh without any Kazakh-only letter: function words and endings decide.
        ("Ол осы жылы Астанада болды деп айтты.", "kk"),
        ("Осы мерзім бойынша барлық тарап келісімге келді деп хабарлады.", "kk"),
        # Latin i typed for і, as in real Kazakh corpora.
        ("Бiлiм және ғылым министрлiгi", "kk"),
        ("Менiң атым Том.", "kk"),
        ("Қазақстан Республикасы Парламентінің Мәжілісі заң жобасын мақұлдады.", "kk"),
        ("Ёлка стоит в углу.", "ru"),
        ("Генеральная прокуратура Республики Казахстан сообщила о возбуждении дела.", "ru"),
        ("Та собака не кусается.", "ru"),
        # Russian text quoting a Kazakh name stays Russian.
        ("Председатель Мажилиса Ерлан Қошанов провёл встречу с депутатами.", "ru"),
        ("Kazakhstan Parliament Approves New Budget", "en"),
        ("Tokayev Signs Decree on Supreme Audit Chamber", "en"),
        ("Supreme Court", "en"),
        ("Astana Hosts Summit", "en"),
        ("Mäjilis deputies approve budget", "en"),
        ("The Ministry of Foreign Affairs of the Republic of Kazakhstan said on Monday.", "en"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text, code",
    [
        ("Die Regierung hat heute das Gesetz beschlossen.", "de"),
        ("Le gouvernement a adopté la loi sur les banques.", "fr"),
        ("Hükümet bugün yasayı kabul etti.", "tr"),
        ("Це книга про історію України.", "uk"),
    ],
)
def test_detect_language_rejects_other_languages(text, code):
    with pytest.raises(UnknownLanguage) as exc:
        detect_language(text)
    assert f"looks like {code!r}, which termbase does not support" in str(exc.value)


@pytest.mark.parametrize("text", ["", "   ", "2024 — 15 %", "...!?"])
def test_detect_language_needs_letters(text):
    with pytest.raises(UnknownLanguage, match="it has no letters"):
        detect_language(text)


def test_detect_language_other_script():
    with pytest.raises(UnknownLanguage, match="looks like 'zh-cn'"):
        detect_language("中华人民共和国国务院")


def test_detect_language_scores():
    assert detect_language_scores("This is a book.") == {"en": 1.0, "kk": 0.0, "ru": 0.0}
    kk = detect_language_scores("Бұл кітап.")
    assert kk["kk"] > kk["ru"] and kk["en"] == 0.0
    assert sum(kk.values()) == pytest.approx(1.0)
    de = detect_language_scores("Die Regierung hat heute das Gesetz beschlossen.")
    assert max(de, key=de.get) == "de"
    assert sum(de.values()) == pytest.approx(1.0)


def test_cyrillic_without_evidence_is_russian():
    # Documented default: a bare name has no Kazakh letter, so it is read as Russian.
    assert detect_language("Астана") == "ru"


# --- Kazakh letters -------------------------------------------------------------------


def test_kazakh_letters():
    assert set("әғқңөұүһі") <= KAZAKH_LETTERS
    assert set("ӘҒҚҢӨҰҮҺІ") <= KAZAKH_LETTERS
    assert not set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя") & KAZAKH_LETTERS


@pytest.mark.parametrize(
    "word, expected",
    [("министрлігі", True), ("министрлiгi", True), ("Қазақстан", True), ("министр", False),
     ("Казахстан", False), ("minister", False)],
)
def test_is_kazakh_word(word, expected):
    assert is_kazakh_word(word) is expected


# --- normalize ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Министрлiгi", "министрлігі"),  # Latin i (U+0069) in a Cyrillic word
        ("Cаяси", "саяси"),  # Latin C
        ("Kaзахстан", "казахстан"),  # Latin K and a
        ("HАУҚАС", "науқас"),  # Latin H is Cyrillic Н
        ("iPhone-ның", "iphone-ның"),  # a real Latin word is left alone
        ("Ёлка ЁЛКА", "елка елка"),
        ("General’s ʼquoteʼ `x´", "general's 'quote' 'x'"),
        ("«Нұр Отан» „x“ “y” ″z″", '"нұр отан" "x" "y" "z"'),
        ("a‐b a‑b a–b a—b", "a-b a-b a-b a-b"),
        ("a\u00a0b\u2009c\u202fd\te\nf", "a b c d e\nf"),
        ("ҚАЗАҚСТАН", "қазақстан"),
        ("\u212b", "å"),  # ANGSTROM SIGN: one-to-one part of NFC
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_normalize_keeps_characters_that_lower_to_two():
    # "İ".lower() is two characters; keeping the length matters more than folding it.
    assert normalize("İstanbul") == "İstanbul"


def test_normalize_decomposed_is_not_composed():
    # Canonical composition would shorten the string and break offsets.
    assert normalize("и\u0306") == "и\u0306"


def test_normalize_offsets_stay_valid():
    text = "«Министрлiгi» — ҚР Үкіметі"
    folded = normalize(text)
    start = folded.index("үкіметі")
    assert text[start : start + len("үкіметі")] == "Үкіметі"


@given(st.text())
def test_normalize_preserves_length(text):
    assert len(normalize(text)) == len(text)


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


# --- tokenize -------------------------------------------------------------------------


def test_tokenize_offsets():
    assert tokenize_words("Бұл кітап.") == [Token("Бұл", 0, 3), Token("кітап", 4, 9)]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Нұр-Сұлтан қаласы", ["Нұр-Сұлтан", "қаласы"]),
        ("the General's socio-political role", ["the", "General's", "socio-political", "role"]),
        ("ministers' votes", ["ministers", "votes"]),
        ("К.-Ж. Токаев", ["К", "Ж", "Токаев"]),
        ("«Ақ жол» партиясы, (ҚР) — 2024-жылы!", ["Ақ", "жол", "партиясы", "ҚР", "2024-жылы"]),
        ("АҚШ-тың 3.5 % 1,000", ["АҚШ-тың", "3.5", "1,000"]),
        ("-x- a--b 'quoted'", ["x", "a", "b", "quoted"]),
        ("и\u0306од", ["и\u0306од"]),  # combining breve stays in the word
        ("snake_case", ["snake", "case"]),
        ("", []),
    ],
)
def test_tokenize_words(text, words):
    assert [t.text for t in tokenize_words(text)] == words
    assert split_words(text) == words


def test_token_is_frozen():
    token = tokenize_words("сөз")[0]
    with pytest.raises(AttributeError):
        token.text = "x"  # type: ignore[misc]


@given(st.text())
def test_tokens_slice_the_original(text):
    previous_end = 0
    for token in tokenize_words(text):
        assert text[token.start : token.end] == token.text
        assert token.start >= previous_end and token.end > token.start
        previous_end = token.end


_TOKEN_TEXT = st.lists(
    st.sampled_from(["Нұр", "Сұлтан", "APK", "'s", "’", "ʼ", "-", "‑", "—", "3", ".", ",", "5", "«", "»", " ",
                     "\u00a0", "\t", "_", "\u00ad", "\u200b", "\u200d", "и\u0306", "(", ")", "U.S.", "К.-Ж."]),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_TOKEN_TEXT | st.text(max_size=30))
def test_split_words_is_the_tokeniser_without_offsets(text):
    # the fast split (termbase.search.matcher uses it) must give exactly the tokeniser's words
    assert split_words(text) == [t.text for t in tokenize_words(text)]


# --- stopwords and laziness -----------------------------------------------------------


def test_stopwords_load_from_package_data():
    assert {"және", "деп", "бойынша", "үшін"} <= stopwords("kk")
    assert {"и", "что", "это"} <= stopwords("ru-RU")
    assert {"the", "of", "and"} <= stopwords("eng")


def test_stopwords_unknown_language():
    with pytest.raises(UnknownLanguage):
        stopwords("kz")


def test_import_loads_nothing_heavy():
    code = (
        "import sys, termbase.languages as L\n"
        "heavy = {'Stemmer', 'pymorphy3', 'langdetect'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- docstring examples ---------------------------------------------------------------


@pytest.mark.parametrize(
    "module",
    ["codes", "identify", "kazakh", "normalize", "russian", "english", "keys", "stopwords",
     "tokenize", "segment", "translit"],
)
def test_docstring_examples(module):
    import doctest
    import importlib

    mod = importlib.import_module(f"termbase.languages.{module}")
    result = doctest.testmod(mod)
    assert result.failed == 0


def test_mixed_script_words_by_language():
    from termbase.languages.normalize import mixed_script_words

    assert mixed_script_words("Aстана мен Cаяси", "kk") == [(0, 6, "Астана"), (11, 16, "Саяси")]
    assert mixed_script_words("министрлiгi Twitterде", "kk") == []  # Latin i allowed; a Latin name with a suffix
    assert mixed_script_words("министрлiгi", "kk", strict=True) == [(0, 11, "министрлігі")]
    assert mixed_script_words("Прeзидент", "ru") == [(0, 9, "Президент")]
