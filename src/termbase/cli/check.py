"""``termbase check``: terminology QA of PO, XLIFF, TMX and two-column TSV translations."""

from __future__ import annotations

import click

from ..services import check_files
from .app import EXIT_ERROR, EXIT_FINDINGS, emit_json, error_line, main, pass_env
from .render import check_summary, finding_line


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--source-lang", metavar="LANG", help="Source language (en, kk, ru). Default: the file's, else en.")
@click.option("--target-lang", metavar="LANG",
              help="Target language (kk, ru, en): overrides a PO/XLIFF/TSV file's; "
                   "for TMX, checks only that language. Default: the file's.")
@click.option("--generic-terms", is_flag=True,
              help="Also require one-word common-noun terms (law, region, order), skipped by default.")
@click.option("--ignore-concept", "ignore_concepts", metavar="ID", multiple=True,
              help="Leave this concept out of the check (repeatable).")
@click.option("--subject", "subjects", metavar="S", multiple=True,
              help="Check only the concepts of this subject field, e.g. ministry (repeatable).")
@click.option("--strict-script", is_flag=True,
              help="Also report Kazakh words typed with a Latin i (mixed-script).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--fail-on", type=click.Choice(["warning", "error"]), default="warning", show_default=True,
              help="Lowest finding severity that makes the exit status 1.")
@pass_env
@click.pass_context
def check(ctx, env, files, source_lang, target_lang, generic_terms, ignore_concepts, subjects, strict_script,
          as_json, fail_on) -> None:
    """Check that translations use the termbase's approved terms.

    Reads PO/POT, XLIFF 1.2/2.x, TMX (every target language in it) and two-column TSV
    (source<TAB>target, optional "en<TAB>kk" header); - is standard input. For each source term
    found (in any inflected form), one of the concept's preferred or admitted target terms must occur
    in the target, in any inflected form. Untranslated and fuzzy units are skipped and counted.

    \b
    Findings (severity):
      missing-term     (error)    no approved target term for a source term
      forbidden-term   (error)    the target uses a forbidden term
      deprecated-term  (warning)  the target uses a deprecated term (e.g. a former name)
      mixed-script     (warning)  a Cyrillic word with Latin look-alike letters
    A line names the target language: missing-term (ru). A missing term whose place
    another concept's term of the same subject takes ends with: found "...".

    \b
    Exit status: 0 no findings (at or above --fail-on), 1 findings,
    2 usage error or a file that could not be read (the other files are still checked).

    \b
    termbase check po/kk.po po/ru.po
    termbase check memory.tmx --target-lang kk --json
    termbase check site.xlf --fail-on error
    """
    report = check_files(env.workspace(), files, source_lang=source_lang, target_lang=target_lang,
                         generic_terms=generic_terms, ignore_concepts=ignore_concepts, subjects=subjects,
                         strict_script=strict_script)
    for err in report.errors:
        click.echo(error_line(err.message, err.needs, ctx.command), err=True)
    if as_json:
        emit_json(report.to_dict())
    else:
        for finding in report.findings:
            click.echo(finding_line(finding))
        click.echo(check_summary(report), err=True)
    ctx.exit(EXIT_ERROR if report.errors else EXIT_FINDINGS if report.fails(fail_on) else 0)
