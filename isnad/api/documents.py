"""``GET /api/documents/{id}`` (the full analysed document) and ``POST /api/documents`` (analyse and store)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request, Response
from pydantic import BaseModel, Field

from isnad.api.context import json_response, not_found, open_request_store, open_writing_store
from isnad.api.security import require_token
from isnad.document import Document
from isnad.limits import too_large

router = APIRouter(tags=["documents"])


class NewDocument(BaseModel):
    """An article to analyse: its text and, when known, its title, url, outlet and publication date."""

    text: str = Field(min_length=1, description="the article text, at most the server's limit "
                                                "(20 MB of UTF-8 unless set otherwise)")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=4000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="ISO publication date")


DOCUMENT = {"description": "the Document's JSON: text, sentences, mentions, times, attributions, events",
            "content": {"application/json": {"schema": {"type": "object"}}}}
ERROR = {"content": {"application/json": {"schema": {"type": "object", "properties": {"detail": {}}}}}}


@router.get("/api/documents/{doc_id}", summary="One analysed document, whole", response_class=Response,
            responses={200: DOCUMENT, 404: {**ERROR, "description": "no document has this id or hash"}})
def get_document(request: Request, doc_id: Annotated[str, Path(max_length=200)]) -> Response:
    """The stored analysis of the document with this id or hash: the Document's JSON."""
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
    responses={
        200: {"description": "the same article was stored before (an idempotent re-submission): the stored "
                             "analysis, unchanged"},
        201: {"description": "analysed and stored"},
        400: {**ERROR, "description": "the body is not JSON (e.g. not UTF-8)"},
        401: {**ERROR, "description": "no valid write token"},
        403: {**ERROR, "description": "writes are disabled on this server"},
        413: {**ERROR, "description": "the text or the request body is larger than the server's limit"},
    },
)
def post_document(request: Request, body: NewDocument, response: Response) -> dict[str, Any]:
    """Analyses the article, stores it and answers with its Document's JSON.

    A text over the server's size limit is refused (413) before any analysis. ``Location`` names the
    stored document; ``X-Isnad-Store`` says whether it was added, replaced or unchanged (then status 200)."""
    size = len(body.text.encode("utf-8", "surrogatepass"))
    if size > request.app.state.max_bytes:
        raise HTTPException(413, too_large(request.app.state.max_bytes, size))
    doc = request.app.state.analyse(
        Document(text=body.text, title=body.title, url=body.url, outlet=body.outlet, published=body.published)
    )
    with open_writing_store(request) as store:
        result = store.add(doc)
    if result == "unchanged":
        response.status_code = 200
    response.headers["Location"] = f"/api/documents/{doc.id}"
    response.headers["X-Isnad-Store"] = result
    return doc.to_dict()
