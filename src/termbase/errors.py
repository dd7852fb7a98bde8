"""One exception hierarchy for the library; the CLI turns it into a one-line ``Error: ...``."""

from __future__ import annotations

from pathlib import Path


class TermbaseError(Exception):
    """Base class of every error the library raises on purpose.

    ``needs`` names what the caller can give to get past the error, for front ends to turn into a
    hint in their own terms (the command line names its option): ``"target_lang"``, ``"source_lang"``,
    ``"langs"``, ``"format"``, ``"force"``, ``"on_conflict"``, ``"termbase"`` (create one first).
    The library's messages never name a command-line option.

    >>> TermbaseError("x.po: the file does not say its target language", needs="target_lang").needs
    'target_lang'
    """

    def __init__(self, *args: object, needs: str | None = None):
        super().__init__(*args)
        self.needs = needs


class ParseError(TermbaseError):
    """A file could not be read: malformed content, wrong encoding, empty or binary file.

    >>> str(ParseError("a.po", "unterminated string", line=7))
    'a.po:7: unterminated string'
    """

    def __init__(self, path: str | Path | None, message: str, *, line: int | None = None, needs: str | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        where = self.path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}", needs=needs)


class OutputError(TermbaseError):
    """An output file or folder that cannot be written (missing folder, a folder given as file ...)."""


class UnsupportedFormat(TermbaseError):
    """No reader/writer for a file name or format name."""


class UnknownLanguage(TermbaseError):
    """A language code or a text's language that termbase does not support."""


class NotFound(TermbaseError):
    """A concept, term, translation memory or termbase file that does not exist."""


class ValidationError(TermbaseError):
    """Data that is well-formed but not acceptable (bad status, concept without terms ...)."""


class AlreadyExists(ValidationError):
    """A concept id that is already taken (adding, not replacing)."""

    def __init__(self, concept_id: str):
        self.concept_id = concept_id
        super().__init__(f"concept {concept_id!r} already exists")


class DuplicateTerm(ValidationError):
    """A new concept's term that the termbase already has in another concept."""

    def __init__(self, text: str, lang: str, concept_id: str):
        self.text, self.lang, self.concept_id = text, lang, concept_id
        super().__init__(f"{lang} term {text!r} is already in concept {concept_id!r}; edit that concept instead",
                         needs="force_add")


class VersionConflict(TermbaseError):
    """A change made on an outdated copy of a concept: someone changed it since it was read.

    >>> str(VersionConflict("apk", expected=3, current=4))
    "concept 'apk' was changed meanwhile (version 4, not 3); read it again and redo the change"
    """

    def __init__(self, concept_id: str, *, expected: int, current: int):
        self.concept_id = concept_id
        self.expected = expected
        self.current = current
        super().__init__(
            f"concept {concept_id!r} was changed meanwhile (version {current}, not {expected}); "
            "read it again and redo the change"
        )


class StoreError(TermbaseError):
    """The termbase database failed: locked by another writer, read-only, corrupt or unreachable."""


class StoreUnavailable(StoreError):
    """The database server cannot be reached now (refused, restarting, connection lost): nothing was
    written, and the same call may succeed later (an HTTP front end answers 503)."""
