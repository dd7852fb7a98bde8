"""File formats: one module per format behind one interface (:mod:`.base`), found by the registry.

>>> from termbase.fsutil import Source
>>> import io
>>> fmt = format_for(Source.of(io.BytesIO(b'<?xml version="1.0"?><tmx version="1.4"/>')), reads="units")
>>> fmt.name
'tmx'
"""

from .base import READ_CAPABILITIES, SIDES, WRITE_CAPABILITIES, Format
from .registry import all_formats, format_for, format_for_output, formats_that, get_format

__all__ = [
    "READ_CAPABILITIES", "SIDES", "WRITE_CAPABILITIES", "Format",
    "all_formats", "format_for", "format_for_output", "formats_that", "get_format",
]
