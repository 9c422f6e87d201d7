"""Latency of every page and API call the dashboard makes, on a store of 100,000 events: p50 and p95 each.

The store is the news corpus ingested by ``isnad ingest`` (``--news``: its JSONL, ``published`` per line; the
SaudiNewsNet corpus gives about 35,000 events). When that holds fewer events than ``--events``, a copy of it
(benchmark only) repeats its event rows, each copy with its own keys, until it does. A real server (uvicorn,
loopback) is then asked each address ``--rounds`` times.

    .venv/bin/python scripts/bench_api.py --news NEWS.jsonl --db /tmp/isnad-news.db [--events 100000] [--rounds 20] [--cold]

The server keeps the answers it computed until the store's next write, so a repeated address is answered from
memory; ``--cold`` keeps none, so that every request computes its answer (as the first one after a write does).
Both stores are kept and reused. The target: every address under 200 ms at p95.
"""
from __future__ import annotations

import argparse
import json
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from isnad.api import create_app

TARGET_MS = 200


def ingest(news: str, db: str) -> None:
    if Path(db).exists():
        return
    subprocess.run([sys.executable, "-m", "isnad", "ingest", news, "--db", db, "--jobs", "2"], check=False)


def replicated(db: str, n_events: int) -> str:
    """A copy of ``db`` whose events table holds at least ``n_events`` rows (the rows repeated)."""
    con = sqlite3.connect(db)
    have = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    con.close()
    if have >= n_events:
        return db
    out = str(Path(db).with_suffix(f".{n_events}.db"))
    if Path(out).exists():
        return out
    shutil.copyfile(db, out)
    con = sqlite3.connect(out)
    columns = [r[1] for r in con.execute("PRAGMA table_info(events)") if r[1] != "rid"]
    top = con.execute("SELECT MAX(seq) + 1 FROM events").fetchone()[0]
    picked = ", ".join({"seq": f"seq + {top} * ?", "id": "id || '-' || ?"}.get(c, c) for c in columns)
    copies = -(-n_events // have)
    for copy in range(1, copies):
        con.execute(f"INSERT INTO events ({', '.join(columns)}) SELECT {picked} FROM events WHERE seq < ?",
                    (copy, copy, top))
    con.execute("UPDATE documents SET events = events * ?", (copies,))  # each article now holds its copies
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "event_attributions" in tables:  # the dashboard's rows of each event and article (else made at opening)
        for copy in range(1, copies):
            con.execute("INSERT INTO event_attributions (doc, seq, attribution) "
                        "SELECT doc, seq + ? * ?, attribution FROM event_attributions WHERE seq < ?", (top, copy, top))
        con.execute("UPDATE document_types SET events = events * ?", (copies,))
    con.execute("ANALYZE")
    con.commit()
    con.close()
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def addresses(client: httpx.Client) -> list[str]:
    """What the dashboard asks for, view by view (ids and keys taken from the store itself)."""
    events = client.get("/api/events", params={"limit": 1}).json()["items"]
    doc = events[0]["document_id"]
    place = client.get("/api/map").json()["items"][0]["key"]
    stories = client.get("/api/stories", params={"limit": 1}).json()["items"]
    days = sorted({d for d, _ in client.get("/api/timeline").json()["line"]})
    mid = days[len(days) // 2]
    week = f"since={mid}&until={days[min(len(days) - 1, len(days) // 2 + 6)]}"
    out = [
        "/", "/static/js/main.js", "/static/app.css", "/static/world.json", "/static/vendor/cytoscape.min.js",
        "/api/stats",
        # events table
        "/api/events?limit=50&offset=0", "/api/events?limit=50&offset=500", "/api/events?plover=ACCUSE&limit=50&offset=0",
        "/api/events?actor=IRN&limit=50&offset=0", "/api/events?place=YEM&limit=50&offset=0",
        f"/api/events?{week}&limit=50&offset=0", "/api/events?text=%D8%A7%D9%84%D8%AD%D9%88%D8%AB%D9%8A&limit=50&offset=0",
        # timeline (and its table)
        "/api/timeline", "/api/timeline?by=published", "/api/timeline?plover=ASSAULT", "/api/timeline?actor=SAU",
        # map
        "/api/map", f"/api/map?{week}", f"/api/map/events?key={httpx.URL(params={'k': place}).query.decode()[2:]}&limit=50",
        # actor network, source graph
        "/api/events?limit=1000", f"/api/events?{week}&limit=1000", "/api/sources?documents=100", f"/api/sources?{week}&documents=100",
        # article, search, stories
        f"/api/documents/{doc}", "/api/search?q=%D8%A7%D9%84%D9%84%D8%AC%D9%88%D8%A1&limit=50",
        "/api/stories?min_articles=2&limit=50&offset=0",
    ]
    if stories:
        out.append(f"/api/stories/{stories[0]['id']}")
    return out


def measure(db: str, rounds: int, cold: bool) -> dict[str, dict[str, float]]:
    port = free_port()
    app = create_app(db, None, answer_bytes=0) if cold else create_app(db, None)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    times: dict[str, list[float]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            urls = addresses(client)
            for url in urls:  # warm the page cache once
                client.get(url).raise_for_status()
            for _ in range(rounds):
                for url in urls:
                    t0 = time.perf_counter()
                    r = client.get(url)
                    ms = (time.perf_counter() - t0) * 1000
                    r.raise_for_status()
                    times.setdefault(url, []).append(ms)
    finally:
        server.should_exit = True
        thread.join(5)

    def p95(ts: list[float]) -> float:
        return sorted(ts)[max(0, int(round(0.95 * len(ts))) - 1)]

    return {u: {"p50_ms": round(statistics.median(ts), 1), "p95_ms": round(p95(ts), 1)} for u, ts in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", required=True, help="the news as JSONL (id, outlet, url, title, published, text)")
    parser.add_argument("--db", default="/tmp/isnad-news.db", help="the store of the ingested news (kept)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--cold", action="store_true", help="the server keeps no answers: each request computes its own")
    args = parser.parse_args()
    ingest(args.news, args.db)
    db = replicated(args.db, args.events)
    con = sqlite3.connect(db)
    n_docs, n_events = (con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "events"))
    con.close()
    result = measure(db, args.rounds, args.cold)
    print(json.dumps({"store": db, "documents": n_docs, "events": n_events, "rounds": args.rounds, "cold": args.cold,
                      "by_address": result},
                     ensure_ascii=False, indent=1))
    worst = max(result.items(), key=lambda kv: kv[1]["p95_ms"])
    slow = [u for u, r in result.items() if r["p95_ms"] > TARGET_MS]
    print(f"{len(result)} addresses on {n_events} events: worst p95 {worst[1]['p95_ms']} ms ({worst[0]}); "
          f"{len(slow)} over {TARGET_MS} ms" + (f": {', '.join(slow)}" if slow else ""))


if __name__ == "__main__":
    main()
