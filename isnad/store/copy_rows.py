"""A document's rows for PostgreSQL's big tables, encoded where it is analysed: COPY text, ready to stream.

The single writer of an ingest is its bottleneck. Building each row's COPY line there (and dumping each
article's few hundred search terms as an array) cost it about a third of its time; the workers, which
scale, do it instead (:func:`encode`), and the writer only sends the bytes (``cursor.copy(...).write``).

The format is COPY's text format: one line a row, columns separated by tabs, ``\\N`` for NULL, and the
backslash, tab, newline and carriage return escaped with a backslash. An array is one value, its
literal (``{"a","b"}``) escaped in turn.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from isnad.store.base import Rows, document_types

# the tables written with COPY, each in one statement for a whole batch (see SQLStore._write_children)
TABLES = ("mentions", "times", "attributions", "events", "event_attributions", "document_types")

_SPECIAL = re.compile(r"[\\\t\n\r]")  # what COPY's text format escapes: most values hold none of it
_QUOTE = re.compile(r'[\\"]')  # what an array element escapes inside its double quotes


@dataclass(slots=True)
class CopyRows:
    """One document's rows of :data:`TABLES` as COPY text, and its search terms as an array literal."""

    tables: dict[str, bytes]
    terms: str


def _escaped(s: str) -> str:
    if _SPECIAL.search(s) is None:
        return s
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def value(v: Any) -> str:
    """One column's value in COPY's text format."""
    kind = type(v)
    if kind is str:
        return _escaped(v)
    if v is None:
        return "\\N"
    if kind is int or kind is float:  # str() gives the shortest form that reads back the same number
        return str(v)
    if kind is bool:
        return "t" if v else "f"
    if isinstance(v, (list, tuple)):
        return _escaped(array_literal(v))
    if isinstance(v, str):  # a subclass (an enumeration's value): its text, not its name
        return _escaped(str.__str__(v))
    return _escaped(str(v))


def array_literal(items: Iterable[Any]) -> str:
    """A PostgreSQL array literal of text values (NULL for None): ``{"a","b \\"c\\""}``."""
    items = list(items)
    if not items:
        return "{}"
    if all(type(x) is str for x in items) and _QUOTE.search("".join(items)) is None:
        return '{"' + '","'.join(items) + '"}'  # nothing to escape: the usual case, one join
    return "{" + ",".join("NULL" if x is None else '"' + _QUOTE.sub(r"\\\g<0>", str(x)) + '"' for x in items) + "}"


def copy_text(rows: Iterable[tuple[Any, ...]]) -> bytes:
    """Rows in COPY's text format, a line each."""
    return "".join("\t".join(map(value, row)) + "\n" for row in rows).encode("utf-8")


def encode(rows: Rows) -> Rows:
    """Put ``rows``' big tables and search terms in COPY form (``rows.copy``) and empty the lists they
    came from, so they are neither shipped to the writer twice nor written twice."""
    tables = {
        "mentions": copy_text(rows.mentions),
        "times": copy_text(rows.times),
        "attributions": copy_text(rows.attributions),
        "events": copy_text(rows.events),
        "event_attributions": copy_text(rows.event_attributions),
        "document_types": copy_text(document_types(rows)),
    }
    rows.copy = CopyRows(tables, array_literal(rows.terms))
    # the writer reads the plover of each event for nothing else than document_types, encoded above
    rows.mentions, rows.times, rows.attributions, rows.events, rows.event_attributions = [], [], [], [], []
    rows.terms = []
    return rows
