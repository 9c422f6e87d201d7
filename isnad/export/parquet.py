"""Parquet export (for DuckDB, Spark, pandas): the flat columns of the CSV export, typed. Needs pyarrow."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from isnad.errors import IsnadError
from isnad.export.rows import FLAT_COLUMNS, flat

BATCH = 10_000


class MissingDependency(IsnadError):
    code = "E302"


def write(events: Iterable[dict[str, Any]], path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency("Parquet export needs pyarrow: pip install 'isnad[parquet]'") from None
    types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64()}
    schema = pa.schema([(name, types[t]) for name, t in FLAT_COLUMNS.items()])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for ev in events:
            batch.append(flat(ev))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
