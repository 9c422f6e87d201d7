"""Every export format, read back by its own reader (csv, json, pyarrow), from a store of real text."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from isnad.export import export
from isnad.export.gdelt import layout
from isnad.store import EventFilter, open_store
from test_store import protest_document, reference_document

ISNAD = str(Path(sys.executable).parent / "isnad")


@pytest.fixture
def db(tmp_path, reference_text, shared_data) -> str:
    path = str(tmp_path / "export.db")
    with open_store(path) as store:
        store.add(reference_document(reference_text))
        store.add(protest_document(shared_data))
    return path


def events(db: str, f: EventFilter | None = None) -> list[dict]:
    with open_store(db) as store:
        return list(store.iter_events(f or EventFilter(), batch=2))  # small pages: paging is exercised


def test_gdelt_has_the_61_columns(db, tmp_path, shared_data):
    out = tmp_path / "events.tsv"
    assert export(events(db), "gdelt", out) == 5
    columns, fips = layout()
    with open(shared_data / "gdelt" / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv", encoding="utf-8") as fh:
        assert columns == [r["tableId"] for r in csv.DictReader(fh)]
    rows = [dict(zip(columns, r)) for r in csv.reader(out.open(encoding="utf-8"), delimiter="\t")]
    assert len(rows) == 5 and all(len(r) == 61 for r in rows)
    defect = next(r for r in rows if r["EventCode"] == "120")
    assert defect["SQLDATE"] == "20260120" and defect["Year"] == "2026" and defect["MonthYear"] == "202601"
    assert defect["Actor1Code"] == "IRNGOV" and defect["Actor1CountryCode"] == "IRN" and defect["Actor1Type1Code"] == "GOV"
    assert defect["Actor2Code"] == "IRN" and defect["EventRootCode"] == "12" and defect["QuadClass"] == "3"
    assert float(defect["GoldsteinScale"]) == -4.0
    assert defect["ActionGeo_FullName"] == "Geneva" and defect["ActionGeo_CountryCode"] == "SZ"  # FIPS for CHE
    assert float(defect["ActionGeo_Lat"]) == pytest.approx(46.20222) and defect["ActionGeo_Type"] == "4"
    assert defect["SOURCEURL"] == "https://example.org/geneva"
    crackdown = next(r for r in rows if r["EventCode"] == "175")
    assert crackdown["SQLDATE"] == "20090101" and crackdown["ActionGeo_CountryCode"] == "IR"
    assert len({r["GLOBALEVENTID"] for r in rows}) == 5 and all(r["GLOBALEVENTID"].isdigit() for r in rows)


def test_plover_records(db, tmp_path):
    out = tmp_path / "events.json"
    export(events(db, EventFilter(actor="IRN")), "plover", out)
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["event_type"] for r in records] == ["REJECT", "REQUEST", "PROTEST", "ASSAULT"]
    request = records[1]
    assert request["source"]["country"] == "IRN" and request["source"]["sector"] == ["GOV"]
    assert request["target"]["code"] == "CHEGOV" and request["location"]["name"] == "Geneva"
    assert request["cameo"]["code"] == "0233" and request["text"] == "بطلب لجوء"
    assert records[3]["modality"] == "historical" and records[3]["date"] == "2009-01-01"


def test_jsonl_keeps_the_whole_event(db, tmp_path):
    out = tmp_path / "events.jsonl"
    export(events(db), "jsonl", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5
    trigger = lines[0]["trigger"]
    assert {k: trigger[k] for k in ("start", "end", "text")} == {"start": trigger["start"], "end": trigger["end"],
                                                               "text": "انشق وتقدم"}
    assert lines[0]["document_title"] == "انشقاق دبلوماسي إيراني في جنيف"


def test_csv(db, tmp_path, reference_text):
    out = tmp_path / "events.csv"
    export(events(db), "csv", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["cameo"] for r in rows] == ["120", "0233", "141", "141", "175"]
    first = rows[0]
    start, end = int(first["trigger_start"]), int(first["trigger_end"])
    assert reference_text[start:end] == first["trigger"] == "انشق وتقدم"  # offsets into the original text
    assert first["source_code"] == "IRNGOV" and first["place"] == "Geneva" and first["modality"] == "reported"


def test_parquet(db, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    export(events(db), "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 5
    assert table.column("cameo").to_pylist() == ["120", "0233", "141", "141", "175"]
    assert table.schema.field("goldstein").type == "double" and table.column("goldstein").to_pylist()[0] == -4.0
    assert table.column("place_country").to_pylist() == ["CHE", "CHE", None, "ISR", "IRN"]


def test_geojson_points(db, tmp_path):
    out = tmp_path / "events.geojson"
    n = export(events(db), "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and n == len(data["features"]) == 4  # the protest has no place
    geneva = data["features"][0]
    assert geneva["geometry"] == {"type": "Point", "coordinates": [6.14569, 46.20222]}
    assert geneva["properties"]["cameo"] == "120" and geneva["properties"]["place"] == "Geneva"


def test_export_and_events_commands(db, tmp_path):
    out = tmp_path / "protests.tsv"
    run = subprocess.run([ISNAD, "export", "--db", db, "--format", "gdelt", "--type", "PROTEST", "-o", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    listed = subprocess.run([ISNAD, "events", "--db", db, "--actor", "IRN", "--since", "2026-01-01", "--format", "json"],
                            capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert [e["cameo"]["code"] for e in json.loads(listed.stdout)] == ["120", "0233", "141"]
    table = subprocess.run([ISNAD, "events", "--db", db, "--place", "CHE"], capture_output=True, text=True)
    assert table.returncode == 0 and "IRNGOV" in table.stdout and "2 of 2 events" in table.stderr
    as_csv = subprocess.run([ISNAD, "events", "--db", db, "--cameo", "14", "--format", "csv"], capture_output=True, text=True)
    assert [r["plover"] for r in csv.DictReader(as_csv.stdout.splitlines())] == ["PROTEST", "PROTEST"]
