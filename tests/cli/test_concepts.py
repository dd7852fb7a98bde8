"""`termbase lookup`, `show`, `add`, `edit`, `remove`: exact exit codes and messages."""

import json




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
