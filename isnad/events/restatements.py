"""Folding restatements: news repeats itself. A headline event that the body tells again is dropped, and
an event told twice (same code, same source, same historical status, compatible targets) is kept once,
with the later triggers listed as ``restated`` in its evidence."""
from __future__ import annotations

from isnad.document import Document, Event


def _key(ev: Event) -> tuple[str, str | None, bool]:
    src = ev.source.actor if ev.source and ev.source.actor else None
    return ev.cameo.code, (src.code or src.country) if src else None, ev.modality == "historical"


def fold(events: list[Event], doc: Document) -> list[Event]:
    """Drop headline events the body repeats, and fold restatements of the same event into the first."""
    headings = {i for i, s in enumerate(doc.sentences) if s.heading}
    body_codes = {ev.cameo.code for ev in events if ev.sentence not in headings}
    kept: list[Event] = []
    for ev in events:
        if ev.sentence in headings and ev.cameo.code in body_codes:
            continue
        same = next((k for k in kept if _key(k) == _key(ev) and _compatible(k, ev)), None)
        if same is not None:
            same.evidence.setdefault("restated", []).append([ev.trigger.start, ev.trigger.end])
            if same.target is None and ev.target is not None:
                same.target = ev.target
            continue
        kept.append(ev)
    return kept


def _compatible(a: Event, b: Event) -> bool:
    """Same event told twice: targets agree or one is missing; in one sentence a missing source agrees too."""
    ta = a.target.actor.country if a.target and a.target.actor else None
    tb = b.target.actor.country if b.target and b.target.actor else None
    return ta is None or tb is None or ta == tb
