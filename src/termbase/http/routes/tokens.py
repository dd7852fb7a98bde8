"""API tokens, for admins: list, create (the secret is in the answer, this once), revoke."""

from __future__ import annotations

from fastapi import APIRouter, Body, Depends

from ...models import ApiToken
from ...services import Workspace, create_token, list_tokens, revoke_token
from ..bodies import text_or_none
from ..deps import admin, workspace
from ..errors import ApiError

router = APIRouter(prefix="/api", tags=["tokens"])


@router.get("/tokens", summary="Every token, revoked ones too (admin)")
def tokens_list(ws: Workspace = Depends(workspace), user: ApiToken = Depends(admin)) -> list:
    return [t.to_dict() for t in list_tokens(ws)]


@router.post("/tokens", status_code=201, summary="Make a token (admin); the answer holds its secret")
def tokens_create(body: dict = Body(...), ws: Workspace = Depends(workspace), user: ApiToken = Depends(admin)) -> dict:
    """Body: ``{"name", "role"}``; the answer: ``{"name", "role", "created", "revoked", "token"}``."""
    if not isinstance(body, dict):
        raise ApiError(422, "invalid", "the request body must be a JSON object")
    name, role = text_or_none(body, "name"), text_or_none(body, "role")
    if not name or not role:
        raise ApiError(422, "invalid", "name and role are required")
    return create_token(ws, name, role).to_dict()


@router.delete("/tokens/{name}", summary="Revoke a user's token (admin)")
def tokens_revoke(name: str, ws: Workspace = Depends(workspace), user: ApiToken = Depends(admin)) -> dict:
    return revoke_token(ws, name).to_dict()
