"""What the routes depend on: the server's state, an opened termbase for the request, and who is
asking (their token) with the role a route needs. Front ends mounted on the same app (the web
interface) use these too."""

from __future__ import annotations

from typing import Iterator

from fastapi import Depends, Request

from ..models import ApiToken
from ..services import Workspace, authenticate
from .config import ServerConfig
from .errors import ApiError
from .pool import WorkspacePool

#: The actor recorded for changes made without a token (only where anonymous access is configured).
ANONYMOUS = "anonymous"


class ServerState:
    """One per app: its configuration and its pool of opened termbases."""

    def __init__(self, config: ServerConfig):
        self.config = config
        self.pool = WorkspacePool(config.db, config.pool_size, lock_timeout=config.lock_timeout)


def state(request: Request) -> ServerState:
    return request.app.state.termbase


def workspace(request: Request) -> Iterator[Workspace]:
    """The termbase for this request (from the pool, given back when the request is done)."""
    with state(request).pool.workspace() as ws:
        yield ws


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer TOKEN`` header; None without the header; 401 for
    another scheme or an empty token."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("the Authorization header must be 'Bearer TOKEN'")
    return token.strip()


def current_user(request: Request, ws: Workspace = Depends(workspace)) -> ApiToken:
    """Who asks: the live token of the request (401 for none, unless anonymous access is configured,
    and for an unknown or revoked one)."""
    token = bearer_token(request)
    if token is None:
        role = state(request).config.anonymous_role
        if role is None:
            raise _unauthorized("this request needs a token: send 'Authorization: Bearer TOKEN'")
        return ApiToken(ANONYMOUS, role)
    user = authenticate(ws, token)
    if user is None:
        raise _unauthorized("the token is unknown or was revoked")
    return user


def require(role: str):
    """A dependency giving the user when their role is ``role`` or higher, else 403."""

    def check(user: ApiToken = Depends(current_user)) -> ApiToken:
        if not user.allows(role):
            raise ApiError(403, "forbidden", f"this needs the role {role} or higher; {user.name!r} is a {user.role}")
        return user

    check.__name__ = f"require_{role}"
    return check


reader = require("reader")
translator = require("translator")
terminologist = require("terminologist")
admin = require("admin")


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})
