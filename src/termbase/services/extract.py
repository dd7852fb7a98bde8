"""Extracting term candidates from documents, linked to the termbase; NEW ones proposed on request."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Callable, Collection, Iterable

from ..errors import NotFound, TermbaseError, UnknownLanguage, ValidationError
from ..extraction import (
    KINDS, ExtractConfig, ExtractedTerm, ExtractionResult, Extractor, document_language, proposed_concept,
)
from ..formats import format_for, formats_that
from ..languages import KK_LATN, kazakh_to_cyrillic, kazakh_to_latin, normalize_lang
from ..mining import EquivalentMiner, Lexicon, MinedUnit, UnitCorpus, general_lexicon, with_suggestions
from ..fsutil import Source
from .concepts import known_terms
from .corpora import build_corpus
from .workspace import Workspace

#: The kinds of candidates extraction finds (organization, acronym, person, place, name, phrase).
EXTRACT_KINDS = KINDS


@dataclass(frozen=True)
class MemoryInfo:
    """Where suggestions were mined: a stored memory (``name``) or a file, its units and languages."""

    name: str
    units: int
    languages: tuple[str, ...]
    stored: bool

    def to_dict(self) -> dict:
        return {"name": self.name, "units": self.units, "languages": list(self.languages), "stored": self.stored}


@dataclass(frozen=True)
class ExtractRun:
    """The candidates of each language read, best first; the memories suggestions were mined from;
    the ids of the concepts proposed (``add``)."""

    results: tuple[ExtractionResult, ...]
    added: tuple[str, ...] | None = None
    memories: tuple[MemoryInfo, ...] = ()

    def to_dict(self) -> dict:
        """For documents of one language ``{"language", "files", "candidates": [...]}``, for several
        ``{"results": [one such object per language]}``; ``"memories"`` when suggestions were mined;
        ``"added"`` (concept ids) after ``add``."""
        out = self.results[0].to_dict() if len(self.results) == 1 else {"results": [r.to_dict() for r in self.results]}
        if self.memories:
            out["memories"] = [m.to_dict() for m in self.memories]
        if self.added is not None:
            out["added"] = list(self.added)
        return out


#: A mined suggestion at least this sure goes into a proposed concept made by ``add``.
ADD_THRESHOLD = 0.5


def extract_files(
    files: Iterable[str | Path | BinaryIO | Source] = (),
    *,
    ws: Workspace | None = None,
    lang: str = "auto",
    side: str = "source",
    config: ExtractConfig = ExtractConfig(),
    memory: str | None = None,
    add: bool = False,
    only: Collection[str] | None = None,
    actor: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> ExtractRun:
    """Candidate terms of documents (text, HTML, DOCX, PO, XLIFF, TMX; ``-``: standard input) or of a
    stored translation memory, one result per language in order of first appearance.

    A document is read as text, its language detected unless ``lang`` says it, and fed to that
    language's extractor. A translation file with two or more languages (TMX, PO, XLIFF, TSV pairs)
    is read as a memory instead: candidates come from its ``lang`` side (default: its source
    language; ``side="target"``: its target language), and each gets **suggestions**, its renderings
    in the file's other languages (:mod:`termbase.mining`). ``memory`` names a stored memory: alone,
    it is read the same way; with documents, it gives their candidates the suggestions it holds.

    With ``ws``, candidates the termbase knows carry their concept, equivalents and the memory's
    usage; with ``add``, the NEW ones are stored as ``proposed`` concepts (all or none) with the
    suggestions of at least :data:`ADD_THRESHOLD`, never a second concept for a name the termbase
    already has; ``only`` limits that to the NEW candidates whose ``term`` is one of these (the ones a
    person picked from the listing; the web page's "add selected"). ``progress(name)`` is called after
    each file.
    """
    if add and ws is None:
        raise NotFound("adding proposed concepts needs a termbase", needs="termbase")
    files = list(files)
    if not files and memory is None:
        raise ValidationError("nothing to extract from: give files or a translation memory", needs="files")
    code = None if lang == "auto" else normalize_lang(lang)
    extractors: dict[str, Extractor] = {}
    names: dict[str, list[str]] = {}
    miners: dict[str, EquivalentMiner] = {}
    mined_from: dict[str, str] = {}  # language -> the memory (or file) its suggestions come from
    infos: list[MemoryInfo] = []

    def feed(doc_lang: str, text: str, name: str) -> None:
        if doc_lang not in extractors:
            # Latin Kazakh is read in its Cyrillic spelling (one Kazakh extractor), its candidates
            # written back in Latin (_latin_result)
            extractors[doc_lang] = Extractor("kk" if doc_lang == KK_LATN else doc_lang, config)
            names[doc_lang] = []
        extractors[doc_lang].feed(kazakh_to_cyrillic(text) if doc_lang == KK_LATN else text)
        if name not in names[doc_lang]:
            names[doc_lang].append(name)

    lexicons: list[Lexicon] = []  # built on first need: a plain document never mines

    def lexicon() -> Lexicon:
        if not lexicons:
            lexicons.append(_lexicon(ws))
        return lexicons[0]

    stored = None
    if memory is not None:
        if ws is None:
            raise NotFound(f"translation memory {memory!r} needs a termbase", needs="termbase")
        # a server keeps the memory's index between requests (until its units change)
        stored = build_corpus(ws.store, memory) if ws.corpora is None else ws.corpora.corpus(ws.store, memory)
        infos.append(MemoryInfo(memory, len(stored), stored.languages, True))
    for file in files:
        src = Source.of(file)
        corpus = _multilingual(src)
        if corpus is not None:
            doc_lang = code or _corpus_source(corpus, src, side)
            if doc_lang not in corpus.languages:
                raise UnknownLanguage(f"{src.name}: no {doc_lang} text in it; it has {', '.join(corpus.languages)}",
                                      needs="source_lang")
            for _uid, texts in corpus.iter_units():
                if texts.get(doc_lang):
                    feed(doc_lang, texts[doc_lang], src.name)
            infos.append(MemoryInfo(src.name, len(corpus), corpus.languages, False))
            if doc_lang not in miners:
                miners[doc_lang] = EquivalentMiner(corpus, doc_lang, lexicon=lexicon())
                mined_from[doc_lang] = src.name
        else:
            doc = format_for(src, reads="text").read_text(src, side=side, lang=code)
            doc_lang = document_language(doc.text, doc.lang if code is None and doc.lang else code, path=src.name)
            feed(doc_lang, doc.text, src.name)
        if progress is not None:
            progress(src.name)
    if stored is not None:
        if not files:  # the memory itself is the text
            doc_lang = code or _corpus_source(stored, None, side)
            if doc_lang not in stored.languages:
                raise UnknownLanguage(f"memory {memory!r} has no {doc_lang} text; it has {', '.join(stored.languages)}",
                                      needs="source_lang")
            for _uid, texts in stored.iter_units():
                if texts.get(doc_lang):
                    feed(doc_lang, texts[doc_lang], f"memory {memory}")
        for doc_lang in extractors:
            if doc_lang in stored.languages and doc_lang not in miners:
                miners[doc_lang] = EquivalentMiner(stored, doc_lang, lexicon=lexicon())
                mined_from[doc_lang] = memory
    index = ws.index if ws is not None else None
    concept_of = index.concept if index is not None else None
    results = []
    for doc_lang, ex in extractors.items():
        result = ex.result(index, files=names[doc_lang])
        if doc_lang in miners:
            result = with_suggestions(result, miners[doc_lang], concept_of)
        if doc_lang == KK_LATN:
            result = _latin_result(result)
        results.append(result)
    results = tuple(results)
    if not add:
        return ExtractRun(results, memories=tuple(infos))
    added: list[str] = []
    with ws.store.atomic():
        for result in results:
            source = "termbase extract: " + ", ".join(Path(name).name for name in result.files)
            for candidate in result.candidates:
                if not candidate.is_new or (only is not None and candidate.term not in only):
                    continue
                concept = proposed_concept(candidate, result.language, source=source, min_score=ADD_THRESHOLD,
                                           memory=mined_from.get(result.language))
                if _known(ws, concept):
                    continue
                added.append(ws.store.concepts.add(concept, actor=actor).id)
    return ExtractRun(results, tuple(added), tuple(infos))


def _latin_result(result: ExtractionResult) -> ExtractionResult:
    """A Kazakh extraction result of Latin text (read in Cyrillic) written back in the Latin alphabet."""
    def latin(candidate: ExtractedTerm) -> ExtractedTerm:
        return replace(
            candidate, term=kazakh_to_latin(candidate.term), forms=tuple(map(kazakh_to_latin, candidate.forms)),
            contexts=tuple(map(kazakh_to_latin, candidate.contexts)),
            expansion=kazakh_to_latin(candidate.expansion) if candidate.expansion else None,
        )
    return replace(result, language=KK_LATN, candidates=tuple(map(latin, result.candidates)))


def _known(ws: Workspace, concept) -> bool:
    """Whether the termbase has a concept one of whose terms is one of ``concept``'s (in any
    inflected form): a mined rendering of a known name is no new concept."""
    return bool(known_terms(ws, concept.terms))


def _lexicon(ws: Workspace | None) -> Lexicon:
    """The general dictionary, with the word pairs of the termbase's one-word terms."""
    lexicon = Lexicon.extended(general_lexicon())
    if ws is not None:
        for concept in ws.store.concepts.iterate():
            words = {}
            for term in concept.terms:
                if term.status in ("deprecated", "forbidden") or " " in term.text.strip():
                    continue
                words.setdefault(term.lang, []).append(term.text)
            if len(words) >= 2:
                lexicon.add(words)
    return lexicon


def _multilingual(src: Source) -> UnitCorpus | None:
    """The units of a translation file holding two or more languages, else None (a document)."""
    candidates = [f for f in formats_that(reads="units") if src.extension in f.extensions]
    if not candidates:
        return None
    fmt = format_for(src, reads=("units", "text"))
    if "units" not in fmt.reads:
        return None
    try:
        corpus = UnitCorpus(MinedUnit(i, u.texts, u.source_lang) for i, u in enumerate(fmt.read_units(src), 1))
    except TermbaseError as exc:
        if exc.needs in ("target_lang", "source_lang", "langs"):
            return None  # languages the file does not say: read it as a document
        raise
    return corpus if len(corpus.languages) >= 2 else None


def _corpus_source(corpus: UnitCorpus, src: Source | None, side: str) -> str:
    """The language candidates come from: the units' source language (the target's with ``side``)."""
    langs = list(corpus.languages)
    source = corpus.source_lang if corpus.source_lang in langs else ("en" if "en" in langs else langs[0])
    if side == "target":
        others = [code for code in langs if code != source]
        return others[0]
    return source
