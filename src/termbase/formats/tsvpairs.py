"""Two-column TSV translation files: ``source<TAB>target``, one pair per line, read for checking.

An optional first line names the columns' languages (``en<TAB>kk``) or just says
``source<TAB>target``. Blank lines are skipped. A line that does not have exactly two columns is an
error with its line number (so a glossary TSV passed by mistake is refused, not misread). An empty
target means untranslated. No quoting or escapes: tabs and newlines cannot occur inside a text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import ParseError, UnknownLanguage
from ..fsutil import read_text
from .base import BilingualUnit, Format, register

__all__ = ["read_tsv_bilingual", "TsvPairsFormat"]


def _header_langs(cells: list[str]) -> tuple[str, str] | None:
    if [c.strip().lower() for c in cells] == ["source", "target"]:
        return ("", "")
    from ..languages import normalize_lang

    try:
        return normalize_lang(cells[0].strip()), normalize_lang(cells[1].strip())
    except UnknownLanguage:
        return None


def read_tsv_bilingual(path: str | Path) -> Iterator[BilingualUnit]:
    """Stream a two-column TSV file as :class:`BilingualUnit` s (``line`` is the file line).

    ``source_lang``/``target_lang`` come from a language header line, else ``None``.
    """
    path = Path(path)
    text = read_text(path)
    src = tgt = None
    first = True
    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != 2:
            raise ParseError(path, f"expected 2 tab-separated columns (source, target), got {len(cells)}",
                             line=lineno)
        if first:
            first = False
            langs = _header_langs(cells)
            if langs is not None:
                src, tgt = (langs[0] or None), (langs[1] or None)
                continue
        source, target = cells[0].strip(), cells[1].strip()
        yield BilingualUnit(source=source, target=target, source_lang=src, target_lang=tgt,
                            line=lineno, translated=bool(target))


class TsvPairsFormat(Format):
    """Two-column TSV (source, target) for checking; not a glossary (see ``glossaries/README.md``)."""

    name = "tsv-pairs"
    extensions = ("tsv",)
    # Not "tm": a tab-separated TM or glossary import must never land here by extension.
    kind = "bilingual"
    description = "two-column TSV: source<TAB>target (read for checking)"

    def read_bilingual(self, path: Path) -> Iterator[BilingualUnit]:
        return read_tsv_bilingual(path)


register(TsvPairsFormat())
