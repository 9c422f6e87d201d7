"""PLOVER JSON export: a JSON array of event records in PLOVER terms (event type, mode, context; source
and target actors with country and sector; location; date) with the CAMEO coding and the text behind it."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from isnad.export.rows import event_date


def _actor(side: dict[str, Any] | None) -> dict[str, Any] | None:
    if not side:
        return None
    actor = side.get("actor") or {}
    return {
        "name": actor.get("en") or actor.get("ar") or side.get("text"),
        "name_ar": actor.get("ar"),
        "text": side.get("text"),
        "country": actor.get("country"),
        "sector": actor.get("sectors") or [],
        "code": actor.get("code"),
    }


def record(ev: dict[str, Any]) -> dict[str, Any]:
    plover = ev.get("plover") or {}
    place = ev.get("place") or {}
    start, end = event_date(ev)
    return {
        "id": f"{ev.get('document_id')}-{ev.get('id')}",
        "date": start,
        "date_end": end,
        "event_type": plover.get("type"),
        "mode": plover.get("mode"),
        "context": plover.get("contexts") or [],
        "source": _actor(ev.get("source")),
        "target": _actor(ev.get("target")),
        "location": {
            "name": place.get("en") or place.get("ar") or place.get("text"),
            "country": place.get("country"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "geonames_id": place.get("geonames_id"),
            "precision": place.get("precision"),
        } if place else None,
        "modality": ev.get("modality"),
        "cameo": ev.get("cameo"),
        "text": (ev.get("trigger") or {}).get("text"),
        "attributions": ev.get("attributions") or [],
        "credibility": ev.get("credibility"),
        "story": ev.get("story"),  # the cluster of reports of this event across articles
        "document": {"id": ev.get("document_id"), "title": ev.get("document_title"),
                     "published": ev.get("published"), "url": ev.get("url")},
    }


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    """A JSON array, written record by record."""
    fh.write("[\n")
    n = 0
    for ev in events:
        fh.write((",\n" if n else "") + json.dumps(record(ev), ensure_ascii=False))
        n += 1
    fh.write("\n]\n")
    return n
