"""Term extraction: institutional names, acronyms, other proper names and key phrases of a text, in
English, Kazakh or Russian, linked to the concepts of a termbase.

The entry points (:mod:`.pipeline`) are :func:`extract_terms` and the streaming :class:`Extractor`;
reading files is the service's (:func:`termbase.services.extract_files`). The pipeline is a chain of
pure stages, one module each::

    text -> sentences & tokens (.text) -> occurrences (.detect)
         -> merged counts (.counting) -> ranked candidates (.scoring)
         -> concepts & equivalents (.linking)

- :mod:`.lexicon`  word lists per language (``data/*_extract.txt``), loaded lazily, once
- :mod:`.text`     documents -> sentences -> tokens (boilerplate, headlines and datelines dropped)
- :mod:`.detect`   tokens -> candidate occurrences (names, acronyms, key phrases): one module per
                   language (`detect.en`, `detect.ru`, `detect.kk`), what they share in `detect.common`
- :mod:`.counting` bounded counting of occurrences (lossy counting), so memory stays flat
- :mod:`.scoring`  merged candidates -> kinds, scores (C-value, general-language contrast), ranking
- :mod:`.linking`  candidates -> concepts and equivalents of a termbase

Inflected mentions of a candidate are merged under the match keys of its words
(:func:`termbase.languages.word_key`, the key lookup and the check use too), and a candidate is listed
under its citation form (:func:`termbase.languages.citation_form`).

An acronym and the name it abbreviates are one candidate (kind ``acronym``, with the name as its
``expansion``), counting the mentions of either: "Ministry of Internal Affairs (MIA)" is one mention.

>>> result = extract_terms(["The Ministry of Internal Affairs (MIA) met. The MIA said so."], lang="en")
>>> [(c.term, c.kind, c.frequency, c.expansion, c.forms) for c in result.candidates]
[('MIA', 'acronym', 2, 'Ministry of Internal Affairs', ('MIA', 'Ministry of Internal Affairs'))]
"""

from .detect import KINDS
from .pipeline import (
    ExtractConfig,
    ExtractedTerm,
    ExtractionResult,
    Extractor,
    document_language,
    extract_terms,
    proposed_concept,
)

__all__ = [
    "KINDS", "ExtractConfig", "ExtractedTerm", "ExtractionResult", "Extractor",
    "document_language", "extract_terms", "proposed_concept",
]
