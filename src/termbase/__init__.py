"""termbase: terminology and translation memory for English, Kazakh and Russian.

The public API: the services (:mod:`termbase.services`, what the command line calls), the models and
the errors; and, for finer work, the store, the search index and the pure stages of extraction,
alignment and checking. Everything heavy (language models, lxml, the automaton) loads on first use.

>>> from termbase import Workspace, create_store, lookup
>>> from termbase.glossary import load_shipped
>>> ws = Workspace(create_store(":memory:"))             # an empty termbase
>>> ws.store.concepts.add_many(load_shipped()).added       # the shipped glossary
398
>>> lookup(ws, "Ассамблеясының").matches[0].concept.id
'apk'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    AlreadyExists,
    NotFound,
    OutputError,
    ParseError,
    StoreError,
    TermbaseError,
    UnknownLanguage,
    UnsupportedFormat,
    ValidationError,
    VersionConflict,
)

from .services import VERSION

#: termbase's version (the services load on first use: importing them for it loads none of them)
__version__ = VERSION

if TYPE_CHECKING:  # pragma: no cover
    from .models import BilingualUnit, Concept, Document, Segment, Term, TranslationUnit
    from .alignment import align, align_texts
    from .checking import Checker, check_units
    from .extraction import ExtractConfig, extract_terms
    from .search import TermIndex
    from .services import (
        Workspace,
        add_concept,
        align_files,
        check_files,
        edit_concept,
        export,
        extract_files,
        import_file,
        init_termbase,
        lookup,
        remove_concepts,
        show_concept,
        termbase_stats,
    )
    from .store import Store, create_store, open_store

_LAZY = {
    # (the models load on first use too: ``termbase --version`` and a module importing only the errors
    # do without their dataclasses)
    **dict.fromkeys(("BilingualUnit", "Concept", "Document", "Segment", "Term", "TranslationUnit"), "models"),
    **dict.fromkeys(
        ("Workspace", "add_concept", "align_files", "check_files", "edit_concept", "export", "extract_files",
         "import_file", "init_termbase", "lookup", "remove_concepts", "show_concept", "termbase_stats"),
        "services",
    ),
    **dict.fromkeys(("Store", "create_store", "open_store"), "store"),
    "TermIndex": "search",
    "ExtractConfig": "extraction",
    "extract_terms": "extraction",
    "align": "alignment",
    "align_texts": "alignment",
    "Checker": "checking",
    "check_units": "checking",
}

__all__ = [
    "AlreadyExists", "BilingualUnit", "Checker", "Concept", "Document", "ExtractConfig", "NotFound", "OutputError",
    "ParseError", "Segment", "Store", "StoreError", "Term", "TermIndex", "TermbaseError", "TranslationUnit",
    "UnknownLanguage", "UnsupportedFormat", "ValidationError", "VersionConflict", "Workspace", "add_concept",
    "align", "align_files", "align_texts", "check_files", "check_units", "create_store", "edit_concept", "export",
    "extract_files", "extract_terms", "import_file", "init_termbase", "lookup", "open_store", "remove_concepts",
    "show_concept", "termbase_stats",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'termbase' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
