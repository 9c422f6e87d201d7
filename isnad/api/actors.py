"""``GET /api/actors``: the actors of the stored events with how often they act or are acted on."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from isnad.api.context import kept_answer, open_request_store

router = APIRouter(tags=["actors"])


@router.get("/api/actors", summary="Actors, most frequent first")
def actors(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Response:
    """The stored actors, most frequent first: each one's code, country, English and Arabic names, and
    ``events``, the number of events it is the source or target of."""
    with open_request_store(request) as store:
        return kept_answer(request, store, lambda: {"items": store.actors(limit=limit)})
