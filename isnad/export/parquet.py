"""Parquet export (for DuckDB, Spark, pandas): the flat columns of the CSV export with their own types:
dates as DATE, counts and offsets as 32-bit integers, scores and coordinates as doubles, contexts,
attribution ids and credibility reasons as lists of strings. Needs pyarrow."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from isnad.errors import IsnadError
from isnad.export import Written
from isnad.export.rows import FLAT_COLUMNS, flat

BATCH = 10_000


class MissingDependency(IsnadError):
    """An optional package an export needs is not installed."""

    code = "E302"


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its ISO dates as ``date`` values (pyarrow takes no strings for a date column)."""
    return {k: date.fromisoformat(v) if v is not None and FLAT_COLUMNS[k] == "date" else v for k, v in row.items()}


def write(events: Iterable[dict[str, Any]], path: Path) -> Written:
    """Writes the events' flat rows to the Parquet file ``path`` (with no events, an empty table and its schema).

    Raises MissingDependency when pyarrow is not installed.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency("Parquet export needs pyarrow: pip install 'isnad[parquet]'") from None
    types = {"str": pa.string(), "date": pa.date32(), "int": pa.int32(), "float": pa.float64(),
             "strs": pa.list_(pa.string())}
    schema = pa.schema([(name, types[t]) for name, t in FLAT_COLUMNS.items()])
    done = Written()
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for ev in events:
            batch.append(_typed(flat(ev)))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                done.written += len(batch)
                batch = []
        if batch or done.written == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            done.written += len(batch)
    return done
