"""The interface every file format implements, with its capabilities stated, not guessed.

A format says what it **reads** and what it **writes**, out of four kinds of content:

==============  =====================================================================================
``concepts``    termbase entries (:class:`~termbase.models.Concept`): TBX, CSV, OmegaT, glossary TSV
``units``       translation-memory units (:class:`~termbase.models.TranslationUnit`): TMX, PO, XLIFF
``pairs``       source/target pairs to check (:class:`~termbase.models.BilingualUnit`): PO, XLIFF,
                TMX, two-column TSV
``text``        the plain text of a document, for extraction (:class:`~termbase.models.Document`):
                text, HTML, DOCX, and the source or target side of PO, XLIFF and TMX
==============  =====================================================================================

Each format parses its files in one place: where a format offers several views (PO pairs, units and
text), all are made from the same parse, so inline markup, errors and line numbers are the same in
every command. Readers take a :class:`~termbase.fsutil.Source` (a path, ``-`` or a binary file);
writers take a path (``-`` is standard output). This module imports no format: the registry
(:mod:`termbase.formats.registry`) finds them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Union

from ..limits import Limits, current as current_limits
from ..errors import ParseError, UnsupportedFormat, ValidationError
from ..fsutil import Source
from ..languages import normalize_lang
from ..models import (
    BilingualUnit, Concept, Document, Fill, FillRequest, FillStats, TranslationUnit, strip_controls,
)

#: What a format can read, and what each means in messages.
READ_CAPABILITIES = {
    "concepts": "a termbase",
    "units": "a translation memory",
    "pairs": "translations to check",
    "text": "a document's text",
}
#: What a format can write. ``translations``: a file of the format given back with its untranslated
#: units filled in (:meth:`Format.write_filled`).
WRITE_CAPABILITIES = {"concepts": "a termbase", "units": "a translation memory",
                      "translations": "translations filled in"}
#: The sides of a bilingual file whose text extraction reads.
SIDES = ("source", "target")
#: What readers take: a path (``-`` for standard input), an open binary file, or a Source.
SourceLike = Union[str, Path, BinaryIO, Source]


class Format:
    """Base class of a file format.

    Subclasses set ``name`` (the format's name for users), ``extensions`` (lower case, no dot),
    ``description``, ``reads`` and ``writes`` (subsets of :data:`READ_CAPABILITIES` and
    :data:`WRITE_CAPABILITIES`), implement the ``_read_*``/``_write_*`` methods those promise, and may
    implement :meth:`sniff` to be recognised by content. Callers use the public ``read_*``/``write_*``
    methods, which refuse what the format does not declare.
    """

    name: str = ""
    extensions: tuple[str, ...] = ()
    description: str = ""
    reads: frozenset[str] = frozenset()
    writes: frozenset[str] = frozenset()
    #: A file may hold several target languages (TMX): its pairs each carry their own, and a
    #: language termbase does not handle is a pair to skip, not an error.
    multilingual: bool = False

    def sniff(self, head: bytes) -> bool:
        """Whether the first bytes of a file show it is in this format (default: cannot tell)."""
        return False

    # ------------------------------------------------------------------ reading
    # The public methods take what users give (a path, "-", a binary file or a Source), check the
    # capability, and call the format's own ``_read_*``/``_write_*``, which get a Source.
    def read_concepts(self, src: SourceLike, *, langs: list[str] | None = None) -> Iterator[Concept]:
        """Concepts of a termbase file; ``langs`` keeps only those languages (or names them, for
        formats whose files do not say, like OmegaT glossaries: ``[source, target]``)."""
        source = self._source("concepts", src)
        return checked_concepts(source.name, self._read_concepts(source, langs=langs))

    def read_units(self, src: SourceLike) -> Iterator[TranslationUnit]:
        """Translation-memory units (languages normalised; a language termbase lacks is an error)."""
        source = self._source("units", src)
        return checked_units(source.name, self._read_units(source))

    def read_pairs(self, src: SourceLike, *, source_lang: str | None = None) -> Iterator[BilingualUnit]:
        """Source/target pairs with their lines, untranslated and fuzzy ones included (flagged).
        ``source_lang`` says which language is the source where the file holds several (TMX)."""
        source = self._source("pairs", src)
        return checked_pairs(source.name, self._read_pairs(source, source_lang=source_lang))

    def read_text(self, src: SourceLike, *, side: str = "source", lang: str | None = None) -> Document:
        """The plain text of a document; for bilingual files the ``side`` (or language ``lang``)."""
        if side not in SIDES:
            raise ValueError(f"side must be {' or '.join(SIDES)}, not {side}")
        source = self._source("text", src)
        return checked_document(self._read_text(source, side=side, lang=lang))

    # ------------------------------------------------------------------ writing
    def write_concepts(self, concepts: Iterable[Concept], dest: str | Path, *, langs: list[str] | None = None) -> int:
        """Write concepts to ``dest`` (``-``: standard output) atomically; the number written."""
        self._check("write", "concepts")
        return self._write_concepts(concepts, dest, langs=langs)

    def write_units(
        self, units: Iterable[TranslationUnit], dest: str | Path, *, source_lang: str, target_langs: list[str]
    ) -> int:
        """Write units to ``dest`` (``-``: standard output) atomically; the number written."""
        self._check("write", "units")
        return self._write_units(units, dest, source_lang=source_lang, target_langs=target_langs)

    def write_filled(
        self,
        src: SourceLike,
        dest: str | Path,
        fill: Callable[[FillRequest], Fill | None],
        *,
        target_lang: str | None = None,
        overwrite: bool = False,
    ) -> FillStats:
        """Pre-translate: read ``src`` (a file of this format) and write it to ``dest`` (``-``:
        standard output) with its untranslated units filled by ``fill``.

        ``fill`` gets a :class:`~termbase.models.FillRequest` per untranslated unit (every unit with
        ``overwrite``) and returns a :class:`~termbase.models.Fill` or None (left as it is). Units
        flagged for review (PO ``fuzzy``) count as untranslated. ``target_lang`` is the language to
        fill when the file does not say it. Everything else of the file is kept. Nothing is written
        unless the whole of ``src`` parses (a :class:`~termbase.errors.ParseError` otherwise).
        """
        self._check("write", "translations")
        return self._write_translations(Source.of(src), dest, fill, target_lang=target_lang, overwrite=overwrite)

    # ------------------------------------------------------------------ what a format implements
    def _read_concepts(self, src: Source, *, langs: list[str] | None) -> Iterator[Concept]:
        raise NotImplementedError

    def _read_units(self, src: Source) -> Iterator[TranslationUnit]:
        raise NotImplementedError

    def _read_pairs(self, src: Source, *, source_lang: str | None) -> Iterator[BilingualUnit]:
        raise NotImplementedError

    def _read_text(self, src: Source, *, side: str, lang: str | None) -> Document:
        raise NotImplementedError

    def _write_concepts(self, concepts: Iterable[Concept], dest: str | Path, *, langs: list[str] | None) -> int:
        raise NotImplementedError

    def _write_units(
        self, units: Iterable[TranslationUnit], dest: str | Path, *, source_lang: str, target_langs: list[str]
    ) -> int:
        raise NotImplementedError

    def _write_translations(
        self,
        src: Source,
        dest: str | Path,
        fill: Callable[[FillRequest], Fill | None],
        *,
        target_lang: str | None,
        overwrite: bool,
    ) -> FillStats:
        raise NotImplementedError

    def _source(self, what: str, src: SourceLike) -> Source:
        self._check("read", what)
        return Source.of(src)

    def _check(self, direction: str, what: str) -> None:
        if direction == "read" and what not in self.reads:
            raise UnsupportedFormat(f"{self.name} files cannot be read as {READ_CAPABILITIES[what]}")
        if direction == "write" and what not in self.writes:
            raise UnsupportedFormat(f"{WRITE_CAPABILITIES[what]} cannot be written as {self.name}")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


# ---------------------------------------------------------------------------------- shared helpers
def _segment_error(name: str, length: int, line: int | None, limit: Limits) -> ParseError:
    return ParseError(name, f"a segment of {length} characters ({limit.hint('segment_chars')})", line=line)


def checked_concepts(name: str, concepts: Iterable[Concept]) -> Iterator[Concept]:
    """``concepts`` whose terms pass :meth:`~termbase.models.Term.validate` (the term length limit,
    no control characters); a ``ParseError`` naming the file otherwise, as soon as one does not."""
    for concept in concepts:
        try:
            for term in concept.terms:
                term.validate(concept_id=concept.id)
        except ValidationError as exc:
            raise ParseError(name, str(exc)) from exc
        yield concept


def checked_units(name: str, units: Iterable[TranslationUnit]) -> Iterator[TranslationUnit]:
    """``units`` with their texts' control characters removed; a ``ParseError`` for a text longer
    than the segment limit (:mod:`termbase.limits`)."""
    limit = current_limits()
    for unit in units:
        texts = unit.texts
        for text in texts.values():
            if len(text) > limit.segment_chars:
                raise _segment_error(name, len(text), unit.position, limit)
        cleaned = {lang: strip_controls(text) for lang, text in texts.items()}
        note = strip_controls(unit.note) if unit.note else unit.note
        if cleaned != texts or note != unit.note:
            unit = replace(unit, texts=cleaned, note=note)
        yield unit


def checked_pairs(name: str, pairs: Iterable[BilingualUnit]) -> Iterator[BilingualUnit]:
    """``pairs`` with control characters removed; a ``ParseError`` naming the line for a text longer
    than the segment limit."""
    limit = current_limits()
    for pair in pairs:
        for text in (pair.source, pair.target):
            if len(text) > limit.segment_chars:
                raise _segment_error(name, len(text), pair.line, limit)
        source, target = strip_controls(pair.source), strip_controls(pair.target)
        if source is not pair.source or target is not pair.target:
            pair = replace(pair, source=source, target=target)
        yield pair


def checked_document(doc: Document) -> Document:
    """``doc`` if its text is within the document limit and each paragraph within the segment limit
    (a ``ParseError`` naming the paragraph's line otherwise), control characters removed."""
    limit = current_limits()
    text = doc.text
    if len(text) > limit.document_bytes:
        raise ParseError(doc.name, f"{len(text)} characters of text ({limit.hint('document_mb')})")
    if len(text) > limit.segment_chars:
        lengths = list(map(len, text.split("\n")))
        if max(lengths) > limit.segment_chars:
            index = next(i for i, n in enumerate(lengths) if n > limit.segment_chars)
            raise _segment_error(doc.name, lengths[index], index + 1, limit)
    cleaned = strip_controls(text)
    return doc if cleaned is text else replace(doc, text=cleaned)


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


def validated(concept: Concept, name: str, line: int | None) -> Concept:
    """``concept`` if it passes :meth:`~termbase.models.Concept.validate`, else a ``ParseError`` naming
    the file and line it was read from."""
    try:
        concept.validate()
    except ValidationError as exc:
        raise ParseError(name, str(exc), line=line) from exc
    return concept


def join_paragraphs(texts: Iterable[str]) -> str:
    """Texts of units as one document, a paragraph each (units are sentences or UI strings, never
    parts of one sentence); empty ones left out."""
    return "\n\n".join(t.strip() for t in texts if t and t.strip())


def short_lang(code: str | None) -> str | None:
    """The supported language a file's code names (``kk-KZ`` -> ``kk``), or None (absent, or a
    language termbase does not handle: extraction then detects it)."""
    if not code:
        return None
    from ..errors import UnknownLanguage

    try:
        return normalize_lang(code)
    except UnknownLanguage:
        return None


def text_from_pairs(name: str, pairs: Iterable[BilingualUnit], side: str) -> Document:
    """The document made of one side of ``pairs``: their sources, or their targets (in the file's
    order; the language is the file's, when it names one termbase handles). ``ParseError`` when that
    side has no text."""
    if side not in SIDES:
        raise ValueError(f"side must be {' or '.join(SIDES)}, not {side}")
    lang: str | None = None
    texts: list[str] = []
    limit = current_limits()
    size = 0
    for pair in pairs:
        size += len(pair.source if side == "source" else pair.target)
        if size > limit.document_bytes:
            raise ParseError(name, f"more than {limit.document_bytes} characters of {side} text "
                                   f"({limit.hint('document_mb')})")
        if side == "source":
            texts.append(pair.source)
            lang = lang or short_lang(pair.source_lang)
        else:
            texts.append(pair.target)
            lang = lang or short_lang(pair.target_lang)
    text = join_paragraphs(texts)
    if not text:
        raise ParseError(name, f"no {side} text to read")
    return Document(name, text, lang)


def units_from_pairs(name: str, pairs: Iterable[BilingualUnit]) -> Iterator[TranslationUnit]:
    """Translation units of the translated pairs (fuzzy ones flagged ``meta={"fuzzy": "yes"}``).

    The languages must be known: a pair whose file does not name them is a ``ParseError``.
    """
    from ..errors import UnknownLanguage

    cache: dict[tuple[str | None, str | None], tuple[str, str]] = {}
    for pair in pairs:
        if not pair.translated or not pair.source.strip():
            continue
        key = (pair.source_lang, pair.target_lang)
        langs = cache.get(key)
        if langs is None:
            if not pair.source_lang or not pair.target_lang:
                raise ParseError(name, "the file does not say its source and target languages", line=pair.line)
            try:
                langs = cache[key] = (normalize_lang(pair.source_lang), normalize_lang(pair.target_lang))
            except UnknownLanguage as exc:
                raise ParseError(name, str(exc), line=pair.line) from exc
        source, target = langs
        yield TranslationUnit(
            texts={source: pair.source, target: pair.target},
            context=pair.id,
            source_lang=source,
            meta={"fuzzy": "yes"} if pair.fuzzy else {},
        )


class PairsFormat(Format):
    """A bilingual format whose units and text are read from its pairs (:func:`units_from_pairs`,
    :func:`text_from_pairs`): it gives ``_read_pairs`` (all a file has to say) and ``reads`` them."""

    def _read_units(self, src: Source) -> Iterator[TranslationUnit]:
        return units_from_pairs(src.name, self._read_pairs(src))

    def _read_text(self, src: Source, *, side: str = "source", lang: str | None = None) -> Document:
        return text_from_pairs(src.name, self._read_pairs(src), side)
