"""Which stored cluster an event belongs to: the same kind of act, by the same actors, at the same place, in
the same days, told in the same words.

An event may join a cluster of its CAMEO root whose days reach within ``WINDOW_DAYS`` of its own. The
score adds the share of its sentence's terms that the cluster's reports use (names of people and places
carry most of it), a shared named actor, the same full code, and a copy of one of the cluster's texts; a
place in another country rules the cluster out. The best cluster scoring ``JOIN`` or more is joined;
otherwise the event starts a cluster of its own.
"""
from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from isnad.stories.features import EventKey

WINDOW_DAYS = 1
JOIN = 0.35
TERMS_WEIGHT, ACTOR_WEIGHT, CODE_WEIGHT, FAMILY_WEIGHT = 1.0, 0.25, 0.1, 0.4
KEPT_TERMS = 120  # a cluster remembers its most used terms
BUCKETS = 96  # (root, day) buckets of clusters kept in memory by one writer: about the last four days


@dataclass(slots=True)
class ClusterKey:
    """What a cluster's members have in common, kept with the cluster (JSON in its ``data``)."""

    terms: Counter[str] = field(default_factory=Counter)
    actors: set[str] = field(default_factory=set)
    codes: Counter[str] = field(default_factory=Counter)
    places: set[str] = field(default_factory=set)  # countries of its members' places
    families: set[str] = field(default_factory=set)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ClusterKey:
        """The key as stored in a cluster's ``data`` (the inverse of :meth:`as_dict`)."""
        return cls(Counter(d.get("terms") or {}), set(d.get("actors") or ()), Counter(d.get("codes") or {}),
                   set(d.get("places") or ()), set(d.get("families") or ()))

    def as_dict(self) -> dict[str, Any]:
        """The key as JSON for the store, keeping only the ``KEPT_TERMS`` most used terms."""
        return {"terms": dict(self.terms.most_common(KEPT_TERMS)), "actors": sorted(self.actors),
                "codes": dict(self.codes), "places": sorted(self.places), "families": sorted(self.families)}

    def add(self, ev: EventKey, family: str | None) -> None:
        """Adds a member event (and its copy family) to the key."""
        self.terms.update(ev.terms)
        if len(self.terms) > KEPT_TERMS:  # what the store keeps, so a cluster read back scores the same
            self.terms = Counter(dict(self.terms.most_common(KEPT_TERMS)))
        self.actors.update(ev.actors)
        self.codes[ev.code] += 1
        if ev.place_country:
            self.places.add(ev.place_country)
        if family:
            self.families.add(family)


def window(ev: EventKey) -> tuple[str, str] | None:
    """The days a cluster must reach for ``ev`` to join it, or None for an undated event."""
    if not ev.start:
        return None
    try:
        lo, hi = date.fromisoformat(ev.start[:10]), date.fromisoformat((ev.end or ev.start)[:10])
    except ValueError:
        return None
    pad = timedelta(days=WINDOW_DAYS)
    # held inside the calendar: an article may be dated on its first or last day
    return (lo - pad if lo - date.min > pad else date.min).isoformat(), \
        (hi + pad if date.max - hi > pad else date.max).isoformat()


def score(ev: EventKey, key: ClusterKey, family: str | None) -> float:
    """How well ``ev`` fits a cluster; 0 when a place in another country rules it out."""
    if ev.place_country and key.places and ev.place_country not in key.places:
        return 0.0
    s = 0.0
    if ev.terms:
        s += TERMS_WEIGHT * sum(1 for t in ev.terms if t in key.terms) / len(ev.terms)
    if set(ev.actors) & key.actors:
        s += ACTOR_WEIGHT
    if ev.code in key.codes:
        s += CODE_WEIGHT
    if family and family in key.families:
        s += FAMILY_WEIGHT
    return s


def days(start: str | None, end: str | None) -> list[str]:
    """The ISO days from ``start`` to ``end`` (at most a few weeks; none for an undated span)."""
    try:
        lo, hi = date.fromisoformat((start or "")[:10]), date.fromisoformat((end or start or "")[:10])
    except ValueError:
        return []
    return [(lo + timedelta(days=i)).isoformat() for i in range(min((hi - lo).days, 31) + 1)]


class Index:
    """The clusters of one writer's recent (root, day) buckets, with an index of their terms, actors and
    families: an event is scored against the clusters that share something with it, not against every
    cluster of its days. A bucket is read from the store on first use (``load``), kept up to date by the
    writer, and dropped with the clusters only it held when it is the least recently used of ``BUCKETS``
    (so memory stays flat however many articles are ingested)."""

    def __init__(self, load: Callable[[str, str], Iterable[tuple[str, ClusterKey]]]) -> None:
        self.load = load  # (root, day) -> the clusters of that root whose days hold that day
        # (root, day) -> word -> cluster ids; every cluster of a bucket is under the key "" too
        self.buckets: OrderedDict[tuple[str, str], dict[str, set[str]]] = OrderedDict()
        self.keys: dict[str, ClusterKey] = {}

    def clear(self) -> None:
        """Forgets every bucket and cluster key, as after a failed write (some clusters held were never committed)."""
        self.buckets.clear()
        self.keys.clear()

    def _bucket(self, root: str, day: str) -> dict[str, set[str]]:
        b = self.buckets.get((root, day))
        if b is not None:
            self.buckets.move_to_end((root, day))
            return b
        b = self.buckets[(root, day)] = {"": set()}
        for cid, key in self.load(root, day):
            self._post(b, cid, self.keys.setdefault(cid, key))
        while len(self.buckets) > BUCKETS:
            _, gone = self.buckets.popitem(last=False)
            for cid in gone[""]:
                if not any(cid in other[""] for other in self.buckets.values()):
                    self.keys.pop(cid, None)
        return b

    @staticmethod
    def _post(bucket: dict[str, set[str]], cid: str, key: ClusterKey) -> None:
        for word in ("", *key.terms, *key.actors, *("family:" + f for f in key.families)):
            bucket.setdefault(word, set()).add(cid)

    def put(self, cid: str, root: str, start: str | None, end: str | None, key: ClusterKey) -> None:
        """A cluster created or grown by this writer."""
        self.keys[cid] = key
        for day in days(start, end):
            if (root, day) in self.buckets:
                self._post(self.buckets[(root, day)], cid, key)

    def best(self, ev: EventKey, family: str | None) -> tuple[str, ClusterKey] | None:
        """The cluster ``ev`` joins, or None."""
        span = window(ev)
        if span is None:
            return None
        found: set[str] = set()
        words = (*ev.terms, *ev.actors, *(("family:" + family,) if family else ())) or ("",)
        for day in days(*span):
            bucket = self._bucket(ev.root, day)
            for w in words:
                found |= bucket.get(w, set())
        scored = sorted(((score(ev, self.keys[c], family), c) for c in found), reverse=True)
        if scored and scored[0][0] >= JOIN:
            return scored[0][1], self.keys[scored[0][1]]
        return None
