"""What the routes depend on: the server's state, and a :class:`Session` (an opened termbase and who is
asking, from their token) with the role a route needs. Front ends mounted on the same app (the web
interface) use these too: ``session: Session = Depends(reader)`` in a route gives ``session.ws`` and
``session.user``, or answers 401/403 itself.

The API's own routes are sync functions that do all their work in the one worker thread FastAPI runs
them in: ``with use(request, "reader") as s:`` takes a termbase from the pool, checks the token and
role, and gives the termbase back, with no dependency machinery around it (every thread hop and
dependency costs a request time; a lookup is about a millisecond of work)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import AsyncIterator, Iterator

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from ..models import ApiToken
from ..services import MemoryCorpora, TokenCache, Workspace
from .config import ServerConfig
from .errors import ApiError
from .pool import WorkspacePool

#: The actor recorded for changes made without a token (only where anonymous access is configured).
ANONYMOUS = "anonymous"


class ServerState:
    """One per app: its configuration, its pool of opened termbases for routes that run in worker
    threads, one more for the short read-only routes run on the event loop itself (lookup, a
    concept), which no other thread uses, and the tokens it has checked (kept while the termbase's
    tokens version stays the same: a revoked token fails at once on every instance); the mining
    indexes of memories the worker threads' termbases keep (until their memory changes)."""

    def __init__(self, config: ServerConfig):
        self.config = config
        self.tokens = TokenCache()
        self.corpora = MemoryCorpora(max_mb=config.corpus_cache_mb)
        self.pool = WorkspacePool(config.db, config.pool_size, lock_timeout=config.lock_timeout,
                                  corpora=self.corpora)
        self.loop_pool = WorkspacePool(config.db, 1, lock_timeout=config.lock_timeout)


@dataclass(frozen=True)
class Session:
    """A request's termbase (``ws``) and user (``user``: their token's name and role)."""

    ws: Workspace
    user: ApiToken


def state(request: Request) -> ServerState:
    return request.app.state.termbase


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


@contextlib.contextmanager
def use(request: Request, role: str, *, on_loop: bool = False) -> Iterator[Session]:
    """The request's :class:`Session` for the block, in the calling (worker) thread: 401 without a
    token (unless anonymous access is configured) or with an unknown or revoked one, 403 when the
    user's role is below ``role``. ``on_loop``: for an ``async`` route that only reads, quickly and
    without waiting for locks, on the event loop (it gets the loop's own termbase, so it never waits
    for a worker thread's; and the data version read with the token stands for the termbase's in
    the block: one query a request). Every request reads the termbase's versions first, so nothing
    kept (the lookup index, checked tokens) outlives a change made by another instance."""
    token = bearer_token(request)
    server = state(request)
    if token is None and server.config.anonymous_role is None:
        raise _unauthorized("this request needs a token: send 'Authorization: Bearer TOKEN'")
    pool = server.loop_pool if on_loop else server.pool
    ws, user, version = _open(pool, server, token)
    failed: BaseException | None = None
    try:
        session = Session(ws, _allowed(user, role))
        if on_loop:
            with ws.index.at_version(version):
                yield session
        else:
            yield session
    except BaseException as exc:
        failed = exc
        raise
    finally:
        pool.give_back(ws, failed)


def _allowed(user: ApiToken | None, role: str) -> ApiToken:
    if user is None:
        raise _unauthorized("the token is unknown or was revoked")
    if not user.allows(role):
        raise ApiError(403, "forbidden", f"this needs the role {role} or higher; {user.name!r} is a {user.role}")
    return user


async def workspace(request: Request) -> AsyncIterator[Workspace]:
    """A termbase for this request, without a user (``GET /api/health``)."""
    pool = state(request).pool
    ws = await run_in_threadpool(pool.take)
    failed: BaseException | None = None
    try:
        yield ws
    except BaseException as exc:
        failed = exc
        raise
    finally:
        await _give_back(pool, ws, failed)


async def session(request: Request) -> AsyncIterator[Session]:
    """The request's termbase and user: 401 without a token (unless anonymous access is configured)
    and for an unknown or revoked one."""
    token = bearer_token(request)
    server = state(request)
    if token is None and server.config.anonymous_role is None:
        raise _unauthorized("this request needs a token: send 'Authorization: Bearer TOKEN'")
    ws, user, _ = await run_in_threadpool(_open, server.pool, server, token)
    failed: BaseException | None = None
    try:
        yield Session(ws, _allowed(user, "reader"))
    except BaseException as exc:
        failed = exc
        raise
    finally:
        await _give_back(server.pool, ws, failed)


def _open(pool: WorkspacePool, server: ServerState, token: str | None) -> tuple[Workspace, ApiToken | None, int]:
    """A termbase from ``pool``, the token's user and the termbase's data version (one query when
    the token was checked before at the same tokens version)."""
    ws = pool.take()
    try:
        checked = server.tokens.check(ws, token)
    except BaseException as exc:
        pool.give_back(ws, exc)
        raise
    user = ApiToken(ANONYMOUS, server.config.anonymous_role) if token is None else checked.user
    return ws, user, checked.data_version


async def _give_back(pool: WorkspacePool, ws: Workspace, failed: BaseException | None) -> None:
    if pool.needs_check(failed):
        await run_in_threadpool(pool.give_back, ws, failed)  # pings the database: not on the event loop
    else:
        pool.give_back(ws, failed)


def require(role: str):
    """A dependency giving the :class:`Session` when the user's role is ``role`` or higher, else 403."""

    async def check(s: Session = Depends(session)) -> Session:
        return Session(s.ws, _allowed(s.user, role))

    check.__name__ = f"require_{role}"
    return check


reader = require("reader")
translator = require("translator")
terminologist = require("terminologist")
admin = require("admin")


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})
