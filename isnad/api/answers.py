"""The answers a server keeps: the JSON of a read, given again while the store's write generation is the one
it was computed at (any committed write changes it, so nothing stale is ever given)."""
from __future__ import annotations

import threading
from collections import OrderedDict

DEFAULT_BUDGET = 64 * 2**20  # bytes of answers kept by a server


class Answers:
    """The most recently used answers by address, within a budget of bytes (0: none are kept)."""

    def __init__(self, budget: int = DEFAULT_BUDGET) -> None:
        self.budget = budget
        self._kept: OrderedDict[str, tuple[int, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()  # handlers run in worker threads

    def get(self, key: str, generation: int) -> bytes | None:
        """The answer kept for ``key`` if it was computed at ``generation``."""
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or kept[0] != generation:
                return None
            self._kept.move_to_end(key)
            return kept[1]

    def put(self, key: str, generation: int, body: bytes) -> None:
        """Keep ``body``, forgetting the least recently used answers beyond the budget."""
        if len(body) > self.budget // 8:  # one large answer does not push out every other
            return
        with self._lock:
            old = self._kept.pop(key, None)
            self._size += len(body) - (len(old[1]) if old else 0)
            self._kept[key] = (generation, body)
            while self._size > self.budget:
                _, (_, dropped) = self._kept.popitem(last=False)
                self._size -= len(dropped)
