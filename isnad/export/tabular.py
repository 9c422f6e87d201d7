"""CSV export: one row per event, the columns of :data:`isnad.export.rows.FLAT_COLUMNS`."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from isnad.export.rows import FLAT_COLUMNS, flat


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=list(FLAT_COLUMNS))
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow({k: "" if v is None else v for k, v in flat(ev).items()})
        n += 1
    return n
