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


def test_delete_json(news):
    assert json.loads(news("tm", "delete", "news", "--yes", "--json").stdout) == {"memory": "news", "deleted_units": 4}


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


PO = r'''msgid ""
msgstr ""
"Language: ru\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "The Senate adopted the law on education."
msgstr ""

msgid "The Government approved the budget for 2026."
msgstr ""

msgid "Nothing like this is in the memory."
msgstr ""

msgid "The President signed the law."
msgstr "Уже переведено."
'''


@pytest.fixture
def with_senate(news):
    news("add", "--id", "senate", "--en", "Senate", "--ru", "Сенат", "--kk", "Сенат")
    return news


def test_pretranslate_po_exact_fuzzy_empty_and_kept(with_senate, tmp_path):
    src = tmp_path / "in.po"
    src.write_text(PO, encoding="utf-8")
    out = tmp_path / "out.po"
    result = with_senate("pretranslate", str(src), "--tm", "news", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == (f"Pre-translated {src} to {out}: 4 unit(s), 1 exact, 1 fuzzy (to review), "
                             "1 left empty, 1 already translated.\n")
    body = out.read_text(encoding="utf-8").split("\n\n")[1:]
    assert body == [
        '# Senate = Сенат\nmsgid "The Senate adopted the law on education."\nmsgstr "Сенат принял закон об образовании."',
        '# termbase: 85% match\n#, fuzzy\nmsgid "The Government approved the budget for 2026."\n'
        'msgstr "Правительство утвердило бюджет на 2025 год."',
        'msgid "Nothing like this is in the memory."\nmsgstr ""',
        'msgid "The President signed the law."\nmsgstr "Уже переведено."\n',
    ]
    again = with_senate("pretranslate", str(src), "--tm", "news", "-o", str(out), "--min-score", "90", "--overwrite",
                        "--json")
    assert json.loads(again.stdout) == {"file": str(src), "output": str(out), "memory": "news", "min_score": 90,
                                        "units": 4, "exact": 2, "fuzzy": 0, "empty": 2, "kept": 0}


def test_pretranslate_to_standard_output_and_bad_input(news, tmp_path):
    src = tmp_path / "in.po"
    src.write_text(PO, encoding="utf-8")
    result = news("pretranslate", str(src), "--tm", "news")
    assert result.stdout.startswith('msgid ""\n') and "Сенат принял закон об образовании." in result.stdout
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    out = tmp_path / "never.po"
    bad = news("pretranslate", str(broken), "--tm", "news", "-o", str(out))
    assert bad.exit_code == 2 and bad.stderr.startswith(f"Error: {broken}:") and not out.exists()
    missing = news("pretranslate", str(src), "--tm", "old", "-o", str(out))
    assert missing.exit_code == 2 and "memories here: news" in missing.stderr and not out.exists()
    assert news("pretranslate", str(src), "--tm", "news", "--json").exit_code == 2  # JSON needs -o FILE


def test_pretranslate_xliff(news, tmp_path):
    src = tmp_path / "in.xlf"
    src.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                   'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="kk" '
                   'datatype="plaintext" original="x"><body><trans-unit id="1"><source>The Senate adopted the law '
                   'on health.</source></trans-unit></body></file></xliff>', encoding="utf-8")
    out = tmp_path / "out.xlf"
    assert news("pretranslate", str(src), "--tm", "news", "-o", str(out), "--min-score", "70").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert ('<target xml:lang="kk" state="needs-review-translation" state-qualifier="fuzzy-match">'
            'Сенат білім туралы заңды қабылдады.</target><note from="termbase">85% match</note>') in text


def test_pretranslate_xliff_malformed_late_is_one_line_and_leaves_no_file(news, tmp_path):
    """The XLIFF is written as it is read: malformed XML after 2,000 units still ends the command with
    one line naming the file, the line and the problem, exit status 2, and no output file."""
    src = tmp_path / "late.xlf"
    units = "".join(f'<trans-unit id="{i}"><source>The Senate adopted the law on health.</source></trans-unit>\n'
                    for i in range(2000))
    src.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                   'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="kk" '
                   f'datatype="plaintext" original="x"><body>\n{units}</body></fil></xliff>\n', encoding="utf-8")
    out = tmp_path / "out.xlf"
    result = news("pretranslate", str(src), "--tm", "news", "-o", str(out), "--min-score", "70")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {src}:2003: malformed XML: Opening and ending tag mismatch: "
                             "file line 2 and fil\n")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlf" or ".tmp" in p.name) == ["late.xlf"]


def test_export_memory_as_xliff_1_2_and_2_0(news, tmp_path):
    one = tmp_path / "m.xlf"
    assert news("export", "--format", "xliff", "--tm", "news", "--langs", "en,kk", "-o", str(one)).exit_code == 0
    assert 'source-language="en" target-language="kk"' in one.read_text(encoding="utf-8")
    two = tmp_path / "m2.xlf"
    assert news("export", "--format", "xliff2", "--tm", "news", "--langs", "en,ru", "-o", str(two)).exit_code == 0
    assert 'srcLang="en" trgLang="ru"' in two.read_text(encoding="utf-8")
    several = news("export", "--format", "xliff2", "--tm", "news", "-o", str(tmp_path / "x.xlf"))
    assert several.exit_code == 2 and "--langs" in several.stderr


def test_units_review_edit_and_remove(news):
    page = json.loads(news("tm", "units", "news", "--json").stdout)
    assert (page["memory"], page["total"], page["offset"]) == ("news", 4, 0)
    first = page["units"][0]
    assert sorted(first["texts"]) == ["en", "kk", "ru"]
    unit_id = first["id"]
    edited = news("tm", "edit-unit", str(unit_id), "ru=Исправленный текст.", "kk=", "--by", "aigerim", "--json")
    assert edited.exit_code == 0, edited.output
    assert json.loads(edited.stdout)["texts"] == {"en": first["texts"]["en"], "ru": "Исправленный текст."}
    found = json.loads(news("tm", "search", "-", "--tm", "news", "--lang", "ru", "--json", "--min-score", "90",
                            input="Исправленный текст.\n").stdout)
    assert [m["targets"] for m in found["matches"]] == [{"en": first["texts"]["en"]}]
    too_few = news("tm", "edit-unit", str(unit_id), "ru=")
    assert too_few.exit_code == 2
    assert too_few.stderr == f"Error: unit {unit_id} would keep fewer than two languages; remove it instead\n"
    assert news("tm", "remove-unit", str(unit_id)).stdout == f"Removed unit #{unit_id}.\n"
    assert json.loads(news("tm", "units", "news", "--json").stdout)["total"] == 3
    gone = news("tm", "remove-unit", str(unit_id))
    assert gone.exit_code == 2 and gone.stderr.startswith(f"Error: no translation unit {unit_id} in ")
    bad = news("tm", "edit-unit", "1", "no-equals")
    assert bad.exit_code == 2 and "give LANG=TEXT" in bad.stderr


def test_units_filtered_to_doubtful_scores(empty, tmp_path):
    from termbase.models import TranslationUnit

    units = [TranslationUnit({"en": f"Sentence {i}.", "ru": f"Предложение {i}."}, document="d", position=i,
                             score=s) for i, s in enumerate((0.99, 0.3, 0.6, None))]
    path = tmp_path / "a.tmx"
    get_format("tmx").write_units(units, str(path), source_lang="en", target_langs=["ru"])
    assert empty("import", str(path), "--tm", "a").exit_code == 0
    page = json.loads(empty("tm", "units", "a", "--max-score", "0.5", "--json").stdout)
    assert page["total"] == 1
    assert [u["texts"]["en"] for u in page["units"]] == ["Sentence 1."]
    text = empty("tm", "units", "a", "--max-score", "0.7")
    assert text.stderr == "2 unit(s) under 0.7; shown 1-2.\n"
    assert [line.split("\t")[1] for line in text.stdout.splitlines()] == ["0.30", "0.60"]


def test_readme_pretranslation_of_the_example_catalogue(empty, tmp_path, monkeypatch):
    """The README's tour: the speech in examples/ aligned into 'speeches', then examples/site.kk.po
    pre-translated, as the README shows it (the catalogue was not in the repository)."""
    import shutil
    from pathlib import Path

    examples = Path(__file__).parents[2] / "examples"
    for name in ("speech.en.txt", "speech.ru.txt", "speech.kk.txt", "site.kk.po"):
        shutil.copy(examples / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    assert empty("align", "speech.en.txt", "speech.ru.txt", "speech.kk.txt", "--tm", "speeches").exit_code == 0
    done = empty("pretranslate", "site.kk.po", "--tm", "speeches", "-o", "site.kk.out.po")
    assert done.exit_code == 0
    assert done.stderr == ("Pre-translated site.kk.po to site.kk.out.po: 2 unit(s), 1 exact, 0 fuzzy (to review), "
                           "1 left empty, 0 already translated.\n")
    out = (tmp_path / "site.kk.out.po").read_text(encoding="utf-8")
    assert ('msgid "The Prosecutor General\'s Office reported on its work."\n'
            'msgstr "Бас прокуратура өз жұмысы туралы есеп берді."\n') in out
    assert 'msgid "Welcome to our site."\nmsgstr ""\n' in out
