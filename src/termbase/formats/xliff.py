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
"""

from __future__ import annotations

from typing import Iterator

from lxml import etree

from ..errors import ParseError
from ..fsutil import Source
from ..models import BilingualUnit, Document, TranslationUnit
from . import xmlsafe
from .base import Format, text_from_pairs, units_from_pairs

__all__ = ["XliffFormat"]

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


class XliffFormat(Format):
    """XLIFF 1.2 / 2.x bilingual files."""

    name = "xliff"
    extensions = ("xlf", "xliff")
    description = "XLIFF 1.2 or 2.x"
    reads = frozenset({"units", "pairs", "text"})

    def sniff(self, head: bytes) -> bool:
        return xmlsafe.root_name(head) == "xliff"

    def _read_pairs(self, src: Source, *, source_lang: str | None = None) -> Iterator[BilingualUnit]:
        return _pairs(src)

    def _read_units(self, src: Source) -> Iterator[TranslationUnit]:
        """The translated segments as units; drafts (fuzzy) come with ``meta={"fuzzy": "yes"}``."""
        return units_from_pairs(src.name, _pairs(src))

    def _read_text(self, src: Source, *, side: str = "source", lang: str | None = None) -> Document:
        return text_from_pairs(src.name, _pairs(src), side)
