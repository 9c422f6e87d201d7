"""``GET /api/stats``: how many documents and events the store holds, by PLOVER type."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from isnad.api.context import open_request_store

router = APIRouter(tags=["stats"])


@router.get("/api/stats", summary="Counts of documents and events")
def stats(request: Request) -> dict[str, Any]:
    with open_request_store(request) as store:
        return store.stats()
