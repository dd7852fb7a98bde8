"""The extraction page: the candidate terms of pasted text or an uploaded document (every format
``termbase extract`` reads), with the termbase's equivalents and the renderings mined from a stored
memory; translators and up add the NEW ones they pick as ``proposed`` concepts, exactly as
``termbase extract --add`` does (``services.extract_files`` with ``add``; each concept's creation is
in its history under the user's name).

The add form sends the document back (deflated, URL-safe base64, in a hidden field; its path has
a body limit that fits any document the upload limit let in, and the document is bounded by the
upload limit once inflated) and the same options, and the
extraction runs again with ``add`` and the picked terms: what is added is what the services find,
never candidate data a browser sent.
"""

from __future__ import annotations

import base64
import binascii
import io
import zlib
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from ...errors import TermbaseError, ValidationError
from ...services import ADD_THRESHOLD, ExtractConfig, Source, extract_files, list_memories, show_concept
from ..deps import state
from ..errors import response_for
from ..limits import packed_limit, plain_line
from ..uploads import clean_name, upload_name
from .pages import _page, _guard, _post_guard

router = APIRouter(include_in_schema=False)

#: Candidates listed unless the form asks for another number.
TOP = 50
#: The name pasted text is read under (a text document; also the proposed concepts' source).
PASTED = "pasted.txt"
#: The forms that send a document back packed (their body limit is ``limits.packed_limit``).
PACKED_FORMS = ("/extract/add",)


class FormError(Exception):
    """A form that cannot be run as sent (400), said in one line."""


@router.get("/extract")
def extract_page(request: Request):
    return _guard(request, "reader", lambda ws, user: _render(request, ws, user, {}))


@router.post("/extract")
async def extract_run(request: Request):
    limit = state(request).config.max_upload
    fields = await _form(request, limit)
    if isinstance(fields, Response):
        return fields
    text, file = _field(fields, "text"), fields.get("file")
    lang, tm, top = _field(fields, "lang", "auto"), _field(fields, "tm"), _field(fields, "top", str(TOP))
    form = {"text": text, "lang": lang, "tm": tm, "top": top}

    def run(ws, user):
        try:
            data, name = _document(text, file if isinstance(file, UploadFile) else None)
            extracted = extract_files([Source.of(io.BytesIO(data), name=name)], ws=ws, lang=lang, memory=tm or None,
                                      config=ExtractConfig(top=_top(top)))
        except (FormError, TermbaseError) as exc:
            return _render(request, ws, user, form, error=str(exc), status=_status(request, exc))
        rows = _rows(ws, extracted)
        doc = _pack(data) if user.allows("translator") else ""
        return _render(request, ws, user, form, run=extracted, rows=rows, name=name, doc=doc)

    try:
        return await run_in_threadpool(_post_guard, request, _field(fields, "csrf"), "reader", run)
    finally:
        await fields.close()


@router.post("/extract/add")
async def extract_add(request: Request):
    limit = state(request).config.max_upload
    fields = await _form(request, packed_limit(limit))
    if isinstance(fields, Response):
        return fields
    doc, name = _field(fields, "doc"), _field(fields, "name", PASTED)
    lang, tm, top = _field(fields, "lang", "auto"), _field(fields, "tm"), _field(fields, "top", str(TOP))
    pick = [p for p in fields.getlist("pick") if isinstance(p, str)]

    def run(ws, user):
        if not pick:
            raise ValidationError("Pick at least one NEW candidate to add.")
        try:
            data = _unpack(doc, limit)
            done = extract_files([Source.of(io.BytesIO(data), name=clean_name(name))], ws=ws, lang=lang,
                                 memory=tm or None, config=ExtractConfig(top=_top(top)), add=True, only=set(pick),
                                 actor=user.name)
        except FormError as exc:
            raise ValidationError(str(exc)) from exc
        added = list(done.added or ())
        notice = f"Added {len(added)} proposed concept(s)" + (f": {', '.join(added)}" if added else "")
        if len(added) < len(set(pick)):
            notice += f"; {len(set(pick)) - len(added)} not added (no longer NEW, or no longer listed)"
        return RedirectResponse("/review?" + urlencode({"notice": notice + "."}), status_code=303)

    return await run_in_threadpool(_post_guard, request, _field(fields, "csrf"), "translator", run)


async def _form(request: Request, part_limit: int):
    """The form's fields, any one up to ``part_limit`` bytes (not Starlette's 1 MB: pasted text may be
    as large as an upload; the body itself is bounded by ``http/limits.py``); a form that cannot be
    parsed is one plain-text line (400), as a page's refusal of a body over the limit is."""
    try:
        return await request.form(max_part_size=part_limit)
    except HTTPException as exc:
        return PlainTextResponse(plain_line(f"the form cannot be read: {exc.detail}").decode(), status_code=400)


def _field(fields, key: str, default: str = "") -> str:
    value = fields.get(key)
    return value if isinstance(value, str) else default


def _render(request: Request, ws, user, form: dict, *, status: int = 200, **ctx):
    memories = [m.name for m in list_memories(ws)]
    values = {"text": "", "lang": "auto", "tm": "", "top": str(TOP), **form}
    return _page(request, "extract.html", {"memories": memories, "form": values, "run": None, "rows": [],
                                           "error": None, "threshold": ADD_THRESHOLD, **ctx}, user=user,
                 status=status)


def _document(text: str, file: UploadFile | None) -> tuple[bytes, str]:
    """The bytes to read and their name: the uploaded file, or the pasted text."""
    upload = file if file is not None and file.filename else None
    if upload is not None and text.strip():
        raise FormError("Paste a text or choose a file, not both.")
    if upload is not None:
        return upload.file.read(), upload_name(upload)
    if not text.strip():
        raise FormError("Paste a text or choose a file to extract terms from.")
    return text.encode("utf-8"), PASTED


def _top(value: str) -> int:
    try:
        top = int(value.strip() or TOP)
    except ValueError:
        raise FormError(f"Top: a whole number of candidates, not {value!r}.") from None
    if top < 1:
        raise FormError(f"Top: at least 1 candidate, not {top}.")
    return top


def _status(request: Request, exc: Exception) -> int:
    """A form's mistake 400; a termbase error the API's status (an unreadable file 422, an unknown
    memory 404, an unknown language 400)."""
    return 400 if isinstance(exc, FormError) else response_for(request, exc).status_code


def _rows(ws, run) -> list[dict]:
    """Per language read, its candidates, each with the concept the termbase has for it (or None)."""
    concepts: dict[str, object] = {}
    out = []
    for result in run.results:
        items = []
        for c in result.candidates:
            if c.concept_id and c.concept_id not in concepts:
                concepts[c.concept_id] = show_concept(ws, c.concept_id)
            items.append({"c": c, "concept": concepts.get(c.concept_id) if c.concept_id else None})
        out.append({"result": result, "cands": items})
    return out


def _pack(data: bytes) -> str:
    """The document for the add form's hidden field: deflated, URL-safe base64 (nothing in it is
    escaped in the URL-encoded form, so the add form is at most :func:`~..limits.packed_limit` of
    an upload the page accepted)."""
    return base64.urlsafe_b64encode(zlib.compress(data, 6)).decode("ascii")


def _unpack(doc: str, limit: int) -> bytes:
    """The document of an add form; at most ``limit`` bytes (it came in an upload no larger)."""
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(base64.b64decode(doc.encode("ascii"), altchars=b"-_", validate=True), limit + 1)
    except (ValueError, zlib.error, binascii.Error, UnicodeEncodeError):
        raise FormError("The form's document is damaged; extract the terms again.") from None
    if len(data) > limit:
        raise FormError(f"The form's document is larger than this server's upload limit of {limit} bytes.")
    if not inflater.eof:
        raise FormError("The form's document is damaged; extract the terms again.")
    return data


__all__ = ["PACKED_FORMS", "router"]
