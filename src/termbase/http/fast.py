"""The lookup's short way through the app: ``GET /api/lookup`` with plain parameters is answered here,
before FastAPI routes and validates it, by the same code as its route (:func:`.routes.concepts.lookup_route`:
the same token check, lookup and JSON). FastAPI's routing and parameter validation cost about a fifth of
a lookup's CPU, and lookups are most of a team server's requests.

Anything else — another parameter, one given twice, a ``limit`` that is not a number from 1 to 100, no
``q`` — and any failure (no token, a revoked one, an empty query, an unknown language, a database down)
goes the ordinary way, so every error is FastAPI's and the route's, word for word (a lookup only reads:
asking again costs nothing but time, and only when it fails).
"""

from __future__ import annotations

from fastapi.responses import JSONResponse
from starlette.requests import Request

from ..services import lookup
from .deps import use

#: The parameters of ``GET /api/lookup`` (see the route) and the largest ``limit`` it accepts.
_PARAMETERS = {"q", "lang", "limit"}
_MAX_LIMIT = 100


class FastLookup:
    """Pure ASGI middleware: answer a plain ``GET /api/lookup`` itself, pass everything else on."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/api/lookup" and scope["method"] == "GET":
            response = _answer(scope)
            if response is not None:
                return await response(scope, receive, send)
        return await self.app(scope, receive, send)


def _answer(scope) -> JSONResponse | None:
    """The lookup's answer, or None: to be answered the ordinary way."""
    request = Request(scope)
    params = request.query_params.multi_items()
    given = {name: value for name, value in params}
    if len(given) != len(params) or not given.keys() <= _PARAMETERS or "q" not in given:
        return None
    limit = given.get("limit", "5")
    if not (limit.isascii() and limit.isdigit() and 1 <= int(limit) <= _MAX_LIMIT):
        return None
    try:
        with use(request, "reader", on_loop=True) as s:
            return JSONResponse(lookup(s.ws, given["q"], lang=given.get("lang"), limit=int(limit)).to_dict())
    except Exception:  # answered again the ordinary way, with the error as the route gives it
        return None
