"""``termbase extract``: exact exit codes, messages, table and JSON."""

import json
from pathlib import Path

import pytest

from termbase.store import create_store, open_store

DATA = Path(__file__).parents[1] / "data" / "extract"


@pytest.fixture
def linked(run, apk, knb):
    with create_store(run.db) as store:
        store.concepts.add_many([apk, knb])
    return run


def test_help(run):
    result = run("extract", "--help")
    assert result.exit_code == 0
    assert "--kinds" in result.output and "--add" in result.output


def test_table_with_new_and_equivalents(linked):
    result = linked("extract", str(DATA / "astana-times-apk-plenary.txt"), "--lang", "en", "--top", "3",
                    "--kinds", "organization,acronym")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "TERM                                    KIND          FREQ  KK                                RU",
        "APK (Assembly of People of Kazakhstan)  acronym          6  Қазақстан халқы Ассамблеясы; ҚХА  Ассамблея народа Казахстана; АНК",
        "Ministry of Internal Affairs            organization     1  NEW                               NEW",
        "Prosecutor General’s Office             organization     1  NEW                               NEW",
    ]


def test_json_shape(linked):
    result = linked("extract", str(DATA / "ru_kabmin.txt"), "--lang", "ru", "--json", "--top", "1")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data == {
        "language": "ru",
        "files": [str(DATA / "ru_kabmin.txt")],
        "candidates": [
            {
                "term": "Министерство внутренних дел",
                "kind": "organization",
                "score": 5.12,
                "frequency": 2,
                "forms": ["Министерства внутренних дел", "Министерством внутренних дел"],
                "contexts": [
                    "По словам Мадиева, Министерство цифрового развития совместно с Министерством внутренних дел "
                    "перевело в электронный формат более 90% государственных услуг.",
                    "Представители Министерства внутренних дел рассказали о новых сервисах.",
                ],
                "expansion": None,
                "concept_id": None,
                "equivalents": {"en": [], "kk": []},
                "suggestions": {},
                "usage": {},
            }
        ],
    }


def test_several_languages_give_one_result_each(run):
    result = run("extract", str(DATA / "en_senate.txt"), str(DATA / "kk_kabmin.txt"), "--json", "--top", "1")
    assert result.exit_code == 0
    data = json.loads(result.output[result.output.index("{"):])
    assert [(r["language"], r["candidates"][0]["term"]) for r in data["results"]] == [
        ("en", "SAC"), ("kk", "Ішкі істер министрлігі"),
    ]


def test_add_stores_new_candidates_as_proposed(linked):
    result = linked("extract", str(DATA / "en_senate.txt"), "--lang", "en", "--kinds", "acronym", "--add")
    assert result.exit_code == 0
    assert "Added 1 proposed concept(s)." in result.output
    with open_store(linked.db) as store:
        concept = store.concepts.get("supreme-audit-chamber")
    assert [(t.text, t.status, t.type) for t in concept.terms] == [
        ("Supreme Audit Chamber", "proposed", "full"), ("SAC", "proposed", "acronym"),
    ]
    assert concept.note.startswith("Context: The amendments were drafted by the Ministry of Finance")


def test_without_termbase_says_so(run):
    result = run("extract", str(DATA / "en_senate.txt"), "--lang", "en", "--top", "1")
    assert result.exit_code == 0
    assert "note: no termbase at" in result.output


@pytest.mark.parametrize(
    "content, args, message",
    [
        (b"", (), "a.txt: file is empty"),
        (b"\xff\xfe\x00", (), "a.txt: invalid UTF-16 text"),
        (b"Der Bundestag hat heute das Gesetz beschlossen.", ("--lang", "de"), "unknown language 'de'"),
    ],
)
def test_bad_input_is_one_line_exit_2(run, tmp_path, content, args, message):
    p = tmp_path / "a.txt"
    p.write_bytes(content)
    result = run("extract", str(p), *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_unsupported_detected_language(run, tmp_path):
    p = tmp_path / "de.txt"
    p.write_text("Der Bundestag hat heute das neue Gesetz über die Rente beschlossen, sagte die Ministerin.", encoding="utf-8")
    result = run("extract", str(p))
    assert result.exit_code == 2
    assert result.output.count("\n") <= 2
    assert "Error: " in result.output and "de.txt" in result.output


def test_bad_kinds_is_usage_error(run):
    result = run("extract", str(DATA / "en_senate.txt"), "--kinds", "city")
    assert result.exit_code == 2
    assert "unknown kind 'city'" in result.output
