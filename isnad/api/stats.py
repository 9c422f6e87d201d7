"""``GET /api/stats``: how many documents and events the store holds, by PLOVER type."""
from __future__ import annotations

from fastapi import APIRouter, Request, Response

from isnad.api.context import kept_answer, open_request_store

router = APIRouter(tags=["stats"])


@router.get("/api/stats", summary="Counts of documents and events", response_class=Response,
            responses={200: {"description": "backend, documents, articles, stories, events, mentions, by_plover, "
                                            "by_modality", "content": {"application/json": {"schema": {"type": "object"}}}}})
def stats(request: Request) -> Response:
    """Numbers of stored documents, events and mentions, of events by PLOVER type and by modality, and
    (with the cross-article layer) of articles received and stories told by more than one."""
    with open_request_store(request) as store:
        return kept_answer(request, store, store.stats)
