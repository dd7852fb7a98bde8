"""Aligning two or three translations of one document into translation-memory units."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Sequence

from ..alignment import (
    Alignment,
    align_texts,
    default_anchors,
    looks_unrelated,
    termbase_anchors,
    units_from_alignment,
)
from ..errors import UnknownLanguage, ValidationError
from ..formats import format_for_output, get_format
from ..fsutil import Source
from ..languages import detect_language, normalize_lang
from ..models import Segment, TranslationUnit
from .progress import Progress, counted, report
from .workspace import Workspace


@dataclass(frozen=True)
class StoredUnits:
    """Units stored in a translation memory: how many were new, how many were there already."""

    memory: str
    added: int
    skipped: int


@dataclass(frozen=True)
class AlignResult:
    """The segments of each language, the alignment (beads of segment indices with scores), the units
    made of the beads that reach the minimum score, and where they were stored.

    ``unrelated`` says that most beads score under 0.5: the files do not look like translations of
    each other; their units are then stored only when forced (``not_stored`` names the memory that
    was asked for and did not get them)."""

    languages: tuple[str, ...]
    segments: dict[str, list[Segment]]
    alignment: Alignment
    units: tuple[TranslationUnit, ...]
    source_lang: str
    left_out: int = 0
    stored: StoredUnits | None = None
    unrelated: bool = False
    not_stored: str | None = None

    @property
    def low_beads(self) -> tuple[int, int]:
        """``(beads under 0.5, beads)`` among the beads that hold two or more languages."""
        scores = _pair_scores(self.alignment)
        return sum(1 for s in scores if s < 0.5), len(scores)

    def to_dict(self) -> dict:
        """The languages, every segment's text, the beads (indices into the segments, the joined text
        of each language, the score), whether the texts look unrelated, and where the units went::

            {"languages": ["en", "ru"], "segments": {"en": ["...", ...], "ru": [...]},
             "beads": [{"en": [0], "ru": [0, 1], "score": 0.93, "text": {"en": "...", "ru": "..."}}, ...],
             "units": 12, "left_out": 0, "unrelated": false,
             "stored": {"memory": "default", "added": 12, "skipped": 0} | null, "not_stored": null}
        """
        beads = []
        for bead in self.alignment.beads:
            entry = bead.to_dict()
            entry["text"] = {
                lang: " ".join(self.segments[lang][i].text for i in ix) for lang, ix in bead.links.items() if ix
            }
            beads.append(entry)
        return {
            "languages": list(self.languages),
            "segments": {lang: [seg.text for seg in self.segments[lang]] for lang in self.languages},
            "beads": beads,
            "units": len(self.units),
            "left_out": self.left_out,
            "unrelated": self.unrelated,
            "stored": (
                {"memory": self.stored.memory, "added": self.stored.added, "skipped": self.stored.skipped}
                if self.stored is not None else None
            ),
            "not_stored": self.not_stored,
        }


def _pair_scores(alignment: Alignment) -> list[float]:
    return [b.score for b in alignment.beads if sum(1 for ix in b.links.values() if ix) >= 2]


def align_files(
    files: Sequence[str | Path | BinaryIO | Source],
    *,
    ws: Workspace | None = None,
    langs: Sequence[str] | None = None,
    segmented: bool = False,
    min_score: float = 0.0,
    pivot: str | None = None,
    use_terms: bool = True,
    memory: str | None = None,
    output: str | Path | None = None,
    po_dir: str | Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> AlignResult:
    """Align two or three translations of one text sentence by sentence.

    Languages are ``langs`` (one per file) or detected. Sentences are matched by length and by the
    anchors they share: numbers, names, and with ``ws`` (unless ``use_terms`` is false) the
    termbase's terms. Units below ``min_score`` are left out. The units are written as a translation
    memory to ``output`` (TMX or PO, by extension), as ``po_dir``/LANG.po files, and stored in the
    termbase's ``memory`` (with ``ws``), as asked. When most beads score under 0.5 the files do not
    look like translations of each other: the result says so (``unrelated``) and the units are not
    stored unless ``force``. ``progress`` hears the files read, the alignment and the units stored.
    """
    if not 2 <= len(files) <= 3:
        raise ValidationError("alignment needs two or three files (the same text in different languages)")
    sources = [Source.of(f) for f in files]
    texts = [src.read_text() for src in counted(sources, progress, "files read", total=len(sources), every=1)]
    if langs:
        codes = [normalize_lang(code) for code in langs]
        if len(codes) != len(files) or len(set(codes)) != len(codes):
            raise ValidationError(f"give {len(files)} different languages, one per file", needs="langs")
    else:
        codes = _guess_languages(texts, [src.name for src in sources])
    pivot = normalize_lang(pivot) if pivot else None
    if ws is not None and use_terms:
        scopes = {c.id: c.scope for c in ws.index.concepts() if c.scope}
        anchors = termbase_anchors(ws.index.matcher(), scopes=scopes)
    else:
        anchors = default_anchors
    report(progress, "files aligned", 0, 1)
    segments, alignment = align_texts(dict(zip(codes, texts)), segmented=segmented, anchors=anchors, pivot=pivot)
    report(progress, "files aligned", 1, 1)
    source = pivot or ("en" if "en" in codes else codes[0])
    targets = [code for code in codes if code != source]
    document = Path(sources[codes.index(source)].name).name
    units = tuple(units_from_alignment(alignment, segments, document=document, min_score=min_score, source_lang=source))
    left_out = sum(1 for b in alignment.beads if sum(1 for ix in b.links.values() if ix) >= 2 and b.score < min_score)
    if output is not None:
        format_for_output(str(output), writes="units").write_units(units, output, source_lang=source,
                                                                    target_langs=targets)
    if po_dir is not None:
        get_format("po").write_units(units, po_dir, source_lang=source, target_langs=targets)
    unrelated = looks_unrelated(_pair_scores(alignment))
    stored = None
    not_stored = None
    if memory is not None:
        if ws is None:
            raise ValidationError("storing the units needs a termbase", needs="termbase")
        if unrelated and not force:
            not_stored = memory
        else:
            added, skipped = ws.store.memories.add_units(memory, counted(units, progress, "units stored",
                                                                         total=len(units)))
            stored = StoredUnits(memory, added, skipped)
    return AlignResult(tuple(codes), segments, alignment, units, source, left_out, stored, unrelated, not_stored)


def _guess_languages(texts: Sequence[str], names: Sequence[str]) -> list[str]:
    """The language of each text (en, kk, ru), all different, or an error naming the file."""
    langs: list[str] = []
    for text, name in zip(texts, names):
        try:
            lang = detect_language(text[:20000])
        except UnknownLanguage as exc:
            raise UnknownLanguage(f"{name}: {exc}", needs="langs") from exc
        if lang in langs:
            other = names[langs.index(lang)]
            raise UnknownLanguage(f"{other} and {name} both look like {lang!r}", needs="langs")
        langs.append(lang)
    return langs
