"""Equivalents mined from translation memories: how a memory's translators rendered a term.

:class:`~termbase.mining.corpus.UnitCorpus` indexes the units by word key per language;
:class:`~termbase.mining.links.Linker` ties words across languages (general dictionary, spelling
across scripts, same token, co-occurrence); :class:`~termbase.mining.miner.EquivalentMiner` finds, for
a term, the stretch of each target sentence that renders it, in dictionary form, with the evidence.
"""

from .annotate import acronym_forms, candidate_forms, with_suggestions
from .corpus import MinedUnit, UnitCorpus
from .links import Lexicon, Linker, associations_most, general_lexicon
from .miner import EquivalentMiner, MiningConfig

__all__ = ["EquivalentMiner", "acronym_forms", "Lexicon", "Linker", "associations_most", "MinedUnit", "MiningConfig", "UnitCorpus", "candidate_forms", "general_lexicon",
           "with_suggestions"]
