"""The pages of the web interface. Each route reads its form, calls services, and renders a template;
a failure becomes a message on the page (never a traceback), a stale version the other person's
change, a missing right a 403 page."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from markupsafe import Markup, escape

from ...errors import NotFound, TermbaseError, VersionConflict
from ...models import STATUSES, ApiToken
from ...services import (
    add_terms,
    approve,
    authenticate,
    check_files,
    concept_history,
    edit_concept,
    edit_unit,
    export,
    import_file,
    list_concepts,
    list_memories,
    list_units,
    lookalike_warnings,
    lookup,
    propose_terms,
    reject,
    remove_term,
    remove_unit,
    search_memory,
    set_term_status,
    show_concept,
)
from ..uploads import upload_source
from .auth import COOKIE, csrf_ok, csrf_token, session

HERE = Path(__file__).parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")  # autoescape on for .html
router = APIRouter(include_in_schema=False)

LANGS = ("en", "kk", "ru")
LANG_NAMES = {"en": "English", "kk": "Қазақша", "ru": "Русский"}
#: Content-Security-Policy of every page: only this server's script, style and images.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


class Denied(Exception):
    """The signed-in user may not do this (403), or nobody is signed in (to the sign-in page)."""


def highlight(text: str, spans) -> Markup:
    """``text`` escaped, with the character ``spans`` marked."""
    out, last = [], 0
    for start, end in sorted(spans or ()):
        if start < last or end > len(text):
            continue
        out.append(escape(text[last:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)


def mark_word(text: str, word: str | None) -> Markup:
    """``text`` escaped with each occurrence of ``word`` (case-folded) marked."""
    if not word:
        return escape(text)
    low, needle, spans, at = text.casefold(), word.casefold(), [], 0
    if len(low) != len(text):  # casefold changed lengths: mark nothing rather than the wrong letters
        return escape(text)
    while needle and (at := low.find(needle, at)) >= 0:
        spans.append((at, at + len(needle)))
        at += len(needle)
    return highlight(text, spans)


def mark_form(text: str, forms) -> Markup:
    """``text`` escaped with the longest of ``forms`` it holds marked (a name's inflected forms:
    «министрлігінің» marked whole, not its beginning «министрлігі»)."""
    low = text.casefold()
    held = [f for f in forms or () if f and f.casefold() in low]
    return mark_word(text, max(held, key=len) if held else None)


templates.env.globals.update(LANGS=LANGS, LANG_NAMES=LANG_NAMES, STATUSES=STATUSES, highlight=highlight,
                             mark_word=mark_word, mark_form=mark_form)


def _page(request: Request, name: str, ctx: dict, *, user: ApiToken | None, status: int = 200,
          started: float | None = None) -> HTMLResponse:
    ctx = dict(ctx, request=request, user=user, csrf=csrf_token(request.cookies.get(COOKIE)),
               can_edit=bool(user and user.allows("terminologist")),
               can_propose=bool(user and user.allows("translator")),
               is_admin=bool(user and user.allows("admin")))
    response = templates.TemplateResponse(request, name, ctx, status_code=status)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    if started is not None:
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


def _need(user: ApiToken | None, role: str) -> ApiToken:
    if user is None:
        raise Denied("sign-in")
    if not user.allows(role):
        raise Denied(f"This needs the role {role} or higher; {user.name} is a {user.role}.")
    return user


def _guard(request: Request, role: str, fn):
    """Run ``fn(ws, user)`` for a user with ``role``: the sign-in page for nobody, 403 for too low a role,
    a page with the message for a termbase error."""
    with session(request) as (ws, user):
        try:
            _need(user, role)
            return fn(ws, user)
        except Denied as exc:
            if str(exc) == "sign-in":
                return RedirectResponse("/login?" + urlencode({"next": _here(request)}), status_code=303)
            return _page(request, "error.html", {"title": "Not allowed", "message": str(exc)}, user=user, status=403)
        except NotFound as exc:
            return _page(request, "error.html", {"title": "Not found", "message": str(exc)}, user=user, status=404)
        except TermbaseError as exc:
            return _page(request, "error.html", {"title": "Could not do that", "message": str(exc)}, user=user,
                         status=422)


def _here(request: Request) -> str:
    path = request.url.path
    return path + (f"?{request.url.query}" if request.url.query and request.method == "GET" else "")


def _post_guard(request: Request, csrf: str | None, role: str, fn):
    if not csrf_ok(request, csrf):
        with session(request) as (_ws, user):
            return _page(request, "error.html", {"title": "Form expired",
                                                 "message": "The form was not sent from this site's page, or you "
                                                            "signed in again since it was loaded. Reload the page "
                                                            "and try again."}, user=user, status=403)
    return _guard(request, role, fn)


def _safe_next(target: str | None) -> str:
    """Only a path of this site (never another host) to go back to after signing in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


# ------------------------------------------------------------------------------------ signing in
@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/"):
    with session(request) as (_ws, user):
        return _page(request, "login.html", {"next": _safe_next(next), "error": None}, user=user)


@router.post("/login")
def login(request: Request, token: str = Form(""), next: str = Form("/")):
    with session(request) as (ws, _user):
        user = authenticate(ws, token.strip()) if token.strip() else None
        if user is None:
            return _page(request, "login.html", {"next": _safe_next(next),
                                                 "error": "That token is unknown or was revoked."}, user=None,
                         status=401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", max_age=30 * 24 * 3600)
    return response


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")):
    response = RedirectResponse("/login", status_code=303)
    if csrf_ok(request, csrf):
        response.delete_cookie(COOKIE)
    return response


# ----------------------------------------------------------------------------------------- search
@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", status: str = "", subject: str = "", missing: str = "",
                partial: int = 0):
    started = time.perf_counter()

    def run(ws, user):
        results, total = _search(ws, q.strip(), status or None, subject.strip() or None, missing or None)
        ctx = {"q": q, "status": status, "subject": subject, "missing": missing, "results": results, "total": total}
        return _page(request, "_results.html" if partial else "search.html", ctx, user=user, started=started)

    return _guard(request, "reader", run)


def _search(ws, q, status, subject, missing) -> tuple[list[dict], int]:
    """Rows of the results: ``{"concept", "how", "matched"}``; lookup (any language and form) when
    there is a query, the filtered list otherwise."""
    if q:
        found = lookup(ws, q, limit=50).matches
        rows = []
        for m in found:
            c = m.concept
            if status and not any(t.status == status for t in c.terms):
                continue
            if subject and (c.subject or "") != subject:
                continue
            if missing and c.terms_in(missing):
                continue
            rows.append({"concept": c, "how": m.how, "matched": m.matched})
        return rows[:25], len(rows)
    listed = list_concepts(ws, status=status, subject=subject, lang=missing, missing=bool(missing), limit=25,
                           newest_first=True)
    return [{"concept": c, "how": None, "matched": None} for c in listed.concepts], listed.total


# ---------------------------------------------------------------------------------------- concept
@router.get("/concepts/{concept_id}", response_class=HTMLResponse)
def concept_page(request: Request, concept_id: str):
    started = time.perf_counter()
    return _guard(request, "reader", lambda ws, user: _concept(request, ws, user, concept_id, started=started))


def _concept(request, ws, user, concept_id, *, conflict: dict | None = None, notice: str | None = None,
             warnings: list[str] | None = None, status: int = 200, started: float | None = None):
    concept = show_concept(ws, concept_id)
    history = list(reversed(concept_history(ws, concept_id)))
    usage = _usage(ws, concept)
    return _page(request, "concept.html", {"concept": concept, "history": history[:30], "usage": usage,
                                           "conflict": conflict, "notice": notice, "warnings": warnings or []},
                 user=user, status=status, started=started)


def _usage(ws, concept, per_term: int = 3) -> list[dict]:
    """Concordance examples of the concept's terms in the termbase's memories (a few per term)."""
    out = []
    memories = [m.name for m in list_memories(ws)][:5]
    for term in concept.terms:
        if term.status in ("deprecated", "forbidden"):
            continue
        for memory in memories:
            try:
                found = search_memory(ws, term.text, memory, lang=term.lang, limit=per_term,
                                      concordance_of_words=True).matches
            except TermbaseError:
                continue
            for m in found:
                out.append({"memory": memory, "term": term, "match": m})
        if len(out) >= 12:
            break
    return out[:12]


def _change(request: Request, concept_id: str, version: int | None, csrf: str | None, role: str, apply,
            done: str):
    """Apply a change to a concept based on ``version``: back to its page with ``done``, or, when someone
    changed it in between, the page as it now is with their change and a 409."""

    def run(ws, user):
        try:
            warnings = apply(ws, user) or []
        except VersionConflict:
            current = show_concept(ws, concept_id)
            last = concept_history(ws, concept_id)[-1]
            conflict = {"actor": last.actor or "someone", "time": last.time, "version": current.version,
                        "yours": version}
            return _concept(request, ws, user, concept_id, conflict=conflict, status=409)
        if done == "rejected":
            return RedirectResponse("/review?" + urlencode({"notice": f"Rejected {concept_id}."}), status_code=303)
        return _concept(request, ws, user, concept_id, notice=done, warnings=warnings)

    return _post_guard(request, csrf, role, run)


@router.post("/concepts/{concept_id}/approve")
def approve_route(request: Request, concept_id: str, version: int = Form(...), csrf: str = Form(""),
                  lang: str = Form(""), text: str = Form(""), back: str = Form("")):
    def apply(ws, user):
        approve(ws, concept_id, lang=lang or None, text=text or None, actor=user.name, expected_version=version)

    response = _change(request, concept_id, version, csrf, "terminologist", apply, "Approved.")
    if back == "review" and response.status_code == 200:
        return RedirectResponse("/review?" + urlencode({"notice": f"Approved {concept_id}."}), status_code=303)
    return response


@router.post("/concepts/{concept_id}/reject")
def reject_route(request: Request, concept_id: str, version: int = Form(...), csrf: str = Form(""),
                 reason: str = Form("")):
    def apply(ws, user):
        reject(ws, concept_id, reason=reason.strip() or None, actor=user.name, expected_version=version)

    return _change(request, concept_id, version, csrf, "terminologist", apply, "rejected")


@router.post("/concepts/{concept_id}/terms")
def add_term_route(request: Request, concept_id: str, version: int = Form(...), csrf: str = Form(""),
                   lang: str = Form(...), text: str = Form(...)):
    """Terminologists add approved terms; translators propose them."""

    def apply(ws, user):
        fn = add_terms if user.allows("terminologist") else propose_terms
        fn(ws, concept_id, lang, text, actor=user.name, expected_version=version)
        return lookalike_warnings(text, lang)

    return _change(request, concept_id, version, csrf, "translator", apply, "Term added.")


@router.post("/concepts/{concept_id}/terms/status")
def term_status_route(request: Request, concept_id: str, version: int = Form(...), csrf: str = Form(""),
                      lang: str = Form(...), text: str = Form(...), status: str = Form(...)):
    def apply(ws, user):
        set_term_status(ws, concept_id, lang, text, status, actor=user.name, expected_version=version)

    return _change(request, concept_id, version, csrf, "terminologist", apply, "Status changed.")


@router.post("/concepts/{concept_id}/terms/remove")
def term_remove_route(request: Request, concept_id: str, version: int = Form(...), csrf: str = Form(""),
                      lang: str = Form(...), text: str = Form(...)):
    def apply(ws, user):
        remove_term(ws, concept_id, lang, text, actor=user.name, expected_version=version)

    return _change(request, concept_id, version, csrf, "terminologist", apply, "Term removed.")


@router.post("/concepts/{concept_id}/edit")
def edit_route(request: Request, concept_id: str, version: int = Form(...), csrf: str = Form(""),
               note: str = Form(""), definition: str = Form(""), subject: str = Form("")):
    def apply(ws, user):
        fields = {"note": note.strip() or None, "definition": definition.strip() or None,
                  "subject": subject.strip() or None}
        edit_concept(ws, concept_id, fields=fields, actor=user.name, expected_version=version)

    return _change(request, concept_id, version, csrf, "terminologist", apply, "Saved.")


# ----------------------------------------------------------------------------------------- review
@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, order: str = "newest", notice: str = "", offset: int = 0):
    started = time.perf_counter()

    def run(ws, user):
        start = max(0, offset)
        if order == "frequent":  # by the units that led to each proposal: all proposals, sorted here
            listed = list_concepts(ws, status="proposed", newest_first=True, limit=None)
            page = sorted(listed.concepts, key=lambda c: -len(c.evidence))[start: start + 50]
        else:
            listed = list_concepts(ws, status="proposed", newest_first=True, limit=50, offset=start)
            page = list(listed.concepts)
        return _page(request, "review.html", {"concepts": page, "total": listed.total, "order": order,
                                              "notice": notice, "offset": max(0, offset)}, user=user,
                     started=started)

    return _guard(request, "reader", run)


# ----------------------------------------------------------------------------------------- memory
@router.get("/memory", response_class=HTMLResponse)
def memory_page(request: Request, q: str = "", tm: str = "", mode: str = "fuzzy", lang: str = "",
                min_score: int = 60):
    started = time.perf_counter()

    def run(ws, user):
        memories = [m.name for m in list_memories(ws)]
        result, error = None, None
        name = tm or (memories[0] if memories else "")
        if q.strip() and name:
            try:
                result = search_memory(ws, q.strip(), name, lang=lang or None, min_score=min_score, limit=20,
                                       concordance_of_words=(mode == "concordance"))
            except TermbaseError as exc:
                error = str(exc)
        return _page(request, "memory.html", {"q": q, "tm": name, "memories": memories, "mode": mode, "lang": lang,
                                              "min_score": min_score, "result": result, "error": error},
                     user=user, started=started)

    return _guard(request, "reader", run)


# ------------------------------------------------------------------------------------------ check
@router.get("/check", response_class=HTMLResponse)
def check_page(request: Request):
    return _guard(request, "reader", lambda ws, user: _page(request, "check.html", {"report": None}, user=user))


@router.post("/check", response_class=HTMLResponse)
def check_upload(request: Request, file: UploadFile = File(...), csrf: str = Form("")):
    def run(ws, user):
        report = check_files(ws, [upload_source(file)])
        data = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
        return _page(request, "check.html", {"report": report, "name": file.filename,
                                             "download": "data:application/json;charset=utf-8," + quote(data)},
                     user=user, status=422 if report.errors else 200)  # the file could not be read

    return _post_guard(request, csrf, "reader", run)


# ------------------------------------------------------------------------------- alignment review
@router.get("/memories", response_class=HTMLResponse)
def memories_page(request: Request):
    return _guard(request, "reader", lambda ws, user: _page(request, "memories.html",
                                                             {"memories": list_memories(ws)}, user=user))


@router.get("/memories/{name}/units", response_class=HTMLResponse)
def units_page(request: Request, name: str, max_score: str = "0.5", offset: int = 0, notice: str = ""):
    started = time.perf_counter()

    def run(ws, user):
        limit = float(max_score) if max_score not in ("", "all") else None
        page = list_units(ws, name, max_score=limit, limit=50, offset=max(0, offset))
        return _page(request, "units.html", {"page": page, "max_score": max_score, "notice": notice}, user=user,
                     started=started)

    return _guard(request, "reader", run)


@router.post("/units/{unit_id}/remove")
def unit_remove(request: Request, unit_id: int, csrf: str = Form(""), memory: str = Form(...),
                max_score: str = Form("0.5")):
    def run(ws, user):
        remove_unit(ws, unit_id, actor=user.name)
        return RedirectResponse(f"/memories/{quote(memory)}/units?" + urlencode(
            {"max_score": max_score, "notice": f"Removed unit #{unit_id}."}), status_code=303)

    return _post_guard(request, csrf, "terminologist", run)


@router.post("/units/{unit_id}/edit")
async def unit_edit(request: Request, unit_id: int):
    form = await request.form()
    texts = {lang: str(form.get(f"text_{lang}", "")) for lang in LANGS if f"text_{lang}" in form}
    memory, max_score = str(form.get("memory", "")), str(form.get("max_score", "0.5"))

    def run(ws, user):
        edit_unit(ws, unit_id, texts, actor=user.name)
        return RedirectResponse(f"/memories/{quote(memory)}/units?" + urlencode(
            {"max_score": max_score, "notice": f"Saved unit #{unit_id}."}), status_code=303)

    return await run_in_threadpool(_post_guard, request, str(form.get("csrf", "")), "terminologist", run)


# ------------------------------------------------------------------------------------------ admin
@router.get("/admin", response_class=HTMLResponse)
def admin_page(request: Request, notice: str = ""):
    return _guard(request, "admin", lambda ws, user: _page(request, "admin.html", {
        "notice": notice, "memories": [m.name for m in list_memories(ws)]}, user=user))


@router.post("/admin/import")
def admin_import(request: Request, file: UploadFile = File(...), csrf: str = Form(""), tm: str = Form(""),
                 on_conflict: str = Form("skip")):
    def run(ws, user):
        if on_conflict not in ("skip", "replace", "error"):
            raise Denied(f"Unknown conflict choice {on_conflict!r}: skip, replace or error.")
        kwargs = {"memory": tm.strip()} if tm.strip() else {}
        r = import_file(ws, upload_source(file), on_conflict=on_conflict, actor=user.name, **kwargs)
        what = "unit(s)" if r.kind == "units" else "concept(s)"
        message = (f"Imported {r.added} {what} from {r.file} ({r.format})"
                   + (f" into memory {r.memory!r}" if r.memory else "")
                   + (f"; {r.skipped} skipped" if r.skipped else "") + (f"; {r.replaced} replaced" if r.replaced else "")
                   + ".")
        return RedirectResponse("/admin?" + urlencode({"notice": message}), status_code=303)

    return _post_guard(request, csrf, "admin", run)


@router.get("/admin/export")
def admin_export(request: Request, format: str = "tbx", tm: str = ""):
    import tempfile

    def run(ws, user):
        if format not in ("tbx", "csv", "tmx"):
            raise Denied(f"Unknown export format {format!r}: tbx, csv or tmx.")
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"termbase.{format}"
            kwargs = {"memory": tm} if tm else {}
            export(ws, format, out, **kwargs)
            body = out.read_bytes()
        name = f"{tm or 'termbase'}.{format}"
        return Response(body, media_type="application/octet-stream",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    return _guard(request, "admin", run)


__all__ = ["router", "STATIC"]
