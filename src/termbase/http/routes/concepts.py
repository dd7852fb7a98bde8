"""Concepts: lookup, list, get/create/update/delete, terms, proposals, approve/reject, history.

A concept's JSON is ``termbase show --json``'s (with ``"version"``), its ``ETag`` header the version
(``"3"``). Every change takes an optional ``If-Match: <ETag>``: a stale one is 412 with the current
version; without one, a change that meets a concurrent change is 409 (never a lost update). Changes
are recorded in the concept's history under the token's name.
"""

from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Body, Header, Query, Request
from fastapi.responses import JSONResponse

from ...models import Concept
from ...services import (
    add_concept,
    add_terms,
    approve,
    concept_history,
    edit_concept,
    list_concepts,
    lookup,
    propose_concept,
    propose_terms,
    reject,
    remove_concepts,
    remove_term,
    replace_term_text,
    restore_concept,
    set_term_status,
    show_concept,
)
from ..bodies import fields_of, parse_if_match, terms_by_lang, terms_of, text_or_none
from ..deps import use
from ..errors import ApiError, etag

router = APIRouter(prefix="/api", tags=["concepts"])

_IF_MATCH = Header(None, alias="If-Match", description="The concept's ETag the change is based on.")
_JSON_OBJECT = Body(..., description="A JSON object.")


def concept_response(concept: Concept, status: int = 200) -> JSONResponse:
    """A concept as ``termbase show --json`` gives it, with its ``ETag``."""
    return JSONResponse(concept.to_dict(), status_code=status, headers={"ETag": etag(concept.version)})


def _object(body) -> dict:
    if not isinstance(body, dict):
        raise ApiError(422, "invalid", "the request body must be a JSON object")
    return body


@router.get("/lookup", summary="Look a term up (as termbase lookup TEXT --json)")
async def lookup_route(request: Request, q: str = Query(..., description="The text to look up, in any language and form."),
                 lang: str | None = Query(None, description="Its language (en, kk, ru); default: all."),
                 limit: int = Query(5, ge=1, le=100)) -> JSONResponse:
    with use(request, "reader", on_loop=True) as s:  # a millisecond of work: no thread hop
        return JSONResponse(lookup(s.ws, q, lang=lang, limit=limit).to_dict())


@router.get("/concepts", summary="List concepts, filtered and paged (as termbase list --json)")
def list_route(request: Request, status: str | None = None, subject: str | None = None, lang: str | None = None,
               missing: bool = False, source: str | None = None, changed_since: datetime | None = None,
               query: str | None = None, newest: bool = False, limit: int = Query(50, ge=1, le=1000),
               offset: int = Query(0, ge=0)) -> JSONResponse:
    with use(request, "reader") as s:
        if changed_since is not None and changed_since.tzinfo is None:
            changed_since = changed_since.replace(tzinfo=timezone.utc)
        return JSONResponse(list_concepts(s.ws, status=status, subject=subject, lang=lang, missing=missing, source=source,
                             changed_since=changed_since, query=query, newest_first=newest, limit=limit,
                             offset=offset).to_dict())


@router.post("/concepts", status_code=201, summary="Add a concept (terminologist)")
def create_route(request: Request, body: dict = _JSON_OBJECT) -> JSONResponse:
    """Body: ``{"terms": {"en": "Senate | Upper House {admitted}", "kk": [{"text": "Сенат"}]}, "id",
    "subject", "definition", "note", "source", "force"}``; a term the termbase has already is 409
    unless ``"force": true``."""
    with use(request, "terminologist") as s:
        body = _object(body)
        fields = fields_of({k: v for k, v in body.items()})
        concept = add_concept(s.ws, terms_of(body.get("terms")), concept_id=text_or_none(body, "id"),
                              force=body.get("force") is True, actor=s.user.name, **fields)
        out = concept_response(concept, 201)
        out.headers["Location"] = f"/api/concepts/{concept.id}"
        return out


@router.post("/proposals", status_code=201, summary="Propose a new concept (translator)")
def propose_route(request: Request, body: dict = _JSON_OBJECT) -> JSONResponse:
    """As ``POST /api/concepts``, but every term is stored as ``proposed``, for a terminologist to
    approve or reject."""
    with use(request, "translator") as s:
        body = _object(body)
        fields = fields_of(body)
        concept = propose_concept(s.ws, terms_of(body.get("terms")), concept_id=text_or_none(body, "id"),
                                  actor=s.user.name, **fields)
        out = concept_response(concept, 201)
        out.headers["Location"] = f"/api/concepts/{concept.id}"
        return out


@router.get("/concepts/{concept_id}", summary="One concept (as termbase show ID --json), with its ETag")
async def get_route(request: Request, concept_id: str) -> JSONResponse:
    with use(request, "reader", on_loop=True) as s:
        return concept_response(show_concept(s.ws, concept_id))


@router.patch("/concepts/{concept_id}", summary="Change a concept's fields or terms (terminologist)")
def patch_route(request: Request, concept_id: str, body: dict = _JSON_OBJECT, if_match: str | None = _IF_MATCH) -> JSONResponse:
    """Body: the fields to change, e.g. ``{"note": "..."}`` (null or "" clears one), and ``"terms"``
    replacing the terms of each language it names."""
    with use(request, "terminologist") as s:
        body = _object(body)
        terms = terms_by_lang(body["terms"]) if "terms" in body else None
        fields = fields_of({k: v for k, v in body.items() if k != "terms"})
        concept = edit_concept(s.ws, concept_id, terms=terms, fields=fields, actor=s.user.name,
                               expected_version=parse_if_match(if_match))
        return concept_response(concept)


@router.delete("/concepts/{concept_id}", summary="Remove a concept (terminologist)")
def delete_route(request: Request, concept_id: str, if_match: str | None = _IF_MATCH) -> JSONResponse:
    with use(request, "terminologist") as s:
        expected = parse_if_match(if_match)
        return JSONResponse({"removed": remove_concepts(s.ws, [concept_id], actor=s.user.name,
                                           expected_versions={concept_id: expected} if expected is not None else None)})


@router.post("/concepts/{concept_id}/terms", summary="Add terms to a concept (terminologist)")
def add_terms_route(request: Request, concept_id: str, body: dict = _JSON_OBJECT, if_match: str | None = _IF_MATCH) -> JSONResponse:
    """Body: ``{"lang": "kk", "terms": "Сенат | ... {status, type}"}``."""
    with use(request, "terminologist") as s:
        body = _object(body)
        concept = add_terms(s.ws, concept_id, _required(body, "lang"), _required(body, "terms"), actor=s.user.name,
                            expected_version=parse_if_match(if_match))
        return concept_response(concept)


@router.patch("/concepts/{concept_id}/terms", summary="Change one term's status or text (terminologist)")
def change_term_route(request: Request, concept_id: str, body: dict = _JSON_OBJECT, if_match: str | None = _IF_MATCH) -> JSONResponse:
    """Body: ``{"lang", "text", "status"}`` and/or ``"new_text"`` (both: one change each)."""
    with use(request, "terminologist") as s:
        body = _object(body)
        lang, text = _required(body, "lang"), _required(body, "text")
        status, new_text = text_or_none(body, "status"), text_or_none(body, "new_text")
        if status is None and new_text is None:
            raise ApiError(422, "invalid", "nothing to change: give status or new_text")
        expected = parse_if_match(if_match)
        concept = None
        if status is not None:
            concept = set_term_status(s.ws, concept_id, lang, text, status, actor=s.user.name, expected_version=expected)
            expected = concept.version
        if new_text is not None:
            concept = replace_term_text(s.ws, concept_id, lang, text, new_text, actor=s.user.name, expected_version=expected)
        return concept_response(concept)


@router.delete("/concepts/{concept_id}/terms", summary="Remove one term of a concept (terminologist)")
def remove_term_route(request: Request, concept_id: str, lang: str, text: str, if_match: str | None = _IF_MATCH) -> JSONResponse:
    with use(request, "terminologist") as s:
        return concept_response(remove_term(s.ws, concept_id, lang, text, actor=s.user.name,
                                            expected_version=parse_if_match(if_match)))


@router.post("/concepts/{concept_id}/proposals", summary="Propose terms for a concept (translator)")
def propose_terms_route(request: Request, concept_id: str, body: dict = _JSON_OBJECT, if_match: str | None = _IF_MATCH) -> JSONResponse:
    """Body: ``{"lang": "kk", "terms": "Сенат"}``; the terms are stored as ``proposed``."""
    with use(request, "translator") as s:
        body = _object(body)
        return concept_response(propose_terms(s.ws, concept_id, _required(body, "lang"), _required(body, "terms"),
                                              actor=s.user.name, expected_version=parse_if_match(if_match)))


@router.post("/concepts/{concept_id}/approve", summary="Approve proposed terms (terminologist)")
def approve_route(request: Request, concept_id: str, body: dict | None = Body(None), if_match: str | None = _IF_MATCH) -> JSONResponse:
    """Body (optional): ``{"lang"}`` to approve one language's, ``{"lang", "text"}`` one term."""
    with use(request, "terminologist") as s:
        body = _object(body) if body is not None else {}
        return concept_response(approve(s.ws, concept_id, lang=text_or_none(body, "lang"), text=text_or_none(body, "text"),
                                        actor=s.user.name, expected_version=parse_if_match(if_match)))


@router.post("/concepts/{concept_id}/reject", summary="Reject a proposed concept (terminologist)")
def reject_route(request: Request, concept_id: str, body: dict | None = Body(None), if_match: str | None = _IF_MATCH) -> JSONResponse:
    """Body (optional): ``{"reason"}``, kept in the history. As ``termbase reject --json``."""
    with use(request, "terminologist") as s:
        body = _object(body) if body is not None else {}
        return JSONResponse({"rejected": reject(s.ws, concept_id, reason=text_or_none(body, "reason"), actor=s.user.name,
                                   expected_version=parse_if_match(if_match))})


@router.post("/concepts/{concept_id}/restore", status_code=201, summary="Bring back a removed concept (terminologist)")
def restore_route(request: Request, concept_id: str) -> JSONResponse:
    with use(request, "terminologist") as s:
        return concept_response(restore_concept(s.ws, concept_id, actor=s.user.name), 201)


@router.get("/concepts/{concept_id}/history", summary="Every change of a concept (as termbase history ID --json)")
def history_route(request: Request, concept_id: str) -> JSONResponse:
    with use(request, "reader") as s:
        return JSONResponse([c.to_dict() for c in concept_history(s.ws, concept_id)])


def _required(body: dict, name: str) -> str:
    value = text_or_none(body, name)
    if not value:
        raise ApiError(422, "invalid", f"{name}: required")
    return value
