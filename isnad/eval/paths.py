"""Where the evaluation data is: the reference data and the project's gold files, each with a setting."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from isnad.errors import IsnadError

SHARED_SETTING = "ISNAD_SHARED_DATA"
GOLD_SETTING = "ISNAD_GOLD"
# a source checkout: the package sits beside tests/ and the reference data beside the project
CHECKOUT = Path(__file__).resolve().parents[2]


class EvalDataError(IsnadError):
    """The reference data or the gold files an evaluation reads are not where the settings point."""

    code = "E204"


def shared_data() -> Path:
    """The reference data folder: ``$ISNAD_SHARED_DATA``, else ``../shared/data`` beside a checkout."""
    path = Path(os.environ.get(SHARED_SETTING) or CHECKOUT.parent / "shared" / "data")
    if not path.is_dir():
        raise EvalDataError(f"reference data not found at {path}; set {SHARED_SETTING} to the folder that holds news/")
    return path


def gold_dir() -> Path:
    """The gold files: ``$ISNAD_GOLD``, else the checkout's ``tests/gold``."""
    path = Path(os.environ.get(GOLD_SETTING) or CHECKOUT / "tests" / "gold")
    if not path.is_dir():
        raise EvalDataError(f"gold files not found at {path}; set {GOLD_SETTING} to the folder that holds reading/")
    return path


def news_articles(ids: set[str] | None = None) -> dict[str, dict]:
    """The SaudiNewsNet articles of the reference data by id (only ``ids`` when given)."""
    path = shared_data() / "news" / "saudinewsnet_dev.jsonl.gz"
    if not path.is_file():
        raise EvalDataError(f"{path} is missing from the reference data")
    out: dict[str, dict] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if ids is None or a["id"] in ids:
                out[a["id"]] = a
    return out


def article_text(article: dict) -> str:
    """The headline as the first line, then the body (the body alone when it starts with the headline):
    the text the gold's offsets point into."""
    title, text = (article.get("title") or "").strip(), article["text"]
    if not title or text.lstrip().startswith(title):
        return text
    return f"{title}\n{text}"
