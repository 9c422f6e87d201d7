"""``GET /api/search?q=``: articles matching an Arabic query, whatever its diacritics, hamza or clitics."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from isnad.api.context import MAX_OFFSET, open_request_store

router = APIRouter(tags=["search"])


@router.get("/api/search", summary="Full-text search over the stored articles")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="words to find")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    with open_request_store(request) as store:
        items = store.search(q, limit=limit, offset=offset)
    return {"query": q, "limit": limit, "offset": offset, "items": items}
