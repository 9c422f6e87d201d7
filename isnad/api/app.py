"""The application factory: the JSON API under ``/api`` and the dashboard under ``/``."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from isnad import __version__
from isnad.api import actors, documents, events, places, search, sources, stats, stories, summaries
from isnad.api.answers import DEFAULT_BUDGET, Answers
from isnad.api.context import Analyser
from isnad.api.limits import BodyLimit, body_limit
from isnad.api.pages import not_found_page
from isnad.api.security import SecurityHeaders
from isnad.api.stores import StorePool
from isnad.errors import IsnadError
from isnad.limits import max_bytes as text_limit
from isnad.resources import Resources
from isnad.web import static_dir


def create_app(store_url: str | None = None, token: str | None = None, max_bytes: int | None = None,
               answer_bytes: int = DEFAULT_BUDGET) -> FastAPI:
    """An app over the store at ``store_url`` (None: ``$ISNAD_DB`` or the default file).

    ``token`` is the operator's write token; without one, writes are refused. ``max_bytes`` is the size
    limit of one article's text (None: ``$ISNAD_MAX_BYTES`` or 20 MB). ``answer_bytes`` is how much of the
    answers computed (summaries, graphs, searches) is kept until the store's next write (0: none).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="isnad",
        version=__version__,
        description="Sourced event data from Arabic news: events, documents, search, actors, places, stories.",
        # The interactive docs pages load scripts from a CDN, which the dashboard's policy forbids.
        docs_url=None,
        redoc_url=None,
    )
    app.state.token = token or None
    # one set of resources for every store: the search terms' word caches stay warm
    app.state.stores = StorePool(store_url, Resources())
    app.state.answers = Answers(answer_bytes)
    app.state.analyse = Analyser()
    app.state.max_bytes = text_limit(max_bytes)
    for module in (events, documents, search, actors, places, sources, stats, stories, summaries):
        app.include_router(module.router)

    @app.exception_handler(IsnadError)
    def isnad_error(_request: Request, exc: IsnadError) -> JSONResponse:
        # e.g. the store cannot be opened: say so, with the error's stable code, instead of a bare 500
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=503)

    app.add_exception_handler(HTTPException, not_found_page)
    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html; charset=utf-8")

    app.add_middleware(BodyLimit, limit=body_limit(app.state.max_bytes))
    app.add_middleware(SecurityHeaders)
    return app
