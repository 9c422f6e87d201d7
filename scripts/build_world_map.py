"""Rebuild ``isnad/web/static/world.json``: country outlines for the dashboard's map, as SVG paths.

Source: Natural Earth 1:110m admin-0 countries (public domain), as TopoJSON in the npm package
``world-atlas`` 2.0.2 (ISC licence). Fetch it with the ordinary npm client, then run this script:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/build_world_map.py package/countries-110m.json

Projection: equirectangular, x = lon + 180, y = 90 - lat (a 360 x 180 view box), one decimal place.
ISO numeric ids become ISO 3166 alpha-3 codes (pycountry, from the ``build`` extra), so the map can
colour the countries that events name. The output is deterministic for the same input.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "isnad" / "web" / "static" / "world.json"
# Natural Earth ids that are not ISO numeric codes.
SPECIAL = {"-99": None}


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(r: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Keep a ring that crosses the 180th meridian continuous (the part beyond it falls outside the view)
    instead of drawing a line across the whole map."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for i, (lon, lat) in enumerate(r):
        if i and lon + shift - out[-1][0] > 180:
            shift -= 360
        elif i and lon + shift - out[-1][0] < -180:
            shift += 360
        out.append((lon + shift, lat))
    return out


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for r in rings:
        xy = []
        last = None
        for lon, lat in unwrap(r):
            p = (round(lon + 180, 1), round(90 - lat, 1))
            if p != last:
                xy.append(p)
                last = p
        if len(xy) < 3:
            continue
        parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in xy) + "Z")
    return "".join(parts)


def iso3(numeric: str | None) -> str | None:
    if numeric is None or numeric in SPECIAL:
        return None
    country = pycountry.countries.get(numeric=numeric.zfill(3))
    return country.alpha_3 if country else None


def main(src: str) -> None:
    topo = json.loads(Path(src).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs", [])
        if geom["type"] == "Polygon":
            polys = [polys]
        rings = [ring(r, arcs) for poly in polys for r in poly]
        d = path(rings)
        # Antarctica circles the whole map and lies below the view.
        if d and geom.get("id") != "010":
            countries.append({"iso3": iso3(geom.get("id")), "name": geom["properties"]["name"], "d": d})
    countries.sort(key=lambda c: (c["name"], c["iso3"] or ""))
    out = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via the npm package world-atlas 2.0.2 (ISC)",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat",
        "countries": countries,
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1])
