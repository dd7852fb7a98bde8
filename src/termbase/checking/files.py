"""Checking units and files: languages of each unit, readers by file type, per-file errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..errors import TermbaseError, UnknownLanguage, UnsupportedFormat, ValidationError
from ..formats.base import BilingualUnit
from .checker import Checker
from .report import FileError, Finding, Report

if TYPE_CHECKING:
    from ..search import TermIndex

__all__ = ["DEFAULT_SOURCE_LANG", "CHECK_EXTENSIONS", "CheckConfig", "check_units", "check_files"]

#: Language of the source text when neither the file nor the configuration says (PO msgids, TSV).
DEFAULT_SOURCE_LANG = "en"
#: File extensions ``check_files`` reads.
CHECK_EXTENSIONS = ("po", "pot", "tmx", "tsv", "xlf", "xliff")


@dataclass(frozen=True)
class CheckConfig:
    """What to check.

    ``source_lang``: the source language, overriding the file's (for TMX: which ``<tuv>`` is the
    source). Files that do not say (PO, TSV without header) default to :data:`DEFAULT_SOURCE_LANG`.
    ``target_lang``: the target language; overrides a PO/XLIFF/TSV file's own, and for TMX selects
    which target language is checked (default: every one in the file).
    """

    source_lang: str | None = None
    target_lang: str | None = None


class _Tally:
    __slots__ = ("checked", "untranslated", "fuzzy", "other_language", "findings")

    def __init__(self) -> None:
        self.checked = self.untranslated = self.fuzzy = self.other_language = 0
        self.findings: list[Finding] = []


class _Langs:
    """Resolves the (source, target) languages of units, caching code normalisation."""

    def __init__(self, config: CheckConfig, file: str | None, *, multi_target: bool):
        from ..languages import normalize_lang

        self._norm = normalize_lang
        self.file = file
        self.multi_target = multi_target
        self.config = config
        self.want_target = normalize_lang(config.target_lang) if config.target_lang else None
        self.fixed_source = normalize_lang(config.source_lang) if config.source_lang else None
        self._cache: dict[tuple[str, str | None], tuple[str, str] | None] = {}

    def resolve(self, unit: BilingualUnit) -> tuple[str, str] | None:
        """(source, target), or ``None`` when this unit's target language is not to be checked."""
        key = (unit.source_lang, unit.target_lang)
        try:
            return self._cache[key]
        except KeyError:
            pass
        src = self.fixed_source or self._lang(unit.source_lang or DEFAULT_SOURCE_LANG, "source")
        if self.multi_target:  # TMX: the file's languages; the option selects one of them
            try:
                tgt = self._norm(unit.target_lang) if unit.target_lang else None
            except UnknownLanguage:
                tgt = None  # a language termbase does not cover (de, fr ...): counted, not checked
            result = (src, tgt) if tgt is not None and self.want_target in (None, tgt) else None
        else:
            code = self.config.target_lang or unit.target_lang
            if not code:
                raise ValidationError(f"{self.file or '<input>'}: the file does not say its target language; "
                                      "give it with --target-lang")
            result = (src, self._lang(code, "target"))
        if result is not None and result[0] == result[1]:
            raise ValidationError(f"{self.file or '<input>'}: source and target are both {result[0]!r}; "
                                  "give the other language with --source-lang/--target-lang")
        self._cache[key] = result
        return result

    def _lang(self, code: str, which: str) -> str:
        try:
            return self._norm(code)
        except UnknownLanguage as exc:
            raise UnknownLanguage(f"{self.file or '<input>'}: {which} language: {exc}") from exc


def _run(units: Iterable[BilingualUnit], checker: Checker, langs: _Langs, tally: _Tally) -> None:
    check, resolve, file, findings = checker.check_unit, langs.resolve, langs.file, tally.findings
    checked = 0
    last = pair = None  # the languages of the unit before, resolved: a file's units share them
    for unit in units:
        if not unit.translated:
            tally.untranslated += 1
        elif unit.fuzzy:
            tally.fuzzy += 1
        else:
            key = (unit.source_lang, unit.target_lang)
            if key != last:
                pair, last = resolve(unit), key
            if pair is None:
                tally.other_language += 1
                continue
            checked += 1
            found = check(unit, pair[0], pair[1], file=file)
            if found:
                findings.extend(found)
    tally.checked += checked


def _as_checker(obj: "Checker | TermIndex") -> Checker:
    return obj if isinstance(obj, Checker) else Checker.from_index(obj)


def check_units(
    units: Iterable[BilingualUnit], checker: "Checker | TermIndex", *, config: CheckConfig = CheckConfig(),
    file: str | None = None,
) -> Report:
    """Check units (from any reader) against a :class:`Checker` or a termbase.

    Each unit's languages are its own, unless ``config`` overrides them; a unit without a target
    language needs ``config.target_lang``. Raises :class:`TermbaseError` (language problems).
    """
    tally = _Tally()
    _run(units, _as_checker(checker), _Langs(config, file, multi_target=False), tally)
    return Report(
        units_checked=tally.checked, units_untranslated=tally.untranslated, units_fuzzy=tally.fuzzy,
        units_other_language=tally.other_language, files_checked=1 if file else 0,
        findings=tuple(tally.findings),
    )


def _reader(path: Path, config: CheckConfig) -> tuple[Callable[[], Iterator[BilingualUnit]], bool]:
    """(a function streaming the file's units, whether the file has several target languages)."""
    ext = path.name.lower().rsplit(".", 1)[-1] if "." in path.name else ""
    if ext == "tmx":
        from ..formats.tmx import TmxFormat

        return (lambda: TmxFormat().read_bilingual(path, source_lang=config.source_lang)), True
    from ..formats.base import format_for_path

    try:
        fmt = format_for_path(path, kind="bilingual")
    except UnsupportedFormat as exc:
        raise UnsupportedFormat(
            f"{path}: cannot check this type of file; supported: {', '.join('.' + e for e in CHECK_EXTENSIONS)}"
        ) from exc
    return (lambda: fmt.read_bilingual(path)), False


def check_files(
    paths: Iterable[str | Path], checker: "Checker | TermIndex", *, config: CheckConfig = CheckConfig()
) -> Report:
    """Check PO/POT, XLIFF 1.2/2.x, TMX and two-column TSV files.

    A file that cannot be read (malformed, unknown type, unknown language) is recorded in
    :attr:`Report.errors` with its message and the other files are still checked; that file's
    partial findings are dropped so a report never mixes half a file in.
    """
    checker = _as_checker(checker)
    checked = untranslated = fuzzy = other = files = 0
    findings: list[Finding] = []
    errors: list[FileError] = []
    for p in paths:
        path = Path(p)
        name = str(p)
        tally = _Tally()
        try:
            read, multi = _reader(path, config)
            _run(read(), checker, _Langs(config, name, multi_target=multi), tally)
        except TermbaseError as exc:
            errors.append(FileError(name, str(exc), getattr(exc, "line", None)))
            continue
        files += 1
        checked += tally.checked
        untranslated += tally.untranslated
        fuzzy += tally.fuzzy
        other += tally.other_language
        findings.extend(tally.findings)
    return Report(
        units_checked=checked, units_untranslated=untranslated, units_fuzzy=fuzzy,
        units_other_language=other, files_checked=files, findings=tuple(findings), errors=tuple(errors),
    )
