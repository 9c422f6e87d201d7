"""What keeps the API and the dashboard safe: response headers and the write token (hosts: :mod:`isnad.api.hosts`)."""
from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

# Article text is hostile: the dashboard loads nothing but its own files, and never inline script.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` to every HTTP response (plain ASGI: no per-request task)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def require_token(request: Request) -> None:
    """Dependency of every write: the operator's token must be configured and presented."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with --token or ISNAD_TOKEN to allow them")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is needed to write",
                            headers={"WWW-Authenticate": "Bearer"})
