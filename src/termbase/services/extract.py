"""Extracting term candidates from documents, linked to the termbase; NEW ones proposed on request."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

from ..errors import NotFound
from ..extraction import KINDS, ExtractConfig, ExtractionResult, Extractor, document_language, proposed_concept
from ..formats import format_for
from ..fsutil import Source
from .workspace import Workspace

#: The kinds of candidates extraction finds (organization, acronym, person, place, name, phrase).
EXTRACT_KINDS = KINDS


@dataclass(frozen=True)
class ExtractRun:
    """The candidates of each language read, best first; the ids of the concepts proposed (``add``)."""

    results: tuple[ExtractionResult, ...]
    added: tuple[str, ...] | None = None

    def to_dict(self) -> dict:
        """For documents of one language ``{"language", "files", "candidates": [...]}``, for several
        ``{"results": [one such object per language]}``; with ``"added"`` (concept ids) after ``add``."""
        out = self.results[0].to_dict() if len(self.results) == 1 else {"results": [r.to_dict() for r in self.results]}
        if self.added is not None:
            out["added"] = list(self.added)
        return out


def extract_files(
    files: Iterable[str | Path | BinaryIO | Source],
    *,
    ws: Workspace | None = None,
    lang: str = "auto",
    side: str = "source",
    config: ExtractConfig = ExtractConfig(),
    add: bool = False,
    actor: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> ExtractRun:
    """Candidate terms of documents (text, HTML, DOCX, PO, XLIFF, TMX; ``-``: standard input), one
    result per language in order of first appearance.

    Each file is read as text (``side``: the source or target side of a translation file), its
    language detected unless ``lang`` says it, and fed to that language's extractor. With ``ws``,
    candidates the termbase knows carry their concept and equivalents; with ``add``, the NEW ones are
    stored in it as ``proposed`` concepts (all or none), their source naming the files.
    ``progress(name)`` is called after each file.
    """
    if add and ws is None:
        raise NotFound("adding proposed concepts needs a termbase", needs="termbase")
    extractors: dict[str, Extractor] = {}
    names: dict[str, list[str]] = {}
    for file in files:
        src = Source.of(file)
        doc = format_for(src, reads="text").read_text(src, side=side, lang=None if lang == "auto" else lang)
        doc_lang = document_language(doc.text, doc.lang if lang == "auto" and doc.lang else lang, path=src.name)
        if doc_lang not in extractors:
            extractors[doc_lang] = Extractor(doc_lang, config)
            names[doc_lang] = []
        extractors[doc_lang].feed(doc.text)
        names[doc_lang].append(src.name)
        if progress is not None:
            progress(src.name)
    index = ws.index if ws is not None else None
    results = tuple(ex.result(index, files=names[code]) for code, ex in extractors.items())
    if not add:
        return ExtractRun(results)
    added: list[str] = []
    with ws.store.atomic():
        for result in results:
            source = "termbase extract: " + ", ".join(Path(name).name for name in result.files)
            for candidate in result.candidates:
                if candidate.is_new:
                    concept = proposed_concept(candidate, result.language, source=source)
                    added.append(ws.store.concepts.add(concept, actor=actor).id)
    return ExtractRun(results, tuple(added))
