"""How a server is set up: one frozen :class:`ServerConfig`, from ``termbase serve``'s options or, in
each worker process, from the environment that ``serve`` passes on."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import ValidationError
from ..models import ROLES
from ..services import DEFAULT_CORPUS_CACHE_MB

#: Uploads larger than this are refused (413) unless the server says otherwise.
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
#: Opened termbases (connections and search indexes) per server process: two, so that one request
#: computes while another waits for the database (Python runs one thread at a time anyway); more
#: processes (``--workers``) use more cores.
DEFAULT_POOL_SIZE = 2
#: How long a request's write waits for another writer (seconds) before it fails with 503: a
#: request must not hang for the command line's five minutes.
DEFAULT_LOCK_TIMEOUT = 10.0

_ENV = {"db": "TERMBASE_DB", "anonymous_role": "TERMBASE_ANONYMOUS_ROLE",
        "max_upload": "TERMBASE_MAX_UPLOAD", "pool_size": "TERMBASE_POOL_SIZE",
        "lock_timeout": "TERMBASE_LOCK_TIMEOUT", "corpus_cache_mb": "TERMBASE_CORPUS_CACHE_MB"}


@dataclass(frozen=True)
class ServerConfig:
    """``db``: the termbase (a file, or a database URL where the store supports one);
    ``anonymous_role``: the role of requests without a token (None: they are refused, 401);
    ``max_upload``: the largest request body in bytes; ``pool_size``: termbases opened per process;
    ``lock_timeout``: how long a write waits for another's, in seconds; ``corpus_cache_mb``: about how
    many megabytes of memories' mining indexes a process keeps between extractions (0: none)."""

    db: str
    anonymous_role: str | None = None
    max_upload: int = DEFAULT_MAX_UPLOAD
    pool_size: int = DEFAULT_POOL_SIZE
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    corpus_cache_mb: int = DEFAULT_CORPUS_CACHE_MB

    def __post_init__(self) -> None:
        if self.anonymous_role is not None and self.anonymous_role not in ROLES:
            raise ValidationError(f"unknown role {self.anonymous_role!r}; roles: {', '.join(ROLES)}")
        if self.max_upload < 1:
            raise ValidationError(f"the upload limit must be at least 1 byte, not {self.max_upload}")
        if self.pool_size < 1:
            raise ValidationError(f"the pool size must be at least 1, not {self.pool_size}")
        if self.corpus_cache_mb < 0:
            raise ValidationError(f"the memory index cache must be at least 0 MB, not {self.corpus_cache_mb}")

    def environment(self) -> dict[str, str]:
        """The variables :meth:`from_environment` reads back (for worker processes)."""
        env = {_ENV["db"]: self.db, _ENV["max_upload"]: str(self.max_upload),
               _ENV["pool_size"]: str(self.pool_size), _ENV["lock_timeout"]: str(self.lock_timeout),
               _ENV["corpus_cache_mb"]: str(self.corpus_cache_mb)}
        if self.anonymous_role:
            env[_ENV["anonymous_role"]] = self.anonymous_role
        return env

    @classmethod
    def from_environment(cls) -> "ServerConfig":
        db = os.environ.get(_ENV["db"])
        if not db:
            raise ValidationError(f"no termbase to serve: set {_ENV['db']}")
        return cls(
            db,
            anonymous_role=os.environ.get(_ENV["anonymous_role"]) or None,
            max_upload=int(os.environ.get(_ENV["max_upload"], DEFAULT_MAX_UPLOAD)),
            pool_size=int(os.environ.get(_ENV["pool_size"], DEFAULT_POOL_SIZE)),
            lock_timeout=float(os.environ.get(_ENV["lock_timeout"], DEFAULT_LOCK_TIMEOUT)),
            corpus_cache_mb=int(os.environ.get(_ENV["corpus_cache_mb"], DEFAULT_CORPUS_CACHE_MB)),
        )
