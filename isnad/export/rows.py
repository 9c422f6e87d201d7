"""Flat views of an event dict shared by the tabular exports (CSV, Parquet, GeoJSON properties), and the
event's day that every format uses."""
from __future__ import annotations

from datetime import date
from typing import Any

# An event's own dates give its day only when its span is at most this long; a longer span (عام 2009،
# منذ سنوات) says when something went on, not the day it happened, so the publication date stands in.
SHORT_SPAN_DAYS = 31

# column name -> type (str, date, int, float, or strs: a list of strings), in output order
FLAT_COLUMNS: dict[str, str] = {
    "document_id": "str", "event_id": "str", "date": "date", "published": "date",
    "time_text": "str", "time_start": "date", "time_end": "date", "time_granularity": "str",
    "outlet": "str", "url": "str", "title": "str",
    "cameo": "str", "cameo_label": "str", "goldstein": "float", "quad_class": "int",
    "plover": "str", "plover_mode": "str", "plover_contexts": "strs",
    "source_text": "str", "source_code": "str", "source_country": "str", "source_name": "str",
    "target_text": "str", "target_code": "str", "target_country": "str", "target_name": "str",
    "place": "str", "place_country": "str", "place_adm1": "str", "lat": "float", "lon": "float", "place_precision": "str",
    "place_origin": "str",
    "killed": "int", "injured": "int", "arrested": "int",
    "modality": "str", "trigger": "str", "trigger_start": "int", "trigger_end": "int", "sentence": "int",
    "attributions": "strs", "credibility": "str", "source_reliability": "str", "information_credibility": "int",
    "credibility_reasons": "strs", "rule": "str", "score": "float",
    "story": "str", "story_mentions": "int", "story_articles": "int", "story_outlets": "int",
}


def _actor(side: dict[str, Any] | None) -> tuple[Any, Any, Any, Any]:
    side = side or {}
    actor = side.get("actor") or {}
    return side.get("text"), actor.get("code"), actor.get("country"), actor.get("en") or actor.get("ar")


def _iso(value: str | None) -> str | None:
    return value[:10] if value else None


def time_span(ev: dict[str, Any]) -> dict[str, Any] | None:
    """The event's time as the text states it: the words, the interval they give, its granularity."""
    t = ev.get("time") or {}
    start, end = _iso(t.get("interval_start")), _iso(t.get("interval_end"))
    if not (start or end):
        return None
    return {"text": t.get("text"), "start": start or end, "end": end or start,
            "granularity": t.get("granularity"), "vague": bool(t.get("vague"))}


def event_day(ev: dict[str, Any]) -> str | None:
    """The day of the event (ISO): the start of its own span when that span is short (a day, a week, up to
    :data:`SHORT_SPAN_DAYS`), else the publication date; None when neither is known."""
    span = time_span(ev)
    if span:
        start, end = date.fromisoformat(span["start"]), date.fromisoformat(span["end"])
        if (end - start).days < SHORT_SPAN_DAYS:
            return span["start"]
    return _iso(ev.get("published")) or None


def flat(ev: dict[str, Any]) -> dict[str, Any]:
    """One event as the values of :data:`FLAT_COLUMNS` (dates as ISO strings, lists as lists)."""
    cameo = ev.get("cameo") or {}
    plover = ev.get("plover") or {}
    place = ev.get("place") or {}
    trigger = ev.get("trigger") or {}
    cred = ev.get("credibility") or {}
    story = ev.get("story") or {}
    counts = ev.get("fatalities") or {}
    span = time_span(ev) or {}
    s_text, s_code, s_country, s_name = _actor(ev.get("source"))
    t_text, t_code, t_country, t_name = _actor(ev.get("target"))
    grade = f"{cred.get('source_reliability') or ''}{cred.get('information_credibility') or ''}"
    return {
        "document_id": ev.get("document_id"), "event_id": ev.get("id"), "date": event_day(ev),
        "published": _iso(ev.get("published")), "time_text": span.get("text"), "time_start": span.get("start"),
        "time_end": span.get("end"), "time_granularity": span.get("granularity"),
        "outlet": ev.get("outlet"), "url": ev.get("url"), "title": ev.get("document_title"),
        "cameo": cameo.get("code"), "cameo_label": cameo.get("label"),
        "goldstein": cameo.get("goldstein"), "quad_class": cameo.get("quad_class"),
        "plover": plover.get("type"), "plover_mode": plover.get("mode"), "plover_contexts": plover.get("contexts") or [],
        "source_text": s_text, "source_code": s_code, "source_country": s_country, "source_name": s_name,
        "target_text": t_text, "target_code": t_code, "target_country": t_country, "target_name": t_name,
        "place": place.get("en") or place.get("ar") or place.get("text"), "place_country": place.get("country"),
        "place_adm1": place.get("adm1"), "lat": place.get("lat"), "lon": place.get("lon"), "place_precision": place.get("precision"),
        "place_origin": place.get("origin"),
        **{k: counts.get(k) for k in ("killed", "injured", "arrested")},
        "modality": ev.get("modality"), "trigger": trigger.get("text"), "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"), "sentence": ev.get("sentence"),
        "attributions": ev.get("attributions") or [], "credibility": grade or None,
        "source_reliability": cred.get("source_reliability"),
        "information_credibility": cred.get("information_credibility"),
        "credibility_reasons": cred.get("reasons") or [],
        "rule": (ev.get("evidence") or {}).get("rule"), "score": (ev.get("evidence") or {}).get("score"),
        "story": story.get("id"), "story_mentions": story.get("mentions"), "story_articles": story.get("articles"),
        "story_outlets": story.get("outlets"),
    }
