"""CSV export: one row per event, the columns of :data:`isnad.export.rows.FLAT_COLUMNS` (dates as
YYYY-MM-DD, lists joined with ``;``)."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from isnad.export import Written
from isnad.export.rows import FLAT_COLUMNS, flat


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return ";".join(value) if isinstance(value, list) else value


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> Written:
    """Writes the header line, then one CSV row per event."""
    writer = csv.DictWriter(fh, fieldnames=list(FLAT_COLUMNS))
    writer.writeheader()
    done = Written()
    for ev in events:
        writer.writerow({k: _cell(v) for k, v in flat(ev).items()})
        done.written += 1
    return done
