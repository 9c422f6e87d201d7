"""Benchmark of `isnad ingest --cluster`: one Dask worker against two, the same articles, in one run.

    ISNAD_SHARED_DATA=... .venv/bin/python scripts/bench_cluster.py --db postgresql://... [--articles 2000]

Starts a `dask scheduler` on loopback, then for 1 and 2 workers (`dask worker --nthreads 1`): empties the
PostgreSQL database of --db, ingests the first --articles SaudiNewsNet articles through the cluster with
this process as the writer, and prints articles/s and tokens/s (whitespace words), in all and per worker,
from the first commit on (the workers' Pipelines are built by then), and each worker's memory (RSS)
sampled from then on: its peak and its value at each quarter of the run, to show whether it stays flat,
and the CPU time an article costs the writer (this process) and the PostgreSQL server (all its processes,
autovacuum included, when it runs on this machine). Then the speed-up of two workers over one (--workers chooses the numbers of
workers). --profile FILE writes a cProfile of the writer during the first run (CPU time).
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from isnad.document import Document
from isnad.eval.paths import article_text
from isnad.ingest.cluster import ingest_cluster
from isnad.store import open_store

SHARED = Path(os.environ.get("ISNAD_SHARED_DATA") or Path(__file__).resolve().parent.parent.parent / "shared" / "data")
BIN = Path(sys.executable).parent


def news(n: int) -> list[Document]:
    with gzip.open(SHARED / "news" / "saudinewsnet_dev.jsonl.gz", "rt", encoding="utf-8") as f:
        out = []
        for line in itertools.islice(f, n):
            a = json.loads(line)
            out.append(Document(text=article_text(a), id=a["id"], outlet=a.get("outlet"), url=a.get("url"),
                                published=a["extracted"][:10]))
        return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sampler(threading.Thread):
    """Samples the resident memory of some processes twice a second."""

    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self.procs = [psutil.Process(p) for p in pids]
        self.samples: list[tuple[float, list[int]]] = []  # (time, RSS of each process)
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.5):
            self.samples.append((time.perf_counter(), [p.memory_info().rss for p in self.procs]))


def run(address: str, workers: int, docs: list[Document], db: str, log: Path, profile: str | None = None) -> dict:
    from distributed import Client

    procs = [subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-nanny",
                               "--no-dashboard", "--host", "127.0.0.1"],
                              stdout=open(log / f"worker-{workers}-{i}.log", "wb"), stderr=subprocess.STDOUT)
             for i in range(workers)]
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)
        with open_store(db) as store:
            with store.transaction() as cur:
                cur.execute("TRUNCATE documents, mentions, doc_keys, actors, places, clusters CASCADE")
        first: list[tuple[float, int, float, float]] = []
        profiler = cProfile.Profile(time.process_time) if profile else None

        with open_store(db) as store:
            server = server_process(store)

            def on_commit(report) -> None:
                if not first:
                    first.append((time.perf_counter(), report.documents, time.process_time(), cpu(server)))

            sampler = Sampler([p.pid for p in procs])
            sampler.start()
            if profiler:
                profiler.enable()
            report = ingest_cluster(iter(docs), store, address, progress=False, on_commit=on_commit)
            if profiler:
                profiler.disable()
                profiler.dump_stats(profile)
            end, writer_end, server_end = time.perf_counter(), time.process_time(), cpu(server)
        sampler.stop.set()
        sampler.join()
    finally:
        for p in procs:
            p.kill()
            p.wait()
    t0, n0, w0, s0 = first[0]
    rate = (report.documents - n0) / (end - t0)
    n = max(1, report.documents - n0)
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    samples = [rss for t, rss in sampler.samples if t >= t0]  # once the Pipelines are built
    quarters = [samples[min(len(samples) - 1, len(samples) * q // 4)] for q in (1, 2, 3, 4)] if samples else []
    return {"workers": workers, "report": report.as_dict(), "articles_s": rate, "tokens_s": rate * words,
            "peak_mb": [max(s[i] for s in samples) / 2**20 for i in range(workers)] if samples else [],
            "quarters_mb": [[round(s[i] / 2**20) for s in quarters] for i in range(workers)],
            "writer_ms": 1000 * (writer_end - w0) / n, "server_ms": 1000 * (server_end - s0) / n if server else None}


def server_process(store) -> Any:
    """The PostgreSQL server (postmaster) of the store's connection, when it runs on this machine (else None)."""
    try:
        return psutil.Process(store.query("SELECT pg_backend_pid()")[0][0]).parent()
    except (psutil.Error, Exception):
        return None


def cpu(server: Any) -> float:
    """CPU seconds used by the server: the backend, autovacuum and the other processes, the ended ones too
    (counted into the postmaster's children's times when they end)."""
    if server is None:
        return 0.0
    t = server.cpu_times()
    total = t.user + t.system + t.children_user + t.children_system
    for child in server.children():
        try:
            c = child.cpu_times()
            total += c.user + c.system
        except psutil.Error:  # ended meanwhile: counted in the postmaster's children's times
            pass
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="a PostgreSQL URL (the database is emptied)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="the numbers of workers to run with, in turn")
    parser.add_argument("--profile", help="write a cProfile of the writer during the first run to this file")
    args = parser.parse_args()
    counts = [int(k) for k in args.workers.split(",")]
    docs = news(args.articles)
    address = f"tcp://127.0.0.1:{free_port()}"
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp)
        scheduler = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port",
                                      address.rsplit(":", 1)[1], "--no-dashboard"],
                                     stdout=open(log / "scheduler.log", "wb"), stderr=subprocess.STDOUT)
        try:
            results = [run(address, k, docs, args.db, log, args.profile if i == 0 else None)
                       for i, k in enumerate(counts)]
        finally:
            scheduler.kill()
            scheduler.wait()
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for r in results:
        k = r["workers"]
        print(f"{k} worker{'s' if k > 1 else ''}: {r['articles_s']:.1f} articles/s, {r['tokens_s']:.0f} tokens/s "
              f"({r['articles_s'] / k:.1f} articles/s, {r['tokens_s'] / k:.0f} tokens/s per worker); {r['report']}")
        server = f", its PostgreSQL server {r['server_ms']:.1f} ms" if r["server_ms"] is not None else ""
        print(f"  CPU an article: the writer {r['writer_ms']:.1f} ms{server}")
        for i, (peak, quarters) in enumerate(zip(r["peak_mb"], r["quarters_mb"])):
            print(f"  worker {i}: peak RSS {peak:.0f} MB; RSS at each quarter of the run {quarters} MB")
    for r in results[1:]:
        print(f"speed-up of {r['workers']} workers over {results[0]['workers']}: "
              f"{r['articles_s'] / results[0]['articles_s']:.2f}x")


if __name__ == "__main__":
    main()
