"""Pre-translation of XLIFF 1.2 and 2.x files (:func:`fill_xliff`, the ``xliff`` format's
``write_filled``): the file is streamed (:mod:`.xmlstream`), each untranslated unit filled as it is
read and written back with everything else as it was."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Callable

from lxml import etree

from ..errors import ParseError, UnknownLanguage
from ..fsutil import Source, atomic_write
from ..languages import normalize_lang
from ..models import Fill, FillRequest, FillStats
from . import xmlstream
from .tmx import _ILLEGAL
from .xliff_syntax import _FUZZY_1, _TEXT_TAGS_1, _TEXT_TAGS_2, _UNTRANSLATED_1, _child, _inline_text, _local, _version

__all__ = ["fill_xliff"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_MTC = "{urn:oasis:names:tc:xliff:matches:2.0}"  # XLIFF 2.0 Translation Candidates module


def fill_xliff(
    src: Source,
    dest: str | Path,
    fill: Callable[[FillRequest], Fill | None],
    *,
    target_lang: str | None = None,
    overwrite: bool = False,
) -> FillStats:
    """Write the XLIFF file ``src`` (1.2 or 2.x) to ``dest`` with the targets of its untranslated
    units filled; everything else (other units, comments, attributes, extensions) stays as it was.

    The languages are the file's (1.2: each ``<file>``'s ``source-language``/``target-language``;
    2.x: ``srcLang``/``trgLang``); ``target_lang`` names the target when the file does not (it is
    then written into the file), else a ``ParseError`` with ``needs="target_lang"``.

    Untranslated: no or an empty target; 1.2 also ``state`` ``new``, ``needs-translation`` or a
    ``needs-review-*``/``needs-*`` state (fuzzy), 2.x ``state="initial"``. ``translate="no"`` units
    are not units. A source with inline elements (codes, placeholders, markers) is not asked about
    and counts as left empty: the fill is plain text, and putting it in would lose the codes.

    1.2: ``<target xml:lang=...>`` holds the fill; an exact match ``state="final"``,
    ``state-qualifier="exact-match"``; else ``state="needs-review-translation"``,
    ``state-qualifier="fuzzy-match"``, a ``<note from="termbase">NN% match</note>`` and the match as
    ``<alt-trans match-quality="NN" origin="termbase">`` (the memory's source and target); notes as
    more ``<note from="termbase">``.
    2.x: ``<segment state="final">`` for exact matches; the others ``state="initial"`` (the core
    states are initial, translated, reviewed, final: no state says "to review", and ``initial`` is
    what the reader takes for a draft) with ``<note category="termbase">NN% match</note>`` in the
    unit's ``<notes>`` (the segment's id first when the unit has several) and, for a segment with an
    id, the match in the Translation Candidates module (``<mtc:matches>``); notes likewise.
    Earlier termbase notes and matches of a unit filled again are replaced.

    The file is streamed (:func:`xmlstream.rewrite`): each unit is filled and written as soon as it
    has been read, then freed, so memory does not grow with the file (no input limit applies); the
    bytes are those lxml writes for the whole document. It goes to a temporary file renamed at the
    end (standard output: spooled first), so malformed XML anywhere leaves nothing behind.
    """
    filler = _XliffFiller(src.name, fill, target_lang, overwrite)
    with atomic_write(dest, "wb") as fh:
        if str(dest) == "-":  # standard output: nothing is written unless the whole file parses
            with tempfile.TemporaryFile() as spool:
                xmlstream.rewrite(src, spool, filler)
                spool.seek(0)
                shutil.copyfileobj(spool, fh)
        else:
            xmlstream.rewrite(src, fh, filler)
    return FillStats(filler.units, filler.exact, filler.fuzzy, filler.empty, filler.kept)


class _XliffFiller:
    """Fills the units of an XLIFF file that :func:`xmlstream.rewrite` reads (its ``Rewriter``): the
    containers are ``<xliff>``, its ``<file>`` s, and ``<body>`` and ``<group>``; every other element
    under them (a unit, a header, notes) comes complete, its units are filled, and it is written."""

    def __init__(self, name: str, fill, target_lang: str | None, overwrite: bool):
        self.name, self.fill, self.target_arg, self.overwrite = name, fill, target_lang, overwrite
        self.ns: str | None = None
        self.version = 0
        self.units = self.exact = self.fuzzy = self.empty = self.kept = 0
        self.root_el = None
        self.containers: frozenset[str] = frozenset()
        # 1.2: the <file> being read (units outside a <file> are not filled), its languages
        self.file_el = None
        self.file_langs: tuple[str | None, str, str] | None = None
        # 2.x: the document's languages
        self.langs_2: tuple[str | None, str] | None = None

    # ------------------------------------------------------------------ the Rewriter of xmlstream
    def root(self, root) -> None:
        if _local(root) != "xliff":
            raise ParseError(self.name, f"not an XLIFF file (root element <{_local(root)}>)", line=root.sourceline)
        self.ns = etree.QName(root).namespace
        self.version = _version(self.name, root)
        self.root_el = root
        if self.version == 1:
            self.containers = frozenset({self._q("body"), self._q("group")})
        else:
            self.containers = frozenset({self._q("file"), self._q("group")})
            src_lang, tgt_lang, _ = self._langs(root, root.get("srcLang"), root.get("trgLang"), "trgLang")
            self.langs_2 = (src_lang, tgt_lang)

    def is_container(self, elem, parent) -> bool:
        if self.version == 1 and parent is self.root_el:
            if _local(elem) != "file":
                return False
            self.file_el = elem
            self.file_langs = self._langs(elem, elem.get("source-language"), elem.get("target-language"),
                                          "target-language")
            return True
        return elem.tag in self.containers

    def chunk(self, elem) -> None:
        if self.version == 2:
            for unit in elem.iter(self._q("unit")):
                self._unit_2(unit, *self.langs_2)
        elif self.file_el is not None:
            for tu in elem.iter(self._q("trans-unit")):
                self._unit_12(tu)

    def end(self, elem) -> None:
        if elem is self.file_el:
            self.file_el = self.file_langs = None

    def _q(self, local: str) -> str:
        return f"{{{self.ns}}}{local}" if self.ns else local

    def _langs(self, elem, source: str | None, target: str | None, attr: str) -> tuple[str | None, str, str]:
        """(source language, target language normalised, the target's code as the file has it)."""
        if not target:
            if not self.target_arg:
                raise ParseError(self.name, "the XLIFF file does not say its target language", line=elem.sourceline,
                                 needs="target_lang")
            target = self.target_arg
            elem.set(attr, target)
        try:
            return (normalize_lang(source) if source else None), normalize_lang(target), target
        except UnknownLanguage as exc:
            raise ParseError(self.name, str(exc), line=elem.sourceline) from exc

    def _ask(self, source_el, src_lang, tgt_lang, line) -> Fill | None:
        if any(isinstance(c.tag, str) for c in source_el):
            return None  # inline markup: not filled
        source = source_el.text or ""
        if not source.strip():
            return None
        got = self.fill(FillRequest(source, None, src_lang, tgt_lang, line))
        return got if got is not None and got.text else None

    def _count(self, got: Fill | None, translated: bool) -> None:
        if got is None:
            if translated:
                self.kept += 1
            else:
                self.empty += 1
        elif got.final:
            self.exact += 1
        else:
            self.fuzzy += 1

    def _set_target(self, after, target_el, text: str):
        if target_el is None:
            target_el = etree.Element(self._q("target"))
            _insert_after(after, target_el)
        for child in list(target_el):
            target_el.remove(child)
        target_el.text = _ILLEGAL.sub("", text)
        return target_el

    # ------------------------------------------------------------------ 1.2
    def _unit_12(self, tu) -> None:
        src_lang, tgt_lang, tgt_code = self.file_langs
        if tu.get("translate") == "no":
            return
        source_el = _child(tu, "source")
        if source_el is None:
            return
        self.units += 1
        target_el = _child(tu, "target")
        state = target_el.get("state") if target_el is not None else None
        translated = (target_el is not None and bool(_inline_text(target_el, _TEXT_TAGS_1).strip())
                      and state not in _UNTRANSLATED_1 and state not in _FUZZY_1)
        got = None
        if not translated or self.overwrite:
            got = self._ask(source_el, src_lang, tgt_lang, tu.sourceline)
        self._count(got, translated)
        if got is None:
            return
        seg_source = _child(tu, "seg-source")
        after = seg_source if seg_source is not None else source_el
        target_el = self._set_target(after, target_el, got.text)
        target_el.set(_XML_LANG, tgt_code)
        target_el.set("state", "final" if got.final else "needs-review-translation")
        target_el.set("state-qualifier", "exact-match" if got.final else "fuzzy-match")
        for old in list(tu):
            if _local(old) in ("note", "alt-trans") and (old.get("from") or old.get("origin")) == "termbase":
                _remove(old)
        texts = ([] if got.final else [f"{round(got.score)}% match"]) + _note_lines(got)
        last = [c for c in tu if isinstance(c.tag, str) and etree.QName(c).namespace == self.ns][-1]
        for text in texts:
            note = etree.Element(self._q("note"), {"from": "termbase"})
            note.text = _ILLEGAL.sub("", text)
            _insert_after(last, note)
            last = note
        if not got.final and got.match_source:
            alt = self._alt_trans_12(got, self.file_el.get("source-language"), tgt_code)
            _insert_after(last, alt)
            _indent(alt)

    def _alt_trans_12(self, got: Fill, src_code: str | None, tgt_code: str):
        """``<alt-trans match-quality="88" origin="termbase">``: the memory's source and target, as
        CAT tools show a fuzzy match beside the unit."""
        alt = etree.Element(self._q("alt-trans"), {"match-quality": str(round(got.score)), "origin": "termbase"})
        source = etree.SubElement(alt, self._q("source"), {_XML_LANG: src_code} if src_code else {})
        source.text = _ILLEGAL.sub("", got.match_source or "")
        target = etree.SubElement(alt, self._q("target"), {_XML_LANG: tgt_code})
        target.text = _ILLEGAL.sub("", got.text)
        return alt

    # ------------------------------------------------------------------ 2.x
    def _unit_2(self, unit, src_lang, tgt_lang) -> None:
        if unit.get("translate") == "no":
            return
        segments = [c for c in unit if _local(c) == "segment"]
        texts: list[str] = []
        matches: list[tuple[str, Fill]] = []
        filled = False
        for i, seg in enumerate(segments, 1):
            source_el = _child(seg, "source")
            if source_el is None:
                continue
            self.units += 1
            target_el = _child(seg, "target")
            translated = (target_el is not None and bool(_inline_text(target_el, _TEXT_TAGS_2).strip())
                          and seg.get("state") != "initial")
            got = None
            if not translated or self.overwrite:
                got = self._ask(source_el, src_lang, tgt_lang, seg.sourceline)
            self._count(got, translated)
            if got is None:
                continue
            filled = True
            self._set_target(source_el, target_el, got.text)
            seg.set("state", "final" if got.final else "initial")
            if not got.final and got.match_source and seg.get("id"):
                matches.append((seg.get("id"), got))
            lines = ([] if got.final else [f"{round(got.score)}% match"]) + _note_lines(got)
            prefix = f"{seg.get('id') or i}: " if len(segments) > 1 else ""
            texts.extend(prefix + line for line in lines)
        if filled:
            self._notes_2(unit, texts)
            self._matches_2(unit, matches)

    def _matches_2(self, unit, matches: list[tuple[str, Fill]]) -> None:
        """The Translation Candidates module: ``<mtc:matches>`` first in the unit, a ``<mtc:match
        ref="#SEGMENT" similarity="88" matchQuality="88" type="tm" origin="termbase">`` with the memory's
        source and target for each fuzzy fill (a segment without an id cannot be pointed at: its note
        alone says the percentage). termbase's earlier matches in the unit are replaced."""
        box = next((c for c in unit if isinstance(c.tag, str) and c.tag == _MTC + "matches"), None)
        if box is not None:
            for old in list(box):
                if isinstance(old.tag, str) and old.get("origin") == "termbase":
                    box.remove(old)
            if not matches and not any(isinstance(c.tag, str) for c in box):
                _remove(box)
                return
        if not matches:
            return
        if box is None:
            box = etree.Element(_MTC + "matches", nsmap={"mtc": _MTC[1:-1]})
            first = next(c for c in unit if isinstance(c.tag, str))
            prev = first.getprevious()
            box.tail = prev.tail if prev is not None else unit.text
            first.addprevious(box)
        for seg_id, got in matches:
            score = str(round(got.score))
            match = etree.SubElement(box, _MTC + "match", {"ref": f"#{seg_id}", "similarity": score,
                                                           "matchQuality": score, "type": "tm", "origin": "termbase"})
            etree.SubElement(match, self._q("source")).text = _ILLEGAL.sub("", got.match_source or "")
            etree.SubElement(match, self._q("target")).text = _ILLEGAL.sub("", got.text)
        _indent(box)

    def _notes_2(self, unit, texts: list[str]) -> None:
        notes = _child(unit, "notes")
        if notes is not None:
            for note in list(notes):
                if _local(note) == "note" and note.get("category") == "termbase":
                    _remove(note)
            if not texts and not any(isinstance(c.tag, str) for c in notes):
                _remove(notes)
                return
        if not texts:
            return
        if notes is None:
            notes = etree.Element(self._q("notes"))
            before = next(c for c in unit if _local(c) in ("originalData", "segment", "ignorable"))
            # the new element takes the place (and the indentation) of the one it goes before
            prev = before.getprevious()
            notes.tail = prev.tail if prev is not None else unit.text
            before.addprevious(notes)
        last = next((c for c in reversed(notes) if isinstance(c.tag, str)), None)
        for text in texts:
            note = etree.Element(self._q("note"), {"category": "termbase"})
            note.text = _ILLEGAL.sub("", text)
            if last is None:
                notes.append(note)
            else:
                _insert_after(last, note)
            last = note


def _note_lines(got: Fill) -> list[str]:
    return list(dict.fromkeys(line for note in got.notes for line in note.splitlines() if line.strip()))


def _insert_after(ref, new) -> None:
    """Put ``new`` after ``ref``, indented as ``ref`` is."""
    prev = ref.getprevious()
    indent = prev.tail if prev is not None else ref.getparent().text
    new.tail = ref.tail
    ref.tail = indent if indent is not None and not indent.strip() else ref.tail
    ref.addnext(new)


def _indent(elem) -> None:
    """Indent what ``elem`` holds one step (two spaces) deeper than ``elem`` stands, when it stands
    on a line of its own (a file written on one line stays so)."""
    prev = elem.getprevious()
    before = prev.tail if prev is not None else elem.getparent().text
    if not before or before.strip() or "\n" not in before:
        return
    kids = [c for c in elem if isinstance(c.tag, str)]
    if not kids:
        return
    elem.text = before + "  "
    for kid in kids:
        kid.tail = before + "  "
        _indent(kid)
    kids[-1].tail = before


def _remove(elem) -> None:
    """Remove ``elem``, keeping the text after it (its tail) where it was."""
    parent = elem.getparent()
    prev = elem.getprevious()
    if elem.tail and elem.tail.strip():
        if prev is not None:
            prev.tail = (prev.tail or "") + elem.tail
        else:
            parent.text = (parent.text or "") + elem.tail
    elif prev is not None:
        prev.tail = elem.tail if elem.getnext() is None else prev.tail
    parent.remove(elem)
