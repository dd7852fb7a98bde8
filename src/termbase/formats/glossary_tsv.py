"""Glossary TSV: the reviewable text format of the shipped glossaries (``glossaries/*.tsv``).

One concept per row, UTF-8, tab-separated, the header ``id subject scope en kk ru note source``
(files without the ``scope`` column, ``id subject en kk ru note source``, are read too), or with a
``kk-Latn`` column after ``ru`` for Kazakh terms in Latin script: ``id subject scope en kk ru kk-Latn
note source``. The writer adds that column only when a concept it writes has a ``kk-Latn`` term (or
``langs`` asks for it), so a glossary without Latin terms keeps the usual columns; a term cell
lists terms separated by `` | ``, each optionally followed by ``{status, type}``::

    Assembly of People of Kazakhstan | APK {acronym} | Assembly of Peoples of Kazakhstan {deprecated}

The first term of a cell defaults to ``preferred``, the others to ``admitted``; the type to ``full``
(``glossaries/README.md`` describes the format for reviewers). A language cell may be empty when the
concept has no term in that language (the shipped glossary's own rule that every concept has all three
is checked by its tests). Lines that are empty or start with ``#`` are skipped. In the ``note`` and
``source`` columns, ``\\n``, ``\\t`` and ``\\\\`` stand for a line break, a tab and a backslash.

Only what the columns hold is kept: a term's part of speech and note, the concept's definition and
terms in other languages are not carried (the writer leaves them out).

>>> [(t.text, t.status, t.type) for t in parse_cell("Сенат | Парламент Сенаты {proposed, short}", "kk")]
[('Сенат', 'preferred', 'full'), ('Парламент Сенаты', 'proposed', 'short')]
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ParseError, ValidationError
from ..fsutil import Source, atomic_write
from ..models import STATUSES, TERM_TYPES, Concept, Term, validate_concept_id
from ..languages import normalize_lang
from .base import Format, keep_langs, validated

__all__ = ["GlossaryFormat", "COLUMNS", "COLUMNS_WITH_LATIN", "LANGS", "parse_cell", "format_cell"]

COLUMNS = ("id", "subject", "scope", "en", "kk", "ru", "note", "source")
#: The columns before the scope column (``scope``: the concept's jurisdiction, e.g. ``KZ``) was added.
COLUMNS_WITHOUT_SCOPE = tuple(c for c in COLUMNS if c != "scope")
#: The columns with Kazakh in Latin script (``kk-Latn``), written when a concept has such terms.
COLUMNS_WITH_LATIN = ("id", "subject", "scope", "en", "kk", "ru", "kk-Latn", "note", "source")
LANGS = ("en", "kk", "ru")
_ALL_LANGS = (*LANGS, "kk-Latn")
_HEADER = "\t".join(COLUMNS)
_HEADERS = (_HEADER.encode(), "\t".join(COLUMNS_WITHOUT_SCOPE).encode(), "\t".join(COLUMNS_WITH_LATIN).encode())
_LATIN_CELL = COLUMNS_WITH_LATIN.index("kk-Latn")
_TERM_RE = re.compile(r"^(?P<text>.*?)\s*(?:\{(?P<attrs>[^{}]*)\})?\s*$")
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}
_ESCAPE_RE = re.compile(r"\\(.)")


class GlossaryFormat(Format):
    """The glossary TSV of ``glossaries/``: recognised by its header line."""

    name = "glossary"
    extensions = ("tsv",)
    description = "glossary TSV (id, subject, scope, en, kk, ru, [kk-Latn,] note, source)"
    reads = frozenset({"concepts"})
    writes = frozenset({"concepts"})

    def sniff(self, head: bytes) -> bool:
        first = head.split(b"\n", 1)[0].rstrip(b"\r").removeprefix(b"\xef\xbb\xbf")
        return first in _HEADERS

    def _read_concepts(self, src: Source, *, langs: list[str] | None = None) -> Iterator[Concept]:
        """The concepts of a glossary file; any problem is a ``ParseError`` with the file and line."""
        return keep_langs(_read(src), langs)

    def _write_concepts(self, concepts: Iterable[Concept], dest: str | Path, *, langs: list[str] | None = None) -> int:
        """Write ``concepts`` (their en/kk/ru/kk-Latn terms, or those of ``langs``); the number written.

        The ``kk-Latn`` column is written when ``langs`` names it or, without ``langs``, when some
        concept has a ``kk-Latn`` term (rows are spooled to a temporary file until that is known).
        A concept without an id or with none of those terms, or a term whose text holds a tab, a line
        break, ``|``, ``{`` or ``}``, is a ``ValidationError`` (the cell syntax cannot carry it).
        """
        chosen = [normalize_lang(code) for code in langs] if langs else None
        wanted = [lang for lang in _ALL_LANGS if chosen is None or lang in chosen]
        written = 0
        latin = chosen is not None and "kk-Latn" in chosen
        with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
            for concept in concepts:
                cells = {lang: format_cell([t for t in concept.terms if t.lang == lang], concept) for lang in wanted}
                if not any(cells.values()):
                    if langs is None:
                        raise ValidationError(
                            f"concept {concept.id!r} has no en, kk, ru or kk-Latn term; a glossary cannot hold it")
                    continue
                if not concept.id:
                    raise ValidationError("a glossary row needs a concept id")
                validate_concept_id(concept.id)
                latin = latin or bool(cells.get("kk-Latn"))
                row = [concept.id, _escape(concept.subject), concept.scope or ""]
                row += [cells.get(lang, "") for lang in _ALL_LANGS]
                row += [_escape(concept.note), _escape(concept.source)]
                spool.write("\t".join(row) + "\n")  # the columns of COLUMNS_WITH_LATIN
                written += 1
            spool.seek(0)
            with atomic_write(dest, "w", encoding="utf-8") as fh:
                fh.write("\t".join(COLUMNS_WITH_LATIN if latin else COLUMNS) + "\n")
                for line in spool:
                    if not latin:  # no cell holds a tab (escaped or refused): the column is the 7th
                        cells = line.split("\t")
                        del cells[_LATIN_CELL]
                        line = "\t".join(cells)
                    fh.write(line)
        return written


def parse_cell(cell: str, lang: str, *, path: str | None = None, line: int | None = None) -> list[Term]:
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
            elif attr in TERM_TYPES:
                typ = attr
            else:
                raise ParseError(
                    path,
                    f"unknown attribute {{{attr}}} on {text!r} (statuses: {', '.join(STATUSES)}; "
                    f"types: {', '.join(TERM_TYPES)})",
                    line=line,
                )
        terms.append(Term(lang, text, status, typ))
    return terms


def format_cell(terms: list[Term], concept: Concept | None = None) -> str:
    """The cell of ``terms`` (one language), attributes written only where they differ from the
    defaults, so that :func:`parse_cell` gives the same statuses and types back.

    >>> format_cell([Term("en", "Senate"), Term("en", "SEN", "admitted", "acronym"), Term("en", "X", "deprecated")])
    'Senate | SEN {acronym} | X {deprecated}'
    """
    parts = []
    for i, term in enumerate(terms):
        if concept is not None:
            term.validate(concept_id=concept.id)
        if any(c in term.text for c in "\t\n\r|{}"):
            where = f"concept {concept.id!r}: " if concept is not None else ""
            raise ValidationError(f"{where}term {term.text!r} holds a tab, line break, '|', '{{' or '}}'")
        attrs = []
        if term.status != ("preferred" if i == 0 else "admitted"):
            attrs.append(term.status)
        if term.type != "full":
            attrs.append(term.type)
        parts.append(term.text + (f" {{{', '.join(attrs)}}}" if attrs else ""))
    return " | ".join(parts)


def _read(src: Source) -> Iterator[Concept]:
    lines = src.read_text(lines=True).splitlines()
    header = tuple(lines[0].removeprefix("\ufeff").split("\t"))
    if header not in (COLUMNS, COLUMNS_WITHOUT_SCOPE, COLUMNS_WITH_LATIN):
        raise ParseError(src.name, f"header must be {' '.join(COLUMNS)} (tab-separated; kk-Latn may follow ru), "
                                   f"got {' '.join(header)}", line=1)
    langs = [lang for lang in _ALL_LANGS if lang in header]
    columns = header
    for lineno, row in enumerate(lines[1:], start=2):
        if not row.strip() or row.startswith("#"):
            continue
        cells = row.split("\t")
        if len(cells) != len(columns):
            raise ParseError(src.name, f"expected {len(columns)} tab-separated columns, got {len(cells)}", line=lineno)
        rec = dict(zip(columns, (c.strip() for c in cells)))
        if not rec["id"]:
            raise ParseError(src.name, "empty id", line=lineno)
        terms: list[Term] = []
        for lang in langs:
            if rec[lang]:
                terms.extend(parse_cell(rec[lang], lang, path=src.name, line=lineno))
        if not terms:
            raise ParseError(src.name, f"concept {rec['id']!r} has no term", line=lineno)
        concept = Concept(
            id=rec["id"],
            terms=tuple(terms),
            subject=_unescape(rec["subject"]) or None,
            note=_unescape(rec["note"]) or None,
            source=_unescape(rec["source"]) or None,
            scope=rec.get("scope") or None,
        )
        yield validated(concept, src.name, lineno)


def _escape(value: str | None) -> str:
    if not value:
        return ""
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value
    return _ESCAPE_RE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), value)
