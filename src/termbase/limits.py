"""The size limits on what termbase reads, in one place: users see them (``termbase limits``) and
change them (environment variables), and every reader enforces them while it streams, so that no
input, however large or hostile, takes unbounded memory or time.

=====================  ==============================  =========  ===============================
limit                  environment variable            default    what it bounds
=====================  ==============================  =========  ===============================
``term_chars``         ``TERMBASE_MAX_TERM_CHARS``     1000       one term (import, add, edit)
``segment_chars``      ``TERMBASE_MAX_SEGMENT_CHARS``  20000      one unit's text in one language,
                                                                  one paragraph of a document
``document_mb``        ``TERMBASE_MAX_DOCUMENT_MB``    20         the text of one document read for
                                                                  extraction or alignment
``input_mb``           ``TERMBASE_MAX_INPUT_MB``       256        a file read whole (CSV, TSV,
                                                                  OmegaT) or standard input
``docx_mb``            ``TERMBASE_MAX_DOCX_MB``        200        the unpacked ``word/document.xml``
                                                                  of a DOCX (against zip bombs)
=====================  ==============================  =========  ===============================

Streamed XML (TMX, TBX, XLIFF) has no file-size limit: memory stays flat whatever its size, and
libxml2 refuses text nodes over 10 MB and deep nesting; its units and terms are bounded as above.
An XLIFF file to pre-translate is streamed too (filled and written a unit at a time).
PO files read for import, check, extraction and pre-translation are streamed too (a piece at a
time, cut between entries): no file-size limit, their lines and segments bounded as above.
The values are read from the environment when a command starts (:func:`current`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import lru_cache

from .errors import TermbaseError

#: The environment variable of each limit.
ENV = {
    "term_chars": "TERMBASE_MAX_TERM_CHARS",
    "segment_chars": "TERMBASE_MAX_SEGMENT_CHARS",
    "document_mb": "TERMBASE_MAX_DOCUMENT_MB",
    "input_mb": "TERMBASE_MAX_INPUT_MB",
    "docx_mb": "TERMBASE_MAX_DOCX_MB",
}
#: What each limit bounds, for ``termbase limits``.
MEANING = {
    "term_chars": "characters in one term",
    "segment_chars": "characters in one segment (a unit's text, a paragraph)",
    "document_mb": "MB of text in one document read for extraction or alignment",
    "input_mb": "MB of a file read whole (CSV, TSV, OmegaT) or of standard input",
    "docx_mb": "MB of a DOCX's unpacked word/document.xml",
}


@dataclass(frozen=True)
class Limits:
    """The limits in force (see the module's table)."""

    term_chars: int = 1000
    segment_chars: int = 20000
    document_mb: int = 20
    input_mb: int = 256
    docx_mb: int = 200

    @property
    def document_bytes(self) -> int:
        return self.document_mb * 1024 * 1024

    @property
    def input_bytes(self) -> int:
        return self.input_mb * 1024 * 1024

    @property
    def docx_bytes(self) -> int:
        return self.docx_mb * 1024 * 1024

    @property
    def line_bytes(self) -> int:
        """The longest line of a line-based file (PO, CSV, TSV, OmegaT, text): a segment in UTF-8
        (up to 4 bytes a character) with room for its quoting."""
        return 4 * self.segment_chars + 1024

    def to_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def hint(self, name: str) -> str:
        """How to raise limit ``name``: ``"limit 1000 characters; set TERMBASE_MAX_TERM_CHARS to change it"``."""
        unit = "MB" if name.endswith("_mb") else "characters"
        return f"limit {getattr(self, name)} {unit}; set {ENV[name]} to change it"


#: The longest key put in an Aho-Corasick automaton: pyahocorasick crashes (segfault) freeing one
#: with a key of several hundred thousand characters. A key longer than the segment limit cannot
#: occur in any segment anyway, so matchers skip those (:func:`automaton_key_max`).
AUTOMATON_KEY_MAX = 100_000


def automaton_key_max() -> int:
    """The longest key a matcher's automaton takes: the segment limit, at most
    :data:`AUTOMATON_KEY_MAX`."""
    return min(current().segment_chars, AUTOMATON_KEY_MAX)


class LimitError(TermbaseError):
    """A limit set wrong in the environment."""


def current() -> Limits:
    """The limits: each from its environment variable when set (a positive whole number), else the
    default.

    >>> import os; os.environ["TERMBASE_MAX_TERM_CHARS"] = "50"
    >>> current().term_chars
    50
    >>> del os.environ["TERMBASE_MAX_TERM_CHARS"]; current().term_chars
    1000
    """
    return _from_environment(tuple(os.environ.get(var) for var in _VARS))


_VARS = tuple(ENV.values())
_DEFAULTS = Limits()


def value(name: str) -> int:
    """One limit (``"term_chars"`` ...), reading only its own variable: what a check made on every
    term written asks (:func:`current` reads all five)."""
    return _one(name, os.environ.get(ENV[name]))


@lru_cache(maxsize=64)
def _one(name: str, text: str | None) -> int:
    if text is None or not text.strip():
        return getattr(_DEFAULTS, name)
    return getattr(_from_environment(tuple(text if var == ENV[name] else None for var in _VARS)), name)


@lru_cache(maxsize=16)
def _from_environment(raw: tuple[str | None, ...]) -> Limits:
    # cached by the variables' values: every term written asks for the limits
    values: dict[str, int] = {}
    for (name, var), text in zip(ENV.items(), raw):
        if text is None or not text.strip():
            continue
        try:
            value = int(text.strip())
        except ValueError:
            value = 0
        if value <= 0:
            raise LimitError(f"{var}={text!r}: give a positive whole number")
        values[name] = value
    return Limits(**values)
