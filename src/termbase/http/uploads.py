"""Uploaded files as the services read them: a :class:`~termbase.fsutil.Source`-able file object and a
name for messages and for recognising the format by extension. The name is the upload's base name,
never used as a path."""

from __future__ import annotations

from fastapi import UploadFile

from ..services import Source

#: The longest upload name kept for messages.
_MAX_NAME = 120


def upload_name(upload: UploadFile) -> str:
    """The base name of an upload's file name (no folders, no control characters), or ``upload``."""
    return clean_name(upload.filename)


def clean_name(raw: str | None) -> str:
    """The base name of a file name a client sent (no folders, no control characters), or ``upload``."""
    base = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in base if ch.isprintable()).strip()[:_MAX_NAME]
    return name if name.strip(".") else "upload"


def upload_source(upload: UploadFile) -> Source:
    """What the services read: the uploaded bytes under :func:`upload_name`."""
    return Source.of(upload.file, name=upload_name(upload))
