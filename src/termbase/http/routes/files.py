"""Files sent and received: check an uploaded PO/XLIFF/TMX, extract terms from uploaded documents,
import a termbase or memory file, export the termbase or a memory. Uploads are multipart fields
``file``, read by the same safe parsers as the command line's; nothing in a request names a path."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse
from starlette.background import BackgroundTask

from ...services import (
    EXTRACT_KINDS,
    ExtractConfig,
    check_files,
    export,
    extract_files,
    import_file,
    list_formats,
)
from ..deps import use
from ..errors import ApiError
from ..uploads import upload_source

router = APIRouter(prefix="/api", tags=["files"])

_MEDIA = {"tbx": "application/x-tbx+xml", "tmx": "application/x-tmx+xml", "csv": "text/csv; charset=utf-8",
          "glossary": "text/tab-separated-values; charset=utf-8", "omegat": "text/tab-separated-values; charset=utf-8",
          "po": "text/x-po; charset=utf-8"}


def _sources(files: list[UploadFile]) -> list:
    return [upload_source(f) for f in files]


def _langs(value: str | None) -> list[str] | None:
    return [c.strip() for c in value.split(",") if c.strip()] if value else None


@router.post("/check", summary="Check an uploaded PO/XLIFF/TMX/TSV file (as termbase check --json)")
def check_route(request: Request, file: list[UploadFile] = File(..., description="The file(s) to check."),
                source_lang: str | None = Form(None), target_lang: str | None = Form(None),
                generic_terms: bool = Form(False)) -> JSONResponse:
    """The report of ``termbase check --json``: findings, counts. A file that cannot be read (not
    PO/XLIFF/TMX/TSV, malformed, XML with entities) is 422 naming the file and the problem."""
    with use(request, "reader") as s:
        report = check_files(s.ws, _sources(file), source_lang=source_lang, target_lang=target_lang,
                             generic_terms=generic_terms)
        if report.errors:
            raise ApiError(422, "unreadable_file", report.errors[0].message)
        return JSONResponse(report.to_dict())


@router.post("/extract", summary="Candidate terms of uploaded documents (as termbase extract --json)")
def extract_route(request: Request, file: list[UploadFile] = File(...), lang: str = Form("auto"), side: str = Form("source"),
                  top: int | None = Form(None, ge=1), min_freq: int = Form(1, ge=1), kinds: str | None = Form(None),
                  tm: str | None = Form(None, description="Mine equivalents from this stored memory."),
                  add: bool = Form(False, description="Store NEW candidates as proposed concepts (translator)."),
                  pick: list[str] | None = Form(None, description="With add: only the NEW candidates with these terms.")
                  ) -> JSONResponse:
    with use(request, "reader") as s:
        if add and not s.user.allows("translator"):
            raise ApiError(403, "forbidden", f"adding proposed concepts needs the role translator or higher; "
                                             f"{s.user.name!r} is a {s.user.role}")
        if side not in ("source", "target"):
            raise ApiError(422, "invalid", f"side: source or target, not {side!r}")
        wanted = tuple(k.strip() for k in kinds.split(",") if k.strip()) if kinds else EXTRACT_KINDS
        bad = [k for k in wanted if k not in EXTRACT_KINDS]
        if bad:
            raise ApiError(422, "invalid", f"kinds: unknown kind {bad[0]!r}; kinds: {', '.join(EXTRACT_KINDS)}")
        run = extract_files(_sources(file), ws=s.ws, lang=lang, side=side, memory=tm, add=add, actor=s.user.name,
                            only=set(pick) if pick else None,
                            config=ExtractConfig(top=top, min_freq=min_freq, kinds=wanted))
        return JSONResponse(run.to_dict())


@router.post("/import", summary="Import a termbase or memory file (admin; as termbase import --json)")
def import_route(request: Request, file: UploadFile = File(...), format: str | None = Form(None),
                 on_conflict: str = Form("error"), tm: str = Form("default"), langs: str | None = Form(None)) -> JSONResponse:
    with use(request, "admin") as s:
        if on_conflict not in ("error", "skip", "replace"):
            raise ApiError(422, "invalid", f"on_conflict: error, skip or replace, not {on_conflict!r}")
        (src,) = _sources([file])
        return JSONResponse(import_file(s.ws, src, format=format, on_conflict=on_conflict, memory=tm, langs=_langs(langs),
                           actor=s.user.name).to_dict())


@router.get("/export", summary="Download the termbase (TBX, CSV, glossary, OmegaT) or a memory (TMX, PO)")
def export_route(request: Request, format: str = Query(..., description="tbx, csv, glossary, omegat, tmx or po"),
                 tm: str = Query("default", description="The memory (tmx, po)."),
                 langs: str | None = Query(None, description="Languages, source first: en,kk,ru.")) -> FileResponse:
    with use(request, "reader") as s:
        name = format.lower()
        writable = {f.name: f for f in list_formats() if {"concepts", "units"} & set(f.writes)}
        if name not in writable:
            raise ApiError(422, "unsupported_format", f"unknown format {format!r}; formats export writes: "
                                                      f"{', '.join(writable)}")
        if name == "po" and len(_langs(langs) or []) != 2:
            raise ApiError(422, "invalid", "a PO file holds one language pair: give langs=SOURCE,TARGET")
        folder = Path(tempfile.mkdtemp(prefix="termbase-export-"))
        try:
            ext = writable[name].extensions[0] if writable[name].extensions else name
            out = folder / f"termbase.{ext}"
            result = export(s.ws, name, out, memory=tm, langs=_langs(langs))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        download = f"{tm if result.kind == 'units' else 'termbase'}.{ext}"
        return FileResponse(out, media_type=_MEDIA.get(name, "application/octet-stream"), filename=download,
                            headers={"X-Termbase-Count": str(result.count)},
                            background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))
