"""Concept commands: lookup, show, add, edit, remove."""

from __future__ import annotations

import sys

from datetime import timezone

import click

from ..errors import TermbaseError
from ..services import (
    list_concepts,
    add_concept,
    edit_concept,
    lookup as lookup_service,
    lookup_many,
    parse_terms,
    remove_concepts,
    show_concept,
)
from .app import emit_json, emit_json_line, main, pass_env
from .render import concept_lines, lookup_lines

_LANG_OPTIONS = [
    click.option(f"--{lang}", f"cell_{lang}", metavar="TERMS", help=f"{name} terms, e.g. \"{example}\".")
    for lang, name, example in (
        ("en", "English", "Assembly of People of Kazakhstan | APK {acronym}"),
        ("kk", "Kazakh", "Қазақстан халқы Ассамблеясы | ҚХА {acronym}"),
        ("ru", "Russian", "Ассамблея народа Казахстана | АНК {acronym}"),
    )
]
_KK_LATN_OPTION = click.option("--kk-latn", "cell_kk_latn", metavar="TERMS",
                               help='Kazakh terms in Latin script (kk-Latn), e.g. "Senat {admitted}".')


def _lang_options(f):
    for opt in reversed(_LANG_OPTIONS):
        f = opt(f)
    return _KK_LATN_OPTION(f)


def _terms(cells: dict[str, str | None]) -> dict[str, list]:
    """The terms of each --en/--kk/--ru option given; a bad term list is a usage error of that option."""
    out = {}
    for lang, cell in cells.items():
        if cell is not None:
            try:
                out[lang] = parse_terms(cell, lang)
            except TermbaseError as exc:
                raise click.BadParameter(str(exc).split(": ", 1)[-1], param_hint=f"--{lang.lower()}") from exc
    return out


@main.command()
@click.argument("text")
@click.option("--lang", help="Language of TEXT (en, kk, ru); default: search all.")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True, help="At most this many concepts.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with TEXT -, one JSON object per line).")
@pass_env
def lookup(env, text: str, lang: str | None, limit: int, as_json: bool) -> None:
    """Find concepts by a term in any language: inflected forms, acronyms and typos too.

    TEXT - reads one query per line from standard input.

    \b
    termbase lookup "Ассамблеясының"
    termbase lookup APK --json
    termbase lookup - --json < queries.txt
    """
    ws = env.workspace()
    if text == "-":
        for result in lookup_many(ws, (line.rstrip("\n") for line in sys.stdin), lang=lang, limit=limit):
            if as_json:
                emit_json_line(result.to_dict())
            else:
                click.echo(f"query: {result.query}")
                click.echo("\n".join(lookup_lines(result)))
        return
    result = lookup_service(ws, text, lang=lang, limit=limit)
    if as_json:
        emit_json(result.to_dict())
    else:
        click.echo("\n".join(lookup_lines(result)))


@main.command()
@click.argument("concept_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def show(env, concept_id: str, as_json: bool) -> None:
    """Show one concept with all its terms."""
    concept = show_concept(env.workspace(), concept_id)
    if as_json:
        emit_json(concept.to_dict())
    else:
        click.echo("\n".join(concept_lines(concept)))


@main.command()
@_lang_options
@click.option("--id", "concept_id", help="Concept id (default: made from the English term).")
@click.option("--subject", help="Subject field, e.g. ministry, court, politics.")
@click.option("--definition")
@click.option("--note")
@click.option("--source", help="Where the equivalents come from, e.g. gov.kz.")
@click.option("--scope", metavar="CC", help="Jurisdiction of the concept, a country code: KZ for Kazakhstan's bodies.")
@click.option("--force", is_flag=True, help="Add it even if one of its terms is already in another concept.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored concept as JSON.")
@pass_env
def add(env, cell_kk_latn, cell_en, cell_kk, cell_ru, concept_id, subject, definition, note, source, scope, force, as_json) -> None:
    """Add a concept with terms in several languages.

    A TERMS value lists terms separated by " | ", each optionally followed by {status, type}:
    statuses preferred, admitted, deprecated, forbidden, proposed; types full, short, acronym,
    abbreviation, variant. The first term is preferred unless marked. A term the termbase already
    has (in any inflected form) stops the command and names its concept (--force adds it anyway).
    The id is made from the English term, else from the first term transliterated.

    \b
    termbase add --en "State Revenue Committee" --ru "Комитет государственных доходов" \\
                 --kk "Мемлекеттік кірістер комитеті" --source gov.kz
    """
    terms = _terms({"en": cell_en, "kk": cell_kk, "ru": cell_ru, "kk-Latn": cell_kk_latn})
    if not terms:
        raise click.UsageError("give at least one of --en, --kk, --ru, --kk-latn")
    stored = add_concept(env.workspace(), [t for lang_terms in terms.values() for t in lang_terms],
                         concept_id=concept_id, subject=subject, definition=definition, note=note, source=source,
                         scope=scope, force=force)
    if as_json:
        emit_json(stored.to_dict())
    else:
        click.echo(f"Added {stored.id}.")


@main.command()
@click.argument("concept_id")
@_lang_options
@click.option("--subject")
@click.option("--definition")
@click.option("--note")
@click.option("--source")
@click.option("--scope", metavar="CC", help="Jurisdiction, a country code (KZ); \"\" for none.")
@click.option("--json", "as_json", is_flag=True, help="Print the changed concept as JSON.")
@pass_env
def edit(env, concept_id, cell_kk_latn, cell_en, cell_kk, cell_ru, subject, definition, note, source, scope, as_json) -> None:
    """Change a concept: --en/--kk/--ru/--kk-latn replace that language's terms; other options replace
    fields.

    An empty value ("") clears a field.
    """
    terms = _terms({"en": cell_en, "kk": cell_kk, "ru": cell_ru, "kk-Latn": cell_kk_latn})
    fields = {name: value for name, value in
              (("subject", subject), ("definition", definition), ("note", note), ("source", source),
               ("scope", scope)) if value is not None}
    if not terms and not fields:
        raise click.UsageError("nothing to change: give --en/--kk/--ru/--kk-latn or a field option")
    changed = edit_concept(env.workspace(), concept_id, terms=terms, fields=fields)
    if as_json:
        emit_json(changed.to_dict())
    else:
        click.echo(f"Updated {changed.id}.")


@main.command()
@click.argument("concept_ids", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the removed ids as JSON.")
@pass_env
def remove(env, concept_ids, as_json: bool) -> None:
    """Remove concepts by id (all or none)."""
    removed = remove_concepts(env.workspace(), concept_ids)
    if as_json:
        emit_json({"removed": removed})
    else:
        click.echo(f"Removed {len(removed)} concept(s).")


@main.command("list")
@click.option("--status", help="Concepts with a term of this status (in --lang when given), e.g. proposed.")
@click.option("--subject", help="Concepts of this subject field.")
@click.option("--lang", help="Concepts with a term in this language (with --missing: without one).")
@click.option("--missing", is_flag=True, help="With --lang: concepts that have no term in that language.")
@click.option("--source", help="Concepts whose source contains this text.")
@click.option("--changed-since", "changed_since", type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
              help="Concepts changed since this date (YYYY-MM-DD, UTC).")
@click.option("--query", help="Concepts with a term containing this text.")
@click.option("--newest", is_flag=True, help="Most recently changed first (default: by id).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True,
              help='Print {"total", "offset", "concepts": [as show --json]}.')
@pass_env
def list_(env, status, subject, lang, missing, source, changed_since, query, newest, limit, offset, as_json):
    """List concepts, filtered and paged: every proposed concept newest first
    (--status proposed --newest), every concept with no Kazakh term (--lang kk --missing) ...

    One line per concept: id, subject, and each language's first term; then how many matched."""
    if missing and not lang:
        raise click.UsageError("--missing needs --lang")
    since = changed_since.replace(tzinfo=timezone.utc) if changed_since else None
    result = list_concepts(env.workspace(), status=status, subject=subject, lang=lang, missing=missing,
                           source=source, changed_since=since, query=query, newest_first=newest, limit=limit,
                           offset=offset)
    if as_json:
        emit_json(result.to_dict())
        return
    for c in result.concepts:
        firsts = [f"{code} {c.terms_in(code)[0].text} ({c.terms_in(code)[0].status})"
                  for code in ("en", "kk", "ru") if c.terms_in(code)]
        click.echo(f"{c.id}  [{c.subject or '-'}]  " + " | ".join(firsts))
    shown = len(result.concepts)
    more = f"; next page: --offset {offset + shown}" if offset + shown < result.total else ""
    click.echo(f"{shown} of {result.total} concept(s) shown{more}.", err=True)
