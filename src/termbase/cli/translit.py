"""``termbase translit``: Kazakh between the Cyrillic and the Latin (2021) alphabets."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ..services.translit import transliterate, transliterate_source
from .app import emit_json, main


# An argument that names a file (a folder step or a text file's extension, no space) is read as a
# file, so a mistyped name is an error instead of being transliterated as text.
_LOOKS_LIKE_PATH = re.compile(r"[^\s]*(?:/[^\s]*|\.(?:txt|md|po|pot|tsv|csv|xml|html?|json))")


@main.command()
@click.argument("text")
@click.option("--to", "to", type=click.Choice(["latn", "cyrl"]), required=True,
              help="latn: the Latin alphabet of 2021; cyrl: Cyrillic.")
@click.option("--from-alphabet", "variant", type=click.Choice(["2021", "2018", "2017"]), default=None,
              help="Read Latin input as this alphabet (default: by its marks, else 2021).")
@click.option("-o", "--output", help="Write the result to this file (default: standard output).")
@click.option("--json", "as_json", is_flag=True, help="Print {to, read_as, text, output} as JSON.")
def translit(text, to, variant, output, as_json) -> None:
    """Transliterate Kazakh TEXT (a text, a FILE, or - for standard input) to Latin or Cyrillic.

    \b
    Cyrillic -> Latin follows the official 2021 table (31 letters: Ä Ğ I/ı İ/i Ñ Ö Ş Ū Ü ...);
    the letters it lacks, in Russian loanwords, are written ц ts, ч ch, щ şş, ё io, ю iu, я ia,
    э e, ь and ъ dropped. Latin -> Cyrillic reads the 2021 letters and, as input, the 2017
    apostrophe ("Respy'bli'kasy") and 2018 acute-accent ("Respýblıkasy") spellings.
    """
    if text == "-" or Path(text).is_file() or _LOOKS_LIKE_PATH.fullmatch(text):
        result = transliterate_source(text, to, variant=variant, output=output)
    else:
        result = transliterate(text, to, variant=variant, output=output)
    if as_json:
        emit_json(result.to_dict())
    elif result.output is None:
        click.echo(result.text, nl=not result.text.endswith("\n"))
    else:
        click.echo(f"Wrote {result.output}.", err=True)
