"""What a termbase store is, whatever the database: the repository interfaces every backend implements.

A :class:`Store` holds concepts (:class:`ConceptRepository`) and named translation memories
(:class:`MemoryRepository`). Backends live beside this module (``sqlite.py``; a server database later)
and are chosen by :func:`termbase.store.open_store`; callers see only these interfaces, the models and
the errors of :mod:`termbase.errors` — never a database's types, rows or SQL.

The contract every backend keeps (``tests/test_store_base.py`` checks it on each):

- **Transactions.** Every method that writes is all or nothing. :meth:`Store.atomic` groups several
  calls into one transaction; a nested ``atomic()`` is a savepoint: an exception leaving it undoes
  that block only, an exception leaving the outermost undoes everything. Other connections (processes,
  server instances) see all of a transaction or none of it.
- **Validation.** Concepts are checked with :meth:`termbase.models.Concept.validate` before they are
  written; a bad one raises :class:`~termbase.errors.ValidationError` and writes nothing.
- **Identity.** Stored terms and units carry ``id`` (never reused), ``created`` and ``modified``;
  concepts carry ``version``, ``created`` and ``modified``. Changing a concept changes its rows in
  place: a term that is still there keeps its id and ``created`` (matched by id, else by language and
  text, see :func:`match_terms`), and only terms whose fields changed get a new ``modified``.
- **History.** Every create, update and delete of a concept (imports included) is recorded in the same
  transaction with the whole concept before and after; the history of a deleted concept stays.
- **Versions.** A concept's ``version`` is 1 when it is created (or one more than the last version it
  had, when an id is used again after a delete) and grows by one on every change; ``expected_version``
  makes an update or removal fail with :class:`~termbase.errors.VersionConflict` when it is stale.
  Writing a concept identical to the stored one changes nothing (no version, no history).
- **Data version.** :meth:`Store.data_version` is kept in the database and changes with every
  transaction that changes concepts, so caches in other processes see the change;
  :meth:`ConceptRepository.changes_since` says which concepts changed, so a cache can be brought up to
  date concept by concept instead of rebuilt.
- **Memory versions.** :meth:`MemoryRepository.version` is kept in the database per memory and
  changes with every transaction that changes that memory's units, so what a process made of them
  (a server's mining index) is made again after another connection's change.
- **Tokens.** :class:`TokenRepository` keeps the server's API tokens by the digest of their secret
  (never the secret); a revoked token is kept (listed) but never found again.
- **Errors.** Database failures (locked, read-only, corrupt) raise :class:`~termbase.errors.StoreError`.
- **Waiting.** A write waits for another connection's write to end for at most the store's
  ``lock_timeout`` (seconds, :data:`DEFAULT_LOCK_TIMEOUT` unless given when opening); then it fails
  with a :class:`~termbase.errors.StoreError` (``needs="lock_timeout"``) that says what holds the
  lock (its command, process and start time when the holder is a termbase). Reads never wait for writes.
- **Read-only.** A store opened read-only (or one its user cannot write) can be read in full; a write
  raises :class:`~termbase.errors.StoreError`, and a schema that needs upgrading is an error, not an
  attempt to write.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import ContextManager, Iterable, Iterator, Sequence

from ..errors import ValidationError
from ..models import ApiToken, Concept, ConceptChange, Term, TranslationUnit

#: How long a write waits for another connection's write to end, in seconds, unless the store is opened
#: with another ``lock_timeout`` (the command line: ``--lock-timeout`` or ``$TERMBASE_LOCK_TIMEOUT``).
#: Long enough for a large import (200,000 memory units take about a minute on a small machine).
DEFAULT_LOCK_TIMEOUT = 300.0

#: What :meth:`ConceptRepository.add_many` does with a concept whose id is already stored.
ON_CONFLICT = ("error", "skip", "replace")


@dataclass(frozen=True)
class AddCounts:
    """What :meth:`ConceptRepository.add_many` did: concepts added, replaced (stored, different, now
    changed), unchanged (stored and identical: nothing written) and skipped (stored, left as they were)."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0


class ConceptRepository(ABC):
    """The concepts of a store, with their terms and history."""

    @abstractmethod
    def add(self, concept: Concept, *, actor: str | None = None) -> Concept:
        """Store a new concept and return it as stored (ids, version, timestamps). A concept without
        id gets one made from its terms (:func:`termbase.models.concept_id_base`, then ``-2``, ``-3``
        ... until it is free). Raises :class:`~termbase.errors.AlreadyExists` if the id is taken."""

    @abstractmethod
    def add_many(
        self, concepts: Iterable[Concept], *, on_conflict: str = "error", actor: str | None = None
    ) -> AddCounts:
        """Store many concepts in one transaction (all or nothing: an exception from ``concepts`` or a
        bad concept writes none). ``on_conflict`` (see :data:`ON_CONFLICT`) decides about a concept
        whose id is stored: ``error`` raises :class:`~termbase.errors.AlreadyExists`, ``skip`` keeps
        the stored one, ``replace`` updates it in place as :meth:`update` does."""

    @abstractmethod
    def get(self, concept_id: str) -> Concept:
        """The stored concept; :class:`~termbase.errors.NotFound` if there is none."""

    @abstractmethod
    def update(
        self, concept: Concept, *, expected_version: int | None = None, actor: str | None = None
    ) -> Concept:
        """Make the stored concept with ``concept.id`` equal to ``concept`` (fields and terms, in
        order), in place, and return it as stored. :class:`~termbase.errors.NotFound` if there is
        none; :class:`~termbase.errors.VersionConflict` if ``expected_version`` is given and the
        stored version differs. A term with an ``id`` must be a term of this concept."""

    @abstractmethod
    def remove(self, concept_id: str, *, expected_version: int | None = None, actor: str | None = None) -> None:
        """Delete a concept and its terms (its history stays). :class:`~termbase.errors.NotFound` if
        there is none; :class:`~termbase.errors.VersionConflict` as for :meth:`update`."""

    @abstractmethod
    def iterate(self, *, batch: int = 500) -> Iterator[Concept]:
        """Every concept, ordered by id, read ``batch`` at a time (flat memory for big termbases)."""

    @abstractmethod
    def select(self, *, status: str | None = None, lang: str | None = None, missing: bool = False,
               subject: str | None = None, changed_since: datetime | None = None, newest_first: bool = False,
               limit: int | None = None, offset: int = 0) -> tuple[int, list[Concept]]:
        """``(how many match, one page of them)``: concepts with a term in ``lang`` (or, ``missing``,
        without one); with a term of ``status`` (in ``lang`` when given and not ``missing``); of
        ``subject`` ("" for none); changed at or after ``changed_since``. By id, or newest change
        first (then id, descending)."""

    @abstractmethod
    def count(self) -> int:
        """How many concepts there are."""

    @abstractmethod
    def exists(self, concept_id: str) -> bool:
        """Whether a concept with this id is stored."""

    @abstractmethod
    def stats(self) -> dict:
        """``{"concepts": N, "complete_concepts": N (en+kk+ru), "terms": {"en": N, "kk": N, "ru": N, ...}}``."""

    @abstractmethod
    def history(self, concept_id: str) -> list[ConceptChange]:
        """The recorded changes of a concept, oldest first (also of a deleted one; empty if none)."""

    @abstractmethod
    def changes_since(self, mark: int | None) -> tuple[int, list[str]] | None:
        """Which concepts changed since ``mark``: ``(new mark, their ids)``, the ids in the order of
        their last change; ``mark`` None gives the current mark and no ids. A mark is opaque: it comes
        from an earlier call on the same database. Every change committed after the transaction that
        gave ``mark`` is either among the ids or after the new mark (the next call has it). None when
        the backend cannot tell (the caller rebuilds whatever it keeps)."""


@dataclass(frozen=True)
class IndexedTerm:
    """A term as the term index holds it: its concept's id, the term, its normalised text
    (:func:`termbase.languages.normalize` of :func:`termbase.languages.key_text`, spaces collapsed), its words' match keys
    (:func:`termbase.languages.text_keys`) and how many distinct character trigrams its
    normalised text has (see :func:`term_grams`)."""

    concept_id: str
    term: Term
    norm: str
    keys: tuple[str, ...]
    ngrams: int
    seq: int  # the term's place in its concept


class TermIndexRepository(ABC):
    """The persistent search index of the terms: kept by the store with the concepts, in the same
    transaction as every change of them, so that looking up or matching terms never reads every
    concept. Every term is indexed by its normalised text, its match keys (whole sequence and each
    key) and its character trigrams; the terms whose every word has a key (the matchable ones)
    also by every beginning of their key sequence (for a term matcher that extends a match one word
    at a time) and by the first letters of their words (:data:`WORD_PREFIX` of them).

    Results are ordered by concept id, then the term's place in its concept."""

    @abstractmethod
    def count(self, *, up_to: int | None = None) -> int:
        """How many terms are indexed (counting stops at ``up_to``)."""

    @abstractmethod
    def by_norm(self, norm: str) -> list[IndexedTerm]:
        """Terms (of any language) whose normalised text is ``norm`` (in the script of their keys,
        or as written)."""

    @abstractmethod
    def by_keys(
        self, lang: str, sequences: Iterable[tuple[str, ...]], *, base: bool = False
    ) -> dict[tuple[str, ...], list[IndexedTerm]]:
        """For each key sequence, the ``lang`` terms with exactly those keys (sequences without
        terms are left out); with ``base``, the terms whose base language is ``lang`` (``kk``:
        ``kk`` and ``kk-Latn``)."""

    @abstractmethod
    def beginnings(self, lang: str, sequences: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
        """Those of ``sequences`` that begin (or are) the key sequence of a matchable ``lang`` term."""

    @abstractmethod
    def languages(self) -> list[str]:
        """The languages of the matchable terms, sorted."""

    @abstractmethod
    def word_prefixes(self, lang: str) -> frozenset[str]:
        """The first :data:`WORD_PREFIX` letters of the words (normalised, and of their keys) of the
        matchable ``lang`` terms."""

    @abstractmethod
    def key_counts(self, lang: str, keys: Iterable[str]) -> dict[str, int]:
        """How many terms of base language ``lang`` have each of ``keys`` (keys no term has are left
        out); :meth:`next_length`, :meth:`with_key`, :meth:`gram_counts` and :meth:`with_grams` too
        take the base language."""

    @abstractmethod
    def next_length(self, lang: str, key: str, after: int) -> int | None:
        """The smallest number of keys over ``after`` of a ``lang`` term having ``key`` (None: none)."""

    @abstractmethod
    def with_key(
        self, lang: str, key: str, length: int, *, after: str | None = None, concepts: int | None = None,
        also: Sequence[str] = (),
    ) -> list[IndexedTerm]:
        """The ``lang`` terms of ``length`` keys one of which is ``key``: of all concepts, or of the
        first ``concepts`` concepts (by id) with such a term; with ``after``, of concepts whose ids
        come after it. With ``also``, a backend may leave out the terms lacking one of those keys
        (before counting concepts): SQLite does, so that a query of common words does not read
        every term of its rarest one."""

    @abstractmethod
    def gram_counts(self, lang: str, grams: Iterable[str]) -> dict[str, int]:
        """How many ``lang`` terms have each trigram (trigrams no term has are left out)."""

    @abstractmethod
    def with_grams(
        self, lang: str, grams: Sequence[str], *, others: int, size: int, dice: float,
        lengths: tuple[float, float] | None = None, limit: int | None = None,
    ) -> list[IndexedTerm]:
        """The ``lang`` terms having some of ``grams`` that may be as similar as ``dice`` (Dice
        coefficient of trigram sets) to a text of ``size`` trigrams: ``grams`` are some of the
        text's trigrams, ``others`` how many more it has, so a term with ``n`` of ``grams`` and
        ``g`` trigrams in all is left out when ``2 * (n + others) < dice * (size + g)``; and whose
        normalised text is ``lengths[0]`` to ``lengths[1]`` characters long. With ``limit``, that
        many of them at most, those with the most of ``grams`` first, from the ``4 * limit`` terms
        with the most of ``grams`` (a bound on the terms read)."""

    def with_anchors(
        self, lang: str, anchors: Sequence[str], *, need: int, grams: Iterable[str], dice: float,
        lengths: tuple[float, float], limit: int, rows: int, enough: int | None = None,
    ) -> list[IndexedTerm] | None:
        """The ``lang`` terms having at least ``need`` of the trigrams ``anchors``, a normalised text
        of ``lengths[0]`` to ``lengths[1]`` characters, and at least ``dice`` Dice similarity of
        trigram sets with a text whose trigrams are ``grams``: at most ``limit`` of them, those with
        the most of ``grams`` (then the first terms), by concept. Only ``rows`` terms with the anchors
        are looked at (a bound on the work), those with more of them first; and once a term sharing
        ``enough`` of ``grams`` has been found, no terms with fewer anchors than those read so far.
        None when the backend cannot tell (the caller then uses :meth:`with_grams`): the default."""
        return None

    @abstractmethod
    def reindex(self) -> int:
        """Rebuild the index from the terms; how many it holds."""


#: How many first letters of a term word :meth:`TermIndexRepository.word_prefixes` keeps.
WORD_PREFIX = 3


def term_grams(norm: str) -> set[str]:
    """The character trigrams of a normalised text, padded (two spaces before, one after).

    >>> sorted(term_grams("ab"))
    ['  a', ' ab', 'ab ']
    """
    s = f"  {norm} "
    return {s[i : i + 3] for i in range(len(s) - 2)}


class MemoryRepository(ABC):
    """Named translation memories and their units."""

    @abstractmethod
    def add_units(self, memory: str, units: Iterable[TranslationUnit], *, batch: int = 2000) -> tuple[int, int]:
        """Store units in ``memory`` (created by its first unit); returns ``(added, duplicates skipped)``.
        A unit whose texts (:func:`unit_digest`) are already in the memory, or earlier in ``units``,
        is skipped, so importing a file twice adds nothing; units without text are ignored. All or
        nothing; ``units`` is consumed ``batch`` at a time (flat memory)."""

    @abstractmethod
    def iter_units(self, memory: str) -> Iterator[TranslationUnit]:
        """Every unit of ``memory`` in document then position order, streamed. :class:`~termbase.errors.NotFound`
        (naming the memories there are) if it has none."""

    @abstractmethod
    def get_unit(self, unit_id: int) -> TranslationUnit:
        """The unit with this id; :class:`~termbase.errors.NotFound` if there is none."""

    @abstractmethod
    def count(self, memory: str) -> int:
        """How many units ``memory`` holds (0 if it does not exist)."""

    def version(self, memory: str) -> tuple | None:
        """What ``memory``'s units are at: a value kept in the database that changes with every
        committed change of them (an import, an edit or removal of a unit, the memory removed), from
        any connection, and is never given again to other units; what a cache of something made from
        them is valid for. None when nothing read now may be kept: inside a transaction that changed
        memories (it may be rolled back), or where the backend keeps no version."""
        return None

    @abstractmethod
    def names(self) -> list[str]:
        """The memories that hold units, sorted."""

    @abstractmethod
    def remove(self, memory: str) -> int:
        """Delete a memory's units; how many there were."""

    @abstractmethod
    def stats(self, memory: str) -> dict:
        """``{"units", "texts": {lang: n}, "source_langs": {lang: n}, "created", "modified"}``;
        :class:`~termbase.errors.NotFound` (naming the memories there are) if it has no units."""

    @abstractmethod
    def source_langs(self, memory: str) -> dict[str, int]:
        """``{lang: units}``: how many units of ``memory`` have each source language (the ``source_langs``
        of :meth:`stats`, without counting the texts); :class:`~termbase.errors.NotFound` as there."""

    @abstractmethod
    def get_units(self, unit_ids: list[int]) -> list[TranslationUnit]:
        """The units with these ids, in that order; ids that do not exist are left out."""

    @abstractmethod
    def unit_texts(self, unit_ids: list[int]) -> dict[int, dict[str, str]]:
        """The texts by language of the units with these ids (``{id: {lang: text}}``), without the rest of
        the units: what fuzzy matching scores. Ids that do not exist are left out."""

    @abstractmethod
    def texts_in(self, unit_ids: list[int], lang: str) -> dict[int, str]:
        """``{id: text}``: the (non-empty) ``lang`` text of each unit with these ids: what fuzzy matching
        scores. Units without a ``lang`` text, and ids that do not exist, are left out."""

    @abstractmethod
    def page_units(self, memory: str, *, max_score: float | None = None, limit: int = 50,
                   offset: int = 0) -> tuple[int, list[TranslationUnit]]:
        """``(how many match, one page of them)``: the units of ``memory`` in document order, only those
        scored under ``max_score`` when given (units without a score are then left out);
        :class:`~termbase.errors.NotFound` if the memory has no units."""

    @abstractmethod
    def update_unit(self, unit_id: int, texts: dict[str, str], *, actor: str | None = None) -> TranslationUnit:
        """Replace a unit's texts (languages left out or empty are dropped), re-index it and record the
        change with ``actor``; a :class:`~termbase.errors.ValidationError` when another unit of its
        memory has the same texts; :class:`~termbase.errors.NotFound` for no such unit."""

    @abstractmethod
    def remove_unit(self, unit_id: int, *, actor: str | None = None) -> TranslationUnit:
        """Delete one unit (recording it, with ``actor``); returns it as it was."""

    @abstractmethod
    def unit_changes(self, unit_id: int) -> list[dict]:
        """The recorded edits and removals of a unit, oldest first: ``{"seq", "unit_id", "memory",
        "action" ("update"/"delete"), "before", "after" (texts by language or None), "actor", "time"}``."""

    # The full-text index: every unit text by its words' match keys (termbase.languages.word_keys),
    # kept with the units (added with them, removed with them).
    @abstractmethod
    def candidates(self, memory: str, lang: str, keys: list[str], *, limit: int = 50, ties: int = 0) -> list[int]:
        """The ids of :meth:`shortlist`'s units."""

    @abstractmethod
    def shortlist(self, memory: str, lang: str, keys: list[str], *, limit: int = 50,
                  ties: int = 0) -> tuple[list[tuple[int, int]], dict[str, int]]:
        """``(units, weights)``: the units of ``memory`` whose ``lang`` text shares most of ``keys`` as
        ``(id, score)``, best first (ties: lower id) -- a shortlist for fuzzy matching, ``limit`` units
        and up to ``ties`` more that score the same as the last of them (units sharing the same keys,
        that only their other words tell apart) -- and the index tokens looked up with their weights
        (integers; rarer keys weigh more): a unit's score is the sum of the weights of those its text
        holds."""

    @abstractmethod
    def containing(self, memory: str, lang: str, keys: list[str], *, limit: int | None = None) -> list[int]:
        """Ids of the units of ``memory`` whose ``lang`` text holds all of ``keys``, in id order."""

    @abstractmethod
    def reindex(self) -> int:
        """Rebuild the full-text index from the unit texts; how many texts it holds."""


class TokenRepository(ABC):
    """The API tokens of the termbase server (:class:`~termbase.models.ApiToken`), by digest."""

    @abstractmethod
    def add(self, name: str, role: str, digest: str) -> ApiToken:
        """Store a token for ``name`` with ``role`` under the digest of its secret. A
        :class:`~termbase.errors.ValidationError` if ``name`` already has a token that is not
        revoked, or ``role`` is not one of :data:`termbase.models.ROLES`."""

    @abstractmethod
    def find(self, digest: str) -> ApiToken | None:
        """The token with this digest, unless there is none or it was revoked."""

    @abstractmethod
    def list(self) -> list[ApiToken]:
        """Every token, revoked ones too, oldest first."""

    @abstractmethod
    def revoke(self, name: str) -> ApiToken:
        """Revoke the token of ``name`` (it is kept, listed as revoked, and never found again);
        :class:`~termbase.errors.NotFound` if ``name`` has no token that is not revoked."""


class Store(ABC):
    """A termbase: concepts and memories in one database, through one connection. Close it (or use
    ``with``) when done. Use a store from one thread at a time; a server opens one per worker."""

    concepts: ConceptRepository
    memories: MemoryRepository
    tokens: TokenRepository
    terms: TermIndexRepository
    #: Whether every query is a round trip to a database server (PostgreSQL), not a call into a
    #: library (SQLite): search structures then keep more in memory (termbase.search.TermIndex).
    remote: bool = False

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the data is: a file path (SQLite) or a database URL, for messages."""

    @property
    def read_only(self) -> bool:
        """Whether the store was opened read-only (asked for, or the database cannot be written)."""
        return False

    @property
    @abstractmethod
    def schema_version(self) -> int:
        """The number of the last migration applied to the database."""

    @abstractmethod
    def atomic(self) -> ContextManager[None]:
        """One transaction around the block (nested: a savepoint); undone by any exception."""

    @abstractmethod
    def data_version(self) -> int:
        """A number kept in the database that changes whenever concepts change, from any connection;
        cheap to read, for invalidating caches (e.g. :class:`termbase.search.TermIndex`)."""

    def versions(self) -> tuple[int, int]:
        """``(data_version, tokens_version)``: the :meth:`data_version` and a number kept in the
        database that changes whenever a token is made or revoked, read together (one query where
        the backend can): what a server checks on each request before trusting what it keeps."""
        return self.data_version(), self.tokens_version()

    def tokens_version(self) -> int:
        """A number kept in the database that changes whenever an API token is made or revoked
        (0 before the first), from any connection."""
        return 0

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def unit_digest(texts: dict[str, str]) -> str:
    """The identity of a memory unit: its texts by language (so re-imports are not duplicated).

    >>> unit_digest({"en": "a", "ru": "б"}) == unit_digest({"ru": "б", "en": "a"})
    True
    """
    import hashlib  # (here: a lookup, which writes no unit, does without it)

    h = hashlib.sha1()
    for lang in sorted(texts):
        h.update(lang.encode())
        h.update(b"\x00")
        h.update(texts[lang].encode("utf-8"))
        h.update(b"\x01")
    return h.hexdigest()


def match_terms(stored: Sequence[Term], new: Sequence[Term], *, concept_id: str) -> list[Term | None]:
    """For each of the ``new`` terms of a concept, the ``stored`` term it continues, or None (a new term).

    A new term with an ``id`` continues the stored term with that id (a
    :class:`~termbase.errors.ValidationError` if the concept has none, or if two terms give the same
    id); the others continue the first stored term not yet taken with the same language and text.
    Stored terms left over are the ones to delete.

    >>> stored = (Term("en", "APK", id=1), Term("en", "Assembly", id=2))
    >>> new = (Term("en", "Assembly", "admitted"), Term("kk", "ҚХА"))
    >>> [t and t.id for t in match_terms(stored, new, concept_id="apk")]
    [2, None]
    """
    by_id = {t.id: t for t in stored}
    taken: set[int | None] = set()
    out: list[Term | None] = [None] * len(new)
    for i, term in enumerate(new):
        if term.id is not None:
            old = by_id.get(term.id)
            if old is None:
                raise ValidationError(f"concept {concept_id!r} has no term with id {term.id}")
            if term.id in taken:
                raise ValidationError(f"concept {concept_id!r}: term id {term.id} given twice")
            taken.add(term.id)
            out[i] = old
    free: dict[tuple[str, str], list[Term]] = {}
    for old in stored:
        if old.id not in taken:
            free.setdefault((old.lang, old.text), []).append(old)
    for i, term in enumerate(new):
        if term.id is None:
            candidates = free.get((term.lang, term.text))
            if candidates:
                out[i] = candidates.pop(0)
    return out
