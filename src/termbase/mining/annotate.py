"""Extraction candidates given the renderings a memory has for them."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..extraction import ExtractedTerm, ExtractionResult
from ..models import Concept
from .miner import EquivalentMiner

__all__ = ["candidate_forms", "with_suggestions"]


def candidate_forms(candidate: ExtractedTerm) -> list[str]:
    """The texts a candidate occurs as: its expansion, term and surface forms, longest first."""
    forms = [candidate.expansion or "", candidate.term, *candidate.forms]
    return sorted({f for f in forms if f}, key=lambda f: (-len(f), f))


def with_suggestions(
    result: ExtractionResult,
    miner: EquivalentMiner,
    concept_of: Callable[[str], Concept | None] | None = None,
) -> ExtractionResult:
    """``result`` with each candidate's suggestions in every language of the memory but its own;
    for a candidate the termbase knows (``concept_of(concept_id)``), the memory's usage too."""
    if miner.source != result.language:
        raise ValueError(f"the miner reads {miner.source}, the candidates are {result.language}")
    out = []
    for candidate in result.candidates:
        forms = candidate_forms(candidate)
        suggestions = {lang: tuple(miner.suggestions(forms, lang)) for lang in miner.targets}
        usage = {}
        concept = concept_of(candidate.concept_id) if concept_of and candidate.concept_id else None
        if concept is not None:
            for lang in miner.targets:
                got = miner.usage(forms, concept.terms, lang)
                if got:
                    usage[lang] = tuple(got)
        out.append(replace(candidate, suggestions=suggestions, usage=usage))
    return replace(result, candidates=tuple(out))
