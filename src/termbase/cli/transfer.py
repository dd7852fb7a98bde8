"""``termbase import`` and ``termbase export``."""

from __future__ import annotations

import click

from ..services import export as export_service, import_file, list_formats
from .app import emit_json, main, pass_env, split_langs


@main.command("import")
@click.argument("file")
@click.option("--format", "fmt_name", help="File format (default: by extension, else by content).")
@click.option(
    "--on-conflict",
    type=click.Choice(["error", "skip", "replace"]),
    default="error",
    show_default=True,
    help="What to do with a concept whose id is already in the termbase.",
)
@click.option("--tm", default="default", show_default=True, help="Translation memory to import units into.")
@click.option("--langs", help="Languages of a file that does not name them (OmegaT glossary: SRC,TGT).")
@click.option("--json", "as_json", is_flag=True, help="Print what was imported as JSON.")
@pass_env
def import_(env, file: str, fmt_name: str | None, on_conflict: str, tm: str, langs: str | None, as_json: bool) -> None:
    """Import a termbase file (TBX, CSV, glossary TSV, OmegaT glossary) or a translation memory (TMX,
    PO, XLIFF, two-column TSV). FILE may be - (standard input).

    The whole file is imported or nothing is: a bad line leaves the termbase unchanged.
    """
    result = import_file(env.workspace(), file, format=fmt_name, on_conflict=on_conflict, memory=tm,
                         langs=split_langs(langs), progress=env.progress())
    env.end_progress()
    if as_json:
        emit_json(result.to_dict())
        return
    if result.kind == "units":
        click.echo(
            f"Imported {result.added} unit(s) into memory {result.memory!r} from {result.file}"
            + (f" ({result.skipped} already there)" if result.skipped else "")
            + f" in {result.seconds:.1f}s."
        )
        return
    extra = [f"{n} {what}" for n, what in ((result.replaced, "replaced"), (result.unchanged, "unchanged"),
                                           (result.skipped, "skipped")) if n]
    click.echo(f"Imported {result.added} concept(s) from {result.file}" + (f" ({', '.join(extra)})" if extra else "") + ".")


@main.command()
@click.option("--format", "fmt_name", required=True,
              help="tbx, csv, glossary, omegat (the termbase) or tmx, po (a translation memory).")
@click.option("-o", "--output", required=True, help="Output file (a folder for po of several languages); - for standard output.")
@click.option("--tm", default="default", show_default=True, help="Translation memory to export (tmx, po).")
@click.option("--langs", help="Languages, source first: e.g. en,kk,ru (omegat: exactly two).")
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON (on stderr with -o -).")
@pass_env
def export(env, fmt_name: str, output: str, tm: str, langs: str | None, as_json: bool) -> None:
    """Export the termbase (TBX-Basic, CSV, glossary TSV, OmegaT glossary) or a translation memory (TMX, PO).

    Files are written to a temporary name and renamed, so a failed export leaves no half file. With
    -o - the document alone goes to standard output, messages to standard error.
    """
    result = export_service(env.workspace(), fmt_name, output, memory=tm, langs=split_langs(langs),
                            progress=env.progress())
    env.end_progress()
    to_stderr = output == "-"
    if as_json:
        import json

        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), err=to_stderr)
    elif result.kind == "units":
        click.echo(f"Wrote {result.count} unit(s) of memory {result.memory!r} to {result.output}.", err=to_stderr)
    else:
        click.echo(f"Wrote {result.count} concept(s) to {result.output}.", err=to_stderr)


@main.command("formats")
@click.option("--json", "as_json", is_flag=True, help="Print the formats as JSON.")
def formats_(as_json: bool) -> None:
    """List the file formats, their extensions and what each reads and writes.

    A file is recognised by extension, then by content, in this order; --format NAME overrides.
    """
    infos = list_formats()
    if as_json:
        emit_json([info.to_dict() for info in infos])
        return
    click.echo(f"{'FORMAT':<10}{'EXTENSIONS':<22}{'READS':<28}{'WRITES':<20}DESCRIPTION")
    for info in infos:
        click.echo(f"{info.name:<10}{' '.join('.' + e for e in info.extensions):<22}"
                   f"{', '.join(info.reads) or '-':<28}{', '.join(info.writes) or '-':<20}{info.description}")
