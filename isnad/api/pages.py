"""The page an unknown address gets: HTML for a reader, JSON under ``/api`` for a program."""
from __future__ import annotations

from fastapi import Request, Response
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import FileResponse
from starlette.exceptions import HTTPException

from isnad.web import static_dir


async def not_found_page(request: Request, exc: HTTPException) -> Response:
    """A 404 outside ``/api`` answers with the dashboard's "page not found" page; anything else as FastAPI does."""
    if exc.status_code == 404 and not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", ""):
        return FileResponse(static_dir() / "404.html", status_code=404, media_type="text/html; charset=utf-8")
    return await http_exception_handler(request, exc)
