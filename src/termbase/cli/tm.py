"""``termbase tm``: translation memories — list, stats, delete, fuzzy search and concordance."""

from __future__ import annotations

import sys

import click

from ..services import delete_memory, list_memories, memory_stats, search_memory
from .app import TermbaseGroup, emit_json, emit_json_line, main, pass_env, split_langs


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
@pass_env
def tm_delete(env, name: str, yes: bool) -> None:
    """Delete memory NAME and its units."""
    n = delete_memory(env.workspace(), name, confirmed=yes)
    click.echo(f"Deleted memory {name!r} ({n} unit(s)).")


@tm.command("search")
@click.argument("text")
@click.option("--tm", "memory", required=True, metavar="NAME", help="The memory to search.")
@click.option("--lang", help="Language of TEXT (en, kk, ru); default: detected.")
@click.option("--target-lang", "target_lang", metavar="L1,L2", help="Only units with a text in these languages.")
@click.option("--min-score", type=click.IntRange(0, 100), default=70, show_default=True,
              help="Fuzzy matches scoring less are left out.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="At most this many matches.")
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
