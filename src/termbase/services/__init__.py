"""What termbase does, one function per job, over plain arguments, returning result objects.

The command line (:mod:`termbase.cli`) and any other front end call these and nothing below them:
they parse their input, call one service, and render its result (each has ``to_dict()`` for JSON).
Services never print and never exit; they raise :class:`~termbase.errors.TermbaseError` subclasses
whose ``needs`` says what the caller could give to get past them.

==================  ==========================================================================
module              jobs
==================  ==========================================================================
``workspace``       :class:`Workspace`: an opened termbase (store + search index)
``copy``            :func:`copy_termbase`
``termbase``        :func:`init_termbase`, :func:`termbase_stats`, :func:`data_version`, :func:`size_limits`
``concepts``        :func:`lookup`, :func:`show_concept`, :func:`add_concept`, :func:`edit_concept`,
                    :func:`remove_concepts`, :func:`parse_terms`
``transfer``        :func:`import_file`, :func:`export`
``align``           :func:`align_files`
``extract``         :func:`extract_files` (:class:`MemoryCorpora`: a server's memory indexes, kept)
``check``           :func:`check_files`
``tokens``          :func:`create_token`, :func:`authenticate` (:class:`TokenCache` for a server),
                    :func:`list_tokens`, :func:`revoke_token`
``latin``           :func:`generate_latin` (proposed kk-Latn terms from the Kazakh ones)
``translit``        :func:`transliterate`, :func:`transliterate_source` (Kazakh Cyrillic <-> Latin)
``tm``              :func:`list_memories`, :func:`memory_stats`, :func:`delete_memory`, :func:`search_memory`,
                    :func:`pretranslate`, :func:`list_units`, :func:`edit_unit`, :func:`remove_unit`
==================  ==========================================================================

Importing this package loads none of them: each name loads its module on first use, so a front end
that only looks terms up does not pay for alignment, the file formats or the PostgreSQL driver.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

#: termbase's version (pyproject.toml's ``version``; tests/cli/test_app.py checks that they agree), for
#: front ends to show without reading the installed package's metadata (``termbase --version``).
VERSION = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .align import AlignResult, align_files
    from .latin import LatinResult, generate_latin
    from .translit import TranslitResult, transliterate, transliterate_source
    from .check import CheckResult, check_files
    from .concepts import (
        add_terms,
        approve,
        propose_concept,
        propose_terms,
        concept_history,
        reject,
        remove_term,
        replace_term_text,
        restore_concept,
        set_term_status,
        undo_last_change,
        ConceptList,
        list_concepts,
        LookupResult,
        add_concept,
        edit_concept,
        lookalike_warnings,
        lookup,
        lookup_many,
        parse_terms,
        terms_from_dicts,
        remove_concepts,
        show_concept,
    )
    from .copy import CopyResult, copy_termbase
    from .extract import ADD_THRESHOLD, EXTRACT_KINDS, ExtractConfig, ExtractRun, extract_files
    from .corpora import DEFAULT_CORPUS_CACHE_MB, MemoryCorpora
    from .termbase import (
        GlossaryUpdate, InitResult, LimitsInfo, TermbaseStats, data_version, init_termbase, size_limits, termbase_stats,
        update_glossary,
    )
    from .tm import (
        MemoryStats, PretranslateResult, SearchResult, UnitPage, delete_memory, edit_unit, list_memories, list_units,
        memory_stats, pretranslate, remove_unit, search_memory, unit_to_dict,
    )
    from .tokens import CreatedToken, TokenCache, authenticate, create_token, list_tokens, revoke_token
    from .transfer import ExportResult, FormatInfo, ImportResult, export, import_file, list_formats
    from .workspace import DEFAULT_LOCK_TIMEOUT, Workspace, has_termbase, shown_location
    from ..fsutil import Source  # what readers take: front ends wrap uploads and streams in it

#: Each public name and the module (relative to this package) that defines it.
_LAZY = {
    **dict.fromkeys(("AlignResult", "align_files"), ".align"),
    **dict.fromkeys(("LatinResult", "generate_latin"), ".latin"),
    **dict.fromkeys(("TranslitResult", "transliterate", "transliterate_source"), ".translit"),
    **dict.fromkeys(("CheckResult", "check_files"), ".check"),
    **dict.fromkeys((
        "ConceptList", "LookupResult", "add_concept", "add_terms", "approve", "concept_history", "edit_concept",
        "list_concepts", "lookalike_warnings", "lookup", "lookup_many", "parse_terms", "propose_concept",
        "propose_terms", "reject", "remove_concepts", "remove_term", "replace_term_text", "restore_concept",
        "set_term_status", "show_concept", "terms_from_dicts", "undo_last_change"
    ), ".concepts"),
    **dict.fromkeys(("CopyResult", "copy_termbase"), ".copy"),
    **dict.fromkeys(("DEFAULT_CORPUS_CACHE_MB", "MemoryCorpora"), ".corpora"),
    **dict.fromkeys(("ADD_THRESHOLD", "EXTRACT_KINDS", "ExtractConfig", "ExtractRun", "extract_files"), ".extract"),
    **dict.fromkeys((
        "GlossaryUpdate", "InitResult", "LimitsInfo", "TermbaseStats", "data_version", "init_termbase",
        "size_limits", "termbase_stats", "update_glossary"
    ), ".termbase"),
    **dict.fromkeys((
        "MemoryStats", "PretranslateResult", "SearchResult", "UnitPage", "delete_memory", "edit_unit",
        "list_memories", "list_units", "memory_stats", "pretranslate", "remove_unit", "search_memory",
        "unit_to_dict"
    ), ".tm"),
    **dict.fromkeys((
        "CreatedToken", "TokenCache", "authenticate", "create_token", "list_tokens", "revoke_token"
    ), ".tokens"),
    **dict.fromkeys((
        "ExportResult", "FormatInfo", "ImportResult", "export", "import_file", "list_formats"
    ), ".transfer"),
    **dict.fromkeys(("DEFAULT_LOCK_TIMEOUT", "Workspace", "has_termbase", "shown_location"), ".workspace"),
    **dict.fromkeys(("Source",), "..fsutil"),
}

__all__ = [
    "VERSION",
    "ADD_THRESHOLD", "DEFAULT_LOCK_TIMEOUT", "EXTRACT_KINDS", "AlignResult", "CheckResult", "CreatedToken", "ConceptList", "ExportResult", "ExtractConfig", "ExtractRun", "FormatInfo", "GlossaryUpdate", "ImportResult", "InitResult", "LookupResult", "MemoryStats", "UnitPage", "edit_unit", "list_units", "remove_unit", "unit_to_dict", "PretranslateResult", "SearchResult",
    "Source", "TermbaseStats", "Workspace", "LimitsInfo", "size_limits",
    "TokenCache", "authenticate", "data_version", "create_token", "list_tokens", "revoke_token",
    "add_concept", "add_terms", "propose_concept", "propose_terms", "approve", "concept_history", "reject", "remove_term", "replace_term_text", "restore_concept", "set_term_status", "undo_last_change", "align_files", "check_files", "edit_concept", "export", "extract_files", "import_file",
    "delete_memory", "init_termbase", "list_concepts", "list_formats", "list_memories", "memory_stats", "pretranslate", "search_memory", "lookalike_warnings", "lookup", "lookup_many", "parse_terms", "terms_from_dicts", "remove_concepts", "show_concept", "termbase_stats", "update_glossary",
    "has_termbase", "shown_location", "CopyResult", "copy_termbase", "DEFAULT_CORPUS_CACHE_MB", "MemoryCorpora",
    "LatinResult", "TranslitResult", "generate_latin", "transliterate", "transliterate_source", "load_all",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def load_all() -> None:
    """Import every service now (and what they use): for a server, so that no request pays for it."""
    for module in sorted(set(_LAZY.values())):
        import_module(module, __name__)
