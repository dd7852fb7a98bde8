"""The app: :func:`create_app` builds the FastAPI application of a :class:`ServerConfig`.

Routers are added in one place (:data:`ROUTERS`); another front end served by the same process (the
web interface) adds its own routes to the app this returns and uses :mod:`.deps` for the termbase,
the user and their role. ``termbase serve`` runs :func:`app_from_environment` in each uvicorn worker.
"""

from __future__ import annotations

import contextlib

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from ..errors import StoreError
from ..services import load_all
from .config import ServerConfig
from .deps import ServerState
from .errors import install as install_errors
from .errors import log
from .fast import FastReads
from .limits import UploadLimit
from .routes import concepts, files, health, memories, tokens
from .server import all_started

#: The API's routers, in the order the OpenAPI schema lists them.
ROUTERS = (health.router, concepts.router, memories.router, files.router, tokens.router)


def create_app(config: ServerConfig) -> FastAPI:
    """The termbase server for ``config``: the API under ``/api``, its schema at ``/api/openapi.json``
    and its documentation at ``/api/docs``."""
    from importlib.metadata import version

    server = ServerState(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        await run_in_threadpool(load_all)  # every service's modules: no first request imports them
        try:  # before the first request, not during it; a database down now is retried by requests
            await run_in_threadpool(server.pool.warm_up)
            await run_in_threadpool(server.loop_pool.warm_up)
        except StoreError as exc:
            log.warning("warming up: %s", exc)
        await run_in_threadpool(all_started)  # workers started together listen together
        yield
        server.pool.close()
        server.loop_pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="termbase",
        version=version("termbase"),
        description="Terminology and translation memory for English, Kazakh and Russian. Send "
                    "'Authorization: Bearer TOKEN' (termbase token create NAME --role ROLE) on every "
                    "request but /api/health.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        **_NO_TELEMETRY,
    )
    app.state.termbase = server
    install_errors(app)
    for router in ROUTERS:
        app.include_router(router)
    from .web import PACKED_FORMS, install as install_web  # the pages; after the API so /api/* stays the API's

    install_web(app)
    app.add_middleware(UploadLimit, limit=config.max_upload, packed=PACKED_FORMS)
    app.add_middleware(FastReads)  # a plain lookup or concept GET answered before FastAPI's routing (same answer)
    app.openapi = lambda: _openapi(app)
    return app


def _no_telemetry() -> dict:
    """FastAPI's own OpenTelemetry off, where FastAPI has it (0.165 and later): else every request
    asks OpenTelemetry whether a tracer, a meter or a logger is set up (a few percent of a lookup's
    CPU); an operator who wants traces wraps the app in OpenTelemetry's ASGI middleware instead."""
    import inspect

    if "telemetry" in inspect.signature(FastAPI.__init__).parameters:
        return {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    return {}


_NO_TELEMETRY = _no_telemetry()


def app_from_environment() -> FastAPI:
    """The app of the configuration ``termbase serve`` put in the environment (uvicorn's factory)."""
    return create_app(ServerConfig.from_environment())


def _openapi(app: FastAPI) -> dict:
    """FastAPI's schema, plus the bearer token every route but health needs (the routes check it
    themselves, so FastAPI does not see it)."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schema.setdefault("components", {})["securitySchemes"] = {
            "bearer": {"type": "http", "scheme": "bearer", "description": "termbase token create NAME --role ROLE"}}
        schema["security"] = [{"bearer": []}]
        schema["paths"]["/api/health"]["get"]["security"] = []
        app.openapi_schema = schema
    return app.openapi_schema
