"""``termbase term`` (one term at a time), ``approve``, ``reject`` and ``history``."""

from __future__ import annotations


import click

from ..models import printable
from ..services import (
    add_terms, list_concepts, replace_term_text, approve as approve_service, concept_history, reject as reject_service, remove_term, restore_concept,
    set_term_status, undo_last_change,
)
from .app import TermbaseGroup, actor_of, emit_json, main, pass_env
from .render import concept_lines


_by = click.option("--by", help="Who makes the change (default: the user name, $USER).")
_json = click.option("--json", "as_json", is_flag=True, help="Print the concept as JSON (as show --json).")


def _print(concept, as_json: bool, message: str) -> None:
    if as_json:
        emit_json(concept.to_dict())
    else:
        click.echo(message)
        click.echo("\n".join(concept_lines(concept)))


@main.group(cls=TermbaseGroup)
def term() -> None:
    """Add, re-status or remove one term of a concept."""


@term.command("add")
@click.argument("concept_id")
@click.argument("terms")
@click.option("--lang", required=True, help="Language of the terms (en, kk, ru).")
@_by
@_json
@pass_env
def term_add(env, concept_id, terms, lang, by, as_json):
    """Add TERMS ("TEXT {status, type} | ...") to a concept; status admitted unless given (preferred
    when the language has no term yet)."""
    concept = add_terms(env.workspace(), concept_id, lang, terms, actor=actor_of(by))
    _print(concept, as_json, f"Updated {concept.id}.")


@term.command("set-status")
@click.argument("concept_id")
@click.argument("text")
@click.argument("status")
@click.option("--lang", required=True, help="Language of the term.")
@_by
@_json
@pass_env
def term_set_status(env, concept_id, text, status, lang, by, as_json):
    """Give the term TEXT of a concept the status STATUS (preferred, admitted, proposed, deprecated,
    forbidden)."""
    concept = set_term_status(env.workspace(), concept_id, lang, text, status, actor=actor_of(by))
    _print(concept, as_json, f"Updated {concept.id}.")


@term.command("remove")
@click.argument("concept_id")
@click.argument("text")
@click.option("--lang", required=True, help="Language of the term.")
@_by
@_json
@pass_env
def term_remove(env, concept_id, text, lang, by, as_json):
    """Remove the term TEXT from a concept."""
    concept = remove_term(env.workspace(), concept_id, lang, text, actor=actor_of(by))
    _print(concept, as_json, f"Updated {concept.id}.")


@main.command()
@click.argument("concept_id")
@click.option("--lang", help="Approve only this language's proposed terms (with --term: that term).")
@click.option("--term", "text", help="Approve only this term (needs --lang).")
@_by
@_json
@pass_env
def approve(env, concept_id, lang, text, by, as_json):
    """Approve a concept's proposed terms: each becomes preferred when its language has no preferred
    term yet, else admitted. Who and when are recorded (termbase history ID)."""
    if text and not lang:
        raise click.UsageError("--term needs --lang")
    concept = approve_service(env.workspace(), concept_id, lang=lang, text=text, actor=actor_of(by))
    _print(concept, as_json, f"Approved {concept.id}.")


@main.command()
@click.argument("concept_id")
@click.option("--reason", help="Why: kept in the concept's history.")
@_by
@click.option("--json", "as_json", is_flag=True, help='Print {"rejected": ID}.')
@pass_env
def reject(env, concept_id, reason, by, as_json):
    """Reject a proposed concept: it is removed (termbase history ID --restore brings it back)."""
    rejected = reject_service(env.workspace(), concept_id, reason=reason, actor=actor_of(by))
    if as_json:
        emit_json({"rejected": rejected})
    else:
        click.echo(f"Rejected {rejected}.")


@main.command()
@click.argument("concept_id")
@click.option("--restore", is_flag=True, help="Bring back the concept as it was before it was removed.")
@_by
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def history(env, concept_id, restore, by, as_json):
    """Every recorded change of a concept: when, what, version, by whom, and the terms it changed.

    JSON: [{"seq", "action", "time", "version", "actor", "before", "after"}] (concepts as show --json).
    """
    ws = env.workspace()
    if restore:
        concept = restore_concept(ws, concept_id, actor=actor_of(by))
        _print(concept, as_json, f"Restored {concept.id}.")
        return
    changes = concept_history(ws, concept_id)
    if as_json:
        emit_json([c.to_dict() for c in changes])
        return
    for c in changes:
        click.echo(f"{c.time:%Y-%m-%d %H:%M:%S}  v{c.version}  {c.action:<6}  {c.actor or '-'}")
        before = {(t.lang, t.text): t.status for t in c.before.terms} if c.before else {}
        after = {(t.lang, t.text): t.status for t in c.after.terms} if c.after else {}
        for key in [k for k in before if k not in after]:
            click.echo(f"    - {key[0]} {key[1]} ({before[key]})")
        for key in [k for k in after if k not in before]:
            click.echo(f"    + {key[0]} {key[1]} ({after[key]})")
        for key in [k for k in after if k in before and before[k] != after[k]]:
            click.echo(f"    ~ {key[0]} {key[1]}: {before[key]} -> {after[key]}")
        if c.before and c.after:
            for name in ("subject", "definition", "note", "source"):
                old, new = getattr(c.before, name), getattr(c.after, name)
                if old != new:
                    click.echo(f"    ~ {name}: {_field_change(old, new)}")
    if not changes:
        click.echo("No recorded changes.")


def _field_change(old: str | None, new: str | None) -> str:
    r"""A concept field's change as ``history`` shows it, in words (no Python ``None`` or quotes):
    ``set to "..."``, ``removed (was "...")`` or ``"..." -> "..."``; line breaks as `` / ``,
    control characters as escapes.

    >>> _field_change(None, "Rejected: not an institution")
    'set to "Rejected: not an institution"'
    >>> _field_change("old\nnote", "")
    'removed (was "old / note")'
    """
    def shown(text: str) -> str:
        return '"' + printable(" / ".join(text.splitlines())) + '"'

    if not old:
        return f"set to {shown(new or '')}"
    if not new:
        return f"removed (was {shown(old)})"
    return f"{shown(old)} -> {shown(new)}"


@main.command()
@click.option("--lang", help="Only concepts with a proposed term in this language.")
@_by
@pass_env
def review(env, lang, by):
    """Walk the proposed concepts, newest first: one screen each (terms, note, evidence of mined
    terms), then a key: [a]pprove, [e]dit a term's text, [r]eject, [s]kip, [q]uit."""
    ws = env.workspace()
    actor = actor_of(by)
    pending = list_concepts(ws, status="proposed", lang=lang, newest_first=True, limit=None).concepts
    if not pending:
        click.echo("No proposed concepts to review.")
        return
    done = {"approved": 0, "rejected": 0, "edited": 0, "skipped": 0}
    for n, concept in enumerate(pending, 1):
        click.echo(f"\n[{n}/{len(pending)}]")
        click.echo("\n".join(concept_lines(concept)))
        key = click.prompt("[a]pprove, [e]dit, [r]eject, [s]kip, [q]uit", type=click.Choice(list("aersq")),
                           show_choices=False, default="s")
        if key == "q":
            break
        if key == "s":
            done["skipped"] += 1
        elif key == "a":
            approve_service(ws, concept.id, lang=lang, actor=actor)
            done["approved"] += 1
        elif key == "r":
            reason = click.prompt("reason", default="", show_default=False) or None
            reject_service(ws, concept.id, reason=reason, actor=actor)
            done["rejected"] += 1
        else:
            proposed = [t for t in concept.terms if t.status == "proposed"]
            for i, t in enumerate(proposed, 1):
                click.echo(f"  {i}. {t.lang} {t.text}")
            pick = click.prompt("term number", type=click.IntRange(1, len(proposed)), default=1)
            old = proposed[pick - 1]
            text = click.prompt("new text", default=old.text)
            replace_term_text(ws, concept.id, old.lang, old.text, text, actor=actor)
            done["edited"] += 1
    click.echo("Reviewed: " + ", ".join(f"{v} {k}" for k, v in done.items()) + ".")


@main.command()
@click.argument("concept_id")
@_by
@_json
@pass_env
def undo(env, concept_id, by, as_json):
    """Undo the last change of a concept: an added concept is removed, an edit reverted, a removal
    restored (the undo is recorded too, so undo again redoes)."""
    done, concept = undo_last_change(env.workspace(), concept_id, actor=actor_of(by))
    if as_json:
        emit_json({"undone": done, "concept": concept.to_dict() if concept else None})
    elif concept is None:
        click.echo(f"Undone: {concept_id} removed.")
    else:
        _print(concept, False, f"Undone: {concept_id} {done}.")
