"""The detectors of each language (``termbase.extraction.detect.{en,ru,kk}``) on one sentence each:
the spans they find, with their kind and whether the capital may only mark the start of a sentence."""

import pytest

from termbase.extraction import detect, text
from termbase.languages import tokenize_with_punctuation


def spans(sentence: str, lang: str, kinds=("organization", "acronym", "person", "place", "name")):
    (sent,) = list(text.sentences(sentence, lang))
    return [
        (o.kind, o.initial, sent.text[sent.tokens[o.start][1] : sent.tokens[o.end - 1][2]])
        for o in detect.DETECTORS[lang](sent)
        if o.kind in kinds
    ]


# ------------------------------------------------------------------------------------------ common
def test_one_detector_module_per_language():
    assert {lang: fn.__module__ for lang, fn in detect.DETECTORS.items()} == {
        "en": "termbase.extraction.detect.en",
        "ru": "termbase.extraction.detect.ru",
        "kk": "termbase.extraction.detect.kk",
    }


@pytest.mark.parametrize(
    "token, acronym, core",
    [("APK", True, "APK"), ("ҚХА-ның", True, "ҚХА"), ("МИДа", True, "МИД"), ("МИДом", True, "МИД"),
     ("XIV", False, "XIV"), ("Москва", False, "Москва"), ("ВКонтакте", False, "ВКонтакте")],
)
def test_acronyms_with_their_case_endings(token, acronym, core):
    assert detect.is_acronym(token) is acronym
    assert detect.acronym_core(token) == core


def test_site_names_and_names_with_a_leading_digit_are_one_token():
    assert [t[0] for t in tokenize_with_punctuation("Лента.ру: 3Com, 3D и 90%")] == [
        "Лента.ру", ":", "3Com", ",", "3D", "и", "90", "%",
    ]
    assert detect.is_cap("3Com") and not detect.is_cap("3D")


# ----------------------------------------------------------------------------------------- Russian
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Об этом сообщает Лента.ру, а покупку 3Com одобрили.",
         [("organization", False, "Лента.ру"), ("name", False, "3Com")]),
        # a country's adjective and an acronym: that country's institution (the acronym is listed too)
        ("Глава японского МИДа прилетел в Токио.",
         [("acronym", False, "МИДа"), ("organization", False, "японского МИДа"), ("place", False, "Токио")]),
        # a country's adjective and a head it has one of
        ("Тренер российской сборной ответил на давление американских властей.",
         [("organization", False, "российской сборной"), ("organization", False, "американских властей")]),
        # but not with a head of which there are many
        ("Вчера российская компания и американская компания договорились.", []),
        # a capitalised adjective inside a sentence begins a name that goes on in lower case
        ("Он написал статью для Частного корреспондента вчера.", [("name", False, "Частного корреспондента")]),
        ("Архнадзор против ремонта Большого театра.",
         [("organization", False, "Большого театра"), ("organization", True, "Архнадзор")]),
        ("Член Экспертно-консультативного общественного совета при главном архитекторе Москвы выступил.",
         [("organization", False, "Экспертно-консультативного общественного совета при главном архитекторе Москвы")]),
        ("Он сказал в интервью Русской службе «Голоса Америки» вчера.",
         [("organization", False, "Голоса Америки"), ("organization", False, "Русской службе «Голоса Америки»")]),
        # adjectives of a common head with a proper name after it, bar vague ones
        ("По его данным, шахматная федерация Израиля поддержит кандидата.",
         [("organization", False, "шахматная федерация Израиля")]),
        ("Новое правительство Израиля собралось.", [("organization", False, "правительство Израиля")]),
        # a dictionary word is no inflected surname ("Украине" is not "Украин" + е), a surname is
        ("Переговоры прошли в Украине и в Молдове, сказал Токаев.",
         [("place", False, "Украине"), ("place", False, "Молдове"), ("person", False, "Токаев")]),
    ],
)
def test_russian_names(sentence, expected):
    assert spans(sentence, "ru") == expected


def test_quoted_name_at_the_start_of_a_sentence_counts_as_inside_one():
    assert spans("«Билайн» станет первым оператором.", "ru") == [("name", False, "Билайн")]
    assert spans("«Нет», — сказал он.", "ru") == [("name", True, "Нет")]  # quoted speech


# ------------------------------------------------------------------------------------------ Kazakh
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # -тан of Нұрсұлтан and Қазақстан is no ablative: the names stay whole
        ("Мемлекет басшысы Нұрсұлтан Назарбаевтың мәлімдемесі жарияланды.",
         [("person", False, "Нұрсұлтан Назарбаевтың")]),
        # a surname ends a person's name; a sentence-initial adverb is no part of it
        ("Кеше Қасым-Жомарт Тоқаев Қазақстан халқына үндеу жасады.",
         [("person", False, "Қасым-Жомарт Тоқаев"), ("place", False, "Қазақстан")]),
        # a capitalised head noun followed by a name is part of that name: "Орталық Азия", not "орталық"
        ("Тәуелсіздік жылдары Қазақстан Орталық Азияның көшбасшысына айналды.",
         [("place", False, "Қазақстан"), ("place", False, "Орталық Азияның")]),
        # a title before a head noun without the izafet possessive is its subject; with it, a name
        ("Президент министрлікке тапсырма берді.", []),
        ("Бүгін Президент оркестрі өнер көрсетті.", [("organization", False, "Президент оркестрі")]),
        ("Бұны Тұңғыш Президентіміз Нұрсұлтан Назарбаев айтқан.", [("person", False, "Нұрсұлтан Назарбаев")]),
        # function words that begin a sentence ("if", "but")
        ("Егер Қазақстанда жауын көп болса, өнім артады.", [("place", False, "Қазақстанда")]),
        ("Бірақ Талғат Айнақұлов келмеді.", [("person", False, "Талғат Айнақұлов")]),
        # quoted speech is no name; a quoted name at the start of a sentence is seen inside one (before
        # "мекемесі", institution, a legal form, it names a body)
        ("Ол « Ол — жасампаз адам » деп атады.", []),
        ("« Охотзоопром » мекемесіне жұмысқа тұрған.", [("organization", False, "Охотзоопром")]),
    ],
)
def test_kazakh_names(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # postpositions inside a name: a dative before "қарсы" (against), a nominative before "жөніндегі"
        ("Біз Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігімен кездестік.",
         [("organization", False, "Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігімен")]),
        ("Ол Төтенше жағдай жөніндегі мемлекеттік комиссияның отырысында сөйледі.",
         [("organization", False, "Төтенше жағдай жөніндегі мемлекеттік комиссияның")]),
        # but no name begins with a postposition
        ("Оған қарсы комиссия шешім қабылдады.", []),
        # the object of a verbal noun stands in the accusative inside the name
        ("Ал Еңбек және халықты әлеуметтік қорғау министрлігінің қызметкерлері келді.",
         [("organization", False, "Еңбек және халықты әлеуметтік қорғау министрлігінің")]),
        # "named after": the name begins with the person's
        ("Біз әл-Фараби атындағы Қазақ ұлттық университетінің заң факультетінде оқыдық.",
         [("organization", False, "әл-Фараби атындағы Қазақ ұлттық университетінің")]),
        ("Ол Қорқыт ата атындағы Қызылорда мемлекеттік университетінің түлегі.",
         [("organization", False, "Қорқыт ата атындағы Қызылорда мемлекеттік университетінің")]),
        ("Ол Гагарин атындағы әскери-әуе академиясында оқыды.",
         [("organization", False, "Гагарин атындағы әскери-әуе академиясында")]),
        # the genitive of an administrative unit after its (multi-word) place name, with the izafet
        ("Біз Батыс Қазақстан облысының әкімдігімен бірлесіп жұмыс істейміз.",
         [("organization", False, "Батыс Қазақстан облысының әкімдігімен")]),
        # a plural head noun inside a name is a dependent; "сауда" (trade) is no locative
        ("Жобаны ұсынған Халықаралық сауда орталықтары қауымдастығы болды.",
         [("organization", False, "Халықаралық сауда орталықтары қауымдастығы"), ("name", True, "Жобаны")]),
        # loanwords keep a voiced final consonant ("клуб"), "кеңесі" is "кеңес" + і
        ("Кеше Ақкөңілділер клубының мүшелері нан таратты.", [("organization", False, "Ақкөңілділер клубының")]),
        ("Мен ойлаймын, Қауіпсіздік кеңесінің шешімі дұрыс.", [("organization", False, "Қауіпсіздік кеңесінің")]),
        # a quoted name with lower-case words up to the head noun: the whole is the institution's
        # name, and the quoted name is a name too; right before the head, only the quoted name is
        ("« Астана » халықаралық қаржы орталығының соты ашылды.",
         [("organization", False, "« Астана » халықаралық қаржы орталығының"), ("name", False, "Астана")]),
        ("« Хабар » арнасының тілшісі келді.", [("organization", False, "Хабар")]),
    ],
)
def test_kazakh_institution_names(sentence, expected):
    assert spans(sentence, "kk") == expected


# ----------------------------------------------------------------------------------------- English
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "X & Y" companies and their abbreviations
        ("Shares of Marks & Spencer fell and M&S said Procter & Gamble rose.",
         [("acronym", False, "M&S"), ("name", False, "Marks & Spencer"), ("name", False, "Procter & Gamble")]),
        # a shop named after its founder keeps its 's; a possessive does not
        ("Later Macy's said that Tokayev's speech was long.",
         [("name", False, "Macy's"), ("person", False, "Tokayev")]),
        ("She shopped at Sainsbury's, then Macy's store.", [("name", False, "Sainsbury's"), ("name", False, "Macy")]),
        # "it's", "I'm": no names
        ("It's late, I'm told.", []),
        # a newspaper's "The"; a weekday after "on" is no part of a name
        ("It was reported by The Sunday Times on Monday.", [("organization", False, "The Sunday Times")]),
        ("The Guardian said so.", [("organization", True, "The Guardian")]),
        # a "The" capitalised after a word inside a sentence is the name's; after a quote mark it begins one
        ("Some pledges include The Power of Nutrition, a partnership.", [("name", False, "The Power of Nutrition")]),
        ('He said: "The Senate will vote."', [("organization", False, "Senate")]),
        # in a Title Case headline and after a colon a capital may only mark the place; a quoted title
        # keeps its number
        ("Kanye West Embarked on a Diatribe, After his Appearance.",
         [("name", True, "Kanye West Embarked"), ("name", True, "Diatribe"), ("name", True, "Appearance")]),
        ("John Edward: Languages skills essential for citizens", [("name", True, "John Edward"), ("name", True, "Languages")]),
        ('They told "60 Minutes" so.', [("name", False, "60 Minutes")]),
        ("The Security Council on Thursday met the Committee on Foreign Affairs.",
         [("organization", False, "Security Council"), ("organization", False, "Committee on Foreign Affairs")]),
        # dotted abbreviations inside names and alone
        ("The U.S. Supreme Court and the U.N. Security Council met in the U.S. yesterday.",
         [("organization", False, "U.S. Supreme Court"), ("organization", False, "U.N. Security Council"),
          ("name", False, "U.S.")]),
        # University of X, at the start of a sentence too
        ("University of Michigan staff met researchers at the University of Oxford.",
         [("organization", True, "University of Michigan"), ("organization", False, "University of Oxford")]),
        # site names are outlets, also in lower case
        ("Politico.com and TMZ.com reported it, see samaritans.org.",
         [("organization", True, "Politico.com"), ("organization", False, "TMZ.com"),
          ("organization", False, "samaritans.org")]),
        # titles before a name
        ("On 29 September Lt Col Vann led his battalion.", [("person", False, "Vann")]),
        # ... and demonyms and words for what someone does before a first name and a surname
        ("It followed a meeting between German Chancellor Angela Merkel and Vladimir Putin.",
         [("person", False, "Angela Merkel"), ("name", False, "Vladimir Putin")]),
        ("Lawyer Christian Schertz said so.", [("person", False, "Christian Schertz")]),
        ("American Phil Mickelson will set a record.", [("person", False, "Phil Mickelson")]),
        ("Manchester United Manager Jose Mourinho spoke.", [("person", False, "Jose Mourinho")]),
        # "of"/"for" join a name's words after a common word or a head, not after a person's name
        ("The report named Lindsey Graham of South Carolina.",
         [("name", False, "Lindsey Graham"), ("name", False, "South Carolina")]),
        ("Gerrard swapped Coulibaly for Ryan Kent.", [("name", True, "Gerrard"), ("name", False, "Coulibaly"),
                                                     ("name", False, "Ryan Kent")]),
        # ... not before words the lexicon knows
        ("They went to the Silver Surfer Award Ceremony.", [("name", False, "Silver Surfer Award Ceremony")]),
    ],
)
def test_english_names(sentence, expected):
    assert spans(sentence, "en") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # Latin names inside Russian text, with "!", digits, "&" and "'s"; a kind before them describes them
        ("Компания Yahoo! объявила, что оператор Tele2 и агентство S&P купили McDonald's.",
         [("acronym", False, "S&P"), ("organization", False, "Yahoo!"), ("organization", False, "Tele2"),
          ("name", False, "McDonald's")]),
        ("Акции торгуются на бирже NYSE Euronext.", [("acronym", False, "NYSE"), ("organization", False, "NYSE Euronext")]),
        # a title makes a person of the name after it, not of the country before the name
        ("Президент Казахстана Касым-Жомарт Токаев выступил.",
         [("place", False, "Казахстана"), ("person", False, "Касым-Жомарт Токаев")]),
        # ... and no person of a country alone after it
        ("Президент Индонезии прилетел в город.", [("place", False, "Индонезии")]),
        # a Korean name whose parts a dictionary reads as places
        ("Трамп встретился с Ким Чен Ыном.", [("person", True, "Трамп"), ("person", False, "Ким Чен Ыном")]),
        # shops and companies by their kind, not places
        ("Магазин «Пятёрочка» открылся, а сеть «Магнит» и Газпром России растут.",
         [("organization", False, "Пятёрочка"), ("organization", False, "Магнит"),
          ("organization", False, "Газпром России")]),
        # abbreviations of common words and Roman numerals are no names
        ("Это церковь Св. Мартина, где прошли XXXIII игры.", [("person", False, "Мартина")]),
        # a person after an institution's name is not part of it
        ("Глава Министерства юстиции Александра Коновалова нет.",
         [("organization", False, "Министерства юстиции"), ("person", False, "Александра Коновалова")]),
        # quoted speech is no name: a verb, a pronoun or a comma inside the quotes
        ("Он написал: «Мы не разрешаем пытки», а «Газпром» молчит.", [("name", False, "Газпром")]),
        ("Лозунг «Только все вместе мы сможем» висел.", []),
    ],
)
def test_russian_names_issue13(sentence, expected):
    assert spans(sentence, "ru") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an unknown name after a place in an oblique case is no part of the place's name (the kind of
        # the name is the dictionary's guess: "Масахару" is guessed a place)
        ("Посол Японии в России Масахару Коно будет снят.", ["Японии", "России", "Масахару Коно"]),
        ("Его место займёт посол Японии в Чехии Синдзи Харада.", ["Японии", "Чехии", "Синдзи Харада"]),
        ("Посольство России Масахару Коно посетил.", ["Посольство России", "Масахару Коно"]),
        # a place declined as part of a name agrees with the words after it
        ("Делегация Южной Кореи прибыла.", ["Южной Кореи"]),
        # two names in cases no reading shares are two names; a genitive after a name may be its own
        ("После завоевания Крыма Россией татары переселились.", ["Крыма", "Россией"]),
        ("Выборы в Бундестаг Германии прошли.", ["Бундестаг Германии"]),
    ],
)
def test_russian_name_after_a_place_in_an_oblique_case(sentence, expected):
    assert [s for _, _, s in spans(sentence, "ru")] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # after a title and a lower-case body, two capitalised words no dictionary has are the title's
        # holder, not the body's name (a known first name ended the body before: «Ирина»)
        ("Об этом заявил шеф концерна Бернд Пишетсридер на выставке.", ["Бернд Пишетсридер"]),
        ("Руководитель холдинга Тидьян Тиам уехал.", ["Тидьян Тиам"]),
        # a body's own name stays: one word, a place, or more capitalised words after the pair
        ("Глава компании Роснефть заявил.", ["Роснефть"]),
        ("Шеф правительства Израиля заявил.", ["правительства Израиля"]),
        ("Об этом сообщил концерн Бернд Пишетсридер.", ["концерн Бернд Пишетсридер"]),
        # a known first name after a body, in the case of an animate noun before it, is that person's
        # («астронавта ... Томаса»); a body named after a person keeps the name («директор Театра Олега Табакова»)
        ("С прибытием астронавта Европейского космического агентства Томаса Райтера станция полна.",
         ["Европейского космического агентства", "Томаса Райтера"]),
        ("Об этом заявил директор Театра Олега Табакова вчера.", ["Театра Олега Табакова"]),
        # a first name in the instrumental is no body's dependent (as «[Управление] Делами» is)
        ("Мы встретились с директором театра Олегом Табаковым.", ["Олегом Табаковым"]),
        ("Управление Делами Президента сообщило.", ["Управление Делами Президента"]),
    ],
)
def test_russian_title_holder_after_a_body_is_no_part_of_its_name(sentence, expected):
    assert [s for _, _, s in spans(sentence, "ru")] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a capitalised adjective inside a sentence begins a name that goes on in lower case: with its
        # noun, and with the adjectives agreeing with the noun between them
        ("Исследователи Брукхейвенской национальной лаборатории сообщили.",
         [("name", False, "Брукхейвенской национальной лаборатории")]),
        ("Блоки Хмельницкой атомной электростанции достроят.", [("name", False, "Хмельницкой атомной электростанции")]),
        ("Оттуда переезжает Исторический государственный архив.", [("name", False, "Исторический государственный архив")]),
        ("Он пришёл на Красную площадь.", [("name", False, "Красную площадь")]),
    ],
)
def test_russian_capitalised_adjective_then_lower_case_adjectives_and_noun(sentence, expected):
    assert spans(sentence, "ru") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a body's acronym with the territory it serves
        ("Группа включает ГУ МЧС России по Санкт-Петербургу и экологов.",
         [("acronym", False, "ГУ"), ("acronym", False, "МЧС"), ("organization", False, "ГУ МЧС России по Санкт-Петербургу")]),
        ("Это сообщила пресс-служба МЧС по Санкт-Петербургу и Ленобласти.",
         [("acronym", False, "МЧС"), ("organization", False, "МЧС по Санкт-Петербургу и Ленобласти")]),
        # "им." (имени) and the person's name after it belong to the body's name
        ("Он работал в Театре им. Йозефа Бойса.", [("organization", False, "Театре им. Йозефа Бойса")]),
        # a body a state has one of, capitalised by position only: a name with a country's adjective
        ("Местные власти не называют происшествие чрезвычайным.", []),
        ("Российские власти не называют происшествие чрезвычайным.", [("organization", True, "Российские власти")]),
        # capitalised adjectives before "и" and a lower-case one before the head
        ("По сведениям Всемирной продовольственной и сельскохозяйственной организации, цены выросли.",
         [("organization", False, "Всемирной продовольственной и сельскохозяйственной организации")]),
    ],
)
def test_russian_institution_names_of_news(sentence, expected):
    assert spans(sentence, "ru") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a region's name with the word for region; a capitalised adjective opening a lower-case name is none
        ("Шығыс Қазақстан облысында Мемлекеттік хатшы сөйледі.", [("place", True, "Шығыс Қазақстан облысында")]),
        # who a person is (where from, whose) is no part of the name
        ("Атыраулық Арыстанбек Кенже келді.", [("name", False, "Арыстанбек Кенже")]),
        ("Әріптесім Индира Жылқайдарова айтты.", [("person", False, "Индира Жылқайдарова")]),
        ("Тілшіміз Алуа Маханбет хабарлайды.", [("name", False, "Алуа Маханбет")]),  # our reporter
        # ... nor what the person does, before a patronymic or an inflected surname
        ("Жүргізуші Асқар Бекұлы келді.", [("person", False, "Асқар Бекұлы")]),
        ("Шаруагер Бақтыбай Нұрниязовтың егіні шықты.", [("person", False, "Бақтыбай Нұрниязовтың")]),
        ("Біз Елорданы Алматымен салыстырдық.", [("name", False, "Елорданы"), ("place", False, "Алматымен")]),
    ],
)
def test_kazakh_names_issue13(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a name in Latin letters before a Kazakh kind noun is the name, without the kind noun
        ("Astana LRT компаниясы ақша сұрап отыр.", [("acronym", False, "LRT"), ("organization", True, "Astana LRT")]),
        ("Олар Microsoft компаниясымен келісті.", [("organization", False, "Microsoft")]),
        ("Бізде Kazakh Invest компаниясы бар.", [("organization", False, "Kazakh Invest")]),
        ("Мұны Die Zeit газеті жазды.", [("organization", False, "Die Zeit")]),  # «Мұны» (this, acc.): no name
        # ... not before a kind a place may name: the plant at Burnaston
        ("Олар Burnaston зауытында жұмыс істейді.", [("organization", False, "Burnaston зауытында")]),
        # a place before a generic kind noun says whose the company is: no name but the place
        ("Бұл жобаны Германия компаниясы алды.", [("place", False, "Германия")]),
        ("Оны Американың компаниясы алды.", [("place", False, "Американың")]),
        # ... but a kind noun with lower-case dependents heads the name, and a channel is named after a place
        ("Ол Азық-түлік корпорациясына тапсырды.", [("organization", False, "Азық-түлік корпорациясына")]),
        ("Ол Қазақстан телеарнасында сөйледі.", [("organization", False, "Қазақстан телеарнасында")]),
        # the maker of a vehicle named before its kind noun: the name's first word, the model number skipped
        ("Олар « Боинг 737 МАКС » лайнерінің ұшуына тыйым салды.",
         [("acronym", False, "МАКС"), ("name", False, "Боинг 737 МАКС"), ("organization", False, "Боинг")]),
        ("Sukhoi Superjet 100 ұшағы Ресейде шығарылған.",
         [("name", True, "Sukhoi Superjet"), ("place", False, "Ресейде"), ("organization", True, "Sukhoi")]),
        ("Ол Тойота көлігін сатып алды.", [("name", False, "Тойота"), ("organization", False, "Тойота")]),
        ("Президент ұшағы Алматы ұшағынан бұрын қонды.", [("place", False, "Алматы")]),
        ("Жолаушы Билл Джонс ұшақтың төмен ұшқанын айтты.", [("name", False, "Билл Джонс")]),  # no compound
        # a place in the attributive locative says where a body is: no part of its name
        ("Олар Семейдегі кеме жасау зауытында жұмыс істейді.", [("name", False, "Семейдегі")]),
        ("Ол Гагарин атындағы әскери-әуе академиясында оқыды.",
         [("organization", False, "Гагарин атындағы әскери-әуе академиясында")]),
        # a state's acronym begins the name of its body, as the state's name does
        ("АҚШ Әділет министрлігі бұл туралы мәлімдеді.",
         [("acronym", False, "АҚШ"), ("organization", True, "АҚШ Әділет министрлігі")]),
        ("Ол АҚШ Ұлттық рак институтында жұмыс істейді.",
         [("acronym", False, "АҚШ"), ("organization", False, "АҚШ Ұлттық рак институтында")]),
        ("Ол ҚР Денсаулық сақтау министрлігіне хат жазды.",
         [("acronym", False, "ҚР"), ("organization", False, "ҚР Денсаулық сақтау министрлігіне")]),
        ("АҚШ пен Ресей келісті.", [("acronym", False, "АҚШ"), ("place", False, "Ресей")]),
        # a head with the izafet's possessive ends its name before a capitalised word in an oblique
        # case; a known place opening the sentence begins the name
        ("Қазақстан халқы Ассамблеясы Астанада пленарлық отырыс өткізді.",
         [("organization", True, "Қазақстан халқы Ассамблеясы"), ("place", False, "Астанада")]),
        ("Кеше Қазақстан халқы Ассамблеясы Астанада отырыс өткізді.",
         [("organization", False, "Қазақстан халқы Ассамблеясы"), ("place", False, "Астанада")]),
        ("Орталық Азияда жиын өтті.", [("place", True, "Орталық Азияда")]),
        # a plural noun capitalised by position is no part of the name after it; a plural head is
        ("Жаралылар Луи Пастер ауруханасына жеткізілді.", [("organization", False, "Луи Пастер ауруханасына")]),
        ("Жаралылар Луи Пастер үйіне жеткізілді.", [("name", False, "Луи Пастер")]),
        ("Біріккен Араб Әмірліктері келісті.", [("name", True, "Біріккен Араб Әмірліктері")]),
    ],
)
def test_kazakh_companies_kinds_and_makers(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # compound verbs are no key phrases, with or without the noun before them
        ("Содырлар ауылға шабуыл жасап, үйлерді өртеді.", []),
        ("Жаңа жүйені іске қосу жоспарланған.", []),
        ("Апатта қаза тапқандар саны өсті.", []),
        # the month of a date is no key phrase
        ("Маусым айында сайлау болады.", []),
    ],
)
def test_kazakh_verbal_and_date_phrases_are_no_key_phrases(sentence, expected):
    assert spans(sentence, "kk", kinds=("phrase",)) == expected


@pytest.mark.parametrize(
    "sentence, lang, expected",
    [
        ("A spokesman for Toyota UK said so.", "en", [("name", False, "Toyota UK")]),
        ("It was shown on Channel 5 last night.", "en", [("organization", False, "Channel 5")]),
        ("Представитель Toyota UK сказал это.", "ru", [("name", False, "Toyota UK")]),
        ("Ол Priorities USA тобында жұмыс істейді.", "kk", [("name", False, "Priorities USA")]),
    ],
)
def test_a_brand_keeps_its_country_and_a_station_its_number(sentence, lang, expected):
    assert [s for s in spans(sentence, lang, ("organization", "person", "place", "name"))] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a "по" phrase and its conjunct in the dative, then the genitive of the country
        ("Опрос провела Комиссия по занятости и навыкам Великобритании в 2014 году.",
         [("organization", False, "Комиссия по занятости и навыкам Великобритании")]),
        # "и" before another institution joins two names, not one
        ("Он директор Фонда Интернета и Института открытых данных.",
         [("organization", False, "Фонда Интернета"), ("organization", False, "Института открытых данных")]),
        # a word in lower case after the country's name is the sentence's, not the name's
        ("Направить в Департамент юридической службы Министерства финансов Республики Казахстан сведений об исполнении.",
         [("organization", False, "Департамент юридической службы Министерства финансов Республики Казахстан")]),
        # "управление" takes the instrumental
        ("Выдать удостоверения Управления Делами Президента Республики Казахстан.",
         [("organization", False, "Управления Делами Президента Республики Казахстан")]),
        # a legal form with the body's quoted name, and the quoted name apart
        ("Определить акционерное общество «Информационно-учетный центр» оператором.",
         [("name", False, "Информационно-учетный центр"),
          ("organization", False, "акционерное общество «Информационно-учетный центр»")]),
        ("Направить в Республиканское государственное предприятие на праве хозяйственного ведения «Республиканский "
         "центр правовой информации» Министерства юстиции Республики Казахстан копию.",
         [("name", False, "Республиканский центр правовой информации"),
          ("organization", False, "Республиканское государственное предприятие на праве хозяйственного ведения "
                                  "«Республиканский центр правовой информации» Министерства юстиции Республики Казахстан"),
          ("organization", False, "Министерства юстиции Республики Казахстан")]),
        # coordinated adjectives before the head noun
        ("Сотрудник Иммиграционной и таможенной служб сказал.",
         [("organization", False, "Иммиграционной и таможенной служб")]),
        # an acronym's Latin name after a kind with its adjective
        ("Об этом сообщает австралийское агентство ABC News.",
         [("acronym", False, "ABC"), ("organization", False, "ABC News")]),
    ],
)
def test_russian_institution_names_of_official_texts(sentence, expected):
    assert spans(sentence, "ru") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a Latin name after a kind is the whole name, with its acronym
        ("Между тем организация Business NZ выступила.", [("acronym", False, "NZ"), ("organization", False, "Business NZ")]),
        ("Он специалист клиники Brigham and Women's Hospital, где работал.",
         [("name", False, "Brigham and Women's Hospital")]),
        # a "по" phrase after the country's acronym
        ("Профессор работает в Национальный институт США по исследованию рака и пишет.",
         [("acronym", False, "США"), ("organization", False, "Национальный институт США по исследованию рака")]),
        # an adjective standing for its people
        ("Так обещала Партия зеленых в прошлом году.", [("organization", False, "Партия зеленых")]),
        # a surname no dictionary has goes on a name; a known first name with a surname begins a person
        ("Я буду работать с нашим Комитетом Кубка Райдера, и мы победим.",
         [("organization", False, "Комитетом Кубка Райдера")]),
        # a first name in the nominative right after the name begins a person, even as its first dependent;
        # a person in the genitive may still be the name's ("Фонд Владимира Потанина")
        ("Худрук Большого театра Анатолий Иксанов завершил работу.",
         [("organization", False, "Большого театра"), ("person", False, "Анатолий Иксанов")]),
        ("Вчера Фонд Владимира Потанина объявил конкурс.", [("organization", False, "Фонд Владимира Потанина")]),
    ],
)
def test_russian_names_with_latin_parts_and_substantive_adjectives(sentence, expected):
    assert spans(sentence, "ru") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # adjectives coordinated with "и" (or commas, then "и") agree with one genitive noun of the name
        ("2. Отделу организационно-контрольной и кадровой работы Управления Делами Президента Республики "
         "Казахстан обеспечить:",
         [("organization", False, "Отделу организационно-контрольной и кадровой работы Управления Делами "
                                  "Президента Республики Казахстан")]),
        ("Передать Департаменту западной, восточной и южной политики Министерства иностранных дел копию.",
         [("organization", False, "Департаменту западной, восточной и южной политики Министерства иностранных дел")]),
        # a comma before adjectives that never reach "и" ends the name
        ("Передать Департаменту западной политики, новой копию.",
         [("organization", False, "Департаменту западной политики")]),
        # genitive dependents listed with commas up to "и" are one name's; a list of institutions is not
        ("«СОГЛАСОВАН» Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан",
         [("name", False, "СОГЛАСОВАН"),
          ("organization", False, "Министерство цифрового развития, инноваций и аэрокосмической промышленности "
                                  "Республики Казахстан")]),
        ("Он работал в Министерстве образования, Министерстве финансов и Министерстве юстиции.",
         [("organization", False, "Министерстве образования"), ("organization", False, "Министерстве финансов"),
          ("organization", False, "Министерстве юстиции")]),
        # a lower-case body ("орган") names one with its place: a place's unit and name in the genitive,
        # a capitalised region's adjective with its unit, coordinated regions
        ("Выпуск местным исполнительным органом города Нур-Султана ценных бумаг.",
         [("organization", False, "местным исполнительным органом города Нур-Султана")]),
        ("Выпуск местным исполнительным органом Туркестанской области ценных бумаг.",
         [("organization", False, "местным исполнительным органом Туркестанской области")]),
        ("Выпуск местными исполнительными органами Костанайской и Северо-Казахстанской областей ценных бумаг.",
         [("organization", False, "местными исполнительными органами Костанайской и Северо-Казахстанской областей")]),
        ("Выслуга лет сотрудникам органов внутренних дел Республики Казахстан на льготных условиях.",
         [("organization", False, "органов внутренних дел Республики Казахстан")]),
        # without a place at the end a lower-case body is no name
        ("Выслуга лет сотрудникам органов внутренних дел на льготных условиях.", []),
        # a capitalised adjective's name goes on with a known place right after its noun
        ("Десять лет назад в Южном округе Нью-Йорка прокурор потребовал казни.",
         [("name", False, "Южном округе Нью-Йорка")]),
        # a body's acronym with the state whose body it is, in the genitive; a chain of acronyms and a
        # common abbreviation ("СМИ") are not such bodies
        ("Я буду работать с PGA Америки и нашим комитетом.",
         [("acronym", False, "PGA"), ("organization", False, "PGA Америки")]),
        ("Об этом пишут СМИ Беларуси.", [("acronym", False, "СМИ"), ("place", False, "Беларуси")]),
        ("Наш девиз «Мы одна семья» (GENS UNA SUMUS).",
         [("acronym", False, "GENS"), ("acronym", False, "UNA"), ("acronym", False, "SUMUS")]),
        # a country's or city's adjective before an institution's name, quoted or agreeing with it, names
        # that place's one; the name alone stays
        ("«Рейнджерс» принимают венский «Рапид» в четверг.",
         [("name", False, "Рейнджерс"), ("name", False, "Рапид"), ("organization", False, "венский «Рапид»")]),
        ("Акции российского Газпрома упали.",
         [("organization", False, "Газпрома"), ("organization", False, "российского Газпрома")]),
        ("Это российские Газпрома акции.", [("organization", False, "Газпрома")]),
    ],
)
def test_russian_coordinated_adjectives_and_lower_case_bodies_of_places(sentence, expected):
    assert spans(sentence, "ru") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the izafet's possessor begins a body's name: a state in the nominative or the genitive, a
        # region with its unit, a place in the genitive before a capitalised name
        ("Ол Қазақстан Республикасы Сыртқы істер министрлігіне хат жазды.",
         [("organization", False, "Қазақстан Республикасы Сыртқы істер министрлігіне")]),
        ("Қазақстан Республикасының Ұлттық қауіпсіздік комитеті мәлімдеді.",
         [("organization", True, "Қазақстан Республикасының Ұлттық қауіпсіздік комитеті")]),
        ("Ол Техас штатының Көлік департаментінде жұмыс істейді.",
         [("organization", False, "Техас штатының Көлік департаментінде")]),
        ("Біз Канаданың Хоккей Лигасымен кездестік.", [("organization", False, "Канаданың Хоккей Лигасымен")]),
        # the title of a state's office as the possessor
        ("Қазақстан Республикасы Президенті Іс Басқармасы бұйрық шығарды.",
         [("organization", True, "Қазақстан Республикасы Президенті Іс Басқармасы")]),
        # a body in the genitive and its part: both names
        ("Қазақстан Республикасы Әділет министрлігінің Тіркеу қызметі департаменті хабарлады.",
         [("organization", True, "Қазақстан Республикасы Әділет министрлігінің Тіркеу қызметі департаменті"),
          ("organization", True, "Қазақстан Республикасы Әділет министрлігінің")]),
        ("Қазақстан Республикасы Қаржы министрлігінің кадр жұмысы бөлімі тексерді.",
         [("organization", True, "Қазақстан Республикасы Қаржы министрлігінің кадр жұмысы бөлімі"),
          ("organization", True, "Қазақстан Республикасы Қаржы министрлігінің")]),
        # a head with the possessive in the nominative is the first link of a chain
        ("Кеше Ішкі істер министрлігі тергеу департаменті хабарлады.",
         [("organization", False, "Ішкі істер министрлігі тергеу департаменті")]),
        # a state's acronym before a kind noun names the state's body; another acronym is a brand alone
        ("Кеше АҚШ командасы жеңді.", [("acronym", False, "АҚШ"), ("organization", False, "АҚШ командасы")]),
        ("Ол ресейлік КПРФ командасымен ойнады.", [("acronym", False, "КПРФ")]),
        ("Алайда БК Үкіметі келісті.", [("acronym", False, "БК"), ("organization", False, "БК Үкіметі")]),
    ],
)
def test_kazakh_izafet_chains_begin_with_their_possessor(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a Latin acronym and the capitalised Latin words after it are one name
        ("Мұны NBC News хабарлады.", [("acronym", False, "NBC"), ("name", False, "NBC News")]),
        ("Ол BBC Radio 4 эфирінде сөйледі.", [("acronym", False, "BBC"), ("name", False, "BBC Radio 4")]),
        # a Latin name and the Kazakh words that describe it before a brand's kind noun: the name alone
        ("Австралиялық ABC News ақпараттық агенттігі хабарлады.",
         [("acronym", False, "ABC"), ("organization", False, "ABC News"), ("name", True, "Австралиялық")]),
        # no Kazakh title holds a Latin name
        ("Оған Priorities USA тобының директоры жауап берді.",
         [("acronym", False, "USA"), ("name", False, "Priorities USA")]),
        # a number after a name numbers the body
        ("Оны Луи Пастер 2 ауруханасына алып кетті.", [("organization", False, "Луи Пастер 2 ауруханасына")]),
        # dotted initials of three letters or more are one token, with their case ending
        ("Ол Н.Ф.Л-мен ұрысты.", [("name", False, "Н.Ф.Л-мен")]),
        ("А.С. Пушкин келді.", [("name", False, "Пушкин")]),
    ],
)
def test_kazakh_latin_names_numbers_and_dotted_initials(sentence, expected):
    assert spans(sentence, "kk") == expected


def test_a_word_capitalised_by_position_joins_a_state_possessor_only_as_a_place_or_a_compass_point():
    assert spans("Бақылау Қазақстан Республикасы Ауыл шаруашылығы министрлігіне жүктелсін.", "kk") == [
        ("organization", False, "Қазақстан Республикасы Ауыл шаруашылығы министрлігіне"), ("name", True, "Бақылау")]
    assert spans("Саффолк Университетінің Саяси Зерттеулер Орталығы сұрады.", "kk") == [
        ("organization", True, "Саффолк Университетінің Саяси Зерттеулер Орталығы"),
        ("organization", True, "Саффолк Университетінің")]
    assert spans("Батыс Қазақстан облысының Білім басқармасы хабарлады.", "kk") == [
        ("organization", True, "Батыс Қазақстан облысының Білім басқармасы")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # -ты/-ті after a vowel or a voiced consonant is a noun's possessive, no past tense: the chain goes on
        ("Ол Бюджет саясаты департаментіне хат жазды.", [("organization", False, "Бюджет саясаты департаментіне")]),
        ("Тоқаев келді білім министрлігіне.", [("person", True, "Тоқаев")]),
        # a capitalised body in the genitive before a part named in lower case
        ("Ол Сенат Кеңсесінің кадр жұмысы бөліміне барды.",
         [("organization", False, "Сенат Кеңсесінің кадр жұмысы бөліміне"),
          ("organization", False, "Сенат Кеңсесінің")]),
    ],
)
def test_kazakh_izafet_chains_past_nouns_in_t_and_capitalised_bodies(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "жөніндегі" (on) right before the head, after a capitalised name; a body in the genitive begins it
        ("Кеше Жапония Парламентінің Қорғаныс жөніндегі комитеті жиналды.",
         [("organization", False, "Жапония Парламентінің Қорғаныс жөніндегі комитеті"),
          ("organization", False, "Жапония Парламентінің")]),
        ("Бұл туралы Төтенше жағдайлар жөніндегі комиссия хабарлады.",
         [("organization", False, "Төтенше жағдайлар жөніндегі комиссия")]),
        # the object of a verbal noun with the possessive, and the genitive of its izafet, inside the name
        ("Чили орман өрттерінің салдарын жою жөніндегі агенттігі хабарлады.",
         [("organization", True, "Чили орман өрттерінің салдарын жою жөніндегі агенттігі")]),
        # a genitive before a bare noun is no part of a name
        ("Бүгін елдің денсаулық сақтау министрлігі хабарлады.", []),
        # a navy is a body
        ("Ол Әскери-теңіз флотының көмегіне жүгінді.", [("organization", False, "Әскери-теңіз флотының")]),
    ],
)
def test_kazakh_postpositions_verbal_nouns_and_genitives_inside_names(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # quoted speech is no name: a clause ending in a predicate, or a quote reported with ", —" or "деді"
        ("« Суға ешқандай қарызымыз жоқ » деп жазды .", [("name", True, "Суға")]),
        ("Ол : « Заңнамалық тұрғыда жетілдіру керек » , — дейді .", []),
        ("Ол : « Туған жер » деді .", [("name", True, "Туған")]),
        # ... a name in quotes stays one
        ("« Жас Алаш » деп аталатын газет шықты .", [("name", False, "Жас Алаш")]),
        ("Ол « Жас Алаш » деген жазуды оқыды .", [("name", False, "Жас Алаш")]),
        ("« Хабар » арнасы хабарлады .", [("organization", False, "Хабар")]),
        # a surname ends a person's name: it is no part of a body named after it without the possessive
        ("Премьер-министр Асқар Мамин Үкімет мүшелерін тыңдады .",
         [("organization", False, "Үкімет"), ("name", False, "Асқар Мамин")]),
        ("Министр Асхат Аймағамбетов мектеп табалдырығын аттады .", [("person", False, "Асхат Аймағамбетов")]),
        ("Бүгін Нұрсұлтан Назарбаев Еуразиялық одақ жобасы туралы айтты .",
         [("organization", False, "Еуразиялық одақ"), ("person", False, "Нұрсұлтан Назарбаев")]),
        # ... nor a body whose noun phrase its possessive closes
        ("Ұлыбритания Парламенті Үкімет ұсынған жоспарды қабылдамады .",
         [("organization", False, "Үкімет"), ("organization", True, "Ұлыбритания Парламенті")]),
        ("Бүгін Жоғарғы Сот шешті .", [("organization", False, "Жоғарғы Сот")]),
        # ... with the izafet's possessive the name is the body's
        ("Ол Нұрсұлтан Назарбаев Университетінде оқиды .",
         [("organization", False, "Нұрсұлтан Назарбаев Университетінде")]),
    ],
)
def test_kazakh_quoted_speech_and_surnames_before_a_bare_head(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a place or body in the locative says where; it begins no name
        ("Өткен жылы Арқалықта заманауи медициналық орталық ашылды .", [("name", True, "Өткен"), ("name", False, "Арқалықта")]),
        ("Бүгін Мәжілісте палата спикері сөйледі .", [("organization", False, "Мәжілісте")]),
        ("Бүгін Мәжілістегі Үкімет сағатында айтты .", [("organization", False, "Үкімет"), ("name", False, "Мәжілістегі")]),
        # ... -да after a stem in н too ("Қазақстан-да")
        ("Қазақстанда Біріккен Ұлттар Ұйымының кеңсесі ашылды .",
         [("organization", False, "Біріккен Ұлттар Ұйымының кеңсесі"), ("organization", False, "Біріккен Ұлттар Ұйымының"),
          ("place", True, "Қазақстанда")]),
        # a name that ends like a locative stays
        ("Бүгін Мальта үкіметі хабарлады .", [("organization", False, "Мальта үкіметі")]),
        ("Бүгін Канада үкіметі хабарлады .", [("organization", False, "Канада үкіметі")]),
    ],
)
def test_kazakh_a_place_in_the_locative_begins_no_name(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a place and the adjective of its unit ("облыстық", "қалалық", "аудандық") begin the body's name
        ("Оларға қатысты Қарағанды облыстық Экономикалық тергеу департаменті тергеу бастады .",
         [("organization", False, "Қарағанды облыстық Экономикалық тергеу департаменті")]),
        ("Шығыс Қазақстан облыстық төтенше жағдайлар департаментінің мамандары келді .",
         [("organization", True, "Шығыс Қазақстан облыстық төтенше жағдайлар департаментінің")]),
        ("Іс Атырау қалалық сотында қаралуда .", [("organization", False, "Атырау қалалық сотында"), ("name", True, "Іс")]),
        # the adjective's front-vowel form ("өңірлік", of a region) as well
        ("Оларға қатысты Павлодар өңірлік Экономикалық тергеу департаменті тергеу бастады .",
         [("organization", False, "Павлодар өңірлік Экономикалық тергеу департаменті")]),
        # "көмек" (help) is a noun, not a verb in -мек
        ("Бұл туралы Алматы қалалық шұғыл көмек көрсету ауруханасының дәрігерлері хабарлады .",
         [("organization", False, "Алматы қалалық шұғыл көмек көрсету ауруханасының")]),
        # a place before its unit is in the nominative even where it ends like a case ("Өскемен", not -мен)
        ("Өскемен қаласының әкімдігі хабарлама жіберген .", [("organization", True, "Өскемен қаласының әкімдігі")]),
        # a guard and a duma are bodies
        ("Бүгін үйлерді Ұлттық гвардияның сарбаздары күзетуде .", [("organization", False, "Ұлттық гвардияның")]),
        ("Осылайша кандидатурасы Мемлекеттік думаның қарауына жіберілді .", [("organization", False, "Мемлекеттік думаның")]),
    ],
)
def test_kazakh_local_bodies_after_their_place(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a lower-case body ("орган") owned by its place; an adjective in -ті ("жергілікті") inside it
        ("Бүгін Павлодар қаласының жергілікті атқарушы органы шешім шығарды.",
         [("organization", False, "Павлодар қаласының жергілікті атқарушы органы")]),
        # ... but not where nothing owns it (the -ті may be a verb), nor across a possessive accusative
        ("Ол келді уәкілетті органға.", []),
        ("Құдайбергенов бүгінгі шешімін атқарушы орган ретінде жариялады.", [("person", True, "Құдайбергенов")]),
        ("Тұрғындар өз сайлау учаскесін iKomek қызметі арқылы біле алады.", []),
        # dependents listed with commas up to "және", a capitalised first one too
        ("Бұл жұмысты Қазақстан Республикасы Мәдениет, спорт және туризм министрлігі үйлестіреді.",
         [("organization", False, "Қазақстан Республикасы Мәдениет, спорт және туризм министрлігі")]),
        # a verbal noun's instrumental argument and "қайта" (re-) before it; a place in the genitive opening
        # the sentence owns the body
        ("Германияның еңбекпен қамту және кәсіби оқыту агенттігі хабарлады.",
         [("organization", True, "Германияның еңбекпен қамту және кәсіби оқыту агенттігі")]),
        ("Оны Ауыл шаруашылығы министрлігінің Мал өнімін қайта өңдеу департаменті тексерді.",
         [("organization", False, "Ауыл шаруашылығы министрлігінің Мал өнімін қайта өңдеу департаменті"),
          ("organization", False, "Ауыл шаруашылығы министрлігінің")]),
        # a quoted name and its legal form ("акционерлік қоғамы", "... кәсіпорны" with its vowel dropped, "РММ")
        ("Кеше «Байтерек» акционерлік қоғамы несие берді.",
         [("organization", False, "«Байтерек» акционерлік қоғамы"), ("name", False, "Байтерек")]),
        # ... the body that owns it, or the office it is attached to ("жанындағы"), begins the name
        ("Ол Мәдениет министрлігінің «Ұлттық кітап палатасы» шаруашылық жүргізу құқығындағы республикалық "
         "мемлекеттік кәсіпорнына жіберді.",
         [("organization", False, "Мәдениет министрлігінің"),
          ("organization", False, "«Ұлттық кітап палатасы» шаруашылық жүргізу құқығындағы республикалық мемлекеттік кәсіпорнына"),
          ("organization", False, "Мәдениет министрлігінің «Ұлттық кітап палатасы» шаруашылық жүргізу құқығындағы "
                                  "республикалық мемлекеттік кәсіпорнына"),
          ("name", False, "Ұлттық кітап палатасы")]),
        ("Кеше Қазақстан Республикасының Үкіметі жанындағы «Зерде» РММ жұмысын бастады.",
         [("acronym", False, "РММ"), ("organization", False, "«Зерде» РММ"),
          ("organization", False, "Қазақстан Республикасының Үкіметі жанындағы «Зерде» РММ"), ("name", False, "Зерде")]),
    ],
)
def test_kazakh_official_bodies_legal_forms_and_coordinated_dependents(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a lower-case head and the proper name in the genitive after it, cut before "при" (another body)
        ("Он преподаёт в школе Ньютона при Кембриджском университете.",
         [("organization", False, "школе Ньютона"), ("organization", False, "Кембриджском университете")]),
        ("Он преподаёт в школе Лобачевского при Казанском университете.",
         [("organization", False, "школе Лобачевского"), ("organization", False, "Казанском университете")]),
        # a radio station is a body (as "радиосы" in Kazakh)
        ("Интервью вышло на радио Ирландии в субботу.", [("organization", False, "радио Ирландии")]),
    ],
)
def test_russian_a_head_and_the_name_in_the_genitive_after_it(sentence, expected):
    assert spans(sentence, "ru") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a plural head with the izafet's possessive names a state's or place's bodies ...
        ("Бүгін Алматы қаласының ішкі істер органдары хабарлады.",
         [("organization", False, "Алматы қаласының ішкі істер органдары")]),
        # ... and no name without its owner
        ("Бүгін құқық қорғау органдары хабарлады.", []),
        # a legal form after a quoted name may go without the possessive: the owner still begins the name
        ("Ол Мәдениет министрлігінің «Ұлттық кітап палатасы» республикалық мемлекеттік кәсіпорынға хат жолдады.",
         [("organization", False, "Мәдениет министрлігінің"),
          ("organization", False, "«Ұлттық кітап палатасы» республикалық мемлекеттік кәсіпорынға"),
          ("organization", False, "Мәдениет министрлігінің «Ұлттық кітап палатасы» республикалық мемлекеттік кәсіпорынға"),
          ("name", False, "Ұлттық кітап палатасы")]),
    ],
)
def test_kazakh_a_states_bodies_in_the_plural_and_a_legal_form_without_the_possessive(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a capitalised relational adjective opens a name that goes on in lower case: alone it is none,
        # also once a pronoun that begins the sentence is taken off
        ("Ол Ұлттық академиялық кітапханада дауыс берді .", []),
        ("Бұл Ұлттық банк туралы .", [("organization", False, "Ұлттық банк")]),
        # a name ending like an Arabic-Persian adjective in -и before "мен" (and) is a name: no adjective's noun follows
        ("Бұл Теннесси мен Миссисиппи сияқты жерлер .", [("name", False, "Теннесси"), ("name", False, "Миссисиппи")]),
    ],
)
def test_kazakh_relational_adjective_after_a_pronoun_is_no_name(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a conjunct that is a body's kind noun with its own name after it is another body
        ("Письма пришли от Конгресса профсоюзов и профсоюза Юнайт.", ["Конгресса профсоюзов", "профсоюза Юнайт"]),
        ("Министерство образования и науки России сообщило.", ["Министерство образования и науки России"]),
        # an exchange, a trade union, an airline are bodies
        ("Нью-йоркская фондовая биржа закрылась.", ["Нью-йоркская фондовая биржа"]),
    ],
)
def test_russian_conjunct_body_and_kind_nouns(sentence, expected):
    assert [s for _, _, s in spans(sentence, "ru")] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # lower-case words of foreign names between two capitalised ones: "to", Italian "della", German "und"
        ("Об этом сообщает организация Committee to Protect Journalists.", ["Committee to Protect Journalists"]),
        ("Газета Corriere della Sera пишет об этом.", ["Corriere della Sera"]),
        ("Компания Harles und Jentzsch выпускает краски.", ["Harles und Jentzsch"]),
        # not a lower-case Latin word before a word in Cyrillic
        ("Фирма Bosch und Москва.", ["Bosch", "Москва"]),
    ],
)
def test_latin_names_with_lower_case_connectors_in_russian_text(sentence, expected):
    assert [s for _, _, s in spans(sentence, "ru")] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an embassy, a consulate, a cabinet and military units are bodies
        ("Бұл туралы Министрлер кабинеті хабарлады .", [("organization", False, "Министрлер кабинеті")]),
        ("Ол Қазақстан елшілігінде болды .", [("organization", False, "Қазақстан елшілігінде")]),
        ("Ол Ресейдің Бас консулдығында жұмыс істейді .", [("organization", False, "Ресейдің Бас консулдығында")]),
        ("Ол кабинетке кірді .", []),
    ],
)
def test_kazakh_kind_nouns_of_embassies_cabinets_and_units(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a body capitalised only at the start of a sentence, with a bare head after a number, a case or a
        # noun, is a common noun phrase ("for now 16 schools", "a little while in the civil service")
        ("Әзірше 16 мектеп жабылды .", [("name", True, "Әзірше")]),
        ("Аз уақыт мемлекеттік қызметте болды .", [("name", True, "Аз")]),
        # a bare head after adjectives, a head with the izafet's possessive, "жөніндегі" inside: names
        ("Ұлттық банк мәлімдеді .", [("organization", True, "Ұлттық банк")]),
        ("Бас прокуратура хабарлады .", [("organization", True, "Бас прокуратура")]),
        # a word in a case before a bare head: "funds for the money" is no fund's name
        ("Қажетті қаржыны қор бөлді .", [("name", True, "Қажетті")]),
        ("Төтенше жағдай жөніндегі мемлекеттік комиссия жиналды .",
         [("organization", True, "Төтенше жағдай жөніндегі мемлекеттік комиссия")]),
        ("Орталық теміржол ауруханасы жабылды .", [("organization", True, "Орталық теміржол ауруханасы")]),
    ],
)
def test_kazakh_a_common_body_at_the_start_of_a_sentence_is_no_name(sentence, expected):
    assert spans(sentence, "kk") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "мен"/"пен"/"бен" (and) inside a body's name, as "және": «Ана мен бала орталығы» (mother and child)
        ("Науқас Ана мен бала орталығына жеткізілді .",
         [("organization", False, "Ана мен бала орталығына"), ("name", True, "Науқас")]),
        ("Президент пен Үкімет келісті .", [("organization", False, "Үкімет")]),
        # ... not two noun phrases, the first with its own possessive or plural
        ("Еуропа сенбі күнгі доп соққылары мен төрттік партиялары жеңді .", [("place", True, "Еуропа")]),
    ],
)
def test_kazakh_and_as_men_inside_a_bodys_name(sentence, expected):
    assert spans(sentence, "kk") == expected


def test_kazakh_chain_of_bodies_in_the_genitive_is_scanned_once_per_head(monkeypatch):
    # "A министрлігінің B министрлігінің ... кадр бөлімі": each body in the genitive is a name of its own and
    # the possessor of the next; where each name begins is found once per head (linear), not once per
    # head for every body after it (quadratic). Counted by the scans, each of which reads the first word.
    from termbase.extraction.detect import kk

    sentence = "Бүгін " + "Қаржы министрлігінің " * 30 + "кадр бөлімі хабарлады ."
    (sent,) = list(text.sentences(sentence, "kk"))
    scans = []
    real = kk.first_word_index
    monkeypatch.setattr(kk, "first_word_index", lambda words: scans.append(1) or real(words))
    found = [o for o in detect.DETECTORS["kk"](sent) if o.kind == "organization"]
    assert len(found) == 31 and (found[0].start, found[0].end) == (1, 63)  # the whole chain, and each body
    assert len(scans) <= 2 * len(sent.words)


# ------------------------------------------------------------------- named cases of the second read
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a body's acronym and the state in the genitive whose body it is: one name
        ("Глава МИД России прилетел в Токио.",
         [("acronym", False, "МИД"), ("organization", False, "МИД России"), ("place", False, "Токио")]),
        # ... a person's name after it is none of it
        ("Представитель МИД России Мария Захарова заявила.",
         [("acronym", False, "МИД"), ("organization", False, "МИД России"), ("person", False, "Мария Захарова")]),
        ("Глава МИД России Сергей Лавров прилетел.",
         [("acronym", False, "МИД"), ("organization", False, "МИД России"), ("person", False, "Сергей Лавров")]),
    ],
)
def test_russian_body_acronym_with_its_state(sentence, expected):
    assert spans(sentence, "ru") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a place with its first-level region's word in the genitive is one place ("Флорида" is no locative)
        ("Ол Флорида штатының губернаторы болды .", [("place", False, "Флорида штатының")]),
        ("Флорида штатының губернаторы мәлімдеді .", [("place", True, "Флорида штатының")]),
        ("Бүгін Қызылорда облысында жаңа мектеп ашылды .", [("place", False, "Қызылорда облысында")]),
        # Kazakh department names, whole: -ты/-ті after a vowel is a noun's possessive ("саясаты"), and a
        # head with the possessive in the nominative is the first link of an izafet chain ("қызметі")
        ("Кадр саясаты департаменті хабарлады .", [("organization", True, "Кадр саясаты департаменті")]),
        ("Бүгін Кадр саясаты департаменті хабарлады .", [("organization", False, "Кадр саясаты департаменті")]),
        ("Заң қызметі департаменті хабарлады .", [("organization", True, "Заң қызметі департаменті")]),
        ("Ол Заң қызметі департаментінің директоры .", [("organization", False, "Заң қызметі департаментінің")]),
    ],
)
def test_kazakh_places_with_their_region_and_department_names(sentence, expected):
    assert spans(sentence, "kk") == expected


def test_a_kazakh_place_with_its_region_in_the_genitive_is_listed_in_its_dictionary_form():
    from termbase.extraction import extract_terms
    from termbase.languages import dictionary_form

    assert dictionary_form(["Флорида", "штатының"], "kk") == ["Флорида", "штаты"]
    result = extract_terms(["Ол Флорида штатының губернаторы болды. Флорида штатында сайлау өтті."], lang="kk")
    assert [(c.term, c.kind, c.frequency) for c in result.candidates if c.kind != "phrase"] == [
        ("Флорида штаты", "place", 2)]


# ---------------------------------------------------------- common abbreviations (data/*_extract.txt)
def _without_abbreviation(monkeypatch, lang: str, entry: str) -> None:
    """The extraction of ``lang`` as it would be without ``entry`` in its common abbreviations."""
    import dataclasses

    from termbase.extraction import lexicon as lexicon_module, pipeline, scoring
    from termbase.extraction.detect import kk, ru

    real = lexicon_module.lexicon
    lex = real(lang)
    fewer = dataclasses.replace(lex, common_abbreviations=lex.common_abbreviations - {entry})
    for module in (pipeline, scoring, kk, ru):
        monkeypatch.setattr(module, "lexicon", lambda code: fewer if code == lang else real(code))


_ABBREVIATION_TEXTS = {
    "ru": "Об этом сообщили {0}. Позже {0} добавили, что рынок вырос.",
    "en": "The {0} rose in May. Later the {0} fell again.",
    # (before a comma: a capitalised word in -и before a lower-case one reads as an adjective, «ПиЭйчДи туралы»)
    "kk": "Ол {0} , яғни хабар алды. Кеше {0} , сосын хат келді.",
}
# How the entries are written in text (the list holds them in lower case): Kazakh spells PhD out, «ПиЭйчДи».
_ABBREVIATIONS_WRITTEN = {"phd": "PhD", "пиэйчди": "ПиЭйчДи"}


def _common_abbreviations():
    from termbase.extraction.lexicon import lexicon

    return [(lang, entry) for lang in ("en", "ru", "kk") for entry in sorted(lexicon(lang).common_abbreviations)]


@pytest.mark.parametrize("lang, entry", _common_abbreviations())
def test_each_common_abbreviation_is_no_name(monkeypatch, lang, entry):
    # each entry drops the one-word candidate it would otherwise be («ПиЭйчДи», «БТР», SUV, IPO ...)
    from termbase.extraction import ExtractConfig, extract_terms

    written = _ABBREVIATIONS_WRITTEN.get(entry, entry.upper())
    config = ExtractConfig(min_freq=1, kinds=("organization", "acronym", "person", "place", "name"))

    def terms():
        return [c.term for c in extract_terms([_ABBREVIATION_TEXTS[lang].format(written)], lang=lang, config=config).candidates]

    assert terms() == []
    _without_abbreviation(monkeypatch, lang, entry)
    assert terms() == [written]


@pytest.mark.parametrize(
    "sentence, lang, entry, listed, unlisted",
    [
        # Russian: an acronym with a state in the genitive is that state's body, unless a common noun's
        ("Об этом сообщили СМИ России.", "ru", "сми", [("acronym", False, "СМИ"), ("place", False, "России")],
         [("acronym", False, "СМИ"), ("organization", False, "СМИ России")]),
        # Kazakh: an acronym before a capitalised body names the body's owner, unless a common noun's
        ("Кеше ЖШС Басқармасы хабарлады .", "kk", "жшс",
         [("acronym", False, "ЖШС"), ("organization", False, "Басқармасы")],
         [("acronym", False, "ЖШС"), ("organization", False, "ЖШС Басқармасы")]),
        ("Кеше ЖОО Ғылыми Кеңесі жиналды .", "kk", "жоо",
         [("acronym", False, "ЖОО"), ("organization", False, "Ғылыми Кеңесі")],
         [("acronym", False, "ЖОО"), ("organization", False, "ЖОО Ғылыми Кеңесі")]),
    ],
)
def test_a_common_abbreviation_begins_no_body_name(monkeypatch, sentence, lang, entry, listed, unlisted):
    assert spans(sentence, lang) == listed
    _without_abbreviation(monkeypatch, lang, entry)
    assert spans(sentence, lang) == unlisted


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # after "the", capitalised words joined by "and" up to a head noun are one body's name
        ("The report from the Ohio Parks and Wildlife Commission came out.",
         [("organization", False, "Ohio Parks and Wildlife Commission")]),
        ("She is a doctor at the Aksu and Children's Hospital in Almaty.",
         [("organization", False, "Aksu and Children's Hospital"), ("place", False, "Almaty")]),
        # ... not two bodies each with its head, nor without the article
        ("He thanked the Senate Committee and Foreign Office staff.",
         [("organization", False, "Senate Committee"), ("organization", False, "Foreign Office")]),
    ],
)
def test_english_one_body_named_with_and(sentence, expected):
    assert spans(sentence, "en") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # bodies named together under one plural head, each conjunct opening with a capital ("and" may be
        # inside a conjunct: "Көлік және энергетика")
        ("Бұл мәселе Денсаулық сақтау , Көлік және энергетика министрліктеріне жүктелді .",
         [("organization", False, "Денсаулық сақтау , Көлік және энергетика министрліктеріне")]),
        ("Ол Ішкі істер , Индустрия және инфрақұрылымдық даму министрліктеріне тапсырма берді .",
         [("organization", False, "Ішкі істер , Индустрия және инфрақұрылымдық даму министрліктеріне")]),
        # companies of two countries, and two brands each its own name, are no such body
        ("Бүгін Ресей және Қытай компаниялары келді .", [("place", False, "Ресей"), ("place", False, "Қытай")]),
        ("Бүгін Visa және MasterCard компаниялары хабарлады .", [("name", False, "Visa"), ("name", False, "MasterCard")]),
        ("Ол Клайд , Фалкирк және Сент Миррен клубтарында ойнады .",
         [("name", False, "Клайд"), ("name", False, "Фалкирк"), ("name", False, "Сент Миррен")]),
    ],
)
def test_kazakh_bodies_named_together_under_a_plural_head(sentence, expected):
    assert spans(sentence, "kk") == expected
