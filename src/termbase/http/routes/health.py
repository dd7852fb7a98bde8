"""``GET /api/health``: 200 ``{"status": "ok"}`` when the termbase database answers, else 503."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ...services import data_version
from ..deps import state

router = APIRouter(prefix="/api", tags=["health"])


@router.get("/health", summary="Whether the server and its database answer (no token needed)")
async def health(request: Request) -> JSONResponse:
    pool = state(request).loop_pool  # one cheap read on the event loop, like lookup
    ws = pool.take()
    failed = None
    try:
        data_version(ws)  # a database that does not answer is a StoreError: 503
    except BaseException as exc:
        failed = exc
        raise
    finally:
        pool.give_back(ws, failed)
    return JSONResponse({"status": "ok"})
