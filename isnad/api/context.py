"""What every request handler shares through ``app.state``: where the store is and the analysis pipeline.

SQLite objects cannot cross threads, and FastAPI runs each sync handler in a worker thread, so a handler
opens the store itself (``with open_request_store(request) as store``) and closes it before returning.
"""
from __future__ import annotations

import threading
from typing import Any

from fastapi import HTTPException, Request, Response
from pydantic_core import to_json

from isnad.document import Document
from isnad.store import Store, open_store

# the largest offset a page may start at: beyond it SQLite's integers overflow, and no store is that big
MAX_OFFSET = 1_000_000_000


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
