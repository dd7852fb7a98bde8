"""API tokens of the termbase server: made, checked, listed and revoked.

A token is a random secret (``tb_`` and 43 URL-safe characters, 256 bits) given once to its user; the
store keeps only its SHA-256 digest (a secret that random needs no slow hash: nobody can guess it, and
checking it must be fast on every request), with a name (the user, recorded in the history of every
change they make) and a role (:data:`termbase.models.ROLES`).

>>> from termbase.store import create_store
>>> ws = Workspace(create_store(":memory:"))
>>> created = create_token(ws, "aigerim", "translator")
>>> created.secret.startswith("tb_"), authenticate(ws, created.secret).role
(True, 'translator')
>>> _ = revoke_token(ws, "aigerim")
>>> authenticate(ws, created.secret) is None
True
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from ..models import ApiToken
from .workspace import Workspace

#: What every token's secret starts with (so it is recognisable in a leaked file or a log).
TOKEN_PREFIX = "tb_"


@dataclass(frozen=True)
class CreatedToken:
    """A token just made: its record and the secret, shown to its user this once."""

    token: ApiToken
    secret: str

    def to_dict(self) -> dict:
        return {**self.token.to_dict(), "token": self.secret}


def token_digest(secret: str) -> str:
    """What the store keeps of a secret: its SHA-256, hexadecimal."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(ws: Workspace, name: str, role: str) -> CreatedToken:
    """A new token for ``name`` with ``role``; a :class:`~termbase.errors.ValidationError` for an
    unknown role or a name that has a token already (revoke it first)."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return CreatedToken(ws.store.tokens.add(name.strip(), role, token_digest(secret)), secret)


def authenticate(ws: Workspace, secret: str) -> ApiToken | None:
    """The live token whose secret this is, or None (unknown, malformed or revoked)."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    return ws.store.tokens.find(token_digest(secret))


class TokenCache:
    """The tokens a server has checked, so that a request costs no token query: each answer (the
    token, or None for an unknown or revoked one) is kept with the termbase's tokens version read
    before it was looked up, and used only by a request that read the same version. Making or
    revoking a token moves that version in the database (in the same transaction), so every server
    instance sees a revoked token fail at its next request. At most ``size`` answers are kept (then
    they are dropped and checked again). Safe to share between threads.

    >>> from termbase.store import create_store
    >>> ws = Workspace(create_store(":memory:"))
    >>> created, cache = create_token(ws, "aigerim", "reader"), TokenCache()
    >>> cache.check(ws, created.secret).user.name
    'aigerim'
    >>> _ = revoke_token(ws, "aigerim")
    >>> cache.check(ws, created.secret).user is None
    True
    """

    def __init__(self, size: int = 4096):
        self.size = size
        self._known: dict[str, tuple[int, ApiToken | None]] = {}  # secret's digest -> (tokens version, answer)

    def check(self, ws: Workspace, secret: str | None) -> "Checked":
        """The user of ``secret`` (None: unknown or revoked; no secret: no user) and the termbase's
        data version, from one query (:meth:`termbase.store.Store.versions`) when the token was
        checked before at the same tokens version."""
        data, tokens = ws.store.versions()
        if secret is None:
            return Checked(None, data)
        digest = token_digest(secret)
        known = self._known.get(digest)
        if known is not None and known[0] == tokens:
            return Checked(known[1], data)
        user = authenticate(ws, secret)
        if len(self._known) >= self.size:
            self._known.clear()
        self._known[digest] = (tokens, user)
        return Checked(user, data)


@dataclass(frozen=True)
class Checked:
    """What :meth:`TokenCache.check` found: the token's ``user`` (or None) and the termbase's
    ``data_version`` read with it (:meth:`termbase.search.TermIndex.at_version`)."""

    user: ApiToken | None
    data_version: int


def list_tokens(ws: Workspace) -> list[ApiToken]:
    """Every token, revoked ones too, oldest first (never their secrets: they are not kept)."""
    return ws.store.tokens.list()


def revoke_token(ws: Workspace, name: str) -> ApiToken:
    """Revoke the live token of ``name``; :class:`~termbase.errors.NotFound` when there is none."""
    return ws.store.tokens.revoke(name)
