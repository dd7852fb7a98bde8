"""Extraction candidates given the renderings a memory has for them."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..extraction import ExtractedTerm, ExtractionResult
from ..extraction.detect import acronym_core
from ..models import Concept
from .miner import EquivalentMiner

__all__ = ["acronym_forms", "candidate_forms", "with_suggestions"]


def candidate_forms(candidate: ExtractedTerm) -> list[str]:
    """The texts a candidate occurs as: its expansion, term and surface forms, longest first; for
    an acronym merged with its expansion, the expansion's forms only (the acronym's own are
    :func:`acronym_forms`: each form is mined as a term of its own)."""
    forms = {f for f in (candidate.expansion or "", candidate.term, *candidate.forms) if f}
    full = forms - set(acronym_forms(candidate))
    return sorted(full or forms, key=lambda f: (-len(f), f))


def acronym_forms(candidate: ExtractedTerm) -> list[str]:
    """The forms of an acronym merged with its expansion ("SCIS", "ДНКК-ның"), longest first; none
    for any other candidate."""
    if not candidate.expansion:
        return []
    core = acronym_core(candidate.term).casefold()
    forms = {f for f in (candidate.term, *candidate.forms)
             if f and f != candidate.expansion and " " not in f.strip() and acronym_core(f).casefold() == core}
    return sorted(forms, key=lambda f: (-len(f), f))


def with_suggestions(
    result: ExtractionResult,
    miner: EquivalentMiner,
    concept_of: Callable[[str], Concept | None] | None = None,
) -> ExtractionResult:
    """``result`` with each candidate's suggestions in every language of the memory but its own
    (an acronym merged with its expansion: the expansion's, and the acronym's own as
    ``acronym_suggestions``); for a candidate the termbase knows (``concept_of(concept_id)``), the memory's usage too."""
    if miner.source != result.language:
        raise ValueError(f"the miner reads {miner.source}, the candidates are {result.language}")
    out = []
    for candidate in result.candidates:
        forms = candidate_forms(candidate)
        short = acronym_forms(candidate)
        suggestions = {lang: tuple(miner.suggestions(forms, lang)) for lang in miner.targets}
        acronym = {lang: tuple(miner.suggestions(short, lang)) for lang in miner.targets} if short else {}
        usage = {}
        concept = concept_of(candidate.concept_id) if concept_of and candidate.concept_id else None
        if concept is not None:
            for lang in miner.targets:
                got = miner.usage([*forms, *short], concept.terms, lang)
                if got:
                    usage[lang] = tuple(got)
        out.append(replace(candidate, suggestions=suggestions, acronym_suggestions=acronym, usage=usage))
    return replace(result, candidates=tuple(out))
