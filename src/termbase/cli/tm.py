"""``termbase tm`` (list, stats, delete, fuzzy search, concordance) and ``termbase pretranslate``."""

from __future__ import annotations

import sys

import click

from ..services import (
    delete_memory, edit_unit, list_memories, list_units, memory_stats, pretranslate, remove_unit, search_memory,
    unit_to_dict,
)
from .app import TermbaseGroup, actor_of, emit_json, emit_json_line, main, pass_env, split_langs


@main.group(cls=TermbaseGroup)  # its own error boundary: hints name the subcommand's options
def tm() -> None:
    """Translation memories: list, stats, delete, search."""


@tm.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def tm_list(env, as_json: bool) -> None:
    """The memories of the termbase, with their units."""
    infos = list_memories(env.workspace())
    if as_json:
        emit_json([i.to_dict() for i in infos])
    elif not infos:
        click.echo("No translation memories.")
    else:
        for i in infos:
            click.echo(f"{i.name}\t{i.units} unit(s)\t{', '.join(f'{k} {v}' for k, v in i.texts.items())}")


@tm.command("stats")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def tm_stats(env, name: str, as_json: bool) -> None:
    """What memory NAME holds."""
    i = memory_stats(env.workspace(), name)
    if as_json:
        emit_json(i.to_dict())
        return
    click.echo(f"memory:   {i.name}")
    click.echo(f"units:    {i.units}")
    click.echo("texts:    " + ", ".join(f"{k} {v}" for k, v in i.texts.items()))
    click.echo("sources:  " + ", ".join(f"{k} {v}" for k, v in i.source_langs.items()))
    click.echo(f"created:  {i.created}")
    click.echo(f"modified: {i.modified}")


@tm.command("delete")
@click.argument("name")
@click.option("--yes", "yes", is_flag=True, help="Delete a memory that holds units.")
@click.option("--json", "as_json", is_flag=True, help='Print {"memory": NAME, "deleted_units": N}.')
@pass_env
def tm_delete(env, name: str, yes: bool, as_json: bool) -> None:
    """Delete memory NAME and its units."""
    n = delete_memory(env.workspace(), name, confirmed=yes)
    if as_json:
        emit_json({"memory": name, "deleted_units": n})
    else:
        click.echo(f"Deleted memory {name!r} ({n} unit(s)).")


@tm.command("units")
@click.argument("name")
@click.option("--max-score", type=click.FloatRange(0, 1), help="Only units aligned with a score under this (doubtful).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_env
def tm_units(env, name: str, max_score, limit: int, offset: int, as_json: bool) -> None:
    """The units of memory NAME with their ids and alignment scores (review before exporting).

    \b
    termbase tm units speeches --max-score 0.5
    """
    page = list_units(env.workspace(), name, max_score=max_score, limit=limit, offset=offset)
    if as_json:
        emit_json(page.to_dict())
        return
    for u in page.units:
        score = f"{u.score:.2f}" if u.score is not None else "  - "
        click.echo(f"#{u.id}\t{score}\t" + "\t".join(f"{lang}: {text}" for lang, text in sorted(u.texts.items())))
    shown = f"{offset + 1}-{offset + len(page.units)}" if page.units else "none"
    click.echo(f"{page.total} unit(s)" + (f" under {max_score:g}" if max_score is not None else "")
               + f"; shown {shown}.", err=True)


@tm.command("edit-unit")
@click.argument("unit_id", type=int)
@click.argument("texts", nargs=-1, required=True, metavar="LANG=TEXT...")
@click.option("--by", "actor", help="Who makes the change [default: $USER].")
@click.option("--json", "as_json", is_flag=True, help="Print the unit as JSON.")
@pass_env
def tm_edit_unit(env, unit_id: int, texts, actor, as_json: bool) -> None:
    """Correct the texts of unit UNIT_ID (LANG= with nothing drops that language)."""
    pairs = {}
    for item in texts:
        lang, sep, text = item.partition("=")
        if not sep or not lang.strip():
            raise click.UsageError(f"{item!r}: give LANG=TEXT, e.g. ru='Правительство'")
        pairs[lang.strip()] = text
    unit = edit_unit(env.workspace(), unit_id, pairs, actor=actor_of(actor))
    if as_json:
        emit_json(unit_to_dict(unit))
    else:
        click.echo(f"Changed unit #{unit.id}.")


@tm.command("remove-unit")
@click.argument("unit_id", type=int)
@click.option("--by", "actor", help="Who makes the change [default: $USER].")
@click.option("--json", "as_json", is_flag=True, help="Print the removed unit as JSON.")
@pass_env
def tm_remove_unit(env, unit_id: int, actor, as_json: bool) -> None:
    """Remove unit UNIT_ID from its memory (the change is recorded)."""
    unit = remove_unit(env.workspace(), unit_id, actor=actor_of(actor))
    if as_json:
        emit_json(unit_to_dict(unit))
    else:
        click.echo(f"Removed unit #{unit.id}.")


@tm.command("search")
@click.argument("text")
@click.option("--tm", "memory", required=True, metavar="NAME", help="The memory to search.")
@click.option("--lang", help="Language of TEXT (en, kk, ru); default: detected.")
@click.option("--target-lang", "target_lang", metavar="L1,L2", help="Only units with a text in these languages.")
@click.option("--min-score", type=click.IntRange(0, 100), default=70, show_default=True,
              help="Fuzzy matches scoring less are left out.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most this many matches (default: 10 fuzzy matches, 1000 concordance units).")
@click.option("--concordance", is_flag=True, help="TEXT is words: list every unit holding them in any inflected form.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with TEXT -, one JSON object per line).")
@pass_env
def tm_search(env, text, memory, lang, target_lang, min_score, limit, concordance, as_json):
    """Fuzzy matches of TEXT in a memory, best first, or a concordance of words (--concordance).

    The score is the word-level edit distance between TEXT and a unit's text, words compared
    case-folded and punctuation left out, as a share of the longer one's words:
    100 x (1 - distance / max(words)), rounded down (as OmegaT computes its fuzzy match). 100 is
    the same text; the same words with other punctuation or capitals score 99. The units compared are
    the ones sharing TEXT's rarest words, from the memory's index.

    A concordance lists every unit holding all the words in any inflected form (Kazakh "үкімет"
    finds "үкіметінің", Russian "правительство" finds "правительством"), with the spans found.

    TEXT - reads one query per line from standard input (JSON: one object per line).

    JSON: {"query", "lang", "matches": [{"unit_id", "score", "source": {"lang", "text"}, "targets":
    {"ru": ..., "kk": ...}, "spans" (concordance)}]}
    """
    ws = env.workspace()
    if limit is None:
        limit = 1000 if concordance else 10
    targets = split_langs(target_lang)
    queries = (line.rstrip("\n") for line in sys.stdin) if text == "-" else [text]
    for query in queries:
        if text == "-" and not query.strip():
            continue
        result = search_memory(ws, query, memory, lang=lang, target_langs=targets, min_score=min_score, limit=limit,
                               concordance_of_words=concordance)
        if as_json:
            (emit_json_line if text == "-" else emit_json)(result.to_dict())
            continue
        if text == "-":
            click.echo(f"query: {query}")
        if not result.matches:
            click.echo("No matches." if not concordance else "No units hold these words.")
        for m in result.matches:
            head = f"{m.score:>3}%" if m.score is not None else f"#{m.unit_id}"
            shown = m.source
            for a, b in reversed(m.spans):
                shown = shown[:a] + "[" + shown[a:b] + "]" + shown[b:]
            click.echo(f"{head}  {m.lang}  {shown}")
            for code, target in m.targets.items():
                click.echo(f"      {code}  {target}")


@main.command("pretranslate")
@click.argument("file")
@click.option("--tm", "memory", required=True, metavar="NAME", help="The memory to take translations from.")
@click.option("-o", "--output", default="-", show_default=True, help="Where to write the file (- is standard output).")
@click.option("--target-lang", "target_lang", help="Language to fill when the file does not say it.")
@click.option("--source-lang", "source_lang", help="Language of the sources when the file does not say it.")
@click.option("--min-score", type=click.IntRange(0, 100), default=75, show_default=True,
              help="Fuzzy matches scoring less are not used.")
@click.option("--overwrite", is_flag=True, help="Replace translations that are already there.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on standard output (needs -o FILE).")
@pass_env
def pretranslate_(env, file, memory, output, target_lang, source_lang, min_score, overwrite, as_json):
    """Fill the untranslated units of a PO/POT or XLIFF 1.2/2.0 FILE from a translation memory.

    Each untranslated unit gets the target of its best fuzzy match (see "termbase tm search"):
    a 100% match is final; a lesser one is marked for review (PO: "#, fuzzy" and a "# termbase: NN%
    match" comment; XLIFF 1.2: state="needs-review-translation" with a note; XLIFF 2.0:
    state="initial" with a note). The termbase's terms found in the source are listed in a
    translator comment ("National Security Committee = Комитет национальной безопасности").
    Translated units are kept unless --overwrite. Nothing is written if FILE cannot be read.

    The summary goes to standard error (with --json, as JSON to standard output).
    """
    if as_json and output == "-":
        raise click.UsageError("--json prints the summary on standard output: write the file with -o FILE")
    result = pretranslate(env.workspace(), file, memory, output=output, target_lang=target_lang,
                          source_lang=source_lang, min_score=min_score, overwrite=overwrite, progress=env.progress())
    env.end_progress()
    s = result.stats
    if as_json:
        emit_json(result.to_dict())
        return
    where = "" if output == "-" else f" to {output}"
    click.echo(f"Pre-translated {result.file}{where}: {s.units} unit(s), {s.exact} exact, {s.fuzzy} fuzzy "
               f"(to review), {s.empty} left empty, {s.kept} already translated.", err=True)
