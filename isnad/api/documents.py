"""``GET /api/documents/{id}`` (the full analysed document) and ``POST /api/documents`` (analyse and store)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, Field

from isnad.api.context import json_response, not_found, open_request_store
from isnad.api.security import require_token
from isnad.document import Document

router = APIRouter(tags=["documents"])

MAX_TEXT = 1_000_000  # characters; a news article is a few thousand


class NewDocument(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article text")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=4000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="ISO publication date")


DOCUMENT_SCHEMA = {200: {"description": "the Document's JSON: text, sentences, mentions, times, attributions, events",
                          "content": {"application/json": {"schema": {"type": "object"}}}}}


@router.get("/api/documents/{doc_id}", summary="One analysed document, whole", response_class=Response,
            responses=DOCUMENT_SCHEMA)
def get_document(request: Request, doc_id: Annotated[str, Path(max_length=200)]) -> Response:
    with open_request_store(request) as store:
        doc = store.document(doc_id)
    if doc is None:
        raise not_found(f"document {doc_id!r}")
    return json_response(doc.to_dict())


@router.post(
    "/api/documents",
    summary="Analyse an article and store it (needs the write token)",
    status_code=201,
    dependencies=[Depends(require_token)],
)
def post_document(request: Request, body: NewDocument, response: Response) -> dict[str, Any]:
    doc = request.app.state.analyse(
        Document(text=body.text, title=body.title, url=body.url, outlet=body.outlet, published=body.published)
    )
    with open_request_store(request) as store:
        result = store.add(doc)
    if result == "unchanged":
        response.status_code = 200
    response.headers["Location"] = f"/api/documents/{doc.id}"
    response.headers["X-Isnad-Store"] = result
    return doc.to_dict()
