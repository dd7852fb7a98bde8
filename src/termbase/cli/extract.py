"""``termbase extract``: candidate terms of documents, with their equivalents from the termbase."""

from __future__ import annotations

import sys

import click

from ..services import EXTRACT_KINDS, ExtractConfig, extract_files
from .app import emit_json, main, pass_env
from .render import extract_table


def _kinds(value: str | None) -> tuple[str, ...]:
    if not value:
        return EXTRACT_KINDS
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    bad = [k for k in kinds if k not in EXTRACT_KINDS]
    if bad:
        raise click.BadParameter(f"unknown kind {bad[0]!r}; use {', '.join(EXTRACT_KINDS)}", param_hint="--kinds")
    return kinds


@main.command()
@click.argument("files", nargs=-1)
@click.option("--lang", default="auto", show_default=True,
              help="Language of the documents (auto, en, kk or ru); of a memory, the side to read.")
@click.option("--tm", "memory", default=None, metavar="NAME",
              help="Mine equivalents from this stored translation memory (alone: read the memory itself).")
@click.option(
    "--side", type=click.Choice(("source", "target")), default="source", show_default=True,
    help="Side of PO/XLIFF/TMX files to read.",
)
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show the best N candidates only.")
@click.option("--min-freq", type=click.IntRange(min=1), default=1, show_default=True, help="Drop candidates seen fewer times.")
@click.option("--kinds", default=None, metavar="K1,K2", help=f"Kinds to list (default all): {', '.join(EXTRACT_KINDS)}.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--add", "add", is_flag=True, help="Add NEW candidates to the termbase with status 'proposed'.")
@pass_env
def extract(env, files, lang, memory, side, top, min_freq, kinds, as_json, add):
    """Find institutional names, acronyms, names and key phrases in FILES (- is standard input) or
    in a translation memory (--tm NAME), with their equivalents in the other languages.

    Reads plain text, HTML, DOCX, PO, XLIFF and TMX. A TMX, PO or XLIFF with two or more languages
    is a memory: candidates come from one side (--lang, default its source language) and each gets
    SUGGESTIONS, how the file's translators rendered it in the other languages (dictionary form,
    score, supporting units, examples). With --tm, the candidates of FILES get the suggestions of
    that stored memory. The table shows the termbase's equivalents, else the best suggestion marked
    ~ (mined, not official), else NEW.

    JSON: for documents of one language, {"language", "files", "candidates": [...]}; when the
    documents are in several languages, {"results": [one such object per language]}. Each
    candidate has "equivalents" (termbase), "suggestions" and, for a known concept, "usage" (how the
    memory renders it).
    """
    if not files and memory is None:
        raise click.UsageError("give FILES to read, or a translation memory with --tm NAME")
    config = ExtractConfig(top=top, min_freq=min_freq, kinds=_kinds(kinds))
    ws = env.workspace() if add or memory else env.workspace_if_any()
    if ws is None:
        click.echo(
            f"note: no termbase at {env.shown}; candidates are not linked (create one with 'termbase init')",
            err=True,
        )
    if len(files) > 1:
        with click.progressbar(length=len(files), label="Reading", file=sys.stderr) as bar:
            run = extract_files(files, ws=ws, lang=lang, side=side, config=config, memory=memory, add=add,
                                progress=lambda _name: bar.update(1))
    else:
        run = extract_files(files, ws=ws, lang=lang, side=side, config=config, memory=memory, add=add)
    for m in run.memories:
        where = f"memory {m.name!r}" if m.stored else m.name
        click.echo(f"Suggestions mined from {where}: {m.units} unit(s), {', '.join(m.languages)}.", err=True)
    for r in run.results:
        for note in r.notes:
            click.echo(f"note: {note}", err=True)
    if as_json:
        emit_json(run.to_dict())
    else:
        for i, r in enumerate(run.results):
            if len(run.results) > 1:
                click.echo(("\n" if i else "") + f"[{r.language}] {', '.join(r.files)}")
            click.echo(extract_table(r))
    if add:
        click.echo(f"Added {len(run.added)} proposed concept(s).", err=True)
