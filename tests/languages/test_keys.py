"""termbase.languages.keys: one match key for every component that compares words, and citation forms
built on it (the dictionary form of a name has the keys of its inflected mentions)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from termbase.alignment import termbase_anchors
from termbase.checking.prefilter import Prefilter, word_filter
from termbase.errors import UnknownLanguage
from termbase.extraction import extract_terms
from termbase.languages import keys
from termbase.languages.keys import ACRONYM_MARK, citation_form, text_keys, word_key, word_keys
from termbase.search.lookup import LookupIndex
from termbase.search.matcher import TermMatcher
from termbase.models import Concept, Term


# --- one function -----------------------------------------------------------------------------------
def test_lookup_matcher_check_and_extraction_call_the_same_key_function():
    import termbase.checking.checker as checker
    import termbase.checking.prefilter as prefilter
    import termbase.extraction.pipeline as extraction
    import termbase.languages as languages
    import termbase.search.lookup as lookup
    import termbase.search.matcher as match

    assert match.word_key is keys.word_key  # the matcher: check, extraction's links, alignment anchors
    assert match.text_keys is keys.text_keys  # the matcher's terms
    assert lookup.text_keys is keys.text_keys
    assert prefilter.text_keys is keys.text_keys  # the check's prefilter and word filters
    assert extraction.word_key is keys.word_key  # merging inflected candidates
    assert languages.word_key is keys.word_key and languages.word_keys is keys.word_keys  # checker
    assert "word_keys" in checker.Checker._derivation_prefixes.__code__.co_names
    # text_keys and word_keys are word_key over the words of a text
    assert text_keys("Генеральной прокуратуре", "ru")[0] == [word_key("Генеральной", "ru"), word_key("прокуратуре", "ru")]


def test_no_second_key_remains():
    for gone in ("termbase.languages.stem", "termbase.extraction.morph", "termbase.extract"):
        assert importlib.util.find_spec(gone) is None, gone
    import termbase.alignment.anchors as anchors
    import termbase.search.matcher as match

    assert not hasattr(match, "stem") and not hasattr(anchors, "_word_key")


def test_alignment_termbase_anchors_key_words_with_the_matcher(monkeypatch):
    import termbase.search.matcher as match

    keyed = []
    monkeypatch.setattr(match, "word_key", lambda w, lang: keyed.append(w) or keys.word_key(w, lang))
    matcher = TermMatcher.from_concepts([Concept("apk", (Term("kk", "Қазақстан халқы Ассамблеясы"),))])
    anchors = termbase_anchors(matcher, base=None)
    assert anchors("Қазақстан халқы Ассамблеясының сессиясы", "kk") == ["capk"]
    assert "Ассамблеясының" in keyed


# --- the keys agree -----------------------------------------------------------------------------------
AGREE = [
    ("kk", "кеңесінің", "кеңес"),
    ("kk", "кеңесі", "кеңес"),
    ("kk", "министрлігінің", "министрлік"),
    ("kk", "Ассамблеясының", "Ассамблеясы"),
    ("kk", "Ассамблеясы", "Ассамблея"),
    ("kk", "ҚХА-ның", "ҚХА"),
    ("kk", "Тоқаевтың", "Тоқаев"),  # a Russian surname takes back suffixes after -ев
    ("kk", "Савкиннің", "Савкин"),  # and front ones after и
    ("kk", "Ұлттық құрылтайға", "Ұлттық құрылтай"),
    ("kk", "Ақордада", "Ақорда"),
    ("ru", "Токаева", "Токаев"),
    ("ru", "Токаевым", "Токаев"),
    ("ru", "Касым-Жомарта Токаева", "Касым-Жомарт Токаев"),
    ("ru", "Генеральной прокуратуре", "Генеральная прокуратура"),
    ("ru", "МИДа", "МИД"),
    ("ru", "Совета Министров", "Совет министров"),
    ("ru", "Капшагае", "Капшагай"),
    ("en", "APK's", "APK"),
    ("en", "Prosecutor General’s Office", "Prosecutor General's Office"),
    ("en", "ministries", "ministry"),
]


@pytest.mark.parametrize("lang, form, base", AGREE, ids=lambda x: x)
def test_inflected_forms_share_the_key_of_their_base(lang, form, base):
    assert word_keys(form, lang) == word_keys(base, lang)


@pytest.mark.parametrize("lang, form, base", AGREE, ids=lambda x: x)
def test_lookup_matcher_check_and_anchors_agree(lang, form, base):
    concept = Concept("c", (Term(lang, base),))
    # lookup: the inflected form finds the concept as an inflection (or exactly)
    (hit,) = LookupIndex([concept]).search(form, lang, limit=1)
    assert hit.concept.id == "c" and hit.score >= 0.95
    # the matcher, and the check's reading of a target through the term's word filter
    matcher = TermMatcher.from_concepts([concept])
    assert [m.text for m in matcher.find(form, lang)] == [form]
    fresh = TermMatcher.from_concepts([concept])
    assert [m.text for m in fresh.find_all(form, lang, needed=word_filter(concept.terms[0]))] == [form]
    # the check's prefilter lets the text through
    assert Prefilter([concept], generic_terms=True).may_match(form, lang, "source")
    # alignment's termbase anchors
    assert termbase_anchors(matcher, base=None)(form, lang) == ["cc"]


@pytest.mark.parametrize(
    "lang, text, term, forms",
    [
        ("ru", "Генеральная прокуратура провела проверку. Материалы переданы в Генеральную прокуратуру.",
         "Генеральная прокуратура", {"Генеральная прокуратура", "Генеральную прокуратуру"}),
        ("ru", "Вчера выступил Токаев. Журналисты встретились с Токаевым.",
         "Токаев", {"Токаев", "Токаевым"}),
        ("kk", "Ішкі істер министрлігінің өкілі сөйледі. Оны Ішкі істер министрлігі растады.",
         "Ішкі істер министрлігі", {"Ішкі істер министрлігінің", "Ішкі істер министрлігі"}),
    ],
)
def test_extraction_merges_the_forms_that_share_keys(lang, text, term, forms):
    (candidate,) = [c for c in extract_terms([text], lang=lang).candidates if c.term == term]
    assert set(candidate.forms) == forms and candidate.frequency == 2


def test_acronyms_have_keys_of_their_own():
    assert word_key("APK", "en").startswith(ACRONYM_MARK) and word_key("apk", "en") == "apk"
    assert word_key("ҚХА-ның", "kk") == word_key("ҚХА", "kk") == ACRONYM_MARK + "қха"
    assert word_key("МИДом", "ru") == word_key("МИД", "ru") != word_key("мид", "ru")
    assert word_key("МИНИСТРЛІГІНІҢ", "kk").startswith(ACRONYM_MARK)  # all capitals: an acronym


def test_russian_surnames_by_their_base_only_where_the_dictionary_has_no_word():
    assert word_key("Сёмина", "ru") == word_key("Сёмин", "ru") == "семин"
    assert word_key("Министров", "ru") == word_key("министров", "ru") == "министр"
    assert word_key("Украине", "ru") == word_key("Украина", "ru") == "украина"
    assert word_key("Токаева", "ru") != word_key("токаева", "ru")  # the capital makes it a surname


def test_word_key_language_and_cache():
    assert word_key("Министерством", "ru-RU") == word_key("министерство", "rus")
    with pytest.raises(UnknownLanguage):
        word_key("Wort", "de")
    word_key.cache_clear()
    word_key("комитетінің", "kk")
    word_key("комитетінің", "kk")
    assert word_key.cache_info().hits == 1


# --- citation forms -----------------------------------------------------------------------------------
CITATIONS = [
    ("ru", "Гарвардского университета", "Гарвардский университет"),
    ("ru", "Министерством внутренних дел", "Министерство внутренних дел"),
    ("ru", "Генеральной прокуратуре", "Генеральная прокуратура"),
    ("ru", "Верховного суда Республики Казахстан", "Верховный суд Республики Казахстан"),
    ("ru", "Национальном курултае", "Национальный курултай"),
    ("ru", "государственных услуг", "государственные услуги"),
    ("kk", "Ішкі істер министрлігінің", "Ішкі істер министрлігі"),
    ("kk", "Қазақстан халқы Ассамблеясының", "Қазақстан халқы Ассамблеясы"),
    ("kk", "Ұлттық қауіпсіздік комитетіне", "Ұлттық қауіпсіздік комитеті"),
    ("kk", "Жоғарғы Сотқа", "Жоғарғы Сот"),
    ("kk", "Назарбаевтың", "Назарбаев"),
    ("kk", "ҚХА-ның", "ҚХА"),
    ("en", "Prosecutor General’s Office", "Prosecutor General’s Office"),
]


@pytest.mark.parametrize("lang, surface, expected", CITATIONS, ids=lambda x: x)
def test_citation_form(lang, surface, expected):
    assert " ".join(citation_form(surface.split(), lang)) == expected


@pytest.mark.parametrize("lang, surface, expected", CITATIONS, ids=lambda x: x)
def test_the_citation_form_has_the_keys_of_the_surface_form(lang, surface, expected):
    assert word_keys(" ".join(citation_form(surface.split(), lang)), lang) == word_keys(surface, lang)


# --- one analyser -------------------------------------------------------------------------------------
def test_one_pymorphy3_analyser_per_process():
    code = """
import pymorphy3

made = []
init = pymorphy3.MorphAnalyzer.__init__
pymorphy3.MorphAnalyzer.__init__ = lambda self, *a, **k: made.append(1) or init(self, *a, **k)

from termbase.checking.prefilter import Prefilter, word_filter
from termbase.extraction import extract_terms
from termbase.languages import citation_form, russian_word_forms, word_key
from termbase.search.lookup import LookupIndex
from termbase.search.matcher import TermMatcher
from termbase.models import Concept, Term

concept = Concept("pg", (Term("en", "Prosecutor General's Office"), Term("ru", "Генеральная прокуратура")))
word_key("Министерством", "ru")
citation_form(["Генеральной", "прокуратуре"], "ru")
russian_word_forms("суд")
extract_terms(["Генеральная прокуратура провела проверку. Министр Сёмин выступил."], lang="ru")
TermMatcher.from_concepts([concept]).find_all("Генеральной прокуратуре", "ru", needed=word_filter(concept.terms[1]))
LookupIndex([concept]).search("прокуратуры")
Prefilter([concept]).may_match("Генеральной прокуратуре", "ru", "source")
print(len(made))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
