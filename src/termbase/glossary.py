"""The shipped glossaries: the curated ``glossaries/*.tsv`` files installed with termbase.

They are read by the glossary TSV format (:mod:`termbase.formats.glossary_tsv`), which also documents
the file syntax.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Iterator

from .errors import NotFound
from .fsutil import Source
from .models import Concept


def glossary_dir() -> Path:
    """Where the shipped glossaries are: inside the installed package, else the source checkout."""
    packaged = resources.files("termbase") / "glossaries"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "glossaries"
    if checkout.is_dir():
        return checkout
    raise NotFound("the shipped glossaries are missing from this installation (reinstall termbase)")


def glossary_files() -> list[Path]:
    return sorted(glossary_dir().glob("*.tsv"))


def load_shipped() -> Iterator[Concept]:
    """Every concept of every shipped glossary file."""
    from .formats.registry import get_format

    fmt = get_format("glossary")
    for path in glossary_files():
        yield from fmt.read_concepts(Source.of(path))
