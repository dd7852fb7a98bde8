"""Reading request bodies and headers into what the services take: terms, concept fields, versions."""

from __future__ import annotations

from typing import Any

from ..models import Term
from ..services import parse_terms, terms_from_dicts
from .errors import ApiError

#: Concept fields a request may set besides ``terms`` (the services check the names).
_NOT_FIELDS = ("terms", "id", "force")


def parse_if_match(header: str | None) -> int | None:
    """The concept version an ``If-Match`` header names (``"3"``, ``W/"3"`` or ``3``); None without
    the header or for ``*`` (any version); 400 for anything else."""
    if header is None or header.strip() == "*":
        return None
    value = header.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    if not value.isdigit():
        raise ApiError(400, "bad_request", f"If-Match must be a concept's ETag, like \"3\", not {header!r}")
    return int(value)


def terms_of(value: Any) -> list[Term]:
    """The terms of a body's ``"terms"``: by language, a term list in the glossary's cell syntax
    (``"Senate | Upper House {admitted}"``) or a list of objects ``{"text", "status", "type", "pos",
    "note"}`` (status: the first preferred, the others admitted, unless given)."""
    return [t for terms in terms_by_lang(value).values() for t in terms]


def terms_by_lang(value: Any) -> dict[str, list[Term]]:
    if not isinstance(value, dict) or not value:
        raise ApiError(422, "invalid", 'terms: an object of term lists by language, e.g. {"en": "Senate"}')
    out: dict[str, list[Term]] = {}
    for lang, terms in value.items():
        if isinstance(terms, str):
            out[lang] = parse_terms(terms, lang)
        elif isinstance(terms, list) and all(isinstance(t, dict) for t in terms):
            out[lang] = terms_from_dicts(terms, lang)
        else:
            raise ApiError(422, "invalid", f"terms {lang}: a term list like \"Senate | Upper House\" or a list of "
                                           'objects like {"text": "Senate"}')
    return out


def fields_of(body: dict) -> dict[str, str | None]:
    """The concept fields of a body (everything but ``terms``, ``id`` and ``force``): text or null."""
    fields = {k: v for k, v in body.items() if k not in _NOT_FIELDS}
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise ApiError(422, "invalid", f"{name} must be text or null")
    return fields


def text_or_none(body: dict, name: str) -> str | None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise ApiError(422, "invalid", f"{name} must be text")
    return value
