"""Moving a whole termbase to another database: a file to a PostgreSQL server, or back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ValidationError
from ..store import copy_termbase as _copy, safe_location


@dataclass(frozen=True)
class CopyResult:
    """A termbase copied: from where to where, the rows per table, and the memory texts indexed."""

    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)
    indexed: int = 0

    def to_dict(self) -> dict:
        return {"from": self.source, "to": self.target, "rows": dict(self.rows), "indexed": self.indexed}


def copy_termbase(source: str | Path, target: str | Path, *, force: bool = False,
                  lock_timeout: float | None = None) -> CopyResult:
    """Copy the termbase at ``source`` to ``target`` (a file or a ``postgresql://`` URL), everything as
    it is: concepts with their ids, versions and history, memories, unit changes, API tokens.

    All or nothing: the target appears only once it is complete. An existing termbase at ``target`` is
    an error (``needs="force"``) unless ``force``, which replaces it."""
    if str(source) == str(target):
        raise ValidationError(f"{safe_location(source)}: the source and the target are the same termbase")
    counts = _copy(source, target, replace=force, lock_timeout=lock_timeout)
    return CopyResult(safe_location(source), safe_location(target), dict(counts.rows), counts.indexed)
