"""``termbase extract``: candidate terms of documents, with their equivalents from the termbase."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import emit_json, main, pass_env

_KINDS = ("organization", "acronym", "person", "place", "name", "phrase")


def _kinds(value: str | None) -> tuple[str, ...]:
    if not value:
        return _KINDS
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    bad = [k for k in kinds if k not in _KINDS]
    if bad:
        raise click.BadParameter(f"unknown kind {bad[0]!r}; use {', '.join(_KINDS)}", param_hint="--kinds")
    return kinds


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--lang", default="auto", show_default=True, help="Language of the documents: auto, en, kk or ru.")
@click.option(
    "--side", type=click.Choice(("source", "target")), default="source", show_default=True,
    help="Side of PO/XLIFF/TMX files to read.",
)
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show the best N candidates only.")
@click.option("--min-freq", type=click.IntRange(min=1), default=1, show_default=True, help="Drop candidates seen fewer times.")
@click.option("--kinds", default=None, metavar="K1,K2", help=f"Kinds to list (default all): {', '.join(_KINDS)}.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--add", "add", is_flag=True, help="Add NEW candidates to the termbase with status 'proposed'.")
@pass_env
def extract(env, files, lang, side, top, min_freq, kinds, as_json, add):
    """Find institutional names, acronyms, names and key phrases in FILES.

    Reads plain text, HTML, DOCX, PO, XLIFF and TMX. Each candidate is listed with its Kazakh and
    Russian equivalents when the termbase knows it, else as NEW.

    JSON: for documents of one language, {"language", "files", "candidates": [...]}; when the
    documents are in several languages, {"results": [one such object per language]}.
    """
    from ..extraction import ExtractConfig, add_proposed, extract_files

    config = ExtractConfig(top=top, min_freq=min_freq, kinds=_kinds(kinds))
    tb = None
    if add or env.db_path.exists():
        tb = env.termbase()
    else:
        click.echo(
            f"note: no termbase at {env.db_path}; candidates are not linked (create one with 'termbase init')",
            err=True,
        )
    if len(files) > 1:
        with click.progressbar(length=len(files), label="Reading", file=sys.stderr) as bar:
            results = extract_files(files, lang=lang, side=side, termbase=tb, config=config,
                                    progress=lambda _path: bar.update(1))
    else:
        results = extract_files(files, lang=lang, side=side, termbase=tb, config=config)
    for r in results:
        for note in r.notes:
            click.echo(f"note: {note}", err=True)
    added = []
    if add:
        for r in results:
            added.extend(add_proposed(tb, r, source="termbase extract: " + ", ".join(Path(f).name for f in r.files)))
    if as_json:
        emit_json(results[0].to_dict() if len(results) == 1 else {"results": [r.to_dict() for r in results]})
    else:
        for i, r in enumerate(results):
            if len(results) > 1:
                click.echo(("\n" if i else "") + f"[{r.language}] {', '.join(r.files)}")
            click.echo(render_table(r))
    if add:
        click.echo(f"Added {len(added)} proposed concept(s).", err=True)


def render_table(result) -> str:
    """The candidates as a table: term, kind, frequency, Kazakh and Russian equivalents or NEW."""
    rows = [("TERM", "KIND", "FREQ", "KK", "RU")]
    for c in result.candidates:
        if c.is_new:
            kk = ru = "NEW"
        else:
            kk = "; ".join(c.equivalents.get("kk", [])[:2]) or "-"
            ru = "; ".join(c.equivalents.get("ru", [])[:2]) or "-"
        term = c.term if not c.expansion else f"{c.term} ({c.expansion})"
        rows.append((term, c.kind, str(c.frequency), kk, ru))
    if len(rows) == 1:
        return "No candidates."
    widths = [min(48, max(len(r[k]) for r in rows)) for k in range(4)]
    lines = []
    for r in rows:
        cells = [_fit(r[k], widths[k]) for k in range(4)]
        lines.append("  ".join([cells[0].ljust(widths[0]), cells[1].ljust(widths[1]), cells[2].rjust(widths[2]),
                                cells[3].ljust(widths[3]), r[4]]).rstrip())
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
