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

Reading streams too (:func:`termbase.formats.xmlsafe.iterparse`, each ``<tu>`` freed when done), and
one parser serves every view of the file: translation-memory units, pairs to check (one per target
language of each ``<tu>``) and the text of one language for extraction. The text of a ``<seg>`` is its
character data and that of ``<hi>``; the native codes inside ``<bpt>``/``<ept>``/``<it>``/``<ph>``/
``<ut>`` (and their ``<sub>`` flows) are not sentence text and are left out, in every view.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import ParseError, TermbaseError, UnknownLanguage
from ..fsutil import Source, atomic_write
from ..languages import normalize_lang
from ..models import BilingualUnit, Document, TranslationUnit
from . import xmlsafe
from .base import Format, join_paragraphs, short_lang

__all__ = ["TmxFormat", "write_tmx", "tmx_date"]

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


@dataclass(slots=True)
class _Tu:
    """A ``<tu>`` as written: its line, ``tuid``, source language (its own ``srclang`` or the header's),
    ``(xml:lang as written, text, line)`` of each ``<tuv>``, ``(type, text)`` of each ``<prop>``, notes."""

    line: int | None
    tuid: str | None
    srclang: str | None
    tuvs: list[tuple[str, str, int | None]]
    props: list[tuple[str, str]]
    notes: list[str]


def _parse(src: Source) -> Iterator[_Tu]:
    """Every ``<tu>`` of a TMX file (1.1 to 1.4b), streamed; ``ParseError`` for malformed XML, a file
    that is not TMX, a ``<tuv>`` without language or ``<seg>``."""
    root_seen = False
    header_src: str | None = None
    for event, elem in xmlsafe.iterparse(src, events=("start", "end")):
        name = xmlsafe.local_name(elem)
        if not root_seen:
            if name != "tmx":
                raise ParseError(src.name, f"not a TMX file (root element <{name}>)", line=elem.sourceline)
            root_seen = True
            continue
        if event != "end":
            continue
        if name == "header":
            header_src = elem.get("srclang")
        elif name == "tu":
            tuvs: list[tuple[str, str, int | None]] = []
            props: list[tuple[str, str]] = []
            notes: list[str] = []
            for child in elem:
                kind = xmlsafe.local_name(child)
                if kind == "tuv":
                    code = child.get(_XML_LANG) or child.get("lang")  # 'lang' is TMX 1.1
                    if not code:
                        raise ParseError(src.name, "<tuv> without xml:lang", line=child.sourceline)
                    seg = next((c for c in child if xmlsafe.local_name(c) == "seg"), None)
                    if seg is None:
                        raise ParseError(src.name, "<tuv> without <seg>", line=child.sourceline)
                    tuvs.append((code, _seg_text(seg), child.sourceline))
                elif kind == "prop":
                    props.append((child.get("type") or "", child.text or ""))
                elif kind == "note":
                    notes.append(child.text or "")
            yield _Tu(elem.sourceline, elem.get("tuid"), elem.get("srclang") or header_src, tuvs, props, notes)
            xmlsafe.release(elem)


def _seg_text(elem) -> str:
    parts = [elem.text or ""]
    for child in elem:
        if xmlsafe.local_name(child) not in _CODE_TAGS:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lang_key(code: str) -> str:
    """A comparable form of a TMX language code: ``kk`` for ``kk-KZ``, ``KK_kz``, ``kaz``; other
    languages by their primary subtag (``de`` for ``de-AT``)."""
    try:
        return normalize_lang(code)
    except UnknownLanguage:
        return code.replace("_", "-").split("-")[0].lower()


def _source_key(tu: _Tu, keys: list[str], want: str | None) -> str | None:
    """The language key of the unit's source: ``want``, else the tu's or header's ``srclang``; for
    ``*all*`` or none, English when the unit has it. None when that cannot be told."""
    if want is not None:
        return want
    if tu.srclang and tu.srclang != "*all*":
        return _lang_key(tu.srclang)
    return "en" if "en" in keys else None


def _units(src: Source) -> Iterator[TranslationUnit]:
    for tu in _parse(src):
        texts: dict[str, str] = {}
        for code, text, line in tu.tuvs:
            try:
                lang = normalize_lang(code)
            except UnknownLanguage as exc:
                raise ParseError(src.name, f"language {code!r}: {exc}", line=line) from exc
            if lang in texts:
                raise ParseError(src.name, f"two <tuv> for language {lang!r} in one <tu>", line=line)
            texts[lang] = text
        if not texts:
            continue
        fields: dict[str, str] = {}
        meta: dict[str, str] = {}
        for ptype, value in tu.props:
            (fields if ptype in _PROP_FIELDS else meta)[ptype] = value
        source = _source_key(tu, list(texts), None)
        if source not in texts:
            source = next(iter(texts))
        try:
            position = int(fields["x-position"]) if "x-position" in fields else None
            score = float(fields["x-score"]) if "x-score" in fields else None
        except ValueError as exc:
            raise ParseError(src.name, f"bad x-position or x-score prop: {exc}", line=tu.line) from exc
        yield TranslationUnit(
            texts=texts,
            document=fields.get("x-document"),
            position=position,
            score=score,
            context=fields.get("x-context"),
            note="\n".join(tu.notes) if tu.notes else None,
            source_lang=source,
            meta=meta,
        )


def _pairs(src: Source, source_lang: str | None) -> Iterator[BilingualUnit]:
    want = _lang_key(source_lang) if source_lang else None
    for tu in _parse(src):
        keys = [_lang_key(code) for code, _, _ in tu.tuvs]
        src_key = _source_key(tu, keys, want)
        if src_key is None:
            raise ParseError(src.name, "the <tu> does not say which language is its source (srclang)", line=tu.line)
        if src_key not in keys:
            continue  # no source text: nothing to check
        source_code, source_text, _ = tu.tuvs[keys.index(src_key)]
        done = {src_key}
        for key, (code, text, _) in zip(keys, tu.tuvs):
            if key in done:
                continue
            done.add(key)
            yield BilingualUnit(
                source=source_text, target=text, source_lang=source_code, target_lang=code,
                line=tu.line, id=tu.tuid, fuzzy=False, translated=bool(text.strip()),
            )


def _document(src: Source, side: str, lang: str | None) -> Document:
    chosen = normalize_lang(lang) if lang else None
    texts: list[str] = []
    for tu in _parse(src):
        keys = [_lang_key(code) for code, _, _ in tu.tuvs]
        if chosen is None:
            src_key = _source_key(tu, keys, None) or (keys[0] if keys else None)
            pick = next((k for k in keys if (k == src_key) == (side == "source")), None)
            if pick is None or short_lang(pick) is None:
                continue
            chosen = pick  # the first unit decides the language of the whole text
        if chosen in keys:
            texts.append(tu.tuvs[keys.index(chosen)][1])
    text = join_paragraphs(texts)
    if not text:
        raise ParseError(src.name, f"no {lang or side} text to read")
    return Document(src.name, text, chosen)


class TmxFormat(Format):
    """TMX 1.4b translation memory (multilingual units, en/kk/ru)."""

    name = "tmx"
    extensions = ("tmx",)
    description = "TMX 1.4b translation memory"
    reads = frozenset({"units", "pairs", "text"})
    writes = frozenset({"units"})
    multilingual = True

    def sniff(self, head: bytes) -> bool:
        return xmlsafe.root_name(head) == "tmx"

    def _read_units(self, src: Source) -> Iterator[TranslationUnit]:
        """Stream the units. Languages are normalised (``kk-KZ`` -> ``kk``); one termbase does not
        support is a :class:`ParseError` naming the line. ``x-document``/``x-position``/``x-score``/
        ``x-context`` props fill those fields, other props go to ``meta``, notes to ``note``."""
        return _units(src)

    def _read_pairs(self, src: Source, *, source_lang: str | None = None) -> Iterator[BilingualUnit]:
        """One pair per ``<tu>`` and target language in it: source -> target.

        The source is the ``<tuv>`` in ``source_lang`` if given, else in the ``<tu>``'s or the
        header's ``srclang`` (English for ``*all*``); every other ``<tuv>`` is a target, its
        ``xml:lang`` as written (``kk-KZ``, or a language termbase does not check, like ``de``).
        An empty target gives ``translated=False``; a ``<tu>`` without a source ``<tuv>`` gives no
        pairs. ``id`` is the ``tuid``, ``line`` the line of the ``<tu>``.
        """
        return _pairs(src, source_lang)

    def _read_text(self, src: Source, *, side: str = "source", lang: str | None = None) -> Document:
        """The texts of one language, a paragraph per ``<tu>``: ``lang``, else the source
        (``side="source"``) or the first other language."""
        return _document(src, side, lang)

    def _write_units(
        self, units: Iterable[TranslationUnit], dest: str | Path, *, source_lang: str, target_langs: list[str]
    ) -> int:
        if not target_langs:
            raise TermbaseError("a TMX file needs at least one target language besides the source")
        return write_tmx(units, dest, source_lang=source_lang, target_langs=target_langs)
