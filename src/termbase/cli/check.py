"""``termbase check``: terminology QA of PO, XLIFF, TMX and two-column TSV translations."""

from __future__ import annotations

import click

from ..errors import UnknownLanguage
from . import emit_json, main, pass_env


def _lang_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from ..languages import normalize_lang

    try:
        return normalize_lang(value)
    except UnknownLanguage as exc:
        raise click.BadParameter(str(exc)) from exc


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--source-lang", callback=_lang_option, metavar="LANG",
              help="Source language (en, kk, ru). Default: the file's, else en.")
@click.option("--target-lang", callback=_lang_option, metavar="LANG",
              help="Target language (kk, ru, en): overrides a PO/XLIFF/TSV file's; "
                   "for TMX, checks only that language. Default: the file's.")
@click.option("--generic-terms", is_flag=True,
              help="Also require one-word common-noun terms (law, region, order), skipped by default.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--fail-on", type=click.Choice(["warning", "error"]), default="warning", show_default=True,
              help="Lowest finding severity that makes the exit status 1.")
@pass_env
@click.pass_context
def check(ctx, env, files, source_lang, target_lang, generic_terms, as_json, fail_on) -> None:
    """Check that translations use the termbase's approved terms.

    Reads PO/POT, XLIFF 1.2/2.x, TMX (every target language in it) and two-column TSV
    (source<TAB>target, optional "en<TAB>kk" header). For each source term found (in any inflected
    form), one of the concept's preferred or admitted target terms must occur in the target, in any
    inflected form. Untranslated and fuzzy units are skipped and counted.

    \b
    Findings (severity):
      missing-term     (error)    no approved target term for a source term
      forbidden-term   (error)    the target uses a forbidden term
      deprecated-term  (warning)  the target uses a deprecated term (e.g. a former name)

    \b
    Exit status: 0 no findings (at or above --fail-on), 1 findings,
    2 usage error or a file that could not be read (the other files are still checked).

    \b
    termbase check po/kk.po po/ru.po
    termbase check memory.tmx --target-lang kk --json
    termbase check site.xlf --fail-on error
    """
    from ..checking import CheckConfig, Checker, check_files, format_finding

    checker = Checker.from_index(env.term_index(), generic_terms=generic_terms)
    report = check_files(files, checker, config=CheckConfig(source_lang=source_lang, target_lang=target_lang))
    for err in report.errors:
        click.echo(f"Error: {err.message}", err=True)
    if as_json:
        emit_json(report.to_dict())
    else:
        for finding in report.findings:
            click.echo(format_finding(finding))
        click.echo(report.summary(), err=True)
    ctx.exit(report.exit_code(fail_on))
