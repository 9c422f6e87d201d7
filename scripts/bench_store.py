"""Benchmarks of the store: ingest rate and event queries at scale.

    .venv/bin/python scripts/bench_store.py ingest [--jobs 2] [--articles 600]
    .venv/bin/python scripts/bench_store.py query [--events 100000] [--db URL]

`ingest` analyses articles regrouped from the event gold standard (three sentences each) into a fresh
SQLite store and prints articles/s. `query` fills a generated store with that many events (random but
seeded: actors, CAMEO codes, dates, places) and times `Store.events` with filters (limit 100) and the
`isnad events` command end to end.
"""
from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from isnad.document import Actor, Cameo, Document, Event, EventActor, EventPlace, Plover, Span
from isnad.store import EventFilter, open_store
from isnad.store.base import COUNT_CAP

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
COUNTRIES = ["IRN", "CHE", "USA", "ISR", "EGY", "SYR", "IRQ", "LBN", "SAU", "TUR", "FRA", "GBR", "RUS", "JOR", "YEM"]
SECTORS = ["GOV", "MIL", "OPP", "CVL", "REB", "JRN", "MED", ""]
CAMEO = [("010", "STATEMENT"), ("040", "CONSULT"), ("0233", "REQUEST"), ("111", "DISAPPROVE"), ("120", "REJECT"),
         ("141", "PROTEST"), ("145", "PROTEST"), ("173", "COERCE"), ("175", "COERCE"), ("190", "ASSAULT"),
         ("193", "ASSAULT"), ("053", "SUPPORT"), ("083", "CONCEDE"), ("160", "SANCTION")]
MODALITIES = ["asserted", "reported", "planned", "considered", "negated", "historical"]
CITIES = {"IRN": ("Tehran", 35.69, 51.42), "CHE": ("Geneva", 46.2, 6.15), "USA": ("Washington", 38.9, -77.04),
          "SYR": ("Damascus", 33.51, 36.29), "EGY": ("Cairo", 30.06, 31.25), "LBN": ("Beirut", 33.89, 35.5)}
WORDS = "احتجاجات مظاهرة اللجوء الحكومة المعارضة الشرطة الجيش الرئيس الوزير السفارة الأمم المتحدة".split()


def articles(n: int) -> list[str]:
    sentences: list[str] = []
    for kind in ("protest", "assault"):
        with open(SHARED / "event_gsr" / f"{kind}_gsr.csv", encoding="utf-8") as fh:
            sentences += [r["text"].strip() for r in csv.DictReader(fh) if r["text"].strip()]
    out = ["\n".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    while len(out) < n:
        out += [f"{a}\n({len(out)})" for a in out[: n - len(out)]]
    return out[:n]


def bench_ingest(jobs: int, n: int) -> None:
    from isnad.ingest.runner import analyse_one, build_pipeline, ingest
    from isnad.store.base import document_rows

    docs = articles(n)
    # the work of one worker, in this process: analysis, then the table rows of the result
    sample = docs[: min(n, 200)]
    t = time.perf_counter()
    pipeline = build_pipeline(None, {})
    built = time.perf_counter() - t
    t = time.perf_counter()
    analysed = [analyse_one(pipeline, Document(text=a)) for a in sample]
    analysis = time.perf_counter() - t
    t = time.perf_counter()
    for d in analysed:
        document_rows(d, pipeline.resources.terms)
    rows_s = time.perf_counter() - t
    per_core = len(sample) / (analysis + rows_s)
    print(f"one core, {len(sample)} articles: pipeline built in {built:.2f} s; analysis {len(sample) / analysis:.1f} "
          f"articles/s, rows {len(sample) / rows_s:.0f} articles/s ({rows_s / (analysis + rows_s):.1%} of a worker's "
          f"time); a worker {per_core:.1f} articles/s, {jobs} ideal workers {jobs * per_core:.1f} articles/s")
    tokens = sum(len(d.split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as store:
        report = ingest((Document(text=t) for t in docs), store, jobs=jobs, progress=False)
        assert report.added == n, report.as_dict()
        print(f"ingest: {n} articles ({tokens} words) on {jobs} processes into SQLite in {report.seconds:.2f} s: "
              f"{n / report.seconds:.1f} articles/s, {len(report.failed)} failed; "
              f"{store.stats()['events']} events found")
        stored = [store.document(h) for h in list(store.stored_hashes())[:200]]
    # the writer alone: how fast analysed documents go into a fresh store, rows built in the writer
    # (Store.add_many) or already built by the workers (what the parent does during an ingest)
    stored = [d for d in stored if d]
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "write.db")) as store:
        t = time.perf_counter()
        store.add_many(stored)
        dt = time.perf_counter() - t
    rows = [document_rows(d, pipeline.resources.terms) for d in stored]
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "rows.db")) as store:
        t = time.perf_counter()
        store.add_rows(rows)
        dr = time.perf_counter() - t
    print(f"write only: {len(stored)} analysed articles: add_many {len(stored) / dt:.0f} articles/s, "
          f"add_rows (the ingest writer's share) {len(stored) / dr:.0f} articles/s")


def generated_documents(n_events: int, per_doc: int = 10, seed: int = 7):
    rng = random.Random(seed)
    for d in range(n_events // per_doc):
        words = " ".join(rng.choice(WORDS) for _ in range(30))
        doc = Document(text=f"خبر {d}: {words}", title=f"خبر {d}",
                       published=f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                       pipeline="bench")
        for i in range(per_doc):
            code, plover = rng.choice(CAMEO)
            src, tgt = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
            ssec, tsec = rng.choice(SECTORS), rng.choice(SECTORS)
            place = None
            if rng.random() < 0.7:
                country = rng.choice(list(CITIES))
                name, lat, lon = CITIES[country]
                place = EventPlace(en=name, country=country, lat=lat, lon=lon, precision="city")
            doc.events.append(Event(
                id=f"e{i}", trigger=Span(0, 3, "خبر"),
                cameo=Cameo(code, plover.title(), -2.0, 3),
                plover=Plover(plover, None, []),
                source=EventActor(text="x", actor=Actor(country=src, sectors=[ssec] if ssec else [], code=src + ssec)),
                target=EventActor(text="y", actor=Actor(country=tgt, sectors=[tsec] if tsec else [], code=tgt + tsec)),
                place=place, modality=rng.choice(MODALITIES),
            ))
        yield doc


FILTERS = {
    "no filter": EventFilter(),
    "--actor IRN": EventFilter(actor="IRN"),
    "--actor IRNGOV --type PROTEST": EventFilter(actor="IRNGOV", plover="PROTEST"),
    "--cameo 14 --since 2020-01-01": EventFilter(cameo="14", since="2020-01-01"),
    "--place CHE --until 2015-12-31": EventFilter(place="CHE", until="2015-12-31"),
    "--modality historical --actor SYR": EventFilter(modality="historical", actor="SYR"),
    "--actor IRN --type ASSAULT --place SYR --since 2018-01-01 --until 2019-12-31": EventFilter(
        actor="IRN", plover="ASSAULT", place="SYR", since="2018-01-01", until="2019-12-31"),
    "--text 4321 (a selective query: one article)": EventFilter(text="4321"),
    "--text مظاهرة --actor EGY (the word is in 92% of the generated articles)": EventFilter(text="مظاهرة", actor="EGY"),
}


def bench_query(n_events: int, url: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = url or str(Path(tmp) / "query.db")
        with open_store(url) as store:
            if store.stats()["events"] < n_events:
                t = time.perf_counter()
                docs = generated_documents(n_events)
                while True:
                    batch = [d for _, d in zip(range(500), docs)]
                    if not batch:
                        break
                    store.add_many(batch)
                print(f"generated {store.stats()['events']} events in {time.perf_counter() - t:.1f} s")
            for name, f in FILTERS.items():
                times, capped = [], []
                for _ in range(5):
                    t = time.perf_counter()
                    rows = store.events(f, limit=100)
                    times.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    store.count_events(f, cap=COUNT_CAP + 1)  # what `isnad events` counts for its table
                    capped.append(time.perf_counter() - t)
                t = time.perf_counter()
                total = store.count_events(f)
                count_ms = (time.perf_counter() - t) * 1000
                print(f"events {name}: {len(rows)} rows of {total}, median {statistics.median(times) * 1000:.1f} ms "
                      f"(count up to {COUNT_CAP:,} {statistics.median(capped) * 1000:.1f} ms, every match "
                      f"{count_ms:.1f} ms)")
        isnad = str(Path(sys.executable).parent / "isnad")
        startup = min(wall([isnad, "--version"]) for _ in range(5))
        print(f"`isnad --version` (start-up): {startup * 1000:.0f} ms wall, best of 5")
        for args in (["--actor", "IRN", "--type", "PROTEST", "--since", "2020-01-01"], ["--place", "CHE"]):
            best = min(wall([isnad, "events", "--db", url, *args]) for _ in range(5))
            print(f"`isnad events {' '.join(args)}` (table): {best * 1000:.0f} ms wall, best of 5, "
                  f"{(best - startup) * 1000:.0f} ms more than start-up")


def wall(command: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("ingest")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--articles", type=int, default=600)
    q = sub.add_parser("query")
    q.add_argument("--events", type=int, default=100_000)
    q.add_argument("--db", help="store URL (default: a temporary SQLite file); a PostgreSQL URL works too")
    args = parser.parse_args()
    if args.what == "ingest":
        bench_ingest(args.jobs, args.articles)
    else:
        bench_query(args.events, args.db)


if __name__ == "__main__":
    main()
