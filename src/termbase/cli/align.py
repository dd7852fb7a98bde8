"""``termbase align``: sentence-align two or three translations into a translation memory."""

from __future__ import annotations

import click

from ..services import align_files
from .app import EXIT_FINDINGS, emit_json, main, pass_env, split_langs


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--langs", help="Languages of the files, in order (e.g. en,ru,kk). Default: detected.")
@click.option("--segmented", is_flag=True, help="The files hold one segment per line (blank line: new paragraph).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the segments, the beads (indices, texts, scores) and where the units went as JSON.")
@click.option("-o", "--output", help="Write the units as TMX (or PO, by extension).")
@click.option("--po", "po_dir", help="Write DIR/LANG.po for each target language.")
@click.option(
    "--tm",
    default=None,
    metavar="NAME",
    help="Translation memory of the termbase that stores the units [default: 'default', when a termbase exists].",
)
@click.option("--no-store", is_flag=True, help="Do not store the units in the termbase.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.0, show_default=True, help="Leave out units scored lower.")
@click.option("--pivot", help="With three files: the language the others are aligned to (default en).")
@click.option("--no-terms", is_flag=True, help="Do not use the termbase's terms as alignment anchors.")
@click.option("--force", is_flag=True, help="Store the units even when the files do not look like translations of each other.")
@pass_env
def align(env, files, langs, segmented, as_json, output, po_dir, tm, no_store, min_score, pivot, no_terms, force) -> None:
    """Align FILES (two or three translations of one text) sentence by sentence.

    Languages are detected unless --langs gives them. Sentences are matched by length and by anchors
    they share: numbers, names (Tokayev / Токаев / Тоқаев) and the termbase's terms. The units are
    stored in the termbase's memory --tm (unless --no-store or there is no termbase). Without -o,
    --po or --json the aligned pairs are printed as tab-separated lines: score, then each language.

    Scores say how likely a bead is right (0-1). When most beads score under 0.5 the files do not
    look like translations of each other: a warning says so, the units are not stored (unless
    --force) and the exit status is 1.

    \b
    Examples:
      termbase align speech.en.txt speech.ru.txt speech.kk.txt -o speech.tmx --tm speeches
      termbase align a.txt b.txt --segmented --json
    """
    if not 2 <= len(files) <= 3:
        raise click.UsageError("give two or three files (the same text in different languages)")
    # An explicit --tm needs a termbase (opening it says how to create one); by default the units go
    # to memory 'default' when there is a termbase.
    store = not no_store and (tm is not None or env.exists())
    ws = env.workspace() if store else (env.workspace_if_any() if not no_terms else None)
    result = align_files(
        files, ws=ws, langs=split_langs(langs), segmented=segmented, min_score=min_score, pivot=pivot,
        use_terms=not no_terms, memory=(tm or "default") if store else None, output=output, po_dir=po_dir,
        force=force, progress=env.progress(),
    )
    env.end_progress()
    if ws is None and not no_terms:
        click.echo(f"Note: no termbase at {env.shown}; aligned without its terms.", err=True)
    if as_json:
        emit_json(result.to_dict())
    if result.stored is not None:
        s = result.stored
        click.echo(f"Stored {s.added} unit(s) in memory {s.memory!r}" + (f" ({s.skipped} already there)." if s.skipped else "."),
                   err=True)
    if not (as_json or output or po_dir):
        for bead in result.alignment.beads:
            if bead.score < min_score:
                continue
            cells = [" ".join(result.segments[lang][i].text for i in bead.links[lang]) for lang in result.languages]
            click.echo("\t".join([f"{bead.score:.2f}"] + cells))
    counts = ", ".join(f"{lang} {len(result.segments[lang])}" for lang in result.languages)
    click.echo(
        f"Aligned {counts} segments into {len(result.alignment.beads)} beads; {len(result.units)} unit(s)"
        + (f", {result.left_out} below --min-score {min_score:g} left out" if result.left_out else "")
        + ".",
        err=True,
    )
    if result.unrelated:
        low, total = result.low_beads
        names = " and ".join(files)
        click.echo(
            f"Warning: {names} do not look like translations of each other ({low} of {total} aligned pairs "
            "score under 0.5)"
            + (f"; units not stored in memory {result.not_stored!r} (use --force to store them)"
               if result.not_stored else "")
            + ".",
            err=True,
        )
        if result.not_stored:
            click.get_current_context().exit(EXIT_FINDINGS)
