"""``GET /api/stories`` and ``/api/stories/{id}``: one real-world event across articles, its copies, its
independent origins and the information grade that follows from them."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from isnad.api.context import MAX_OFFSET, json_response, kept_answer, not_found, open_request_store
from isnad.api.events import DATE

router = APIRouter(tags=["stories"])


@router.get("/api/stories", summary="Event clusters across articles, the most reported first", response_class=Response,
            responses={200: {"description": "total, limit, offset and items: each story with its representative event",
                             "content": {"application/json": {"schema": {"type": "object"}}}}})
def list_stories(
    request: Request,
    since: Annotated[str | None, Query(pattern=DATE, description="ISO date: clusters whose days reach it")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="ISO date: clusters that began by it")] = None,
    cameo: Annotated[str | None, Query(max_length=4, pattern=r"^\d{1,4}$", description="CAMEO code prefix")] = None,
    min_articles: Annotated[int, Query(ge=1, le=100_000)] = 2,
    grade: Annotated[int | None, Query(ge=1, le=6, description="this information grade or better")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    """A page of stories (one event reported across articles), the most reported first, each with its
    representative event; ``total`` counts every story the filters select."""
    # a date type would also take a number as a Unix time (since=0.0): the schema says an ISO date
    filters = {"since": since or None, "until": until or None,
               "cameo": cameo, "min_articles": min_articles, "grade": grade}
    with open_request_store(request) as store:
        return kept_answer(request, store, lambda: {
            "total": store.count_stories(**filters), "limit": limit, "offset": offset,
            "items": store.stories(limit=limit, offset=offset, **filters)})


@router.get("/api/stories/{story_id}", summary="One event cluster: its reports, copies and grade",
            response_class=Response,
            responses={200: {"description": "the story with its members, copies and representative event",
                             "content": {"application/json": {"schema": {"type": "object"}}}},
                       404: {"description": "no such story"}})
def get_story(request: Request, story_id: Annotated[str, Path(max_length=200)]) -> Response:
    """One story with its member reports, their copies and its representative event."""
    with open_request_store(request) as store:
        story = store.story(story_id)
    if story is None:
        raise not_found("story")
    return json_response(story)
