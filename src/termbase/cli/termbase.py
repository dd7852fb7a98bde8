"""``termbase init`` and ``termbase stats``."""

from __future__ import annotations

import click

from ..services import init_termbase, termbase_stats
from .app import emit_json, main, pass_env


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
    result = init_termbase(env.db_path, empty=empty, force=force, confirmed=yes)
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
