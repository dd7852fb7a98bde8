"""Looking concepts up, and adding, changing and removing them one by one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Iterable, Iterator

from ..errors import DuplicateTerm, NotFound, ValidationError, VersionConflict
from ..languages import normalize_lang
from ..search.lookup import LookupMatch
from ..models import STATUSES, Concept, Term
from .workspace import Workspace

#: The concept fields ``edit_concept`` changes besides terms.
CONCEPT_FIELDS = ("subject", "definition", "note", "source", "scope")


def parse_terms(cell: str, lang: str) -> list[Term]:
    """The terms of a term list in the glossary's cell syntax, ``TEXT {status, type} | TEXT ...``:
    the first term is preferred unless marked, the others admitted
    (:func:`termbase.formats.glossary_tsv.parse_cell`). A bad list is a
    :class:`~termbase.errors.ParseError`."""
    from ..formats.glossary_tsv import parse_cell  # (the formats load only for commands that parse terms)

    return parse_cell(cell, normalize_lang(lang))


#: The fields of a term given as an object (:func:`terms_from_dicts`).
TERM_FIELDS = ("text", "status", "type", "pos", "note")


def terms_from_dicts(items: list[dict], lang: str) -> list[Term]:
    """Terms given as objects ``{"text", "status", "type", "pos", "note"}`` (JSON): the status is
    ``preferred`` for the first and ``admitted`` for the others unless given, the type ``full``.
    A missing text, an unknown field or a value that is not text is a
    :class:`~termbase.errors.ValidationError`.

    >>> [(t.lang, t.text, t.status) for t in terms_from_dicts([{"text": "Senate"}, {"text": "Upper House"}], "EN")]
    [('en', 'Senate', 'preferred'), ('en', 'Upper House', 'admitted')]
    """
    code = normalize_lang(lang)
    out = []
    for i, item in enumerate(items):
        unknown = sorted(set(item) - set(TERM_FIELDS))
        if unknown:
            raise ValidationError(f"{code} term {i + 1}: unknown field {unknown[0]!r}; fields: {', '.join(TERM_FIELDS)}")
        if any(v is not None and not isinstance(v, str) for v in item.values()):
            raise ValidationError(f"{code} term {i + 1}: every field must be text")
        if not (item.get("text") or "").strip():
            raise ValidationError(f"{code} term {i + 1}: a term needs a text")
        term = Term(code, item["text"].strip(), item.get("status") or ("preferred" if i == 0 else "admitted"),
                    item.get("type") or "full", item.get("pos"), item.get("note"))
        term.validate()
        out.append(term)
    return out


@dataclass(frozen=True)
class LookupResult:
    """The concepts a query matches, best first."""

    query: str
    matches: tuple[LookupMatch, ...]

    def to_dict(self) -> dict:
        return {"query": self.query, "matches": [m.to_dict() for m in self.matches]}


def lookup(ws: Workspace, query: str, *, lang: str | None = None, limit: int = 5) -> LookupResult:
    """Concepts whose terms match ``query`` in any language (or ``lang``): exactly, inflected, as an
    acronym, in part, or misspelt (see :mod:`termbase.search.lookup` for the scores)."""
    if not query.strip():
        raise ValidationError("nothing to look up: the query is empty")
    if limit < 1:
        raise ValidationError(f"limit must be at least 1, not {limit}")
    code = normalize_lang(lang) if lang else None
    return LookupResult(query, tuple(ws.index.lookup(query, code, limit=limit)))


def lookup_many(ws: Workspace, queries: Iterable[str], *, lang: str | None = None, limit: int = 5) -> Iterator[LookupResult]:
    """:func:`lookup` of each query (blank ones skipped), in order: for a stream of queries."""
    for query in queries:
        if query.strip():
            yield lookup(ws, query.strip(), lang=lang, limit=limit)


def show_concept(ws: Workspace, concept_id: str) -> Concept:
    """One concept; :class:`~termbase.errors.NotFound` if the termbase has none with that id. Read
    through the workspace's index (:meth:`termbase.search.TermIndex.concept`): a server's workspace
    keeps the concepts in memory, brought up to date by the data version kept in the database."""
    return ws.index.concept(concept_id)


def _current(ws: Workspace, concept_id: str, expected_version: int | None) -> Concept:
    """The stored concept to change; :class:`~termbase.errors.VersionConflict` when the caller read an
    older version (``expected_version``). The change is then written with the version read here, so a
    change made by someone else meanwhile is never overwritten (it is a conflict instead)."""
    old = ws.store.concepts.get(concept_id)
    if expected_version is not None and old.version != expected_version:
        raise VersionConflict(concept_id, expected=expected_version, current=old.version)
    return old


def add_concept(
    ws: Workspace,
    terms: Iterable[Term],
    *,
    concept_id: str | None = None,
    subject: str | None = None,
    definition: str | None = None,
    note: str | None = None,
    source: str | None = None,
    scope: str | None = None,
    actor: str | None = None,
    force: bool = False,
) -> Concept:
    """Store a new concept and return it as stored (its id made from its terms when not given).

    A term the termbase already has, in any inflected form (normalised: case, ё/е, quotes), is an
    :class:`~termbase.errors.DuplicateTerm` naming the concept (``needs="force"``) unless ``force``."""
    terms = tuple(terms)
    if not terms:
        raise ValidationError("a concept needs at least one term")
    if not force:
        for text, lang, known in known_terms(ws, terms):
            raise DuplicateTerm(text, lang, known)
    concept = Concept(concept_id, terms, subject=subject, definition=definition, note=note, source=source,
                      scope=scope)
    return ws.store.concepts.add(concept, actor=actor)


def propose_concept(
    ws: Workspace,
    terms: Iterable[Term],
    *,
    concept_id: str | None = None,
    subject: str | None = None,
    definition: str | None = None,
    note: str | None = None,
    source: str | None = None,
    scope: str | None = None,
    actor: str | None = None,
) -> Concept:
    """A new concept whose terms are all ``proposed`` (whatever they say), for a terminologist to
    :func:`approve` or :func:`reject`; a term the termbase already has is a
    :class:`~termbase.errors.DuplicateTerm` (propose it for that concept instead)."""
    return add_concept(ws, [replace(t, status="proposed") for t in terms], concept_id=concept_id, subject=subject,
                       definition=definition, note=note, source=source, scope=scope, actor=actor)


def known_terms(ws: Workspace, terms: Iterable[Term]) -> list[tuple[str, str, str]]:
    """``(text, lang, concept id)`` for each of ``terms`` that is a whole term of a concept the
    termbase has (inflection-aware: "Мажилиса Парламента" is "Мажилис Парламента")."""
    from ..search.matcher import closest_term  # (loaded with the matcher: not by `termbase lookup`)

    matcher = ws.index.matcher()
    found = []
    for term in terms:
        text = term.text.strip()
        whole = [m for m in matcher.find_all(text, term.lang) if m.start == 0 and m.end == len(text)]
        if whole:
            # words of one key may be forms of several terms (English "Senate" and "senator"):
            # the concept named is the one whose term is spelt most like the new one
            spelt = [m.term for m in whole]
            best = whole[spelt.index(closest_term(spelt, text, term.lang))]
            found.append((term.text, term.lang, best.concept_id))
    return found


def edit_concept(
    ws: Workspace,
    concept_id: str,
    *,
    terms: dict[str, list[Term]] | None = None,
    fields: dict[str, str | None] | None = None,
    actor: str | None = None,
    expected_version: int | None = None,
) -> Concept:
    """Change a concept in place: ``terms`` replaces the terms of each language it names (the terms
    that stay keep their ids), ``fields`` sets concept fields (``subject``, ``definition``, ``note``,
    ``source``, ``scope``; ``""`` or ``None`` clears one). Returns the concept as stored. ``expected_version``:
    the version the caller's change is based on (:class:`~termbase.errors.VersionConflict` if the
    stored concept is newer); every change function here takes it."""
    terms = terms or {}
    fields = fields or {}
    unknown = sorted(set(fields) - set(CONCEPT_FIELDS))
    if unknown:
        raise ValidationError(f"unknown concept field {unknown[0]!r}; fields: {', '.join(CONCEPT_FIELDS)}")
    if not terms and not fields:
        raise ValidationError("nothing to change: give terms of a language or a field")
    old = _current(ws, concept_id, expected_version)
    changed = replace(old, terms=_replace_terms(old.terms, terms),
                      **{name: (value or None) for name, value in fields.items()})
    return ws.store.concepts.update(changed, actor=actor, expected_version=old.version)


def _replace_terms(old: tuple[Term, ...], new: dict[str, list[Term]]) -> tuple[Term, ...]:
    """``old`` with the terms of each language in ``new`` replaced where that language's terms were
    (a language the concept did not have is added at the end)."""
    by_lang = {normalize_lang(lang): list(terms) for lang, terms in new.items()}
    out: list[Term] = []
    for term in old:
        if term.lang not in by_lang:
            out.append(term)
        elif by_lang[term.lang] is not None:
            out.extend(by_lang[term.lang])
            by_lang[term.lang] = None  # emitted in place of the language's first term
    for terms in by_lang.values():
        if terms is not None:
            out.extend(terms)
    return tuple(out)


def remove_concepts(ws: Workspace, concept_ids: Iterable[str], *, actor: str | None = None,
                    expected_versions: dict[str, int] | None = None) -> list[str]:
    """Remove concepts by id, all or none (one missing id removes nothing); the ids removed.
    ``expected_versions``: the version each removal is based on, by id (a newer one is a conflict)."""
    ids = list(dict.fromkeys(concept_ids))
    expected_versions = expected_versions or {}
    with ws.store.atomic():
        for cid in ids:
            ws.store.concepts.remove(cid, actor=actor, expected_version=expected_versions.get(cid))
    return ids


@dataclass(frozen=True)
class ConceptList:
    """A page of concepts matching a filter, and how many match in all."""

    total: int
    offset: int
    concepts: tuple[Concept, ...]

    def to_dict(self) -> dict:
        return {"total": self.total, "offset": self.offset, "concepts": [c.to_dict() for c in self.concepts]}


def list_concepts(
    ws: Workspace,
    *,
    status: str | None = None,
    subject: str | None = None,
    lang: str | None = None,
    missing: bool = False,
    source: str | None = None,
    changed_since: datetime | None = None,
    query: str | None = None,
    newest_first: bool = False,
    limit: int | None = 50,
    offset: int = 0,
) -> ConceptList:
    """Concepts filtered: with a term of ``status`` (in ``lang`` when given); of ``subject``; with a
    term in ``lang`` (or, ``missing``, without one); whose source contains ``source``; changed since
    ``changed_since``; with a term containing ``query`` (case-folded). By id, or newest change first."""
    if status is not None and status not in STATUSES:
        raise ValidationError(f"unknown status {status!r}; statuses: {', '.join(STATUSES)}")
    if missing and not lang:
        raise ValidationError("listing the concepts a language is missing from needs that language")
    if limit is not None and limit < 1:
        raise ValidationError(f"limit must be at least 1, not {limit}")
    if offset < 0:
        raise ValidationError(f"offset must be 0 or more, not {offset}")
    code = normalize_lang(lang) if lang else None
    narrowed = dict(status=status, lang=code, missing=missing, subject=subject, changed_since=changed_since,
                    newest_first=newest_first)
    if source is None and query is None:  # the store filters and pages
        total, page = ws.store.concepts.select(**narrowed, limit=limit, offset=offset)
        return ConceptList(total, offset, tuple(page))
    needle = query.casefold() if query else None
    picked = []
    for c in ws.store.concepts.select(**narrowed)[1]:
        if source is not None and source.casefold() not in (c.source or "").casefold():
            continue
        if needle is not None and not any(needle in t.text.casefold() for t in c.terms):
            continue
        picked.append(c)
    page = picked[offset : None if limit is None else offset + limit]
    return ConceptList(len(picked), offset, tuple(page))


# ---------------------------------------------------------------------------------------- term edits
def _one_term(concept: Concept, lang: str, text: str) -> Term:
    code = normalize_lang(lang)
    for term in concept.terms:
        if term.lang == code and term.text == text:
            return term
    have = "; ".join(t.text for t in concept.terms if t.lang == code) or "none"
    raise NotFound(f"concept {concept.id!r} has no {code} term {text!r} ({code} terms: {have})")


def add_terms(ws: Workspace, concept_id: str, lang: str, cell: str, *, actor: str | None = None,
              expected_version: int | None = None) -> Concept:
    """Add terms (``TEXT {status, type} | ...``; status ``admitted`` unless given, ``preferred`` when the
    language has no term yet) to one language of a concept; a term it already has is an error."""
    code = normalize_lang(lang)
    old = _current(ws, concept_id, expected_version)
    marked = "{" in cell
    new = parse_terms(cell, code)
    if old.terms_in(code) and not marked:
        new = [replace(t, status="admitted") for t in new]
    return _add_terms(ws, old, code, new, actor)


def propose_terms(ws: Workspace, concept_id: str, lang: str, cell: str, *, actor: str | None = None,
                  expected_version: int | None = None) -> Concept:
    """Propose terms (``TEXT {type} | ...``) for one language of a concept: they are added with the
    status ``proposed`` whatever the cell says, for a terminologist to :func:`approve`."""
    code = normalize_lang(lang)
    old = _current(ws, concept_id, expected_version)
    return _add_terms(ws, old, code, [replace(t, status="proposed") for t in parse_terms(cell, code)], actor)


def _add_terms(ws: Workspace, old: Concept, code: str, new: list[Term], actor: str | None) -> Concept:
    for t in new:
        if any(o.lang == code and o.text == t.text for o in old.terms):
            raise ValidationError(f"concept {old.id!r} already has the {code} term {t.text!r}")
    return ws.store.concepts.update(replace(old, terms=old.terms + tuple(new)), actor=actor,
                                    expected_version=old.version)


def set_term_status(ws: Workspace, concept_id: str, lang: str, text: str, status: str, *,
                    actor: str | None = None, expected_version: int | None = None) -> Concept:
    """Change the status of one term of a concept."""
    if status not in STATUSES:
        raise ValidationError(f"unknown status {status!r}; statuses: {', '.join(STATUSES)}")
    old = _current(ws, concept_id, expected_version)
    term = _one_term(old, lang, text)
    terms = tuple(replace(t, status=status) if t is term else t for t in old.terms)
    return ws.store.concepts.update(replace(old, terms=terms), actor=actor, expected_version=old.version)


def replace_term_text(ws: Workspace, concept_id: str, lang: str, text: str, new_text: str, *,
                      actor: str | None = None, expected_version: int | None = None) -> Concept:
    """Correct the text of one term of a concept (its status and type stay)."""
    if not new_text.strip():
        raise ValidationError("a term needs a text")
    old = _current(ws, concept_id, expected_version)
    term = _one_term(old, lang, text)
    terms = tuple(replace(t, text=new_text.strip()) if t is term else t for t in old.terms)
    return ws.store.concepts.update(replace(old, terms=terms), actor=actor, expected_version=old.version)


def remove_term(ws: Workspace, concept_id: str, lang: str, text: str, *, actor: str | None = None,
                expected_version: int | None = None) -> Concept:
    """Remove one term of a concept (not its last one: remove the concept instead)."""
    old = _current(ws, concept_id, expected_version)
    term = _one_term(old, lang, text)
    if len(old.terms) == 1:
        raise ValidationError(f"{text!r} is the only term of concept {concept_id!r}; remove the concept instead")
    return ws.store.concepts.update(replace(old, terms=tuple(t for t in old.terms if t is not term)), actor=actor,
                                    expected_version=old.version)


# ------------------------------------------------------------------------------------------ review
def approve(ws: Workspace, concept_id: str, *, lang: str | None = None, text: str | None = None,
            actor: str | None = None, expected_version: int | None = None) -> Concept:
    """Approve a concept's proposed terms (or one: ``lang`` and ``text``): each becomes ``preferred``
    when its language has no preferred term yet, else ``admitted``. The change is recorded with
    ``actor``."""
    old = _current(ws, concept_id, expected_version)
    if text is not None:
        if lang is None:
            raise ValidationError("approving one term needs its language")
        targets = {id(_one_term(old, lang, text))}
    else:
        targets = {id(t) for t in old.terms if t.status == "proposed" and (lang is None or t.lang == normalize_lang(lang))}
    if not targets:
        raise ValidationError(f"concept {concept_id!r} has no proposed term to approve")
    preferred = {t.lang for t in old.terms if t.status == "preferred"}
    terms = []
    for t in old.terms:
        if id(t) in targets:
            status = "admitted" if t.lang in preferred else "preferred"
            preferred.add(t.lang)
            t = replace(t, status=status)
        terms.append(t)
    return ws.store.concepts.update(replace(old, terms=tuple(terms)), actor=actor, expected_version=old.version)


def reject(ws: Workspace, concept_id: str, *, reason: str | None = None, actor: str | None = None,
           expected_version: int | None = None) -> str:
    """Reject a proposed concept: it is removed, the reason kept in its history (the state before the
    removal has it in its note). A concept with approved terms is not rejected: remove it."""
    old = _current(ws, concept_id, expected_version)
    if any(t.status in ("preferred", "admitted") for t in old.terms):
        raise ValidationError(f"concept {concept_id!r} has approved terms; only proposed concepts are rejected")
    with ws.store.atomic():
        if reason:
            note = ((old.note + "\n") if old.note else "") + f"Rejected: {reason}"
            ws.store.concepts.update(replace(old, note=note), actor=actor, expected_version=old.version)
        ws.store.concepts.remove(concept_id, actor=actor)
    return concept_id


# ----------------------------------------------------------------------------------------- history
def concept_history(ws: Workspace, concept_id: str) -> list:
    """Every recorded change of a concept (:class:`~termbase.models.ConceptChange`), oldest first;
    :class:`~termbase.errors.NotFound` when there is none (and no such concept)."""
    changes = ws.store.concepts.history(concept_id)
    if not changes and not ws.store.concepts.exists(concept_id):
        raise NotFound(f"no concept {concept_id!r} and no history of one in {ws.location}")
    return changes


def restore_concept(ws: Workspace, concept_id: str, *, actor: str | None = None) -> Concept:
    """Bring back a removed concept as it was just before its removal; a rejected one without the
    "Rejected: REASON" line :func:`reject` added to its note (the history keeps it)."""
    if ws.store.concepts.exists(concept_id):
        raise ValidationError(f"concept {concept_id!r} exists; nothing to restore")
    changes = ws.store.concepts.history(concept_id)
    deletes = [i for i, c in enumerate(changes) if c.action == "delete"]
    if not deletes:
        raise NotFound(f"no removed concept {concept_id!r} in {ws.location}")
    last = deletes[-1]
    before = changes[last].before
    if last and _is_rejection(changes[last - 1], before):
        before = replace(before, note=changes[last - 1].before.note)
    terms = tuple(replace(t, id=None) for t in before.terms)
    return ws.store.concepts.add(replace(before, terms=terms), actor=actor)


def _is_rejection(change, removed: Concept) -> bool:
    """Is ``change`` the note :func:`reject` writes before removing the concept ``removed``?"""
    if change.action != "update" or change.after is None or change.after.note != removed.note:
        return False
    kept = change.before.note
    note, _, reason = (removed.note or "").rpartition("Rejected: ")
    return bool(reason) and note == ((kept + "\n") if kept else "")


def undo_last_change(ws: Workspace, concept_id: str, *, actor: str | None = None) -> tuple[str, Concept | None]:
    """Undo the last recorded change of a concept: a creation is removed, an update reverted to the
    state before it, a removal restored. Returns what was done (``"removed"``, ``"reverted"``,
    ``"restored"``) and the concept as it now is (None when removed). The undo is itself a change."""
    changes = ws.store.concepts.history(concept_id)
    if not changes:
        raise NotFound(f"no recorded change of concept {concept_id!r} in {ws.location}")
    last = changes[-1]
    if last.action == "delete":
        return "restored", restore_concept(ws, concept_id, actor=actor)
    if last.action == "create":
        ws.store.concepts.remove(concept_id, actor=actor)
        return "removed", None
    before = last.before
    current = ws.store.concepts.get(concept_id)
    kept = {t.id for t in current.terms}
    terms = tuple(t if t.id in kept else replace(t, id=None) for t in before.terms)
    return "reverted", ws.store.concepts.update(replace(before, terms=terms), actor=actor)


def lookalike_warnings(text: str, lang: str) -> list[str]:
    """Words of a term typed with Latin letters that look Cyrillic ("Aссамблея" with a Latin A, Kazakh
    "і" typed as Latin "i"), as messages naming the word and its Cyrillic spelling when certain.

    >>> lookalike_warnings("Aссамблея министрлiгi", "kk")
    ["'Aссамблея' has Latin letters that look Cyrillic: did you mean 'Ассамблея'?", "'министрлiгi' has Latin letters that look Cyrillic: did you mean 'министрлігі'?"]
    """
    from ..languages.normalize import mixed_script_words

    out = []
    code = normalize_lang(lang)
    for start, end, fixed in mixed_script_words(text, code, strict=True):
        word = text[start:end]
        out.append(f"{word!r} has Latin letters that look Cyrillic" + (f": did you mean {fixed!r}?" if fixed else "."))
    return out
