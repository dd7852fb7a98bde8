"""Term extraction: each stage alone on small fixtures, then the whole pipeline with exact outputs."""

import math
from pathlib import Path

import pytest

from termbase.errors import UnknownLanguage
from termbase.extraction import ExtractConfig, Extractor, counting, detect, extract_terms, proposed_concept, scoring, text
from termbase.languages import kazakh, russian, tokenize_with_punctuation, word_key
from termbase.models import Concept, Term
from termbase.search import TermIndex
from termbase.store import create_store

DATA = Path(__file__).parents[1] / "data" / "extract"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def spans(sentence: str, lang: str, kinds=("organization", "acronym", "person", "place", "name")):
    (sent,) = list(text.sentences(sentence, lang))
    out = []
    for o in detect.DETECTORS[lang](sent):
        if o.kind in kinds:
            out.append((o.kind, sent.text[sent.tokens[o.start][1] : sent.tokens[o.end - 1][2]]))
    return out


# ------------------------------------------------------------------------------------- text stage
def test_tokenize_keeps_punctuation_and_splits_possessive():
    assert [t[0] for t in tokenize_with_punctuation("Prosecutor General’s Office (APK), Lenta.ru")] == [
        "Prosecutor", "General", "’s", "Office", "(", "APK", ")", ",", "Lenta.ru",
    ]


def test_headline_byline_dateline_and_boilerplate_are_dropped():
    doc = (
        "President Tokayev Highlights Assembly’s Role in Ensuring Unity\n\n"
        "By Aida Haidar\n\n"
        "ASTANA – The Senate met. Photo credit: Akorda.\n\n"
        "Get The Astana Times stories sent directly to you!"
    )
    assert [s.text for s in text.sentences(doc, "en")] == ["The Senate met."]


# ----------------------------------------------------------------------------------------- detect
def test_english_institutions_joined_by_of_and_possessive():
    assert spans("He instructed the Prosecutor General’s Office and the Ministry of Internal Affairs.", "en") == [
        ("organization", "Prosecutor General’s Office"),
        ("organization", "Ministry of Internal Affairs"),
    ]


def test_english_acronym_expansion_and_title_stripping():
    assert spans("The Assembly of People of Kazakhstan (APK) met President Kassym-Jomart Tokayev.", "en") == [
        ("acronym", "APK"),
        ("organization", "Assembly of People of Kazakhstan"),
        ("person", "Kassym-Jomart Tokayev"),
    ]


def test_english_sentence_initial_adverb_is_not_a_name():
    assert spans("According to Tokayev, the Senate agreed.", "en") == [("person", "Tokayev"), ("organization", "Senate")]


def test_russian_head_noun_with_genitive_dependents():
    assert spans("Об этом сообщили в Министерстве внутренних дел и Комитете национальной безопасности.", "ru") == [
        ("organization", "Министерстве внутренних дел"),
        ("organization", "Комитете национальной безопасности"),
    ]


def test_russian_agency_with_po_phrase_and_acronym():
    assert spans("Агентство по делам государственной службы (АДГС) проверит работу.", "ru") == [
        ("acronym", "АДГС"),
        ("organization", "Агентство по делам государственной службы"),
    ]


def test_kazakh_head_noun_with_izafet_before_it():
    assert spans("Бұл туралы Ішкі істер министрлігінің өкілі айтты.", "kk") == [
        ("organization", "Ішкі істер министрлігінің")
    ]


def test_kazakh_position_title_is_not_a_name():
    assert spans("Отырыста Цифрлық даму министрі Жаслан Мәдиев сөйледі.", "kk") == [("person", "Жаслан Мәдиев")]


def test_english_phrases_skip_verbs_and_weak_modifiers():
    (sent,) = list(text.sentences("Tokayev stressed the recent political modernization.", "en"))
    got = [sent.text[sent.tokens[o.start][1] : sent.tokens[o.end - 1][2]] for o in detect.detect_en(sent) if o.kind == "phrase"]
    assert got == ["political modernization"]


# --------------------------------------------------------------------- morphology (languages)
@pytest.mark.parametrize(
    "words, expected",
    [
        ("Министерством внутренних дел", "Министерство внутренних дел"),
        ("Генеральной прокуратуре", "Генеральная прокуратура"),
        ("Ассамблеи народа Казахстана", "Ассамблея народа Казахстана"),
        ("пленарном заседании", "пленарное заседание"),
        # a name of words the dictionary does not know has no head noun to decline
        ("Синдзи Харада", "Синдзи Харада"),
        ("Масахару Коно", "Масахару Коно"),
        ("Бретта Кавано", "Бретт Кавано"),
        # "и" is no head noun (the dictionary has the letter's name as one)
        ("Иммиграционной и таможенной службы", "Иммиграционная и таможенная служба"),
        ("Всемирной продовольственной и сельскохозяйственной организации ООН",
         "Всемирная продовольственная и сельскохозяйственная организация ООН"),
        ("Об охране памятников", "Об охране памятников"),  # a title that begins with a preposition
    ],
)
def test_russian_nominative(words, expected):
    assert " ".join(russian.nominative_ru(words.split())) == expected


@pytest.mark.parametrize(
    "word, expected",
    [("министрлігінің", "министрлігі"), ("министрлігіне", "министрлігі"), ("Үкіметтің", "Үкімет"), ("ҚХА-ның", "ҚХА")],
)
def test_kazakh_case_ending_removed_possessive_kept(word, expected):
    assert kazakh.strip_case_kk(word) == expected


def test_kazakh_keys_merge_case_forms():
    assert word_key("Министрлігіне", "kk") == word_key("министрлігінің", "kk") == "министрлік"


# --------------------------------------------------------------------------------------- counting
def test_counter_is_exact_within_a_bucket_and_prunes_rare_entries():
    c = counting.Counter(bucket_size=4)
    for w in ["a", "b", "a", "a", "c", "a", "d", "a"]:
        c.add(("name", (w,)), "name", w, (w,), initial=False, context=None)
    assert {k[1][0]: e.frequency for k, e in c.entries.items()} == {"a": 5}


# ---------------------------------------------------------------------------------------- scoring
def test_cvalue_discounts_nested_phrases():
    a = counting.Stats(("phrase", ("plenari", "session")), frequency=3)
    b = counting.Stats(("phrase", ("apk", "plenari", "session")), frequency=1)
    cv = scoring.cvalues([a, b])
    assert cv[("plenari", "session")] == pytest.approx(2 * 1.5849625, rel=1e-6)
    assert cv[("apk", "plenari", "session")] == 2.0


def test_kazakh_citation_form_prefers_a_supported_nominative():
    s = counting.Stats(("name", ("ақорда",)))
    s.forms = {"Ақорда": [3, ("Ақорда",)], "Ақордада": [2, ("Ақордада",)], "Ақордаға": [1, ("Ақордаға",)]}
    assert scoring.candidate_term(s, "kk", "name") == "Ақорда"


def test_a_kazakh_name_seen_only_in_the_attributive_locative_is_cited_bare():
    # "Вандербильттегі" (which is at Vanderbilt), the only form seen: the name is "Вандербильт"
    s = counting.Stats(("name", ("вандербильттегі",)))
    s.forms = {"Вандербильттегі": [1, ("Вандербильттегі",)]}
    assert scoring.candidate_term(s, "kk", "name") == "Вандербильт"
    result = extract_terms(["Ол Невададағы зертханада жұмыс істейді."], lang="kk")
    assert [(c.kind, c.term, c.forms) for c in result.candidates] == [("name", "Невада", ("Невададағы",))]


# --------------------------------------------------------------------------------------- pipeline
def test_seed_article_names():
    result = extract_terms([read("astana-times-apk-plenary.txt")], lang="en")
    names = [(c.term, c.kind, c.frequency) for c in result.candidates if c.kind != "phrase"]
    assert names == [
        ("Tokayev", "person", 12),
        ("APK", "acronym", 6),
        ("Kazakhstan", "place", 7),
        ("Kassym-Jomart Tokayev", "person", 2),
        ("Ministry of Internal Affairs", "organization", 1),
        ("Prosecutor General’s Office", "organization", 1),
        ("National Security Committee", "organization", 1),
        ("National Kurultai", "organization", 1),
        ("Akorda", "organization", 1),
        ("Parliament", "organization", 1),
        ("Senate", "organization", 1),
    ]
    apk = next(c for c in result.candidates if c.term == "APK")
    assert apk.expansion == "Assembly of People of Kazakhstan"
    assert apk.forms == ("APK", "Assembly of People of Kazakhstan")
    ranks = {c.term: i + 1 for i, c in enumerate(result.candidates)}
    assert [ranks[p] for p in ("plenary session", "state language", "territorial integrity", "political modernization")] == [
        12, 13, 36, 19
    ]
    junk = {"Tokayev said", "Photo credit", "According to Tokayev", "Astana Times", "According"}
    assert not junk & {c.term for c in result.candidates}


def test_russian_article_merges_inflected_forms():
    result = extract_terms([read("ru_kabmin.txt")], lang="ru", config=ExtractConfig(kinds=("organization", "acronym")))
    assert [(c.term, c.frequency, c.forms, c.expansion) for c in result.candidates] == [
        ("Министерство внутренних дел", 2, ("Министерства внутренних дел", "Министерством внутренних дел"), None),
        ("Комитет национальной безопасности", 1, ("Комитет национальной безопасности",), None),
        ("Министерство цифрового развития", 1, ("Министерство цифрового развития",), None),
        ("Правительство Республики Казахстан", 1, ("Правительства Республики Казахстан",), None),
        ("АДГС", 1, ("АДГС", "Агентство по делам государственной службы"), "Агентство по делам государственной службы"),
    ]


def test_kazakh_article_nominative_and_note():
    result = extract_terms([read("kk_kabmin.txt")], lang="kk", config=ExtractConfig(kinds=("organization", "person")))
    assert [(c.term, c.kind, c.frequency) for c in result.candidates] == [
        ("Ішкі істер министрлігі", "organization", 2),
        ("Мемлекеттік қызмет істері агенттігі", "organization", 1),
        ("Цифрлық даму министрлігі", "organization", 1),
        ("Ұлттық қауіпсіздік комитеті", "organization", 1),
        ("Жаслан Мәдиев", "person", 1),
    ]
    assert result.candidates[0].forms == ("Ішкі істер министрлігімен", "Ішкі істер министрлігінің")
    # "Үкімет" only ever starts a sentence here, where Kazakh capitalises any word: not listed
    assert "Үкімет" not in [c.term for c in result.candidates]
    assert result.notes == ("no general-language word frequencies for kk: key phrases ranked by C-value alone",)


def test_top_min_freq_and_contexts():
    result = extract_terms([read("en_senate.txt")], lang="en", config=ExtractConfig(top=2, min_freq=2))
    assert [(c.term, c.frequency) for c in result.candidates] == [("SAC", 2), ("plenary session", 2)]
    assert result.candidates[0].contexts == (
        "The amendments were drafted by the Ministry of Finance together with the Supreme Audit Chamber (SAC).",
        "According to Takiyev, the SAC will publish its audit reports online.",
    )


def test_acronym_and_its_expansion_are_one_candidate_counting_every_mention():
    text = (
        "The Supreme Audit Chamber (SAC) met. The Supreme Audit Chamber said the SAC will publish its "
        "report. The SAC agreed."
    )
    (sac,) = [c for c in extract_terms([text], lang="en").candidates if c.kind != "phrase"]
    # mentions: "Supreme Audit Chamber (SAC)" once, the full name once more, "SAC" twice more
    assert (sac.term, sac.kind, sac.frequency, sac.expansion) == ("SAC", "acronym", 4, "Supreme Audit Chamber")
    assert sac.forms == ("SAC", "Supreme Audit Chamber")
    assert sac.contexts == (
        "The Supreme Audit Chamber (SAC) met.",
        "The Supreme Audit Chamber said the SAC will publish its report.",
        "The SAC agreed.",
    )


def test_an_expansion_goes_to_the_acronym_that_spelt_it_out_most():
    a = counting.Stats(("acronym", ("SAC",)), frequency=3, expansions={("name", ("x",)): [2, "X", ("X",)]})
    b = counting.Stats(("acronym", ("SC",)), frequency=5, expansions={("name", ("x",)): [1, "X", ("X",)]})
    x = counting.Stats(("name", ("x",)), frequency=4)
    assert scoring.merge_acronyms({e.key: e for e in (a, b, x)}) == {("name", ("x",)): ("acronym", ("SAC",))}


def test_only_the_candidates_shown_get_a_citation_form(monkeypatch):
    made = []
    real = scoring.candidate_term
    monkeypatch.setattr(scoring, "candidate_term", lambda stats, lang, cat: made.append(stats.key) or real(stats, lang, cat))
    result = extract_terms([read("ru_kabmin.txt")], lang="ru", config=ExtractConfig(top=1))
    assert [c.term for c in result.candidates] == ["Министерство внутренних дел"]
    assert len(made) == 2  # the best candidate, and the expansion of the acronym АДГС
    made.clear()
    assert len(extract_terms([read("ru_kabmin.txt")], lang="ru").candidates) == 14
    assert len(made) == 15


def test_kazakh_single_word_needs_enough_occurrences_inside_sentences():
    s = counting.Stats(("name", ("алғашқ",)), frequency=10, inner=1)
    assert not scoring.keep_name(s, "name", "kk", ("Алғашқы",))
    s.inner = 2
    assert scoring.keep_name(s, "name", "kk", ("Алғашқы",))


def test_kazakh_name_only_at_sentence_starts_is_the_lower_case_phrase_of_the_text():
    text_ = (
        "Облыстық мәслихат бюджетті бекітті.\n\nКеше облыстық мәслихат сессиясы өтті.\n\n"
        "Ұлттық банк мөлшерлемені көтерді.\n\nОл Ұлттық банк туралы айтты."
    )
    got = {(c.term, c.kind, c.frequency) for c in extract_terms([text_], lang="kk").candidates
           if "мәслихат" in c.term.lower() or "банк" in c.term.lower()}
    # "Облыстық мәслихат" is capitalised by its position only: it counts for the phrase; "Ұлттық банк"
    # is written so inside a sentence too: a name
    assert got == {("облыстық мәслихат", "phrase", 2), ("облыстық мәслихат сессиясы", "phrase", 1),
                   ("Ұлттық банк", "organization", 2)}


def test_latin_word_in_russian_text_is_a_name_even_at_sentence_starts():
    s = counting.Stats(("name", ("sun",)), frequency=2, inner=0)
    assert scoring.keep_name(s, "name", "ru", ("Sun",))
    assert not scoring.keep_name(counting.Stats(("name", ("сегодня",)), frequency=2), "name", "ru", ("Сегодня",))


def test_latin_word_with_a_kazakh_case_ending_is_a_name_even_at_sentence_starts():
    s = counting.Stats(("name", ("ukip",)), frequency=1, inner=0)
    assert scoring.keep_name(s, "name", "kk", ("Ukip-тің",))
    assert not scoring.keep_name(counting.Stats(("name", ("ауа",)), frequency=1), "name", "kk", ("Ауа-райы",))
    terms = {c.term for c in extract_terms(["Ukip-тің бұрынғы жетекшісі келді."], lang="kk").candidates}
    assert "Ukip" in terms


def test_hyphenated_compound_is_as_frequent_as_its_parts():
    sky, blue = scoring.zipf("sky", "en"), scoring.zipf("blue", "en")
    assert scoring.zipf("sky-blue", "en") == pytest.approx(
        math.log10(1 / (1 / 10 ** sky + 1 / 10 ** blue)), abs=1e-9
    )


@pytest.mark.parametrize(
    "word, classifies",
    [("political", True), ("territorial", True), ("plenary", True), ("state", True), ("Kazakh", True),
     ("indestructible", False), ("provocative", False), ("sky-blue", False)],
)
def test_key_phrase_modifiers_that_classify(word, classifies):
    assert scoring.classifying(word, "en") is classifies


def test_latin_lookalikes_inside_kazakh_words_are_replaced_latin_words_kept():
    result = extract_terms(
        ["Бүгін Бiлiм және ғылым министрлiгi Microsoft компаниясымен келісті."], lang="kk",
        config=ExtractConfig(kinds=("organization",)),
    )
    assert [(c.term, c.forms) for c in result.candidates] == [
        ("Білім және ғылым министрлігі", ("Білім және ғылым министрлігі",)),
        ("Microsoft", ("Microsoft",)),  # a Latin name before a Kazakh kind noun is the name
    ]


def test_unsupported_language_is_an_error():
    with pytest.raises(UnknownLanguage, match="not 'de'"):
        Extractor("de")


def test_streaming_feed_equals_one_call():
    docs = [read("en_senate.txt"), read("astana-times-apk-plenary.txt")]
    ex = Extractor("en")
    for d in docs:
        ex.feed(d)
    assert ex.result().candidates == extract_terms(docs, lang="en").candidates
    assert ex.documents == 2


# ---------------------------------------------------------------------------------------- linking
@pytest.fixture
def tb(tmp_path, apk, knb):
    with create_store(tmp_path / "tb.db") as store:
        store.concepts.add_many([
            apk,
            knb,
            Concept("senator", (Term("en", "senator"), Term("kk", "сенатор"), Term("ru", "сенатор"))),
            Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"), Term("ru", "Сенат")), subject="parliament"),
        ])
        yield TermIndex(store)


def test_linking_gives_equivalents_without_deprecated(tb):
    result = extract_terms([read("astana-times-apk-plenary.txt")], lang="en", termbase=tb)
    by = {c.term: c for c in result.candidates}
    assert by["APK"].concept_id == "apk"
    assert by["APK"].equivalents == {"kk": ["Қазақстан халқы Ассамблеясы", "ҚХА"], "ru": ["Ассамблея народа Казахстана", "АНК"]}
    assert "Assembly of People of Kazakhstan" not in by  # one candidate with its acronym
    assert by["National Security Committee"].concept_id == "knb"
    assert by["Senate"].concept_id == "senate"  # not "senator", whose English stem is the same
    assert by["Tokayev"].is_new and by["Tokayev"].equivalents == {"kk": [], "ru": []}


def test_linking_russian_inflected_candidate(tb):
    result = extract_terms(["Заседание Ассамблеи народа Казахстана прошло в Астане."], lang="ru", termbase=tb)
    assert [(c.term, c.concept_id) for c in result.candidates if c.kind == "organization"] == [
        ("Ассамблея народа Казахстана", "apk")
    ]


def test_proposed_concept_has_context_note():
    result = extract_terms([read("en_senate.txt")], lang="en", config=ExtractConfig(top=1))
    concept = proposed_concept(result.candidates[0], "en", source="test")
    assert concept.terms == (
        Term("en", "Supreme Audit Chamber", "proposed", "full"),
        Term("en", "SAC", "proposed", "acronym"),
    )
    assert concept.note.startswith("Context: The amendments were drafted")


# ------------------------------------------------------------------ Kazakh news paragraph (kk_assembly.txt)
def test_kazakh_izafet_chain_before_a_capitalised_head_and_a_roman_numeral_after_it():
    assert spans("Тоқаев Қазақстан халқы Ассамблеясының XXXII сессиясында сөз сөйледі.", "kk") == [
        ("organization", "Қазақстан халқы Ассамблеясының"),
        ("person", "Тоқаев"),
    ]


def test_kazakh_title_before_a_capitalised_head_without_possessive_is_its_subject():
    assert spans("Президент Ассамблеяның елдегі саяси жаңғыруға қосқан үлесін атап өтті.", "kk") == [
        ("organization", "Ассамблеяның")
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a locative, an accusative, a converb and a verb end or break noun phrases
        ("Ол XXXII сессиясында сөз сөйледі.", []),
        ("Президент елдегі саяси жаңғыруға қосқан үлесін атап өтті.", ["саяси жаңғыруға"]),
        # an adjective does not head a phrase: "қауіпсіз" is the predicate
        ("Бүгін сессия қауіпсіз өтті.", []),
        # a possessive head ends its phrase; three words only after a relational adjective
        ("Өлім көрсеткіші жоғары жұқпалы ауру тіркелді.", ["жоғары жұқпалы", "жұқпалы ауру"]),
        ("Бүгін медициналық сақтандыру жүйесі іске қосылды.",
         ["медициналық сақтандыру", "медициналық сақтандыру жүйесі", "сақтандыру жүйесі"]),
        # numerals, quantifiers and the endings of numbers are no part of a phrase
        ("Ауылда 100-ден астам адам тұрады.", []),
        ("Мыңға жуық адам жиналды.", []),
        ("Биыл 5 мың тонна өнім өндірілді.", []),
        # a bare noun before a verb is part of the predicate, a participle is a verb form; before a
        # passive verb the noun is a subject
        ("Жол апатында екі адам қайтыс болды.", []),
        ("Зауытта жүз адам жұмыс істейді.", []),
        ("Ол жұмыс істейтін мекемелер.", []),
        ("Кеше жаңа электр станциясы ашылды.", ["электр станциясы"]),
        # "сауда" (trade) is no locative
        ("Шекарада сауда орталығы жұмыс істейді.", ["сауда орталығы"]),
    ],
)
def test_kazakh_key_phrases_stay_inside_one_noun_phrase(sentence, expected):
    (sent,) = list(text.sentences(sentence, "kk"))
    got = [sent.text[sent.tokens[o.start][1] : sent.tokens[o.end - 1][2]] for o in detect.detect_kk(sent) if o.kind == "phrase"]
    assert got == expected


def test_kazakh_bare_head_noun_counts_to_the_full_name(tb):
    result = extract_terms([read("kk_assembly.txt")], lang="kk", termbase=tb)
    got = [(c.term, c.kind, c.frequency, c.forms) for c in result.candidates]
    assert got[0] == (
        "Қазақстан халқы Ассамблеясы", "organization", 3,
        ("Қазақстан халқы Ассамблеясының", "Ассамблея", "Ассамблеяның"),
    )
    assert result.candidates[0].equivalents == {
        "en": ["Assembly of People of Kazakhstan", "APK"],
        "ru": ["Ассамблея народа Казахстана", "АНК"],
    }
    assert [(c.term, c.kind, c.frequency) for c in result.candidates[1:]] == [
        ("Ішкі істер министрлігі", "organization", 2),
        ("Ұлттық қауіпсіздік комитеті", "organization", 1),
        ("Бас прокуратура", "organization", 1),
        ("Ұлттық құрылтай", "organization", 1),
        ("Қасым-Жомарт Тоқаев", "person", 1),
        ("саяси жаңғыру", "phrase", 1),
        ("Астана", "place", 1),
    ]


def test_english_names_led_by_acronyms_new_and_two_names_joined_by_and():
    result = extract_terms(["The U.S. Navy and NBC News said. The New York Times reported that Brookings "
                            "Institution and Al-Qaeda met. The Ministry of Foreign Affairs of France and "
                            "Harvard University spoke. The Ministry of Culture and Sports met."], lang="en")
    names = {c.term for c in result.candidates if c.kind == "organization"}
    assert {"U.S. Navy", "NBC News", "The New York Times", "Brookings Institution", "Ministry of Foreign Affairs of France",
            "Harvard University", "Ministry of Culture and Sports"} <= names
    assert not any(" and " in n and n != "Ministry of Culture and Sports" for n in names)


def test_russian_latin_names_end_where_cyrillic_begins():
    result = extract_terms(["Об этом сообщил журнал Fast Company Бернерс-Ли. По данным NBC News, завод закрыт."],
                           lang="ru")
    terms = {c.term for c in result.candidates}
    assert {"Fast Company", "Бернерс-Ли", "NBC News"} <= terms
    assert "Fast Company Бернерс-Ли" not in terms


# ------------------------------------------------------------------------- issue 13: base forms, variants
def _rows(texts, lang):
    return [(c.term, c.kind, c.frequency, c.forms) for c in extract_terms(texts, lang=lang).candidates if c.kind != "phrase"]


def test_russian_foreign_names_are_listed_under_their_base_form():
    assert _rows(["Волна дошла до Палу. Город Палу пострадал."], "ru") == [("Палу", "name", 2, ("Палу",))]
    # seen once: «Палу» is no dative of «Пал» (never seen); names the dictionary declines still lose the ending
    assert _rows(["Землетрясение произошло в городе Палу."], "ru") == [("Палу", "name", 1, ("Палу",))]
    assert _rows(["Студенты Гарварда приехали."], "ru") == [("Гарвард", "organization", 1, ("Гарварда",))]
    assert _rows(["Конференция прошла в Москве."], "ru") == [("Москва", "place", 1, ("Москве",))]
    # a quoted name after its kind noun is not declined: «Казахтелеком» is no instrumental
    assert _rows(["Президент посетил компанию «Казахтелеком»."], "ru") == [
        ("Казахтелеком", "organization", 1, ("Казахтелеком",))]
    assert _rows(["Слушания по делу Бретта Кавано прошли вчера."], "ru") == [
        ("Бретт Кавано", "person", 1, ("Бретта Кавано",))]
    assert _rows(["Лидер КНДР Ким Чен Ын приехал. Трамп встретился с Ким Чен Ыном."], "ru") == [
        ("Ким Чен Ын", "person", 2, ("Ким Чен Ын", "Ким Чен Ыном")), ("КНДР", "acronym", 1, ("КНДР",))]
    assert _rows(["Выступление Касым-Жомарта Токаева транслировали."], "ru") == [
        ("Касым-Жомарт Токаев", "person", 1, ("Касым-Жомарта Токаева",))]
    # a woman's surname in -ова has its own nominative (by her first name, or by the ending «-ой»)
    assert _rows(["Ирина Петрова уехала. Мы встретились с Анной Ивановой."], "ru") == [
        ("Анна Иванова", "person", 1, ("Анной Ивановой",)), ("Ирина Петрова", "person", 1, ("Ирина Петрова",))]


def test_a_russian_name_in_e_seen_only_in_that_form_is_declined_to_its_nominative():
    # -е on a name is a case ending far more often than an indeclinable name's end (languages.russian
    # has_indeclinable_ending_ru): «Лондоне» twice is London in the prepositional, not a name «Лондоне»
    assert _rows(["Встреча прошла в Лондоне. В Лондоне идёт дождь."], "ru") == [("Лондон", "place", 2, ("Лондоне",))]
    assert _rows(["Он живёт в Нью-Йорке. В Нью-Йорке тепло."], "ru") == [("Нью-Йорк", "place", 2, ("Нью-Йорке",))]
    # ... while a name in -о, -и, -у seen twice in one form stays as written
    assert _rows(["Он прилетел в Токио. В Токио тепло."], "ru") == [("Токио", "place", 2, ("Токио",))]


def test_a_newspapers_name_with_and_without_its_article_is_one_row():
    assert _rows(["It was in The New York Times. Later the New York Times said so."], "en") == [
        ("The New York Times", "organization", 2, ("The New York Times", "New York Times"))]


def test_a_kazakh_key_phrase_is_listed_without_its_locative():
    result = extract_terms(["Ол бас кеңседе жұмыс істейді. Жиналыс кеше бас кеңседе өтті."], lang="kk")
    assert [(c.term, c.kind, c.frequency, c.forms) for c in result.candidates] == [
        ("бас кеңсе", "phrase", 2, ("бас кеңседе",))]


# --------------------------------------------------------------------- issue 13: one concept, one row
@pytest.fixture
def state_tb(tmp_path):
    with create_store(tmp_path / "tb.db") as store:
        store.concepts.add_many([
            Concept("mia", (Term("ru", "Министерство внутренних дел Республики Казахстан"),
                            Term("ru", "Министерство внутренних дел", type="short")), subject="ministry"),
            Concept("kz", (Term("kk", "Қазақстан Республикасы"), Term("kk", "Қазақстан", type="short")),
                    subject="geography"),
            Concept("mazhilis", (Term("ru", "Мажилис Парламента Республики Казахстан"),
                                 Term("ru", "Мажилис", type="short")), subject="parliament"),
        ])
        yield TermIndex(store)


def test_a_concepts_full_and_short_forms_are_one_row(state_tb):
    text = ("Министерство внутренних дел Республики Казахстан сообщило об этом. "
            "Позже Министерство внутренних дел уточнило данные.")
    result = extract_terms([text], lang="ru", termbase=state_tb)
    assert [(c.term, c.kind, c.frequency, c.concept_id, c.forms) for c in result.candidates if c.kind != "phrase"] == [
        ("Министерство внутренних дел Республики Казахстан", "organization", 2, "mia",
         ("Министерство внутренних дел Республики Казахстан", "Министерство внутренних дел"))]
    kk = extract_terms(["Қазақстан Республикасы мен Ресей келісті. Кеше Қазақстан мен Қытай келісті."],
                       lang="kk", termbase=state_tb)
    assert [(c.term, c.kind, c.frequency, c.concept_id) for c in kk.candidates if c.concept_id] == [
        ("Қазақстан Республикасы", "place", 2, "kz")]


def test_a_known_concept_under_a_short_form_without_the_states_name_is_linked(state_tb):
    result = extract_terms(["Депутаты Мажилиса Парламента собрались."], lang="ru", termbase=state_tb)
    assert [(c.term, c.concept_id) for c in result.candidates if c.kind != "phrase"] == [
        ("Мажилис Парламента", "mazhilis")]


def test_key_phrases_sharing_a_modifier_or_a_head_weigh_more():
    from termbase.extraction.counting import Stats
    from termbase.extraction.scoring import modifiability

    phrases = [Stats(("phrase", words)) for words in (
        ("political", "reform"), ("political", "competition"), ("economic", "reform"), ("indestructible", "monolith"))]
    assert {k: round(v, 3) for k, v in modifiability(phrases).items()} == {
        ("political", "reform"): 1.317, ("political", "competition"): 1.2, ("economic", "reform"): 1.2,
        ("indestructible", "monolith"): 1.0,
    }


def test_an_x_and_y_company_and_its_abbreviation_are_one_row():
    assert _rows(["Shares of Marks & Spencer (M&S) fell. Analysts said M&S would recover."], "en") == [
        ("M&S", "acronym", 2, ("M&S", "Marks & Spencer"))]
    assert _rows(["Агентство S&P повысило рейтинг. Позже S&P подтвердило его."], "ru") == [
        ("S&P", "acronym", 2, ("S&P",))]


# ------------------------------------------------------------- issue 13: another state's institutions
@pytest.fixture
def scoped_tb(tmp_path):
    with create_store(tmp_path / "tb.db") as store:
        store.concepts.add_many([
            Concept("supreme-court", (Term("en", "Supreme Court"), Term("kk", "Жоғарғы Сот"), Term("ru", "Верховный Суд")),
                    subject="court", scope="KZ"),
            Concept("un", (Term("en", "Security Council"), Term("ru", "Совет Безопасности")), subject="international"),
        ])
        yield TermIndex(store)


def test_a_short_form_in_a_story_about_another_state_is_not_linked_to_kazakhstans_body(scoped_tb):
    us = ("Republicans in Washington backed the nominee. The Supreme Court will hear the case. "
          "The Supreme Court nominee spoke on Monday. The Security Council met.")
    result = extract_terms([us], lang="en", termbase=scoped_tb)
    linked = {c.term: (c.concept_id, c.equivalents) for c in result.candidates if c.kind != "phrase"}
    assert linked["Supreme Court"] == (None, {"kk": [], "ru": []})
    assert linked["Security Council"][0] == "un"  # no scope: linked wherever it is
    kz = "Tokayev met the judges. The Supreme Court will hear the case. The Supreme Court said so."
    result = extract_terms([kz], lang="en", termbase=scoped_tb)
    assert [(c.term, c.concept_id) for c in result.candidates if c.term == "Supreme Court"] == [
        ("Supreme Court", "supreme-court")]
    plain = extract_terms(["The Supreme Court will hear the case. The Supreme Court said so."], lang="en",
                          termbase=scoped_tb)
    assert [c.concept_id for c in plain.candidates if c.term == "Supreme Court"] == ["supreme-court"]


def test_kazakh_name_seen_only_in_the_locative_or_accusative_is_listed_in_the_nominative():
    # the ending goes when what is left is a head noun with the izafet's possessive, a known place or name
    result = extract_terms(
        ["Ол Денсаулық сақтау министрлігінде жұмыс істейді.", "Біз Білім министрлігін сынадық.",
         "Бұл ұшақ Ресейде жасалған.", "Кеше кездесу Ақордада өтті."], lang="kk",
        config=ExtractConfig(kinds=("organization", "place")),
    )
    assert sorted((c.term, c.forms) for c in result.candidates) == [
        ("Ақорда", ("Ақордада",)),
        ("Білім министрлігі", ("Білім министрлігін",)),
        ("Денсаулық сақтау министрлігі", ("Денсаулық сақтау министрлігінде",)),
        ("Ресей", ("Ресейде",)),
    ]


@pytest.mark.parametrize("lang, texts, expected", [
    ("ru", ["СМИ сообщили, что ПАО Газпром выросло. Об этом пишут СМИ и ТАСС."], ["Газпром", "ТАСС"]),
    ("kk", ["Бізге СМС келді. Ол PhD дәрежесін алды, SMS арқылы ҚазАқпарат хабарлады."], ["ҚазАқпарат"]),
    # «БАҚ» (бұқаралық ақпарат құралдары) is Kazakh for «СМИ», mass media
    ("kk", ["Бұл туралы БАҚ хабарлады. Ол БАҚ-қа сұхбат берді, ҚазАқпарат жазды."], ["ҚазАқпарат"]),
    ("en", ["The CEO said GDP grew, the CEO of Reuters added; GDP fell at Reuters."], ["Reuters"]),
])
def test_abbreviations_of_common_nouns_are_no_names(lang, texts, expected):
    result = extract_terms(texts, lang=lang, config=ExtractConfig(min_freq=1, kinds=("organization", "acronym", "name")))
    assert [c.term for c in result.candidates] == expected


def test_top_n_is_the_first_n_rows_of_the_whole_list_with_a_concepts_names_merged(state_tb):
    """--top cuts the list once every mention of a concept has joined its row, so --top N gives the
    first N rows of the whole list (with a short form ranked before the full name, --top 1 gave
    "Совет депутатов" and left the ministry's later mentions out of its row)."""
    text = ("Министерство внутренних дел сообщило об этом. Министерство внутренних дел уточнило данные. "
            "Министерство внутренних дел Республики Казахстан ответило. Совет депутатов собрался. "
            "Совет депутатов принял решение. Совет депутатов закрыт.")
    whole = [(c.term, c.frequency, c.concept_id) for c in
             extract_terms([text], lang="ru", termbase=state_tb).candidates]
    assert ("Министерство внутренних дел Республики Казахстан", 3, "mia") in whole
    for top in range(1, len(whole) + 1):
        cut = extract_terms([text], lang="ru", termbase=state_tb, config=ExtractConfig(top=top)).candidates
        assert [(c.term, c.frequency, c.concept_id) for c in cut] == whole[:top]


def test_a_kazakh_word_often_counted_or_ours_is_a_common_noun():
    # «Аналар» (mothers) beside «Ана»: a name is hardly ever in the plural or "ours"; a name that is a
    # common noun too stays when the name is most of its mentions («Азаматтар» once in six)
    texts = ["Ана бәрін біледі. Біз Ана бәрін біледі деп ойлаймыз. Сіз Аналар туралы білесіз бе?",
             "Азамат бәрін біледі. Біз Азамат бәрін біледі деп ойлаймыз. Азамат бәрін біледі. Азамат ұйықтады.",
             "Біз Азамат туралы білеміз. Сіз Азаматтар туралы білесіз бе?"]
    assert _rows(texts, "kk") == [("Азамат", "name", 6, ("Азамат", "Азаматтар"))]
