"""The one place where failures become HTTP responses: ``{"error": {"code", "message"}}`` with the
right status, never a traceback.

========================================  ======  =====================
what                                      status  code
========================================  ======  =====================
malformed request (JSON, header, query)   400     ``bad_request``
unknown language code                     400     ``unknown_language``
no token, a bad or revoked one            401     ``unauthorized``
a role too low                            403     ``forbidden``
no such concept, memory, route            404     ``not_found``
term already in another concept, id taken 409     ``already_exists``
concurrent change (no If-Match given)     409     ``conflict``
stale ``If-Match``                        412     ``version_conflict`` (+ ``current_version``)
body over the upload limit                413     ``too_large``
unreadable file, unacceptable data        422     ``unreadable_file``, ``invalid``, ``unsupported_format``
database unreachable or busy              503     ``unavailable``
anything else                             500     ``internal``
========================================  ======  =====================
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    AlreadyExists,
    DuplicateTerm,
    NotFound,
    ParseError,
    StoreError,
    TermbaseError,
    UnknownLanguage,
    UnsupportedFormat,
    ValidationError,
    VersionConflict,
)
from .limits import BodyTooLarge, is_web, plain_line

log = logging.getLogger("termbase.http")


class ApiError(Exception):
    """An error response decided by the HTTP layer itself (auth, headers, limits)."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
                 extra: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}
        self.extra = extra or {}


def error_response(status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
                   extra: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **(extra or {})}}, status_code=status,
                        headers=headers)


def etag(version: int | None) -> str:
    """The ETag of a concept version: ``"3"``."""
    return f'"{version}"'


def _termbase_error(request: Request, exc: TermbaseError) -> JSONResponse:
    if isinstance(exc, VersionConflict):
        headers = {"ETag": etag(exc.current)}
        extra = {"current_version": exc.current}
        if request.headers.get("if-match"):
            return error_response(412, "version_conflict", str(exc), headers=headers, extra=extra)
        return error_response(409, "conflict", str(exc), headers=headers, extra=extra)
    if isinstance(exc, NotFound):
        return error_response(404, "not_found", str(exc))
    if isinstance(exc, (AlreadyExists, DuplicateTerm)):
        return error_response(409, "already_exists", str(exc))
    if isinstance(exc, ParseError):
        return error_response(422, "unreadable_file", str(exc))
    if isinstance(exc, UnsupportedFormat):
        return error_response(422, "unsupported_format", str(exc))
    if isinstance(exc, UnknownLanguage):
        return error_response(400, "unknown_language", str(exc))
    if isinstance(exc, ValidationError):
        return error_response(422, "invalid", str(exc))
    if isinstance(exc, StoreError):
        log.warning("database failure: %s", exc)
        return error_response(503, "unavailable", "the termbase database is unavailable; try again shortly",
                              headers={"Retry-After": "1"})
    return error_response(400, "bad_request", str(exc))


def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    first = exc.errors()[0] if exc.errors() else {}
    where = [str(p) for p in first.get("loc", ()) if p != "body" or len(first.get("loc", ())) == 1]
    what = first.get("msg", "invalid request")
    if first.get("type") == "json_invalid":
        return error_response(400, "bad_request", f"the request body is not valid JSON: {first.get('ctx', {}).get('error', what)}")
    place = f"{where[0]} {' '.join(where[1:])}".strip() if where else "request"
    return error_response(422, "invalid", f"{place}: {what}")


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "too_large"}


def response_for(request: Request, exc: Exception) -> JSONResponse:
    """The answer to a route's failure: an :class:`ApiError`'s own, a termbase error's status and
    code (the table above), anything else 500 (logged). The app's handlers give these, and the short
    way of :mod:`.fast` too."""
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.code, exc.message, headers=exc.headers, extra=exc.extra)
    if isinstance(exc, TermbaseError):
        return _termbase_error(request, exc)
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal", "internal error; the server log has the details")


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return response_for(request, exc)

    @app.exception_handler(TermbaseError)
    async def termbase_error(request: Request, exc: TermbaseError) -> JSONResponse:
        return response_for(request, exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_error(request, exc)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        if is_web(request.scope):  # a page's form: one line a browser shows as it is
            return Response(plain_line(str(exc)), status_code=413, media_type="text/plain; charset=utf-8",
                            headers={"Connection": "close"})
        return error_response(413, "too_large", str(exc), headers={"Connection": "close"})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.__cause__, BodyTooLarge):  # raised while FastAPI parsed a form
            return await too_large(request, exc.__cause__)
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        return error_response(exc.status_code, _HTTP_CODES.get(exc.status_code, "error"), message,
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        return response_for(request, exc)
