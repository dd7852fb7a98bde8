"""One path per job: every command reads a format the same way, '-' is standard input and output."""

import json
from pathlib import Path

import pytest

from termbase.glossary import glossary_dir

TMX_PLAIN = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body>
<tu><tuv xml:lang="en"><seg>The Prosecutor General's Office met the Senate of Kazakhstan.</seg></tuv>
<tuv xml:lang="ru"><seg>Генеральная прокуратура встретилась с Сенатом Казахстана.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The Senate approved the law.</seg></tuv>
<tuv xml:lang="ru"><seg>Сенат одобрил закон.</seg></tuv></tu>
</body></tmx>
"""
# the same text with TMX inline codes around and inside the words' neighbours
TMX_CODES = (
    TMX_PLAIN.replace("The Prosecutor", '<bpt i="1">&lt;b&gt;</bpt>The Prosecutor')
    .replace("Office met", 'Office<ept i="1">&lt;/b&gt;</ept> met')
    .replace("Kazakhstan.</seg>", 'Kazakhstan<ph x="2">&lt;br/&gt;</ph>.</seg>')
    .replace("approved the", 'approved <it pos="begin">&lt;i&gt;</it>the')
)

BROKEN_PO = 'msgid ""\nmsgstr ""\n"Language: kk\\n"\n\nmsgid "The Senate"\nmsgstr "Сенат\n'


@pytest.fixture
def tb(run):
    assert run("init", "--empty").exit_code == 0
    return run


def test_import_shipped_glossary_file_into_an_empty_termbase_then_skip_into_a_full_one(tb):
    state = glossary_dir() / "state.tsv"
    rows = sum(1 for line in state.read_text(encoding="utf-8").splitlines()[1:] if line.strip())
    first = tb("import", str(state))
    assert (first.exit_code, first.stdout) == (0, f"Imported {rows} concept(s) from {state}.\n")
    again = tb("import", str(state))
    assert again.exit_code == 2
    assert again.stderr.startswith(f"Error: {state}: concept 'president' already exists")
    skipped = tb("import", str(state), "--on-conflict", "skip")
    assert skipped.exit_code == 0
    stats = json.loads(tb("stats", "--json").stdout)
    assert stats["concepts"] == rows


def test_tmx_inline_codes_do_not_reach_extraction(tb, tmp_path):
    plain, codes = tmp_path / "plain.tmx", tmp_path / "codes.tmx"
    plain.write_text(TMX_PLAIN, encoding="utf-8")
    codes.write_text(TMX_CODES, encoding="utf-8")
    results = []
    for path in (plain, codes):
        r = tb("extract", str(path), "--json")
        assert r.exit_code == 0, r.output
        data = json.loads(r.stdout)
        results.append([(c["term"], c["kind"], c["frequency"], c["forms"]) for c in data["candidates"]])
    assert results[0] == results[1]
    assert ("Prosecutor General's Office", "organization", 1, ["Prosecutor General's Office"]) in results[0]
    assert not any("&lt;" in term or "<" in term for term, *_ in results[1])


@pytest.mark.parametrize("command", [("extract",), ("check",), ("import",)])
def test_a_broken_po_is_the_same_one_line_error_in_every_command(tb, tmp_path, command):
    bad = tmp_path / "bad.po"
    bad.write_text(BROKEN_PO, encoding="utf-8")
    r = tb(*command, str(bad))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == f"Error: {bad}:6: unterminated string or unescaped double quote"
    assert r.stdout == ""


def test_extract_reads_standard_input(tb):
    text = Path(__file__).parents[1].joinpath("data", "extract", "astana-times-apk-plenary.txt").read_text(encoding="utf-8")
    from_stdin = tb("extract", "-", "--top", "5", "--json", input=text.encode())
    assert from_stdin.exit_code == 0, from_stdin.output
    data = json.loads(from_stdin.stdout)
    assert data["files"] == ["<stdin>"]
    assert [c["term"] for c in data["candidates"]][:2] == ["Tokayev", "APK"]


def test_extract_recognises_a_po_on_standard_input(tb):
    po = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "The Senate of Kazakhstan met."\nmsgstr "Сенат собрался."\n'
    r = tb("extract", "-", "--side", "target", "--json", input=po.encode())
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["language"] == "ru"


def test_check_reads_standard_input(tb, tmp_path, knb):
    tb("import", str(_tbx_with(tmp_path, knb)))
    po = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'
          'msgid "The National Security Committee said."\nmsgstr "Служба безопасности сообщила."\n')
    r = tb("check", "-", input=po.encode())
    assert r.exit_code == 1
    assert r.stdout.startswith('<stdin>:5: missing-term (ru): "National Security Committee" -> expected ')


def _tbx_with(tmp_path, concept):
    from termbase.formats import get_format

    path = tmp_path / "one.tbx"
    get_format("tbx").write_concepts([concept], path)
    return path


@pytest.mark.parametrize("fmt, langs", [("tbx", None), ("csv", None), ("glossary", None), ("omegat", "en,kk")])
def test_export_concepts_to_standard_output_is_only_the_document(tb, tmp_path, apk, fmt, langs):
    tb("import", str(_tbx_with(tmp_path, apk)))
    args = ["export", "--format", fmt, "-o", "-"] + (["--langs", langs] if langs else [])
    r = tb(*args)
    assert r.exit_code == 0, r.output
    assert r.stderr == "Wrote 1 concept(s) to -.\n"
    out = tmp_path / f"file.{fmt}"
    assert tb(*(args[:4] + [str(out)] + args[5:])).exit_code == 0
    assert r.stdout_bytes == out.read_bytes()


@pytest.mark.parametrize("fmt, langs", [("tmx", "en,kk,ru"), ("po", "en,ru")])
def test_export_memory_to_standard_output_is_only_the_document(tb, tmp_path, fmt, langs, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    tmx = tmp_path / "m.tmx"
    tmx.write_text(TMX_PLAIN, encoding="utf-8")
    assert tb("import", str(tmx), "--tm", "news").exit_code == 0
    r = tb("export", "--format", fmt, "--tm", "news", "--langs", langs, "-o", "-")
    assert r.exit_code == 0, r.output
    assert r.stderr == "Wrote 2 unit(s) of memory 'news' to -.\n"
    out = tmp_path / f"file.{fmt}"
    assert tb("export", "--format", fmt, "--tm", "news", "--langs", langs, "-o", str(out)).exit_code == 0
    assert r.stdout_bytes == out.read_bytes()


@pytest.mark.parametrize("fmt", ["po", "xliff2"])
def test_a_memory_of_one_pair_exports_to_one_file_without_langs(tb, tmp_path, fmt):
    """Without --langs a memory is written in the languages it holds: an en-ru memory is one PO or
    XLIFF 2.0 file (it was refused as "not kk, ru", Kazakh it does not have)."""
    tmx = tmp_path / "m.tmx"
    tmx.write_text(TMX_PLAIN, encoding="utf-8")
    assert tb("import", str(tmx), "--tm", "news").exit_code == 0
    out = tmp_path / f"news.{fmt}"
    r = tb("export", "--format", fmt, "--tm", "news", "-o", str(out))
    assert (r.exit_code, r.stdout) == (0, f"Wrote 2 unit(s) of memory 'news' to {out}.\n")
    with_langs = tmp_path / f"langs.{fmt}"
    assert tb("export", "--format", fmt, "--tm", "news", "--langs", "en,ru", "-o", str(with_langs)).exit_code == 0
    assert out.read_text(encoding="utf-8").replace("news.", "langs.") == with_langs.read_text(encoding="utf-8")


def test_po_of_several_languages_cannot_go_to_standard_output(tb, tmp_path):
    tmx = tmp_path / "m.tmx"
    tmx.write_text(TMX_PLAIN.replace("</tu>\n<tu>", '</tu>\n<tu><tuv xml:lang="kk"><seg>x</seg></tuv>', 1), encoding="utf-8")
    tb("import", str(tmx))
    r = tb("export", "--format", "po", "--langs", "en,kk,ru", "-o", "-")
    assert r.exit_code == 2
    assert r.stderr == ("Error: -: a PO file holds one target language, not kk, ru; write to a folder "
                        "(it gets one LANG.po per language) or choose one target language\n")


def test_lookup_reads_queries_from_standard_input(tb, tmp_path, apk, knb):
    from termbase.formats import get_format

    both = tmp_path / "two.tbx"
    get_format("tbx").write_concepts([apk, knb], both)
    tb("import", str(both))
    r = tb("lookup", "-", "--json", "--limit", "1", input="APK\n\n  КНБ-ның\nxyzzy\n".encode())
    assert r.exit_code == 0, r.output
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(d["query"], [m["concept_id"] for m in d["matches"]]) for d in lines] == [
        ("APK", ["apk"]), ("КНБ-ның", ["knb"]), ("xyzzy", [])]
    text = tb("lookup", "-", "--limit", "1", input="xyzzy\n".encode())
    assert text.stdout == "query: xyzzy\nNo concept matches 'xyzzy'.\n"


def test_formats_lists_what_each_format_reads_and_writes(run):
    out = run("formats").output.splitlines()
    assert out[0].split() == ["FORMAT", "EXTENSIONS", "READS", "WRITES", "DESCRIPTION"]
    rows = {line.split()[0]: line for line in out[1:]}
    assert list(rows) == ["tbx", "csv", "glossary", "omegat", "tmx", "po", "xliff", "xliff2", "tsv", "html", "docx",
                          "text"]
    assert rows["xliff"].split()[:5] == ["xliff", ".xlf", ".xliff", "pairs,", "text,"]
    as_json = {f["name"]: f for f in json.loads(run("formats", "--json").output)}
    assert as_json["glossary"]["reads"] == ["concepts"] and as_json["glossary"]["writes"] == ["concepts"]
    assert as_json["xliff"]["writes"] == ["translations", "units"] and as_json["tmx"]["writes"] == ["units"]
    assert as_json["xliff2"]["extensions"] == [] and as_json["po"]["writes"] == ["translations", "units"]


def test_export_unknown_format_offers_only_writable_ones_and_db_after_the_command_is_explained(tb):
    unknown = tb("export", "--format", "xyz", "-o", "x")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith(
        "Error: unknown format 'xyz'; formats export writes: tbx, csv, glossary, omegat, tmx, po, xliff, xliff2")
    late = tb("init", "--db", "x.db")
    assert late.exit_code == 2
    assert "--db goes before the command, as in 'termbase --db FILE init ...'" in late.stderr
