"""A bounded cache for per-word analyses (morphology, keys), so memory stays flat on any input."""

from __future__ import annotations

#: Entries a word cache holds before it starts again (a corpus's frequent words come back at once: Zipf).
CACHE_LIMIT = 200_000


class BoundedCache(dict):
    """A dict that empties itself when it grows past ``limit``.

    >>> c = BoundedCache(limit=2)
    >>> c.put("a", 1), c.put("b", 2), c.put("c", 3), sorted(c)
    (1, 2, 3, ['c'])
    """

    def __init__(self, limit: int = CACHE_LIMIT):
        super().__init__()
        self.limit = limit

    def put(self, key, value):
        """Store ``value`` under ``key`` (emptying the cache first when it is full); ``value``."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
