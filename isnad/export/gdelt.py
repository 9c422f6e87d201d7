"""GDELT 2.0 Events export: the 61 tab-separated columns of the GDELT Events table (no header line, as
GDELT publishes it), listed in ``isnad/data/gdelt_columns.json`` with the ISO-3 → FIPS map GDELT's
geography columns use.

As in GDELT, every record has an actor: events with neither a source nor a target actor are left out.
The day (SQLDATE) is the event's own when its span is short, else the publication date
(:func:`isnad.export.rows.event_day`). An actor's geography is filled only where its place is known:

- the event's stated place, for the actors its type puts there (``isnad/data/actor_places.json``: the
  protesters of a protest, the target of an assault, both sides of a meeting);
- else an actor that is itself a place (the text names a country or city acting, إيران، الرياض): that
  place from the gazetteer, at its precision (a country's centroid is marked as country-level, type 1).

An actor's nationality is not its place (an Iranian diplomat in Geneva), so it locates nothing.
Mention, source and article counts come from the event's story (its cluster across articles). Fields
isnad does not measure (tone) are left empty. SOURCEURL is the article's url, else the outlet it came
from as a citation (GDELT's practice for sources without a url)."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from isnad.export import Written
from isnad.export.rows import event_day
from isnad.gazetteer.lexicon import place_rows
from isnad.resolve.places import to_place
from isnad.resources import Resources

# GDELT's geographic resolution codes
GEO_TYPE = {"country": 1, "region": 5, "adm1": 5, "city": 4, "capital": 4, "site": 4}
SIDES = {"source": "Actor1", "target": "Actor2"}


@lru_cache(maxsize=1)
def layout() -> tuple[list[str], dict[str, str]]:
    """The GDELT Events column names in order, and the ISO-3 to FIPS country codes (``gdelt_columns.json``)."""
    data = json.loads(resources.files("isnad.data").joinpath("gdelt_columns.json").read_text(encoding="utf-8"))
    return [c[0] for c in data["columns"]], data["fips"]


def global_id(ev: dict[str, Any]) -> int:
    """A stable integer id for the event (GDELT ids are integers)."""
    digest = hashlib.sha1(f"{ev.get('document_id')}/{ev.get('id')}".encode()).hexdigest()
    return int(digest[:13], 16)


class ActorPlaces:
    """Where an event's actors are, by the rules of ``actor_places.json`` and the gazetteer's places."""

    def __init__(self, res: Resources) -> None:
        rules = res.json("actor_places.json")
        self.by_type: dict[str, list[str]] = rules["by_type"]
        self.not_with_mode: dict[str, list[str]] = rules["not_with_mode"]
        self.by_id: dict[str, dict[str, Any]] = {}
        self.by_name: dict[tuple[str, str], dict[str, Any]] = {}  # (English name, country) -> place
        for rec, _ in place_rows(res):
            place = {"en": rec.en, "country": rec.country, "lat": rec.lat, "lon": rec.lon,
                     "geonames_id": rec.geonames_id, "precision": to_place(rec).precision, "adm1": rec.adm1}
            self.by_id[rec.id] = place
            self.by_name.setdefault((rec.en, rec.country), place)
        self.countries = {p["country"]: p for p in self.by_id.values() if p["precision"] == "country"}

    def of(self, ev: dict[str, Any], side: str) -> dict[str, Any] | None:
        """The place of the event's ``side`` (source or target) actor, or None when it is not known."""
        plover = ev.get("plover") or {}
        place = ev.get("place") or {}
        kind = plover.get("type") or ""
        if (place.get("origin") == "stated" and side in self.by_type.get(kind, ())
                and plover.get("mode") not in self.not_with_mode.get(kind, ())):
            return place
        # the actor is a place the text names: by its gazetteer id, or a single place name (evidence GPE)
        actor = (ev.get(side) or {}).get("actor") or {}
        evidence = actor.get("evidence") or ""
        if evidence.startswith("place "):
            return self.by_id.get(evidence[len("place "):])
        if evidence == "GPE" and actor.get("country"):
            return self.by_name.get((actor.get("en") or "", actor["country"])) or self.countries.get(actor["country"])
        return None


def _actor(side: dict[str, Any] | None, prefix: str) -> dict[str, Any]:
    actor = (side or {}).get("actor") or {}
    sectors = (actor.get("sectors") or [])[:3]
    out = {
        f"{prefix}Code": actor.get("code"),
        f"{prefix}Name": (actor.get("en") or "").upper() or None,
        f"{prefix}CountryCode": actor.get("country"),
    }
    for i, s in enumerate(sectors, 1):
        out[f"{prefix}Type{i}Code"] = s
    return out


def _geo(place: dict[str, Any], prefix: str, places: ActorPlaces) -> dict[str, Any]:
    """GDELT's geography columns of a place (``prefix`` ActionGeo, Actor1Geo or Actor2Geo)."""
    _, fips = layout()
    country = fips.get(place.get("country") or "", "")
    return {
        f"{prefix}_Type": GEO_TYPE.get(place.get("precision") or place.get("kind") or "", 4 if place.get("lat") else None),
        f"{prefix}_FullName": _full_name(place, places),
        f"{prefix}_CountryCode": country or None,
        f"{prefix}_ADM1Code": country or None,
        f"{prefix}_Lat": place.get("lat"), f"{prefix}_Long": place.get("lon"),
        f"{prefix}_FeatureID": place.get("geonames_id") or (country if place.get("precision") == "country" else None),
    }


def _full_name(place: dict[str, Any], places: ActorPlaces) -> str | None:
    """GDELT's "City, Province, Country" (as much of it as is known)."""
    name = place.get("en") or place.get("ar") or place.get("text")
    if place.get("precision") != "city" or not name:
        return name
    country = places.countries.get(place.get("country") or "", {}).get("en")
    return ", ".join(p for p in (name, place.get("adm1"), country) if p)


def row(ev: dict[str, Any], places: ActorPlaces) -> dict[str, Any]:
    """The GDELT columns of one event (those with a value)."""
    cameo = ev.get("cameo") or {}
    code = cameo.get("code") or ""
    day = event_day(ev)
    out: dict[str, Any] = {"GLOBALEVENTID": global_id(ev)}
    if day:
        d = date.fromisoformat(day)
        out.update(SQLDATE=d.strftime("%Y%m%d"), MonthYear=d.strftime("%Y%m"), Year=d.year,
                   FractionDate=f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}")
    for side, prefix in SIDES.items():
        actor = _actor(ev.get(side), prefix)
        out.update(actor)
        where = places.of(ev, side) if any(actor.values()) else None
        if where:
            out.update(_geo(where, f"{prefix}Geo", places))
    out.update(
        IsRootEvent=1 if ev.get("sentence") == 0 else 0,
        EventCode=code or None, EventBaseCode=code[:3] or None, EventRootCode=code[:2] or None,
        QuadClass=cameo.get("quad_class"), GoldsteinScale=cameo.get("goldstein"),
        # from the event's story: its reports, the outlets that carried them, the articles
        NumMentions=(ev.get("story") or {}).get("mentions") or 1,
        NumSources=(ev.get("story") or {}).get("outlets") or 1,
        NumArticles=(ev.get("story") or {}).get("articles") or 1,
    )
    if ev.get("place"):
        out.update(_geo(ev["place"], "ActionGeo", places))
    if ev.get("published"):
        out["DATEADDED"] = ev["published"][:10].replace("-", "") + "000000"
    out["SOURCEURL"] = ev.get("url") or ev.get("outlet") or f"isnad:{ev.get('document_id')}"
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ")


def _has_actor(r: dict[str, Any]) -> bool:
    return any(r.get(f"{p}{k}") for p in SIDES.values() for k in ("Code", "Name", "CountryCode", "Type1Code"))


def write(events: Iterable[dict[str, Any]], fh: IO[str], res: Resources | None = None) -> Written:
    """Writes one GDELT Events row per event; events with neither a source nor a target actor are skipped."""
    columns, _ = layout()
    places = ActorPlaces(res or Resources())
    done = Written()
    for ev in events:
        r = row(ev, places)
        if not _has_actor(r):
            done.skipped["neither a source nor a target actor"] += 1
            continue
        fh.write("\t".join(_cell(r.get(c)) for c in columns) + "\n")
        done.written += 1
    return done
