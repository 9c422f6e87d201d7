"""The PostgreSQL store (psycopg 3): the same API and answers as SQLite, for several users and larger
collections. Full-text search is array containment over the same folded terms, with a GIN index.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from isnad.store.base import Rows, StoreError, migrations
from isnad.store.copy_rows import encode
from isnad.store.sql import SQLStore

if TYPE_CHECKING:
    from isnad.resources import Resources

# Serialises concurrent migrations of the same database (any constant; "isnad" in ASCII).
MIGRATION_LOCK = 0x6973_6E61_64


class PostgresStore(SQLStore):
    ph = "%s"
    backend = "postgres"

    def __init__(self, url: str, resources: Resources | None = None) -> None:
        super().__init__(resources)
        try:
            import psycopg
        except ImportError:
            raise StoreError(
                "a PostgreSQL store needs psycopg 3: pip install 'isnad[postgres]'"
            ) from None
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL at {url}: {e}".strip()) from None
        self._migrate()
        self.probe_schema()

    def _migrate(self) -> None:
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            cur.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TIMESTAMPTZ)")
            cur.execute("SELECT version FROM schema_version")
            applied = {r[0] for r in cur.fetchall()}
            for number, sql in migrations("postgres"):
                if number not in applied:
                    cur.execute(sql)
                    cur.execute("INSERT INTO schema_version VALUES (%s, now())", (number,))

    @property
    def version(self) -> int:
        return int(self.query("SELECT MAX(version) FROM schema_version")[0][0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.conn.transaction(), self.conn.cursor() as cur, self.conn.cursor() as bulk:
            yield PipelineCursor(cur, bulk)

    def pipelined(self) -> Any:
        # statements whose results are not read are sent without waiting for the server: a batch costs a
        # round trip per look-up, not one per statement
        return self.conn.pipeline()

    def bulk(self, cur: Any, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
             encoded: list[bytes] | None = None) -> None:
        data = b"".join(encoded) if encoded else b""
        if not rows and not data:
            return
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            if data:  # encoded by the workers: the lines are only sent
                copy.write(data)
            for row in rows:
                copy.write_row(row)

    @property
    def row_encoder(self) -> Callable[[Rows], Rows] | None:  # type: ignore[override]
        """What the workers do to the rows: put the big tables in COPY form (the columns of the latest
        schema, attributions' order included, so not for an older one)."""
        return encode if self.summaries_on else None

    def column_value(self, column: str) -> str:
        """The terms come as a list, or as the array literal the workers wrote: cast either way."""
        return "%s::text[]" if column == "terms" else super().column_value(column)

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock, self.conn.cursor() as cur:
            cur.execute(sql, tuple(params))
            return cur.fetchall()

    def in_list(self, column: str, values: list[Any]) -> tuple[str, list[Any]]:
        kind = "bigint" if values and isinstance(values[0], int) else "text"
        return f"{column} = ANY(%s::{kind}[])", [list(values)]

    def insert_keys(self, cur: Any, rows: list[tuple[int, str]]) -> None:
        self.bulk(cur, "doc_keys", ("key", "doc"), rows)  # new texts' keys: no conflict, so COPY

    def text_clause(self) -> str:
        return "d.terms @> %s::text[] COLLATE \"C\""  # the column's collation, so its GIN index answers

    def text_param(self, terms: list[str]) -> list[str]:
        return terms

    def json_value(self, column: str) -> str:
        return "%s::jsonb"

    def json_field(self, column: str, *path: str) -> str:
        return f"{column} #>> '{{{','.join(path)}}}'"

    def json_text(self, column: str) -> str:
        return f"{column}::text"

    def document_values(self, rows: Rows) -> tuple[list[str], list[Any]]:
        columns, values = super().document_values(rows)
        return columns + ["terms"], values + [rows.copy.terms if rows.copy is not None else rows.terms]

    def write_terms(self, cur: Any, doc_hash: str, terms: list[str], replaced: bool) -> None:
        pass  # the terms are a column of the documents row

    def close(self) -> None:
        with self._lock:
            self.conn.close()


class PipelineCursor:
    """A cursor for pipeline mode: statements that return rows and those run in bulk go through cursors
    of their own (one cursor mixing both loses track of which result is the last)."""

    def __init__(self, cur: Any, bulk: Any) -> None:
        self.cur, self.bulk = cur, bulk

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.cur.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> None:
        self.bulk.executemany(sql, rows)

    def copy(self, sql: str) -> Any:
        return self.cur.copy(sql)

    def fetchone(self) -> Any:
        return self.cur.fetchone()

    def fetchall(self) -> list[Any]:
        return self.cur.fetchall()
