"""JSON Lines export: each event as the store returns it (the Event's JSON and its document), one a line."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    n = 0
    for ev in events:
        fh.write(json.dumps(ev, ensure_ascii=False) + "\n")
        n += 1
    return n
