"""The store operations written once in SQL that SQLite and PostgreSQL both run, so both give the same answers.

A backend subclasses :class:`SQLStore` and provides the connection, the placeholder style, transactions,
migrations and its full-text search condition.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from isnad.document import Document
from isnad.resources import Resources
from isnad.store.base import (
    COUNT_CAP, DOCUMENT_COLUMNS, EventFilter, EventPage, Rows, event_dict, event_json, filter_sql, story_of,
)
from isnad.store.story_reads import StoryReads
from isnad.store.writes import Writes
from isnad.stories.layer import Stories

EVENT_ORDER = " ORDER BY e.date_start DESC NULLS LAST, e.rid"  # rid: insertion order


class SQLStore(Writes, StoryReads):
    """Shared implementation of the :class:`~isnad.store.base.Store` protocol."""

    ph = "?"  # parameter placeholder of the backend's driver
    backend = "sql"
    event_document = "d.hash = e.doc"  # how documents d join events e

    def __init__(self, resources: Resources | None = None) -> None:
        self._lock = threading.RLock()  # one connection, possibly used from several threads (the web API)
        self.resources = resources or Resources()
        self.terms = self.resources.terms  # the search terms of articles and queries
        self.layer = Stories(self)  # copy families and event clusters, kept up to date at each write
        self.layer_on = False  # whether the schema has the layer's tables: set by the backend once migrated
        self.summaries_on = False  # whether it has the dashboard's rows and the write generation: the same
        self.written_order = "added, hash"  # how documents are sorted oldest first: the same

    # --- hooks of a backend -------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Any]:  # yields a cursor
        raise NotImplementedError

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def text_clause(self) -> str:
        """Condition on documents ``d`` true when the article holds all terms of one parameter."""
        raise NotImplementedError

    def text_param(self, terms: list[str]) -> Any:
        raise NotImplementedError

    def event_text_clause(self, terms: list[str]) -> tuple[str, Any]:
        """Condition on events ``e`` true when their article holds all ``terms``, and its one parameter."""
        return f"e.doc IN (SELECT d.hash FROM documents d WHERE {self.text_clause()})", self.text_param(terms)

    def page_plan(self, where: str, params: list[Any], limit: int, offset: int,
                  matches: int | None, more: bool) -> tuple[str, str]:
        """How to pick a page: an index hint after ``FROM events e`` and the ORDER BY clause. ``matches``
        is the count of matching events when known (``more``: at least that many)."""
        return "", EVENT_ORDER

    def event_extra(self, cur: Any, doc_hash: str) -> dict[str, Any]:
        """Backend-specific columns of a document's event rows, and their values."""
        return {}

    def json_field(self, column: str, *path: str) -> str:
        """A field of a JSON column, as text (``path``: the keys down to it)."""
        return f"json_extract({column}, '$.{'.'.join(path)}')"

    def json_text(self, column: str) -> str:
        """A JSON column read as text (PostgreSQL would decode jsonb into objects)."""
        return column

    def write_terms(self, cur: Any, doc_hash: str, terms: list[str], replaced: bool) -> None:
        raise NotImplementedError

    def document_values(self, rows: Rows) -> tuple[list[str], list[Any]]:
        """Columns and values of the documents row (a backend may add its own columns)."""
        return list(DOCUMENT_COLUMNS), [rows.document[c] for c in DOCUMENT_COLUMNS]

    def load_json(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    def json_value(self, column: str) -> str:
        """How a JSON column is written (PostgreSQL casts it to jsonb)."""
        return self.ph

    def column_value(self, column: str) -> str:
        """How a column's value is written in an INSERT or UPDATE (a backend may cast it)."""
        return self.json_value(column) if column == "data" else self.ph

    def has_column(self, table: str, column: str = "1") -> bool:
        """Whether the schema holds ``table`` (and its ``column``: a store stopped at an older migration
        may not). Asked outside any transaction: a failed query would abort it."""
        try:
            self.query(f"SELECT {column} FROM {table} WHERE 1 = 0")
        except Exception:  # the driver's "no such table" or "no such column"
            return False
        return True

    def probe_schema(self) -> None:
        """Note which of the later tables the schema holds (set by the backend once migrated)."""
        self.layer_on = self.has_column("cluster_events")
        self.summaries_on = self.has_column("store_state")
        # the order texts were written in: the rows' numbers, where the schema numbers them
        self.written_order = "rowid" if self.has_column("documents", "rowid") else "added, hash"

    def generation(self) -> int | None:
        """A number that every committed write changes (None: the schema keeps none): what was computed
        from the store stays true while it is the same."""
        if not self.summaries_on:
            return None
        return int(self.query("SELECT generation FROM store_state")[0][0])

    # --- reading ------------------------------------------------------------------------------------
    def has(self, hash: str, pipeline: str | None = None) -> bool:
        ph = self.ph
        if pipeline is None:
            rows = self.query(f"SELECT 1 FROM documents WHERE hash = {ph}", (hash,))
        else:
            rows = self.query(f"SELECT 1 FROM documents WHERE hash = {ph} AND pipeline = {ph}", (hash, pipeline))
        return bool(rows)

    def stored_hashes(self, pipeline: str | None = None) -> set[str]:
        """Hashes of every stored document (analysed by ``pipeline`` when given): for skipping in bulk."""
        if pipeline is None:
            return {r[0] for r in self.query("SELECT hash FROM documents")}
        return {r[0] for r in self.query(f"SELECT hash FROM documents WHERE pipeline = {self.ph}", (pipeline,))}

    def document(self, doc_id: str) -> Document | None:
        ph = self.ph
        rows = self.query(
            f"SELECT hash, data FROM documents WHERE hash = {ph} OR id = {ph} "
            f"ORDER BY CASE WHEN hash = {ph} THEN 0 ELSE 1 END, added DESC LIMIT 1",
            (doc_id, doc_id, doc_id),
        )
        if not rows:
            return None
        data = dict(self.load_json(rows[0][1]))
        events = self.query(f"SELECT data FROM events WHERE doc = {ph} ORDER BY seq", (rows[0][0],))
        data["events"] = [self.load_json(e[0]) for e in events]
        return Document.from_dict(data)

    def _where(self, f: EventFilter) -> tuple[str, list[Any]]:
        return filter_sql(f, self.ph, self.event_text_clause, self.terms)

    def _count(self, where: str, params: list[Any], cap: int | None) -> int:
        if cap is None or not where:  # a bare COUNT(*) is answered from the smallest index, quickly
            n = int(self.query(f"SELECT COUNT(*) FROM events e{where}", params)[0][0])
            return n if cap is None else min(n, cap)
        # stops at the cap: counting every match of a broad filter costs more than the page itself
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM events e{where} LIMIT {self.ph}) c"
        return int(self.query(sql, params + [int(cap)])[0][0])

    def _page(self, where: str, params: list[Any], limit: int, offset: int, matches: int | None = None,
              more: bool = False) -> list[tuple[Any, ...]]:
        """(event JSON text, document id, title, published, url, outlet, story columns) of one page, newest first."""
        hint, order = self.page_plan(where, params, limit, offset, matches, more)
        ph = self.ph
        # Pick the page on the narrow key columns first, then fetch the JSON and the document of those rows
        # only: sorting thousands of matches with their JSON attached is what makes a query slow.
        story, joins = self._story_join("x")
        return self.query(
            f"SELECT {self.json_text('x.data')}, d.id, d.title, d.published, d.url, d.outlet{story} FROM ("
            f"SELECT e.rid, e.date_start FROM events e{hint}{where}{order} LIMIT {ph} OFFSET {ph}) e "
            f"JOIN events x ON x.rid = e.rid JOIN documents d ON d.hash = x.doc{joins}{EVENT_ORDER}",
            params + [int(limit), int(offset)],
        )

    def event_documents(self, filter: EventFilter, limit: int) -> list[str]:
        """The document (text hash) of each of the first ``limit`` matching events, in the page order."""
        where, params = self._where(filter)
        hint, order = self.page_plan(where, params, limit, 0, None, False)
        ph = self.ph
        rows = self.query(f"SELECT x.doc FROM (SELECT e.rid, e.date_start FROM events e{hint}{where}{order} LIMIT {ph}) e "
                          f"JOIN events x ON x.rid = e.rid{EVENT_ORDER}", params + [int(limit)])
        return [r[0] for r in rows]

    def _story_join(self, events: str) -> tuple[str, str]:
        """Columns and joins that give each event of table alias ``events`` its story (cluster)."""
        if not self.layer_on:
            return "", ""
        return (", c.id, c.events, c.articles, c.outlets, c.origins, c.grade",
                f" LEFT JOIN cluster_events ce ON ce.doc = {events}.doc AND ce.seq = {events}.seq "
                "LEFT JOIN clusters c ON c.id = ce.cluster")

    def events(self, filter: EventFilter, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        where, params = self._where(filter)
        return [event_dict(json.loads(r[0]), *r[1:5], story_of(r[6:]), outlet=r[5])
                for r in self._page(where, params, limit, offset)]

    def events_page(self, filter: EventFilter, limit: int = 100, offset: int = 0,
                    count_cap: int | None = COUNT_CAP) -> EventPage:
        """A page of events as JSON texts (nothing decoded), with their total counted up to ``count_cap``
        (None: every match), and at least to the end of the page, so the caller knows whether another
        follows (``exact`` False: more than ``total`` match)."""
        where, params = self._where(filter)
        cap = None if count_cap is None else max(int(count_cap), offset + limit)
        # one past the cap tells "exactly cap" from "more than cap"
        found = self._count(where, params, None if cap is None else cap + 1)
        exact = cap is None or found <= cap
        total = found if exact else cap
        rows = self._page(where, params, limit, offset, total, not exact) if offset < total else []
        return EventPage(total, exact, [event_json(*r[:5], story_of(r[6:]), outlet=r[5]) for r in rows])

    def iter_events(self, filter: EventFilter, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Every matching event, fetched in pages (for exports)."""
        offset = 0
        while True:
            page = self.events(filter, limit=batch, offset=offset)
            yield from page
            if len(page) < batch:
                return
            offset += batch

    def count_events(self, filter: EventFilter, cap: int | None = None) -> int:
        """How many events match, counted up to ``cap`` when given."""
        where, params = self._where(filter)
        return self._count(where, params, cap)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        return [{**hit, "events": [json.loads(e) for e in events]} for hit, events in self._search(query, limit, offset)]

    def search_page(self, query: str, limit: int = 20, offset: int = 0) -> list[str]:
        """:meth:`search` as one JSON object per hit, its events' stored JSON written as it is."""
        return [json.dumps(hit, ensure_ascii=False)[:-1] + ', "events": [' + ", ".join(events) + "]}"
                for hit, events in self._search(query, limit, offset)]

    def _search(self, query: str, limit: int, offset: int) -> list[tuple[dict[str, Any], list[str]]]:
        """The articles holding every term of ``query``, newest first: each one's fields and snippet, and
        its events as :func:`~isnad.store.base.event_json` writes them."""
        terms = self.terms.query_terms(query)
        if not terms:
            return []
        ph = self.ph
        order = " ORDER BY d.published DESC NULLS LAST, d.hash"
        # the page is picked on narrow columns, then only its articles' texts are read (sorting every match
        # with its text attached reads them all)
        rows = self.query(
            f"SELECT d.hash, d.id, d.title, d.published, d.url, {self.json_field('d.data', 'text')} FROM ("
            f"SELECT d.hash FROM documents d WHERE {self.text_clause()}{order} LIMIT {ph} OFFSET {ph}) p "
            f"JOIN documents d ON d.hash = p.hash{order}",
            (self.text_param(terms), int(limit), int(offset)),
        )
        if not rows:
            return []
        story, joins = self._story_join("e")
        clause, params = self.in_list("e.doc", [r[0] for r in rows])
        events: dict[str, list[tuple[Any, ...]]] = {}
        for doc, *row in self.query(f"SELECT e.doc, {self.json_text('e.data')}{story} FROM events e{joins} "
                                    f"WHERE {clause} ORDER BY e.doc, e.seq", params):
            events.setdefault(doc, []).append(row)
        return [
            ({"document_id": doc_id, "title": title, "published": published, "url": url,
              "snippet": self.terms.snippet(text, terms)},
             [event_json(e[0], doc_id, title, published, url, story_of(e[1:])) for e in events.get(h, [])])
            for h, doc_id, title, published, url, text in rows
        ]

    def actors(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.query(
            "SELECT a.code, a.country, a.en, a.ar, COUNT(x.k) AS n FROM actors a LEFT JOIN "
            "(SELECT source_actor AS k FROM events UNION ALL SELECT target_actor FROM events) x ON x.k = a.key "
            f"GROUP BY a.key, a.code, a.country, a.en, a.ar ORDER BY n DESC, a.key LIMIT {self.ph}",
            (int(limit),),
        )
        return [{"code": r[0], "country": r[1], "en": r[2], "ar": r[3], "events": int(r[4])} for r in rows]

    def places(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.query(
            "SELECT p.en, p.ar, p.country, p.lat, p.lon, p.precision, COUNT(e.place) AS n FROM places p "
            "LEFT JOIN events e ON e.place = p.key "
            "GROUP BY p.key, p.en, p.ar, p.country, p.lat, p.lon, p.precision "
            f"ORDER BY n DESC, p.key LIMIT {self.ph}",
            (int(limit) * 3,),
        )
        # one place may be stored under several Arabic spellings (إيران, ايران): count it once
        merged: dict[tuple[Any, ...], dict[str, Any]] = {}
        for r in rows:
            key = (r[0] or r[1], r[2], r[3], r[4], r[5])
            if key in merged:
                merged[key]["events"] += int(r[6])
            else:
                merged[key] = {"en": r[0], "ar": r[1], "country": r[2], "lat": r[3], "lon": r[4],
                               "precision": r[5], "events": int(r[6])}
        return sorted(merged.values(), key=lambda p: -p["events"])[: int(limit)]

    def stats(self) -> dict[str, Any]:
        q = self.query
        layer = {}
        if self.layer_on:  # articles received (copies included) and stories told by more than one
            layer = {"articles": int(q("SELECT COUNT(*) FROM articles")[0][0]),
                     "stories": int(q("SELECT COUNT(*) FROM clusters WHERE articles > 1")[0][0])}
        return {
            "backend": self.backend,
            "documents": int(q("SELECT COUNT(*) FROM documents")[0][0]),
            **layer,
            "events": int(q("SELECT COUNT(*) FROM events")[0][0]),
            "mentions": int(q("SELECT COUNT(*) FROM mentions")[0][0]),
            "by_plover": {r[0]: int(r[1]) for r in q(
                "SELECT COALESCE(plover, '') AS t, COUNT(*) AS n FROM events GROUP BY plover ORDER BY n DESC, t")},
            "by_modality": {r[0]: int(r[1]) for r in q(
                "SELECT COALESCE(modality, '') AS m, COUNT(*) AS n FROM events GROUP BY modality ORDER BY n DESC, m")},
        }

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

