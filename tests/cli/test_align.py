"""`termbase align`: exact output, TMX/PO/TM outputs, one-line errors with exit status 2."""

import json
import shutil
from pathlib import Path

import pytest

from termbase.formats import get_format

read_tmx = get_format("tmx").read_units

DATA = Path(__file__).parents[1] / "data" / "align"


@pytest.fixture
def files(tmp_path):
    for lang in ("en", "ru", "kk"):
        shutil.copy(DATA / f"speech.{lang}.txt", tmp_path / f"speech.{lang}.txt")
    return {lang: str(tmp_path / f"speech.{lang}.txt") for lang in ("en", "ru", "kk")}


def test_help(run):
    result = run("align", "--help")
    assert result.exit_code == 0
    assert "Usage: main align [OPTIONS] FILES..." in result.output


def test_json_for_pipelines(run, files):
    result = run("align", files["en"], files["ru"], "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["languages"] == ["en", "ru"]
    assert [{k: v for k, v in b.items() if k in ("en", "ru")} for b in data["beads"]] == [
        {"en": [i], "ru": [i]} for i in range(6)
    ]
    assert all(0.8 < b["score"] <= 1 for b in data["beads"])
    assert result.stderr == (
        f"Note: no termbase at {run.db}; aligned without its terms.\n"
        "Aligned en 6, ru 6 segments into 6 beads; 6 unit(s).\n"
    )


def test_segmented_input_and_langs(run, tmp_path):
    (tmp_path / "a.txt").write_text("The session opened on 27 April.\nTokayev spoke.\n\nDelegates voted.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Сессия открылась 27 апреля.\nВыступил Токаев.\n\nДелегаты проголосовали.\n", encoding="utf-8")
    result = run("align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--segmented", "--langs", "en,ru", "--no-terms")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split("\t")[1:] for line in lines] == [
        ["The session opened on 27 April.", "Сессия открылась 27 апреля."],
        ["Tokayev spoke.", "Выступил Токаев."],
        ["Delegates voted.", "Делегаты проголосовали."],
    ]
    assert result.stderr == "Aligned en 3, ru 3 segments into 3 beads; 3 unit(s).\n"


def test_three_files_to_tmx_po_and_memory(run, files, tmp_path):
    assert run("init").exit_code == 0
    out = tmp_path / "speech.tmx"
    po = tmp_path / "po"
    result = run("align", files["en"], files["ru"], files["kk"], "-o", str(out), "--po", str(po))
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Stored 6 unit(s) in memory 'default'.\nAligned en 6, ru 6, kk 6 segments into 6 beads; 6 unit(s).\n"
    )
    units = list(read_tmx(out))
    assert [sorted(u.texts) for u in units] == [["en", "kk", "ru"]] * 6
    assert units[4].texts == {
        "en": "Tokayev stressed the role of the Assembly in political modernization.",
        "ru": "Токаев подчеркнул роль Ассамблеи в политической модернизации.",
        "kk": "Тоқаев саяси жаңғыруда Ассамблеяның рөлін атап өтті.",
    }
    assert (units[4].document, units[4].position) == ("speech.en.txt", 4)
    assert sorted(p.name for p in po.iterdir()) == ["kk.po", "ru.po"]
    # the same units again are not duplicated in the memory
    again = run("align", files["en"], files["ru"], files["kk"], "--tm", "default")
    assert again.stderr.startswith("Stored 0 unit(s) in memory 'default' (6 already there).\n")
    exported = tmp_path / "export"
    assert run("export", "--format", "po", "--tm", "default", "-o", str(exported)).exit_code == 0
    assert sorted(p.name for p in exported.iterdir()) == ["kk.po", "ru.po"]
    assert run("import", str(out)).output.startswith("Imported 0 unit(s) into memory 'default' from")


def test_min_score_leaves_units_out(run, files, tmp_path):
    out = tmp_path / "x.tmx"
    result = run("align", files["en"], files["ru"], "-o", str(out), "--min-score", "0.9998", "--no-terms")
    assert result.exit_code == 0
    assert result.stderr == "Aligned en 6, ru 6 segments into 6 beads; 4 unit(s), 2 below --min-score 0.9998 left out.\n"
    assert len(list(read_tmx(out))) == 4


def test_tm_needs_a_termbase(run, files):
    result = run("align", files["en"], files["ru"], "--tm", "x")
    assert result.exit_code == 2
    assert result.output == f"Error: no termbase at {run.db}; create one with 'termbase init' (or point --db / TERMBASE_DB at an existing one)\n"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "file is empty"),
        (b"\x00\x01\x02binary", "looks like a binary file, not text"),
        ("Привет мир".encode("cp1251"), "not valid UTF-8 (byte 0xcf); convert the file to UTF-8"),
    ],
)
def test_bad_input_is_one_line_exit_2(run, files, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("align", files["en"], str(bad))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output.startswith(f"Error: {bad}") and message in result.output


def test_same_language_twice(run, files):
    result = run("align", files["ru"], files["ru"])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {files['ru']} and {files['ru']} both look like 'ru'; give the languages with --langs\n"
    )


def test_unknown_language_code(run, files):
    result = run("align", files["en"], files["ru"], "--langs", "en,de")
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and "'de'" in result.output


def test_usage_errors(run, files):
    one = run("align", files["en"])
    assert one.exit_code == 2 and "give two or three files" in one.output
    wrong = run("align", files["en"], files["ru"], "--langs", "en")
    assert wrong.exit_code == 2 and "give 2 different languages, one per file" in wrong.output


def test_unrelated_files_are_not_stored_without_force(run, tmp_path):
    en, ru = str(DATA / "unrelated.en.txt"), str(DATA / "unrelated.ru.txt")
    assert run("init").exit_code == 0
    result = run("align", en, ru, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["unrelated"] is True and data["stored"] is None and data["not_stored"] == "default"
    assert all(b["score"] < 0.5 for b in data["beads"])
    assert result.stderr.endswith(
        f"Warning: {en} and {ru} do not look like translations of each other (6 of 6 aligned pairs score "
        "under 0.5); units not stored in memory 'default' (use --force to store them).\n"
    )
    assert json.loads(run("tm", "list", "--json").stdout) == []  # nothing stored
    forced = run("align", en, ru, "--force")
    assert forced.exit_code == 0
    assert forced.stderr.startswith("Stored 6 unit(s) in memory 'default'.\n")
    assert "do not look like translations" in forced.stderr


def test_unrelated_files_without_a_termbase_only_warn(run):
    en, ru = str(DATA / "unrelated.en.txt"), str(DATA / "unrelated.ru.txt")
    result = run("align", en, ru, "--no-terms")
    assert result.exit_code == 0
    assert result.stderr.endswith("(6 of 6 aligned pairs score under 0.5).\n")


def test_json_has_texts_and_the_memory(run, files):
    assert run("init").exit_code == 0
    result = run("align", files["en"], files["ru"], "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["segments"]["en"]) == len(data["segments"]["ru"]) == 6
    assert data["beads"][4]["text"] == {
        "en": "Tokayev stressed the role of the Assembly in political modernization.",
        "ru": "Токаев подчеркнул роль Ассамблеи в политической модернизации.",
    }
    assert data["beads"][4]["text"]["en"] == data["segments"]["en"][4]
    assert (data["units"], data["left_out"], data["unrelated"], data["not_stored"]) == (6, 0, False, None)
    assert data["stored"] == {"memory": "default", "added": 6, "skipped": 0}


def test_latin_kazakh_file_detected_and_aligned(run, files, tmp_path):
    from termbase.languages import kazakh_to_latin

    latin = tmp_path / "speech.kk-latn.txt"
    latin.write_text(kazakh_to_latin(Path(files["kk"]).read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "speech.tmx"
    result = run("align", files["en"], str(latin), "-o", str(out), "--no-store")
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith("Aligned en 6, kk-Latn 6 segments into 6 beads; 6 unit(s).\n")
    units = list(read_tmx(out))
    assert len(units) == 6 and set(units[0].texts) == {"en", "kk-Latn"}
