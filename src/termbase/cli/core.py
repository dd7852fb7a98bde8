"""Termbase commands: init, stats, lookup, show, add, edit, remove, import, export."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..errors import NotFound, TermbaseError, ValidationError
from ..glossary import parse_cell
from ..languages import SUPPORTED, normalize_lang
from ..models import Concept, Term
from . import emit_json, main, pass_env

_LANG_OPTIONS = [
    click.option(f"--{lang}", f"cell_{lang}", metavar="TERMS", help=f"{name} terms, e.g. \"{example}\".")
    for lang, name, example in (
        ("en", "English", "Assembly of People of Kazakhstan | APK {acronym}"),
        ("kk", "Kazakh", "Қазақстан халқы Ассамблеясы | ҚХА {acronym}"),
        ("ru", "Russian", "Ассамблея народа Казахстана | АНК {acronym}"),
    )
]


def _lang_options(f):
    for opt in reversed(_LANG_OPTIONS):
        f = opt(f)
    return f


def _terms_from_cells(cells: dict[str, str | None]) -> dict[str, list[Term]]:
    out: dict[str, list[Term]] = {}
    for lang, cell in cells.items():
        if cell is not None:
            try:
                out[lang] = parse_cell(cell, lang, path="--" + lang)
            except TermbaseError as exc:
                raise click.BadParameter(str(exc).split(": ", 1)[-1], param_hint=f"--{lang}") from exc
    return out


def render_concept(concept: Concept) -> list[str]:
    lines = []
    head = concept.id or ""
    if concept.subject:
        head += f"  [{concept.subject}]"
    lines.append(head)
    for lang in list(SUPPORTED) + [x for x in concept.languages if x not in SUPPORTED]:
        terms = concept.terms_in(lang)
        if not terms:
            continue
        parts = []
        for t in terms:
            tags = [t.status] + ([t.type] if t.type != "full" else [])
            parts.append(f"{t.text} ({', '.join(tags)})")
        lines.append(f"  {lang}  " + " | ".join(parts))
    for label, value in (("definition", concept.definition), ("note", concept.note), ("source", concept.source)):
        if value:
            lines.append(f"  {label}: {value}")
    return lines


def concept_json(concept: Concept) -> dict:
    return {
        "concept_id": concept.id,
        "subject": concept.subject,
        "definition": concept.definition,
        "note": concept.note,
        "source": concept.source,
        "terms": {
            lang: [{"text": t.text, "status": t.status, "type": t.type, "note": t.note} for t in concept.terms_in(lang)]
            for lang in list(SUPPORTED) + [x for x in concept.languages if x not in SUPPORTED]
        },
    }


@main.command()
@click.option("--empty", is_flag=True, help="Create an empty termbase, without the shipped glossary.")
@click.option("--force", is_flag=True, help="Replace an existing termbase file.")
@pass_env
def init(env, empty: bool, force: bool) -> None:
    """Create a termbase, loaded with the shipped glossary of Kazakhstan's institutions."""
    from ..glossary import load_shipped
    from ..store import create_store

    path = env.db_path
    if path.exists() and not force:
        raise TermbaseError(f"{path} already exists (use --force to replace it)")
    tmp = path.with_name(path.name + ".new")
    for leftover in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        leftover.unlink(missing_ok=True)
    # Build beside the target and rename, so a failure never leaves half a termbase behind.
    with create_store(tmp) as store:
        if not empty:
            store.concepts.add_many(load_shipped(), on_conflict="replace")
        stats = store.concepts.stats()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    tmp.replace(path)
    click.echo(
        f"Created {path}: {stats['concepts']} concepts, "
        f"{sum(stats['terms'].values())} terms ({', '.join(f'{k} {v}' for k, v in stats['terms'].items())})."
    )


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def stats(env, as_json: bool) -> None:
    """Count concepts and terms."""
    store = env.store()
    data = store.concepts.stats()
    tms = {name: store.memories.count(name) for name in store.memories.names()}
    if as_json:
        emit_json({**data, "translation_memories": tms})
        return
    click.echo(f"termbase: {env.db_path}")
    click.echo(f"concepts: {data['concepts']} ({data['complete_concepts']} with en+kk+ru)")
    click.echo("terms:    " + ", ".join(f"{k} {v}" for k, v in data["terms"].items()))
    for name, n in tms.items():
        click.echo(f"memory {name}: {n} units")


@main.command()
@click.argument("text")
@click.option("--lang", help="Language of TEXT (en, kk, ru); default: search all.")
@click.option("--limit", default=5, show_default=True, help="At most this many concepts.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def lookup(env, text: str, lang: str | None, limit: int, as_json: bool) -> None:
    """Find concepts by a term in any language: inflected forms, acronyms and typos too.

    \b
    termbase lookup "Ассамблеясының"
    termbase lookup APK --json
    """
    if lang:
        lang = normalize_lang(lang)
    matches = env.term_index().lookup(text, lang, limit=limit)
    if as_json:
        emit_json({"query": text, "matches": [m.to_json() for m in matches]})
        return
    if not matches:
        click.echo(f"No concept matches {text!r}.")
        return
    for m in matches:
        lines = render_concept(m.concept)
        lines[0] += f"  score {m.score:.2f} ({m.how}: {m.matched.lang} \"{m.matched.text}\")"
        click.echo("\n".join(lines))


@main.command()
@click.argument("concept_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def show(env, concept_id: str, as_json: bool) -> None:
    """Show one concept with all its terms."""
    concept = env.store().concepts.get(concept_id)
    if as_json:
        emit_json(concept_json(concept))
    else:
        click.echo("\n".join(render_concept(concept)))


@main.command()
@_lang_options
@click.option("--id", "concept_id", help="Concept id (default: made from the English term).")
@click.option("--subject", help="Subject field, e.g. ministry, court, politics.")
@click.option("--definition")
@click.option("--note")
@click.option("--source", help="Where the equivalents come from, e.g. gov.kz.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored concept as JSON.")
@pass_env
def add(env, cell_en, cell_kk, cell_ru, concept_id, subject, definition, note, source, as_json) -> None:
    """Add a concept with terms in several languages.

    A TERMS value lists terms separated by " | ", each optionally followed by {status, type}:
    statuses preferred, admitted, deprecated, forbidden, proposed; types full, short, acronym,
    abbreviation, variant. The first term is preferred unless marked.

    \b
    termbase add --en "State Revenue Committee" --ru "Комитет государственных доходов" \\
                 --kk "Мемлекеттік кірістер комитеті" --source gov.kz
    """
    terms = _terms_from_cells({"en": cell_en, "kk": cell_kk, "ru": cell_ru})
    if not terms:
        raise click.UsageError("give at least one of --en, --kk, --ru")
    concept = Concept(
        concept_id,
        tuple(t for lang in terms for t in terms[lang]),
        subject=subject,
        definition=definition,
        note=note,
        source=source,
    )
    stored = env.store().concepts.add(concept)
    if as_json:
        emit_json(concept_json(stored))
    else:
        click.echo(f"Added {stored.id}.")


@main.command()
@click.argument("concept_id")
@_lang_options
@click.option("--subject")
@click.option("--definition")
@click.option("--note")
@click.option("--source")
@pass_env
def edit(env, concept_id, cell_en, cell_kk, cell_ru, subject, definition, note, source) -> None:
    """Change a concept: --en/--kk/--ru replace that language's terms; other options replace fields.

    An empty value ("") clears a field.
    """
    store = env.store()
    old = store.concepts.get(concept_id)
    replaced = _terms_from_cells({"en": cell_en, "kk": cell_kk, "ru": cell_ru})
    if not replaced and all(v is None for v in (subject, definition, note, source)):
        raise click.UsageError("nothing to change: give --en/--kk/--ru or a field option")
    terms = [t for t in old.terms if t.lang not in replaced]
    for lang_terms in replaced.values():
        terms.extend(lang_terms)

    def pick(new, current):
        return current if new is None else (new or None)

    concept = Concept(
        old.id,
        tuple(terms),
        subject=pick(subject, old.subject),
        definition=pick(definition, old.definition),
        note=pick(note, old.note),
        source=pick(source, old.source),
    )
    store.concepts.update(concept)
    click.echo(f"Updated {concept_id}.")


@main.command()
@click.argument("concept_ids", nargs=-1, required=True)
@pass_env
def remove(env, concept_ids) -> None:
    """Remove concepts by id (all or none)."""
    store = env.store()
    with store.atomic():
        for cid in concept_ids:
            store.concepts.remove(cid)
    click.echo(f"Removed {len(concept_ids)} concept(s).")


def _parse_langs(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [normalize_lang(x.strip()) for x in value.split(",") if x.strip()]


@main.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt_name", help="File format (default: by extension).")
@click.option(
    "--on-conflict",
    type=click.Choice(["error", "skip", "replace"]),
    default="error",
    show_default=True,
    help="What to do with a concept whose id is already in the termbase.",
)
@click.option("--tm", default="default", show_default=True, help="Translation memory to import TMX/PO units into.")
@click.option("--langs", help="Languages of a file that does not name them (OmegaT glossary: SRC,TGT).")
@pass_env
def import_(env, file: Path, fmt_name: str | None, on_conflict: str, tm: str, langs: str | None) -> None:
    """Import a termbase file (TBX, CSV, OmegaT glossary) or a translation memory (TMX, PO).

    The whole file is imported or nothing is: a bad line leaves the termbase unchanged.
    """
    from ..formats.base import format_for_path, get_format

    fmt = get_format(fmt_name) if fmt_name else format_for_path(file)
    store = env.store()
    start = time.perf_counter()
    if fmt.kind == "tm":
        added, skipped = store.memories.add_units(tm, fmt.read_units(file))
        click.echo(
            f"Imported {added} unit(s) into memory {tm!r} from {file}"
            + (f" ({skipped} already there)" if skipped else "")
            + f" in {time.perf_counter() - start:.1f}s."
        )
        return
    kwargs = {"langs": _parse_langs(langs)} if langs else {}
    try:
        counts = store.concepts.add_many(fmt.read_concepts(file, **kwargs), on_conflict=on_conflict)
    except ValidationError as exc:
        raise TermbaseError(f"{file}: {exc}; nothing imported (see --on-conflict)") from exc
    click.echo(f"Imported {counts.added + counts.replaced + counts.unchanged} concept(s) from {file}.")


@main.command()
@click.option("--format", "fmt_name", required=True, help="tbx, csv, omegat (termbase) or tmx, po (memory).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Output file (a folder for po).")
@click.option("--tm", default="default", show_default=True, help="Translation memory to export (tmx, po).")
@click.option("--langs", help="Languages, source first: e.g. en,kk,ru (omegat: exactly two).")
@pass_env
def export(env, fmt_name: str, output: Path, tm: str, langs: str | None) -> None:
    """Export the termbase (TBX-Basic, CSV, OmegaT glossary) or a translation memory (TMX, PO).

    Files are written to a temporary name and renamed, so a failed export leaves no half file.
    """
    from ..formats.base import get_format

    fmt = get_format(fmt_name)
    store = env.store()
    wanted = _parse_langs(langs)
    if fmt.kind == "tm":
        units = store.memories.iter_units(tm)
        first = next(units, None)
        if first is None:
            raise NotFound(f"translation memory {tm!r} is empty")
        source = wanted[0] if wanted else first.source_lang
        targets = wanted[1:] if wanted else [x for x in SUPPORTED if x != source]
        import itertools

        n = fmt.write_units(itertools.chain([first], units), output, source_lang=source, target_langs=targets)
        click.echo(f"Wrote {n} unit(s) of memory {tm!r} to {output}.")
        return
    if fmt.name == "omegat" and (not wanted or len(wanted) != 2):
        raise click.UsageError("an OmegaT glossary is for one language pair: give --langs SRC,TGT (e.g. en,kk)")
    n = fmt.write_concepts(store.concepts.iterate(), output, langs=wanted)
    click.echo(f"Wrote {n} concept(s) to {output}.")
