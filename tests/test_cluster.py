"""`isnad ingest --cluster` with real parts: a `dask scheduler` and `dask worker` processes on loopback, a
PostgreSQL server, real news articles. A worker killed mid-run loses nothing and stores nothing twice; a
scheduler gone stops the run with a clear error, and the rerun completes the rest; the store ends as a
single-process SQLite ingest of the same files does.
"""
from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_store import fresh_pg, pg_database, pg_server  # noqa: F401 (fixtures)

from isnad.eval.paths import article_text
from isnad.ingest.folders import read_any
from isnad.ingest.runner import ingest
from isnad.store import open_store

pytest.importorskip("distributed")

BIN = Path(sys.executable).parent
ARTICLES = 200


@pytest.fixture(scope="module")
def news_file(shared_data, tmp_path_factory) -> Path:
    """The first ARTICLES SaudiNewsNet articles, as the JSON lines `isnad ingest` reads."""
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    with gzip.open(shared_data / "news" / "saudinewsnet_dev.jsonl.gz", "rt", encoding="utf-8") as f, \
            open(path, "w", encoding="utf-8") as out:
        for line in itertools.islice(f, ARTICLES):
            a = json.loads(line)
            out.write(json.dumps({"id": a["id"], "outlet": a["outlet"], "url": a["url"],
                                  "published": a["extracted"][:10], "text": article_text(a)},
                                 ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def reference(news_file, tmp_path_factory) -> dict:
    """What a single-process ingest of the same file into SQLite stores."""
    path = tmp_path_factory.mktemp("sqlite") / "reference.db"
    with open_store(str(path)) as store:
        report = ingest(read_any([str(news_file)]), store, jobs=1, progress=False)
        assert report.added > 0 and not report.failed
        return contents(store)


def contents(store) -> dict:
    """The store's documents, articles, events, copy families and event clusters, in comparable form."""
    q = store.query
    clusters: dict[str, set] = {}
    for cluster, doc, seq in q("SELECT cluster, doc, seq FROM cluster_events"):
        clusters.setdefault(cluster, set()).add((doc, int(seq)))
    families: dict[str, set] = {}
    for h, family in q("SELECT hash, family FROM documents"):
        families.setdefault(family, set()).add(h)
    return {
        "documents": sorted(r[0] for r in q("SELECT hash FROM documents")),
        "articles": sorted(tuple(r) for r in q("SELECT id, doc FROM articles")),
        "events": sorted(tuple(r) for r in q("SELECT doc, seq, cameo, source_code, target_code, modality FROM events")),
        "families": sorted(sorted(m) for m in families.values()),
        "clusters": sorted(sorted(m) for m in clusters.values()),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DaskCluster:
    """A scheduler and its workers, each a `dask` command of this environment."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.scheduler = self._start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port",
                                                   self.address.rsplit(":", 1)[1], "--no-dashboard"])
        self.workers: list[subprocess.Popen] = []

    def _start(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "wb")
        return subprocess.Popen([str(BIN / "dask"), *args], stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)

    def add_workers(self, n: int) -> None:
        from distributed import Client

        for _ in range(n):
            # no nanny: a killed worker stays dead, so its partitions must be run by another
            self.workers.append(self._start(f"worker{len(self.workers)}", [
                "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"]))
        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(len(self.workers), timeout=120)

    def stop(self) -> None:
        for p in [*self.workers, self.scheduler]:
            if p.poll() is None:
                p.kill()
            p.wait()


@contextmanager
def dask_cluster(tmp: Path, workers: int) -> Iterator[DaskCluster]:
    cluster = DaskCluster(tmp)
    try:
        cluster.add_workers(workers)
        yield cluster
    finally:
        cluster.stop()


def start_ingest(news_file: Path, db: str, address: str) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "isnad"), "ingest", str(news_file), "--db", db, "--no-progress"],
                            env={**os.environ, "ISNAD_CLUSTER": address}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def stored_documents(db: str) -> int:
    import psycopg

    with psycopg.connect(db) as conn:
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except psycopg.errors.UndefinedTable:  # not migrated yet
            return 0


def wait_for_documents(db: str, n: int, proc: subprocess.Popen, timeout: float = 150) -> int:
    """Wait until the store holds at least ``n`` documents (while the ingest runs); how many it holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = stored_documents(db)
        if count >= n or proc.poll() is not None:
            return count
        time.sleep(0.2)
    pytest.fail(f"the ingest stored fewer than {n} documents in {timeout} s")


def test_a_killed_worker_loses_nothing_and_stores_nothing_twice(news_file, reference, pg_database, tmp_path):
    db = fresh_pg(pg_database)
    with dask_cluster(tmp_path, workers=2) as cluster:
        proc = start_ingest(news_file, db, cluster.address)
        at_kill = wait_for_documents(db, 30, proc)
        victim = cluster.workers[0]
        victim.send_signal(signal.SIGKILL)  # busy: each worker holds several partitions of the run
        out, err = proc.communicate(timeout=240)
        assert victim.wait() == -signal.SIGKILL
        assert at_kill < len(reference["documents"]), "the worker was killed after the run had ended"
        assert proc.returncode == 0, err
        assert f"{len(reference['documents'])} added, 0 replaced" in err
        with open_store(db) as store:
            assert contents(store) == reference

        # the same command again: everything is stored, nothing is analysed or written again
        again = start_ingest(news_file, db, cluster.address)
        _, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert f"0 added, 0 replaced, {ARTICLES} unchanged" in err
        with open_store(db) as store:
            assert contents(store) == reference


def test_a_lost_scheduler_stops_the_run_and_the_rerun_completes_it(news_file, reference, pg_database, tmp_path):
    db = fresh_pg(pg_database)
    (tmp_path / "first").mkdir()
    with dask_cluster(tmp_path / "first", workers=1) as cluster:
        proc = start_ingest(news_file, db, cluster.address)
        wait_for_documents(db, 20, proc)
        cluster.scheduler.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "Dask scheduler" in err and "running the same command again" in err
    assert "Traceback" not in err
    stopped_at = stored_documents(db)
    assert 0 < stopped_at < len(reference["documents"])

    (tmp_path / "second").mkdir()
    with dask_cluster(tmp_path / "second", workers=1) as cluster:
        proc = start_ingest(news_file, db, cluster.address)
        _, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err
    assert f"{len(reference['documents']) - stopped_at} added, 0 replaced" in err
    with open_store(db) as store:
        assert contents(store) == reference


def test_an_unreachable_scheduler_is_named(news_file, tmp_path):
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    proc = subprocess.run([str(BIN / "isnad"), "ingest", str(news_file), "--db", str(tmp_path / "s.db"),
                           "--cluster", address, "--no-progress"], capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    assert f"cannot reach the Dask scheduler at {address}" in proc.stderr
    assert "Traceback" not in proc.stderr
