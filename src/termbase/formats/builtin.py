"""Imports every built-in format module so that each registers itself."""

# Each module calls base.register(...) at import time. Keep this list sorted.
from . import csvfmt, omegat, tbx  # noqa: F401

try:  # formats that arrive with later features
    from . import po, tmx  # noqa: F401
except ImportError:  # pragma: no cover - during development only
    pass
