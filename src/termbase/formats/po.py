"""Gettext PO files as a translation memory: one file per target language.

Writing: ``msgid`` is the source text (English by default), ``msgstr`` the target. When the same
source has different translations, each translation gets a ``msgctxt`` (the unit's own context, else
``document:position`` of its first occurrence) so that ``msgfmt`` accepts the file; the same pair
seen again only adds a ``#:`` reference. Comments: ``#:`` references ``document:position``, ``#.``
the alignment score, ``#`` the unit's note. Pairs whose best score is below
:attr:`PoFormat.fuzzy_below` are marked ``#, fuzzy`` so that tools do not use them unreviewed.

The header names the ``Language``, its ``Plural-Forms`` (Kazakh: two forms; Russian: three, the
usual gettext formula) and the source language (``X-Source-Language``, read back on import).

``write_units(units, path, source_lang=, target_langs=)``: ``path`` ending in ``.po`` takes exactly
one target language; any other path is a folder (created when missing) that receives
``LANG.po`` for each target, so ``export --format po -o DIR`` writes ``DIR/kk.po`` and ``DIR/ru.po``.

Reading goes through :mod:`termbase.formats.po_syntax` (one parser for every view of the file, with
the line of each entry and of each error): pairs to check (every entry, flagged untranslated or fuzzy),
translation-memory units (translated entries; ``#:`` gives document and position, ``#.`` the score,
``msgctxt`` the context, ``#`` comments the note) and the text of either side for extraction.
"""

from __future__ import annotations

import re
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import polib

from ..errors import OutputError, ParseError, TermbaseError, UnknownLanguage
from ..fsutil import Source, atomic_write
from ..languages import normalize_lang
from ..models import BilingualUnit, Document, TranslationUnit
from . import po_syntax
from .base import Format, text_from_pairs

__all__ = ["PoFormat", "PLURAL_FORMS", "write_po"]

#: gettext Plural-Forms by language (kk: CLDR one/other; ru: one/few/many).
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "kk": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}
_LANGUAGE_NAMES = {"en": "English", "kk": "Kazakh", "ru": "Russian"}
_SCORE = re.compile(r"alignment score:? *([0-9]+(?:\.[0-9]+)?)")
_ESCAPE_REF = re.compile(r"[\s%]")


@dataclass(slots=True)
class _Variant:
    msgstr: str
    context: str | None
    refs: list[tuple[str, str]] = field(default_factory=list)
    score: float | None = None
    notes: list[str] = field(default_factory=list)


def _ref_name(document: str) -> str:
    # '#:' references are separated by spaces: escape white space (and %) in document names
    return _ESCAPE_REF.sub(lambda m: "%{:02X}".format(ord(m.group())), document)


def _unref_name(name: str) -> str:
    return re.sub(r"%([0-9A-F]{2})", lambda m: chr(int(m.group(1), 16)), name)


def _po_date(epoch: float | None = None) -> str:
    import os

    env = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        epoch = float(env) if env and env.isdigit() else time.time()
    return time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime(epoch))


def write_po(
    units: Iterable[TranslationUnit],
    path: str | Path,
    *,
    source_lang: str,
    target_langs: list[str],
    fuzzy_below: float = 0.5,
) -> int:
    """Write PO file(s) of ``units``; returns the number of units that went into at least one file.

    ``path`` ending in ``.po`` (or ``-``, standard output): one target language, that file. Otherwise a folder that receives
    ``LANG.po`` per target language.
    """
    targets = [t for t in dict.fromkeys(target_langs) if t != source_lang]
    if not targets:
        raise TermbaseError("a PO file needs a target language different from the source")
    if str(path) == "-" or Path(path).suffix.lower() in (".po", ".pot"):
        if len(targets) != 1:
            raise TermbaseError(
                f"{path}: a PO file holds one target language, not {', '.join(targets)}; "
                "write to a folder (it gets one LANG.po per language) or choose one target language"
            )
        files: dict[str, str | Path] = {targets[0]: path}
    else:
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise OutputError(f"{path}: not a folder; PO files are written one LANG.po per language into a folder")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{path}: cannot create the folder: {exc.strerror}") from exc
        files = {t: path / f"{t}.po" for t in targets}

    # msgid -> {(context, msgstr): variant}, per language, in first-seen order
    table: dict[str, dict[str, dict[tuple[str | None, str], _Variant]]] = {t: {} for t in targets}
    count = 0
    for unit in units:
        source = unit.texts.get(source_lang)
        if not source:  # an empty msgid is the PO header: such a unit has no place here
            continue
        used = False
        for t in targets:
            target = unit.texts.get(t)
            if not target:
                continue
            used = True
            variants = table[t].setdefault(source, {})
            v = variants.setdefault((unit.context, target), _Variant(target, unit.context))
            if unit.document is not None:
                v.refs.append((_ref_name(unit.document), "" if unit.position is None else str(unit.position)))
            if unit.score is not None and (v.score is None or unit.score > v.score):
                v.score = unit.score
            if unit.note and unit.note not in v.notes:
                v.notes.append(unit.note)
        count += used

    with ExitStack() as stack:
        for t, target_path in files.items():
            fh = stack.enter_context(atomic_write(target_path, "w", encoding="utf-8"))
            # the header, then one entry at a time: what str(POFile) gives, without holding every
            # POEntry and the whole file text in memory at once
            fh.write(str(_header(source_lang, t)))
            for entry in _entries(table[t], fuzzy_below):
                fh.write("\n")
                fh.write(entry.__unicode__(0))
            table[t] = {}  # done with this language: free its entries before the next file
    return count


def _header(source: str, target: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.header = f"Translation memory {source} -> {target}, written by termbase."
    date = _po_date()
    po.metadata = {
        "Project-Id-Version": "termbase translation memory",
        "POT-Creation-Date": date,
        "PO-Revision-Date": date,
        "Last-Translator": "termbase (aligned translation memory)",
        "Language-Team": _LANGUAGE_NAMES[target],
        "Language": target,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[target],
        "X-Generator": "termbase",
        "X-Source-Language": source,
    }
    return po


def _entries(entries: dict[str, dict[tuple[str | None, str], _Variant]], fuzzy_below: float) -> Iterator[polib.POEntry]:
    taken: set[tuple[str | None, str]] = set()
    for msgid, variants in entries.items():
        plain = [v for v in variants.values() if v.context is None]
        for v in variants.values():
            ctx = v.context
            if ctx is None and len(plain) > 1:
                ctx = (f"{_unref_name(v.refs[0][0])}:{v.refs[0][1]}" if v.refs else "variant 1")
            n = 1
            base = ctx
            while (ctx, msgid) in taken:  # msgfmt requires (msgctxt, msgid) to be unique
                n += 1
                ctx = f"{base or 'variant'} ({n})" if base else f"variant {n}"
            taken.add((ctx, msgid))
            entry = polib.POEntry(msgid=msgid, msgstr=_match_newlines(msgid, v.msgstr), msgctxt=ctx)
            entry.occurrences = [(doc, pos) for doc, pos in dict.fromkeys(v.refs)]
            if v.score is not None:
                entry.comment = f"alignment score: {v.score:g}"
                if v.score < fuzzy_below:
                    entry.flags.append("fuzzy")
            if v.notes:
                entry.tcomment = "\n".join(v.notes)
            yield entry


def _match_newlines(msgid: str, msgstr: str) -> str:
    # msgfmt -c: msgid and msgstr must both begin, and both end, with "\n" or neither
    if msgid.startswith("\n") != msgstr.startswith("\n"):
        msgstr = "\n" + msgstr if msgid.startswith("\n") else msgstr.lstrip("\n")
    if msgid.endswith("\n") != msgstr.endswith("\n"):
        msgstr = msgstr + "\n" if msgid.endswith("\n") else msgstr.rstrip("\n")
    return msgstr



class PoFormat(Format):
    """Gettext PO/POT: pairs to check, translation-memory units (one file per target language), text."""

    name = "po"
    extensions = ("po", "pot")
    description = "gettext PO"
    reads = frozenset({"units", "pairs", "text"})
    writes = frozenset({"units"})
    #: pairs scored below this are written ``#, fuzzy``
    fuzzy_below = 0.5

    def sniff(self, head: bytes) -> bool:
        return _MSGID_LINE.search(head) is not None

    def _read_pairs(self, src: Source, *, source_lang: str | None = None) -> Iterator[BilingualUnit]:
        """Every entry as a pair, in file order, the line of its ``msgid`` as ``line``.

        ``target_lang`` is the header's ``Language`` (``None`` if absent), ``source_lang`` its
        ``X-Source-Language`` if present, else ``None``; ``id`` the ``msgctxt``. Entries flagged
        ``#, fuzzy`` have ``fuzzy=True``; an empty ``msgstr`` gives ``translated=False``. A plural
        entry gives one pair per distinct ``msgstr[n]``: form 0 against ``msgid``, the others against
        ``msgid_plural``. ``source_lang`` is not used (the file's languages are reported as written).
        """
        src_lang = tgt_lang = None
        for kind, payload in po_syntax.parse(src):
            if kind == "header":
                tgt_lang = payload.get("Language") or None
                src_lang = payload.get("X-Source-Language") or None
                continue
            e = payload
            if e.msgid_plural is None:
                # positional: the hot path of a 100,000-entry file
                yield BilingualUnit(e.msgid, e.msgstr, src_lang, tgt_lang, e.line, e.msgctxt, e.fuzzy, bool(e.msgstr))
                continue
            seen: set[tuple[str, str]] = set()
            for n in sorted(e.plurals):
                pair = (e.msgid if n == 0 else e.msgid_plural, e.plurals[n])
                if pair in seen:
                    continue
                seen.add(pair)
                yield BilingualUnit(pair[0], pair[1], src_lang, tgt_lang, e.line, e.msgctxt, e.fuzzy, bool(pair[1]))

    def _read_units(self, src: Source) -> Iterator[TranslationUnit]:
        """The translated entries as units (source -> target).

        The target language is the header's ``Language``, the source its ``X-Source-Language``
        (default ``en``). The first ``#:`` reference gives document and position, ``#.`` the score,
        ``msgctxt`` the context, translator comments the note; fuzzy entries come with
        ``meta={"fuzzy": "yes"}``. Untranslated entries are skipped; a plural entry gives its
        ``msgid`` and ``msgstr[0]``.
        """
        source = target = None
        for kind, payload in po_syntax.parse(src):
            if kind == "header":
                source, target = _langs(src.name, payload)
                continue
            e = payload
            if target is None:
                raise ParseError(src.name, "the PO file has no header with its Language; cannot tell the target language",
                                 line=e.line)
            msgstr = e.msgstr if e.msgid_plural is None else e.plurals.get(0, "")
            if not msgstr or not e.msgid:
                continue
            document = position = score = note = None
            if e.comments:
                fields = po_syntax.comment_fields(e.comments)
                if fields["reference"]:
                    doc, _, pos = fields["reference"][0].rpartition(":")
                    document = _unref_name(doc or pos)
                    position = int(pos) if doc and pos.isdigit() else None
                m = _SCORE.search("\n".join(fields["extracted"]))
                score = float(m.group(1)) if m else None
                note = "\n".join(fields["translator"]) or None
            yield TranslationUnit(
                texts={source: e.msgid, target: msgstr},
                document=document,
                position=position,
                score=score,
                context=e.msgctxt,
                note=note,
                source_lang=source,
                meta={"fuzzy": "yes"} if e.fuzzy else {},
            )

    def _read_text(self, src: Source, *, side: str = "source", lang: str | None = None) -> Document:
        """The ``msgid`` s (``side="source"``) or the translations of the entries, a paragraph each."""
        return text_from_pairs(src.name, self.read_pairs(src), side)

    def _write_units(
        self, units: Iterable[TranslationUnit], dest: str | Path, *, source_lang: str, target_langs: list[str]
    ) -> int:
        return write_po(units, dest, source_lang=source_lang, target_langs=target_langs, fuzzy_below=self.fuzzy_below)


_MSGID_LINE = re.compile(rb'(?m)^[ \t]*msgid[ \t]+"')


def _langs(name: str, header: dict[str, str]) -> tuple[str, str]:
    target = header.get("Language", "").strip()
    if not target:
        raise ParseError(name, "the PO header has no Language; cannot tell the target language", line=1,
                         needs="target_lang")
    source = header.get("X-Source-Language", "").strip() or "en"
    try:
        return normalize_lang(source), normalize_lang(target)
    except UnknownLanguage as exc:
        raise ParseError(name, f"PO header: {exc}", line=1) from exc
