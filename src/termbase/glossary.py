"""The shipped glossaries (``glossaries/*.tsv``): parsing and validation of their reviewable TSV format.

The format is described in ``glossaries/README.md``: one concept per row, columns
``id subject en kk ru note source``, term cells like
``Assembly of People of Kazakhstan | APK {acronym} | Assembly of Peoples of Kazakhstan {deprecated}``.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Iterator

from .errors import ParseError
from .fsutil import read_text
from .models import STATUSES, Concept, Term

COLUMNS = ("id", "subject", "en", "kk", "ru", "note", "source")
LANGS = ("en", "kk", "ru")
TYPE_NAMES = {"full": "full", "short": "short", "acronym": "acronym", "abbreviation": "abbreviation", "variant": "variant"}

_TERM_RE = re.compile(r"^(?P<text>.*?)\s*(?:\{(?P<attrs>[^{}]*)\})?\s*$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def glossary_dir() -> Path:
    """Where the shipped glossaries are: inside the installed package, else the source checkout."""
    packaged = resources.files("termbase") / "glossaries"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "glossaries"
    if checkout.is_dir():
        return checkout
    raise ParseError(None, "the shipped glossaries are missing from this installation (reinstall termbase)")


def glossary_files() -> list[Path]:
    return sorted(glossary_dir().glob("*.tsv"))


def load_shipped() -> Iterator[Concept]:
    """Every concept of every shipped glossary file."""
    for path in glossary_files():
        yield from read_glossary(path)


def parse_cell(cell: str, lang: str, *, path: Path | str | None = None, line: int | None = None) -> list[Term]:
    """Terms of one cell: ``"Senate | Сенат {short, admitted}"`` -> [Term, Term].

    The first term defaults to ``preferred``, the others to ``admitted``; type defaults to ``full``.
    """
    terms: list[Term] = []
    for i, raw in enumerate(part.strip() for part in cell.split(" | ")):
        if not raw:
            raise ParseError(path, f"empty term in {lang} cell", line=line)
        m = _TERM_RE.match(raw)
        assert m is not None  # the pattern matches any string
        text = m.group("text").strip()
        if not text or "{" in text or "}" in text or "|" in text:
            raise ParseError(path, f"bad term {raw!r} in {lang} cell", line=line)
        status = "preferred" if i == 0 else "admitted"
        typ = "full"
        for attr in filter(None, (a.strip() for a in (m.group("attrs") or "").split(","))):
            if attr in STATUSES:
                status = attr
            elif attr in TYPE_NAMES:
                typ = TYPE_NAMES[attr]
            else:
                raise ParseError(
                    path,
                    f"unknown attribute {{{attr}}} on {text!r} (statuses: {', '.join(STATUSES)}; "
                    f"types: {', '.join(TYPE_NAMES)})",
                    line=line,
                )
        terms.append(Term(lang, text, status, typ))
    return terms


def read_glossary(path: str | Path) -> Iterator[Concept]:
    """Parse one glossary TSV file; any problem raises ``ParseError`` with the file and line."""
    path = Path(path)
    text = read_text(path)
    lines = text.splitlines()
    header = lines[0].split("\t")
    if tuple(header) != COLUMNS:
        raise ParseError(path, f"header must be {' '.join(COLUMNS)} (tab-separated), got {' '.join(header)}", line=1)
    for lineno, row in enumerate(lines[1:], start=2):
        if not row.strip() or row.startswith("#"):
            continue
        cells = row.split("\t")
        if len(cells) != len(COLUMNS):
            raise ParseError(path, f"expected {len(COLUMNS)} tab-separated columns, got {len(cells)}", line=lineno)
        rec = dict(zip(COLUMNS, (c.strip() for c in cells)))
        if not _ID_RE.match(rec["id"]):
            raise ParseError(path, f"bad id {rec['id']!r}: lowercase ASCII letters, digits and '-'", line=lineno)
        terms: list[Term] = []
        for lang in LANGS:
            if not rec[lang]:
                raise ParseError(path, f"concept {rec['id']!r} has no {lang} term", line=lineno)
            terms.extend(parse_cell(rec[lang], lang, path=path, line=lineno))
        yield Concept(
            id=rec["id"],
            terms=tuple(terms),
            subject=rec["subject"] or None,
            note=rec["note"] or None,
            source=rec["source"] or None,
        )
