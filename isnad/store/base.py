"""The store contract shared by every backend: the :class:`Store` protocol, :class:`EventFilter`, and the
rows a Document is broken into (so SQLite and PostgreSQL store exactly the same thing).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from isnad.document import Document, Event, text_hash
from isnad.errors import IsnadError
from isnad.stories.features import TextKeys, text_keys
from isnad.stories.origins import credit
from isnad.store.terms import Terms
from isnad.text.normalise import Normaliser

if TYPE_CHECKING:
    from isnad.resources import Resources
    from isnad.store.copy_rows import CopyRows


class StoreError(IsnadError):
    code = "E301"


@dataclass(slots=True)
class EventFilter:
    """What to select; every field left as None selects everything."""

    actor: str | None = None  # country ISO-3 or actor code prefix; matches source or target
    cameo: str | None = None  # CAMEO code prefix, e.g. "14"
    plover: str | None = None  # PLOVER type, e.g. "PROTEST"
    since: str | None = None  # ISO date, on the event's interval (else the document's published date)
    until: str | None = None
    place: str | None = None  # ISO-3 country of the event's place
    modality: str | None = None
    document: str | None = None  # document id or hash
    text: str | None = None  # full-text query on the article

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


COUNT_CAP = 10_000  # a page's total is counted up to this many events (past the page itself)


@dataclass(slots=True)
class EventPage:
    """One page of events, as JSON texts, with how many events match in all."""

    total: int  # matching events, counted up to the cap
    exact: bool  # False: more than ``total`` match (the count stopped at its cap)
    items: list[str]  # each event's JSON object, as :func:`event_json` writes it

    def json(self, limit: int, offset: int) -> str:
        """The page as one JSON object ``{"total", "total_exact", "limit", "offset", "items"}``."""
        head = f'{{"total": {self.total}, "total_exact": {"true" if self.exact else "false"}, ' \
               f'"limit": {int(limit)}, "offset": {int(offset)}, "items": ['
        return head + ", ".join(self.items) + "]}"


@runtime_checkable
class Store(Protocol):
    """A collection of analysed documents; SQLite and PostgreSQL behave the same."""

    def add(self, doc: Document) -> str: ...  # "added" | "unchanged" | "replaced"

    def add_many(self, docs: Iterable[Document]) -> dict[str, int]: ...

    def has(self, hash: str, pipeline: str | None = None) -> bool: ...

    def document(self, doc_id: str) -> Document | None: ...

    def events(self, filter: EventFilter, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    def count_events(self, filter: EventFilter, cap: int | None = None) -> int: ...  # at most cap

    def events_page(self, filter: EventFilter, limit: int = 100, offset: int = 0,
                    count_cap: int | None = COUNT_CAP) -> EventPage: ...

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]: ...

    def search_page(self, query: str, limit: int = 20, offset: int = 0) -> list[str]: ...  # hits as JSON texts

    def actors(self, limit: int = 100) -> list[dict[str, Any]]: ...

    def places(self, limit: int = 100) -> list[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]: ...

    def generation(self) -> int | None: ...  # changes with every committed write

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


# --- rows: how a Document is laid out in tables (the same for every backend) ---------------------------

MIGRATION_NAME = re.compile(r"^(?P<backend>[a-z]+)-(?P<number>\d{3})-[\w-]+\.sql$")


@lru_cache(maxsize=4)
def migrations(backend: str) -> tuple[tuple[int, str], ...]:
    """The numbered SQL steps of ``backend`` (``isnad/store/schema/<backend>-NNN-name.sql``), in order."""
    from importlib import resources

    steps = []
    for entry in resources.files("isnad.store.schema").iterdir():
        m = MIGRATION_NAME.match(entry.name)
        if m and m["backend"] == backend:
            steps.append((int(m["number"]), entry.read_text(encoding="utf-8")))
    return tuple(sorted(steps))


def actor_key(actor: Any) -> str | None:
    """The identity of an actor in the actors table: its code, else country and name."""
    if actor is None:
        return None
    if actor.code:
        return actor.code
    name = actor.en or actor.ar
    if not name:
        return actor.country
    return f"{actor.country or ''}|{name}"


def place_key(place: dict[str, Any] | None) -> str | None:
    if not place:
        return None
    if place.get("geonames_id"):
        return f"gn:{place['geonames_id']}"
    name = place.get("en") or place.get("ar")
    if not name:
        return place.get("country")
    return f"{place.get('country') or ''}|{name}"


def event_dates(ev: Event, published: str | None) -> tuple[str | None, str | None]:
    """The interval an event is filtered and sorted on: its own time, else the publication date."""
    t = ev.time
    start = (t and (t.interval_start or t.interval_end)) or published
    end = (t and (t.interval_end or t.interval_start)) or published
    return (start[:10] if start else None), (end[:10] if end else None)


@dataclass(slots=True)
class Rows:
    """Everything stored for one Document, as plain tuples in table column order."""

    document: dict[str, Any]
    mentions: list[tuple[Any, ...]]
    times: list[tuple[Any, ...]]
    attributions: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    event_attributions: list[tuple[Any, ...]]  # (doc, event seq, attribution id): what each event rests on
    actors: dict[str, tuple[Any, ...]]
    places: dict[str, tuple[Any, ...]]
    terms: list[str]
    article: dict[str, Any] = field(default_factory=dict)  # its articles row (see article_row)
    text: str = ""  # the article's text, for the alignment of copies
    stories: TextKeys | None = None  # what the cross-article layer keeps of it
    credit: str | None = None  # the agency its text credits
    grades: dict[int, int] = field(default_factory=dict)  # its events' own information grades
    # the big tables' rows and the terms in PostgreSQL's COPY form, made by the worker (those lists are
    # then empty): see isnad.store.copy_rows
    copy: CopyRows | None = None


def article_row(doc: Document) -> dict[str, Any]:
    """The articles row of one received Document (its text stored under ``doc.hash``)."""
    return {"id": doc.id or doc.hash, "doc": doc.hash, "outlet": doc.outlet, "url": doc.url, "title": doc.title,
            "published": doc.published[:10] if doc.published else None}


DOCUMENT_COLUMNS = ("hash", "id", "url", "outlet", "title", "published", "language", "pipeline", "events", "data")
MENTION_COLUMNS = ("doc", "seq", "start", "stop", "text", "label", "source", "actor", "place")
TIME_COLUMNS = ("doc", "seq", "start", "stop", "text", "interval_start", "interval_end", "granularity", "vague", "anchor")
ATTRIBUTION_COLUMNS = ("doc", "id", "cue", "source", "source_type", "description", "outlet", "parent", "seq")
EVENT_COLUMNS = (
    "doc", "seq", "id", "cameo", "plover", "goldstein", "quad_class", "source_actor", "source_code",
    "source_country", "target_actor", "target_code", "target_country", "place", "place_country", "modality",
    "date_start", "date_end", "data",
)
EVENT_ATTRIBUTION_COLUMNS = ("doc", "seq", "attribution")
DOCUMENT_TYPE_COLUMNS = ("doc", "plover", "published", "events")
ACTOR_COLUMNS = ("key", "code", "country", "en", "ar", "sectors")
PLACE_COLUMNS = ("key", "en", "ar", "kind", "country", "lat", "lon", "geonames_id", "precision")


def _actor_row(actors: dict[str, tuple[Any, ...]], actor: Any) -> str | None:
    k = actor_key(actor)
    if k and k not in actors:
        actors[k] = (k, actor.code, actor.country, actor.en, actor.ar, " ".join(actor.sectors) or None)
    return k


def _place_row(places: dict[str, tuple[Any, ...]], place: dict[str, Any] | None) -> str | None:
    k = place_key(place)
    if k and place and k not in places:
        places[k] = (
            k, place.get("en"), place.get("ar"), place.get("kind"), place.get("country"), place.get("lat"),
            place.get("lon"), place.get("geonames_id"), place.get("precision"),
        )
    return k


def document_rows(doc: Document, resources: Resources) -> Rows:
    """Break an analysed Document into the rows of every table (the JSON of the whole Document included),
    with its search terms and what the cross-article layer keeps of it."""
    terms = resources.terms

    h = doc.hash
    data = doc.to_dict()  # converted once: the event and place JSON below are pieces of it
    actors: dict[str, tuple[Any, ...]] = {}
    places: dict[str, tuple[Any, ...]] = {}
    mentions = []
    for i, (m, md) in enumerate(zip(doc.mentions, data["mentions"])):
        a = _actor_row(actors, m.actor)
        p = _place_row(places, md.get("place"))
        mentions.append((h, i, m.start, m.end, m.text, m.label, m.source, a, p))
    times = [
        (h, i, t.start, t.end, t.text, t.interval_start, t.interval_end, t.granularity, t.vague, t.anchor)
        for i, t in enumerate(doc.times)
    ]
    attributions = [
        (h, a.id, a.cue.text, a.source.text if a.source else None, a.source_type, a.description, a.outlet, a.parent, i)
        for i, a in enumerate(doc.attributions)
    ]
    events = []
    event_attributions = []
    for i, (ev, ed) in enumerate(zip(doc.events, data["events"])):
        src = ev.source.actor if ev.source else None
        tgt = ev.target.actor if ev.target else None
        start, end = event_dates(ev, doc.published)
        cameo = ed.get("cameo") or {}  # the JSON form: the rows hold what the JSON holds
        events.append((
            h, i, ev.id, cameo.get("code"), (ed.get("plover") or {}).get("type"), cameo.get("goldstein"),
            cameo.get("quad_class"),
            _actor_row(actors, src), src.code if src else None, src.country if src else None,
            _actor_row(actors, tgt), tgt.code if tgt else None, tgt.country if tgt else None,
            _place_row(places, ed.get("place")), ev.place.country if ev.place else None, ev.modality, start, end,
            json.dumps(ed, ensure_ascii=False),
        ))
        event_attributions += [(h, i, a) for a in dict.fromkeys(ev.attributions)]
    document = {
        "hash": h, "id": doc.id or h, "url": doc.url, "outlet": doc.outlet, "title": doc.title,
        "published": doc.published[:10] if doc.published else None, "language": doc.language,
        "pipeline": doc.pipeline, "events": len(doc.events),
        # the events are kept once, in the events table; Store.document puts them back
        "data": json.dumps({k: v for k, v in data.items() if k != "events"}, ensure_ascii=False),
    }
    words = terms.document_terms(" ".join(filter(None, [doc.title, doc.text])))
    keys = text_keys(doc, terms, [(r[16], r[17]) for r in events], [r[13] for r in events])
    grades = {i: ev.credibility.information_credibility for i, ev in enumerate(doc.events) if ev.credibility}
    return Rows(document, mentions, times, attributions, events, event_attributions, actors, places, words,
                article_row(doc), doc.text, keys, credit(doc, resources), grades)


def document_types(rows: Rows) -> list[tuple[Any, ...]]:
    """The document's events counted per PLOVER type ('' for none), with its publication date."""
    doc = rows.document
    counts = Counter(e[4] or "" for e in rows.events)  # e[4]: the plover column of EVENT_COLUMNS
    return [(doc["hash"], plover, doc["published"], n) for plover, n in counts.items()]


def stored_rows(doc: Document) -> Rows:
    """The rows of a Document whose text is stored by its pipeline already: its identity and its article."""
    return Rows({"hash": doc.hash, "pipeline": doc.pipeline}, [], [], [], [], [], {}, {}, [], article_row(doc))


def prepare(doc: Document, normaliser: Normaliser) -> Document:
    """Give a Document its identity (hash, id) if no pipeline has: the store needs both."""
    if not doc.hash:
        doc.hash = text_hash(normaliser.normalise(doc.text)[0])
    if not doc.id:
        doc.id = doc.hash
    return doc


def filter_sql(f: EventFilter, ph: str, text_clause: Callable[[list[str]], tuple[str, Any]],
               terms: Terms) -> tuple[str, list[Any]]:
    """The WHERE clause (over events ``e`` alone) for a filter.

    ``ph`` is the backend's parameter placeholder; ``text_clause`` gives, for the query terms (see
    :meth:`isnad.store.terms.Terms.query_terms`), the backend's full-text condition on ``e`` and its one parameter.
    """
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        # a code prefix as a range (IRN ≤ code < IRO), which both databases answer from an index; a country
        # code also matches actors of that country whatever their code
        a = f.actor.strip().upper()
        lo, hi = _prefix_range(a)
        cond = f"(e.source_code >= {ph} AND e.source_code < {ph}) OR (e.target_code >= {ph} AND e.target_code < {ph})"
        params += [lo, hi, lo, hi]
        if len(a) == 3:
            cond += f" OR e.source_country = {ph} OR e.target_country = {ph}"
            params += [a, a]
        where.append(f"({cond})")
    if f.cameo:
        lo, hi = _prefix_range(f.cameo.strip())
        where.append(f"e.cameo >= {ph} AND e.cameo < {ph}")
        params += [lo, hi]
    if f.plover:
        where.append(f"e.plover = {ph}")
        params.append(f.plover.strip().upper())
    if f.since:
        where.append(f"e.date_end >= {ph}")
        params.append(f.since[:10])
    if f.until:
        where.append(f"e.date_start <= {ph}")
        params.append(f.until[:10])
    if f.place:
        where.append(f"e.place_country = {ph}")
        params.append(f.place.strip().upper())
    if f.modality:
        where.append(f"e.modality = {ph}")
        params.append(f.modality.strip().lower())
    if f.document:
        where.append(f"e.doc IN (SELECT hash FROM documents WHERE id = {ph} OR hash = {ph})")
        params += [f.document, f.document]
    words = terms.query_terms(f.text) if f.text else []
    if words:
        clause, param = text_clause(words)
        where.append(clause)
        params.append(param)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _prefix_range(prefix: str) -> tuple[str, str]:
    """Bounds ``[lo, hi)`` of the strings that start with ``prefix`` (codes are ASCII)."""
    if not prefix:
        return "", "\U0010ffff"
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


STORY_KEYS = ("id", "mentions", "articles", "outlets", "origins", "grade")


def story_of(row: tuple[Any, ...]) -> dict[str, Any] | None:
    """The ``story`` of an event (its cluster across articles) from (id, mentions, articles, outlets, origins,
    grade) columns; None when the event is in no cluster."""
    return dict(zip(STORY_KEYS, row)) if row and row[0] else None


def event_dict(data: str | dict[str, Any], doc_id: str, title: str | None, published: str | None,
               url: str | None, story: dict[str, Any] | None = None, outlet: str | None = None) -> dict[str, Any]:
    """An event as returned by ``Store.events``: the Event's JSON plus where it comes from (the article's
    outlet and url as given) and the story (cluster of reports across articles) it belongs to."""
    import json

    out = json.loads(data) if isinstance(data, str) else dict(data)
    out.update(document_id=doc_id, document_title=title, published=published, url=url, outlet=outlet, story=story)
    return out


def event_json(data: str, doc_id: str, title: str | None, published: str | None, url: str | None,
               story: dict[str, Any] | None = None, outlet: str | None = None) -> str:
    """:func:`event_dict` as JSON text, made from the stored JSON text without parsing it: the keys of the
    document are written into the event's object (a page of a thousand events need not be decoded)."""
    import json

    tail = json.dumps({"document_id": doc_id, "document_title": title, "published": published, "url": url,
                       "outlet": outlet, "story": story}, ensure_ascii=False)
    body = data.rstrip()[:-1].rstrip()  # the event's object without its closing brace
    return body + ("" if body == "{" else ", ") + tail[1:]


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
