"""``GET /api/search?q=``: articles matching an Arabic query, whatever its diacritics, hamza or clitics."""
from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from isnad.api.context import MAX_OFFSET, kept_answer, open_request_store

router = APIRouter(tags=["search"])


@router.get("/api/search", summary="Full-text search over the stored articles", response_class=Response,
            responses={200: {"description": "query, limit, offset and items: each matching article's document_id, "
                                            "title, published, url, snippet and events, newest first",
                             "content": {"application/json": {"schema": {"type": "object"}}}}})
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="words to find")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    """The stored articles that hold the words of ``q``, newest first, each with a snippet and its events."""
    head = json.dumps({"query": q, "limit": limit, "offset": offset}, ensure_ascii=False)[:-1]
    with open_request_store(request) as store:
        # the events' stored JSON goes out as it is: nothing is decoded and encoded again
        return kept_answer(request, store,
                           lambda: f'{head}, "items": [{", ".join(store.search_page(q, limit=limit, offset=offset))}]}}')
