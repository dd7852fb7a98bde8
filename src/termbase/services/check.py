"""Checking translation files against the termbase: each file read by its format, one report."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterable

from ..checking import CheckConfig, Checker, FileError, Report, check_units
from ..errors import NotFound, TermbaseError
from ..formats import format_for
from ..fsutil import Source
from ..languages import normalize_lang
from .workspace import Workspace

#: The result of :func:`check_files` (findings, counts, files that could not be read).
CheckResult = Report


def check_files(
    ws: Workspace,
    files: Iterable[str | Path | BinaryIO | Source],
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    generic_terms: bool = False,
    ignore_concepts: Iterable[str] = (),
    subjects: Iterable[str] = (),
    strict_script: bool = False,
) -> Report:
    """Check PO/POT, XLIFF 1.2/2.x, TMX and two-column TSV files (``-``: standard input).

    For each source term found in any inflected form, one of the concept's approved target terms must
    be in the target (see :mod:`termbase.checking`). Languages come from each file, unless
    ``source_lang``/``target_lang`` override them (for TMX, ``target_lang`` selects which target
    language is checked). A file that cannot be read is recorded in :attr:`Report.errors` with its
    message, and the others are still checked; its partial findings are dropped.

    ``ignore_concepts`` leaves those concepts out of the check; ``subjects`` checks only the concepts
    of those subject fields (an id or subject the termbase does not have is a
    :class:`~termbase.errors.NotFound`). ``strict_script`` also reports Kazakh words with a Latin ``i``.
    """
    config = CheckConfig(
        source_lang=normalize_lang(source_lang) if source_lang else None,
        target_lang=normalize_lang(target_lang) if target_lang else None,
    )
    ignore_concepts, subjects = tuple(ignore_concepts), tuple(subjects)
    if ignore_concepts or subjects:
        concepts = list(ws.index.concepts())
        known_ids = {c.id for c in concepts}
        for cid in ignore_concepts:
            if cid not in known_ids:
                raise NotFound(f"no concept {cid!r} in the termbase")
        known_subjects = {c.subject for c in concepts if c.subject}
        for subject in subjects:
            if subject not in known_subjects:
                raise NotFound(f"no concept of subject {subject!r} in the termbase; subjects: "
                               + ", ".join(sorted(known_subjects)))
    checker = Checker.from_index(ws.index, generic_terms=generic_terms, ignore_concepts=ignore_concepts,
                                 subjects=subjects or None, strict_script=strict_script)
    reports: list[Report] = []
    errors: list[FileError] = []
    for file in files:
        src = Source.of(file)
        try:
            fmt = format_for(src, reads="pairs")
            pairs = fmt.read_pairs(src, source_lang=config.source_lang)
            reports.append(check_units(pairs, checker, config=config, file=src.name, multilingual=fmt.multilingual))
        except TermbaseError as exc:
            errors.append(FileError(src.name, str(exc), getattr(exc, "line", None), needs=exc.needs))
    return Report.combine(reports, errors)
