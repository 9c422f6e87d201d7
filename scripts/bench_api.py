"""Latency of ``GET /api/events`` on a store of 100,000 events: p50 and p95 over a mix of filters.

The store is generated with the store API from hand-built documents (10 events each; actors, places,
codes and dates drawn with a fixed seed), then a real server (uvicorn, loopback) is queried over HTTP.

    .venv/bin/python scripts/bench_api.py [--events 100000] [--db /tmp/isnad-bench.db] [--rounds 40]

The store file is kept and reused when it already holds the requested number of events.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import threading
import time

import httpx
import uvicorn

from isnad.api import create_app
from isnad.document import Actor, Attribution, Cameo, Document, Event, EventActor, EventPlace, Plover, Span
from isnad.store import EventFilter, open_store

EVENTS_PER_DOC = 10
ACTORS = [("IRN", "Iran", "إيران"), ("USA", "United States", "الولايات المتحدة"), ("ISR", "Israel", "إسرائيل"),
          ("SYR", "Syria", "سوريا"), ("EGY", "Egypt", "مصر"), ("SAU", "Saudi Arabia", "السعودية"),
          ("TUR", "Turkey", "تركيا"), ("IRQ", "Iraq", "العراق"), ("LBN", "Lebanon", "لبنان"), ("CHE", "Switzerland", "سويسرا")]
SECTORS = ["GOV", "MIL", "OPP", "CVL", "REB", "JRN"]
PLACES = [("Geneva", "جنيف", "CHE", 46.2, 6.15), ("Tehran", "طهران", "IRN", 35.7, 51.4), ("Damascus", "دمشق", "SYR", 33.5, 36.3),
          ("Cairo", "القاهرة", "EGY", 30.0, 31.2), ("Baghdad", "بغداد", "IRQ", 33.3, 44.4), ("Beirut", "بيروت", "LBN", 33.9, 35.5),
          ("Riyadh", "الرياض", "SAU", 24.7, 46.7), ("Ankara", "أنقرة", "TUR", 39.9, 32.9)]
CODES = [("010", "Make statement", "CONSULT", "اعلن"), ("020", "Appeal", "REQUEST", "طالب"), ("036", "Express intent to meet", "CONSULT", "اجتمع"),
         ("042", "Make a visit", "CONSULT", "زار"), ("057", "Sign agreement", "AGREE", "وقع"), ("112", "Accuse", "ACCUSE", "اتهم"),
         ("120", "Reject", "REJECT", "رفض"), ("141", "Demonstrate", "PROTEST", "تظاهر"), ("173", "Arrest", "COERCE", "اعتقل"),
         ("190", "Use conventional military force", "ASSAULT", "قصف")]
MODALITIES = ["asserted", "reported", "planned", "negated", "historical"]


def make_document(i: int, rng: random.Random) -> Document:
    words, events = [], []
    pos = 0
    published = f"{2024 + rng.randrange(2)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    for k in range(EVENTS_PER_DOC):
        code, label, plover, verb = rng.choice(CODES)
        (sc, sen, sar), (tc, ten, tar) = rng.sample(ACTORS, 2)
        place = rng.choice(PLACES)
        sentence = f"{verb} مسؤولون من {sar} ضد {tar} في {place[1]} يوم {i}-{k}."
        start = pos + (1 if words else 0)  # sentences are joined by one space
        words.append(sentence)
        src = Actor(ar=sar, en=sen, country=sc, sectors=[rng.choice(SECTORS)], code=sc + rng.choice(SECTORS))
        tgt = Actor(ar=tar, en=ten, country=tc, code=tc + "GOV")
        events.append(Event(
            id=f"b{i}-{k}", trigger=Span(start, start + len(verb), verb),
            cameo=Cameo(code, label, round(rng.uniform(-10, 10), 1), rng.randrange(1, 5)),
            plover=Plover(plover, None, []),
            source=EventActor(sar, actor=src), target=EventActor(tar, actor=tgt),
            place=EventPlace(en=place[0], ar=place[1], country=place[2], lat=place[3], lon=place[4], precision="city"),
            modality=rng.choice(MODALITIES), attributions=["a1"] if k % 2 else [],
            credibility={"source_reliability": rng.choice("ABCDEF"), "information_credibility": rng.randrange(1, 7)},
            evidence={"rule": "bench"}, sentence=k))
        pos = start + len(sentence)
    text = " ".join(words)
    cue = text.index("مسؤولون")
    return Document(text=text, title=f"خبر رقم {i}", outlet="bench", published=published, events=events,
                    attributions=[Attribution("a1", Span(cue, cue + len("مسؤولون"), "مسؤولون"), None, "anonymous")])


def build(db: str, n_events: int) -> None:
    with open_store(db) as store:
        have = store.stats().get("events", 0)
        if have >= n_events:
            print(f"reusing {db}: {have} events")
            return
        rng = random.Random(7)
        t0 = time.perf_counter()
        n_docs = n_events // EVENTS_PER_DOC
        batch: list[Document] = []
        for i in range(n_docs):
            batch.append(make_document(i, rng))
            if len(batch) == 1000:
                store.add_many(batch)
                batch = []
        if batch:
            store.add_many(batch)
        print(f"built {db}: {store.stats()['events']} events in {time.perf_counter() - t0:.0f} s")


QUERIES = [
    {}, {"actor": "IRN"}, {"plover": "PROTEST"}, {"cameo": "14"}, {"place": "SYR"}, {"modality": "reported"},
    {"since": "2025-03-01", "until": "2025-03-31"}, {"actor": "USAMIL", "plover": "ASSAULT", "place": "IRQ"},
    {"offset": 5000}, {"limit": 1000}, {"text": "طهران"}, {"actor": "EGY", "since": "2024-06-01"},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(db: str, rounds: int) -> dict:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, None), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    per_query: dict[str, list[float]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            for q in QUERIES:  # warm the page cache once
                client.get("/api/events", params=q).raise_for_status()
            for _ in range(rounds):
                for q in QUERIES:
                    t0 = time.perf_counter()
                    r = client.get("/api/events", params=q)
                    ms = (time.perf_counter() - t0) * 1000
                    r.raise_for_status()
                    per_query.setdefault(json.dumps(q, ensure_ascii=False), []).append(ms)
    finally:
        server.should_exit = True
        thread.join(5)
    every = sorted(t for ts in per_query.values() for t in ts)

    def p95(ts: list[float]) -> float:
        return sorted(ts)[max(0, int(round(0.95 * len(ts))) - 1)]

    return {
        "requests": len(every), "p50_ms": round(statistics.median(every), 1), "p95_ms": round(p95(every), 1),
        "by_query": {q: {"p50_ms": round(statistics.median(ts), 1), "p95_ms": round(p95(ts), 1)} for q, ts in per_query.items()},
    }


def store_breakdown(db: str, rounds: int) -> dict:
    """The same queries straight on the store, to tell the store's time from the HTTP layer's: the page as
    the API makes it (``events_page``: capped count and JSON texts), and as decoded dicts (``events``)."""
    out = {}
    with open_store(db) as store:
        for q in QUERIES:
            q = dict(q)
            limit, offset = q.pop("limit", 100), q.pop("offset", 0)
            f = EventFilter(**q)
            page, events = [], []
            for _ in range(max(3, rounds // 4)):
                t0 = time.perf_counter()
                store.events_page(f, limit=limit, offset=offset)
                t1 = time.perf_counter()
                store.events(f, limit=limit, offset=offset)
                t2 = time.perf_counter()
                page.append((t1 - t0) * 1000)
                events.append((t2 - t1) * 1000)
            key = json.dumps({**q, **({"limit": limit} if limit != 100 else {}), **({"offset": offset} if offset else {})},
                             ensure_ascii=False)
            out[key] = {"page_ms": round(statistics.median(page), 1), "events_ms": round(statistics.median(events), 1)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/isnad-bench-api.db")
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    build(args.db, args.events)
    with open_store(args.db) as store:
        total = store.count_events(EventFilter())
    result = {"events": total, **measure(args.db, args.rounds), "store_median": store_breakdown(args.db, args.rounds)}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(f"GET /api/events on {total} events: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms (target <= 100 ms)")


if __name__ == "__main__":
    main()
