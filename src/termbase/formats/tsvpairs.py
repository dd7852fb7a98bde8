"""Two-column TSV translation files: ``source<TAB>target``, one pair per line.

An optional first line names the columns' languages (``en<TAB>kk``) or just says
``source<TAB>target``. Blank lines are skipped. A line that does not have exactly two columns is an
error with its line number (so a glossary TSV passed by mistake is refused, not misread). An empty
target means untranslated. No quoting or escapes: tabs and newlines cannot occur inside a text.
Read as pairs to check, as translation-memory units (when the header names the languages) and as text.
"""

from __future__ import annotations

from typing import Iterator

from ..errors import ParseError, UnknownLanguage
from ..fsutil import Source
from ..languages import normalize_lang
from ..models import BilingualUnit
from .base import PairsFormat

__all__ = ["TsvPairsFormat"]


def _header_langs(cells: list[str]) -> tuple[str, str] | None:
    if [c.strip().lower() for c in cells] == ["source", "target"]:
        return ("", "")
    try:
        return normalize_lang(cells[0].strip()), normalize_lang(cells[1].strip())
    except UnknownLanguage:
        return None


def _pairs(src: Source) -> Iterator[BilingualUnit]:
    """Stream the pairs (``line`` is the file line); the languages come from a header line, else ``None``."""
    text = src.read_text(lines=True)
    source_lang = target_lang = None
    first = True
    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != 2:
            raise ParseError(src.name, f"expected 2 tab-separated columns (source, target), got {len(cells)}",
                             line=lineno)
        if first:
            first = False
            langs = _header_langs(cells)
            if langs is not None:
                source_lang, target_lang = (langs[0] or None), (langs[1] or None)
                continue
        source, target = cells[0].strip(), cells[1].strip()
        yield BilingualUnit(source=source, target=target, source_lang=source_lang, target_lang=target_lang,
                            line=lineno, translated=bool(target))


class TsvPairsFormat(PairsFormat):
    """Two-column TSV (source, target); not a glossary (see ``glossaries/README.md``)."""

    name = "tsv"
    extensions = ("tsv",)
    description = "two-column TSV (source<TAB>target)"
    reads = frozenset({"units", "pairs", "text"})

    def _read_pairs(self, src: Source, *, source_lang: str | None = None) -> Iterator[BilingualUnit]:
        return _pairs(src)
