"""``GET /api/timeline`` and ``/api/map``: the dashboard's summaries of the selected events (counts per day
and type, per place), so that its timeline and map stay fast on a store of any size."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from isnad.api.context import kept_answer, open_request_store
from isnad.api.events import event_filter
from isnad.store import EventFilter
from isnad.store.aggregates import day_counts, place_counts, place_events

router = APIRouter(tags=["summaries"])


@router.get("/api/timeline", summary="Events per day and PLOVER type by one date, per day by the other")
def timeline(
    request: Request,
    filters: Annotated[EventFilter, Depends(event_filter)],
    by: Annotated[Literal["event", "published"], Query(description="the date of the bars: the event's or the article's")] = "event",
) -> Any:
    """The matching events per day: ``bars`` by PLOVER type on the date ``by`` names, ``line`` on the other date."""
    with open_request_store(request) as store:
        return kept_answer(request, store, lambda: day_counts(store, filters, by))


@router.get("/api/map", summary="Event places with coordinates, their origin and number of events")
def map_places(request: Request, filters: Annotated[EventFilter, Depends(event_filter)]) -> Any:
    """The places of the matching events that have coordinates, one item per place and origin (stated in the
    event's sentence, named elsewhere in the article, or inferred), with their number of events."""
    with open_request_store(request) as store:
        return kept_answer(request, store, lambda: {"items": place_counts(store, filters)})


@router.get("/api/map/events", summary="The newest selected events at one place")
def map_place_events(
    request: Request,
    filters: Annotated[EventFilter, Depends(event_filter)],
    key: Annotated[str, Query(max_length=300, description="the place's key, as /api/map gives it")],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Any:
    """The newest matching events at the place ``key`` names (a key as ``/api/map`` gives it)."""
    with open_request_store(request) as store:
        return kept_answer(request, store, lambda: {"items": place_events(store, filters, key, limit)})
