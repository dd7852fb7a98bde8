"""TBX termbases: write TBX-Basic v3 (ISO 30042:2019, DCA style); read TBX v3 and TBX v2 (``<martif>``).

Writing produces the TBX-Basic dialect that LTAC publishes (``TBX-Basic_DCA.sch`` + TBX core RNG)::

    <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
      conceptEntry id=...                 Concept.id (see "Concept ids" below)
        descrip type="subjectField"       Concept.subject     (TBX-Basic: conceptEntry level only)
        descrip type="definition"         Concept.definition  (conceptEntry or langSec level)
        admin type="source"               Concept.source      (conceptEntry, langSec or termSec level)
        note                              Concept.note
        note "termbase scope: KZ"         Concept.scope (TBX-Basic has no jurisdiction category)
        langSec xml:lang=...              one per language: en, kk, ru, then others A-Z (or ``langs``)
          termSec                         one per Term, in input order
            term                          Term.text
            termNote partOfSpeech         Term.pos
            termNote administrativeStatus Term.status
            termNote termType             Term.type
            note                          Term.note

Status mapping (TBX-Basic allows only four administrativeStatus values)::

    preferred   -> preferredTerm-admn-sts
    admitted    -> admittedTerm-admn-sts
    proposed    -> admittedTerm-admn-sts   + "termbase status: proposed"
    deprecated  -> deprecatedTerm-admn-sts
    forbidden   -> deprecatedTerm-admn-sts + "termbase status: forbidden"

``proposed`` becomes *admitted* because a proposed term is usually the best known equivalent (the
shipped glossary marks uncertain official forms so): other tools should still offer it, just not as
the preferred one. ``forbidden`` becomes *deprecated*, the strongest "do not use" that TBX-Basic has.
The exact status stays recoverable: the administrativeStatus termNote is wrapped in a ``termNoteGrp``
whose ``note`` reads ``termbase status: <status>`` (TBX core: a termNoteGrp carries a termNote plus
notes about that termNote; the TBX-Basic Schematron allows termNote inside termNoteGrp in termSec).
On reading, the note is honoured only when it agrees with the administrativeStatus beside it, so a
status changed later in another tool wins over a stale note. Reading other values:
``supersededTerm`` -> deprecated, ``standardizedTerm``, ``legalTerm``, ``regulatedTerm`` -> preferred
(the ``-admn-sts`` suffix is optional; ``normativeAuthorization`` is read like administrativeStatus).

Term types: full -> fullForm, short -> shortForm, acronym, abbreviation, variant (same names).
Reading also maps ``phrase`` -> full and ``transliteratedForm``/``transcribedForm``/``romanizedForm``
-> variant; any other termType is a ``ParseError`` rather than a silent guess.

Part of speech: TBX-Basic allows noun, verb, adjective, adverb, other. Any other ``Term.pos`` is
written as ``other`` in a termNoteGrp with the note ``termbase part of speech: <pos>`` and read back
exactly.

Terms with no administrativeStatus (common in other tools' files) read as ``preferred`` when they
are the first term of their language section and ``admitted`` otherwise; no termType reads as ``full``.

Concept ids must be xml:ID (NCName) values. Ids matching ``[A-Za-z][A-Za-z0-9._-]*`` (every shipped id,
e.g. ``apk``, ``min-foreign-affairs``, ``c-12``) are written unchanged. Other ids are written as
``_`` + the id with each character outside ``[A-Za-z0-9.-]`` as ``_<hex code point>_`` (``12`` ->
``_12``, ``a b`` -> ``_a_20_b``) and decoded on reading; a concept without id is written as
``__new<N>`` and read back with ``id=None``. Ids in other files are kept as they are.

Reading keeps what termbase models and folds the rest into notes: definitions, notes and sources at
langSec level go to the concept (``[kk] `` prefixes the language of a langSec note; a second
definition is kept in the concept note as ``[kk] definition: ...``); a termSec ``descrip
type="context"`` or ``admin type="source"`` goes to the term note as ``context: ...``/``source: ...``.
Transactions, dates, cross-references, subsets, geographicalUsage, grammaticalGender and
termLocation are not kept. TBX v3 DCT style (data categories as elements in another namespace) is
read by element name. Text is taken as written, with leading and trailing white space removed.

Example::

    >>> from termbase.formats import get_format
    >>> get_format("tbx").write_concepts(tb.iter_concepts(), Path("out.tbx"))  # doctest: +SKIP
    42
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Iterable, Iterator

from lxml import etree

from ..errors import ParseError, UnknownLanguage, ValidationError
from ..fsutil import Source, atomic_write
from ..languages import normalize_lang
from ..models import STATUSES, Concept, Term
from . import xmlsafe
from .base import Format, keep_langs

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
# The namespace of the TBX v3 drafts; LTAC's own TBX-Basic examples still use it.
TBX3_DRAFT_NS = "urn:iso:std:iso:30042:ed:3.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

STATUS_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "proposed": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
_STATUS_FROM_TBX = {
    "preferredterm": "preferred",
    "standardizedterm": "preferred",
    "legalterm": "preferred",
    "regulatedterm": "preferred",
    "admittedterm": "admitted",
    "deprecatedterm": "deprecated",
    "supersededterm": "deprecated",
}
# Statuses that TBX-Basic has a value for; the others need the termbase status note.
_EXACT_STATUSES = ("preferred", "admitted", "deprecated")
TYPE_TO_TBX = {
    "full": "fullForm",
    "short": "shortForm",
    "acronym": "acronym",
    "abbreviation": "abbreviation",
    "variant": "variant",
}
_TYPE_FROM_TBX = {v: k for k, v in TYPE_TO_TBX.items()} | {
    "phrase": "full",
    "transliteratedForm": "variant",
    "transcribedForm": "variant",
    "romanizedForm": "variant",
}
#: partOfSpeech values the TBX-Basic Schematron accepts.
TBX_BASIC_POS = ("noun", "verb", "adjective", "adverb", "other")

_LANG_ORDER = ("en", "kk", "ru")
STATUS_NOTE = "termbase status: "
POS_NOTE = "termbase part of speech: "

_RNG_HREF = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng"
_SCH_HREF = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"
_HEAD = f"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="{_RNG_HREF}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href="{_SCH_HREF}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
<tbx xmlns="{TBX3_NS}" type="TBX-Basic" style="dca" xml:lang="{{lang}}">
  <tbxHeader>
    <fileDesc>
      <sourceDesc>
        <p>Exported from termbase</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
"""

# Characters XML 1.0 cannot carry at all (section 2.2), even as character references.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# xsd:language, the datatype of xml:lang in the TBX core RNG.
# The concept's scope (jurisdiction) travels as a concept-level note of its own.
_SCOPE_NOTE = "termbase scope: "
_SCOPE_NOTE_RE = re.compile(r"termbase scope: [A-Z]{2}\Z")
_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\Z")
_SAFE_ID = re.compile(r"[A-Za-z][A-Za-z0-9._-]*\Z")
_ID_KEEP = re.compile(r"[A-Za-z0-9.-]")
_ENCODED_ID = re.compile(r"(?:_[0-9a-f]{1,6}_|[A-Za-z0-9.-])*\Z")
_ANON_ID = re.compile(r"__new[0-9]+\Z")


def encode_id(concept_id: str | None, anon_number: int) -> str:
    """The xml:ID written for a concept id (see the module docstring).

    >>> encode_id("min-foreign-affairs", 1), encode_id("12", 1), encode_id("a b", 1), encode_id(None, 3)
    ('min-foreign-affairs', '_12', '_a_20_b', '__new3')
    """
    if concept_id is None:
        return f"__new{anon_number}"
    if _SAFE_ID.match(concept_id):
        return concept_id
    return "_" + "".join(c if _ID_KEEP.match(c) else f"_{ord(c):x}_" for c in concept_id)


def decode_id(xml_id: str | None) -> str | None:
    """The concept id for an xml:ID read from a file; ids termbase did not encode come back unchanged.

    >>> decode_id("apk"), decode_id("_a_20_b"), decode_id("__new3"), decode_id("_x")
    ('apk', 'a b', None, '_x')
    """
    if xml_id is None or _ANON_ID.match(xml_id):
        return None
    if xml_id.startswith("_") and _ENCODED_ID.match(xml_id, 1):
        decoded = re.sub(r"_([0-9a-f]{1,6})_", lambda m: chr(int(m.group(1), 16)), xml_id[1:])
        # Only a canonical encoding is ours: "_abc" from another tool stays "_abc".
        if encode_id(decoded, 0) == xml_id:
            return decoded
    return xml_id


class TbxFormat(Format):
    """TBX-Basic v3 writer; TBX v3 (DCA and DCT) and TBX v2 (martif) reader."""

    name = "tbx"
    extensions = ("tbx",)
    description = "TermBase eXchange: writes TBX-Basic v3 (ISO 30042:2019), reads TBX v3 and v2"
    reads = frozenset({"concepts"})
    writes = frozenset({"concepts"})

    def sniff(self, head: bytes) -> bool:
        return xmlsafe.root_name(head) in ("tbx", "martif")

    # -- writing ---------------------------------------------------------------------------------

    def _write_concepts(self, concepts: Iterable[Concept], path: str | Path, *, langs: list[str] | None = None) -> int:
        """Write ``concepts`` as TBX-Basic v3 and return how many were written.

        With ``langs`` only terms in those languages are written, in that order, and concepts without
        any of them are left out; ``langs[0]`` becomes the file's ``xml:lang`` (default ``en``).
        """
        langs = [normalize_lang(code) for code in langs] if langs else None
        main_lang = langs[0] if langs else "en"
        written = 0
        seen: set[str] = set()
        with atomic_write(path, "w", encoding="utf-8") as fh:
            fh.write(_HEAD.format(lang=main_lang))
            for concept in concepts:
                terms = [t for t in concept.terms if langs is None or t.lang in langs]
                if not terms:
                    if langs is None:
                        raise ValidationError(f"concept {concept.id!r} has no terms; TBX needs at least one")
                    continue
                xml_id = encode_id(concept.id, written + 1)
                if xml_id in seen:
                    raise ValidationError(f"concept id {concept.id!r} appears twice; TBX ids must be unique")
                seen.add(xml_id)
                if written == 0:
                    fh.write("    <body>\n")
                _write_entry(fh, concept, xml_id, terms, langs)
                written += 1
            if written:
                fh.write("    </body>\n")
            fh.write("  </text>\n</tbx>\n")
        return written

    # -- reading ---------------------------------------------------------------------------------

    def _read_concepts(self, src: Source, *, langs: list[str] | None = None) -> Iterator[Concept]:
        """Stream the concepts of a TBX v3 or v2 file, one conceptEntry/termEntry at a time.

        ``langs`` keeps only terms in those languages (concepts left without terms are skipped).
        Raises ``ParseError`` for malformed XML, a file that is not TBX, or an unsupported language.
        """
        yield from keep_langs(_read_entries(src), langs)


# -- writing helpers -------------------------------------------------------------------------------


def language_order(present: Iterable[str], langs: list[str] | None = None) -> list[str]:
    """The order languages are written in: ``langs`` if given, else en, kk, ru, then others A-Z.

    >>> language_order({"ru", "de", "en"})
    ['en', 'ru', 'de']
    """
    present = set(present)
    if langs:
        return [lang for lang in langs if lang in present]
    return [x for x in _LANG_ORDER if x in present] + sorted(present - set(_LANG_ORDER))


def _check_lang(code: str) -> None:
    if not _LANG_TAG.match(code):
        raise ValidationError(f"language code {code!r} is not a valid xml:lang value")


def _esc(text: str, what: str, concept: Concept) -> str:
    bad = _XML_ILLEGAL.search(text)
    if bad:
        raise ValidationError(
            f"concept {concept.id!r}: {what} contains U+{ord(bad.group()):04X}, which XML cannot carry"
        )
    # "\r" as a reference: a literal one would be turned into "\n" by every XML parser (XML 1.0 §2.11).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _write_entry(fh: IO[str], concept: Concept, xml_id: str, terms: list[Term], langs: list[str] | None) -> None:
    out = [f'      <conceptEntry id="{xml_id}">\n']
    for kind, dtype, value in (
        ("descrip", "subjectField", concept.subject),
        ("descrip", "definition", concept.definition),
        ("admin", "source", concept.source),
    ):
        if value:
            out.append(f'        <{kind} type="{dtype}">{_esc(value, dtype, concept)}</{kind}>\n')
    if concept.note:
        out.append(f"        <note>{_esc(concept.note, 'note', concept)}</note>\n")
    if concept.scope:
        out.append(f"        <note>{_SCOPE_NOTE}{_esc(concept.scope, 'scope', concept)}</note>\n")
    for lang in language_order({t.lang for t in terms}, langs):
        in_lang = [t for t in terms if t.lang == lang]
        if not in_lang:
            continue
        _check_lang(lang)
        out.append(f'        <langSec xml:lang="{lang}">\n')
        for term in in_lang:
            out.extend(_term_lines(term, concept))
        out.append("        </langSec>\n")
    out.append("      </conceptEntry>\n")
    fh.write("".join(out))


def _term_lines(term: Term, concept: Concept) -> list[str]:
    term.validate(concept_id=concept.id)
    ind = "              "
    lines = ["          <termSec>\n", f"            <term>{_esc(term.text, 'term', concept)}</term>\n"]
    if term.pos:
        if term.pos in TBX_BASIC_POS:
            lines.append(f'            <termNote type="partOfSpeech">{term.pos}</termNote>\n')
        else:
            lines += [
                "            <termNoteGrp>\n",
                f'{ind}<termNote type="partOfSpeech">other</termNote>\n',
                f"{ind}<note>{POS_NOTE}{_esc(term.pos, 'part of speech', concept)}</note>\n",
                "            </termNoteGrp>\n",
            ]
    status = STATUS_TO_TBX[term.status]
    if term.status in _EXACT_STATUSES:
        lines.append(f'            <termNote type="administrativeStatus">{status}</termNote>\n')
    else:
        lines += [
            "            <termNoteGrp>\n",
            f'{ind}<termNote type="administrativeStatus">{status}</termNote>\n',
            f"{ind}<note>{STATUS_NOTE}{term.status}</note>\n",
            "            </termNoteGrp>\n",
        ]
    lines.append(f'            <termNote type="termType">{TYPE_TO_TBX[term.type]}</termNote>\n')
    if term.note:
        lines.append(f"            <note>{_esc(term.note, 'term note', concept)}</note>\n")
    lines.append("          </termSec>\n")
    return lines


# -- reading helpers -------------------------------------------------------------------------------


def _read_entries(src: Source) -> Iterator[Concept]:
    # Sniff the root first, then let lxml hand over only finished entries: far fewer events
    # reach Python than with start+end events for every element.
    events = xmlsafe.iterparse(src, events=("start",))
    try:
        _, root = next(events)
    finally:
        events.close()
    reader = _Reader.for_root(root, src.name)
    entry_tag = f"{{{reader.ns}}}conceptEntry" if reader.ns else "termEntry"
    for _, elem in xmlsafe.iterparse(src, tags=(entry_tag,), events=("end",)):
        concept = reader.concept(elem)
        xmlsafe.release(elem)
        yield concept


def _normalize(code: str, path: str, line: int | None) -> str:
    try:
        return normalize_lang(code)
    except UnknownLanguage as exc:
        raise ParseError(path, str(exc), line=line) from exc


def _text(el: etree._Element) -> str:
    if len(el) == 0:  # the common case: no inline markup such as <hi>
        return (el.text or "").strip()
    return "".join(el.itertext()).strip()


class _Reader:
    """Turns conceptEntry (v3) / termEntry (v2) elements of one file into Concepts."""

    def __init__(self, path: str, ns: str | None):
        self.path = path
        self.ns = ns
        self._prefix = f"{{{ns}}}" if ns else ""

    @classmethod
    def for_root(cls, root: etree._Element, path: str) -> "_Reader":
        q = etree.QName(root)
        if q.localname == "tbx" and q.namespace in (TBX3_NS, TBX3_DRAFT_NS):
            return cls(path, q.namespace)
        if q.localname == "martif" and q.namespace is None:
            return cls(path, None)
        shown = f"{{{q.namespace}}}{q.localname}" if q.namespace else q.localname
        raise ParseError(
            path,
            f"not a TBX file: the root element is <{shown}>, expected <tbx xmlns=\"{TBX3_NS}\"> (TBX v3) "
            "or <martif> (TBX v2)",
            line=root.sourceline,
        )

    def name(self, el: etree._Element) -> str | None:
        """Local name of a TBX element; None for elements in another namespace (DCT data categories)."""
        tag = el.tag
        if self._prefix:
            return tag[len(self._prefix):] if tag.startswith(self._prefix) else None
        return None if tag.startswith("{") else tag

    def category(self, el: etree._Element) -> tuple[str, str | None]:
        """(element kind, data category) of a data-category element: ("descrip", "definition"),
        ("note", None); a DCT-style element <basic:termType> gives ("dct", "termType")."""
        name = self.name(el)
        if name is None:
            return "dct", etree.QName(el).localname
        return name, el.get("type")

    def children(self, el: etree._Element) -> Iterator[etree._Element]:
        return (c for c in el if isinstance(c.tag, str))

    def concept(self, entry: etree._Element) -> Concept:
        subjects: list[str] = []
        definitions: list[tuple[str | None, str]] = []
        notes: list[str] = []
        sources: list[str] = []
        terms: list[Term] = []
        scope = None
        for child in self.children(entry):
            name = self.name(child)
            if name in ("langSec", "langSet"):
                terms.extend(self.lang_section(child, definitions, notes, sources))
            else:
                for kind, dcat, text in self.flatten(child):
                    if dcat == "subjectField":
                        subjects.append(text)
                    elif dcat == "definition":
                        definitions.append((None, text))
                    elif dcat == "source":
                        sources.append(text)
                    elif kind == "note" and _SCOPE_NOTE_RE.match(text):
                        scope = text[len(_SCOPE_NOTE):]
                    elif kind == "note":
                        notes.append(text)
        if not terms:
            raise ParseError(self.path, "concept entry without any term", line=entry.sourceline)
        definition = definitions[0][1] if definitions else None
        for lang, text in definitions[1:]:
            notes.append(f"[{lang}] definition: {text}" if lang else f"definition: {text}")
        return Concept(
            id=decode_id(entry.get("id")),
            terms=tuple(terms),
            subject="; ".join(subjects) or None,
            definition=definition,
            note="\n".join(notes) or None,
            source="; ".join(sources) or None,
            scope=scope,
        )

    def flatten(self, el: etree._Element) -> Iterator[tuple[str, str | None, str]]:
        """(kind, category, text) of a data-category element, or of each member of a *Grp."""
        name = self.name(el)
        if name == "transacGrp":  # who changed what when: not modelled
            return
        if name is not None and name.endswith("Grp"):
            for child in self.children(el):
                yield from self.flatten(child)
            return
        kind, dcat = self.category(el)
        text = _text(el)
        if text:
            yield kind, dcat, text

    def lang_section(self, sec: etree._Element, definitions, notes, sources) -> list[Term]:
        code = sec.get(XML_LANG) or sec.get("lang")
        if not code:
            raise ParseError(self.path, f"<{self.name(sec)}> without xml:lang", line=sec.sourceline)
        lang = _normalize(code, self.path, sec.sourceline)
        terms: list[Term] = []
        for child in self.children(sec):
            name = self.name(child)
            if name in ("termSec", "tig", "ntig"):
                terms.append(self.term(child, lang, first=not terms))
                continue
            for kind, dcat, text in self.flatten(child):
                if dcat == "definition":
                    definitions.append((lang, text))
                elif dcat == "source":
                    sources.append(text)
                elif kind == "note":
                    notes.append(f"[{lang}] {text}")
        return terms

    def term(self, sec: etree._Element, lang: str, *, first: bool) -> Term:
        text: str | None = None
        status: str | None = None
        ttype: str | None = None
        pos: str | None = None
        exact_status: str | None = None
        exact_pos: str | None = None
        notes: list[str] = []

        def visit(el: etree._Element) -> None:
            nonlocal text, status, ttype, pos, exact_status, exact_pos
            name = self.name(el)
            if name == "term":
                text = _text(el)
                if not text:
                    raise ParseError(self.path, "empty <term>", line=el.sourceline)
                return
            if name == "termNoteGrp":
                members = list(self.children(el))
                noted = {}
                for child in members:
                    if self.name(child) != "note":
                        visit(child)
                        noted[self.category(child)[1]] = (_text(child), child)
                for child in members:
                    if self.name(child) != "note" or not _text(child):
                        continue
                    note = _text(child)
                    if note.startswith(STATUS_NOTE) and "administrativeStatus" in noted:
                        value = note[len(STATUS_NOTE):].strip()
                        if value in STATUSES:
                            tbx_value, tbx_el = noted["administrativeStatus"]
                            # A marker that disagrees with the status beside it is stale: the status
                            # was changed in another tool after termbase wrote the file.
                            if self.status(STATUS_TO_TBX[value], tbx_el) == self.status(tbx_value, tbx_el):
                                exact_status = value
                            continue
                    if note.startswith(POS_NOTE) and "partOfSpeech" in noted:
                        value = note[len(POS_NOTE):].strip()
                        if value and noted["partOfSpeech"][0] == "other":
                            exact_pos = value
                            continue
                    notes.append(note)
                return
            if name == "transacGrp":  # who changed what when: not modelled
                return
            if (name is not None and name.endswith("Grp")) or name == "termCompList":
                for child in self.children(el):
                    visit(child)
                return
            kind, dcat = self.category(el)
            value = _text(el)
            if not value:
                return
            if dcat in ("administrativeStatus", "normativeAuthorization"):
                status = self.status(value, el)
            elif dcat == "termType":
                ttype = self.term_type(value, el)
            elif dcat == "partOfSpeech":
                pos = value
            elif kind == "note":
                notes.append(value)
            elif dcat in ("context", "source"):
                notes.append(f"{dcat}: {value}")

        for child in self.children(sec):
            visit(child)
        if text is None:
            raise ParseError(self.path, f"<{self.name(sec)}> without <term>", line=sec.sourceline)
        return Term(
            lang=lang,
            text=text,
            status=exact_status or status or ("preferred" if first else "admitted"),
            type=ttype or "full",
            pos=exact_pos or pos,
            note="\n".join(notes) or None,
        )

    def status(self, value: str, el: etree._Element) -> str:
        key = value.strip()
        if key.lower().endswith("-admn-sts"):
            key = key[: -len("-admn-sts")]
        try:
            return _STATUS_FROM_TBX[key.lower()]
        except KeyError:
            raise ParseError(
                self.path,
                f"unknown administrativeStatus {value!r}; expected one of "
                + ", ".join(sorted({v for v in STATUS_TO_TBX.values()} | {"supersededTerm-admn-sts"})),
                line=el.sourceline,
            ) from None

    def term_type(self, value: str, el: etree._Element) -> str:
        try:
            return _TYPE_FROM_TBX[value]
        except KeyError:
            raise ParseError(
                self.path,
                f"unsupported termType {value!r}; termbase reads " + ", ".join(sorted(_TYPE_FROM_TBX)),
                line=el.sourceline,
            ) from None

