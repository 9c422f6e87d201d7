"""PLOVER JSON export: a JSON array of event records in PLOVER terms (event type, mode, context; source
and target actors with country and sector; location; date and the time span the text gives) with the
CAMEO coding, the text behind it and the article (title, date, outlet, url).

Only events with a PLOVER type are PLOVER records: CAMEO's statements (01: make a public statement,
consider policy options, make an empathetic comment…) have no PLOVER type in the CAMEO→PLOVER table,
so they are left out and counted by their CAMEO code."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from isnad.export import Written
from isnad.export.rows import event_day, time_span


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
    """The PLOVER record of one event as the store returns it; its id is ``<document id>-<event id>``."""
    plover = ev.get("plover") or {}
    place = ev.get("place") or {}
    return {
        "id": f"{ev.get('document_id')}-{ev.get('id')}",
        "date": event_day(ev),
        "time": time_span(ev),  # what the text says of when: its words, interval and granularity
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
            "origin": place.get("origin"),
        } if place else None,
        "modality": ev.get("modality"),
        "cameo": ev.get("cameo"),
        "text": (ev.get("trigger") or {}).get("text"),
        "attributions": ev.get("attributions") or [],
        "credibility": ev.get("credibility"),
        "story": ev.get("story"),  # the cluster of reports of this event across articles
        "document": {"id": ev.get("document_id"), "title": ev.get("document_title"),
                     "published": ev.get("published"), "outlet": ev.get("outlet"), "url": ev.get("url")},
    }


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> Written:
    """A JSON array, written record by record."""
    fh.write("[\n")
    done = Written()
    for ev in events:
        if not (ev.get("plover") or {}).get("type"):
            done.skipped[f"no PLOVER type for CAMEO {(ev.get('cameo') or {}).get('code')}"] += 1
            continue
        fh.write((",\n" if done.written else "") + json.dumps(record(ev), ensure_ascii=False))
        done.written += 1
    fh.write("\n]\n")
    return done
