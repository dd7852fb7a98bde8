"""Which state a span of text is about: names beside it, in its unit, in the neighbouring units."""

import pytest

from termbase.languages import jurisdiction
from termbase.languages.jurisdiction import attached, is_foreign, jurisdiction_of, mentions, named


def span(text, part):
    start = text.index(part)
    return start, start + len(part)


@pytest.mark.parametrize("text, part, lang, expected", [
    ("The US Supreme Court ruled.", "Supreme Court", "en", "US"),
    ("the U.S. federal government said", "government", "en", "US"),
    ("Since 2003, China's government has promised", "government", "en", "CN"),
    ("North Korean Foreign Minister Ri Yong Ho says", "Foreign Minister", "en", "KP"),
    ("China and Russia argue that the U.N. Security Council should act.", "Security Council", "en", "UN"),
    ("the Supreme Court of the United States", "Supreme Court", "en", "US"),
    ("Верховный суд США отклонил иск.", "Верховный суд", "ru", "US"),
    ("АҚШ-тың Жоғарғы соты шешім шығарды.", "Жоғарғы соты", "kk", "US"),
    ("the Senate ratified the treaty with China", "Senate", "en", None),  # a partner, not beside
    ("Tory MP says Brexit talks must go on", "MP", "en", "GB"),  # the unit's polity names
    ("The Supreme Court of Kazakhstan and the US Supreme Court met.", "Supreme Court", "en", "KZ"),
    ("a cabinet secretary becomes president after an attack destroys the Capitol", "cabinet", "en", "US"),
    ("президентом после того, как Капитолий разрушен", "президентом", "ru", "US"),
    ("Капитолий жойылған соң, президенттікке жеткен", "президенттікке", "kk", "US"),
])
def test_jurisdiction_of_a_span(text, part, lang, expected):
    assert jurisdiction_of(text, *span(text, part), lang) == expected


def test_kazakhstan_wins_in_a_unit_that_names_it_and_others():
    text = "Senators of Kazakhstan met Republicans from Nevada in the Senate."
    assert jurisdiction_of(text, *span(text, "Senate."), "en") == "KZ"


def test_neighbours_count_only_when_the_unit_says_nothing():
    text = "The Supreme Court nominee denied it."
    start, end = span(text, "Supreme Court")
    assert jurisdiction_of(text, start, end, "en", context={"US"}) == "US"
    assert jurisdiction_of(text, start, end, "en", context={"US", "KZ"}) == "KZ"
    assert jurisdiction_of("Tokayev said the Senate will vote.", 16, 22, "en", context={"US"}) == "KZ"
    assert jurisdiction_of(text, start, end, "en", unit={"GB"}) == "GB"  # the translation's names


def test_is_foreign_needs_a_scope_and_another_state():
    text = "The US Supreme Court ruled."
    assert is_foreign("KZ", text, 7, 20, "en") is True
    assert is_foreign(None, text, 7, 20, "en") is False
    assert is_foreign("US", text, 7, 20, "en") is False
    assert is_foreign("KZ", "The Supreme Court ruled.", 4, 17, "en") is False


def test_markers_inflect_in_russian_and_kazakh_and_ignore_case():
    assert named("Парламент Великобритании и британское правительство", "ru") == {"GB"}
    assert named("Ұлыбританияның үкіметі", "kk") == {"GB"}
    assert named("депутаты мажилиса", "ru") == {"KZ"}
    assert named("Бiлгiм Қазақстанда", "kk") == {"KZ"}  # Latin i typed for і
    assert named("пенсия", "ru") == frozenset()  # not Pence
    assert named("Ministry of Labour and Social Protection", "en") == frozenset()  # not the Labour Party


@pytest.mark.parametrize("text, lang, expected", [
    ("Компания ақша сұрап отыр.", "kk", set()),  # money, not АҚШ
    ("Париж — Францияның астанасы.", "kk", set()),  # its capital, not Astana
    ("Трамп әкімшілігі мәлімдеді.", "kk", {"US"}),  # an administration, not an akim
    ("Бұл мәселе мәжілісте шешілді, партияның құрылтайы өтті.", "kk", set()),  # a meeting, a congress
    ("Сауда теңгерімі нашарлады.", "kk", set()),  # balance, not tenge
    ("Началась путина, на берег выбросило кита, прыжок с трамплина.", "ru", set()),
    ("АҚШ-тың Жоғарғы соты, Ақ үй", "kk", {"US"}),
    ("Облыс әкімі Астанада 100 теңгеге", "kk", {"KZ"}),
    ("депутаты мажилиса, палата общин", "ru", {"KZ", "GB"}),  # lower-case where it is no common word
    # adjectives and demonyms made from a name keep its state in lower case
    ("Америкалық және британдық сарапшылар, оңтүстік кореялық компания", "kk", {"US", "GB", "KR"}),
    ("Бұл қытай тауары, сауда теңгесі, мәжілісмендер", "kk", {"KZ"}),  # a bare Қытай* is a country name
    ("лондонских экспертов, россияне и калифорнийцы", "ru", {"GB", "RU", "US"}),
])
def test_russian_and_kazakh_markers_keep_their_capitals_and_take_in_no_other_word(text, lang, expected):
    assert named(text, lang) == expected


def test_a_bare_country_name_is_a_country_its_possessive_a_polity():
    assert [(m.code, m.kind) for m in mentions("China and China's envoy", "en")] == [("CN", "country"), ("CN", "polity")]
    assert named("the treaty with China", "en") == frozenset()
    assert attached("the treaty with China", 4, 10, "en") is None



@pytest.mark.parametrize("text, lang", [
    ("The US Supreme Court and the Welsh Parliament; Tory MP, U.S. Sen. Graham, UK's government", "en"),
    ("usa US-based Americans AMERICAN Brexit-era, Trump's Washington", "en"),
    ("Верховный суд США, ВЕРХОВНЫЙ СУД США, сша, американских сенаторов и Госдумы России", "ru"),
    ("Қазақстан Республикасының Парламенті, АҚШ-тың Жоғарғы соты, ақш, РЕСЕЙ", "kk"),
])
def test_markers_found_by_first_letter_as_by_the_whole_pattern(text, lang):
    # the scan tries at each word only the markers of its first letter: the same matches as the
    # alternation of every marker tried everywhere
    pattern, _info = jurisdiction._patterns(lang)
    folded = text.translate(jurisdiction._FOLD) if lang != "en" else text
    whole = [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(folded)]
    assert whole
    assert [(m.start(), m.end(), m.lastgroup) for m in jurisdiction._finditer(pattern, folded, lang)] == whole
