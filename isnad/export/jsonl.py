"""JSON Lines export: each event as the store returns it (the Event's JSON with its time span, its
document's title, publication date, outlet and url, its story), plus its ``date``, one event a line."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from isnad.export import Written
from isnad.export.rows import event_day


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> Written:
    """Writes each event as one line of JSON, with its ``date`` added."""
    done = Written()
    for ev in events:
        fh.write(json.dumps({**ev, "date": event_day(ev)}, ensure_ascii=False) + "\n")
        done.written += 1
    return done
