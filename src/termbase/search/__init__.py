"""Search structures over a store: :class:`TermIndex` (term matcher, lookup index, concepts), cached
in the process and rebuilt when the store's data changes."""

from .index import TermIndex

__all__ = ["TermIndex"]
