"""Read-only summaries of the selected events for the dashboard: counts per day and type, and per place.

They take any SQL store (SQLite or PostgreSQL) and the same :class:`EventFilter` as ``Store.events``, and
answer with one grouped query each, so that a view of 100,000 events does not move the events themselves.
"""
from __future__ import annotations

from typing import Any

from isnad.store.base import EventFilter, event_dict, filter_sql


def _where(store: Any, f: EventFilter) -> tuple[str, list[Any]]:
    return filter_sql(f, store.ph, store.event_text_clause, store.terms)


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


def day_counts(store: Any, f: EventFilter, by: str = "event") -> dict[str, list[list[Any]]]:
    """The matching events per day: ``bars`` as ``[day, PLOVER type ("" when none), events]`` by the date ``by``
    names, and ``line`` as ``[day, events]`` by the other one. The ``event`` date is the start of the event's
    interval (else the publication date); ``published`` is the article's date."""
    where, params = _where(store, f)
    q = store.query
    per_article = (f"FROM events e JOIN documents d ON {store.event_document}"
                   f"{_and(where, 'd.published IS NOT NULL')} GROUP BY d.published")
    per_event = f"FROM events e{_and(where, 'e.date_start IS NOT NULL')} GROUP BY e.date_start"
    if by == "published":
        if where or not store.summaries_on:
            bars = q(f"SELECT d.published, COALESCE(e.plover, ''), COUNT(*) {per_article}, e.plover ORDER BY 1, 2", params)
        else:  # without a filter, the articles' own counts per type say it
            bars = q("SELECT published, plover, SUM(events) FROM document_types WHERE published IS NOT NULL "
                     "GROUP BY published, plover ORDER BY 1, 2")
        line = q(f"SELECT e.date_start, COUNT(*) {per_event} ORDER BY 1", params)
    else:
        bars = q(f"SELECT e.date_start, COALESCE(e.plover, ''), COUNT(*) {per_event}, e.plover ORDER BY 1, 2", params)
        if where:
            line = q(f"SELECT d.published, COUNT(*) {per_article} ORDER BY 1", params)
        else:  # every event counted by its article's date: the articles' own event counts say it
            line = q("SELECT published, SUM(events) FROM documents WHERE published IS NOT NULL GROUP BY published ORDER BY 1")
    return {"by": by, "bars": [[r[0][:10], r[1], int(r[2])] for r in bars],
            "line": [[r[0][:10], int(r[1])] for r in line if r[1]]}


def place_counts(store: Any, f: EventFilter) -> list[dict[str, Any]]:
    """The places of the matching events that have coordinates, one row per place and origin (``stated`` in
    the event's sentence, named elsewhere in the ``article``, or ``inferred`` as its most named country)."""
    where, params = _where(store, f)
    # the same expression as the index events_place_origin: the counts come from the index alone
    origin = store.json_field("e.data", "place", "origin")
    rows = store.query(
        "SELECT p.key, p.en, p.ar, p.country, p.lat, p.lon, p.precision, x.origin, x.n FROM ("
        f"SELECT e.place AS place, {origin} AS origin, COUNT(*) AS n FROM events e{_and(where, 'e.place IS NOT NULL')} "
        f"GROUP BY e.place, {origin}) x JOIN places p ON p.key = x.place WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL",
        params)
    # in the order of the keys, whatever order the backend grouped them in
    return [{"key": r[0], "en": r[1], "ar": r[2], "country": r[3], "lat": r[4], "lon": r[5], "precision": r[6],
             "origin": r[7] or "stated", "events": int(r[8])} for r in sorted(rows, key=lambda r: (r[0], r[7] or ""))]


def place_events(store: Any, f: EventFilter, place: str, limit: int = 50) -> list[dict[str, Any]]:
    """The newest matching events at the place whose key is ``place``, as ``Store.events`` gives them."""
    where, params = _where(store, f)
    ph = store.ph
    rows = store.query(
        f"SELECT {store.json_text('e.data')}, d.id, d.title, d.published, d.url FROM events e "
        f"JOIN documents d ON d.hash = e.doc{_and(where, f'e.place = {ph}')} "
        f"ORDER BY e.date_start DESC, e.doc, e.seq LIMIT {ph}", [*params, place, int(limit)])
    return [event_dict(store.load_json(r[0]), r[1], r[2], r[3], r[4]) for r in rows]
