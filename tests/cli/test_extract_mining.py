"""``termbase extract`` on translation memories: suggestions mined from a file or a stored memory."""

import json

import pytest

from termbase.formats import get_format
from termbase.models import TranslationUnit

from ..mining.test_acronyms import ACRONYMS
from ..mining.test_miner import LEGAL, THREE


@pytest.fixture
def three_tmx(tmp_path):
    path = tmp_path / "three.tmx"
    units = [TranslationUnit({"en": en, "ru": ru, "kk": kk}) for _i, en, ru, kk in THREE]
    get_format("tmx").write_units(units, str(path), source_lang="en", target_langs=["kk", "ru"])
    return str(path)


@pytest.fixture
def acronyms_tmx(tmp_path):
    path = tmp_path / "acronyms.tmx"
    units = [TranslationUnit({"en": en, "ru": ru, "kk": kk}) for _i, en, ru, kk in ACRONYMS]
    get_format("tmx").write_units(units, str(path), source_lang="en", target_langs=["kk", "ru"])
    return str(path)


@pytest.fixture
def legal_tmx(tmp_path):
    path = tmp_path / "legal.tmx"
    units = [TranslationUnit({"ru": ru, "kk": kk}, source_lang="ru") for _i, kk, ru in LEGAL]
    get_format("tmx").write_units(units, str(path), source_lang="ru", target_langs=["kk"])
    return str(path)


def test_a_three_language_file_gets_mined_suggestions_marked_in_the_table(empty, three_tmx):
    result = empty("extract", three_tmx, "--kinds", "organization,acronym", "--top", "4")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "TERM                                       KIND          FREQ  KK                                    RU",
        "Assembly of People of Kazakhstan           organization     3  ~Қазақстан халқы Ассамблеясы          ~Ассамблея народов Казахстана",
        "Ministry of Foreign Affairs of France      organization     3  ~Франция Сыртқы істер министрлігі     ~Министерство иностранных дел Франции",
        "Harvard University                         organization     2  ~Гарвард университеті                 ~Гарвардский университет",
        "NATO (North Atlantic Treaty Organization)  acronym          2  ~НАТО (Солтүстік Атлант шарты ұйымы)  "
        "~НАТО (Организация Североатлантического договора)",
    ]
    assert result.stderr == f"Suggestions mined from {three_tmx}: 10 unit(s), en, kk, ru.\n"


def test_json_suggestions_with_forms_and_examples(empty, three_tmx):
    result = empty("extract", three_tmx, "--json", "--kinds", "organization", "--top", "3")
    data = json.loads(result.stdout)
    assert data["memories"] == [{"name": three_tmx, "units": 10, "languages": ["en", "kk", "ru"], "stored": False}]
    harvard = data["candidates"][2]
    assert harvard["term"] == "Harvard University" and harvard["equivalents"] == {"kk": [], "ru": []}
    (ru,) = harvard["suggestions"]["ru"]
    assert ru == {
        "text": "Гарвардский университет", "score": ru["score"], "units": 2,
        "forms": ["Гарвардском университете", "Гарвардский университет"],
        "examples": [
            {"unit_id": 4, "source": "She studied at Harvard University.", "target": "Она училась в Гарвардском университете."},
            {"unit_id": 5, "source": "Harvard University published the report.",
             "target": "Гарвардский университет опубликовал доклад."},
        ],
    }
    assert 0.5 < ru["score"] <= 1
    assert [s["text"] for s in harvard["suggestions"]["kk"]] == ["Гарвард университеті"]


def test_russian_side_of_a_memory_gets_english_and_kazakh(empty, three_tmx):
    result = empty("extract", three_tmx, "--lang", "ru", "--json", "--kinds", "organization", "--top", "1")
    (cand,) = json.loads(result.stdout)["candidates"]
    assert cand["term"] == "Министерство иностранных дел Франции"
    assert sorted(cand["equivalents"]) == ["en", "kk"]
    assert cand["suggestions"]["en"][0]["text"] == "Ministry of Foreign Affairs of France"
    assert cand["suggestions"]["kk"][0]["text"] == "Франция Сыртқы істер министрлігі"


def test_kazakh_russian_memory_both_ways(empty, legal_tmx):
    ru = empty("extract", legal_tmx, "--kinds", "organization")
    assert ru.stdout.splitlines()[1:] == [
        "Министерство сельского хозяйства Республики Каз…  organization     3  NEW  "
        "~Қазақстан Республикасы Ауыл шаруашылығы министрлігі",
    ]
    kk = empty("extract", legal_tmx, "--lang", "kk", "--json", "--kinds", "organization")
    (cand,) = json.loads(kk.stdout)["candidates"]
    assert (cand["term"], cand["suggestions"]["ru"][0]["text"]) == (
        "Қазақстан Республикасы Ауыл шаруашылығы министрлігі", "Министерство сельского хозяйства Республики Казахстан")
    assert sorted(cand["suggestions"]) == ["ru"]  # no English in the memory: nothing to suggest
    assert cand["equivalents"] == {"en": [], "ru": []}


def test_stored_memory_alone_and_for_a_new_document(empty, three_tmx, tmp_path):
    assert empty("import", three_tmx, "--tm", "news").exit_code == 0
    alone = empty("extract", "--tm", "news", "--lang", "en", "--kinds", "organization", "--top", "1")
    assert alone.exit_code == 0
    assert alone.stdout.splitlines()[1].split("  ")[0] == "Assembly of People of Kazakhstan"
    assert alone.stderr == "Suggestions mined from memory 'news': 10 unit(s), en, kk, ru.\n"
    doc = tmp_path / "doc.txt"
    doc.write_text("Harvard University spoke. Harvard University agreed.", encoding="utf-8")
    new = empty("extract", str(doc), "--tm", "news", "--json")
    (cand,) = json.loads(new.stdout)["candidates"]
    assert (cand["term"], cand["frequency"]) == ("Harvard University", 2)
    assert cand["suggestions"]["ru"][0]["text"] == "Гарвардский университет"
    assert cand["suggestions"]["ru"][0]["units"] == 2


def test_known_concept_shows_how_the_memory_renders_it(two, three_tmx):
    result = two("extract", three_tmx, "--json", "--kinds", "organization,acronym")
    apk = next(c for c in json.loads(result.stdout)["candidates"] if c["term"] == "Assembly of People of Kazakhstan")
    assert apk["concept_id"] == "apk"
    assert apk["equivalents"]["ru"] == ["Ассамблея народа Казахстана", "АНК"]
    assert apk["usage"]["ru"] == [
        {"text": "Ассамблея народов Казахстана", "units": 2, "status": "deprecated"},
        {"text": "Ассамблея народа Казахстана", "units": 1, "status": "preferred"},
    ]
    assert apk["usage"]["kk"] == [{"text": "Қазақстан халқы Ассамблеясы", "units": 3, "status": "preferred"}]
    # the table shows the termbase's equivalents, not the mined ones
    table = two("extract", three_tmx, "--kinds", "organization", "--top", "2").stdout.splitlines()
    assert table[1].startswith("Assembly of People of Kazakhstan") and "Ассамблея народа Казахстана; АНК" in table[1]


def test_add_stores_mined_terms_as_proposed_with_evidence_and_never_twice(two, three_tmx):
    added = two("extract", three_tmx, "--add", "--kinds", "organization", "--json")
    assert added.exit_code == 0
    ids = json.loads(added.stdout)["added"]
    assert "apk" not in ids and len(ids) == len(set(ids))
    harvard = json.loads(two("show", "harvard-university", "--json").stdout)
    assert [(t["text"], t["status"], t["note"]) for t in harvard["terms"]["ru"]] == [
        ("Гарвардский университет", "proposed", f"mined from {three_tmx} (2 unit(s))"),
    ]
    assert [t["text"] for t in harvard["terms"]["kk"]] == ["Гарвард университеті"]
    assert [(e["lang"], e["term"], e["unit_id"]) for e in harvard["evidence"]] == [
        ("kk", "Гарвард университеті", 4), ("kk", "Гарвард университеті", 5),
        ("ru", "Гарвардский университет", 4), ("ru", "Гарвардский университет", 5),
    ]
    assert harvard["evidence"][2]["target"] == "Она училась в Гарвардском университете."
    again = two("extract", three_tmx, "--add", "--kinds", "organization", "--json")
    assert json.loads(again.stdout)["added"] == []


def test_nothing_to_read_and_a_missing_memory_are_one_line_errors(empty):
    none = empty("extract")
    assert none.exit_code == 2 and "give FILES to read, or a translation memory with --tm NAME" in none.stderr
    missing = empty("extract", "--tm", "nosuch")
    assert missing.exit_code == 2
    assert missing.stderr.startswith("Error: no translation memory 'nosuch' in ")
    assert "Traceback" not in missing.stderr and len(missing.stderr.strip().splitlines()) <= 2


def test_a_language_the_memory_lacks_is_an_error(empty, legal_tmx):
    result = empty("extract", legal_tmx, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {legal_tmx}: no en text in it; it has kk, ru")


PO = '''msgid ""
msgstr ""
{language}"Content-Type: text/plain; charset=UTF-8\\n"

msgid "She studied at Harvard University."
msgstr "Она училась в Гарвардском университете."

msgid "Harvard University published the report."
msgstr "Гарвардский университет опубликовал доклад."
'''

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="en" target-language="kk" datatype="plaintext" original="x"><body>
<trans-unit id="1"><source>She studied at Harvard University.</source><target>Ол Гарвард университетінде оқыды.</target></trans-unit>
<trans-unit id="2"><source>Harvard University published the report.</source><target>Гарвард университеті баяндаманы жариялады.</target></trans-unit>
</body></file></xliff>
"""


def test_po_and_xliff_pairs_are_memories_too(empty, tmp_path):
    po = tmp_path / "ru.po"
    po.write_text(PO.format(language='"Language: ru\\n"\n'), encoding="utf-8")
    assert empty("extract", str(po)).stdout.splitlines()[1:] == [
        "Harvard University  organization     2  NEW  ~Гарвардский университет"]
    xlf = tmp_path / "kk.xlf"
    xlf.write_text(XLIFF, encoding="utf-8")
    assert empty("extract", str(xlf)).stdout.splitlines()[1:] == [
        "Harvard University  organization     2  ~Гарвард университеті  NEW"]


def test_a_po_without_language_is_read_as_a_document(empty, tmp_path):
    po = tmp_path / "nolang.po"
    po.write_text(PO.format(language=""), encoding="utf-8")
    result = empty("extract", str(po))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == ["Harvard University  organization     2  NEW  NEW"]
    assert "Suggestions" not in result.stderr


def _example(unit, lang):
    _i, en, ru, kk = ACRONYMS[unit - 1]
    return {"unit_id": unit, "source": en, "target": {"ru": ru, "kk": kk}[lang]}


def test_an_acronym_with_its_expansion_gets_suggestions_for_each_form(empty, acronyms_tmx):
    result = empty("extract", acronyms_tmx, "--json", "--kinds", "acronym")
    scis, nrcc = json.loads(result.stdout)["candidates"]
    assert list(scis) == ["term", "kind", "score", "frequency", "forms", "contexts", "expansion", "concept_id",
                          "equivalents", "suggestions", "acronym_suggestions", "usage"]
    assert (scis["term"], scis["expansion"]) == ("SCIS", "Scottish Council of Independent Schools")
    # the expansion's renderings ...
    assert scis["suggestions"] == {
        lang: [{"text": text, "score": 0.533, "units": 2, "forms": [text], "examples": [_example(1, lang), _example(4, lang)]}]
        for lang, text in (("kk", "Шотландия тәуелсіз мектептер кеңесі"), ("ru", "Шотландский совет независимых школ"))
    }
    # ... and the acronym's own: Russian and Kazakh keep "SCIS"
    assert scis["acronym_suggestions"] == {
        lang: [{"text": "SCIS", "score": 1.0, "units": 3, "forms": forms,
                "examples": [_example(1, lang), _example(2, lang), _example(3, lang)]}]
        for lang, forms in (("kk", ["SCIS", "SCIS-ке"]), ("ru", ["SCIS"]))
    }
    assert [(lang, [s["text"] for s in got]) for lang, got in nrcc["acronym_suggestions"].items()] == [
        ("kk", ["NRCC"]), ("ru", ["НРКК"])]
    assert [s["text"] for s in nrcc["suggestions"]["ru"]] == ["Национальный республиканский комитет Конгресса"]
    table = empty("extract", acronyms_tmx, "--kinds", "acronym").stdout.splitlines()
    assert table == [
        "TERM                                              KIND     FREQ  KK                                                RU",
        "SCIS (Scottish Council of Independent Schools)    acronym     4  ~SCIS (Шотландия тәуелсіз мектептер кеңесі)       "
        "~SCIS (Шотландский совет независимых школ)",
        "NRCC (National Republican Congressional Committ…  acronym     3  ~NRCC (Конгрестің Ұлттық республикалық комитеті)  "
        "~НРКК (Национальный республиканский комитет Конгресса)",
    ]


def test_add_stores_the_acronyms_rendering_as_an_acronym_term(empty, acronyms_tmx):
    added = empty("extract", acronyms_tmx, "--add", "--kinds", "acronym", "--json")
    assert json.loads(added.stdout)["added"] == [
        "scottish-council-of-independent-schools", "national-republican-congressional-committee"]
    nrcc = json.loads(empty("show", "national-republican-congressional-committee", "--json").stdout)
    assert {lang: [(t["text"], t["type"], t["status"]) for t in terms] for lang, terms in nrcc["terms"].items()} == {
        "en": [("National Republican Congressional Committee", "full", "proposed"), ("NRCC", "acronym", "proposed")],
        "kk": [("Конгрестің Ұлттық республикалық комитеті", "full", "proposed"), ("NRCC", "acronym", "proposed")],
        "ru": [("Национальный республиканский комитет Конгресса", "full", "proposed"), ("НРКК", "acronym", "proposed")],
    }
    assert [(e["lang"], e["term"], e["unit_id"]) for e in nrcc["evidence"]] == [
        ("kk", "Конгрестің Ұлттық республикалық комитеті", 5), ("kk", "NRCC", 5), ("kk", "NRCC", 6), ("kk", "NRCC", 7),
        ("ru", "Национальный республиканский комитет Конгресса", 5), ("ru", "НРКК", 5), ("ru", "НРКК", 6),
        ("ru", "НРКК", 7),
    ]
    scis = json.loads(empty("show", "scottish-council-of-independent-schools", "--json").stdout)
    assert [(t["text"], t["type"]) for t in scis["terms"]["ru"]] == [
        ("Шотландский совет независимых школ", "full"), ("SCIS", "acronym")]
