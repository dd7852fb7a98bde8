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

Reading goes through polib; its errors become :class:`ParseError` with the line.
"""

from __future__ import annotations

import re
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import polib

from ..errors import ParseError, TermbaseError, UnknownLanguage
from ..fsutil import atomic_write, read_text
from ..models import TranslationUnit
from .base import BilingualUnit, Format, register

__all__ = ["PoFormat", "PLURAL_FORMS", "read_po", "write_po"]

#: gettext Plural-Forms by language (kk: CLDR one/other; ru: one/few/many).
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "kk": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}
_LANGUAGE_NAMES = {"en": "English", "kk": "Kazakh", "ru": "Russian"}
_SCORE = re.compile(r"alignment score:? *([0-9]+(?:\.[0-9]+)?)")
_POLIB_LINE = re.compile(r"\(line (\d+)\)")
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

    ``path`` ending in ``.po``: one target language, that file. Otherwise a folder that receives
    ``LANG.po`` per target language.
    """
    path = Path(path)
    targets = [t for t in dict.fromkeys(target_langs) if t != source_lang]
    if not targets:
        raise TermbaseError("a PO file needs a target language different from the source")
    if path.suffix.lower() in (".po", ".pot"):
        if len(targets) != 1:
            raise TermbaseError(
                f"{path}: a PO file holds one target language, not {', '.join(targets)}; "
                "give a folder (it gets one LANG.po per language) or a single target language"
            )
        files = {targets[0]: path}
    else:
        if path.exists() and not path.is_dir():
            raise TermbaseError(f"{path}: not a folder; PO export writes one LANG.po per language into a folder")
        path.mkdir(parents=True, exist_ok=True)
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


# A PO line that is not a comment: a keyword and/or one complete C string. polib silently reads an
# unterminated string as empty, so the lines are checked before it parses them.
_PO_LINE = re.compile(r'^\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$')


def _check_lines(path: Path, text: str) -> None:
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not _PO_LINE.match(line):
            raise ParseError(path, f"malformed PO file: cannot parse {stripped[:40]!r}", line=n)


def _load(path: Path) -> polib.POFile:
    text = read_text(path)
    _check_lines(path, text)
    try:
        return polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:  # polib reports every syntax error as OSError
        msg = str(exc)
        m = _POLIB_LINE.search(msg)
        line = int(m.group(1)) if m else None
        detail = msg.split(":", 1)[1].strip() if ":" in msg and m else _POLIB_LINE.sub("", msg).strip()
        raise ParseError(path, f"malformed PO file: {detail or msg}", line=line) from exc


def _langs(path: Path, po: polib.POFile) -> tuple[str, str]:
    from ..languages import normalize_lang

    target = po.metadata.get("Language", "").strip()
    if not target:
        raise ParseError(path, "the PO header has no Language; cannot tell the target language", line=1)
    source = po.metadata.get("X-Source-Language", "").strip() or "en"
    try:
        return normalize_lang(source), normalize_lang(target)
    except UnknownLanguage as exc:
        raise ParseError(path, f"PO header: {exc}", line=1) from exc


def read_po(path: str | Path) -> Iterator[TranslationUnit]:
    """The translated entries of a PO file as :class:`TranslationUnit` s (source -> target).

    The target language is the header's ``Language``, the source its ``X-Source-Language`` (default
    ``en``). ``#:`` gives document and position, ``#.`` the score, ``msgctxt`` the context; fuzzy
    entries are read with ``meta={"fuzzy": "yes"}``. Obsolete and untranslated entries are skipped.
    """
    path = Path(path)
    po = _load(path)
    source, target = _langs(path, po)
    for e in po:
        if e.obsolete or not e.msgid:
            continue
        msgstr = e.msgstr if not e.msgid_plural else e.msgstr_plural.get(0, "")
        if not msgstr:
            continue
        document = position = None
        if e.occurrences:
            doc, pos = e.occurrences[0]
            document = _unref_name(doc)
            position = int(pos) if pos.isdigit() else None
        m = _SCORE.search(e.comment or "")
        yield TranslationUnit(
            texts={source: e.msgid, target: msgstr},
            document=document,
            position=position,
            score=float(m.group(1)) if m else None,
            context=e.msgctxt,
            note=e.tcomment or None,
            source_lang=source,
            meta={"fuzzy": "yes"} if "fuzzy" in e.flags else {},
        )


class PoFormat(Format):
    """Gettext PO: one file per target language (``DIR/kk.po``, ``DIR/ru.po``)."""

    name = "po"
    extensions = ("po",)
    kind = "tm"
    description = "gettext PO, one file per target language"
    #: pairs scored below this are written ``#, fuzzy``
    fuzzy_below = 0.5

    def read_units(self, path: Path) -> Iterator[TranslationUnit]:
        return read_po(path)

    def write_units(
        self, units: Iterable[TranslationUnit], path: Path, *, source_lang: str, target_langs: list[str]
    ) -> int:
        return write_po(units, path, source_lang=source_lang, target_langs=target_langs, fuzzy_below=self.fuzzy_below)

    def read_bilingual(self, path: Path) -> Iterator[BilingualUnit]:
        """msgid -> msgstr pairs with their line numbers (a streaming reader; see formats.bilingual)."""
        from .bilingual import read_po_bilingual

        return read_po_bilingual(path)


register(PoFormat())
