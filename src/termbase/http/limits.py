"""The upload limit: a request body larger than the server's ``max_upload`` gets 413 before it is
read (by its Content-Length) or as soon as it passes the limit (a chunked body). The API answers
with its JSON error; a page of the web interface (any path outside ``/api``) with the message as one
line of plain text, which a browser shows as it is.

A form that sends a document back packed (the extraction page's "add the selected": deflated,
URL-safe base64) may be larger than the upload it came from: its path gets :func:`packed_limit`,
so whatever was accepted as an upload can come back; the page bounds the unpacked document by the
upload limit itself."""

from __future__ import annotations

import json


#: Room in a packed form for its fields other than the document (the CSRF token, options, picked terms).
FORM_ROOM = 256 * 1024


def packed_limit(limit: int) -> int:
    """The largest body of a form carrying back a document of at most ``limit`` bytes, deflated and
    URL-safe base64 (no byte of it escaped in a URL-encoded form): zlib's ``compressBound`` (the most
    deflating can grow incompressible bytes, such as a DOCX's), 4/3 for base64, and :data:`FORM_ROOM`."""
    deflated = limit + (limit >> 12) + (limit >> 14) + (limit >> 25) + 13
    return 4 * -(-deflated // 3) + FORM_ROOM


class BodyTooLarge(Exception):
    """Raised from ``receive`` once a body passes the limit (turned into 413 by the handlers)."""


class UploadLimit:
    """Pure ASGI middleware: refuse request bodies over ``limit`` bytes with 413 (over
    :func:`packed_limit` on the paths of ``packed``, forms that send a document back packed)."""

    def __init__(self, app, limit: int, packed: tuple[str, ...] = ()):
        self.app = app
        self.limit = limit
        self.packed = frozenset(packed)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = packed_limit(self.limit) if scope.get("path") in self.packed else self.limit
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > limit
            except ValueError:
                return await _refuse(send, 400, "bad_request", "the Content-Length header is not a number",
                                     web=is_web(scope))
            if too_big:
                return await _refuse(send, 413, "too_large", self.message(), web=is_web(scope))
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(self.message())
            return message

        async def tracked_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except BodyTooLarge as exc:
            if not started:
                await _refuse(send, 413, "too_large", str(exc), web=is_web(scope))

    def message(self) -> str:
        return f"the request body is larger than this server's limit of {self.limit} bytes"


def is_web(scope) -> bool:
    """Whether a request is for a page of the web interface (not the API under ``/api``)."""
    path = scope.get("path") or "/"
    return path != "/api" and not path.startswith("/api/")


def plain_line(message: str) -> bytes:
    """The one line a web page's refusal shows: ``Error: MESSAGE``."""
    return f"Error: {message}\n".encode()


async def _refuse(send, status: int, code: str, message: str, *, web: bool = False) -> None:
    if web:
        body, kind = plain_line(message), b"text/plain; charset=utf-8"
    else:
        body, kind = json.dumps({"error": {"code": code, "message": message}}).encode(), b"application/json"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
