"""Findings and the report of a check: what the CLI prints and which exit status it returns."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ValidationError

__all__ = ["SEVERITY", "FAIL_ON", "Finding", "FileError", "Report", "format_finding"]

#: Severity of each finding kind.
SEVERITY = {"missing-term": "error", "forbidden-term": "error", "deprecated-term": "warning"}
#: Accepted ``fail_on`` levels, lowest first: ``warning`` fails on any finding, ``error`` on errors only.
FAIL_ON = ("warning", "error")


@dataclass(frozen=True)
class Finding:
    """One problem in one unit. ``term`` is the termbase term (source term for ``missing-term``,
    the deprecated/forbidden target term otherwise); ``found`` the text in the target, if any."""

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

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class Report:
    """The result of a check; decides the exit status of a multi-file run."""

    units_checked: int = 0
    units_untranslated: int = 0
    units_fuzzy: int = 0
    units_other_language: int = 0
    files_checked: int = 0
    findings: tuple[Finding, ...] = ()
    errors: tuple[FileError, ...] = ()

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def exit_code(self, fail_on: str = "warning") -> int:
        """2 if a file failed; 1 if a finding is at least ``fail_on`` severe; else 0."""
        if fail_on not in FAIL_ON:
            raise ValidationError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
        if self.errors:
            return 2
        level = FAIL_ON.index(fail_on)
        return 1 if any(FAIL_ON.index(f.severity) >= level for f in self.findings) else 0

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

    def summary(self) -> str:
        """One line: ``1,204 units checked in 2 files (3 untranslated, 1 fuzzy skipped): 2 errors, 1 warning``."""
        files = f"{self.files_checked} file{'s' if self.files_checked != 1 else ''}"
        skipped = [f"{n:,} {what}" for n, what in (
            (self.units_untranslated, "untranslated"), (self.units_fuzzy, "fuzzy"),
            (self.units_other_language, "in other languages"),
        ) if n]
        text = f"{self.units_checked:,} unit{'s' if self.units_checked != 1 else ''} checked"
        if self.files_checked or self.errors:
            text += f" in {files}"
        if skipped:
            text += f" ({', '.join(skipped)} skipped)"
        errors, warnings = self.count("error"), self.count("warning")
        text += f": {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
        if self.errors:
            n = len(self.errors)
            text += f"; {n} file{'s' if n != 1 else ''} could not be checked"
        return text


def format_finding(f: Finding) -> str:
    """The human-readable line of a finding.

    ``FILE:LINE: missing-term: "National Security Committee" -> expected "Комитет национальной безопасности"``;
    for a deprecated/forbidden term the quoted text is what the target says.
    """
    where = f.file or "<input>"
    if f.line is not None:
        where += f":{f.line}"
    shown = f.term if f.kind == "missing-term" else (f.found or f.term)
    line = f'{where}: {f.kind}: "{shown}"'
    if f.expected:
        line += " -> expected " + " or ".join(f'"{e}"' for e in f.expected)
    return line
