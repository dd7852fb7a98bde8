"""TMX 1.4b translation memories: streaming writer and streaming reader.

Writing produces what the TMX 1.4b DTD requires and what CAT tools need in practice:

- ``<header>`` carries every required attribute (creationtool, creationtoolversion, segtype
  ``sentence``, o-tmf, adminlang, srclang, datatype) plus creationdate. ``srclang`` is never left out:
  OmegaT 3.6 drops the whole memory when it is missing.
- each ``<tu>`` has a ``<tuv>`` in the header's source language, or says its own ``srclang`` (TMX 1.4b
  section 3.1: a tu must hold the source language given for it);
- dates are ``YYYYMMDDThhmmssZ`` (UTC; ``SOURCE_DATE_EPOCH`` fixes it for reproducible files);
- text is escaped, ``\\r`` is written as ``&#13;`` so that it survives line-end normalisation, and
  characters XML 1.0 cannot carry (C0 controls other than tab/newline/CR, U+FFFE/U+FFFF, lone
  surrogates) are dropped;
- the document, position, score and context of a unit go into ``<prop type="x-...">``; its note into
  ``<note>``.

Units are written one at a time, so a million units take no more memory than a thousand.

Reading streams too (:func:`termbase.formats.xmlsafe.iterparse`, each ``<tu>`` freed when done). The
text of a ``<seg>`` is its character data and that of ``<hi>``; the native codes inside
``<bpt>``/``<ept>``/``<it>``/``<ph>``/``<ut>`` (and their ``<sub>`` flows) are not sentence text and
are left out.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import IO, Iterable, Iterator

from lxml import etree

from ..errors import ParseError, TermbaseError, UnknownLanguage
from ..fsutil import atomic_write
from ..models import TranslationUnit
from . import xmlsafe
from .base import BilingualUnit, Format, register

__all__ = ["TmxFormat", "read_tmx", "write_tmx", "tmx_date"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters outside XML 1.0's Char production (section 2.2).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What character data cannot hold as is: markup characters, CR (or line-end normalisation turns it
# into LF) and the illegal characters above.
_TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)
# TMX 1.4b section 3.7: inline elements. hi holds text; the others hold native code.
_CODE_TAGS = frozenset({"bpt", "ept", "it", "ph", "ut", "sub"})
# prop types termbase writes for the unit's fields
_PROP_FIELDS = ("x-document", "x-position", "x-score", "x-context")


def tmx_date(epoch: float | None = None) -> str:
    """A TMX date (``YYYYMMDDThhmmssZ``, UTC); ``SOURCE_DATE_EPOCH`` wins when set.

    >>> tmx_date(0)
    '19700101T000000Z'
    """
    if epoch is None:
        env = os.environ.get("SOURCE_DATE_EPOCH")
        epoch = float(env) if env and env.isdigit() else time.time()
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch))


def _text(s: str) -> str:
    # Most segments need no escaping: one regex scan decides, then plain str.replace (str.translate
    # with a dict goes character by character and was most of the writer's time on Cyrillic text).
    if _TEXT_SPECIAL.search(s) is None:
        return s
    if _ILLEGAL.search(s):
        s = _ILLEGAL.sub("", s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(s: str) -> str:
    if _ILLEGAL.search(s):
        s = _ILLEGAL.sub("", s)
    return s.translate(_ATTR_ESCAPES)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("termbase")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.1.0"


def write_tmx(
    units: Iterable[TranslationUnit],
    path: str | Path,
    *,
    source_lang: str,
    target_langs: list[str],
    creation_date: str | None = None,
) -> int:
    """Write ``units`` as TMX 1.4b to ``path`` (atomically; ``-`` is standard output).

    Only the languages ``source_lang`` and ``target_langs`` are written, in that order; a unit with
    fewer than two of them is skipped. Returns the number of ``<tu>`` written.
    """
    langs = [source_lang] + [x for x in target_langs if x != source_lang]
    date = creation_date or tmx_date()
    tuv_open = {lang: f'      <tuv xml:lang="{lang}"><seg>' for lang in langs}
    tuv_close = "</seg></tuv>\n"
    count = 0
    last_doc: str | None = None
    doc_prop = ""
    with atomic_write(path, "w", encoding="utf-8") as fh:
        _write_header(fh, source_lang, date)
        # units are joined into chunks of a few hundred before each write: fewer calls, flat memory
        chunk: list[str] = []
        add = chunk.append
        for unit in units:
            texts = unit.texts
            present = [lang for lang in langs if texts.get(lang) is not None]
            if len(present) < 2:
                continue
            count += 1
            if source_lang in present:
                add(f'    <tu tuid="{count}">\n')
            else:
                own = unit.source_lang if unit.source_lang in present else present[0]
                add(f'    <tu tuid="{count}" srclang="{own}">\n')
            if unit.note:
                add(f"      <note>{_text(unit.note)}</note>\n")
            if unit.document is not None:
                if unit.document != last_doc:  # the same document for many units in a row
                    last_doc = unit.document
                    doc_prop = f'      <prop type="x-document">{_text(last_doc)}</prop>\n'
                add(doc_prop)
            if unit.position is not None:
                add(f'      <prop type="x-position">{_text(str(unit.position))}</prop>\n')
            if unit.score is not None:
                add(f'      <prop type="x-score">{_text(str(unit.score))}</prop>\n')
            if unit.context is not None:
                add(f'      <prop type="x-context">{_text(unit.context)}</prop>\n')
            for key, value in unit.meta.items():
                ptype = key if key.startswith("x-") else "x-" + key
                add(f'      <prop type="{_attr(ptype)}">{_text(str(value))}</prop>\n')
            for lang in present:
                add(tuv_open[lang])
                add(_text(texts[lang]))
                add(tuv_close)
            add("    </tu>\n")
            if len(chunk) > 4096:
                fh.write("".join(chunk))
                chunk.clear()
        chunk.append("  </body>\n</tmx>\n")
        fh.write("".join(chunk))
    return count


def _write_header(fh: IO[str], source_lang: str, date: str) -> None:
    fh.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tmx version="1.4">\n'
        f'  <header creationtool="termbase" creationtoolversion="{_attr(_version())}" '
        'segtype="sentence" o-tmf="termbase" adminlang="en" '
        f'srclang="{source_lang}" datatype="plaintext" creationdate="{date}"/>\n'
        "  <body>\n"
    )


def _local(elem) -> str:
    tag = elem.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _seg_text(elem) -> str:
    parts = [elem.text or ""]
    for child in elem:
        if _local(child) not in _CODE_TAGS:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lang(path: Path, code: str | None, line: int | None) -> str:
    from ..languages import normalize_lang

    if not code:
        raise ParseError(path, "<tuv> without xml:lang", line=line)
    try:
        return normalize_lang(code)
    except UnknownLanguage as exc:
        raise ParseError(path, f"language {code!r}: {exc}", line=line) from exc


def _iter_tu(path: Path) -> Iterator[tuple[etree._Element, str | None]]:
    """``(tu element, srclang)`` for each ``<tu>``; the element is freed after the caller's turn."""
    root_seen = False
    header_src: str | None = None
    for event, elem in xmlsafe.iterparse(path, events=("start", "end")):
        name = _local(elem)
        if not root_seen:
            if name != "tmx":
                raise ParseError(path, f"not a TMX file (root element <{name}>)", line=elem.sourceline)
            root_seen = True
            continue
        if event != "end":
            continue
        if name == "header":
            header_src = elem.get("srclang")
        elif name == "tu":
            yield elem, elem.get("srclang") or header_src
            xmlsafe.release(elem)


def _tuvs(path: Path, tu) -> list[tuple[str, str, int | None]]:
    out = []
    for tuv in tu:
        if _local(tuv) != "tuv":
            continue
        lang = _lang(path, tuv.get(_XML_LANG) or tuv.get("lang"), tuv.sourceline)
        seg = next((c for c in tuv if _local(c) == "seg"), None)
        if seg is None:
            raise ParseError(path, "<tuv> without <seg>", line=tuv.sourceline)
        out.append((lang, _seg_text(seg), tuv.sourceline))
    return out


def read_tmx(path: str | Path) -> Iterator[TranslationUnit]:
    """Stream the units of a TMX file (1.1 to 1.4b) as :class:`TranslationUnit` s.

    Languages are normalised (``kk-KZ`` -> ``kk``); a language termbase does not support is a
    :class:`ParseError` naming the line. ``x-document``/``x-position``/``x-score``/``x-context``
    props fill those fields, other props go to ``meta``, notes to ``note``.
    """
    path = Path(path)
    for tu, src in _iter_tu(path):
        texts: dict[str, str] = {}
        for lang, text, line in _tuvs(path, tu):
            if lang in texts:
                raise ParseError(path, f"two <tuv> for language {lang!r} in one <tu>", line=line)
            texts[lang] = text
        if not texts:
            continue
        fields: dict[str, str] = {}
        meta: dict[str, str] = {}
        notes: list[str] = []
        for child in tu:
            name = _local(child)
            if name == "prop":
                ptype = child.get("type") or ""
                (fields if ptype in _PROP_FIELDS else meta)[ptype] = child.text or ""
            elif name == "note":
                notes.append(child.text or "")
        source = _source(path, src, texts, tu.sourceline)
        try:
            position = int(fields["x-position"]) if "x-position" in fields else None
            score = float(fields["x-score"]) if "x-score" in fields else None
        except ValueError as exc:
            raise ParseError(path, f"bad x-position or x-score prop: {exc}", line=tu.sourceline) from exc
        yield TranslationUnit(
            texts=texts,
            document=fields.get("x-document"),
            position=position,
            score=score,
            context=fields.get("x-context"),
            note="\n".join(notes) if notes else None,
            source_lang=source,
            meta=meta,
        )


def _source(path: Path, src: str | None, texts: dict[str, str], line: int | None) -> str:
    if src and src != "*all*":
        lang = _lang(path, src, line)
        if lang in texts:
            return lang
    return "en" if "en" in texts else next(iter(texts))


class TmxFormat(Format):
    """TMX 1.4b translation memory (multilingual units, en/kk/ru)."""

    name = "tmx"
    extensions = ("tmx",)
    kind = "tm"
    description = "TMX 1.4b translation memory"

    def read_units(self, path: Path) -> Iterator[TranslationUnit]:
        return read_tmx(path)

    def write_units(
        self, units: Iterable[TranslationUnit], path: Path, *, source_lang: str, target_langs: list[str]
    ) -> int:
        if not target_langs:
            raise TermbaseError("a TMX file needs at least one target language besides the source")
        return write_tmx(units, path, source_lang=source_lang, target_langs=target_langs)

    def read_bilingual(self, path: Path, *, source_lang: str | None = None) -> Iterator[BilingualUnit]:
        """One pair per target language of each ``<tu>``: source -> target (see formats.bilingual)."""
        from .bilingual import read_tmx_bilingual

        return read_tmx_bilingual(path, source_lang=source_lang)


register(TmxFormat())
