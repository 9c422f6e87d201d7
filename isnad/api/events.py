"""``GET /api/events``: events selected by the filters of ``isnad events``, newest first, paginated."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from isnad.api.context import MAX_OFFSET, open_request_store, page_schema
from isnad.store import EventFilter
from isnad.store.base import COUNT_CAP

router = APIRouter(tags=["events"])

DATE = r"^(\d{4}-\d{2}-\d{2})?$"  # a full ISO date (or empty: any)


async def event_filter(
    actor: Annotated[str | None, Query(max_length=40, description="country ISO-3 or actor code prefix (source or target)")] = None,
    cameo: Annotated[str | None, Query(max_length=6, pattern=r"^\d+$", description="CAMEO code prefix, e.g. 14")] = None,
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER type, e.g. PROTEST")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="ISO date, inclusive")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="ISO date, inclusive")] = None,
    place: Annotated[str | None, Query(max_length=3, description="ISO-3 country of the event's place")] = None,
    modality: Annotated[str | None, Query(max_length=20, description="asserted, reported, planned, ...")] = None,
    document: Annotated[str | None, Query(max_length=80, description="document id or hash")] = None,
    text: Annotated[str | None, Query(max_length=200, description="full-text query on the article")] = None,
) -> EventFilter:
    """The :class:`~isnad.store.EventFilter` of the query parameters; an empty parameter selects everything."""
    # Empty form fields arrive as "": they mean "any", not "match the empty string".
    # (async: it does no I/O, so it runs on the event loop instead of taking a worker thread)
    return EventFilter(
        actor=(actor or None) and actor.upper(),
        cameo=cameo or None,
        plover=(plover or None) and plover.upper(),
        since=since or None,
        until=until or None,
        place=(place or None) and place.upper(),
        modality=(modality or None) and modality.lower(),
        document=document or None,
        text=(text or "").strip() or None,
    )


@router.get("/api/events", summary="Events matching the filters", response_class=Response,
            responses=page_schema("each item is an event's JSON plus document_id, document_title, published, "
                                  "url; total is counted up to 10,000 (or the end of the page; total_exact "
                                  "false: more match) unless exact_total is set"))
def list_events(
    request: Request,
    filters: Annotated[EventFilter, Depends(event_filter)],
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    exact_total: Annotated[bool, Query(description="count every match (slower on broad filters)")] = False,
) -> Response:
    """A page of the events matching the filters, each as its stored JSON with its article's id, title, date
    and url."""
    with open_request_store(request) as store:
        # the events' stored JSON goes out as it is: nothing is decoded and encoded again
        page = store.events_page(filters, limit=limit, offset=offset,
                                 count_cap=None if exact_total else COUNT_CAP)
    return Response(page.json(limit, offset), media_type="application/json")
