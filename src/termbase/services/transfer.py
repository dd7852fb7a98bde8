"""Importing files into a termbase and exporting its concepts or memories."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..errors import AlreadyExists, NotFound, UnsupportedFormat, ValidationError
from ..formats import all_formats, format_for, formats_that, get_format
from ..fsutil import Source
from ..languages import KK_LATN, LANGUAGE_TAGS, kazakh_to_latin, normalize_lang
from ..models import TranslationUnit
from .progress import Progress, counted
from .workspace import Workspace

#: The translation memory imports and exports use when none is named.
DEFAULT_MEMORY = "default"


@dataclass(frozen=True)
class ImportResult:
    """What an import did. ``kind`` is ``concepts`` or ``units``; for concepts ``added``,
    ``replaced``, ``unchanged`` and ``skipped`` count them; for units ``added`` and ``skipped``
    (already in the memory ``memory``)."""

    file: str
    format: str
    kind: str
    added: int
    skipped: int = 0
    replaced: int = 0
    unchanged: int = 0
    memory: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict:
        out = {"file": self.file, "format": self.format, "kind": self.kind, "added": self.added,
               "skipped": self.skipped}
        if self.kind == "concepts":
            out.update(replaced=self.replaced, unchanged=self.unchanged)
        else:
            out["memory"] = self.memory
        return out


def import_file(
    ws: Workspace,
    file: str | Path | BinaryIO | Source,
    *,
    format: str | None = None,
    on_conflict: str = "error",
    memory: str = DEFAULT_MEMORY,
    langs: list[str] | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a termbase file (TBX, CSV, glossary TSV, OmegaT glossary) or a translation memory (TMX,
    PO, XLIFF, two-column TSV) into ``ws``: all of it or nothing.

    ``format`` names the format (default: by extension, else by content; ``-`` is standard input).
    Concepts whose id is stored already follow ``on_conflict`` (``error``, ``skip``, ``replace``);
    units go to ``memory``, and units already there are skipped. ``langs`` names the languages of a
    file that does not say them (an OmegaT glossary: source, target). ``progress`` hears how many
    concepts or units have been read.
    """
    src = Source.of(file)
    fmt = get_format(format) if format else format_for(src, reads=("concepts", "units"))
    start = time.perf_counter()
    if "concepts" in fmt.reads:
        try:
            counts = ws.store.concepts.add_many(counted(fmt.read_concepts(src, langs=langs), progress,
                                                       f"{src.name}: concepts read"), on_conflict=on_conflict,
                                                actor=actor)
        except ValidationError as exc:
            needs = "on_conflict" if isinstance(exc, AlreadyExists) else exc.needs
            raise ValidationError(f"{src.name}: {exc}; nothing imported", needs=needs) from exc
        return ImportResult(src.name, fmt.name, "concepts", counts.added, counts.skipped, counts.replaced,
                            counts.unchanged, seconds=time.perf_counter() - start)
    if "units" not in fmt.reads:
        raise UnsupportedFormat(f"{src.name}: {fmt.name} files hold neither concepts nor translation units")
    added, skipped = ws.store.memories.add_units(memory, counted(fmt.read_units(src), progress,
                                                                 f"{src.name}: units read"))
    return ImportResult(src.name, fmt.name, "units", added, skipped, memory=memory, seconds=time.perf_counter() - start)


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: ``count`` concepts or units (``kind``) as ``format`` to ``output``."""

    output: str
    format: str
    kind: str
    count: int
    memory: str | None = None

    def to_dict(self) -> dict:
        out = {"output": self.output, "format": self.format, "kind": self.kind, "count": self.count}
        if self.memory is not None:
            out["memory"] = self.memory
        return out


#: The unit prop that says a unit's kk-Latn text was transliterated by the export (TMX ``<prop>``).
TRANSLITERATED_PROP = "x-kk-Latn"


def _with_latin_kazakh(unit: TranslationUnit) -> TranslationUnit:
    """A unit with Cyrillic Kazakh but no Latin Kazakh text, given its 2021 Latin transliteration (marked
    in ``meta``), for an export that asks for ``kk-Latn``."""
    kk = unit.texts.get("kk")
    if not kk or unit.texts.get(KK_LATN):
        return unit
    return replace(unit, texts={**unit.texts, KK_LATN: kazakh_to_latin(kk)},
                   meta={**unit.meta, TRANSLITERATED_PROP: "transliterated from kk (2021 Latin alphabet)"})


def export(
    ws: Workspace,
    format: str,
    output: str | Path,
    *,
    memory: str = DEFAULT_MEMORY,
    langs: list[str] | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the termbase's concepts (TBX, CSV, glossary TSV, OmegaT glossary) or a translation memory
    (TMX, PO) to ``output`` (``-``: standard output; for PO with several target languages, a folder).

    ``langs``: the languages to write, source first (an OmegaT glossary takes exactly two; a memory
    defaults to its units' source language and every other language it holds). A memory asked for ``kk-Latn``
    gives a unit without a Latin Kazakh text the transliteration of its Cyrillic one, marked in a
    ``<prop type="x-kk-Latn">`` (TMX). Written to a temporary file and
    renamed, so a failure leaves no half file. ``progress`` hears how many have been written.
    """
    writable = ", ".join(f.name for f in formats_that(writes=("concepts", "units")))
    if format.lower() not in {f.name for f in all_formats()}:
        raise UnsupportedFormat(f"unknown format {format!r}; formats export writes: {writable}", needs="format")
    fmt = get_format(format)
    if not fmt.writes & {"concepts", "units"}:
        raise UnsupportedFormat(f"{fmt.name} files cannot be written; formats that can: {writable}", needs="format")
    wanted = [normalize_lang(code) for code in langs] if langs else None
    if "units" in fmt.writes:
        units = ws.store.memories.iter_units(memory)
        first = next(units, None)
        if first is None:
            raise NotFound(f"translation memory {memory!r} is empty")
        source = wanted[0] if wanted else first.source_lang
        if wanted:
            targets = wanted[1:]
        else:  # the languages the memory holds: an en-ru memory is one PO or XLIFF 2.0 file
            held = ws.store.memories.stats(memory)["texts"]
            targets = [code for code in LANGUAGE_TAGS if code in held and code != source]
        all_units = counted(itertools.chain([first], units), progress, "units exported",
                            total=ws.store.memories.count(memory) if progress else None)
        if wanted and KK_LATN in wanted:
            all_units = map(_with_latin_kazakh, all_units)
        n = fmt.write_units(all_units, output, source_lang=source, target_langs=targets)
        return ExportResult(str(output), fmt.name, "units", n, memory)
    if fmt.name == "omegat" and (not wanted or len(wanted) != 2):
        raise ValidationError("an OmegaT glossary is for one language pair: name the source and target languages",
                              needs="langs")
    n = fmt.write_concepts(counted(ws.store.concepts.iterate(), progress, "concepts exported",
                                   total=ws.store.concepts.count() if progress else None), output, langs=wanted)
    return ExportResult(str(output), fmt.name, "concepts", n)


@dataclass(frozen=True)
class FormatInfo:
    """What ``termbase formats`` shows of a format."""

    name: str
    extensions: tuple[str, ...]
    description: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"name": self.name, "extensions": list(self.extensions), "description": self.description,
                "reads": list(self.reads), "writes": list(self.writes)}


def list_formats() -> list[FormatInfo]:
    """Every format, in the order files are recognised, with what it reads and writes."""
    return [FormatInfo(f.name, tuple(f.extensions), f.description, tuple(sorted(f.reads)), tuple(sorted(f.writes)))
            for f in all_formats()]
