"""The termbase server: an HTTP API over :mod:`termbase.services`, thin as the command line is.

Each route checks the token and role (:mod:`.deps`), reads its input (:mod:`.bodies`: JSON bodies,
headers, uploads, never a file path from the request), calls one service and answers with the JSON the
command line's ``--json`` prints; errors become ``{"error": {"code", "message"}}`` with their status in
one place (:mod:`.errors`). The termbases a process works on come from a pool (:mod:`.pool`); nothing
kept in a process goes stale when another instance writes (the search index follows the data version
kept in the database). This package imports only :mod:`termbase.services`, :mod:`termbase.models` and
:mod:`termbase.errors`.
"""

from .app import create_app
from .config import ServerConfig

__all__ = ["ServerConfig", "create_app"]
