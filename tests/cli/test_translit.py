"""`termbase translit`: a text, a file or standard input; errors on one line."""

import json


def test_text_to_latin(run):
    result = run("translit", "Қазақстан Республикасының Парламенті", "--to", "latn")
    assert (result.exit_code, result.output) == (0, "Qazaqstan Respublikasynyñ Parlamentı\n")


def test_stdin_to_cyrillic_json(run):
    result = run("translit", "-", "--to", "cyrl", "--json", input="Qazaqstan Respy'bli'kasy\n")
    assert result.exit_code == 0
    assert json.loads(result.output) == {"to": "cyrl", "read_as": "2017", "text": "Қазақстан Республикасы\n",
                                         "output": None}


def test_file_and_output(run, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Ішкі істер министрлігі\n", encoding="utf-8")
    out = tmp_path / "b.txt"
    result = run("translit", str(src), "--to", "latn", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == "Işkı ıster ministrlıgı\n"


def test_missing_file_is_an_error(run, tmp_path):
    result = run("translit", str(tmp_path / "nope.txt"), "--to", "latn")
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path / 'nope.txt'}: no such file\n"


def test_forced_alphabet(run):
    result = run("translit", "Ishki", "--to", "cyrl", "--from-alphabet", "2018")
    assert (result.exit_code, result.output) == (0, "Ішкі\n")


def test_glossary_latin(run):
    assert run("init", "--empty").exit_code == 0
    run("add", "--id", "senate", "--en", "Senate", "--kk", "Сенат")
    dry = run("glossary", "latin", "--dry-run")
    assert dry.output == "senate: Senat\nWould add 1 generated kk-Latn term(s) to 1 concept(s), status proposed.\n"
    done = run("glossary", "latin")
    assert done.output == "senate: Senat\nAdded 1 generated kk-Latn term(s) to 1 concept(s), status proposed.\n"
    shown = run("show", "senate").output
    assert "  kk-Latn  Senat (proposed)\n" in shown
    assert "update  termbase glossary latin\n    + kk-Latn Senat (proposed)" in run("history", "senate").output
