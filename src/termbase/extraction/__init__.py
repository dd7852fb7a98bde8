"""Stages of term extraction; the public entry point is :func:`termbase.extract.extract_terms`.

- :mod:`.lexicon`  word lists per language (``data/*_extract.txt``), loaded lazily, once
- :mod:`.text`     documents -> sentences -> tokens (boilerplate, headlines and datelines dropped)
- :mod:`.morph`    inflection: Russian through pymorphy3, Kazakh case endings by rule
- :mod:`.detect`   tokens -> candidate occurrences (names, acronyms, key phrases): one module per
                   language (`detect.en`, `detect.ru`, `detect.kk`), what they share in `detect.common`
- :mod:`.counting` bounded counting of occurrences (lossy counting), so memory stays flat
- :mod:`.scoring`  merged candidates -> kinds, scores (C-value, general-language contrast), ranking
- :mod:`.linking`  candidates -> concepts and equivalents of a termbase
"""
