"""The HTTP API and the dashboard: ``create_app(store_url, token)`` builds the FastAPI application.

Reads are open; writes (``POST /api/documents``) need ``Authorization: Bearer <token>``.
"""
from __future__ import annotations

from isnad.api.app import create_app

__all__ = ["create_app"]
