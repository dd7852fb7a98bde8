"""XLIFF 1.2 and 2.x (2.0, 2.1, 2.2) bilingual files: read as pairs to check, as translation-memory
units and as text.

Each translatable segment becomes a :class:`~termbase.models.BilingualUnit` with the line of its
``<trans-unit>`` (1.2) or ``<segment>`` (2.x); units (the translated, non-draft segments) and the text
of either side are made from those pairs. The file is streamed, so memory stays flat.

States (what is skipped by a check):

- 1.2: a ``<target>`` that is missing or empty, or ``state="new"`` / ``"needs-translation"``, is
  untranslated; ``state="needs-review-*"``, ``"needs-adaptation"`` or ``"needs-l10n"`` is fuzzy.
  ``approved`` is not used: many tools write ``approved="no"`` on finished translations.
- 2.x: an empty or missing ``<target>`` is untranslated; an explicit ``state="initial"`` with a target
  is a draft (fuzzy). A segment without ``state`` that has a target counts as translated, although
  the specification's default is ``initial``: tools commonly omit the attribute on finished work.
- ``translate="no"`` units are not units to check at all.

Writing a translation memory (:func:`write_xliff`): XLIFF 1.2 (format ``xliff``) has one ``<file>``
per target language; XLIFF 2.0 (format ``xliff2``) holds one target language per document.

Pre-translation (:func:`fill_xliff`, ``write_filled``) streams the file (comments kept): each unit
is read, its target filled when it is untranslated, and written out before the next is read, with
everything else as it was (:mod:`.xmlstream`); memory stays flat.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from lxml import etree

from ..errors import ParseError, TermbaseError, UnknownLanguage, ValidationError
from ..fsutil import Source, atomic_write
from ..languages import normalize_lang
from ..models import BilingualUnit, Fill, FillRequest, FillStats, TranslationUnit
from . import xmlsafe, xmlstream
from .base import PairsFormat
from .tmx import _ILLEGAL, _attr, _text  # XML escaping, as TMX writes it

__all__ = ["XliffFormat", "Xliff2Format", "write_xliff", "fill_xliff"]

_NS1 = ("urn:oasis:names:tc:xliff:document:1.2", "urn:oasis:names:tc:xliff:document:1.1",
        "urn:oasis:names:tc:xliff:document:1.0")
_NS2 = "urn:oasis:names:tc:xliff:document:2.0"  # 2.1 and 2.2 keep the 2.0 core namespace

_UNTRANSLATED_1 = frozenset({"new", "needs-translation"})
_FUZZY_1 = frozenset({"needs-review-translation", "needs-review-l10n", "needs-review-adaptation",
                      "needs-adaptation", "needs-l10n"})
# XLIFF 1.2 section 2.4 (inline elements): g and mrk hold translatable text; bpt, ept, it, ph and sub
# hold native code (or code with sub-flows); x, bx and ex are empty placeholders.
_TEXT_TAGS_1 = frozenset({"g", "mrk"})
# XLIFF 2.0 section 4.1.2: pc and mrk hold text; sc, ec, ph, sm, em are empty; cp is one code point.
_TEXT_TAGS_2 = frozenset({"pc", "mrk"})


def _local(elem: etree._Element) -> str:
    tag = elem.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _inline_text(elem: etree._Element, text_tags: frozenset[str]) -> str:
    parts = [elem.text or ""]
    for child in elem:
        name = _local(child)
        if name in text_tags:
            parts.append(_inline_text(child, text_tags))
        elif name == "cp":  # XLIFF 2: a code point that XML cannot carry
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                pass
        parts.append(child.tail or "")
    return "".join(parts)


def _child(elem: etree._Element, name: str) -> etree._Element | None:
    for c in elem:
        if _local(c) == name:
            return c
    return None


def _pairs(src: Source) -> Iterator[BilingualUnit]:
    """Stream the segments of an XLIFF 1.2 or 2.x file as :class:`BilingualUnit` s.

    Languages are the file's as written (1.2: ``<file source-language target-language>``;
    2.x: ``<xliff srcLang trgLang>``); ``None`` when the file does not say. ``id`` is the
    ``trans-unit``/``unit`` id (``unit/segment`` when a 2.x unit has several segments).

    Raises :class:`ParseError` for malformed XML, a file that is not XLIFF or an unknown version.
    """
    version: int | None = None
    src_lang = tgt_lang = None
    for event, elem in xmlsafe.iterparse(src, events=("start", "end")):
        name = _local(elem)
        if version is None:
            if name != "xliff":
                raise ParseError(src.name, f"not an XLIFF file (root element <{name}>)", line=elem.sourceline)
            version = _version(src.name, elem)
            if version == 2:
                src_lang, tgt_lang = elem.get("srcLang"), elem.get("trgLang")
            continue
        if event == "start":
            if version == 1 and name == "file":
                src_lang, tgt_lang = elem.get("source-language"), elem.get("target-language")
            continue
        if version == 1 and name == "trans-unit":
            unit = _unit_1(elem, src_lang, tgt_lang)
            if unit is not None:
                yield unit
            xmlsafe.release(elem)
        elif version == 2 and name == "unit":
            yield from _units_2(elem, src_lang, tgt_lang)
            xmlsafe.release(elem)


def _version(path: str, root: etree._Element) -> int:
    ns = etree.QName(root).namespace
    declared = root.get("version") or ""
    if ns in _NS1 or (ns is None and declared.startswith("1.")):
        return 1
    if ns == _NS2 or (ns is None and declared.startswith("2.")):
        return 2
    raise ParseError(
        path, f"unsupported XLIFF version {declared or '?'} (namespace {ns or 'none'}); "
        "termbase reads XLIFF 1.2 and 2.x", line=root.sourceline,
    )


def _unit_1(tu: etree._Element, src_lang, tgt_lang) -> BilingualUnit | None:
    if tu.get("translate") == "no":
        return None
    source_el = _child(tu, "source")
    if source_el is None:
        return None
    target_el = _child(tu, "target")
    source = _inline_text(source_el, _TEXT_TAGS_1)
    target = _inline_text(target_el, _TEXT_TAGS_1) if target_el is not None else ""
    state = target_el.get("state") if target_el is not None else None
    translated = bool(target.strip()) and state not in _UNTRANSLATED_1
    return BilingualUnit(
        source=source, target=target, source_lang=src_lang,
        target_lang=(target_el.get("{http://www.w3.org/XML/1998/namespace}lang") if target_el is not None
                     else None) or tgt_lang,
        line=tu.sourceline, id=tu.get("id") or tu.get("resname"),
        fuzzy=state in _FUZZY_1, translated=translated,
    )


def _units_2(unit: etree._Element, src_lang, tgt_lang) -> Iterator[BilingualUnit]:
    if unit.get("translate") == "no":
        return
    segments = [c for c in unit if _local(c) == "segment"]
    for i, seg in enumerate(segments, 1):
        source_el = _child(seg, "source")
        if source_el is None:
            continue
        target_el = _child(seg, "target")
        source = _inline_text(source_el, _TEXT_TAGS_2)
        target = _inline_text(target_el, _TEXT_TAGS_2) if target_el is not None else ""
        uid = unit.get("id")
        if len(segments) > 1:
            uid = f"{uid}/{seg.get('id') or i}"
        yield BilingualUnit(
            source=source, target=target, source_lang=src_lang, target_lang=tgt_lang,
            line=seg.sourceline, id=uid, fuzzy=seg.get("state") == "initial",
            translated=bool(target.strip()),
        )


# --------------------------------------------------------------------------------------- writing
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_MTC = "{urn:oasis:names:tc:xliff:matches:2.0}"  # XLIFF 2.0 Translation Candidates module


def _space(*texts: str) -> str:
    # text whose white space matters (newlines, runs of spaces, at the ends) asks to be kept as is
    return ' xml:space="preserve"' if any(t != " ".join(t.split()) for t in texts) else ""


def write_xliff(
    units: Iterable[TranslationUnit],
    path: str | Path,
    *,
    source_lang: str,
    target_langs: list[str],
    version: str = "1.2",
) -> int:
    """Write ``units`` as XLIFF (atomically; ``-`` is standard output); the number of units that went
    into the file (into at least one ``<file>``).

    1.2: one ``<file>`` per target language (``source-language``/``target-language``,
    ``datatype="plaintext"``, ``original="termbase"``), a ``<trans-unit>`` per unit that has both
    languages, its ``id`` the unit's id (else its position in ``units``), ``<target
    state="translated">``, the unit's note as ``<note>``. 2.0: the same as ``<unit>``/``<segment
    state="translated">``, in one document with ``srcLang``/``trgLang``: one target language only
    (else a ``ValidationError``), and at least one unit (a 2.0 ``<file>`` cannot be empty).
    """
    targets = [t for t in dict.fromkeys(target_langs) if t != source_lang]
    if not targets:
        raise TermbaseError("an XLIFF file needs a target language different from the source")
    if version == "2.0" and len(targets) > 1:
        raise ValidationError(
            f"an XLIFF 2.0 file holds one target language, not {', '.join(targets)}: choose one", needs="langs")
    if version not in ("1.2", "2.0"):
        raise ValueError(f"XLIFF version must be 1.2 or 2.0, not {version!r}")
    with atomic_write(path, "w", encoding="utf-8") as fh:
        if version == "2.0":
            return _write_xliff2(units, fh, path, source_lang, targets[0])
        return _write_xliff12(units, fh, source_lang, targets)


def _unit_ids(units: Iterable[TranslationUnit]) -> Iterator[tuple[str, TranslationUnit]]:
    """Each unit with its id: the unit's own, else its position (1, 2 ...), made unique."""
    seen: set[str] = set()
    for n, unit in enumerate(units, 1):
        uid = base = str(unit.id) if unit.id is not None else str(n)
        k = 1
        while uid in seen:
            k += 1
            uid = f"{base}-{k}"
        seen.add(uid)
        yield uid, unit


def _write_xliff12(units: Iterable[TranslationUnit], fh: IO[str], source_lang: str, targets: list[str]) -> int:
    # one pass over the units: each target language's <file> body goes to its own spooled file
    bodies = {t: tempfile.SpooledTemporaryFile(max_size=1 << 22, mode="w+", encoding="utf-8") for t in targets}
    try:
        count = 0
        for uid, unit in _unit_ids(units):
            source = unit.texts.get(source_lang)
            if not source:
                continue
            used = False
            for t in targets:
                target = unit.texts.get(t)
                if not target:
                    continue
                used = True
                note = f"        <note>{_text(unit.note)}</note>\n" if unit.note else ""
                bodies[t].write(
                    f'      <trans-unit id="{_attr(uid)}"{_space(source, target)}>\n'
                    f"        <source>{_text(source)}</source>\n"
                    f'        <target state="translated">{_text(target)}</target>\n'
                    f"{note}      </trans-unit>\n"
                )
            count += used
        fh.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{_NS1[0]}">\n')
        for t, body in bodies.items():
            fh.write(f'  <file original="termbase" datatype="plaintext" source-language="{_attr(source_lang)}" '
                     f'target-language="{_attr(t)}">\n    <body>\n')
            body.seek(0)
            while chunk := body.read(1 << 16):
                fh.write(chunk)
            fh.write("    </body>\n  </file>\n")
        fh.write("</xliff>\n")
        return count
    finally:
        for body in bodies.values():
            body.close()


def _write_xliff2(units: Iterable[TranslationUnit], fh: IO[str], path, source_lang: str, target: str) -> int:
    fh.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="{_NS2}" version="2.0" '
             f'srcLang="{_attr(source_lang)}" trgLang="{_attr(target)}">\n  <file id="f1" original="termbase">\n')
    count = 0
    for uid, unit in _unit_ids(units):
        source, text = unit.texts.get(source_lang), unit.texts.get(target)
        if not source or not text:
            continue
        count += 1
        notes = f"      <notes><note>{_text(unit.note)}</note></notes>\n" if unit.note else ""
        fh.write(
            f'    <unit id="{_attr(_nmtoken(uid))}"{_space(source, text)}>\n{notes}'
            f'      <segment state="translated">\n'
            f"        <source>{_text(source)}</source>\n"
            f"        <target>{_text(text)}</target>\n"
            "      </segment>\n    </unit>\n"
        )
    if not count:
        raise ValidationError(f"{path}: no unit has both {source_lang} and {target} text; "
                              "an XLIFF 2.0 file needs at least one")
    fh.write("  </file>\n</xliff>\n")
    return count


def _nmtoken(uid: str) -> str:
    # XLIFF 2.0 ids are NMTOKENs: no white space (ids termbase makes never have any)
    return "_".join(uid.split()) or "_"


class XliffFormat(PairsFormat):
    """XLIFF 1.2 / 2.x bilingual files; writes translation memories as XLIFF 1.2."""

    name = "xliff"
    extensions = ("xlf", "xliff")
    description = "XLIFF 1.2 or 2.x"
    reads = frozenset({"units", "pairs", "text"})
    writes = frozenset({"units", "translations"})
    #: the XLIFF version of the memories this format writes
    version = "1.2"

    def _write_units(
        self, units: Iterable[TranslationUnit], dest: str | Path, *, source_lang: str, target_langs: list[str]
    ) -> int:
        return write_xliff(units, dest, source_lang=source_lang, target_langs=target_langs, version=self.version)

    def _write_translations(
        self, src: Source, dest: str | Path, fill: Callable[[FillRequest], Fill | None], *,
        target_lang: str | None, overwrite: bool,
    ) -> FillStats:
        """Pre-translation of an XLIFF 1.2 or 2.x file: see :func:`fill_xliff`."""
        return fill_xliff(src, dest, fill, target_lang=target_lang, overwrite=overwrite)

    def sniff(self, head: bytes) -> bool:
        return xmlsafe.root_name(head) == "xliff"

    def _read_pairs(self, src: Source, *, source_lang: str | None = None) -> Iterator[BilingualUnit]:
        return _pairs(src)



# --------------------------------------------------------------------------------- pre-translation
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


class Xliff2Format(XliffFormat):
    """XLIFF 2.0: reads as :class:`XliffFormat` does (any version), writes memories as XLIFF 2.0.
    No extension of its own: ``.xlf`` files are recognised as ``xliff``; this one is chosen by name."""

    name = "xliff2"
    extensions = ()
    description = "XLIFF 2.0 (writing; reads any XLIFF)"
    version = "2.0"
