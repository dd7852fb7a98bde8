"""Findings and the report of a check (one file, or several combined)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ValidationError

__all__ = ["SEVERITY", "FAIL_ON", "Finding", "FileError", "Report"]

#: Severity of each finding kind.
SEVERITY = {"missing-term": "error", "forbidden-term": "error", "deprecated-term": "warning",
            "mixed-script": "warning"}
#: Accepted ``fail_on`` levels, lowest first: ``warning`` fails on any finding, ``error`` on errors only.
FAIL_ON = ("warning", "error")


@dataclass(frozen=True)
class Finding:
    """One problem in one unit. ``term`` is the termbase term (source term for ``missing-term``,
    the deprecated/forbidden target term; for ``mixed-script`` the word); ``found`` the text in the
    target, if any (for ``missing-term``: another concept's term of the same subject used in place
    of the expected one); ``expected`` the approved terms (for ``mixed-script``, the word in
    Cyrillic letters, when certain); ``lang`` the target language."""

    file: str | None
    line: int | None
    unit: str
    source: str
    target: str
    source_lang: str
    lang: str
    kind: str
    term: str
    expected: tuple[str, ...]
    found: str | None
    concept_id: str | None

    @property
    def severity(self) -> str:
        return SEVERITY[self.kind]

    def to_dict(self) -> dict:
        """The JSON form (``termbase check --json``)."""
        return {
            "file": self.file, "line": self.line, "unit": self.unit, "source": self.source,
            "target": self.target, "lang": self.lang, "kind": self.kind, "severity": self.severity,
            "term": self.term, "expected": list(self.expected), "found": self.found,
            "concept": self.concept_id,
        }


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked (its findings, if any, are dropped)."""

    file: str
    message: str
    line: int | None = None
    #: what could get past the error (see :class:`termbase.errors.TermbaseError`)
    needs: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class Report:
    """The result of a check: units checked and skipped, findings, files that could not be read."""

    units_checked: int = 0
    units_untranslated: int = 0
    units_fuzzy: int = 0
    units_other_language: int = 0
    files_checked: int = 0
    findings: tuple[Finding, ...] = ()
    errors: tuple[FileError, ...] = ()

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: str = "warning") -> bool:
        """Whether a finding is at least ``fail_on`` severe (``warning``: any finding; ``error``)."""
        if fail_on not in FAIL_ON:
            raise ValidationError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
        level = FAIL_ON.index(fail_on)
        return any(FAIL_ON.index(f.severity) >= level for f in self.findings)

    @classmethod
    def combine(cls, reports: "list[Report]", errors: "list[FileError] | tuple[FileError, ...]" = ()) -> "Report":
        """One report of several files' reports, and the files that could not be checked."""
        return cls(
            units_checked=sum(r.units_checked for r in reports),
            units_untranslated=sum(r.units_untranslated for r in reports),
            units_fuzzy=sum(r.units_fuzzy for r in reports),
            units_other_language=sum(r.units_other_language for r in reports),
            files_checked=sum(r.files_checked for r in reports),
            findings=tuple(f for r in reports for f in r.findings),
            errors=tuple(e for r in reports for e in r.errors) + tuple(errors),
        )

    def to_dict(self) -> dict:
        return {
            "units_checked": self.units_checked,
            "units_untranslated": self.units_untranslated,
            "units_fuzzy": self.units_fuzzy,
            "units_other_language": self.units_other_language,
            "files_checked": self.files_checked,
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.errors],
        }
