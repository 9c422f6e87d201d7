"""What every request handler shares through ``app.state``: where the store is and the analysis pipeline.

SQLite objects cannot cross threads, and FastAPI runs each sync handler in a worker thread, so a handler
opens the store itself (``with open_request_store(request) as store``) and closes it before returning.
"""
from __future__ import annotations

import threading
from typing import Any

from fastapi import HTTPException, Request

from isnad.document import Document
from isnad.store import Store, open_store


def open_request_store(request: Request) -> Store:
    return open_store(request.app.state.store_url)


class Analyser:
    """The pipeline of one app, built on the first write (so a read-only server starts fast) and reused."""

    def __init__(self) -> None:
        self._pipeline: Any = None
        self._lock = threading.Lock()

    def __call__(self, doc: Document) -> Document:
        # One analysis at a time: it is CPU-bound, and stages need not be thread-safe.
        with self._lock:
            if self._pipeline is None:
                from isnad.pipeline import Pipeline

                self._pipeline = Pipeline()
            return self._pipeline(doc)


def not_found(what: str) -> HTTPException:
    return HTTPException(404, f"{what} not found")
