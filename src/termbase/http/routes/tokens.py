"""API tokens, for admins: list, create (the secret is in the answer, this once), revoke."""

from __future__ import annotations

from fastapi import APIRouter, Body, Request
from fastapi.responses import JSONResponse

from ...services import create_token, list_tokens, revoke_token
from ..bodies import text_or_none
from ..deps import use
from ..errors import ApiError

router = APIRouter(prefix="/api", tags=["tokens"])


@router.get("/tokens", summary="Every token, revoked ones too (admin)")
def tokens_list(request: Request) -> JSONResponse:
    with use(request, "admin") as s:
        return JSONResponse([t.to_dict() for t in list_tokens(s.ws)])


@router.post("/tokens", status_code=201, summary="Make a token (admin); the answer holds its secret")
def tokens_create(request: Request, body: dict = Body(...)) -> JSONResponse:
    """Body: ``{"name", "role"}``; the answer: ``{"name", "role", "created", "revoked", "token"}``."""
    with use(request, "admin") as s:
        if not isinstance(body, dict):
            raise ApiError(422, "invalid", "the request body must be a JSON object")
        name, role = text_or_none(body, "name"), text_or_none(body, "role")
        if not name or not role:
            raise ApiError(422, "invalid", "name and role are required")
        return JSONResponse(create_token(s.ws, name, role).to_dict(), status_code=201)


@router.delete("/tokens/{name}", summary="Revoke a user's token (admin)")
def tokens_revoke(request: Request, name: str) -> JSONResponse:
    with use(request, "admin") as s:
        return JSONResponse(revoke_token(s.ws, name).to_dict())
