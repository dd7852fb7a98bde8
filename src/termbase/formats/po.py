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
``LANG.po`` for each target, so ``export --format po -o DIR`` writes ``DIR/kk.po`` and ``DIR/ru.po`` (and
``DIR/kk@latin.po``, ``Language: kk@latin``, for Kazakh in Latin script).

Reading goes through :mod:`termbase.formats.po_syntax` (one parser for every view of the file, with
the line of each entry and of each error): pairs to check (every entry, flagged untranslated or fuzzy),
translation-memory units (translated entries; ``#:`` gives document and position, ``#.`` the score,
``msgctxt`` the context, ``#`` comments the note) and the text of either side for extraction.

Pre-translation (:func:`fill_po`, ``write_filled``) copies the file and rewrites only the entries it
fills (their comments and ``msgstr`` lines): the header, the order, every other entry and the
obsolete ones stay as they were, byte for byte (line ends become ``\n``).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import polib

from ..errors import OutputError, ParseError, TermbaseError, UnknownLanguage
from ..fsutil import Source, atomic_folder, atomic_write
from ..languages import normalize_lang
from ..models import BilingualUnit, Document, Fill, FillRequest, FillStats, TranslationUnit
from . import po_syntax
from .spill import Spill
from .base import Format, text_from_pairs

__all__ = ["PoFormat", "PLURAL_FORMS", "write_po", "fill_po"]

#: gettext Plural-Forms by language (kk: CLDR one/other; ru: one/few/many).
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "kk": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "kk-Latn": "nplurals=2; plural=(n != 1);",
}
_LANGUAGE_NAMES = {"en": "English", "kk": "Kazakh", "ru": "Russian", "kk-Latn": "Kazakh (Latin)"}


def po_language(lang: str) -> str:
    """The ``Language`` a PO header gives a termbase language: gettext's ``kk@latin`` for ``kk-Latn``.

    >>> po_language("kk-Latn"), po_language("ru")
    ('kk@latin', 'ru')
    """
    return "kk@latin" if lang == "kk-Latn" else lang
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
        folder = None
    else:
        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{folder}: not a folder; PO files are written one LANG.po per language into a folder")

    # Entries must be unique by (msgctxt, msgid): the units of one msgid are merged into one entry per
    # translation. They are brought together by sorting, not held in memory: per language, records
    # (msgid, unit number, ...) sorted by msgid (spilled to disk past a budget), made into entries a
    # msgid at a time, and the entries sorted back into the order of each msgid's first unit.
    with ExitStack() as stack:
        sorters = {t: stack.enter_context(Spill(_SPILL_BUDGET)) for t in targets}
        count = 0
        for seq, unit in enumerate(units):
            source = unit.texts.get(source_lang)
            if not source:  # an empty msgid is the PO header: such a unit has no place here
                continue
            used = False
            for t in targets:
                target = unit.texts.get(t)
                if not target:
                    continue
                used = True
                document = None if unit.document is None else _ref_name(unit.document)
                position = "" if unit.position is None else str(unit.position)
                sorters[t].add((source, seq, target, unit.context, document, position, unit.score, unit.note),
                               len(source) + len(target) + len(unit.note or "") + len(unit.context or ""))
            count += used

        # A folder is written as a whole (all its files new, or none): a temporary folder swapped in.
        out = stack.enter_context(atomic_folder(folder)) if folder is not None else None
        files: dict[str, str | Path] = (
            {t: out / f"{po_language(t)}.po" for t in targets} if out is not None else {targets[0]: path}
        )
        for t, target_path in files.items():
            fh = stack.enter_context(atomic_write(target_path, "w", encoding="utf-8"))
            # the header, then one entry at a time: what str(POFile) gives, without holding every
            # POEntry and the whole file text in memory at once
            fh.write(str(_header(source_lang, t)))
            with Spill(_SPILL_BUDGET) as ordered:
                for first, text in _grouped_entries(sorters[t], fuzzy_below):
                    ordered.add((first, text), len(text))
                sorters[t].close()  # done with this language's records
                for _, text in ordered:
                    fh.write(text)
    return count


#: Memory each sort may hold before it spills to a temporary file (see :mod:`.spill`).
_SPILL_BUDGET = 16 << 20


def _grouped_entries(records: Iterable[tuple], fuzzy_below: float) -> Iterator[tuple[int, str]]:
    """(the number of a msgid's first unit, the text of its entries) for each msgid of ``records``
    (sorted by msgid, then unit number)."""
    msgid = None
    variants: dict[tuple[str | None, str], _Variant] = {}
    first = 0
    for source, seq, target, context, document, position, score, note in records:
        if source != msgid:
            if variants:
                yield first, "".join("\n" + e.__unicode__(0) for e in _entries(msgid, variants, fuzzy_below))
            msgid, variants, first = source, {}, seq
        v = variants.get((context, target))
        if v is None:
            v = variants[(context, target)] = _Variant(target, context)
        if document is not None:
            v.refs.append((document, position))
        if score is not None and (v.score is None or score > v.score):
            v.score = score
        if note and note not in v.notes:
            v.notes.append(note)
    if variants:
        yield first, "".join("\n" + e.__unicode__(0) for e in _entries(msgid, variants, fuzzy_below))


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
        "Language": po_language(target),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[target],
        "X-Generator": "termbase",
        "X-Source-Language": po_language(source),
    }
    return po


def _entries(msgid: str, variants: dict[tuple[str | None, str], _Variant], fuzzy_below: float
             ) -> Iterator[polib.POEntry]:
    """The entries of one msgid: one per variant (translation and context), contexts made unique."""
    taken: set[str | None] = set()
    plain = [v for v in variants.values() if v.context is None]
    for v in variants.values():
        ctx = v.context
        if ctx is None and len(plain) > 1:
            ctx = (f"{_unref_name(v.refs[0][0])}:{v.refs[0][1]}" if v.refs else "variant 1")
        n = 1
        base = ctx
        while ctx in taken:  # msgfmt requires (msgctxt, msgid) to be unique
            n += 1
            ctx = f"{base or 'variant'} ({n})" if base else f"variant {n}"
        taken.add(ctx)
        entry = polib.POEntry(msgid=msgid, msgstr=_match_newlines(msgid, v.msgstr), msgctxt=ctx)
        entry.occurrences = [(doc, pos) for doc, pos in dict.fromkeys(v.refs)]
        if v.score is not None:
            entry.comment = f"alignment score: {v.score:g}"
            if v.score < fuzzy_below:
                entry.flags.append("fuzzy")
        if v.notes:
            # every line break a reader may see (\r, \u2028 ...) becomes a comment line of its
            # own: a bare \r in a note must not start a line of PO syntax
            entry.tcomment = "\n".join(line for note in v.notes for line in note.splitlines())
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
    writes = frozenset({"units", "translations"})
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

    def _write_translations(
        self, src: Source, dest: str | Path, fill: Callable[[FillRequest], Fill | None], *,
        target_lang: str | None, overwrite: bool,
    ) -> FillStats:
        """Pre-translation: see :func:`fill_po`."""
        return fill_po(src, dest, fill, target_lang=target_lang, overwrite=overwrite)

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


# ------------------------------------------------------------------------------------ pre-translation
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
_MATCH_COMMENT = re.compile(r"# termbase: \d+% match\Z")
_QUOTE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a", "\b": "\\b",
                  "\f": "\\f", "\v": "\\v"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f]')


def _quote(s: str) -> str:
    if _NEEDS_ESCAPE.search(s):
        s = _NEEDS_ESCAPE.sub(lambda m: _QUOTE_ESCAPES.get(m.group(), "\\%03o" % ord(m.group())), s)
    return f'"{s}"'


def po_field(keyword: str, text: str) -> str:
    r"""The lines of ``keyword`` (``msgstr``, ``msgstr[1]`` ...) holding ``text``, as gettext writes
    them: a text with inner newlines starts with ``""`` and has a line per newline.

    >>> print(po_field("msgstr", 'Сенат "ҚР"'), end="")
    msgstr "Сенат \"ҚР\""
    >>> print(po_field("msgstr[0]", "a\nb\n"), end="")
    msgstr[0] ""
    "a\n"
    "b\n"
    """
    if "\n" not in text[:-1]:
        return f"{keyword} {_quote(text)}\n"
    return f'{keyword} ""\n' + "".join(_quote(piece) + "\n" for piece in text.splitlines(keepends=True))


def fill_po(
    src: Source,
    dest: str | Path,
    fill: Callable[[FillRequest], Fill | None],
    *,
    target_lang: str | None = None,
    overwrite: bool = False,
) -> FillStats:
    """Write the PO file ``src`` to ``dest`` with its untranslated (and fuzzy) entries filled.

    The target language is the header's ``Language`` (else ``target_lang``; else a ``ParseError``
    with ``needs="target_lang"``), the source its ``X-Source-Language`` (else None), both normalised.
    A plural entry asks ``fill`` for ``msgid`` (giving ``msgstr[0]``) and then ``msgid_plural`` (the
    other forms, as many as the header's ``Plural-Forms`` says); it is filled only when both are.
    A fill that is not final gets the ``fuzzy`` flag and a ``# termbase: NN% match`` comment; a final
    one loses a stale ``fuzzy`` flag and the ``#|`` previous strings that went with it; notes become
    ``# `` comments. Entries without ``msgid`` text are not asked about; a fill with empty text
    counts as none. The file is read a part at a time (cut between entries, :func:`po_syntax.parts`)
    and each part written once filled, to a temporary file that an error removes (standard output:
    spooled, and written only once the whole input has parsed): memory does not grow with the file.
    """
    filler = _PoFiller(src.name, fill, target_lang, overwrite)
    pieces = filler.pieces(po_syntax.parts(src.iter_text(), src.name))
    with atomic_write(dest, "w", encoding="utf-8") as fh:
        if str(dest) == "-":
            with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
                spool.writelines(pieces)
                spool.seek(0)
                shutil.copyfileobj(spool, fh)
        else:
            fh.writelines(pieces)
    return FillStats(filler.units, filler.exact, filler.fuzzy, filler.empty, filler.kept)


class _PoFiller:
    """The pieces of the filled file, made entry by entry (:meth:`pieces`), and the counts."""

    def __init__(self, name: str, fill, target_lang: str | None, overwrite: bool):
        self.name, self.fill, self.overwrite = name, fill, overwrite
        self.target_arg = target_lang
        self.source_lang: str | None = None
        self.target_lang: str | None = None
        self.nplurals: int | None = None
        self.units = self.exact = self.fuzzy = self.empty = self.kept = 0
        self.header_seen = False

    def pieces(self, parts: Iterator[tuple[str, int]]) -> Iterator[str]:
        """The filled text of the file's ``parts`` (text, first line), part by part."""
        state = po_syntax.new_state()
        for text, line in parts:
            state.line = line
            yield from self._part(text, po_syntax.parse_text(text, self.name, state=state), line - 1)

    def _part(self, text: str, entries, offset: int) -> Iterator[str]:
        """The filled ``text`` of one part (``offset``: lines before it), given its parsed ``entries``."""
        pending = None  # the next entry of the parser, not yet matched with its block
        done = 0  # text[:done] has been given out
        for block in po_syntax.blocks(text):
            if pending is None:
                for kind, payload in entries:
                    if kind == "header":
                        self._header(payload)
                        self.header_seen = True
                        continue
                    pending = payload
                    break
            if pending is None or pending.line != block.line + offset:
                continue  # the header, or a second header-like entry: copied as it is
            entry, pending = pending, None
            if not self.header_seen and self.target_lang is None:
                self._header({}, line=entry.line)
                self.header_seen = True
            new = self._entry(entry)
            if new is None:
                continue
            comments, msgstr = new
            yield text[done:block.start]
            yield self._comments(text[block.start:block.keywords], *comments)
            yield text[block.keywords:block.msgstr]
            yield msgstr
            done = block.end
        for _ in entries:  # the parser has checked the whole file
            pass
        if pending is not None:  # never: every entry the parser gives has its block
            raise RuntimeError(f"{self.name}:{pending.line}: entry not found in the file's layout")
        yield text[done:]

    def _header(self, fields: dict[str, str], line: int = 1) -> None:
        target = fields.get("Language", "").strip() or self.target_arg
        if not target:
            raise ParseError(self.name, "the PO file has no header with its Language; cannot tell the target language",
                             line=line, needs="target_lang")
        source = fields.get("X-Source-Language", "").strip()
        try:
            self.target_lang = normalize_lang(target)
            self.source_lang = normalize_lang(source) if source else None
        except UnknownLanguage as exc:
            raise ParseError(self.name, f"PO header: {exc}", line=line) from exc
        m = _NPLURALS.search(fields.get("Plural-Forms", ""))
        self.nplurals = int(m.group(1)) if m else None

    def _ask(self, source: str, entry: po_syntax.PoEntry) -> Fill | None:
        got = self.fill(FillRequest(source, entry.msgctxt, self.source_lang, self.target_lang, entry.line))
        return got if got is not None and got.text else None

    def _entry(self, e: po_syntax.PoEntry) -> tuple[tuple[bool, float, list[str]], str] | None:
        """((final, score, notes), the new msgstr lines) for an entry to rewrite; None to keep it."""
        self.units += 1
        if e.msgid_plural is None:
            has_text = bool(e.msgstr)
        else:
            has_text = bool(e.plurals) and all(e.plurals.values())
        translated = has_text and not e.fuzzy
        if not e.msgid or (translated and not self.overwrite):
            self._keep(translated)
            return None
        first = self._ask(e.msgid, e)
        second = self._ask(e.msgid_plural, e) if first is not None and e.msgid_plural is not None else None
        if first is None or (e.msgid_plural is not None and second is None):
            self._keep(translated)
            return None
        fills = [first] if second is None else [first, second]
        final = all(f.final for f in fills)
        if final:
            self.exact += 1
        else:
            self.fuzzy += 1
        notes = list(dict.fromkeys(line for f in fills for note in f.notes for line in note.splitlines() if line))
        if e.msgid_plural is None:
            msgstr = po_field("msgstr", _match_newlines(e.msgid, first.text))
        else:
            n = self.nplurals or (max(e.plurals) + 1 if e.plurals else 0) or int(
                _NPLURALS.search(PLURAL_FORMS.get(self.target_lang or "", "nplurals=2")).group(1))
            msgstr = po_field("msgstr[0]", _match_newlines(e.msgid, first.text)) + "".join(
                po_field(f"msgstr[{i}]", _match_newlines(e.msgid_plural, second.text)) for i in range(1, n))
        return (final, min(f.score for f in fills), notes), msgstr

    def _keep(self, translated: bool) -> None:
        if translated:
            self.kept += 1
        else:
            self.empty += 1

    @staticmethod
    def _comments(gap: str, final: bool, score: float, notes: list[str]) -> str:
        """The comment lines above a rewritten entry: those of obsolete entries before it as they
        are, then its own with the termbase comments, notes and the fuzzy flag made right."""
        lines = gap.splitlines(keepends=True)
        cut = max((i + 1 for i, line in enumerate(lines) if line.lstrip().startswith("#~")), default=0)
        while cut < len(lines) and not lines[cut].strip():
            cut += 1  # blank lines after obsolete entries (or after the entry before) stay
        own = [line.strip() for line in lines[cut:] if line.strip()]
        translator = [c for c in own if (c == "#" or c.startswith("# ")) and not _MATCH_COMMENT.match(c)]
        others = [c for c in own if not (c == "#" or c.startswith("# "))]
        if not final:
            translator.append(f"# termbase: {round(score)}% match")
        translator.extend(f"# {note}" for note in notes if f"# {note}" not in translator)
        rest: list[str] = []
        flagged = False
        for c in others:
            if c.startswith("#|") and final:
                continue  # previous strings belong to a fuzzy entry
            if c.startswith("#,"):
                flags = [f.strip() for f in c[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
                if not final and not flagged:
                    flags.insert(0, "fuzzy")
                    flagged = True
                if not flags:
                    continue
                c = "#, " + ", ".join(flags)
            rest.append(c)
        if not final and not flagged:
            at = next((i for i, c in enumerate(rest) if c.startswith("#|")), len(rest))
            rest.insert(at, "#, fuzzy")
        return "".join(lines[:cut]) + "".join(c + "\n" for c in translator + rest)
