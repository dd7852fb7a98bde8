"""Who is signed in to the web interface: the token kept in a cookie, checked on every request,
and the CSRF token every form must send back (derived from the secret, so another site cannot
forge it)."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
from typing import Iterator

from fastapi import Request

from ...models import ApiToken
from ...services import Workspace, authenticate
from ..deps import ANONYMOUS, state

#: The cookie holding the signed-in user's token (HttpOnly, SameSite=Strict).
COOKIE = "termbase_token"


def csrf_token(secret: str | None) -> str:
    """The CSRF token of the forms of a user signed in with ``secret`` (empty when nobody is)."""
    if not secret:
        return ""
    return hmac.new(secret.encode(), b"termbase web forms", hashlib.sha256).hexdigest()[:32]


def csrf_ok(request: Request, sent: str | None) -> bool:
    expected = csrf_token(request.cookies.get(COOKIE))
    return bool(expected) and hmac.compare_digest(expected, sent or "")


@contextlib.contextmanager
def session(request: Request) -> Iterator[tuple[Workspace, ApiToken | None]]:
    """The termbase (from the server's pool) and the signed-in user (None: nobody, or a revoked token;
    the configured anonymous role when there is one)."""
    server = state(request)
    ws = server.pool.take()
    failed: BaseException | None = None
    try:
        secret = request.cookies.get(COOKIE)
        user = authenticate(ws, secret) if secret else None
        if user is None and server.config.anonymous_role:
            user = ApiToken(ANONYMOUS, server.config.anonymous_role)
        yield ws, user
    except BaseException as exc:
        failed = exc
        raise
    finally:
        server.pool.give_back(ws, failed)
