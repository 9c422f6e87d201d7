"""GeoJSON export: a FeatureCollection of points, one per event that has a place with coordinates."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from isnad.export.rows import flat


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    """Streams the collection (memory does not grow with the number of events); events without
    coordinates are left out."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        place = ev.get("place") or {}
        if place.get("lat") is None or place.get("lon") is None:
            continue
        props = {k: v for k, v in flat(ev).items() if v is not None and k not in ("lat", "lon")}
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": props,
        }
        fh.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n
