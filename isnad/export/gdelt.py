"""GDELT 2.0 Events export: the 61 tab-separated columns of the GDELT Events table (no header line, as
GDELT publishes it), listed in ``isnad/data/gdelt_columns.json`` with the ISO-3 → FIPS map GDELT's
geography columns use. Mention, source and article counts come from the event's story (its cluster across
articles). Fields isnad does not measure (tone) are left empty."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from isnad.export.rows import event_date

# GDELT's geographic resolution codes
GEO_TYPE = {"country": 1, "region": 5, "adm1": 5, "city": 4, "site": 4}


@lru_cache(maxsize=1)
def layout() -> tuple[list[str], dict[str, str]]:
    data = json.loads(resources.files("isnad.data").joinpath("gdelt_columns.json").read_text(encoding="utf-8"))
    return [c[0] for c in data["columns"]], data["fips"]


def global_id(ev: dict[str, Any]) -> int:
    """A stable integer id for the event (GDELT ids are integers)."""
    digest = hashlib.sha1(f"{ev.get('document_id')}/{ev.get('id')}".encode()).hexdigest()
    return int(digest[:13], 16)


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


def row(ev: dict[str, Any]) -> dict[str, Any]:
    _, fips = layout()
    cameo = ev.get("cameo") or {}
    code = cameo.get("code") or ""
    start, _ = event_date(ev)
    out: dict[str, Any] = {"GLOBALEVENTID": global_id(ev)}
    if start:
        d = date.fromisoformat(start)
        out.update(SQLDATE=d.strftime("%Y%m%d"), MonthYear=d.strftime("%Y%m"), Year=d.year,
                   FractionDate=f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}")
    out.update(_actor(ev.get("source"), "Actor1"))
    out.update(_actor(ev.get("target"), "Actor2"))
    out.update(
        IsRootEvent=1 if ev.get("sentence") == 0 else 0,
        EventCode=code or None, EventBaseCode=code[:3] or None, EventRootCode=code[:2] or None,
        QuadClass=cameo.get("quad_class"), GoldsteinScale=cameo.get("goldstein"),
        # from the event's story: its reports, the outlets that carried them, the articles
        NumMentions=(ev.get("story") or {}).get("mentions") or 1,
        NumSources=(ev.get("story") or {}).get("outlets") or 1,
        NumArticles=(ev.get("story") or {}).get("articles") or 1,
    )
    place = ev.get("place") or {}
    if place:
        country = fips.get(place.get("country") or "", "")
        out.update(
            ActionGeo_Type=GEO_TYPE.get(place.get("precision") or place.get("kind") or "", 4 if place.get("lat") else None),
            ActionGeo_FullName=place.get("en") or place.get("ar") or place.get("text"),
            ActionGeo_CountryCode=country or None,
            ActionGeo_ADM1Code=country or None,
            ActionGeo_Lat=place.get("lat"), ActionGeo_Long=place.get("lon"),
            ActionGeo_FeatureID=place.get("geonames_id") or (country if place.get("precision") == "country" else None),
        )
    if ev.get("published"):
        out["DATEADDED"] = ev["published"][:10].replace("-", "") + "000000"
    out["SOURCEURL"] = ev.get("url") or f"isnad:{ev.get('document_id')}"
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ")


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    columns, _ = layout()
    n = 0
    for ev in events:
        r = row(ev)
        fh.write("\t".join(_cell(r.get(c)) for c in columns) + "\n")
        n += 1
    return n
