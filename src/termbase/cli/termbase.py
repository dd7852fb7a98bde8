"""``termbase init`` and ``termbase stats``."""

from __future__ import annotations

import click

from ..services import copy_termbase, generate_latin, init_termbase, size_limits, termbase_stats, update_glossary
from .app import TermbaseGroup, emit_json, main, pass_env


@main.command()
@click.option("--empty", is_flag=True, help="Create an empty termbase, without the shipped glossary.")
@click.option("--force", is_flag=True, help="Replace an existing termbase file.")
@click.option("--yes", "yes", is_flag=True,
              help="With --force: replace it even if translation memories or user concepts would be lost.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def init(env, empty: bool, force: bool, yes: bool, as_json: bool) -> None:
    """Create a termbase, loaded with the shipped glossary of Kazakhstan's institutions.

    --db goes before the command: termbase --db x.db init.
    """
    result = init_termbase(env.db_path, empty=empty, force=force, confirmed=yes, lock_timeout=env.lock_timeout)
    if as_json:
        emit_json(result.to_dict())
        return
    terms = ", ".join(f"{lang} {n}" for lang, n in result.terms.items())
    click.echo(f"Created {result.location}: {result.concepts} concepts, {sum(result.terms.values())} terms ({terms}).")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def stats(env, as_json: bool) -> None:
    """Count concepts, terms and translation-memory units."""
    result = termbase_stats(env.workspace())
    if as_json:
        emit_json(result.to_dict())
        return
    click.echo(f"termbase: {result.location}")
    click.echo(f"concepts: {result.concepts} ({result.complete_concepts} with en+kk+ru)")
    click.echo("terms:    " + ", ".join(f"{lang} {n}" for lang, n in result.terms.items()))
    for name, n in result.memories.items():
        click.echo(f"memory {name}: {n} units")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def limits(as_json: bool) -> None:
    """Show the size limits on what termbase reads, and the environment variable that changes each.

    Inputs past a limit are refused with a one-line error naming the file and the limit, as soon as
    the reader gets there (files are read in chunks and streamed): longest term
    (TERMBASE_MAX_TERM_CHARS), longest segment or paragraph (TERMBASE_MAX_SEGMENT_CHARS), largest
    document text (TERMBASE_MAX_DOCUMENT_MB), largest file read whole or standard input
    (TERMBASE_MAX_INPUT_MB), largest unpacked DOCX body (TERMBASE_MAX_DOCX_MB).
    """
    info = size_limits()
    if as_json:
        emit_json(info.to_dict())
        return
    for name, value, env, meaning in info.rows():
        click.echo(f"{env:28} {value:>6}  {meaning}")


@main.group(cls=TermbaseGroup)
def glossary() -> None:
    """The shipped glossary: see what a newer one would change, and update to it."""


def _glossary_report(result, as_json: bool) -> None:
    if as_json:
        emit_json(result.to_dict())
        return
    verb = ("Added", "Updated") if result.applied else ("Would add", "Would update")
    for label, ids in ((verb[0], result.added), (verb[1], result.changed),
                       ("Kept your edit of", result.kept_edited), ("Kept removed", result.kept_removed)):
        if ids:
            click.echo(f"{label} {len(ids)}: {', '.join(ids)}")
    click.echo(f"{result.unchanged} shipped concept(s) already up to date; your own concepts and memories "
               "are not touched.")


@glossary.command("diff")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def glossary_diff(env, as_json: bool) -> None:
    """What 'termbase glossary update' would change (nothing is written)."""
    _glossary_report(update_glossary(env.workspace(), dry_run=True), as_json)


@glossary.command("update")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def glossary_update(env, as_json: bool) -> None:
    """Add new shipped concepts and update the shipped ones nobody edited; keep every user edit,
    removal, user concept and memory."""
    result = update_glossary(env.workspace(), progress=env.progress())
    env.end_progress()
    _glossary_report(result, as_json)


@glossary.command("latin")
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def glossary_latin(env, dry_run: bool, as_json: bool) -> None:
    """Add the 2021 Latin form of every Kazakh term as a kk-Latn term: status proposed, a note that
    marks it generated (not an official spelling), recorded in history; approve after review."""
    result = generate_latin(env.workspace(), dry_run=dry_run)
    if as_json:
        emit_json(result.to_dict())
        return
    verb = "Added" if result.applied else "Would add"
    for cid, texts in result.added.items():
        click.echo(f"{cid}: " + " | ".join(texts))
    click.echo(f"{verb} {result.terms} generated kk-Latn term(s) to {len(result.added)} concept(s), status proposed.")


@main.command()
@click.option("--from", "source", required=True, metavar="FILE|URL", help="The termbase to copy (a file or a postgresql:// URL).")
@click.option("--to", "target", required=True, metavar="FILE|URL", help="Where the copy goes (a file or a postgresql:// URL).")
@click.option("--force", is_flag=True, help="Replace a termbase already at --to.")
@click.option("--json", "as_json", is_flag=True, help="Print what was copied as JSON.")
@pass_env
def copy(env, source: str, target: str, force: bool, as_json: bool) -> None:
    """Copy a whole termbase to another database: a file to a PostgreSQL server or back, or a file to
    a file. Everything moves as it is (ids, versions, history, memories, tokens); the copy appears
    only once it is complete, so a failure leaves --to as it was. --db is not used.

    termbase copy --from termbase.db --to postgresql://termbase@db.example/termbase
    """
    result = copy_termbase(source, target, force=force, lock_timeout=env.lock_timeout)
    if as_json:
        emit_json(result.to_dict())
        return
    rows = result.rows
    click.echo(f"Copied {result.source} to {result.target}: {rows.get('concepts', 0)} concepts, "
               f"{rows.get('terms', 0)} terms, {rows.get('concept_history', 0)} history entries, "
               f"{rows.get('tm_units', 0)} memory units.")
