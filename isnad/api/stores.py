"""The stores a server reads through: each opened once and lent to one request at a time, so that its
connection, the database pages it has read and its memory map serve the requests after it."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from isnad.resources import Resources
from isnad.store import Store, open_store

KEEP = 8  # open stores kept idle between requests; more are opened when more requests run at once


class StorePool:
    """Open stores of one address, lent one request at a time (a store is used by one thread at a time)."""

    def __init__(self, url: str | None, resources: Resources, keep: int = KEEP) -> None:
        self.url = url
        self.resources = resources
        self.keep = keep
        self._idle: list[Store] = []
        self._lock = threading.Lock()

    def open(self) -> Store:
        """A new store of the pool's address, with the pool's resources."""
        return open_store(self.url, resources=self.resources)

    @contextmanager
    def lend(self) -> Iterator[Store]:
        """An idle store, or a new one; given back when the block ends, closed if the block failed (its
        connection may be broken)."""
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = self.open()
        try:
            yield store
        except BaseException:
            store.close()
            raise
        with self._lock:
            if len(self._idle) < self.keep:
                self._idle.append(store)
                return
        store.close()

    def close(self) -> None:
        """Close the idle stores."""
        with self._lock:
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()
