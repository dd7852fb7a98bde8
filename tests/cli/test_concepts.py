"""`termbase lookup`, `show`, `add`, `edit`, `remove`: exact exit codes and messages."""

import json

from termbase.formats import get_format
from termbase.models import TranslationUnit




def test_add_show_edit_remove(empty):
    r = empty("add", "--en", "State Revenue Committee", "--kk", "Мемлекеттік кірістер комитеті",
              "--ru", "Комитет государственных доходов | КГД {acronym}", "--source", "gov.kz")
    assert r.exit_code == 0 and r.output == "Added state-revenue-committee.\n"
    shown = empty("show", "state-revenue-committee").output
    assert shown == (
        "state-revenue-committee\n"
        "  en  State Revenue Committee (preferred)\n"
        "  kk  Мемлекеттік кірістер комитеті (preferred)\n"
        "  ru  Комитет государственных доходов (preferred) | КГД (admitted, acronym)\n"
        "  source: gov.kz\n"
    )
    assert empty("edit", "state-revenue-committee", "--kk", "Мемлекеттік кірістер комитеті | МКК {acronym}",
                 "--subject", "committee").exit_code == 0
    data = json.loads(empty("show", "state-revenue-committee", "--json").output)
    assert data["subject"] == "committee"
    assert [t["text"] for t in data["terms"]["kk"]] == ["Мемлекеттік кірістер комитеті", "МКК"]
    assert empty("remove", "state-revenue-committee").output == "Removed 1 concept(s).\n"
    gone = empty("show", "state-revenue-committee")
    assert gone.exit_code == 2
    assert gone.output == f"Error: no concept 'state-revenue-committee' in {empty.db}\n"


def test_add_rejects_bad_status_with_usage_error(empty):
    r = empty("add", "--en", "Senate {approved}")
    assert r.exit_code == 2
    assert "Invalid value for --en: unknown attribute {approved}" in r.output


def test_add_needs_a_term(empty):
    r = empty("add", "--subject", "x")
    assert r.exit_code == 2
    assert "give at least one of --en, --kk, --ru" in r.output


def test_remove_is_all_or_nothing(empty):
    empty("add", "--en", "Senate", "--id", "senate")
    r = empty("remove", "senate", "nope")
    assert r.exit_code == 2
    assert empty("show", "senate").exit_code == 0


def test_lookup_json_contract(empty):
    empty("add", "--id", "apk", "--en", "Assembly of People of Kazakhstan | APK {acronym}",
          "--kk", "Қазақстан халқы Ассамблеясы | ҚХА {acronym}", "--ru", "Ассамблея народа Казахстана | АНК {acronym}")
    data = json.loads(empty("lookup", "Ассамблеясының", "--json").output)
    assert data["query"] == "Ассамблеясының"
    (m,) = data["matches"]
    assert m["concept_id"] == "apk"
    assert m["matched"]["lang"] == "kk"
    assert m["terms"]["ru"][0] == {"text": "Ассамблея народа Казахстана", "status": "preferred", "type": "full"}


def test_lookup_text_output_and_no_match(empty):
    empty("add", "--id", "senate", "--en", "Senate", "--kk", "Сенат", "--ru", "Сенат")
    out = empty("lookup", "senate", "--lang", "en").output
    assert out.splitlines()[0] == 'senate  score 1.00 (exact: en "Senate")'
    assert empty("lookup", "xyzzy").output == "No concept matches 'xyzzy'.\n"


def test_lookup_rejects_country_code(empty):
    r = empty("lookup", "Сенат", "--lang", "kz")
    assert r.exit_code == 2
    assert r.output.startswith("Error: 'kz' is a country code")


def test_add_refuses_a_term_the_termbase_has_in_any_form(two):
    again = two("add", "--en", "Assembly of the People", "--ru", "Ассамблеи народа Казахстана")
    assert again.exit_code == 2
    assert again.stderr == ("Error: ru term 'Ассамблеи народа Казахстана' is already in concept 'apk'; edit that "
                            "concept instead; use --force to add it anyway\n")
    assert two("add", "--en", "Assembly of the People", "--ru", "Ассамблеи народа Казахстана", "--force").exit_code == 0


def test_add_names_the_concept_whose_term_is_closest_to_the_new_one(empty):
    """English "senator" and "Senate" share a stem: a new "Senate" is the Senate's term, "Senators"
    the senator's, whichever concept came first (with the shipped glossary "Senate" named 'pol-senator')."""
    for first, second in ((("pol-senator", "senator"), ("senate", "Senate")),
                          (("senate", "Senate"), ("pol-senator", "senator"))):
        empty("init", "--empty", "--force")
        for concept_id, term in (first, second):
            empty("add", "--id", concept_id, "--en", term, "--force")
        assert empty("add", "--en", "Senate").stderr == (
            "Error: en term 'Senate' is already in concept 'senate'; edit that concept instead; "
            "use --force to add it anyway\n")
        assert empty("add", "--en", "Senators").stderr.startswith(
            "Error: en term 'Senators' is already in concept 'pol-senator';")


def test_ids_from_kazakh_and_russian_terms_are_readable(empty):
    assert empty("add", "--kk", "Мемлекеттік кірістер комитеті").stdout == "Added memlekettik-kirister-komiteti.\n"
    assert empty("add", "--ru", "Тест").stdout == "Added test.\n"


def test_readme_add_edit_show_remove_on_a_fresh_termbase_keeps_the_shipped_concepts(run):
    assert run("init").exit_code == 0
    before = json.loads(run("stats", "--json").stdout)["concepts"]
    refused = run("add", "--en", "State Revenue Committee", "--kk", "Мемлекеттік кірістер комитеті",
                  "--ru", "Комитет государственных доходов")
    assert refused.exit_code == 2 and "state-revenue-committee" in refused.stderr
    assert run("add", "--en", "Development Bank of Kazakhstan | DBK {acronym}", "--kk", "Қазақстанның Даму банкі",
               "--ru", "Банк развития Казахстана | БРК {acronym}").stdout == "Added development-bank-of-kazakhstan.\n"
    assert run("remove", "development-bank-of-kazakhstan").exit_code == 0
    assert json.loads(run("stats", "--json").stdout)["concepts"] == before


def test_init_force_refuses_to_lose_memories_or_user_concepts(run, tmp_path):
    assert run("init", "--empty").exit_code == 0
    tmx = tmp_path / "m.tmx"
    get_format("tmx").write_units([TranslationUnit({"en": "The Senate met.", "ru": "Сенат собрался."})], str(tmx),
                                  source_lang="en", target_langs=["ru"])
    assert run("import", str(tmx), "--tm", "news").exit_code == 0
    refused = run("init", "--force")
    assert refused.exit_code == 2
    assert "holds 1 translation-memory unit(s); replacing it would lose them; add --yes to go ahead" in refused.stderr
    assert json.loads(run("stats", "--json").stdout)["translation_memories"] == {"news": 1}
    assert run("init", "--force", "--yes").exit_code == 0
    assert json.loads(run("stats", "--json").stdout)["translation_memories"] == {}


def test_list_filters_and_pages(two):
    two("add", "--id", "dbk", "--en", "Development Bank of Kazakhstan", "--ru", "Банк развития Казахстана {proposed}")
    result = two("list")
    assert result.stdout.splitlines() == [
        "apk  [-]  en Assembly of People of Kazakhstan (preferred) | kk Қазақстан халқы Ассамблеясы (preferred) | "
        "ru Ассамблея народа Казахстана (preferred)",
        "dbk  [-]  en Development Bank of Kazakhstan (preferred) | ru Банк развития Казахстана (proposed)",
        "senate  [parliament]  en Senate (preferred) | kk Сенат (preferred) | ru Сенат (preferred)",
    ]
    assert result.stderr == "3 of 3 concept(s) shown.\n"
    ids = lambda *args: [c["concept_id"] for c in json.loads(two("list", "--json", *args).stdout)["concepts"]]  # noqa: E731
    assert ids("--lang", "kk", "--missing") == ["dbk"]
    assert ids("--status", "proposed") == ["dbk"]
    assert ids("--status", "deprecated", "--lang", "ru") == ["apk"]
    assert ids("--subject", "parliament") == ["senate"]
    assert ids("--source", "AKORDA") == ["apk"]
    assert ids("--query", "сенат") == ["senate"]
    assert ids("--newest", "--limit", "1") == ["dbk"]
    page = two("list", "--limit", "1", "--offset", "1")
    assert page.stdout.startswith("dbk  ") and page.stderr == "1 of 3 concept(s) shown; next page: --offset 2.\n"
    assert two("list", "--missing").exit_code == 2
    assert two("list", "--status", "nonsense").stderr.startswith("Error: unknown status 'nonsense'")


def test_kk_latn_terms_entered_by_hand(empty):
    assert empty("add", "--en", "Senate", "--kk", "Сенат", "--kk-latn", "Senat {admitted}").exit_code == 0
    assert empty("add", "--kk-latn", "Ūlttyq Bankı").output == "Added ulttyq-banki.\n"
    assert empty("edit", "senate", "--kk-latn", "Senat | Parlament Senaty {short}").exit_code == 0
    assert empty("show", "senate").output.splitlines()[3] == "  kk-Latn  Senat (preferred) | Parlament Senaty (admitted, short)"
    hit = empty("lookup", "Senattyñ", "--limit", "1").output.splitlines()[0]
    assert hit.startswith("senate  ") and "(inflected:" in hit
