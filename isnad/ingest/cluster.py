"""`isnad ingest --cluster`: analysis on the workers of a Dask cluster, one writer into the store.

The inputs are read here and cut into partitions of documents still to analyse (the same skipping as the
local ingest: text hash and pipeline version). Each Dask worker builds one Pipeline when it joins (a
worker plugin) and turns a partition into table rows. This process is the only writer: it commits the
partitions in input order, in batches, so the cross-article layer (copy families, event clusters, grades)
sees the articles in the order a single-machine ingest does and ends in the same state.

Faults: Dask runs again elsewhere a partition whose worker died, and a partition is written only once its
result is here, so nothing is lost or stored twice. When the scheduler goes away the run stops with an
error; what was committed stays, and running the same command again analyses the rest only.
"""
from __future__ import annotations

import itertools
import logging
import time
from collections import deque
from concurrent.futures import CancelledError
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from distributed import Client, KilledWorker, WorkerPlugin, get_worker

from isnad.errors import IsnadError
from isnad.ingest.files import Failed, Item
from isnad.ingest.runner import (
    BATCH_DOCS, IngestReport, analyse_one, build_pipeline, pending, pipeline_version, progress_bar, write,
)
from isnad.store.base import Rows, chunked, document_rows

PARTITION = 16  # documents per task: about half a second of one worker's time
IN_FLIGHT = 4  # partitions queued per worker thread, so none waits for work while the writer commits
PLUGIN = "isnad-pipeline"
CONNECT_SECONDS = 20


class ClusterError(IsnadError):
    code = "E106"


class PipelinePlugin(WorkerPlugin):
    """Builds the worker's one Pipeline when it starts (and on every worker that joins later)."""

    def __init__(self, stages: Sequence[str] | None, options: dict[str, Any]) -> None:
        self.stages, self.options = stages, options
        self.pipeline: Any = None

    def setup(self, worker: Any) -> None:
        self.pipeline = build_pipeline(self.stages, self.options)


def _worker_pipeline() -> Any:
    return get_worker().plugins[PLUGIN].pipeline


def worker_version() -> str:
    """The version of the Pipeline built on the worker that runs this task."""
    return _worker_pipeline().version


def analyse_partition(docs: list[Any], encode: Callable[[Rows], Rows] | None = None) -> list[Rows | Failed]:
    """Analyse a partition on a worker: each document's table rows (put in the store's bulk form by
    ``encode``, the store's ``row_encoder``: work the single writer need not do), or why it failed."""
    pipeline = _worker_pipeline()
    out: list[Rows | Failed] = []
    for doc in docs:
        result = analyse_one(pipeline, doc)
        if isinstance(result, Failed):
            out.append(result)
        else:
            rows = document_rows(result, pipeline.resources)
            out.append(encode(rows) if encode else rows)
    return out


def connect(address: str) -> Any:
    """A Dask client of the scheduler at ``address``, or a ClusterError naming it."""
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {e}") from None


def ingest_cluster(items: Iterable[Item], store: Any, address: str, published: str | None = None,
                   progress: bool | None = None, options: dict[str, Any] | None = None,
                   batch_docs: int = BATCH_DOCS, stages: Sequence[str] | None = None,
                   partition: int = PARTITION,
                   on_commit: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Analyse ``items`` on the Dask cluster whose scheduler is at ``address`` and add them to ``store``."""
    with _quiet_dask():
        return _ingest(items, store, address, published, progress, options, batch_docs, stages, partition, on_commit)


@contextmanager
def _quiet_dask() -> Iterator[None]:
    """Dask's client logs its failed reconnections with tracebacks: the run reports a lost scheduler itself."""
    names = ["distributed", *(n for n in logging.root.manager.loggerDict if n.startswith("distributed."))]
    levels = {n: logging.getLogger(n).level for n in names}
    for n in names:
        logging.getLogger(n).setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for n, level in levels.items():
            logging.getLogger(n).setLevel(level)


def _ingest(items: Iterable[Item], store: Any, address: str, published: str | None, progress: bool | None,
            options: dict[str, Any] | None, batch_docs: int, stages: Sequence[str] | None, partition: int,
            on_commit: Callable[[IngestReport], None] | None) -> IngestReport:
    report = IngestReport()
    start = time.perf_counter()
    bar = progress_bar(progress)
    version = pipeline_version(stages)
    stored = store.stored_hashes(version)
    copies: list[dict[str, Any]] = []
    docs = pending(items, stored, published, report, bar, store.terms.normaliser, copies)
    client = None
    try:
        head = list(itertools.islice(docs, 1))
        if not head:
            copies[:] = store.add_articles(copies)
            return report
        client = connect(address)
        try:
            client.register_plugin(PipelinePlugin(list(stages) if stages else None, options or {}), name=PLUGIN)
            real = client.submit(worker_version, pure=False).result()
        except Exception as e:
            raise _lost(address, e, report) from None
        if real != version:  # the workers' stages name themselves differently: skip by their version
            stored.clear()
            stored.update(store.stored_hashes(real))
        partitions = chunked(itertools.chain(head, docs), partition)
        encode = getattr(store, "row_encoder", None)
        results = itertools.chain.from_iterable(_in_order(client, partitions, address, report, encode))
        write(store, results, report, bar, copies, batch_docs, on_commit)
    finally:
        if client is not None:
            client.close(timeout=5)
        bar.close()
        report.seconds = time.perf_counter() - start
    return report


def _in_order(client: Any, partitions: Iterator[list[Any]], address: str, report: IngestReport,
              encode: Callable[[Rows], Rows] | None = None) -> Iterator[list[Rows | Failed]]:
    """The results of the partitions, in input order, with a bounded number of them on the cluster."""
    queue: deque[Any] = deque()
    while True:
        try:
            threads = max(1, sum(client.nthreads().values()))
            while len(queue) < IN_FLIGHT * threads:
                part = next(partitions, None)
                if part is None:
                    break
                queue.append(client.submit(analyse_partition, part, encode, pure=False))
            if not queue:
                return
            future = queue.popleft()
            results = future.result()
        except Exception as e:
            for f in queue:
                f.cancel()
            raise _lost(address, e, report) from None
        future.release()
        yield results


def _lost(address: str, e: BaseException, report: IngestReport) -> ClusterError:
    detail = type(e).__name__ + (": " + str(e).splitlines()[0] if str(e) else "")
    if isinstance(e, KilledWorker):
        why = f"a partition killed every worker that ran it ({detail})"
    elif isinstance(e, (CancelledError, OSError, TimeoutError)):  # the connection to the scheduler is lost
        why = f"the Dask scheduler at {address} stopped answering ({detail})"
    else:
        why = f"a Dask worker failed ({detail})"
    return ClusterError(
        f"{why}. {report.added + report.replaced} documents were committed before it; running the same "
        "command again analyses the rest only")
