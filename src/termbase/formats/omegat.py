"""OmegaT glossaries: ``source<TAB>target<TAB>comment`` lines for one language pair.

OmegaT 3.6 (``GlossaryReaderTSV``) reads ``*.utf8`` as UTF-8 and ``*.txt``/``*.tab`` by detecting the
encoding (a BOM decides it), skips a leading BOM and lines starting with ``#``, splits on tabs, and
ignores lines with fewer than two fields or an empty source. Fields cannot contain tabs or line
breaks and nothing is escaped.

Writing (``langs=[source, target]`` is required): one line per source term that a translator may meet
(status preferred, admitted or proposed; deprecated and forbidden source terms are left out), with
the target term to use:

- the best target term whose status is preferred, admitted or proposed (in that order);
- for a short form, acronym or abbreviation: the best target term of the same type if there is one
  (``APK`` -> ``ҚХА``, not the full name).

A concept without such a source and target term is left out; the return value counts concepts
written. The comment, read by translators in OmegaT's glossary pane and parsed back on import::

    [<id>] <source status> <source type>[; target <status> <type>][; deprecated: a | b][; forbidden: c][; note: ...]

``target ...`` is omitted for a preferred full form. ``deprecated``/``forbidden`` list the target
terms to avoid. ``note`` joins the concept note and the target term's note with ``"; "``; tabs and line
breaks in it become spaces. The ``[id]`` part is left out for a concept without id (or an id with
``]`` or white space at its ends); such a concept comes back as one concept per line, since
nothing else ties its lines together. The first line is ``# termbase glossary: <source> -> <target>``,
a comment for OmegaT. ``.utf8`` files are written as plain UTF-8; ``.txt`` and ``.tab`` files get a
BOM so that OmegaT's encoding detection picks UTF-8.

Reading: the languages come from ``langs=[source, target]`` or from termbase's first-line comment;
a glossary from elsewhere says nothing about its languages, so without ``langs`` that is an
``UnknownLanguage`` error. Consecutive lines with the same ``[id]`` form one concept (the source
terms, target terms and terms to avoid of all its lines); any other line is a concept of its own
with a preferred full source and target term and the comment as concept note. Lines without a tab,
with an empty source or target term, or with more than three fields are ``ParseError``\\ s (OmegaT
would drop them silently). Part of speech, term notes other than the target's, subject, definition
and source are not carried by this format.

Example::

    >>> get_format("omegat").write_concepts(tb.iter_concepts(), Path("glossary.utf8"), langs=["en", "kk"])  # doctest: +SKIP
    120
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import ParseError, UnknownLanguage, ValidationError
from ..fsutil import Source, atomic_write
from ..languages import normalize_lang
from ..models import STATUSES, TERM_TYPES, Concept, Term
from .base import Format

#: Source-term statuses written to the glossary; the target uses the best of these.
USABLE_STATUSES = ("preferred", "admitted", "proposed")
#: Source types that look for a target term of the same type.
SAME_TYPE = ("short", "acronym", "abbreviation")
_AVOID_STATUSES = ("deprecated", "forbidden")

_HEADER = re.compile(r"# termbase glossary: (\S+) -> (\S+)\Z")
_STATUS = "|".join(STATUSES)
_TYPE = "|".join(TERM_TYPES)
_COMMENT = re.compile(
    rf"(?:\[(?P<id>[^\]]+)\] )?(?P<ss>{_STATUS}) (?P<st>{_TYPE})"
    rf"(?:; target (?P<ts>{_STATUS}) (?P<tt>{_TYPE}))?"
    r"(?:; deprecated: (?P<deprecated>.+?))?"
    r"(?:; forbidden: (?P<forbidden>.+?))?"
    r"(?:; note: (?P<note>.*))?\Z"
)
_ID_IN_COMMENT = re.compile(r"[^\]\s](?:[^\]]*[^\]\s])?\Z")


class OmegaTFormat(Format):
    """OmegaT tab-separated glossary for one language pair."""

    name = "omegat"
    extensions = ("utf8", "tab", "txt")
    description = "OmegaT glossary (tab-separated source, target, comment) for one language pair"
    reads = frozenset({"concepts"})
    writes = frozenset({"concepts"})

    def sniff(self, head: bytes) -> bool:
        return head.removeprefix(b"\xef\xbb\xbf").startswith(b"# termbase glossary: ")

    def _write_concepts(self, concepts: Iterable[Concept], path: str | Path, *, langs: list[str] | None = None) -> int:
        """Write the ``langs=[source, target]`` glossary; return the number of concepts written."""
        src, tgt = _pair(langs, None)
        bom = not str(path).lower().endswith(".utf8")
        written = 0
        with atomic_write(path, "w", encoding="utf-8-sig" if bom else "utf-8") as fh:
            fh.write(f"# termbase glossary: {src} -> {tgt}\n")
            for concept in concepts:
                if _write_concept(fh, concept, src, tgt):
                    written += 1
        return written

    def _read_concepts(self, src: Source, *, langs: list[str] | None = None) -> Iterator[Concept]:
        """Yield the glossary's concepts; ``langs=[source, target]`` unless termbase wrote the file."""
        path = src.name
        lines = src.read_text(lines=True).split("\n")
        m = _HEADER.match(lines[0].rstrip("\r"))
        if langs is None and m is None:
            raise UnknownLanguage(
                f"{path}: an OmegaT glossary does not say its languages: give the source and target (en, kk)",
                needs="langs",
            )
        # Languages from the caller are the caller's error (UnknownLanguage); from the file, a ParseError.
        src, tgt = _pair(langs, None) if langs is not None else _pair([m.group(1), m.group(2)], path)
        if langs is not None and m is not None and (_norm(m.group(1), path), _norm(m.group(2), path)) != (src, tgt):
            raise ParseError(
                path, f"the glossary is {m.group(1)} -> {m.group(2)}, not {src} -> {tgt} as requested", line=1
            )
        group: _Group | None = None
        for number, raw in enumerate(lines, start=1):
            line = raw.rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 2:
                raise ParseError(path, "expected source<TAB>target[<TAB>comment]: no tab in the line", line=number)
            if len(fields) > 3:
                raise ParseError(path, f"{len(fields)} tab-separated fields; expected at most 3", line=number)
            source, target = fields[0].strip(), fields[1].strip()
            comment = fields[2].strip() if len(fields) == 3 else ""
            if not source:
                raise ParseError(path, "empty source term", line=number)
            if not target:
                raise ParseError(path, "empty target term", line=number)
            parsed = _COMMENT.match(comment)
            concept_id = parsed.group("id") if parsed else None
            if group is not None and concept_id is not None and group.id == concept_id:
                group.add(source, target, parsed)
                continue
            if group is not None:
                yield group.concept()
            group = _Group(concept_id, src, tgt)
            group.add(source, target, parsed, comment)
        if group is not None:
            yield group.concept()


def _norm(code: str, path: str | None) -> str:
    try:
        return normalize_lang(code)
    except UnknownLanguage as exc:
        if path is None:
            raise
        raise ParseError(path, str(exc), line=1) from exc


def _pair(langs: list[str] | None, path: str | None) -> tuple[str, str]:
    if langs is None or len(langs) != 2:
        raise UnknownLanguage(
            "an OmegaT glossary is for one language pair: give two languages, source then target (en, kk)",
            needs="langs",
        )
    src, tgt = _norm(langs[0], path), _norm(langs[1], path)
    if src == tgt:
        raise UnknownLanguage(f"source and target language are both {src!r}")
    return src, tgt


def _one_line(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text).strip()


def _write_concept(fh: IO[str], concept: Concept, src: str, tgt: str) -> bool:
    for term in concept.terms:
        if term.status not in STATUSES or term.type not in TERM_TYPES:
            raise ValidationError(
                f"concept {concept.id!r}: term {term.text!r} has unknown status {term.status!r} or type {term.type!r}"
            )
    sources = [t for t in concept.terms if t.lang == src and t.status in USABLE_STATUSES]
    targets = [t for t in concept.terms_in(tgt) if t.status in USABLE_STATUSES]
    if not sources or not targets:
        return False
    for term in sources + targets:
        if re.search(r"[\t\r\n]", term.text) or not term.text.strip():
            raise ValidationError(
                f"concept {concept.id!r}: term {term.text!r} is empty or contains a tab or line break"
            )
    avoid = {s: [t.text for t in concept.terms if t.lang == tgt and t.status == s] for s in _AVOID_STATUSES}
    note = "; ".join(_one_line(n) for n in (concept.note, targets[0].note) if n and _one_line(n))
    lines = []
    seen: set[str] = set()
    for term in sources:
        if term.text in seen:
            continue
        seen.add(term.text)
        if term.text.startswith("#"):
            raise ValidationError(
                f"concept {concept.id!r}: source term {term.text!r} starts with '#', which OmegaT reads as a comment line"
            )
        target = targets[0]
        if term.type in SAME_TYPE:
            target = next((t for t in targets if t.type == term.type), target)
        parts = []
        if concept.id is not None and _ID_IN_COMMENT.match(concept.id):
            parts.append(f"[{concept.id}] {term.status} {term.type}")
        else:
            parts.append(f"{term.status} {term.type}")
        if (target.status, target.type) != ("preferred", "full"):
            parts.append(f"target {target.status} {target.type}")
        for status in _AVOID_STATUSES:
            if avoid[status]:
                parts.append(f"{status}: " + " | ".join(_one_line(t) for t in avoid[status]))
        if note:
            parts.append(f"note: {note}")
        lines.append(f"{term.text.strip()}\t{target.text.strip()}\t{'; '.join(parts)}\n")
    fh.write("".join(lines))
    return True


class _Group:
    """The lines of one concept while they are read."""

    def __init__(self, concept_id: str | None, src: str, tgt: str):
        self.id = concept_id
        self.src = src
        self.tgt = tgt
        self.sources: list[Term] = []
        self.targets: list[Term] = []
        self.avoid: list[Term] = []
        self.note: str | None = None

    def add(self, source: str, target: str, parsed: re.Match | None, comment: str = "") -> None:
        if parsed is None:
            # A line from another tool: its comment is all we know about the concept.
            self._put(self.sources, Term(self.src, source))
            self._put(self.targets, Term(self.tgt, target))
            self.note = self.note or comment or None
            return
        self._put(self.sources, Term(self.src, source, parsed.group("ss"), parsed.group("st")))
        self._put(self.targets, Term(self.tgt, target, parsed.group("ts") or "preferred", parsed.group("tt") or "full"))
        for status in _AVOID_STATUSES:
            for text in (parsed.group(status) or "").split(" | "):
                if text.strip():
                    self._put(self.avoid, Term(self.tgt, text.strip(), status))
        self.note = self.note or parsed.group("note") or None

    @staticmethod
    def _put(terms: list[Term], term: Term) -> None:
        if all(t.text != term.text for t in terms):
            terms.append(term)

    def concept(self) -> Concept:
        return Concept(self.id, tuple(self.sources + self.targets + self.avoid), note=self.note)

