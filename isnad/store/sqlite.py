"""The SQLite store: one file, WAL mode (readers never wait for the writer), one transaction per batch,
FTS5 over the folded, clitic-stripped terms of each article.
"""
from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from isnad.store.base import StoreError, migrations
from isnad.store.sql import EVENT_ORDER, SQLStore

if TYPE_CHECKING:
    from isnad.resources import Resources


# The planner's statistics (a full ANALYZE: about 5 µs an event) are taken again after a commit once the
# events have grown this many times over since they were last taken; sampled statistics (analysis_limit)
# are not used: low-cardinality indexes read in order look as if they held one value.
GROWTH = 2
STATISTICS_FROM = 5000  # events; below this every plan is fast, and the planner's defaults do
MMAP_BYTES = 2**31  # SQLite's own ceiling: the first 2 GB of the file are read through a memory map
# A full-text query matching at most this many articles selects their events by document; a broader one
# is only checked on the events that the other filters (or the date order) bring.
TEXT_LEADS = 100
# ORDER BY on an expression: the rows are found by the filters' indexes and sorted, not read in date order.
SORTED_ORDER = EVENT_ORDER.replace("e.date_start", "+e.date_start")


class SQLiteStore(SQLStore):
    ph = "?"
    backend = "sqlite"

    def __init__(self, path: str | Path, resources: Resources | None = None) -> None:
        super().__init__(resources)
        self.path = Path(path).expanduser()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit (isolation_level=None): transactions are opened explicitly, per batch
            self.conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open the SQLite store {self.path}: {e}") from None
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")  # durable at each checkpoint, safe against crashes
        self.conn.execute("PRAGMA foreign_keys = ON")
        # reads straight from the file's pages in the OS cache, not copied into each connection's own
        self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        self._migrate()
        self.probe_schema()
        # the schema is the newest once migrated; a test may stop the migrations earlier
        self._docno = any(r[1] == "docno" for r in self.conn.execute("PRAGMA table_info(events)"))
        if self._docno:  # by the document's row, whose date an index holds (documents_row_published)
            self.event_document = "d.rowid = e.docno"

    def _migrate(self) -> None:
        conn = self.conn
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT)")
        for number, sql in migrations("sqlite"):
            if conn.execute("SELECT 1 FROM schema_version WHERE version = ?", (number,)).fetchone():
                continue
            conn.execute("BEGIN IMMEDIATE")
            try:
                # another process may have applied it while we waited for the lock
                if not conn.execute("SELECT 1 FROM schema_version WHERE version = ?", (number,)).fetchone():
                    for statement in statements(sql):
                        conn.execute(statement)
                    conn.execute("INSERT INTO schema_version VALUES (?, datetime('now'))", (number,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    @property
    def version(self) -> int:
        return int(self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")  # take the write lock now: one writer at a time
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")
            self._refresh_statistics(cur)
        finally:
            cur.close()

    def _refresh_statistics(self, cur: Any) -> None:
        """ANALYZE once the events have outgrown their statistics: the planner needs them to choose
        between the filters' indexes (the cost of this stays proportional to what was written)."""
        events = cur.execute("SELECT MAX(rowid) FROM events").fetchone()[0] or 0
        try:
            row = cur.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'events' LIMIT 1").fetchone()
        except sqlite3.OperationalError:  # never analysed
            row = None
        known = int(row[0].split()[0]) if row and row[0] else 0
        if events >= STATISTICS_FROM and events > GROWTH * known:
            cur.execute("ANALYZE")

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self.conn.execute(sql, tuple(params)).fetchall()

    def text_clause(self) -> str:
        return "d.rowid IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?)"

    def text_param(self, terms: list[str]) -> str:
        return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)

    def event_text_clause(self, terms: list[str]) -> tuple[str, Any]:
        match = self.text_param(terms)
        articles = self.query("SELECT COUNT(*) FROM (SELECT 1 FROM doc_fts WHERE doc_fts MATCH ? LIMIT ?)",
                              (match, TEXT_LEADS + 1))[0][0]
        lead = "" if articles <= TEXT_LEADS else "+"  # unary +: the condition uses no index
        return f"{lead}e.docno IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?)", match

    def page_plan(self, where: str, params: list[Any], limit: int, offset: int,
                  matches: int | None, more: bool) -> tuple[str, str]:
        """Read the date index until the page is full when matches are dense enough to fill it soon;
        otherwise collect the matches by their filters' indexes and sort them.

        Walking the date order visits about (offset + limit) · events / matches rows; collecting visits the
        matches. SQLite's planner cannot tell the two apart (it does not know how many rows match), so the
        matches are counted, but only as far as the threshold."""
        if not where:
            return "", EVENT_ORDER
        events = self.query("SELECT MAX(rowid) FROM events")[0][0] or 0  # about the number of events
        need = math.isqrt((offset + limit) * events) + 1
        if matches is None:
            matches = self._count(where, params, need)
            more = matches >= need
        if more or matches >= need:
            return " INDEXED BY events_date", EVENT_ORDER
        return "", SORTED_ORDER

    def event_extra(self, cur: Any, doc_hash: str) -> dict[str, Any]:
        if not self._docno:
            return {}
        return {"docno": cur.execute("SELECT rowid FROM documents WHERE hash = ?", (doc_hash,)).fetchone()[0]}

    def write_terms(self, cur: Any, doc_hash: str, terms: list[str], replaced: bool) -> None:
        rowid = cur.execute("SELECT rowid FROM documents WHERE hash = ?", (doc_hash,)).fetchone()[0]
        if replaced:
            cur.execute("DELETE FROM doc_fts WHERE rowid = ?", (rowid,))
        cur.execute("INSERT INTO doc_fts (rowid, terms) VALUES (?, ?)", (rowid, " ".join(terms)))

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (comments and blank lines dropped)."""
    out: list[str] = []
    buf: list[str] = []
    for line in script.splitlines():
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf.append(line)
        text = "\n".join(buf)
        if sqlite3.complete_statement(text):
            out.append(text)
            buf = []
    if buf and "\n".join(buf).strip():
        out.append("\n".join(buf))
    return out
