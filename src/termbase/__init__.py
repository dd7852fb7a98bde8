"""termbase: terminology and translation memory for English, Kazakh and Russian.

The public API; everything heavy (language models, lxml, the automaton) loads on first use.

>>> from termbase import Termbase
>>> tb = Termbase.create(":memory:")            # loaded with the shipped glossary
>>> tb.lookup("Ассамблеясының")[0].concept.id
'apk'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import NotFound, ParseError, TermbaseError, UnknownLanguage, UnsupportedFormat, ValidationError
from .models import Concept, Segment, Term, TranslationUnit

if TYPE_CHECKING:  # pragma: no cover
    from .alignment import align, align_texts
    from .checking import check_files, check_units
    from .extraction import ExtractConfig, extract_files, extract_terms
    from .match import TermMatcher
    from .store import Termbase

_LAZY = {
    "Termbase": "store",
    "TermMatcher": "match",
    "extract_terms": "extraction",
    "extract_files": "extraction",
    "ExtractConfig": "extraction",
    "align": "alignment",
    "align_texts": "alignment",
    "check_units": "checking",
    "check_files": "checking",
}

__all__ = [
    "Concept",
    "ExtractConfig",
    "NotFound",
    "ParseError",
    "Segment",
    "Term",
    "TermMatcher",
    "Termbase",
    "TermbaseError",
    "TranslationUnit",
    "UnknownLanguage",
    "UnsupportedFormat",
    "ValidationError",
    "align",
    "align_texts",
    "check_files",
    "check_units",
    "extract_files",
    "extract_terms",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'termbase' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
