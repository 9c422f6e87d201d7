"""Exports of stored events: GDELT 2.0 Events (tab-separated), PLOVER JSON records, JSON Lines, CSV,
Parquet and GeoJSON. Each format is one module with a ``write(events, out)`` function returning a
:class:`Written` (how many records were written, and why the others were left out)."""
from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# format -> (module, whether it writes bytes to a path rather than text to a stream)
FORMATS: dict[str, tuple[str, bool]] = {
    "gdelt": ("isnad.export.gdelt", False),
    "plover": ("isnad.export.plover", False),
    "jsonl": ("isnad.export.jsonl", False),
    "csv": ("isnad.export.tabular", False),
    "parquet": ("isnad.export.parquet", True),
    "geojson": ("isnad.export.geojson", False),
}


@dataclass
class Written:
    """What an export wrote: ``written`` records; ``skipped`` counts the events left out, by reason."""

    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def export(events: Iterable[dict[str, Any]], fmt: str, out: str | Path) -> Written:
    """Write ``events`` (as returned by ``Store.events``) to the file ``out`` in the format ``fmt``."""
    module, binary = FORMATS[fmt]
    writer = importlib.import_module(module)
    if binary:
        return writer.write(events, Path(out))
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return writer.write(events, fh)
