"""Terminology QA of translations: does each target use the approved terms of the termbase?

For every translated unit, the terms of the termbase are found in the source (inflection-aware,
longest match first, acronyms included, see :mod:`termbase.search.matcher`); for each concept found, one of its
``preferred``/``admitted`` terms in the target language must occur in the target, in any inflected
form. Independently, every ``deprecated`` or ``forbidden`` term used in a target is reported.

Finding kinds and their severity (``--fail-on`` compares against it):

==================  ========  =====================================================================
kind                severity  meaning
==================  ========  =====================================================================
``missing-term``    error     a source term's concept has approved target terms, none is used
``forbidden-term``  error     the target uses a term whose status is ``forbidden``
``deprecated-term`` warning   the target uses a ``deprecated`` term (a former name: may be right
                              in a historical text, so it is a warning)
``mixed-script``    warning   a Cyrillic word of the target has Latin look-alike letters
                              ("Aссамблеясы"): it breaks search and spell-checking downstream;
                              Kazakh words with a Latin ``i`` only with ``strict_script``
==================  ========  =====================================================================

A ``missing-term`` finding whose target uses a term of another concept of the same subject in its
place (Министерство просвещения where the Ministry of Healthcare was meant) has it in ``found``.

Rules that keep false alarms away:

- A concept with a scope (the shipped glossary's are ``KZ``) is not required, nor its terms
  reported, where a term that names no state ("Supreme Court", "Senate", "MP") is used of another
  state: the unit, its translation or the two units before and after name that state ("US Supreme
  Court", "Senate Republicans", "Tory MP"); see :mod:`termbase.languages.jurisdiction`.
- Numerals, adjectives and quoted names may stand between the words of a Kazakh or Russian target
  term («Сенаттың бес депутаты» for «Сенат депутаты»; :mod:`termbase.languages.insertions`).

- A concept without approved terms in the target language is not required.
- A concept found in the source whose target uses its deprecated/forbidden term gets one finding
  (the deprecated/forbidden one), not also ``missing-term``.
- A term shared by two concepts in the source is satisfied by either concept's target term.
- Several terms of a concept can have the same match keys: the Russian stemmer makes "народа" and
  "народов" both ``народ``, so "Ассамблея народа Казахстана" (preferred) and "Ассамблея народов
  Казахстана" (deprecated) look alike. Such a span is given to the term whose words it matches more
  closely (whole words equal first, then common prefixes); on a tie the approved term wins.
- A deprecated term inside a longer approved term is not reported (longest match first).
- A source that itself uses a concept's deprecated term (a historical text: "Astana was renamed
  Nur-Sultan") may use the target's deprecated term of that concept: not reported.
- One-word lower-case terms ("law", "region", "order") are common words: they are not required in
  the target unless ``generic_terms=True`` (see :func:`is_generic`); their deprecated and forbidden
  target terms are always reported.

Untranslated and fuzzy units are skipped and counted. A :class:`Checker` is built once (matcher
and prefilter, see :mod:`.prefilter`); the work per unit is proportional to its length. Reading
files is the service's (:func:`termbase.services.check_files`): this package checks units.

>>> from termbase.models import Concept, Term
>>> from termbase.models import BilingualUnit
>>> knb = Concept("knb", (Term("en", "National Security Committee"),
...                       Term("ru", "Комитет национальной безопасности")))
>>> unit = BilingualUnit("The National Security Committee said", "Служба безопасности сообщила", "en", "ru")
>>> [f.kind for f in check_units([unit], Checker([knb])).findings]
['missing-term']
"""

from .checker import Checker
from .prefilter import REPORTED_STATUSES, is_generic
from .report import FAIL_ON, SEVERITY, FileError, Finding, Report
from .run import DEFAULT_SOURCE_LANG, CheckConfig, check_units

__all__ = [
    "DEFAULT_SOURCE_LANG", "FAIL_ON", "REPORTED_STATUSES", "SEVERITY",
    "CheckConfig", "Checker", "FileError", "Finding", "Report",
    "check_units", "is_generic",
]
