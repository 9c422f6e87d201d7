"""The HTTP API and the dashboard: ``create_app(store_url, token)`` builds the FastAPI application.

Reads are open; writes (``POST /api/documents``) need ``Authorization: Bearer <token>``.
FastAPI is imported only when an app is built, so that ``isnad --help`` stays fast.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from isnad.api.answers import DEFAULT_BUDGET

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(store_url: str | None = None, token: str | None = None, max_bytes: int | None = None,
               answer_bytes: int = DEFAULT_BUDGET) -> FastAPI:
    """An app over the store at ``store_url`` (None: ``$ISNAD_DB`` or the default file); see :mod:`isnad.api.app`."""
    from isnad.api.app import create_app as build

    return build(store_url, token, max_bytes, answer_bytes)
