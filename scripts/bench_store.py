"""Benchmarks of the store: ingest rate and event queries at scale.

    .venv/bin/python scripts/bench_store.py ingest [--jobs 2] [--articles 600]
    .venv/bin/python scripts/bench_store.py query [--events 100000] [--db URL]
    .venv/bin/python scripts/bench_store.py news [--jobs 2] [--articles N] [--db URL] [--adds 50]

`ingest` analyses articles regrouped from the event gold standard (three sentences each) into a fresh
SQLite store and prints articles/s. `query` fills a generated store with that many events (random but
seeded: actors, CAMEO codes, dates, places) and times `Store.events` with filters (limit 100) and the
`isnad events` command end to end. `news` ingests the SaudiNewsNet articles of the reference data (all
26,194 unless --articles), in the order received, with the cross-article layer on, into a fresh store
(SQLite, or the PostgreSQL database of --db, which it empties first), prints articles/s, peak memory and the
families and clusters found, then times the layer's update for --adds more articles added one by one.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from isnad.document import Actor, Cameo, Document, Event, EventActor, EventPlace, Plover, Span
from isnad.store import EventFilter, open_store
from isnad.store.base import COUNT_CAP

SHARED = Path(os.environ.get("ISNAD_SHARED_DATA") or Path(__file__).resolve().parent.parent.parent / "shared" / "data")
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


def news_documents(n: int | None = None) -> Iterator[Document]:
    """The SaudiNewsNet articles in file order (the order received but for 118 of them), read as they
    are ingested: the benchmark holds none of them, so its memory is the store's and the pipeline's."""
    import gzip
    import itertools
    import json

    from isnad.eval.paths import article_text

    with gzip.open(SHARED / "news" / "saudinewsnet_dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, n):
            a = json.loads(line)
            yield Document(text=article_text(a), id=a["id"], outlet=a.get("outlet"), url=a.get("url"),
                           published=a["extracted"][:10])


def bench_news(jobs: int, n: int | None, url: str | None, adds: int) -> None:
    import gzip
    import itertools
    import resource

    from isnad.ingest.runner import ingest
    from isnad.pipeline import Pipeline

    if n is None:
        with gzip.open(SHARED / "news" / "saudinewsnet_dev.jsonl.gz", "rt", encoding="utf-8") as f:
            n = sum(1 for _ in f)
    docs = news_documents(n)
    with tempfile.TemporaryDirectory() as tmp:
        target = url or str(Path(tmp) / "news.db")
        if target.startswith("postgres"):
            with open_store(target) as store:
                with store.transaction() as cur:
                    cur.execute("TRUNCATE documents, mentions, doc_keys, actors, places, clusters CASCADE")
        with open_store(target) as store:
            start = time.perf_counter()
            report = ingest(itertools.islice(docs, n - adds), store, jobs=jobs, progress=True)
            seconds = time.perf_counter() - start
            q = store.query
            families = q("SELECT COUNT(DISTINCT family), SUM(CASE WHEN relation IS NOT NULL THEN 1 ELSE 0 END) FROM documents")[0]
            clusters = q("SELECT COUNT(*), SUM(CASE WHEN articles > 1 THEN 1 ELSE 0 END) FROM clusters")[0]
            articles = q("SELECT COUNT(*) FROM articles")[0][0]
            print(f"{store.backend}: {n - adds} articles in {seconds:.1f} s, {(n - adds) / seconds:.1f} articles/s "
                  f"(jobs {jobs}; {report.as_dict()})")
            print(f"  {articles} articles kept, {families[0]} families ({families[1]} texts joined one), "
                  f"{clusters[0]} clusters ({clusters[1]} with more than one article)")
            print(f"  peak memory after the ingest: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (writer)")
            pipeline = Pipeline()
            analysed = [pipeline(d) for d in docs]
            store.add(analysed[0])  # the first write of this process loads the MinHash library
            t0 = time.perf_counter()
            for d in analysed[1:]:
                store.add(d)
            per = (time.perf_counter() - t0) / max(1, len(analysed) - 1)
            print(f"  adding one analysed article to the full store (families, clusters, grades): {per * 1000:.1f} ms "
                  f"on average over {len(analysed) - 1}")


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
    w = sub.add_parser("news")
    w.add_argument("--jobs", type=int, default=2)
    w.add_argument("--articles", type=int, default=None)
    w.add_argument("--db", help="store URL (default: a temporary SQLite file); a PostgreSQL URL is emptied first")
    w.add_argument("--adds", type=int, default=50)
    q = sub.add_parser("query")
    q.add_argument("--events", type=int, default=100_000)
    q.add_argument("--db", help="store URL (default: a temporary SQLite file); a PostgreSQL URL works too")
    args = parser.parse_args()
    if args.what == "ingest":
        bench_ingest(args.jobs, args.articles)
    elif args.what == "news":
        bench_news(args.jobs, args.articles, args.db, args.adds)
    else:
        bench_query(args.events, args.db)


if __name__ == "__main__":
    main()
