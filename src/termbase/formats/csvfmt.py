"""CSV termbases: one concept per row, for spreadsheets.

Header and columns::

    id,subject,definition,note,source,en,en_status,en_type,en_2,en_2_status,en_2_type,kk,kk_status,...

- ``id, subject, definition, note, source``: the concept fields (always written; empty = none);
  ``scope`` (the concept's jurisdiction, ``KZ``) after them when some concept written has one.
- Per language, one group of columns per term slot: ``en`` (the term), ``en_status``, ``en_type``,
  plus ``en_pos`` and ``en_note`` when some term of that language has a part of speech or a note.
  The second term is ``en_2``, ``en_2_status`` ...; the writer makes as many slots as the concept
  with most terms in that language needs. Terms keep their order.
- Statuses: preferred, admitted, proposed, deprecated, forbidden. Types: full, short, acronym,
  abbreviation, variant (see ``termbase.models``).

Encoding: UTF-8 **with a BOM**, CRLF line ends, RFC 4180 quoting (``"`` doubled, fields with commas,
quotes or line breaks quoted). The BOM is what makes Excel open the file as UTF-8; without it Excel
reads Kazakh and Russian as mojibake in the system code page. Every CSV reader we care about
(Python's ``utf-8-sig``, LibreOffice, pandas) skips the BOM.

Reading accepts the file with or without BOM (or UTF-16 with BOM), columns in any order, language
codes or names like ``kk-KZ``, ``kaz`` or ``Kazakh`` (``termbase.languages.normalize_lang``), and ``;`` as
the separator when the header has no comma (what Excel saves in Russian and Kazakh locales). Empty
status means ``preferred`` for the first term of a language in the row and ``admitted`` for the
others; empty type means ``full``. Values are stripped of leading and trailing white space. Errors
are ``ParseError``\\ s with the line: an unknown column (line 1), a language termbase does not
support, a bad status or type, a status without a term, a row with more fields than the header or
without any term.

The file is read whole into memory (termbase CSV files are spreadsheet-sized); concepts are yielded
one by one. The writer spools rows to a temporary file first, because the header must list the
largest number of term slots, known only after the last concept.

Example::

    >>> get_format("csv").write_concepts(tb.iter_concepts(), Path("terms.csv"))  # doctest: +SKIP
    42
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ParseError, UnknownLanguage, ValidationError
from ..fsutil import Source, atomic_write
from ..languages import normalize_lang
from ..models import STATUSES, TERM_TYPES, Concept, Term
from .base import Format, keep_langs
from .tbx import language_order

#: Concept columns, in the order written.
CONCEPT_COLUMNS = ("id", "subject", "definition", "note", "source")
#: Concept columns read, and written when some concept has a value: the scope.
OPTIONAL_COLUMNS = ("scope",)
#: Per-term attribute columns; the term text column has no suffix.
TERM_ATTRIBUTES = ("status", "type", "pos", "note")
# A language code or name ("kk", "kk-KZ", "Kazakh", "қазақша"), a term number, an attribute.
_LANG_COLUMN = re.compile(
    r"(?P<lang>[^\W\d_]+(?:-[A-Za-z0-9]{1,8})*)(?:_(?P<slot>[0-9]+))?(?:_(?P<attr>status|type|pos|note))?\Z"
)
_LANG_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")


def column_name(lang: str, slot: int, attr: str | None = None) -> str:
    """Header name of a term column.

    >>> column_name("en", 1), column_name("kk", 2, "status")
    ('en', 'kk_2_status')
    """
    base = lang if slot == 1 else f"{lang}_{slot}"
    return f"{base}_{attr}" if attr else base


class CsvFormat(Format):
    """One concept per row; several terms per language in numbered column groups."""

    name = "csv"
    extensions = ("csv",)
    description = "CSV, one concept per row (UTF-8 with BOM, for Excel and LibreOffice)"
    reads = frozenset({"concepts"})
    writes = frozenset({"concepts"})

    def sniff(self, head: bytes) -> bool:
        first = head.split(b"\n", 1)[0].removeprefix(b"\xef\xbb\xbf").lower()
        return first.startswith((b"id,subject,", b"id;subject;"))

    # -- writing ---------------------------------------------------------------------------------

    def _write_concepts(self, concepts: Iterable[Concept], path: str | Path, *, langs: list[str] | None = None) -> int:
        """Write ``concepts`` and return how many rows were written.

        With ``langs`` only those languages are written, in that order, and concepts without a term
        in them are left out. Without it, every language present is written (en, kk, ru first).
        """
        langs = [normalize_lang(code) for code in langs] if langs else None
        slots: dict[str, int] = {}
        with_pos: set[str] = set()
        with_note: set[str] = set()
        with_scope = False
        written = 0
        with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
            for concept in concepts:
                by_lang: dict[str, list[list[str | None]]] = {}
                for term in concept.terms:
                    if langs is not None and term.lang not in langs:
                        continue
                    _check_term(term, concept)
                    by_lang.setdefault(term.lang, []).append([term.text, term.status, term.type, term.pos, term.note])
                    if term.pos:
                        with_pos.add(term.lang)
                    if term.note:
                        with_note.add(term.lang)
                if not by_lang:
                    if langs is None:
                        raise ValidationError(f"concept {concept.id!r} has no terms")
                    continue
                for lang, terms in by_lang.items():
                    slots[lang] = max(slots.get(lang, 0), len(terms))
                fields = [concept.id, concept.subject, concept.definition, concept.note, concept.source,
                          concept.scope]
                with_scope = with_scope or bool(concept.scope)
                spool.write(json.dumps([fields, by_lang], ensure_ascii=False) + "\n")
                written += 1
            order = language_order(slots, langs)
            attrs = {
                lang: [a for a in TERM_ATTRIBUTES if a in ("status", "type") or
                       (a == "pos" and lang in with_pos) or (a == "note" and lang in with_note)]
                for lang in order
            }
            header = list(CONCEPT_COLUMNS) + (["scope"] if with_scope else [])
            for lang in order:
                for slot in range(1, slots[lang] + 1):
                    header.append(column_name(lang, slot))
                    header.extend(column_name(lang, slot, a) for a in attrs[lang])
            spool.seek(0)
            with atomic_write(path, "w", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow(header)
                for line in spool:
                    fields, by_lang = json.loads(line)
                    row = [v or "" for v in (fields if with_scope else fields[:-1])]
                    for lang in order:
                        terms = by_lang.get(lang, [])
                        for slot in range(slots[lang]):
                            if slot < len(terms):
                                text, status, ttype, pos, note = terms[slot]
                                values = {"status": status, "type": ttype, "pos": pos, "note": note}
                                row.append(text)
                                row.extend(values[a] or "" for a in attrs[lang])
                            else:
                                row.extend([""] * (1 + len(attrs[lang])))
                    writer.writerow([neutralise_formula(v) for v in row])
        return written

    # -- reading ---------------------------------------------------------------------------------

    def _read_concepts(self, src: Source, *, langs: list[str] | None = None) -> Iterator[Concept]:
        """Yield one concept per non-empty row. ``langs`` keeps only those languages' terms."""
        yield from keep_langs(_read_concepts(src), langs)


def _read_concepts(src: Source) -> Iterator[Concept]:
    path = src.name
    text = src.read_text(lines=True)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if "," not in first_line and ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = _rows(reader, path)
    try:
        line, header = next(rows)
    except StopIteration:
        raise ParseError(path, "no header line") from None
    columns = _parse_header(header, path)
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        yield _concept(row, columns, len(header), path, line)


def _check_term(term: Term, concept: Concept) -> None:
    term.validate(concept_id=concept.id)
    if not _LANG_CODE.match(term.lang):
        raise ValidationError(f"concept {concept.id!r}: language {term.lang!r} cannot name a CSV column")


def _rows(reader, path: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, fields) of each record; a quoted field may span several lines."""
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ParseError(path, f"malformed CSV: {exc}", line=reader.line_num) from exc
        yield start, row
        start = reader.line_num + 1


# A column is ("field", name) or ("term", lang, slot, attr) with attr None for the term text.
Column = tuple


def _parse_header(header: list[str], path: str) -> list[Column]:
    columns: list[Column] = []
    seen: dict[tuple, str] = {}
    for raw in header:
        name = raw.strip()
        key = name.lower()
        if key in CONCEPT_COLUMNS or key in OPTIONAL_COLUMNS:
            col: Column = ("field", key)
        else:
            m = _LANG_COLUMN.match(name)
            unknown = ParseError(
                path,
                f"unknown column {name!r}; expected {', '.join(CONCEPT_COLUMNS)} and language columns "
                "such as en, en_status, en_type, en_pos, en_note, en_2, en_2_status",
                line=1,
            )
            if not m:
                raise unknown
            try:
                lang = normalize_lang(m.group("lang"))
            except UnknownLanguage as exc:
                if len(m.group("lang")) > 3 and not m.group("slot") and not m.group("attr"):
                    raise unknown from exc  # a word like "comments", not a language code
                raise ParseError(path, f"column {name!r}: {exc}", line=1) from exc
            slot = int(m.group("slot") or 1)
            if slot < 1:
                raise ParseError(path, f"column {name!r}: term numbers start at 2 (the first has none)", line=1)
            col = ("term", lang, slot, m.group("attr"))
        if col in seen:
            raise ParseError(path, f"columns {seen[col]!r} and {name!r} say the same thing", line=1)
        seen[col] = name
        columns.append(col)
    for col, name in seen.items():
        if col[0] == "term" and col[3] is not None and ("term", col[1], col[2], None) not in seen:
            raise ParseError(path, f"column {name!r} without its term column {column_name(col[1], col[2])!r}", line=1)
    return columns


# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): starting with = + - @, a tab or
# a carriage return, after any quotes (so that a value starting with ' comes back unchanged too).
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def neutralise_formula(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet runs: a ``'`` (a text marker to spreadsheets) before a
    value that starts like a formula; :func:`restore_formula` takes it off.

    >>> neutralise_formula("=HYPERLINK(1)"), neutralise_formula("-2+3"), neutralise_formula("Senate")
    ("'=HYPERLINK(1)", "'-2+3", 'Senate')
    >>> restore_formula(neutralise_formula("'@SUM")) == "'@SUM"
    True
    """
    return "'" + value if value and _FORMULA.match(value) else value


def restore_formula(value: str) -> str:
    """The value :func:`neutralise_formula` was given."""
    return value[1:] if value.startswith("'") and _FORMULA.match(value, 1) else value


def _concept(row: list[str], columns: list[Column], width: int, path: str, line: int) -> Concept:
    if len(row) > width:
        if any(cell.strip() for cell in row[width:]):
            raise ParseError(path, f"{len(row)} fields but the header has {width}", line=line)
        row = row[:width]
    elif len(row) < width:  # a short row: the cells left out are empty
        row = row + [""] * (width - len(row))
    fields: dict[str, str | None] = {}
    slots: dict[tuple[str, int], dict[str | None, str]] = {}
    langs: list[str] = []
    for col, cell in zip(columns, row):
        value = restore_formula(cell.strip())
        if col[0] == "field":
            fields[col[1]] = value or None
            continue
        _, lang, slot, attr = col
        if lang not in langs:
            langs.append(lang)
        if value:
            slots.setdefault((lang, slot), {})[attr] = value
    terms: list[Term] = []
    for lang in langs:
        first = True
        for slot in sorted(s for (l, s) in slots if l == lang):
            values = slots[(lang, slot)]
            name = column_name(lang, slot)
            text = values.get(None)
            if text is None:
                given = ", ".join(repr(column_name(lang, slot, a)) for a in TERM_ATTRIBUTES if a in values)
                raise ParseError(path, f"{given} given but the term column {name!r} is empty", line=line)
            status = values.get("status", "preferred" if first else "admitted").lower()
            if status not in STATUSES:
                raise ParseError(
                    path, f"column {name + '_status'!r}: unknown status {values['status']!r}; "
                    f"expected one of {', '.join(STATUSES)}", line=line,
                )
            ttype = values.get("type", "full").lower()
            if ttype not in TERM_TYPES:
                raise ParseError(
                    path, f"column {name + '_type'!r}: unknown type {values['type']!r}; "
                    f"expected one of {', '.join(TERM_TYPES)}", line=line,
                )
            terms.append(Term(lang, text, status, ttype, values.get("pos"), values.get("note")))
            first = False
    if not terms:
        if not langs:  # an export of an empty termbase has only concept columns, and no rows
            raise ParseError(path, "no language column (en, kk, ru ...) in the header", line=1)
        raise ParseError(path, "row without any term", line=line)
    return Concept(
        id=fields.get("id"),
        terms=tuple(terms),
        subject=fields.get("subject"),
        definition=fields.get("definition"),
        note=fields.get("note"),
        source=fields.get("source"),
        scope=fields.get("scope"),
    )

