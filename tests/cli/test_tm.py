"""``termbase tm``: list, stats, delete, search, concordance."""

import json

import pytest

from termbase.formats import get_format

from ..search.test_tm import UNITS


@pytest.fixture
def news(empty, tmp_path):
    path = tmp_path / "news.tmx"
    get_format("tmx").write_units(UNITS, str(path), source_lang="en", target_langs=["kk", "ru"])
    assert empty("import", str(path), "--tm", "news").exit_code == 0
    return empty


def test_list_stats_and_delete(news):
    assert news("tm", "list").stdout == "news\t4 unit(s)\ten 4, kk 4, ru 4\n"
    stats = json.loads(news("tm", "stats", "news", "--json").stdout)
    assert (stats["name"], stats["units"], stats["texts"], stats["source_langs"]) == (
        "news", 4, {"en": 4, "kk": 4, "ru": 4}, {"en": 4})
    refused = news("tm", "delete", "news")
    assert refused.exit_code == 2
    assert refused.stderr == "Error: memory 'news' holds 4 unit(s); confirm to delete it; add --yes to go ahead\n"
    assert news("tm", "delete", "news", "--yes").stdout == "Deleted memory 'news' (4 unit(s)).\n"
    assert news("tm", "list").stdout == "No translation memories.\n"


def test_missing_memory_names_the_ones_there_are(news):
    for args in (("tm", "stats", "old"), ("tm", "search", "x", "--tm", "old")):
        result = news(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith("Error: no translation memory 'old' in ")
        assert result.stderr.rstrip().endswith("; memories here: news")


def test_search_text_and_json(news):
    text = news("tm", "search", "The Government approved the budget for 2026.", "--tm", "news", "--lang", "en")
    assert text.stdout.splitlines() == [
        " 85%  en  The Government approved the budget for 2025.",
        "      kk  Үкімет 2025 жылғы бюджетті бекітті.",
        "      ru  Правительство утвердило бюджет на 2025 год.",
    ]
    data = json.loads(news("tm", "search", "The Government approved the budget for 2026.", "--tm", "news",
                           "--target-lang", "ru", "--json").stdout)
    assert data["lang"] == "en"  # detected
    assert [(m["score"], m["source"], m["targets"]) for m in data["matches"]] == [
        (85, {"lang": "en", "text": "The Government approved the budget for 2025."},
         {"ru": "Правительство утвердило бюджет на 2025 год."})]
    none = news("tm", "search", "Completely unrelated words here.", "--tm", "news", "--lang", "en")
    assert none.stdout == "No matches.\n"


def test_search_reads_queries_from_stdin_as_json_lines(news):
    result = news("tm", "search", "-", "--tm", "news", "--lang", "en", "--json",
                  input="The President signed the law.\n\nThe Senate adopted the law on education.\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["query"], [m["score"] for m in d["matches"]]) for d in lines] == [
        ("The President signed the law.", [100]), ("The Senate adopted the law on education.", [100])]


def test_concordance_marks_the_inflected_forms(news):
    result = news("tm", "search", "үкімет", "--tm", "news", "--lang", "kk", "--concordance", "--target-lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0].endswith("kk  [Үкімет] 2025 жылғы бюджетті бекітті.")
    assert lines[2].endswith("kk  [Үкіметтің] шешімі жарияланды.")
    assert lines[1] == "      en  The Government approved the budget for 2025."
    data = json.loads(news("tm", "search", "правительство", "--tm", "news", "--lang", "ru", "--concordance",
                           "--json").stdout)
    assert [(m["score"], m["spans"]) for m in data["matches"]] == [(None, [[0, 13]]), (None, [[8, 21]]), (None, [[27, 41]])]
