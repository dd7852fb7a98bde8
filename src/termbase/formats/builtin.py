"""Imports every built-in format module so that each registers itself (keep the list sorted)."""

from . import csvfmt, omegat, po, tbx, tmx, tsvpairs, xliff  # noqa: F401
