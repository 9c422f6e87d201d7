"""The dashboard: static HTML, CSS and JavaScript modules served by :mod:`isnad.api` (no build step, no CDN)."""
from __future__ import annotations

from pathlib import Path


def static_dir() -> Path:
    """The folder of the dashboard's static files."""
    return Path(__file__).resolve().parent / "static"
