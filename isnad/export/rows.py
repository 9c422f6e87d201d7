"""Flat views of an event dict shared by the tabular exports (CSV, Parquet)."""
from __future__ import annotations

from typing import Any

# column name -> type, in output order
FLAT_COLUMNS: dict[str, str] = {
    "document_id": "str", "event_id": "str", "date": "str", "date_end": "str", "published": "str",
    "cameo": "str", "cameo_label": "str", "goldstein": "float", "quad_class": "int",
    "plover": "str", "plover_mode": "str", "plover_contexts": "str",
    "source_text": "str", "source_code": "str", "source_country": "str", "source_name": "str",
    "target_text": "str", "target_code": "str", "target_country": "str", "target_name": "str",
    "place": "str", "place_country": "str", "lat": "float", "lon": "float", "place_precision": "str",
    "modality": "str", "trigger": "str", "trigger_start": "int", "trigger_end": "int",
    "attributions": "str", "credibility": "str", "rule": "str", "title": "str", "url": "str",
}


def _actor(side: dict[str, Any] | None) -> tuple[Any, Any, Any, Any]:
    side = side or {}
    actor = side.get("actor") or {}
    return side.get("text"), actor.get("code"), actor.get("country"), actor.get("en") or actor.get("ar")


def event_date(ev: dict[str, Any]) -> tuple[str | None, str | None]:
    """The event's own interval, else the publication date (as the store filters on)."""
    t = ev.get("time") or {}
    start = t.get("interval_start") or t.get("interval_end") or ev.get("published")
    end = t.get("interval_end") or t.get("interval_start") or ev.get("published")
    return (start[:10] if start else None), (end[:10] if end else None)


def flat(ev: dict[str, Any]) -> dict[str, Any]:
    cameo = ev.get("cameo") or {}
    plover = ev.get("plover") or {}
    place = ev.get("place") or {}
    trigger = ev.get("trigger") or {}
    cred = ev.get("credibility") or {}
    s_text, s_code, s_country, s_name = _actor(ev.get("source"))
    t_text, t_code, t_country, t_name = _actor(ev.get("target"))
    start, end = event_date(ev)
    return {
        "document_id": ev.get("document_id"), "event_id": ev.get("id"), "date": start, "date_end": end,
        "published": ev.get("published"), "cameo": cameo.get("code"), "cameo_label": cameo.get("label"),
        "goldstein": cameo.get("goldstein"), "quad_class": cameo.get("quad_class"),
        "plover": plover.get("type"), "plover_mode": plover.get("mode"),
        "plover_contexts": ";".join(plover.get("contexts") or []) or None,
        "source_text": s_text, "source_code": s_code, "source_country": s_country, "source_name": s_name,
        "target_text": t_text, "target_code": t_code, "target_country": t_country, "target_name": t_name,
        "place": place.get("en") or place.get("ar") or place.get("text"), "place_country": place.get("country"),
        "lat": place.get("lat"), "lon": place.get("lon"), "place_precision": place.get("precision"),
        "modality": ev.get("modality"), "trigger": trigger.get("text"), "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"), "attributions": ";".join(ev.get("attributions") or []) or None,
        "credibility": "".join(str(cred.get(k, "")) for k in ("source_reliability", "information_credibility")) or None,
        "rule": (ev.get("evidence") or {}).get("rule"), "title": ev.get("document_title"), "url": ev.get("url"),
    }
