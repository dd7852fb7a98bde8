"""The web interface of ``termbase serve``: server-rendered pages over the services layer.

Search (as you type, inflected forms and typos, filters), concept pages (terms side by side, mined
suggestions and their contexts, memory usage, history, in-place editing), the review queue
(keyboard shortcuts; several reviewers never overwrite each other: every form carries the concept's
version and a stale one shows the other person's change), memory search and concordance, checking
an uploaded file, term extraction from pasted text or a document (adding the picked NEW
candidates as proposed concepts), alignment review of a stored memory, and import/export for admins.

Sign-in takes a token of ``termbase token create`` and keeps it in an HttpOnly, SameSite=Strict
cookie; every form carries a CSRF token derived from it. Pages send a Content-Security-Policy that
allows only this server's own script and style (nothing is loaded from elsewhere: it works offline)
and Jinja2 escapes every text. Roles are the API's: readers see no edit controls.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .extract import PACKED_FORMS, router as extract_router
from .pages import STATIC, router

__all__ = ["PACKED_FORMS", "install"]


def install(app: FastAPI) -> None:
    """Add the pages (``/``, ``/search``, ``/concepts/ID`` ...) and their static files to ``app``."""
    app.include_router(router)
    app.include_router(extract_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
