"""What the cross-article layer keeps of an analysed text: its fingerprint and, per event, what tells one
real-world event from another (kind of act, actors, place, days, the words of its sentence).

Computed where the document is analysed (a worker of an ingest), so the single writer only compares.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from isnad.document import Document, Event
from isnad.stories import fingerprint as fp
from isnad.stories.fingerprint import Fingerprint, Words
from isnad.store.terms import Terms

RECENT_DAYS = 7  # an act dated further back than this before its article is history: clustered by the article's day
MIN_TERM = 3  # letters: shorter terms are particles
MAX_TERMS = 40  # per event: its sentence's distinct terms, the longest first


@dataclass(slots=True)
class EventKey:
    """The parts of an event that identify the act it reports."""

    seq: int
    code: str
    root: str
    start: str | None  # ISO dates: the event's interval, else the article's date
    end: str | None
    actors: list[str]  # names and specific codes of its source and target
    countries: list[str]
    place: str | None  # place key
    place_country: str | None
    modality: str | None
    terms: list[str]
    killed: int | None = None  # the toll the report states


@dataclass(slots=True)
class TextKeys:
    fingerprint: Fingerprint
    events: list[EventKey]
    # its words, as the fingerprint read them: the writer aligns them with its copies' without reading
    # the text again
    words: Words | None = None


def actor_names(ev: Event) -> tuple[list[str], list[str]]:
    """Names and specific codes (a country's bare government code says little) and countries of an event's
    source and target."""
    names: list[str] = []
    countries: list[str] = []
    for arg in (ev.source, ev.target):
        actor = arg.actor if arg else None
        if actor is None:
            continue
        if actor.id:
            names.append(actor.id)
        if actor.en and actor.evidence != "implied":
            names.append(actor.en.lower())
        if actor.code and len(actor.code) > 6:
            names.append(actor.code)
        if actor.country:
            countries.append(actor.country)
    return sorted(set(names)), sorted(set(countries))


def news_days(interval: tuple[str | None, str | None], published: str | None) -> tuple[str | None, str | None]:
    """The days an event is news: its own interval when it ends near its article's date, else that date
    (a background fact of 1985 is not what the article reports)."""
    start, end = interval
    try:
        day = date.fromisoformat(published[:10]) if published else None
        last = date.fromisoformat((end or start or "")[:10]) if (end or start) else None
    except ValueError:
        return start, end
    if day is None:
        return start, end
    try:
        earliest, latest = day - timedelta(days=RECENT_DAYS), day + timedelta(days=1)
    except OverflowError:  # an article dated at the calendar's ends: it has no window around it
        return day.isoformat(), day.isoformat()
    if last is None or not earliest <= last <= latest:
        return day.isoformat(), day.isoformat()
    return max(start or "", earliest.isoformat()), end


def text_keys(doc: Document, terms: Terms, dates: list[tuple[str | None, str | None]],
              places: list[str | None]) -> TextKeys:
    """The fingerprint of ``doc`` and the keys of its events; ``dates`` and ``places`` are each event's
    stored interval and place key (as the store computed them)."""
    sentences = doc.sentences
    events = []
    for i, ev in enumerate(doc.events):
        if not ev.cameo:
            continue
        span = sentences[ev.sentence] if ev.sentence is not None and ev.sentence < len(sentences) else None
        words = terms.document_terms(doc.text[span.start : span.end]) if span else []
        kept = sorted({w for w in words if len(w) >= MIN_TERM}, key=lambda w: (-len(w), w))[:MAX_TERMS]
        names, countries = actor_names(ev)
        start, end = news_days(dates[i], doc.published)
        events.append(EventKey(
            seq=i, code=ev.cameo.code, root=ev.cameo.code[:2], start=start, end=end,
            actors=names, countries=countries, place=places[i],
            place_country=ev.place.country if ev.place else None, modality=ev.modality, terms=sorted(kept),
            killed=(ev.fatalities or {}).get("killed"),
        ))
    found = fp.words(doc.text, terms.normaliser)
    return TextKeys(fp.fingerprint(doc.text, terms.normaliser, found), events, found)
