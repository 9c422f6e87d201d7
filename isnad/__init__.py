"""isnad: sourced event data from Arabic news — who did what to whom, where, when, and according to whom.

>>> import isnad
>>> doc = isnad.analyze("كشفت مصادر أن دبلوماسياً إيرانياً انشق في جنيف.", published="2026-01-20")
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

__version__ = "0.1.0"

from isnad.document import Document  # noqa: E402
from isnad.pipeline import Pipeline  # noqa: E402

__all__ = ["Document", "Pipeline", "analyze", "__version__"]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def analyze(text: str, published: str | None = None, **fields: Any) -> Document:
    """Analyse one article with the default pipeline (built on first use, then reused).

    ``published`` is the ISO publication date that relative times are resolved against; other keyword
    arguments (``title``, ``url``, ``outlet``, ``id``) are Document fields.
    """
    return _default_pipeline()(Document(text=text, published=published, **fields))
