"""A readable summary of a Document for a terminal: entities, places, times, events, attributions."""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from isnad.document import Document, Event, EventActor

MAX_CELL = 48


def render_text(doc: Document) -> str:
    """The Document as text for a terminal: a line of facts about it, its warnings, then tables of entities,
    places, times, events and attributions."""
    out: list[str] = []
    head = doc.title or (doc.text.strip().splitlines() or [""])[0]
    out.append(f"Document {doc.id}  {clip(head, 70)}")
    facts = [f"published {doc.published or 'unknown'}", f"language {doc.language or '?'}",
             f"{len(doc.sentences)} sentences", f"{len(doc.tokens) or '?'} tokens"]
    if doc.outlet:
        facts.insert(0, f"outlet {doc.outlet}")
    out.append("  " + " · ".join(facts))
    for w in doc.warnings:
        out.append(f"  warning: {w}")

    entities = [m for m in doc.mentions if m.label not in ("GPE", "LOC") or not m.place]
    out += section(
        "Entities",
        ["label", "text", "English", "country", "code", "found by"],
        [[m.label, m.text, _actor(m).get("en"), _actor(m).get("country"), _actor(m).get("code"), m.source]
         for m in entities],
    )
    places = [m for m in doc.mentions if m.place]
    out += section(
        "Places",
        ["text", "English", "kind", "country", "lat, lon", "precision"],
        [[m.text, m.place.en, m.place.kind, m.place.country, _coords(m.place.lat, m.place.lon), m.place.precision]
         for m in places],
    )
    out += section(
        "Times",
        ["text", "interval", "granularity", "anchor"],
        [[t.text, interval_text(t.interval_start, t.interval_end) + (" (vague)" if t.vague else ""),
          t.granularity, t.anchor] for t in doc.times],
    )
    out += section(
        "Events",
        ["#", "trigger", "CAMEO", "PLOVER", "source → target", "place", "time", "modality", "grade"],
        [event_row(e) for e in doc.events],
    )
    by_id = {a.id: a for a in doc.attributions}
    out += section(
        "Attributions",
        ["id", "cue", "source", "type", "rests on", "hedges"],
        [[a.id, a.cue.text, a.source.text if a.source else "—", a.source_type,
          _chain(a.parent or a.refers_to, by_id), ", ".join(h.text for h in a.hedges)]
         for a in doc.attributions],
    )
    return "\n".join(out) + "\n"


def _actor(m) -> dict:
    a = m.actor
    if a is None:
        return {"en": m.place.en if m.place else None, "country": m.place.country if m.place else None}
    return {"en": a.en, "country": a.country, "code": a.code}


def event_row(e: Event) -> list[str | None]:
    """The cells of an event's table row: id, trigger, CAMEO, PLOVER (with contexts), source → target, place,
    time, modality and Admiralty grade (B2)."""
    cameo = f"{e.cameo.code} {e.cameo.label or ''}".strip()
    plover = e.plover.type or ""
    if e.plover.contexts:
        plover += " [" + ",".join(e.plover.contexts) + "]"
    grade = None
    if e.credibility:
        grade = f"{e.credibility.source_reliability}{e.credibility.information_credibility}"
    place = e.place.en or e.place.text if e.place else None
    time = interval_text(e.time.interval_start, e.time.interval_end) if e.time else None
    return [e.id, e.trigger.text, cameo, plover, f"{_who(e.source)} → {_who(e.target)}", place, time,
            e.modality, grade]


def _who(a: EventActor | None) -> str:
    if a is None:
        return "—"
    if a.actor and a.actor.code:
        return a.actor.code
    return clip(a.text or "—", 20)


def _chain(ref: str | None, by_id: dict) -> str:
    seen = []
    while ref and ref in by_id and ref not in seen:
        seen.append(ref)
        a = by_id[ref]
        ref = a.parent or a.refers_to
    return " → ".join(seen) if seen else "—"


def interval_text(start: str | None, end: str | None) -> str:
    """An interval as text: one date, ``start … end``, or ``unresolved`` without a start."""
    if not start:
        return "unresolved"
    return start if start == end else f"{start} … {end}"


def _coords(lat: float | None, lon: float | None) -> str | None:
    return None if lat is None or lon is None else f"{lat:.2f}, {lon:.2f}"


def section(title: str, header: Sequence[str], rows: list[list[str | None]]) -> list[str]:
    """A titled table with its row count, each column padded to its widest cell (``none found`` when empty)."""
    lines = ["", f"{title} ({len(rows)})"]
    if not rows:
        return lines + ["  none found"]
    cells = [[clip("" if c is None else str(c), MAX_CELL) for c in row] for row in rows]
    widths = [max(width(r[i]) for r in [list(header), *cells]) for i in range(len(header))]
    for row in [list(header), *cells]:
        lines.append("  " + "  ".join(pad(c, w) for c, w in zip(row, widths)).rstrip())
    return lines


def width(s: str) -> int:
    """Columns a string takes in a terminal: combining marks (Arabic diacritics) take none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def pad(s: str, w: int) -> str:
    """``s`` followed by spaces up to ``w`` terminal columns (counted by :func:`width`, not by characters)."""
    return s + " " * (w - width(s))


def clip(s: str, n: int) -> str:
    """``s`` with its whitespace collapsed, cut to ``n`` characters with an ellipsis when longer."""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
