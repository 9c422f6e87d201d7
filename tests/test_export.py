"""Every export format read back by the software its users read it with (pandas, pyarrow, DuckDB, shapely,
json), from a store filled by ``isnad ingest`` with the reference article and real news articles, each
with the outlet and url its input gives."""
from __future__ import annotations

import csv
import gzip
import json
import subprocess
import sys
from collections import Counter
from datetime import date
from itertools import islice
from pathlib import Path

import pytest

from conftest import PUBLISHED
from isnad.export import export
from isnad.export.gdelt import GEO_TYPE, ActorPlaces, global_id, layout
from isnad.export.rows import FLAT_COLUMNS, event_day
from isnad.resources import Resources
from isnad.store import EventFilter, open_store

ISNAD = str(Path(sys.executable).parent / "isnad")
NEWS = 120  # real articles: every 200th of the development set, from all its outlets and days
REFERENCE_URL = "https://example.org/geneva"
# the PLOVER types whose source or target is at the event's stated place
AT_PLACE = {"source": {"PROTEST", "MOBILIZE", "CONSULT"}, "target": {"ASSAULT", "COERCE", "CONSULT"}}


def describe(query: str) -> dict[str, str]:
    """Column name -> type, as DuckDB's DESCRIBE gives them."""
    import duckdb

    return {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE {query}").fetchall()}


@pytest.fixture(scope="module")
def db(tmp_path_factory, reference_text, shared_data) -> str:
    folder = tmp_path_factory.mktemp("export")
    inputs = folder / "articles.jsonl"
    with gzip.open(shared_data / "news" / "saudinewsnet_dev.jsonl.gz", "rt", encoding="utf-8") as fh, \
            inputs.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"id": "geneva", "outlet": "Reuters", "url": REFERENCE_URL, "published": PUBLISHED,
                              "title": "انشقاق دبلوماسي إيراني في جنيف", "text": reference_text}, ensure_ascii=False) + "\n")
        for line in islice(fh, 0, NEWS * 200, 200):
            article = json.loads(line)
            if article.get("text"):
                article["published"] = article["extracted"][:10]  # the crawl day: the set's publication date
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
    path = str(folder / "export.db")
    run = subprocess.run([ISNAD, "ingest", str(inputs), "--db", path, "--jobs", "1", "--no-progress"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return path


@pytest.fixture(scope="module")
def events(db) -> list[dict]:
    with open_store(db) as store:
        return list(store.iter_events(EventFilter(), batch=50))  # pages of 50: paging is exercised


@pytest.fixture(scope="module")
def reference(events) -> dict[str, dict]:
    return {e["id"]: e for e in events if e["document_id"] == "geneva"}


def test_the_store_gives_each_event_its_outlet_and_url(events, reference):
    assert len(events) > 150 and reference
    assert all(e["outlet"] == "Reuters" and e["url"] == REFERENCE_URL for e in reference.values())
    news = [e for e in events if e["document_id"] != "geneva"]
    assert all(e["outlet"] and e["url"].startswith("http") for e in news)
    assert len({e["outlet"] for e in news}) >= 8


def test_credibility_grades_the_articles_own_voice_by_its_outlet(events, reference):
    own = [e for e in reference.values() if e["credibility"]["inputs"]["source_type"] == "own_voice"]
    assert own and all(e["credibility"]["inputs"]["outlet"] == "reuters" for e in own)
    assert all(e["credibility"]["source_reliability"] == "C" for e in own)  # a private agency
    assert not any("own voice;" in r for e in events for r in e["credibility"]["reasons"])  # no outlet unknown
    # every outlet of the news set is in the registry; the attributed events name it as their carrier
    assert all(e["credibility"]["inputs"]["reported_by"] for e in events)
    attributed = [e for e in events if e["credibility"]["inputs"]["source_type"] != "own_voice"]
    assert any("reported by Asharq Al-Awsat" in e["credibility"]["reasons"] for e in attributed)


def test_parquet_types_read_by_pyarrow_pandas_and_duckdb(events, tmp_path):
    import duckdb
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export(events, "parquet", out).written == len(events)
    table = pq.read_table(out)
    assert table.num_rows == len(events) and table.column_names == list(FLAT_COLUMNS)
    schema = table.schema
    assert schema.field("date").type == pa.date32() and schema.field("published").type == pa.date32()
    assert schema.field("quad_class").type == pa.int32() and schema.field("goldstein").type == pa.float64()
    assert schema.field("plover_contexts").type == pa.list_(pa.string())
    assert schema.field("credibility_reasons").type == pa.list_(pa.string())

    frame = pd.read_parquet(out, dtype_backend="pyarrow")
    assert str(frame["trigger_start"].dtype) == "int32[pyarrow]" and str(frame["lat"].dtype) == "double[pyarrow]"
    first = frame.iloc[0]
    assert isinstance(first["date"], date) and isinstance(first["published"], date)
    assert list(first["credibility_reasons"]) == events[0]["credibility"]["reasons"]
    assert frame["outlet"].notna().all() and set(frame["outlet"]) >= {"Reuters", "aawsat", "okaz"}

    types = describe(f"SELECT * FROM '{out}'")
    assert types["date"] == "DATE" and types["time_start"] == "DATE" and types["quad_class"] == "INTEGER"
    assert types["goldstein"] == "DOUBLE" and types["attributions"] == "VARCHAR[]"
    asylum = duckdb.sql(f"SELECT count(*) FROM '{out}' WHERE list_contains(plover_contexts, 'asylum')").fetchall()
    assert asylum[0][0] == sum("asylum" in e["plover"]["contexts"] for e in events) > 0
    in_july = duckdb.sql(f"SELECT count(*) FROM '{out}' WHERE date BETWEEN DATE '2015-07-01' AND DATE '2015-07-31'")
    assert in_july.fetchall()[0][0] == sum("2015-07-01" <= (event_day(e) or "") <= "2015-07-31" for e in events) > 0
    killed = duckdb.sql(f"SELECT coalesce(sum(killed), 0) FROM '{out}'").fetchall()[0][0]
    assert types["killed"] == "INTEGER" and killed == sum((e.get("fatalities") or {}).get("killed", 0) for e in events) > 0


def test_csv_read_by_pandas_and_duckdb(events, tmp_path, reference_text):
    import duckdb
    import pandas as pd

    out = tmp_path / "events.csv"
    export(events, "csv", out)
    frame = pd.read_csv(out, parse_dates=["date", "published"], keep_default_na=False, na_values=[""])
    assert len(frame) == len(events) and list(frame.columns) == list(FLAT_COLUMNS)
    assert str(frame["date"].dtype).startswith("datetime64") and frame["goldstein"].dtype == "float64"
    ref = frame[frame["document_id"] == "geneva"].iloc[0]
    start, end = int(ref["trigger_start"]), int(ref["trigger_end"])
    assert reference_text[start:end] == ref["trigger"]  # offsets into the original text
    assert ref["outlet"] == "Reuters" and ref["url"] == REFERENCE_URL
    types = describe(f"SELECT * FROM read_csv('{out}')")
    assert types["date"] == "DATE" and types["published"] == "DATE" and types["goldstein"] == "DOUBLE"
    assert types["trigger_start"] == "BIGINT"


def test_gdelt_rows_read_by_duckdb_and_pandas(events, tmp_path, shared_data):
    import duckdb
    import pandas as pd

    out = tmp_path / "events.tsv"
    done = export(events, "gdelt", out)
    columns, _ = layout()
    with open(shared_data / "gdelt" / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv", encoding="utf-8") as fh:
        assert columns == [r["tableId"] for r in csv.DictReader(fh)]
    # as in GDELT, every record has an actor: the events with neither are left out and counted
    no_actor = [e for e in events if not any(((e.get(s) or {}).get("actor") or {}).get(k)
                                             for s in ("source", "target") for k in ("code", "en", "country", "sectors"))]
    assert no_actor and done.skipped == Counter({"neither a source nor a target actor": len(no_actor)})
    assert done.written == len(events) - len(no_actor)

    # DuckDB reads each column with the type GDELT's codebook gives it: every cell must convert
    codebook = json.loads(Resources().text("gdelt_columns.json"))["columns"]
    duck = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}
    spec = ", ".join(f"'{name}': '{duck[kind]}'" for name, kind in codebook)
    source = f"read_csv('{out}', delim='\\t', header=false, quote='', columns={{{spec}}})"
    assert duckdb.sql(f"SELECT count(*) FROM {source}").fetchall()[0][0] == done.written
    assert describe(f"SELECT SQLDATE, GoldsteinScale, Actor1Geo_Lat FROM {source}") == {
        "SQLDATE": "BIGINT", "GoldsteinScale": "DOUBLE", "Actor1Geo_Lat": "DOUBLE"}
    frame = pd.read_csv(out, sep="\t", header=None, names=columns, quoting=csv.QUOTE_NONE, dtype={"SQLDATE": "Int64", "EventCode": str},
                        keep_default_na=False, na_values=[""])
    assert len(frame) == done.written
    by_id = {global_id(e): e for e in events}
    long_spans = 0
    for r in frame.to_dict("records"):
        ev = by_id[r["GLOBALEVENTID"]]
        t = ev.get("time") or {}
        day = ev["published"]
        if t.get("interval_start"):
            short = (date.fromisoformat(t["interval_end"]) - date.fromisoformat(t["interval_start"])).days < 31
            long_spans += not short
            day = t["interval_start"] if short else ev["published"]
        assert r["SQLDATE"] == int(day.replace("-", "")) if day else pd.isna(r["SQLDATE"])
        for side, prefix in (("source", "Actor1"), ("target", "Actor2")):
            # an actor is placed by the stated place of an event that puts it there, or is itself a place
            has_actor = any(pd.notna(r[f"{prefix}{k}"]) for k in ("Code", "Name", "CountryCode", "Type1Code"))
            at_place = (ev["plover"]["type"] in AT_PLACE[side] and ev["plover"]["mode"] != "phone"
                        and (ev.get("place") or {}).get("origin") == "stated")
            evidence = ((ev.get(side) or {}).get("actor") or {}).get("evidence") or ""
            is_place = evidence == "GPE" or evidence.startswith("place ")
            assert pd.notna(r[f"{prefix}Geo_Type"]) == (has_actor and (at_place or is_place))
            if has_actor and at_place:
                assert r[f"{prefix}Geo_FullName"] == r["ActionGeo_FullName"]
    assert long_spans > 0  # «عام 2009» and the like: the publication day, not the span's first day
    assert frame["Actor1Geo_Type"].notna().sum() > 10 and frame["Actor2Geo_Type"].notna().sum() > 10

    ref = {r["GLOBALEVENTID"]: r for r in frame.to_dict("records")}
    protest = ref[global_id(next(e for e in events if e["document_id"] == "geneva" and e["cameo"]["code"] == "141"))]
    # the 2009 protests: a year-long span, so the article's day; the protesters are where the protest is
    assert protest["SQLDATE"] == int(PUBLISHED.replace("-", "")) and protest["Actor1Geo_FullName"] == "Iran"
    assert protest["Actor1Geo_CountryCode"] == "IR" and protest["Actor1Geo_Type"] == 1 and pd.isna(protest["Actor2Geo_Type"])
    assert protest["SOURCEURL"] == REFERENCE_URL
    # a town is named with its province and country, as GDELT does
    town = [r for r in frame.to_dict("records") if r["ActionGeo_Type"] == GEO_TYPE["city"]]
    assert town and all(r["ActionGeo_FullName"].count(", ") == 2 for r in town)
    assert "Geneva, Geneva, Switzerland" in {r["ActionGeo_FullName"] for r in town}


def test_actor_places_follow_the_event_type(reference):
    places = ActorPlaces(Resources())
    by_code = {e["cameo"]["code"]: e for e in reference.values()}
    assert places.of(by_code["141"], "source")["en"] == "Iran"  # protesters at their protest
    assert places.of(by_code["141"], "target") is None
    assert places.of(by_code["120"], "source") is None  # a defection says nothing of where Iran's government is
    consult = by_code["040"]
    assert consult["place"]["origin"] != "stated" and places.of(consult, "source") is None  # an inferred place


def test_plover_records_only_events_with_a_plover_type(events, tmp_path):
    out = tmp_path / "events.json"
    done = export(events, "plover", out)
    records = json.loads(out.read_text(encoding="utf-8"))
    untyped = Counter(e["cameo"]["code"] for e in events if not e["plover"]["type"])
    assert untyped and all(code.startswith("01") for code in untyped)  # statements: PLOVER has no type for them
    assert done.skipped == Counter({f"no PLOVER type for CAMEO {c}": n for c, n in untyped.items()})
    assert len(records) == done.written == len(events) - sum(untyped.values())
    assert all(r["event_type"] for r in records)
    assert {r["mode"] for r in records if r["cameo"]["code"] == "141"} == {"demo"}
    ref = [r for r in records if r["document"]["id"] == "geneva"]
    assert all(r["document"]["outlet"] == "Reuters" and r["document"]["url"] == REFERENCE_URL for r in ref)
    protest = next(r for r in ref if r["event_type"] == "PROTEST")
    assert protest["date"] == PUBLISHED  # the day of the report: the span is a year …
    assert protest["time"] == {"text": "عام 2009", "start": "2009-01-01", "end": "2009-12-31",
                               "granularity": "year", "vague": False}  # … and kept as the text gives it
    consult = next(r for r in ref if r["event_type"] == "CONSULT")
    assert consult["date"] == consult["time"]["start"]  # «الأسابيع الأخيرة»: a short span, its own start


def test_jsonl_keeps_the_whole_event(events, tmp_path, reference_text):
    out = tmp_path / "events.jsonl"
    assert export(events, "jsonl", out).written == len(events)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [{k: v for k, v in line.items() if k != "date"} for line in lines] == events
    assert [line["date"] for line in lines] == [event_day(e) for e in events]
    trigger = next(line["trigger"] for line in lines if line["document_id"] == "geneva")
    assert reference_text[trigger["start"]:trigger["end"]] == trigger["text"]


def test_geojson_geometries_read_by_shapely(events, tmp_path):
    from shapely.geometry import Point, shape

    out = tmp_path / "events.geojson"
    done = export(events, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    placed = [e for e in events if (e.get("place") or {}).get("lat") is not None]
    assert data["type"] == "FeatureCollection" and done.written == len(data["features"]) == len(placed)
    assert done.skipped["no place with coordinates"] == len(events) - len(placed)
    for feature, ev in zip(data["features"], placed):
        point = shape(feature["geometry"])
        assert isinstance(point, Point) and point.is_valid
        assert (point.x, point.y) == (ev["place"]["lon"], ev["place"]["lat"])
        assert -180 <= point.x <= 180 and -90 <= point.y <= 90
        props = feature["properties"]
        assert props["outlet"] == ev["outlet"] and props["place_origin"] == ev["place"]["origin"]
    assert {f["properties"]["place_origin"] for f in data["features"]} >= {"stated", "inferred"}


def test_export_command_reports_what_it_leaves_out(db, tmp_path, events):
    out = tmp_path / "events.json"
    run = subprocess.run([ISNAD, "export", "--db", db, "--format", "plover", "-o", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    untyped = Counter(e["cameo"]["code"] for e in events if not e["plover"]["type"])
    assert f"{len(events) - sum(untyped.values())} events written" in run.stderr
    assert f"{sum(untyped.values())} events left out" in run.stderr
    assert all(f"{n}: no PLOVER type for CAMEO {c}" in run.stderr for c, n in untyped.items())
    protests = tmp_path / "protests.tsv"
    run = subprocess.run([ISNAD, "export", "--db", db, "--format", "gdelt", "--type", "PROTEST", "-o", str(protests)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = [r.split("\t") for r in protests.read_text(encoding="utf-8").splitlines()]
    assert rows and {r[layout()[0].index("EventRootCode")] for r in rows} == {"14"}


def test_events_command_lists_and_filters(db, events):
    listed = subprocess.run([ISNAD, "events", "--db", db, "--document", "geneva", "--format", "json", "--limit", "50"],
                            capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert sorted(e["id"] for e in json.loads(listed.stdout)) == sorted(e["id"] for e in events if e["document_id"] == "geneva")
    as_csv = subprocess.run([ISNAD, "events", "--db", db, "--cameo", "14", "--format", "csv"], capture_output=True, text=True)
    assert as_csv.returncode == 0 and {r["plover"] for r in csv.DictReader(as_csv.stdout.splitlines())} == {"PROTEST"}
    table = subprocess.run([ISNAD, "events", "--db", db, "--document", "geneva"], capture_output=True, text=True)
    assert table.returncode == 0 and "IRNGOV" in table.stdout
