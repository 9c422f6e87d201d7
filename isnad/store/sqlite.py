"""The SQLite store: one file, WAL mode (readers never wait for the writer), one transaction per batch,
FTS5 over the folded, clitic-stripped terms of each article.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from isnad.store.base import StoreError, migrations
from isnad.store.sql import SQLStore


OPTIMIZE_EVERY = 100  # commits between refreshes of the planner's statistics


class SQLiteStore(SQLStore):
    ph = "?"
    backend = "sqlite"

    def __init__(self, path: str | Path) -> None:
        super().__init__()
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
        self.conn.execute("PRAGMA analysis_limit = 1000")  # planner statistics from a sample: cheap to refresh
        self._commits = 0
        self._migrate()

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
            self._commits += 1
            if self._commits % OPTIMIZE_EVERY == 1:  # after the first batch, then now and then
                cur.execute("PRAGMA optimize")  # the planner needs statistics to pick the right index
        finally:
            cur.close()

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self.conn.execute(sql, tuple(params)).fetchall()

    def text_clause(self) -> str:
        return "d.rowid IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?)"

    def text_param(self, terms: list[str]) -> str:
        return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)

    def write_terms(self, cur: Any, doc_hash: str, terms: list[str], replaced: bool) -> None:
        rowid = cur.execute("SELECT rowid FROM documents WHERE hash = ?", (doc_hash,)).fetchone()[0]
        if replaced:
            cur.execute("DELETE FROM doc_fts WHERE rowid = ?", (rowid,))
        cur.execute("INSERT INTO doc_fts (rowid, terms) VALUES (?, ?)", (rowid, " ".join(terms)))

    def close(self) -> None:
        with self._lock:
            try:
                self.conn.execute("PRAGMA optimize")  # keeps the planner's statistics current (cheap)
            except sqlite3.Error:
                pass  # a busy or read-only store: the statistics wait for the next writer
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
