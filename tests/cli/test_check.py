"""`termbase check`: exact output, JSON, exit codes and per-file errors."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termbase.cli import main
from termbase.models import Concept, Term
from termbase.store import create_store

DATA = Path(__file__).parents[1] / "data" / "check"

KNB_EXPECTED = '"Комитет национальной безопасности" or "КНБ"'


@pytest.fixture
def run(run, tmp_path, monkeypatch, apk, knb):
    """conftest's ``run`` with ``check`` put first, on a termbase of four concepts, in a folder
    holding the test files."""
    with create_store(run.db) as store:
        store.concepts.add_many([
            apk,
            knb,
            Concept("astana", (Term("en", "Astana"), Term("ru", "Астана"), Term("ru", "Нур-Султан", "deprecated"))),
            Concept("law", (Term("en", "law"), Term("ru", "закон"))),
        ])
    for name in ("apk.ru.po", "news.tmx", "news.ru.xliff", "news.kk.xlf", "pairs.tsv", "malformed.po", "notes.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)  # file names in the output are as given: relative here

    def check(*args):
        return run("check", *args)

    return check


def test_help():
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "Usage: main check [OPTIONS] FILES..." in result.output
    assert "Exit status: 0 no findings" in result.output


def test_findings_lines_summary_and_exit_1(run):
    result = run("apk.ru.po")
    assert result.exit_code == 1
    assert result.stdout == (
        f'apk.ru.po:17: missing-term (ru): "National Security Committee" -> expected {KNB_EXPECTED}\n'
        'apk.ru.po:23: deprecated-term (ru): "Ассамблеи народов Казахстана" -> expected "Ассамблея народа Казахстана" or "АНК"\n'
    )
    assert result.stderr == "7 units checked in 1 file (1 untranslated, 1 fuzzy skipped): 1 error, 1 warning\n"


def test_json(run):
    result = run("apk.ru.po", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["units_checked"], data["units_untranslated"], data["units_fuzzy"]) == (7, 1, 1)
    assert data["errors"] == []
    assert data["findings"][1] == {
        "file": "apk.ru.po", "line": 23, "unit": "Delegates of the Assembly of People of Kazakhstan met in Astana.",
        "source": "Delegates of the Assembly of People of Kazakhstan met in Astana.",
        "target": "Делегаты Ассамблеи народов Казахстана встретились в Астане.", "lang": "ru",
        "kind": "deprecated-term", "severity": "warning", "term": "Ассамблея народов Казахстана",
        "expected": ["Ассамблея народа Казахстана", "АНК"], "found": "Ассамблеи народов Казахстана", "concept": "apk",
    }
    assert data["findings"][0]["found"] is None
    assert data["findings"][0]["expected"] == ["Комитет национальной безопасности", "КНБ"]
    assert result.stderr == ""


def test_fail_on_error_ignores_warnings(run, tmp_path):
    (tmp_path / "w.tsv").write_text("en\tru\nThe forum in Astana\tФорум в Нур-Султане\n", encoding="utf-8")
    assert run("w.tsv").exit_code == 1
    result = run("w.tsv", "--fail-on", "error")
    assert result.exit_code == 0
    assert result.stdout == 'w.tsv:2: deprecated-term (ru): "Нур-Султане" -> expected "Астана"\n'


def test_clean_file_exits_0(run, tmp_path):
    (tmp_path / "ok.tsv").write_text("en\tkk\nThe KNB said\tҰлттық қауiпсiздiк комитетi мәлімдеді\n", encoding="utf-8")
    result = run("ok.tsv")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "1 unit checked in 1 file: 0 errors, 0 warnings\n"


def test_every_format_and_a_tmx_target_filter(run):
    result = run("news.tmx", "news.ru.xliff", "news.kk.xlf", "pairs.tsv")
    assert result.exit_code == 1
    assert result.stdout == (
        f'news.tmx:7: missing-term (ru): "National Security Committee" -> expected {KNB_EXPECTED}\n'
        f'news.ru.xliff:5: missing-term (ru): "National Security Committee" -> expected {KNB_EXPECTED}\n'
    )
    assert result.stderr == (
        "12 units checked in 4 files (4 untranslated, 2 fuzzy, 1 in other languages skipped): 2 errors, 0 warnings\n"
    )
    only_kk = run("news.tmx", "--target-lang", "kk")
    assert (only_kk.exit_code, only_kk.stdout) == (0, "")
    assert only_kk.stderr == "1 unit checked in 1 file (1 untranslated, 3 in other languages skipped): 0 errors, 0 warnings\n"


def test_bad_files_are_reported_and_the_others_checked(run):
    result = run("malformed.po", "apk.ru.po", "notes.txt", "missing.po")
    assert result.exit_code == 2
    assert result.stdout.count("\n") == 2  # apk.ru.po's two findings
    assert result.stderr.splitlines() == [
        "Error: malformed.po:8: unterminated string or unescaped double quote",
        "Error: notes.txt: cannot read translations to check from a .txt file; files that can: .tmx, .po, .pot, .xlf, "
            ".xliff, .tsv",
        "Error: missing.po: no such file",
        "7 units checked in 1 file (1 untranslated, 1 fuzzy skipped): 1 error, 1 warning; 3 files could not be checked",
    ]
    as_json = json.loads(run("malformed.po", "--json").stdout)
    assert as_json["errors"] == [
        {"file": "malformed.po", "line": 8, "message": "malformed.po:8: unterminated string or unescaped double quote"}
    ]


def test_language_options(run, tmp_path):
    (tmp_path / "nolang.tsv").write_text("The KNB said\tСлужба сообщила\n", encoding="utf-8")
    no_lang = run("nolang.tsv")
    assert no_lang.exit_code == 2
    assert no_lang.stderr.splitlines()[0] == (
        "Error: nolang.tsv: the file does not say its target language; give it with --target-lang"
    )
    with_lang = run("nolang.tsv", "--target-lang", "ru-RU")
    assert with_lang.exit_code == 1
    assert with_lang.stdout == f'nolang.tsv:1: missing-term (ru): "KNB" -> expected {KNB_EXPECTED}\n'
    bad = run("nolang.tsv", "--target-lang", "kz")
    assert bad.exit_code == 2
    assert bad.stderr == "Error: 'kz' is a country code (Kazakhstan), not a language: use 'kk' for Kazakh\n"


def test_missing_termbase(tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "check", "x.po"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no termbase at ")


def test_files_are_required():
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "Missing argument 'FILES...'" in result.stderr


def test_generic_terms_option(run, tmp_path):
    (tmp_path / "law.tsv").write_text("en\tru\nThe law was adopted\tАкт принят\n", encoding="utf-8")
    assert run("law.tsv").exit_code == 0
    strict = run("law.tsv", "--generic-terms")
    assert strict.exit_code == 1
    assert strict.stdout == 'law.tsv:2: missing-term (ru): "law" -> expected "закон"\n'


TMX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
<tu><tuv xml:lang="en"><seg>The National Security Committee said</seg></tuv>
<tuv xml:lang="kk"><seg>Комитет хабарлады</seg></tuv>
<tuv xml:lang="ru"><seg>Служба сообщила</seg></tuv></tu>
</body></tmx>
"""


def test_a_three_language_tmx_gives_findings_for_each_target_language(run, tmp_path):
    (tmp_path / "three.tmx").write_text(TMX3, encoding="utf-8")
    result = run("three.tmx")
    assert result.exit_code == 1
    assert result.stdout == (
        'three.tmx:4: missing-term (kk): "National Security Committee" -> expected "Ұлттық қауіпсіздік комитеті" or "ҰҚК"\n'
        f'three.tmx:4: missing-term (ru): "National Security Committee" -> expected {KNB_EXPECTED}\n'
    )


def test_ignore_concept_and_subject_scope_a_run(run, tmp_path):
    (tmp_path / "two.tsv").write_text("en\tru\nThe KNB met in Astana\tСлужба собралась в Нур-Султане\n", encoding="utf-8")
    assert run("two.tsv").stdout.count("\n") == 2
    ignored = run("two.tsv", "--ignore-concept", "knb")
    assert ignored.stdout == 'two.tsv:2: deprecated-term (ru): "Нур-Султане" -> expected "Астана"\n'
    assert run("two.tsv", "--ignore-concept", "knb", "--ignore-concept", "astana").exit_code == 0
    only = run("two.tsv", "--subject", "law-enforcement")
    assert only.stdout == f'two.tsv:2: missing-term (ru): "KNB" -> expected {KNB_EXPECTED}\n'
    unknown = run("two.tsv", "--ignore-concept", "nope")
    assert (unknown.exit_code, unknown.stderr) == (2, "Error: no concept 'nope' in the termbase\n")
    bad_subject = run("two.tsv", "--subject", "sport")
    assert bad_subject.exit_code == 2
    assert bad_subject.stderr == ("Error: no concept of subject 'sport' in the termbase; subjects: law-enforcement, "
                                  "public-body\n")


def test_mixed_script_words_are_warnings_and_latin_i_only_when_strict(run, tmp_path):
    (tmp_path / "mix.tsv").write_text("en\tkk\nThe meeting\tAссамблеясы жиналысы министрлiгi\n", encoding="utf-8")
    result = run("mix.tsv", "--fail-on", "error")
    assert result.exit_code == 0
    assert result.stdout == 'mix.tsv:2: mixed-script (kk): "Aссамблеясы" -> expected "Ассамблеясы"\n'
    strict = run("mix.tsv", "--strict-script")
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[1] == 'mix.tsv:2: mixed-script (kk): "министрлiгi" -> expected "министрлігі"'
