"""The batch runner of `isnad ingest`: analyses documents in parallel and writes them to a store.

Workers each build one Pipeline (in the pool initialiser) and analyse; the parent process is the single
writer and commits once per batch, so killing the run loses nothing already committed and running it
again completes the rest. A document whose hash is stored with the same pipeline version is skipped
without being analysed again.
"""
from __future__ import annotations

import importlib
import itertools
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from isnad.document import Document
from isnad.errors import IsnadError
from isnad.ingest.files import Failed, Item
from isnad.store.base import Rows, article_row, chunked, document_rows, prepare
from isnad.text.normalise import Normaliser

BATCH_DOCS = 64  # commit at least this often ...
BATCH_SECONDS = 2.0  # ... or after this long, whichever comes first
CHUNK = 4  # documents sent to a worker at a time
WINDOW = 64  # documents in flight per worker
SMALL = 16  # fewer pending documents than this are analysed in the parent process


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[Failed] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return self.added + self.replaced + self.unchanged

    def as_dict(self) -> dict[str, Any]:
        return {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged,
                "failed": len(self.failed), "seconds": round(self.seconds, 2)}


# --- the worker side: one Pipeline per process, built by the pool initialiser --------------------------
_worker_pipeline: Any = None  # set once per worker process by _init_worker; never by the parent
_worker_encode: Callable[[Rows], Rows] | None = None  # the store's row_encoder: its bulk form of the rows


def _init_worker(stages: Sequence[str] | None, options: dict[str, Any],
                 encode: Callable[[Rows], Rows] | None = None) -> None:
    global _worker_pipeline, _worker_encode
    _worker_encode = encode
    try:
        _worker_pipeline = build_pipeline(stages, options)
    except Exception as e:  # kept to be raised in the parent: a failing initialiser makes a Pool hang
        _worker_pipeline = e


def _pipeline() -> Any:
    if isinstance(_worker_pipeline, Exception):
        raise _worker_pipeline
    return _worker_pipeline


def build_pipeline(stages: Sequence[str] | None, options: dict[str, Any]) -> Any:
    from isnad.pipeline import DEFAULT, Pipeline

    return Pipeline(stages or DEFAULT, options=options)


def _worker_version(_: Any = None) -> str:
    return _pipeline().version


def _analyse(doc: Document) -> Rows | Failed:
    """Analyse in a worker and break the result into table rows there too: the single writer in the
    parent then only runs the SQL."""
    pipeline = _pipeline()
    out = analyse_one(pipeline, doc)
    if isinstance(out, Failed):
        return out
    rows = document_rows(out, pipeline.resources)
    return _worker_encode(rows) if _worker_encode else rows


def analyse_one(pipeline: Any, doc: Document) -> Document | Failed:
    """Analyse one document; an error becomes a Failed record instead of stopping the run."""
    try:
        out = pipeline(doc)
    except Exception as e:  # one bad article must not stop a batch of thousands
        return Failed(doc.meta.get("source") or doc.id or "document", f"analysis failed: {type(e).__name__}: {e}", doc.id)
    # working data is not stored: do not ship it back to the parent
    out.norm, out.offsets, out.tokens = "", None, []
    return out


# --- the parent side ---------------------------------------------------------------------------------
def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def pending(items: Iterable[Item], stored: set[str], published: str | None, report: IngestReport,
            progress: Any, normaliser: Normaliser, copies: list[dict[str, Any]]) -> Iterator[Document]:
    """Documents still to analyse: not stored with this pipeline version, not seen earlier in this run.
    The others are articles all the same: their rows go to ``copies``, to be kept once their text is."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Failed):
            report.failed.append(item)
            progress.update(1)
            continue
        if published and not item.published:
            item.published = published
        prepare(item, normaliser)
        if item.hash in stored or item.hash in seen:
            copies.append(article_row(item))
            report.unchanged += 1
            progress.update(1)
            continue
        seen.add(item.hash)
        yield item


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def set_postfix(self, **kw: Any) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(progress: bool | None) -> Any:
    """A tqdm bar of documents on standard error (counts and rate), shown on a terminal unless asked."""
    if progress or (progress is None and sys.stderr.isatty()):
        from tqdm import tqdm

        return tqdm(unit=" doc", desc="ingesting", file=sys.stderr)
    return _NoProgress()


def ingest(items: Iterable[Item], store: Any, jobs: int | None = None, published: str | None = None,
           progress: bool | None = None, options: dict[str, Any] | None = None, batch_docs: int = BATCH_DOCS,
           stages: Sequence[str] | None = None,
           on_commit: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Analyse ``items`` with ``jobs`` processes (default: every available core) and add them to ``store``.

    ``stages`` and ``options`` build the Pipeline as :class:`isnad.pipeline.Pipeline` does (default: all).
    """
    jobs = jobs or default_jobs()
    options = options or {}
    report = IngestReport()
    start = time.perf_counter()
    bar = progress_bar(progress)
    pool = None
    # The version of the pipeline to come, known without building it: documents stored by this version
    # are skipped, and a rerun with nothing new to analyse starts no worker at all.
    version = pipeline_version(stages)
    stored = store.stored_hashes(version)
    copies: list[dict[str, Any]] = []  # articles whose text is analysed once, under another article
    docs = pending(items, stored, published, report, bar, store.terms.normaliser, copies)
    try:
        head = list(itertools.islice(docs, SMALL))
        if not head:
            copies[:] = store.add_articles(copies)
            return report
        if len(head) < SMALL:
            jobs = 1  # starting workers costs more than it saves on a handful of documents
        if jobs > 1:
            forkserver = "forkserver" in multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("forkserver" if forkserver else "spawn")
            if forkserver:  # workers forked from a server that has imported the stages start sooner
                ctx.set_forkserver_preload([__name__, *stage_modules(stages)])
            # an executor, not a Pool: a worker that cannot start or dies breaks it at once, where a Pool
            # would start another and wait for ever
            pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker,
                                       initargs=(stages, options, getattr(store, "row_encoder", None)))
            try:
                real = pool.submit(_worker_version).result()
            except BrokenProcessPool as e:
                raise worker_error(e) from None
        else:
            pipeline = build_pipeline(stages, options)
            real = pipeline.version
        if real != version:  # the stages name themselves differently from what was expected
            stored.clear()
            stored.update(store.stored_hashes(real))

        def results() -> Iterator[Rows | Failed]:
            # Windows of documents keep memory flat however many there are (imap would read ahead without end).
            # Two are in the pool at a time: the workers analyse the next while the writer catches up with one.
            ahead: deque[Iterator[Any]] = deque()
            for window in chunked(itertools.chain(head, docs), WINDOW * jobs):
                if pool is None:
                    yield from (_rows(analyse_one(pipeline, d), pipeline.resources) for d in window)
                    continue
                ahead.append(pool.map(_analyse, window, chunksize=CHUNK))  # submitted at once
                if len(ahead) > 1:
                    yield from _worker_results(ahead.popleft())
            while ahead:
                yield from _worker_results(ahead.popleft())

        write(store, results(), report, bar, copies, batch_docs, on_commit)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        bar.close()
        report.seconds = time.perf_counter() - start
    return report


class WorkerError(IsnadError):
    code = "E105"


def worker_error(e: BrokenProcessPool) -> WorkerError:
    return WorkerError(
        f"a worker process of the ingest could not start or died ({e}). A script that ingests must start it "
        "under `if __name__ == '__main__':`; a folder holding another directory named isnad hides the "
        "package from the workers; --jobs 1 analyses in this process")


def _worker_results(results: Iterator[Any]) -> Iterator[Any]:
    try:
        yield from results
    except BrokenProcessPool as e:
        raise worker_error(e) from None


def pipeline_version(stages: Sequence[str] | None = None) -> str:
    """The version string a Pipeline of these stages will carry, from the stage classes alone."""
    from isnad import __version__
    from isnad.pipeline import DEFAULT, STAGES

    names = []
    for stage in stages or DEFAULT:
        module, cls = STAGES[stage].split(":")
        names.append(getattr(importlib.import_module(module), cls).name)
    return f"isnad {__version__} ({'+'.join(names)})"


def stage_modules(stages: Sequence[str] | None = None) -> list[str]:
    """The modules that hold these stages (known ones only: an unknown stage fails when the pipeline is built)."""
    from isnad.pipeline import DEFAULT, STAGES

    return sorted({STAGES[s].split(":")[0] for s in stages or DEFAULT if s in STAGES})


def _rows(result: Document | Failed, resources: Any) -> Rows | Failed:
    return result if isinstance(result, Failed) else document_rows(result, resources)


def write(store: Any, results: Iterable[Rows | Failed], report: IngestReport, bar: Any,
          copies: list[dict[str, Any]], batch_docs: int, on_commit: Callable[[IngestReport], None] | None) -> None:
    """Add analysed documents to ``store`` as they come, in batches of ``batch_docs`` (or every
    :data:`BATCH_SECONDS`), one transaction each, with the copies met so far; failures go to ``report``."""
    batch: list[Rows] = []
    last = time.monotonic()
    for result in results:
        bar.update(1)
        if isinstance(result, Failed):
            report.failed.append(result)
        else:
            batch.append(result)
        if batch and (len(batch) >= batch_docs or time.monotonic() - last >= BATCH_SECONDS):
            commit(store, batch, report, on_commit)
            copies[:] = store.add_articles(copies)
            batch, last = [], time.monotonic()
    if batch:
        commit(store, batch, report, on_commit)
    copies[:] = store.add_articles(copies)


def commit(store: Any, batch: list[Rows], report: IngestReport,
           on_commit: Callable[[IngestReport], None] | None) -> None:
    """Write one batch of rows in one transaction and count it in ``report``."""
    counts = store.add_rows(batch)
    report.added += counts["added"]
    report.replaced += counts["replaced"]
    report.unchanged += counts["unchanged"]
    if on_commit:
        on_commit(report)
