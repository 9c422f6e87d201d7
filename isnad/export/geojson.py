"""GeoJSON export: a FeatureCollection of points, one per event that has a place with coordinates; the
properties are the flat columns, ``place_origin`` telling a place stated with the event from one taken
from elsewhere in the article or inferred."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from isnad.export import Written
from isnad.export.rows import flat


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> Written:
    """Streams the collection (memory does not grow with the number of events)."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    done = Written()
    for ev in events:
        place = ev.get("place") or {}
        if place.get("lat") is None or place.get("lon") is None:
            done.skipped["no place with coordinates"] += 1
            continue
        props = {k: v for k, v in flat(ev).items() if v is not None and k not in ("lat", "lon")}
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": props,
        }
        fh.write((",\n" if done.written else "") + json.dumps(feature, ensure_ascii=False))
        done.written += 1
    fh.write("\n]}\n")
    return done
