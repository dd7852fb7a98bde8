"""``termbase align``: sentence-align two or three translations into a translation memory."""

from __future__ import annotations

from pathlib import Path

import click

from . import emit_json, main, pass_env


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--langs", help="Languages of the files, in order (e.g. en,ru,kk). Default: detected.")
@click.option("--segmented", is_flag=True, help="The files hold one segment per line (blank line: new paragraph).")
@click.option("--json", "as_json", is_flag=True, help="Print the beads as JSON (indices into each file's segments).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the units as TMX (or PO, by extension).")
@click.option("--po", "po_dir", type=click.Path(file_okay=False, path_type=Path), help="Write DIR/LANG.po for each target language.")
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
@pass_env
def align(env, files, langs, segmented, as_json, output, po_dir, tm, no_store, min_score, pivot, no_terms) -> None:
    """Align FILES (two or three translations of one text) sentence by sentence.

    Languages are detected unless --langs gives them. Sentences are matched by length and by anchors
    they share: numbers, names (Tokayev / Токаев / Тоқаев) and the termbase's terms. The units are
    stored in the termbase's memory --tm (unless --no-store or there is no termbase). Without -o,
    --po or --json the aligned pairs are printed as tab-separated lines: score, then each language.

    \b
    Examples:
      termbase align speech.en.txt speech.ru.txt speech.kk.txt -o speech.tmx --tm speeches
      termbase align a.txt b.txt --segmented --json
    """
    from ..alignment import align_texts, default_anchors, guess_languages, termbase_anchors, units_from_alignment
    from ..formats.base import format_for_path, get_format
    from ..fsutil import read_text
    from ..languages import normalize_lang

    if not 2 <= len(files) <= 3:
        raise click.UsageError("give two or three files (the same text in different languages)")
    texts = [read_text(f) for f in files]
    if langs:
        codes = [normalize_lang(x.strip()) for x in langs.split(",") if x.strip()]
        if len(codes) != len(files) or len(set(codes)) != len(codes):
            raise click.BadParameter(f"give {len(files)} different languages, one per file", param_hint="--langs")
    else:
        codes = guess_languages(texts, [str(f) for f in files])
    pivot = normalize_lang(pivot) if pivot else None
    have_db = env.db_path.exists()
    # An explicit --tm needs a termbase (env.store() says how to create one); by default the
    # units go to memory 'default' when there is a termbase.
    store = not no_store and (tm is not None or have_db)
    termbase = env.store() if store or (have_db and not no_terms) else None
    anchors = default_anchors
    if not no_terms and termbase is not None:
        anchors = termbase_anchors(env.term_index().matcher())
    elif not no_terms:
        click.echo(f"Note: no termbase at {env.db_path}; aligning without its terms.", err=True)

    docs, alignment = align_texts(dict(zip(codes, texts)), segmented=segmented, anchors=anchors, pivot=pivot)
    source = pivot or ("en" if "en" in codes else codes[0])
    targets = [x for x in codes if x != source]
    document = files[codes.index(source)].name
    units = list(units_from_alignment(alignment, docs, document=document, min_score=min_score, source_lang=source))

    if as_json:
        emit_json(alignment.to_json())
    if output is not None:
        fmt = format_for_path(output, kind="tm")
        fmt.write_units(units, output, source_lang=source, target_langs=targets)
    if po_dir is not None:
        get_format("po").write_units(units, po_dir, source_lang=source, target_langs=targets)
    if store:
        tm = tm or "default"
        added, skipped = termbase.memories.add_units(tm, units)
        click.echo(f"Stored {added} unit(s) in memory {tm!r}" + (f" ({skipped} already there)." if skipped else "."), err=True)
    if not (as_json or output or po_dir):
        for bead in alignment.beads:
            if bead.score < min_score:
                continue
            cells = [" ".join(docs[lang][i].text for i in bead.links[lang]) for lang in codes]
            click.echo("\t".join([f"{bead.score:.2f}"] + cells))
    left_out = sum(1 for b in alignment.beads if sum(1 for ix in b.links.values() if ix) >= 2 and b.score < min_score)
    counts = ", ".join(f"{lang} {len(docs[lang])}" for lang in codes)
    click.echo(
        f"Aligned {counts} segments into {len(alignment.beads)} beads; {len(units)} unit(s)"
        + (f", {left_out} below --min-score {min_score:g} left out" if left_out else "")
        + ".",
        err=True,
    )
