"""Equivalents mined from small three-language and Kazakh-Russian memories."""

import pytest

from termbase.mining import EquivalentMiner, Lexicon, MinedUnit, UnitCorpus
from termbase.models import Term

# en, ru, kk: an inflected name (the ministry in four cases), a transliterated name (Harvard), an
# acronym with its expansion (NATO), and a known concept the memory renders inconsistently (two of three
# units use the pre-2007 name of the Assembly).
THREE = [
    (1, "The Ministry of Foreign Affairs of France issued a statement.",
     "Министерство иностранных дел Франции выступило с заявлением.",
     "Франция Сыртқы істер министрлігі мәлімдеме жасады."),
    (2, "The head of the Ministry of Foreign Affairs of France arrived in Astana.",
     "Глава Министерства иностранных дел Франции прибыл в Астану.",
     "Франция Сыртқы істер министрлігінің басшысы Астанаға келді."),
    (3, "A delegation visited the Ministry of Foreign Affairs of France.",
     "Делегация посетила Министерство иностранных дел Франции.",
     "Делегация Франция Сыртқы істер министрлігіне барды."),
    (4, "She studied at Harvard University.", "Она училась в Гарвардском университете.",
     "Ол Гарвард университетінде оқыды."),
    (5, "Harvard University published the report.", "Гарвардский университет опубликовал доклад.",
     "Гарвард университеті баяндаманы жариялады."),
    (6, "The North Atlantic Treaty Organization (NATO) met in Brussels.",
     "Организация Североатлантического договора (НАТО) собралась в Брюсселе.",
     "Солтүстік Атлант шарты ұйымы (НАТО) Брюссельде жиналды."),
    (7, "NATO said the talks would continue.", "НАТО заявило, что переговоры продолжатся.",
     "НАТО келіссөздер жалғасатынын айтты."),
    (8, "The Assembly of People of Kazakhstan met in Astana.", "Ассамблея народа Казахстана собралась в Астане.",
     "Қазақстан халқы Ассамблеясы Астанада жиналды."),
    (9, "The session of the Assembly of People of Kazakhstan opened.",
     "Открылась сессия Ассамблеи народов Казахстана.", "Қазақстан халқы Ассамблеясының сессиясы ашылды."),
    (10, "Members of the Assembly of People of Kazakhstan voted.", "Члены Ассамблеи народов Казахстана проголосовали.",
     "Қазақстан халқы Ассамблеясының мүшелері дауыс берді."),
]

# kk, ru only, as official acts come: one ministry in three cases on each side
LEGAL = [
    (1, "Қазақстан Республикасы Ауыл шаруашылығы министрлігі қағидаларды бекітеді.",
     "Министерство сельского хозяйства Республики Казахстан утверждает правила."),
    (2, "Бақылау Қазақстан Республикасы Ауыл шаруашылығы министрлігіне жүктелсін.",
     "Контроль возложить на Министерство сельского хозяйства Республики Казахстан."),
    (3, "Қазақстан Республикасы Ауыл шаруашылығы министрлігінің бұйрығы.",
     "Приказ Министерства сельского хозяйства Республики Казахстан."),
]


@pytest.fixture(scope="module")
def three():
    return UnitCorpus(MinedUnit(i, {"en": en, "ru": ru, "kk": kk}, "en") for i, en, ru, kk in THREE)


@pytest.fixture(scope="module")
def legal():
    return UnitCorpus(MinedUnit(i, {"kk": kk, "ru": ru}, "ru") for i, kk, ru in LEGAL)


def best(miner, forms, lang):
    got = miner.suggestions(forms, lang)
    return (got[0].text, got[0].units) if got else None


@pytest.mark.parametrize("source, forms, target, expected", [
    # an inflected name: Russian in the nominative, Kazakh without its case ending, izafet kept
    ("en", ["Ministry of Foreign Affairs of France"], "ru", ("Министерство иностранных дел Франции", 3)),
    ("en", ["Ministry of Foreign Affairs of France"], "kk", ("Франция Сыртқы істер министрлігі", 3)),
    ("ru", ["Министерство иностранных дел Франции", "Министерства иностранных дел Франции"], "kk",
     ("Франция Сыртқы істер министрлігі", 3)),
    ("kk", ["Франция Сыртқы істер министрлігі"], "en", ("Ministry of Foreign Affairs of France", 3)),
    # a transliterated name
    ("en", ["Harvard University"], "ru", ("Гарвардский университет", 2)),
    ("en", ["Harvard University"], "kk", ("Гарвард университеті", 2)),
    ("kk", ["Гарвард университеті"], "ru", ("Гарвардский университет", 2)),
    ("ru", ["Гарвардский университет"], "en", ("Harvard University", 2)),
    # an acronym and its expansion
    ("en", ["NATO"], "ru", ("НАТО", 2)),
    ("en", ["North Atlantic Treaty Organization"], "kk", ("Солтүстік Атлант шарты ұйымы", 1)),
    ("en", ["North Atlantic Treaty Organization"], "ru", ("Организация Североатлантического договора", 1)),
])
def test_best_suggestion_in_dictionary_form(three, source, forms, target, expected):
    assert best(EquivalentMiner(three, source), forms, target) == expected


def test_suggestion_carries_its_evidence(three):
    (s,) = EquivalentMiner(three, "en").suggestions(["Harvard University"], "ru")
    assert s.forms == ("Гарвардском университете", "Гарвардский университет")
    assert [(e.unit_id, e.target) for e in s.examples] == [
        (4, "Она училась в Гарвардском университете."), (5, "Гарвардский университет опубликовал доклад."),
    ]
    assert 0 < s.score <= 1


def test_kazakh_russian_memory_without_english(legal):
    assert best(EquivalentMiner(legal, "ru"), ["Министерство сельского хозяйства Республики Казахстан"], "kk") == (
        "Қазақстан Республикасы Ауыл шаруашылығы министрлігі", 3)
    assert best(EquivalentMiner(legal, "kk"), ["Қазақстан Республикасы Ауыл шаруашылығы министрлігі"], "ru") == (
        "Министерство сельского хозяйства Республики Казахстан", 3)


def test_usage_of_a_known_concept_shows_the_outdated_rendering(three):
    terms = [Term("ru", "Ассамблея народа Казахстана", "preferred"), Term("ru", "АНК", "admitted", "acronym"),
             Term("ru", "Ассамблея народов Казахстана", "deprecated")]
    usage = EquivalentMiner(three, "en").usage(["Assembly of People of Kazakhstan"], terms, "ru")
    assert [(u.text, u.units, u.status) for u in usage] == [
        ("Ассамблея народов Казахстана", 2, "deprecated"), ("Ассамблея народа Казахстана", 1, "preferred"),
    ]


def test_usage_lists_renderings_the_termbase_lacks(three):
    usage = EquivalentMiner(three, "en").usage(["Harvard University"], [Term("ru", "Гарвард", "preferred")], "ru")
    assert [(u.text, u.units, u.status) for u in usage] == [("Гарвардский университет", 2, None)]


def test_a_term_the_memory_does_not_hold_gets_nothing(three):
    assert EquivalentMiner(three, "en").suggestions(["World Bank"], "ru") == []


def test_a_word_pair_added_to_the_dictionary_ties_words(three):
    lexicon = Lexicon()
    lexicon.add({"en": ["talks"], "ru": ["переговоры"]})
    assert best(EquivalentMiner(three, "en", lexicon=lexicon), ["talks"], "ru") == ("переговоры", 1)


@pytest.mark.parametrize("a, b", [("Juventus", "Ювентус"), ("Ledger", "Леджер"), ("Ipswich", "Ипсвич"),
                                  ("Town", "Таун"), ("St", "Сент"), ("Yale", "Йель"), ("Johnson", "Джонсон")])
def test_names_spelt_alike_across_scripts(a, b):
    from termbase.mining.links import spelling_similarity

    assert spelling_similarity(a, b) >= 0.75


def test_an_english_name_keeps_its_possessive_head():
    corpus = UnitCorpus([MinedUnit(1, {"ru": "Генеральная прокуратура отчиталась.",
                                       "en": "The Prosecutor General's Office reported."}, "ru")])
    assert best(EquivalentMiner(corpus, "ru"), ["Генеральная прокуратура"], "en") == ("Prosecutor General's Office", 1)


def test_a_latin_name_with_a_kazakh_ending_and_a_hyphenated_acronym_tie():
    corpus = UnitCorpus([MinedUnit(1, {"en": "HBO showed it.", "kk": "HBO-ның арнасы көрсетті."}, "en")])
    assert best(EquivalentMiner(corpus, "en"), ["HBO"], "kk") == ("HBO", 1)


# a hyphenated name renders two words; an English possessive is no part of a name; the dots of an
# abbreviation break no rendering
HYPHEN = [
    (1, "The side won at St Johnstone in February.", "Команда победила в Сент-Джонстоне в феврале.",
     "Команда ақпанда Сент-Джонстонда жеңді."),
    (2, "He watched HBO's new series.", "Он смотрел новый сериал HBO.", "Ол HBO-ның жаңа сериалын көрді."),
    (3, "They picked a fight with the N.F.L., again.", "Они затеяли драку с N.F.L., снова.",
     "Олар тағы да N.F.L. лигасымен төбелесті."),
]


@pytest.fixture(scope="module")
def hyphen():
    return UnitCorpus(MinedUnit(i, {"en": en, "ru": ru, "kk": kk}, "en") for i, en, ru, kk in HYPHEN)


@pytest.mark.parametrize("source, forms, target, expected", [
    ("en", ["St Johnstone"], "ru", ("Сент-Джонстон", 1)),
    ("en", ["St Johnstone"], "kk", ("Сент-Джонстон", 1)),
    ("ru", ["Сент-Джонстон", "Сент-Джонстоне"], "en", ("St Johnstone", 1)),
    ("en", ["HBO", "HBO's"], "kk", ("HBO", 1)),
    ("en", ["N.F.L."], "ru", ("N.F.L.", 1)),
])
def test_hyphenated_names_possessives_and_abbreviations(hyphen, source, forms, target, expected):
    assert best(EquivalentMiner(hyphen, source), forms, target) == expected


@pytest.mark.parametrize("word, parts", [("Сент-Джонстоне", 2), ("Ист-Батон-Руж", 3), ("военно-морской", 1),
                                         ("HBO-ның", 1), ("NATO-ға", 1), ("Harvard", 1)])
def test_capacity_of_hyphenated_words(word, parts):
    from termbase.mining.links import capacity

    assert capacity(word) == parts


# the grammar of the target completes a rendering the ties leave short
GROW = [
    (1, "He studied at Yale.", "Он учился в Йельском университете.", "Ол Йель университетінде оқыды."),
    (2, "The United Nations met.", "Собралась Организация Объединенных Наций.", "Біріккен Ұлттар Ұйымы жиналды."),
    (3, "Rapid beat Celtic.", "Венский Рапид обыграл Селтик.", "Шапшаң Вена Селтикті жеңді."),
    (4, "Times reported it.", "Об этом сообщила Times.", "Бұл туралы Times газеті хабарлады."),
]


@pytest.fixture(scope="module")
def grow():
    return UnitCorpus(MinedUnit(i, {"en": en, "ru": ru, "kk": kk}, "en") for i, en, ru, kk in GROW)


@pytest.mark.parametrize("source, forms, target, expected", [
    # the Kazakh head noun of the izafet belongs to the name ...
    ("en", ["Yale"], "kk", ("Йель университеті", 1)),
    # ... a classifier after a name in Latin letters does not
    ("en", ["Times"], "kk", ("Times", 1)),
    # a Russian adjective goes with the noun it qualifies
    ("en", ["Rapid"], "ru", ("Венский Рапид", 1)),
    # the rest of an English capitalised name, without the possessor before it
    ("kk", ["Біріккен Ұлттар"], "en", ("United Nations", 1)),
])
def test_renderings_grow_to_the_whole_name(grow, source, forms, target, expected):
    assert best(EquivalentMiner(grow, source), forms, target) == expected


def test_an_english_rendering_takes_the_rest_of_the_name_but_not_its_possessor():
    corpus = UnitCorpus([MinedUnit(1, {"ru": "Агентство по ликвидации последствий бедствий сообщило.",
                                       "en": "Indonesia's Disaster Mitigation Agency said."}, "ru"),
                         MinedUnit(2, {"ru": "Сеть безопасности полетов сообщила.",
                                       "en": "The Aviation Safety Network said."}, "ru")])
    miner = EquivalentMiner(corpus, "ru")
    assert best(miner, ["Агентство по ликвидации последствий бедствий"], "en") == ("Disaster Mitigation Agency", 1)
    assert best(miner, ["Сеть безопасности полетов"], "en") == ("Aviation Safety Network", 1)


def test_a_kazakh_modifier_the_ties_miss_goes_with_the_name_unless_it_renders_another_word():
    corpus = UnitCorpus([
        MinedUnit(1, {"en": "The Consumer Energy Alliance said so.", "kk": "Тұтынушы Энергиясы Альянсы осылай деді."}, "en"),
        MinedUnit(2, {"en": "Graham Dorrance faces Rapid Vienna.", "kk": "Грэм Дорранс Вена командасымен кездеседі."}, "en"),
    ])
    miner = EquivalentMiner(corpus, "en")
    # "Consumer" has no tie: the bare word before "Энергиясы Альянсы" renders it
    assert best(miner, ["Consumer Energy Alliance"], "kk") == ("Тұтынушы Энергиясы Альянсы", 1)
    # "Rapid" has none either, but the word before "Вена" renders "Dorrance"
    assert best(miner, ["Rapid Vienna"], "kk") == ("Вена", 1)


def test_a_kazakh_rendering_ends_at_a_word_in_the_locative():
    from termbase.mining import general_lexicon

    lexicon = Lexicon.extended(general_lexicon())
    lexicon.add({"en": ["custody"], "kk": ["қамау"]})
    corpus = UnitCorpus([MinedUnit(1, {"en": "He stayed in Police Department custody.",
                                       "kk": "Ол полиция бөлімшесінде қамауда отырды."}, "en")])
    # "бөлімшесінде" says where: the words after it are no part of the name
    assert best(EquivalentMiner(corpus, "en", lexicon=lexicon), ["Police Department custody"], "kk") == (
        "полиция бөлімшесі", 1)


def test_a_rendering_with_zero_width_or_no_break_spaces_has_plain_spaces():
    corpus = UnitCorpus([
        MinedUnit(1, {"kk": "The Sunday Times газеті жазды.", "ru": "Как пишет The \u200b\u200bSunday\u00a0Times, это так."}, "kk"),
        MinedUnit(2, {"kk": "The Sunday Times хабарлады.", "ru": "The Sunday Times сообщила."}, "kk"),
    ])
    got = EquivalentMiner(corpus, "kk").suggestions(["The Sunday Times"], "ru")
    assert [(s.text, s.units) for s in got] == [("The Sunday Times", 2)]
    assert got[0].forms[0] == "The \u200b\u200bSunday\u00a0Times"  # the surface form as written


def test_an_english_compound_modifier_is_no_part_of_the_name_after_it():
    corpus = UnitCorpus([
        MinedUnit(1, {"ru": "Связанный с Аль-Каидой фронт Нусра захватил город.",
                      "en": "The Al-Qaeda-linked Nusra Front took the town."}, "ru"),
        MinedUnit(2, {"ru": "Фронт Нусра отступил.", "en": "The Nusra Front retreated."}, "ru"),
    ])
    miner = EquivalentMiner(corpus, "ru")
    # "Al-Qaeda-linked" says what the front is tied to: the name is "Nusra Front" alone, and the
    # modifier renders "Al-Qaeda"
    assert best(miner, ["фронт Нусра", "Фронт Нусра"], "en") == ("Nusra Front", 2)
    assert best(miner, ["Аль-Каидой"], "en") == ("Al-Qaeda", 1)


def test_a_placing_preposition_ends_an_english_name_and_a_pronoun_begins_no_russian_one():
    corpus = UnitCorpus([
        MinedUnit(1, {"kk": "Ол Гарвард медицина мектебінде сабақ береді.",
                      "en": "He teaches sleep medicine at Harvard Medical School.",
                      "ru": "Он преподаёт в Гарвардской медицинской школе."}, "kk"),
        MinedUnit(2, {"kk": "Біз Райдер кубогы комитетімен жұмыс істейміз.",
                      "en": "We work with the Ryder Cup Committee.",
                      "ru": "Мы работаем с нашим Комитетом Кубка Райдера."}, "kk"),
    ])
    miner = EquivalentMiner(corpus, "kk")
    # "medicine at" places the school: no part of its name
    assert best(miner, ["Гарвард медицина мектебі"], "en") == ("Harvard Medical School", 1)
    # "нашим" (our) qualifies the committee but begins no name
    assert best(miner, ["Райдер кубогы комитеті"], "ru") == ("Комитет Кубка Райдера", 1)


def test_an_english_rendering_keeps_an_abbreviation_whole_and_stops_where_another_name_begins():
    corpus = UnitCorpus([
        MinedUnit(1, {"ru": "Аналитик Департамента юстиции США Джон Смит выступил.",
                      "en": "U.S. Department of Justice Analyst John Smith spoke."}, "ru"),
        MinedUnit(2, {"ru": "Она работает в Апелляционном суде.", "en": "She works at the N.Y. Court of Appeals."}, "ru"),
    ])
    miner = EquivalentMiner(corpus, "ru")
    # "U.S." is whole even at the start of the sentence; "Analyst John Smith" is another name
    assert best(miner, ["Департамента юстиции США"], "en") == ("U.S. Department of Justice", 1)
    # the dot of "N.Y." ends no name
    assert best(miner, ["Апелляционном суде"], "en") == ("N.Y. Court of Appeals", 1)


def test_an_english_rendering_grows_over_no_capitals_that_render_other_words_of_the_source():
    corpus = UnitCorpus([
        MinedUnit(1, {"kk": "Біріккен Ұлттар Ұйымының Бас Ассамблеясы Нью-Йоркте жиналды.",
                      "en": "The United Nations General Assembly met in New York."}, "kk"),
        MinedUnit(2, {"kk": "Айыптауларды Мемлекеттік прокуратура қарайды.",
                      "en": "The charges will be considered by the Public Prosecution Service."}, "kk"),
    ])
    miner = EquivalentMiner(corpus, "kk")
    # "General Assembly" renders «Бас Ассамблеясы», outside the term: no part of its rendering
    assert best(miner, ["Біріккен Ұлттар Ұйымы", "Біріккен Ұлттар Ұйымының"], "en") == ("United Nations", 1)
    # a capitalised run only one of whose words renders another source word is grown over whole
    assert best(miner, ["Мемлекеттік прокуратура"], "en") == ("Public Prosecution Service", 1)


def test_a_latin_name_in_russian_text_gives_back_the_words_its_stretch_misses():
    corpus = UnitCorpus([
        MinedUnit(1, {"kk": "Жаралылар Мари Кюри 3 ауруханасына жеткізілді.",
                      "ru": "Раненых доставили в Hospital Marie Curie 3."}, "kk"),
        MinedUnit(2, {"kk": "Бұл туралы Чайна Дейли жазды.", "ru": "Об этом написала газета Register China Daily."}, "kk"),
    ])
    miner = EquivalentMiner(corpus, "kk")
    # «ауруханасы» has no tie: the capitalised Latin word before the stretch renders it
    assert best(miner, ["Мари Кюри 3 ауруханасы", "Мари Кюри 3 ауруханасына"], "ru") == ("Hospital Marie Curie 3", 1)
    # every word of the term is rendered: the Latin words before it are another name
    assert best(miner, ["Чайна Дейли"], "ru") == ("China Daily", 1)


def test_a_russian_genitive_after_the_stretch_renders_a_word_the_ties_miss():
    corpus = UnitCorpus([
        MinedUnit(1, {"en": "The Marine Safety Network said so.", "ru": "Сеть безопасности мореплавания так заявила."}, "en"),
        MinedUnit(2, {"en": "The Road Safety Network said so.", "ru": "Сеть безопасности дорог так заявила."}, "en"),
    ])
    miner = EquivalentMiner(corpus, "en")
    # "Marine" has no tie: the genitive noun after «Сеть безопасности» renders it
    assert best(miner, ["Marine Safety Network"], "ru") == ("Сеть безопасности мореплавания", 1)
    assert best(miner, ["Road Safety Network"], "ru") == ("Сеть безопасности дорог", 1)


def test_spelling_ties_german_sch_sounds_and_russian_adjectives_made_from_short_names():
    from termbase.mining.links import spelling_similarity

    corpus = UnitCorpus([
        MinedUnit(1, {"en": "The magazine Stuttgarter wrote about it.", "ru": "Об этом написал журнал Штутгартер."}, "en"),
        MinedUnit(2, {"en": "He spoke to Spitzer Group.", "ru": "Он говорил с группой Шпитцер."}, "en"),
    ])
    miner = EquivalentMiner(corpus, "en")
    # "St"/"Sp" of a German name is «Шт»/«Шп» in Cyrillic
    assert best(miner, ["Stuttgarter"], "ru") == ("Штутгартер", 1)
    assert best(miner, ["Spitzer Group"], "ru") == ("группа Шпитцер", 1)
    # a one-consonant name and the Russian adjective made from it
    assert spelling_similarity("Yule", "Йульский") == 1.0
    # within Cyrillic, с and ш stay two letters
    assert spelling_similarity("Шапшаң", "сапсан") == 0.0


def test_two_kazakh_names_sharing_their_head_noun_render_one_english_name_each_in_dictionary_form():
    corpus = UnitCorpus([MinedUnit(1, {
        "en": "She is a doctor at the Aksu and Children's Hospital in Almaty.",
        "kk": "Ол Алматыдағы Ақсу ауруханасының және Балалар ауруханасының дәрігері."}, "en")])
    # the head noun renders "Hospital" twice; each conjunct in dictionary form
    assert best(EquivalentMiner(corpus, "en"), ["Aksu and Children's Hospital"], "kk") == (
        "Ақсу ауруханасы және Балалар ауруханасы", 1)
