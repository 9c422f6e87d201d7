"""The request size limit of the API: a body above it is refused with 413 before it is read.

The body may hold the text JSON-escaped (``\\u0627`` is 6 bytes for an Arabic letter's 2), so it may be
:data:`BODY_FACTOR` times the article limit; the text itself is held to the limit by the handler.
"""
from __future__ import annotations

import json

from fastapi import HTTPException

BODY_FACTOR = 3
EXTRA = 64 * 1024  # title, url, outlet, published and the JSON around them


def body_limit(text_limit: int) -> int:
    """The largest request body, in bytes, for articles of up to ``text_limit`` bytes."""
    return BODY_FACTOR * text_limit + EXTRA


class BodyLimit:
    """ASGI middleware: 413 for a declared ``Content-Length`` above ``limit`` without reading the body, and
    for a body streamed without one (chunked) as soon as it passes ``limit``."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.strip().isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        received = 0

        async def capped_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    # an HTTPException passes through FastAPI's body parsing unchanged, as a 413 response
                    raise HTTPException(413, self._message())
            return message

        await self.app(scope, capped_receive, send)

    def _message(self) -> str:
        return f"the request body is larger than the {self.limit / 1e6:g} MB limit"

    async def _refuse(self, send) -> None:
        body = json.dumps({"detail": self._message()}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
