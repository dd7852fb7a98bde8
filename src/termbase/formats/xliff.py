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

Pre-translation (``write_filled``, :mod:`.xliff_fill`) streams the file (comments kept): each unit
is read, its target filled when it is untranslated, and written out before the next is read, with
everything else as it was (:mod:`.xmlstream`); memory stays flat.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from lxml import etree

from ..errors import ParseError, TermbaseError, ValidationError
from ..fsutil import Source, atomic_write
from ..models import BilingualUnit, Fill, FillRequest, FillStats, TranslationUnit
from . import xmlsafe
from .base import PairsFormat
from .tmx import _attr, _text  # XML escaping, as TMX writes it
from .xliff_fill import fill_xliff
from .xliff_syntax import (_FUZZY_1, _NS1, _NS2, _TEXT_TAGS_1, _TEXT_TAGS_2, _UNTRANSLATED_1, _child, _inline_text,
                           _local, _version)

__all__ = ["XliffFormat", "Xliff2Format", "write_xliff", "fill_xliff"]

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
        """Pre-translation of an XLIFF 1.2 or 2.x file: see :func:`.xliff_fill.fill_xliff`."""
        return fill_xliff(src, dest, fill, target_lang=target_lang, overwrite=overwrite)

    def sniff(self, head: bytes) -> bool:
        return xmlsafe.root_name(head) == "xliff"

    def _read_pairs(self, src: Source, *, source_lang: str | None = None) -> Iterator[BilingualUnit]:
        return _pairs(src)



class Xliff2Format(XliffFormat):
    """XLIFF 2.0: reads as :class:`XliffFormat` does (any version), writes memories as XLIFF 2.0.
    No extension of its own: ``.xlf`` files are recognised as ``xliff``; this one is chosen by name."""

    name = "xliff2"
    extensions = ()
    description = "XLIFF 2.0 (writing; reads any XLIFF)"
    version = "2.0"
