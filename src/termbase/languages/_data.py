"""Where the data files of :mod:`termbase.languages` are (word lists, tables): read by path, since
the package is always installed as files (``importlib.resources`` would load zipfile and its
readers, a noticeable part of every command's start, to find the same folder)."""

from __future__ import annotations

from pathlib import Path

#: The folder of the data files.
DATA = Path(__file__).resolve().parent / "data"
