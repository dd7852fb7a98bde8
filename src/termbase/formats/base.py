"""The small interface every file format implements, and the registry that finds them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import UnsupportedFormat, ValidationError
from ..languages import normalize_lang
from ..models import STATUSES, TERM_TYPES, Concept, Term, TranslationUnit


@dataclass(frozen=True)
class BilingualUnit:
    """One source/target pair read from a translation file, for checking (PO, XLIFF, TMX, TSV)."""

    source: str
    target: str
    source_lang: str | None
    target_lang: str | None
    line: int | None = None
    id: str | None = None
    fuzzy: bool = False
    translated: bool = True


class Format:
    """Base class of a file format. Subclasses set the class attributes and override what they support.

    ``kind`` says what the format carries: ``"termbase"`` (concepts), ``"tm"`` (translation units),
    ``"bilingual"`` (source/target pairs that can only be checked, like two-column TSV).
    """

    name: str = ""
    extensions: tuple[str, ...] = ()
    kind: str = "termbase"
    description: str = ""

    # termbase formats
    def read_concepts(self, path: Path, *, langs: list[str] | None = None) -> Iterator[Concept]:
        """Concepts of a termbase file; ``langs`` keeps only those languages (or names them, for
        formats whose files do not say, like OmegaT glossaries: ``[source, target]``)."""
        raise UnsupportedFormat(f"{self.name} files cannot be read as a termbase")

    def write_concepts(self, concepts: Iterable[Concept], path: Path, *, langs: list[str] | None = None) -> int:
        raise UnsupportedFormat(f"a termbase cannot be written as {self.name}")

    # translation-memory formats
    def read_units(self, path: Path) -> Iterator[TranslationUnit]:
        raise UnsupportedFormat(f"{self.name} files cannot be read as a translation memory")

    def write_units(
        self, units: Iterable[TranslationUnit], path: Path, *, source_lang: str, target_langs: list[str]
    ) -> int:
        raise UnsupportedFormat(f"a translation memory cannot be written as {self.name}")

    # bilingual files to check
    def read_bilingual(self, path: Path) -> Iterator[BilingualUnit]:
        raise UnsupportedFormat(f"{self.name} files cannot be checked")


def keep_langs(concepts: Iterable[Concept], langs: list[str] | None) -> Iterator[Concept]:
    """The ``concepts`` with only their terms in ``langs`` (any codes ``normalize_lang`` takes);
    concepts left without terms are skipped. Without ``langs`` they pass unchanged."""
    wanted = [normalize_lang(code) for code in langs] if langs else None
    for concept in concepts:
        if wanted is not None:
            kept = tuple(t for t in concept.terms if t.lang in wanted)
            if not kept:
                continue
            concept = replace(concept, terms=kept)
        yield concept


def check_term(term: Term, concept: Concept) -> None:
    """Refuse to write a term with an unknown status or type, or without text."""
    if term.status not in STATUSES:
        raise ValidationError(f"concept {concept.id!r}: term {term.text!r} has unknown status {term.status!r}")
    if term.type not in TERM_TYPES:
        raise ValidationError(f"concept {concept.id!r}: term {term.text!r} has unknown type {term.type!r}")
    if not term.text.strip():
        raise ValidationError(f"concept {concept.id!r}: empty {term.lang} term")


_REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    _REGISTRY[fmt.name] = fmt
    return fmt


def _load_builtin() -> None:
    # Import the format modules so they register themselves (lazy: only when a format is needed).
    from . import builtin  # noqa: F401


def get_format(name: str) -> Format:
    """The format called ``name`` (``tbx``, ``csv``, ``tmx`` ...)."""
    _load_builtin()
    try:
        return _REGISTRY[name.lower()]
    except KeyError:
        raise UnsupportedFormat(f"unknown format {name!r}; supported: {', '.join(sorted(_REGISTRY))}") from None


def format_for_path(path: str | Path, *, kind: str | None = None) -> Format:
    """The format of a file, by extension (``kind`` narrows it: ``termbase``, ``tm`` or ``bilingual``)."""
    _load_builtin()
    name = str(path).lower()
    for fmt in _REGISTRY.values():
        if kind == "bilingual" and type(fmt).read_bilingual is Format.read_bilingual:
            continue
        if kind in ("termbase", "tm") and fmt.kind != kind:
            continue
        if any(name.endswith("." + ext) for ext in fmt.extensions):
            return fmt
    exts = sorted({e for f in _REGISTRY.values() for e in f.extensions})
    raise UnsupportedFormat(f"{path}: unknown file type; supported extensions: {', '.join('.' + e for e in exts)}")


def all_formats() -> list[Format]:
    _load_builtin()
    return list(_REGISTRY.values())
