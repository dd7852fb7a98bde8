"""The text renderings of the command line (cli/render.py): finding lines, the check summary, tables."""

from termbase.checking import Finding
from termbase.cli.render import check_summary, finding_line
from termbase.checking import Report


def test_finding_line():
    base = dict(source="s", target="t", source_lang="en", lang="ru", unit="u", concept_id="c")
    missing = Finding(file="a.po", line=12, kind="missing-term", term="National Security Committee",
                      expected=("Комитет национальной безопасности",), found=None, **base)
    assert finding_line(missing) == (
        'a.po:12: missing-term (ru): "National Security Committee" -> expected "Комитет национальной безопасности"'
    )
    deprecated = Finding(file=None, line=None, kind="deprecated-term", term="Нур-Султан",
                         expected=("Астана",), found="Нур-Султане", **base)
    assert finding_line(deprecated) == '<input>: deprecated-term (ru): "Нур-Султане" -> expected "Астана"'
    forbidden = Finding(file="b.tsv", line=3, kind="forbidden-term", term="Служба безопасности",
                        expected=(), found="Службой безопасности", **base)
    assert finding_line(forbidden) == 'b.tsv:3: forbidden-term (ru): "Службой безопасности"'
    wrong = Finding(file="c.tsv", line=2, kind="missing-term", term="Ministry of Healthcare",
                    expected=("Министерство здравоохранения",), found="Министерство просвещения", **base)
    assert finding_line(wrong) == ('c.tsv:2: missing-term (ru): "Ministry of Healthcare" -> expected '
                                   '"Министерство здравоохранения"; found "Министерство просвещения"')


def test_summary_line():
    base = dict(source="s", target="t", source_lang="en", lang="ru", unit="u", concept_id="c", file=None, line=None,
                term="Astana", expected=("Астана",), found=None)
    report = Report(units_checked=1, units_untranslated=1, findings=(Finding(kind="missing-term", **base),))
    assert check_summary(report) == "1 unit checked (1 untranslated skipped): 1 error, 0 warnings"
    many = Report(units_checked=1204, files_checked=2, units_fuzzy=1, errors=(object(),))
    assert check_summary(many) == "1,204 units checked in 2 files (1 fuzzy skipped): 0 errors, 0 warnings; 1 file could not be checked"


