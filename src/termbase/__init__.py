"""termbase: terminology and translation memory for English, Kazakh and Russian.

The public API; everything heavy (language models, lxml, the automaton) loads on first use.

>>> from termbase import TermIndex, create_store
>>> from termbase.glossary import load_shipped
>>> store = create_store(":memory:")            # an empty termbase
>>> store.concepts.add_many(load_shipped()).added   # the shipped glossary
398
>>> TermIndex(store).lookup("Ассамблеясының")[0].concept.id
'apk'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    AlreadyExists,
    NotFound,
    ParseError,
    StoreError,
    TermbaseError,
    UnknownLanguage,
    UnsupportedFormat,
    ValidationError,
    VersionConflict,
)
from .models import Concept, Segment, Term, TranslationUnit

if TYPE_CHECKING:  # pragma: no cover
    from .alignment import align, align_texts
    from .checking import check_files, check_units
    from .extract import ExtractConfig, extract_files, extract_terms
    from .match import TermMatcher
    from .search import TermIndex
    from .store import Store, create_store, open_store

_LAZY = {
    "Store": "store",
    "create_store": "store",
    "open_store": "store",
    "TermIndex": "search",
    "TermMatcher": "match",
    "extract_terms": "extract",
    "extract_files": "extract",
    "ExtractConfig": "extract",
    "align": "alignment",
    "align_texts": "alignment",
    "check_units": "checking",
    "check_files": "checking",
}

__all__ = [
    "AlreadyExists",
    "Concept",
    "ExtractConfig",
    "NotFound",
    "ParseError",
    "Segment",
    "Store",
    "StoreError",
    "Term",
    "TermIndex",
    "TermMatcher",
    "TermbaseError",
    "TranslationUnit",
    "UnknownLanguage",
    "UnsupportedFormat",
    "ValidationError",
    "VersionConflict",
    "align",
    "align_texts",
    "check_files",
    "check_units",
    "create_store",
    "extract_files",
    "extract_terms",
    "open_store",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'termbase' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
