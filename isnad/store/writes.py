"""The write path of :class:`~isnad.store.sql.SQLStore`, the same SQL for SQLite and PostgreSQL: a batch of
documents in one transaction, the cross-article layer updated text by text, in order, and the rows it never
reads written table by table for the whole batch at the end.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from isnad.document import Document
from isnad.store.base import (
    ACTOR_COLUMNS, ATTRIBUTION_COLUMNS, DOCUMENT_TYPE_COLUMNS, EVENT_ATTRIBUTION_COLUMNS, EVENT_COLUMNS,
    MENTION_COLUMNS, PLACE_COLUMNS, TIME_COLUMNS, Rows, StoreError, document_rows, document_types, prepare,
    stored_rows,
)

CHILD_TABLES = ("events", "mentions", "times", "attributions")
SUMMARY_TABLES = ("event_attributions", "document_types")  # rows kept for the dashboard (migration 7)


class Writes:
    """Writing documents (a mixin of SQLStore: it provides the connection, ``ph``, the layer and the hooks)."""

    ph: str
    backend: str
    layer: Any
    layer_on: bool
    summaries_on: bool
    _lock: Any

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        """One write transaction; when it fails, the layer forgets the clusters it holds in memory (some
        of them were never committed)."""
        with self._lock:
            try:
                with self.transaction() as cur:
                    yield cur
                    if self.summaries_on:  # last: concurrent writers wait on this row only until commit
                        cur.execute("UPDATE store_state SET generation = generation + 1")
            except BaseException:
                self.layer.reset()
                raise

    def pipelined(self) -> Any:
        """A context in which statements whose results are not read need not wait for the database
        (PostgreSQL's pipeline mode; nothing to do in-process)."""
        return nullcontext()

    def bulk(self, cur: Any, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
             encoded: list[bytes] | None = None) -> None:
        """Insert many rows into a table that has no conflicting rows (PostgreSQL: COPY, with the rows
        ``encoded`` by the workers as COPY text too)."""
        if encoded:
            raise StoreError(f"the {self.backend} store takes no rows in COPY form")
        self._insert(cur, table, columns, rows)

    row_encoder: Callable[[Rows], Rows] | None = None  # what the workers do to the rows for this backend

    def in_list(self, column: str, values: list[Any]) -> tuple[str, list[Any]]:
        """``column`` is one of ``values``: the condition and its parameters (PostgreSQL passes one array, so
        the statement's text, and its prepared plan, do not change with the number of values)."""
        return f"{column} IN ({', '.join([self.ph] * len(values))})", list(values)

    def insert_keys(self, cur: Any, rows: list[tuple[int, str]]) -> None:
        """LSH keys of texts (:mod:`isnad.stories.fingerprint`), (key, text hash) each: none stored yet."""
        cur.executemany(f"INSERT INTO doc_keys (key, doc) VALUES ({self.ph}, {self.ph}) ON CONFLICT DO NOTHING", rows)

    def add(self, doc: Document) -> str:
        return next(k for k, v in self.add_many([doc]).items() if v)

    def add_many(self, docs: Iterable[Document]) -> dict[str, int]:
        docs = [prepare(doc, self.terms.normaliser) for doc in docs]
        if not docs:
            return {"added": 0, "unchanged": 0, "replaced": 0}
        clause, params = self.in_list("hash", sorted({d.hash for d in docs}))
        known = dict(self.query(f"SELECT hash, pipeline FROM documents WHERE {clause}", params))
        # a text stored by the same pipeline is not broken into rows again: only its article is kept
        return self.add_rows([stored_rows(d) if d.hash in known and known[d.hash] == d.pipeline
                              else document_rows(d, self.resources)
                              for d in docs])

    def _insert(self, cur: Any, table: str, columns: tuple[str, ...] | list[str], rows: list[tuple[Any, ...]],
                ignore: bool = False) -> None:
        if not rows:
            return
        values = ", ".join(self.column_value(c) for c in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"
        if ignore:
            sql += " ON CONFLICT DO NOTHING"
        if len(rows) == 1:
            cur.execute(sql, rows[0])
        else:
            cur.executemany(sql, rows)

    def add_rows(self, batch: Iterable[Rows]) -> dict[str, int]:
        """Add documents already broken into rows (by :func:`~isnad.store.base.document_rows`, e.g. in the
        worker processes of an ingest), one transaction for the batch.

        The texts are taken one by one, in order, by the cross-article layer (each is compared with those
        before it); the rows that the layer never reads (mentions, times, events...) are inserted at the
        end, table by table for the whole batch. Round trips to the database are one per look-up."""
        batch = list(batch)
        counts = {"added": 0, "unchanged": 0, "replaced": 0}
        if not batch:
            return counts
        with self._writing() as cur:
            clause, params = self.in_list("hash", sorted({r.document["hash"] for r in batch}))
            cur.execute(f"SELECT hash, pipeline FROM documents WHERE {clause}", params)
            stored: dict[str, Any] = dict(cur.fetchall())
            if self.layer_on:
                self.layer.prefetch_articles(cur, [r.article["id"] for r in batch])
            written: list[tuple[Rows, bool]] = []
            with self.pipelined():
                for rows in batch:
                    h = rows.document["hash"]
                    if h in stored and stored[h] == rows.document["pipeline"]:
                        counts["unchanged"] += 1
                        if self.layer_on:
                            self.layer.refresh_later(self.layer.add_article(cur, rows.article))
                        continue
                    replace = h in stored
                    self._write_text(cur, rows, replace)
                    written.append((rows, replace))
                    counts["replaced" if replace else "added"] += 1
                    stored[h] = rows.document["pipeline"]
                self.layer.flush(cur)
            self.layer.done_articles()
            self.layer.write_keys(cur)
            self._write_children(cur, written)
        return counts

    def _write_text(self, cur: Any, rows: Rows, replace: bool) -> None:
        """The documents row of a text and its place in the cross-article layer."""
        ph = self.ph
        doc_hash = rows.document["hash"]
        layer = self.layer_on
        if replace and layer:  # the clusters it leaves may be emptied and deleted: summed up at once
            self.layer.flush(cur)
        touched = self.layer.forget(cur, doc_hash) if replace and layer else set()
        linked = self.layer.link(cur, doc_hash, rows.text, rows.stories) if layer and rows.stories else None
        columns, values = self.document_values(rows)
        if linked is not None:  # the row carries what the layer keeps of the text: no update after it
            columns += ["shingles", "credit", "family", "relation"]
            values += [rows.stories.fingerprint.shingles, rows.credit, linked.family, linked.relation]
        if not replace:
            self._insert(cur, "documents", columns, [tuple(values)])
        else:
            for table in CHILD_TABLES + (SUMMARY_TABLES if self.summaries_on else ()):
                cur.execute(f"DELETE FROM {table} WHERE doc = {ph}", (doc_hash,))
            sets = ", ".join(f"{c} = {self.column_value(c)}" for c in columns if c != "hash")
            cur.execute(f"UPDATE documents SET {sets} WHERE hash = {ph}",
                        [v for c, v in zip(columns, values) if c != "hash"] + [doc_hash])
        if layer:
            if linked is not None:
                touched |= self.layer.add_text(cur, doc_hash, rows.stories, linked, rows.grades)
                # the clusters of a new text are those it was just put in
                touched |= self.layer.add_article(cur, rows.article, None if replace else touched)
            else:
                touched |= self.layer.add_article(cur, rows.article)
            self.layer.refresh_later(touched)
            if replace:
                self.layer.flush(cur)

    def _write_children(self, cur: Any, written: list[tuple[Rows, bool]]) -> None:
        """The rows of the texts just written that the layer does not read, each table in one statement."""
        if not written:
            return
        events: list[tuple[Any, ...]] = []
        names: tuple[str, ...] = ()
        for rows, replace in written:
            doc_hash = rows.document["hash"]
            self.write_terms(cur, doc_hash, rows.terms, replaced=replace)
            extra = self.event_extra(cur, doc_hash)
            names, more = tuple(extra), tuple(extra.values())
            events += [e + more for e in rows.events]
        batch = [rows for rows, _ in written]
        actors: dict[str, tuple[Any, ...]] = {}
        places: dict[str, tuple[Any, ...]] = {}
        for r in batch:  # the first text to name an actor or place describes it, as stored ones do
            for k, v in r.actors.items():
                actors.setdefault(k, v)
            for k, v in r.places.items():
                places.setdefault(k, v)
        self._insert(cur, "actors", ACTOR_COLUMNS, list(actors.values()), ignore=True)
        self._insert(cur, "places", PLACE_COLUMNS, list(places.values()), ignore=True)

        def encoded(table: str) -> list[bytes]:  # the rows the workers put in COPY form already
            return [r.copy.tables[table] for r in batch if r.copy is not None]

        self.bulk(cur, "mentions", MENTION_COLUMNS, [m for r in batch for m in r.mentions], encoded("mentions"))
        self.bulk(cur, "times", TIME_COLUMNS, [t for r in batch for t in r.times], encoded("times"))
        attributions = [a for r in batch for a in r.attributions]
        if self.summaries_on:
            self.bulk(cur, "event_attributions", EVENT_ATTRIBUTION_COLUMNS,
                      [a for r in batch for a in r.event_attributions], encoded("event_attributions"))
            self.bulk(cur, "document_types", DOCUMENT_TYPE_COLUMNS, [t for r in batch for t in document_types(r)],
                      encoded("document_types"))
            self.bulk(cur, "attributions", ATTRIBUTION_COLUMNS, attributions, encoded("attributions"))
        else:  # an older schema: the attributions' order is not kept
            self.bulk(cur, "attributions", ATTRIBUTION_COLUMNS[:-1], [a[:-1] for a in attributions])
        self.bulk(cur, "events", EVENT_COLUMNS + names, events, encoded("events"))

    def add_articles(self, articles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Keep articles whose text is stored already (:func:`~isnad.store.base.article_row`: a copy met
        again, under its own id, outlet and url); those whose text is not stored yet are returned."""
        articles = list(articles)
        waiting: list[dict[str, Any]] = []
        if not self.layer_on or not articles:
            return waiting
        with self._writing() as cur:
            clause, params = self.in_list("hash", sorted({a["doc"] for a in articles}))
            cur.execute(f"SELECT hash FROM documents WHERE {clause}", params)
            stored = {r[0] for r in cur.fetchall()}
            self.layer.prefetch_articles(cur, [a["id"] for a in articles if a["doc"] in stored])
            with self.pipelined():
                for a in articles:
                    if a["doc"] not in stored:
                        waiting.append(a)
                    else:
                        self.layer.refresh_later(self.layer.add_article(cur, a))
                self.layer.flush(cur)
            self.layer.done_articles()
        return waiting
