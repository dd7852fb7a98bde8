"""``GET /api/health``: 200 ``{"status": "ok"}`` when the termbase database answers, else 503."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from ...services import Workspace, data_version
from ..deps import workspace

router = APIRouter(prefix="/api", tags=["health"])


@router.get("/health", summary="Whether the server and its database answer (no token needed)")
def health(ws: Workspace = Depends(workspace)) -> JSONResponse:
    data_version(ws)  # a database that does not answer is a StoreError: 503
    return JSONResponse({"status": "ok"})
