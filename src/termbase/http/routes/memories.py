"""Translation memories: the list, fuzzy search and concordance (as ``termbase tm list/search --json``)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from ...services import list_memories, search_memory
from ..deps import use

router = APIRouter(prefix="/api", tags=["memories"])


@router.get("/memories", summary="The memories and what they hold (as termbase tm list --json)")
def memories_route(request: Request) -> JSONResponse:
    with use(request, "reader") as s:
        return JSONResponse([m.to_dict() for m in list_memories(s.ws)])


@router.get("/memories/{name}/search", summary="Fuzzy matches or a concordance (as termbase tm search --json)")
def search_route(request: Request, name: str, q: str = Query(..., description="The text (fuzzy) or words (concordance)."),
                 lang: str | None = Query(None, description="Language of q; default: detected."),
                 target_lang: str | None = Query(None, description="Only units with these languages: kk,ru."),
                 min_score: int = Query(70, ge=0, le=100), limit: int | None = Query(None, ge=1, le=1000),
                 concordance: bool = Query(False, description="List every unit holding the words of q.")) -> JSONResponse:
    with use(request, "reader") as s:
        targets = [c.strip() for c in target_lang.split(",") if c.strip()] if target_lang else None
        if limit is None:
            limit = 1000 if concordance else 10
        return JSONResponse(search_memory(s.ws, q, name, lang=lang, target_langs=targets, min_score=min_score, limit=limit,
                             concordance_of_words=concordance).to_dict())
