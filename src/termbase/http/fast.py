"""The short way through the app for the requests a team server gets most: a plain ``GET /api/lookup``
and ``GET /api/concepts/ID`` are handed to their routes' own functions (:func:`.routes.concepts.lookup_route`,
:func:`.routes.concepts.get_route`: the same token check, reads and JSON) before FastAPI routes and
validates them: its routing and parameter validation cost about a fifth of a lookup's CPU. A failure
is answered here as the app's handlers answer it (:func:`.errors.response_for`), once.

Anything else -- another parameter, one given twice, a ``limit`` that is not a number from 1 to 100,
no ``q``; a query string on a concept's GET -- goes the ordinary way, where FastAPI validates it and
words its errors.
"""

from __future__ import annotations

from starlette.requests import Request

from .errors import response_for
from .routes import concepts

#: The parameters of ``GET /api/lookup`` (see the route) and the largest ``limit`` it accepts.
_PARAMETERS = {"q", "lang", "limit"}
_MAX_LIMIT = 100
_CONCEPT = "/api/concepts/"


class FastReads:
    """Pure ASGI middleware: answer a plain lookup or concept GET itself, pass everything else on."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "GET":
            path = scope["path"]
            request = answer = None
            if path == "/api/lookup":
                request = Request(scope)
                answer = _lookup(request)
            elif path.startswith(_CONCEPT) and not scope["query_string"]:
                concept_id = path[len(_CONCEPT):]
                if concept_id and "/" not in concept_id:
                    request = Request(scope)
                    answer = concepts.get_route(request, concept_id)
            if answer is not None:
                try:
                    response = await answer
                except Exception as exc:  # as the app's handlers answer it
                    response = response_for(request, exc)
                return await response(scope, receive, send)
        return await self.app(scope, receive, send)


def _lookup(request: Request):
    """The lookup route's call for the request's parameters, or None: to be answered the ordinary way."""
    params = request.query_params.multi_items()
    given = {name: value for name, value in params}
    if len(given) != len(params) or not given.keys() <= _PARAMETERS or "q" not in given:
        return None
    limit = given.get("limit", "5")
    if not (limit.isascii() and limit.isdigit() and 1 <= int(limit) <= _MAX_LIMIT):
        return None
    return concepts.lookup_route(request, q=given["q"], lang=given.get("lang"), limit=int(limit))
