"""Bounded caches: for per-word analyses (morphology, keys), so memory stays flat on any input
(:class:`BoundedCache`), and for a few big values dear to make (:class:`WeighedCache`)."""

from __future__ import annotations

import threading

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


class WeighedCache:
    """A cache of values that are dear to make and big to keep (a memory's mining index): at most
    ``limit`` entries whose weights (bytes, say) add up to at most ``max_weight``, the least recently
    used dropped first (one at a time, unlike :class:`BoundedCache`: each is worth keeping); a value
    heavier than ``max_weight`` alone is not kept. Thread-safe.

    >>> c = WeighedCache(limit=2, max_weight=10)
    >>> c.put("a", 1, 4), c.put("b", 2, 4), c.get("a"), c.put("c", 3, 4), sorted(c.keys()), c.weight
    (1, 2, 1, 3, ['a', 'c'], 8)
    >>> c.put("d", 4, 11), sorted(c.keys())
    (4, ['a', 'c'])
    """

    def __init__(self, limit: int, max_weight: int):
        self.limit = limit
        self.max_weight = max_weight
        self.weight = 0
        self._entries: dict = {}  # key -> (value, weight), least recently used first
        self._lock = threading.Lock()

    def get(self, key, default=None):
        """The value kept under ``key`` (now the most recently used), else ``default``."""
        with self._lock:
            entry = self._entries.pop(key, None)
            if entry is None:
                return default
            self._entries[key] = entry
            return entry[0]

    def put(self, key, value, weight: int = 1):
        """Keep ``value`` under ``key`` (in place of what was there), dropping the least recently used
        entries until it fits; ``value``."""
        with self._lock:
            self._drop(key)
            if weight <= self.max_weight and self.limit > 0:
                while self._entries and (len(self._entries) >= self.limit or self.weight + weight > self.max_weight):
                    self._drop(next(iter(self._entries)))
                self._entries[key] = (value, weight)
                self.weight += weight
        return value

    def discard(self, key) -> None:
        """Forget what is kept under ``key`` (if anything)."""
        with self._lock:
            self._drop(key)

    def _drop(self, key) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self.weight -= entry[1]

    def keys(self) -> list:
        with self._lock:
            return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
