"""Checking a stream of units: the languages of each unit, skipped units counted, one report."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from typing import Iterable

from ..errors import UnknownLanguage, ValidationError
from ..models import BilingualUnit
from .checker import Checker
from .report import Finding, Report

__all__ = ["DEFAULT_SOURCE_LANG", "CheckConfig", "check_units"]

#: Language of the source text when neither the file nor the configuration says (PO msgids, TSV).
DEFAULT_SOURCE_LANG = "en"


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
        #: Target languages of units not checked (multilingual files), as the file writes them.
        self.skipped: set[str] = set()

    def resolve(self, unit: BilingualUnit) -> tuple[str, str] | None:
        """(source, target), or ``None`` when this unit's target language is not to be checked."""
        key = (unit.source_lang, unit.target_lang)
        try:
            return self._cache[key]
        except KeyError:
            pass
        src = self.fixed_source or self._lang(unit.source_lang or DEFAULT_SOURCE_LANG, "source")
        if self.multi_target:  # TMX: the file's languages; the option selects one of them
            code = unit.target_lang
            if code and code.strip().replace("_", "-").split("-", 1)[0].lower() == "kz":
                self._lang(code, "target")  # Kazakhstan's country code, a slip for kk: an error
            try:
                tgt = self._norm(code) if code else None
            except UnknownLanguage:
                tgt = None  # a language termbase does not cover (de, fr ...): counted, not checked
            result = (src, tgt) if tgt is not None and self.want_target in (None, tgt) else None
            if result is None:
                self.skipped.add(code or "none")
        else:
            code = self.config.target_lang or unit.target_lang
            if not code:
                raise ValidationError(f"{self.file or '<input>'}: the file does not say its target language",
                                      needs="target_lang")
            result = (src, self._lang(code, "target"))
        if result is not None and result[0] == result[1]:
            raise ValidationError(f"{self.file or '<input>'}: source and target are both {result[0]!r}",
                                  needs="source_lang")
        self._cache[key] = result
        return result

    def _lang(self, code: str, which: str) -> str:
        try:
            return self._norm(code)
        except UnknownLanguage as exc:
            raise UnknownLanguage(f"{self.file or '<input>'}: {which} language: {exc}") from exc


#: Units before and after a unit whose names of states tell which state its short forms are about
#: ("the Supreme Court nominee" two sentences after "Senate Republicans"); see :mod:`termbase.languages.jurisdiction`.
NEIGHBOURS = 2


def _with_neighbours(units: Iterable[BilingualUnit], k: int = NEIGHBOURS):
    """(unit, units before, units after) with up to ``k`` of each, reading ``k`` units ahead."""
    before: deque[BilingualUnit] = deque(maxlen=k)
    ahead: deque[BilingualUnit] = deque()
    for unit in units:
        ahead.append(unit)
        if len(ahead) > k:
            current = ahead.popleft()
            yield current, before, ahead  # (read only while the caller handles current)
            before.append(current)
    while ahead:
        current = ahead.popleft()
        yield current, before, ahead
        before.append(current)


def _neighbour_names(before, after, source_lang: str):
    """A function giving the jurisdictions the neighbouring units' sources name (worked out when
    asked, during the check of the unit between them)."""
    def names() -> frozenset[str]:
        from ..languages.jurisdiction import named

        return frozenset(code for near in (before, after) for u in near for code in named(u.source, source_lang))
    return names


def _run(units: Iterable[BilingualUnit], checker: Checker, langs: _Langs, tally: _Tally) -> None:
    check, resolve, file, findings = checker.check_unit, langs.resolve, langs.file, tally.findings
    checked = 0
    last = pair = None  # the languages of the unit before, resolved: a file's units share them
    for unit, before, after in _with_neighbours(units):
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
            context = _neighbour_names(before, after, "kk" if pair[0] == _KK_LATN else pair[0])
            if _KK_LATN in pair:
                found = _check_latin(checker, unit, pair, file, context)
            else:
                found = check(unit, pair[0], pair[1], file=file, context=context)
            if found:
                findings.extend(found)
    tally.checked += checked


_KK_LATN = "kk-Latn"


def _check_latin(checker: Checker, unit: BilingualUnit, pair: tuple[str, str], file: str | None,
                 context) -> list[Finding]:
    """Check a unit with a side in Latin Kazakh as its Cyrillic spelling (one morphology, one set of
    Kazakh terms), and give the findings back in Latin: the unit as written, the target's terms as
    the concept's own ``kk-Latn`` terms when it has approved ones, else transliterated."""
    from ..languages import kazakh_to_cyrillic, kazakh_to_latin

    src, tgt = pair
    cyr_unit = replace(
        unit,
        source=kazakh_to_cyrillic(unit.source) if src == _KK_LATN else unit.source,
        target=kazakh_to_cyrillic(unit.target) if tgt == _KK_LATN else unit.target,
    )
    findings = checker.check_unit(cyr_unit, "kk" if src == _KK_LATN else src, "kk" if tgt == _KK_LATN else tgt,
                                  file=file, context=context)
    out = []
    for f in findings:
        term, expected, found = f.term, f.expected, f.found
        if tgt == _KK_LATN:
            own = checker.approved_terms(f.concept_id, _KK_LATN) if f.concept_id else ()
            expected = own or tuple(kazakh_to_latin(e) for e in expected)
            if found is not None:
                found = kazakh_to_latin(found)
            if f.kind != "missing-term":
                term = kazakh_to_latin(term)
        if src == _KK_LATN and f.kind == "missing-term":
            term = kazakh_to_latin(term)
        out.append(replace(f, unit=unit.id if unit.id is not None else unit.source, source=unit.source,
                           target=unit.target, source_lang=src, lang=tgt, term=term, expected=expected,
                           found=found))
    if tgt != _KK_LATN:
        return out
    # deprecated/forbidden spellings that only the Latin terms list; a concept misused so is not missing
    latin = checker.latin_misuses(unit, src, file=file, skip=[(f.concept_id, f.kind) for f in out])
    if not latin:
        return out
    misused = {f.concept_id for f in latin}
    terms = [f for f in out if f.kind not in ("missing-term", "mixed-script")]
    rest = [f for f in out if f.kind in ("missing-term", "mixed-script") and f.concept_id not in misused]
    return terms + latin + rest


def check_units(
    units: Iterable[BilingualUnit], checker: Checker, *, config: CheckConfig = CheckConfig(),
    file: str | None = None, multilingual: bool = False,
) -> Report:
    """Check units (from any reader) against a :class:`Checker`.

    Each unit's languages are its own, unless ``config`` overrides them; a unit without a target
    language needs ``config.target_lang``. ``multilingual``: the units come from a file with several
    target languages (TMX), each unit's own; ``config.target_lang`` then selects one, and units in a
    language termbase does not handle are counted, not checked. ``file`` names the file in findings
    and messages. Raises :class:`~termbase.errors.TermbaseError` for language problems.
    """
    tally = _Tally()
    langs = _Langs(config, file, multi_target=multilingual)
    _run(units, checker, langs, tally)
    if multilingual and tally.other_language and not (tally.checked or tally.untranslated or tally.fuzzy):
        wanted = f"in {langs.want_target}" if langs.want_target else "in a language termbase checks (en, kk, ru)"
        raise UnknownLanguage(f"{file or '<input>'}: no unit has a target {wanted}; the file's target "
                              f"languages: {', '.join(sorted(langs.skipped))}")
    return Report(
        units_checked=tally.checked, units_untranslated=tally.untranslated, units_fuzzy=tally.fuzzy,
        units_other_language=tally.other_language, files_checked=1 if file else 0,
        findings=tuple(tally.findings),
    )
