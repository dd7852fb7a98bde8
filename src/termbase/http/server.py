"""Running the app: :func:`serve` starts uvicorn with ``workers`` processes on ``host:port``."""

from __future__ import annotations

import os

from ..services import Workspace
from .config import ServerConfig


def serve(config: ServerConfig, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          log_level: str = "warning") -> None:
    """Serve ``config``'s termbase until interrupted. The termbase is opened (and its schema
    upgraded) once here, so a missing or unreadable one is an error before anything listens; each
    worker process builds the app from the environment (:func:`termbase.http.app.app_from_environment`)."""
    import uvicorn

    Workspace.open(config.db).close()
    os.environ.update(config.environment())
    uvicorn.run("termbase.http.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=False, server_header=False)
