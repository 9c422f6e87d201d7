"""``GET /api/places``: the places of the stored events, with coordinates and event counts."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from isnad.api.context import kept_answer, open_request_store

router = APIRouter(tags=["places"])


@router.get("/api/places", summary="Event places, most frequent first")
def places(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Response:
    """The places of the stored events, most frequent first: names, country, coordinates, precision and
    ``events``, the number of events there (a place stored under two Arabic spellings is counted once)."""
    with open_request_store(request) as store:
        return kept_answer(request, store, lambda: {"items": store.places(limit=limit)})
