"""Text renderings of the services' results (JSON comes from their ``to_dict()``)."""

from __future__ import annotations

from ..models import Concept, printable

#: Languages shown first, in this order; others follow as the concept has them.
FIRST_LANGS = ("en", "kk", "ru")


def concept_lines(concept: Concept) -> list[str]:
    """``id  [subject]``, a line of terms per language (status, type), then definition, note, source,
    and the units that show mined terms; control characters shown as escapes (:func:`printable`)."""
    return [printable(line) for line in _concept_lines(concept)]


def _concept_lines(concept: Concept) -> list[str]:
    head = concept.id or ""
    if concept.subject:
        head += f"  [{concept.subject}]"
    if concept.scope:
        head += f"  scope {concept.scope}"
    lines = [head]
    for lang in list(FIRST_LANGS) + [x for x in concept.languages if x not in FIRST_LANGS]:
        terms = concept.terms_in(lang)
        if not terms:
            continue
        parts = []
        for t in terms:
            tags = [t.status] + ([t.type] if t.type != "full" else [])
            parts.append(f"{t.text} ({', '.join(tags)})")
        lines.append(f"  {lang}  " + " | ".join(parts))
    for label, value in (("definition", concept.definition), ("note", concept.note), ("source", concept.source)):
        if value:
            lines.append(f"  {label}: {value}")
    shown: dict[tuple[str, str, str | None], list[str]] = {}
    for e in concept.evidence:
        shown.setdefault((e.lang, e.term, e.memory), []).append(str(e.unit_id))
    for (lang, term, memory), units in shown.items():
        where = f" of {memory}" if memory else ""
        lines.append(f"  evidence: {lang} \"{term}\" mined from unit(s) {', '.join(units)}{where}")
    return lines


def lookup_lines(result) -> list[str]:
    """The matches of a :class:`termbase.services.LookupResult`, each a concept with its score."""
    if not result.matches:
        return [printable(f"No concept matches {result.query!r}.")]
    lines = []
    for m in result.matches:
        block = concept_lines(m.concept)
        block[0] += printable(f"  score {m.score:.2f} ({m.how}: {m.matched.lang} \"{m.matched.text}\")")
        lines.extend(block)
    return lines


def extract_table(result) -> str:
    """Candidates of one :class:`termbase.extraction.ExtractionResult` as a table: term, kind,
    frequency, and for each other language the termbase's equivalents, else the best mined
    suggestion marked ``~`` (an acronym with its expansion: "~acronym (expansion)" when they differ),
    else NEW."""
    langs = [code for code in ("en", "kk", "ru") if code != result.language]
    rows = [("TERM", "KIND", "FREQ", *(code.upper() for code in langs))]
    for c in result.candidates:
        cells = []
        for code in langs:
            known = c.equivalents.get(code, [])
            best = c.best_suggestion(code)
            short = c.best_acronym_suggestion(code)
            if known:
                cells.append("; ".join(known[:2]))
            elif best is not None and short is not None and short.text != best.text:
                cells.append(f"~{short.text} ({best.text})")  # as the term: acronym (expansion)
            elif best is not None or short is not None:
                cells.append(f"~{(best or short).text}")
            else:
                cells.append("NEW" if c.is_new else "-")
        term = c.term if not c.expansion else f"{c.term} ({c.expansion})"
        rows.append((term, c.kind, str(c.frequency), *cells))
    if len(rows) == 1:
        return "No candidates."
    last = len(rows[0]) - 1
    widths = [min(48, max(len(r[k]) for r in rows)) for k in range(last)]
    lines = []
    for r in rows:
        cells = [_fit(r[k], widths[k]) for k in range(last)]
        parts = [cells[0].ljust(widths[0]), cells[1].ljust(widths[1]), cells[2].rjust(widths[2])]
        parts += [cells[k].ljust(widths[k]) for k in range(3, last)]
        lines.append("  ".join([*parts, r[last]]).rstrip())
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def finding_line(f) -> str:
    """``FILE:LINE: missing-term (ru): "National Security Committee" -> expected "..." or "..."``, and
    ``; found "..."`` when the target has another concept's term in its place; for a deprecated,
    forbidden or mixed-script term the quoted text is what the target says. ``(ru)``: the target
    language (a TMX file gives findings for each of its target languages)."""
    where = f.file or "<input>"
    if f.line is not None:
        where += f":{f.line}"
    shown = f.term if f.kind == "missing-term" else (f.found or f.term)
    line = f'{where}: {f.kind} ({f.lang}): "{shown}"'
    if f.expected:
        line += " -> expected " + " or ".join(f'"{e}"' for e in f.expected)
    if f.kind == "missing-term" and f.found:
        line += f'; found "{f.found}"'
    return line


def check_summary(report) -> str:
    """One line: ``1,204 units checked in 2 files (3 untranslated, 1 fuzzy skipped): 2 errors, 1 warning``."""
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    skipped = [f"{n:,} {what}" for n, what in (
        (report.units_untranslated, "untranslated"), (report.units_fuzzy, "fuzzy"),
        (report.units_other_language, "in other languages"),
    ) if n]
    text = f"{report.units_checked:,} unit{'s' if report.units_checked != 1 else ''} checked"
    if report.files_checked or report.errors:
        text += f" in {files}"
    if skipped:
        text += f" ({', '.join(skipped)} skipped)"
    errors, warnings = report.count("error"), report.count("warning")
    text += f": {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    if report.errors:
        n = len(report.errors)
        text += f"; {n} file{'s' if n != 1 else ''} could not be checked"
    return text


def counted(n: int, what: str) -> str:
    """``1 concept``, ``2 concepts``."""
    return f"{n:,} {what}{'' if n == 1 else 's'}"
