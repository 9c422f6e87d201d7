"""What every request handler shares through ``app.state``: the stores it reads through, the answers kept
and the analysis pipeline.

FastAPI runs each sync handler in a worker thread; a store is used by one thread at a time, so a handler
borrows one for its reads (``with open_request_store(request) as store``) and gives it back before returning.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from fastapi import HTTPException, Request, Response
from pydantic_core import to_json

from isnad.document import Document
from isnad.store import Store

# the largest offset a page may start at: beyond it SQLite's integers overflow, and no store is that big
MAX_OFFSET = 1_000_000_000


def open_request_store(request: Request) -> AbstractContextManager[Store]:
    """A store for the request's reads, lent by the app's pool."""
    return request.app.state.stores.lend()


def open_writing_store(request: Request) -> Store:
    """A store of its own for a write: what the cross-article layer remembers of recent clusters is then
    not older than the write (another process may have written since a pooled store last did)."""
    return request.app.state.stores.open()


def kept_answer(request: Request, store: Store, compute: Callable[[], Any]) -> Response:
    """The JSON of ``compute()`` (data, or JSON text), kept by the app and given again for the same address
    until the store's next write."""
    answers = request.app.state.answers
    generation = store.generation() if answers.budget else None  # read first: the answer is at least as new
    key = f"{request.url.path}?{request.url.query}"
    body = answers.get(key, generation) if generation is not None else None
    if body is None:
        data = compute()
        body = data.encode() if isinstance(data, str) else to_json(data)
        if generation is not None:
            answers.put(key, generation, body)
    return Response(body, media_type="application/json")


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
    """The 404 error whose detail reads "<what> not found"."""
    return HTTPException(404, f"{what} not found")


def json_response(data: Any, status_code: int = 200) -> Response:
    """JSON written straight from the store's plain dicts (no model validation: the store's rows are ours).

    pydantic-core's encoder writes UTF-8 several times faster than ``json.dumps`` on Arabic text.
    """
    return Response(to_json(data), status_code=status_code, media_type="application/json")


def page_schema(description: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI description of a ``{"total", "limit", "offset", "items"}`` answer."""
    schema = {
        "type": "object",
        "required": ["total", "items"],
        "properties": {
            "total": {"type": "integer"}, "total_exact": {"type": "boolean"},
            "limit": {"type": "integer"}, "offset": {"type": "integer"},
            "items": {"type": "array", "items": {"type": "object"}},
        },
    }
    return {200: {"description": description, "content": {"application/json": {"schema": schema}}}}
