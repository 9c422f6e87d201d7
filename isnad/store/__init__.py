"""The event store: analysed documents kept in SQLite (default) or PostgreSQL, queried by filters and text.

>>> from isnad.store import open_store, EventFilter
>>> with open_store("events.db") as store:
...     store.events(EventFilter(actor="IRN", plover="PROTEST"))
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from isnad.store.base import EventFilter, Store, StoreError

if TYPE_CHECKING:
    from isnad.resources import Resources

__all__ = ["EventFilter", "Store", "StoreError", "open_store", "default_url"]


def default_url() -> str:
    """``$ISNAD_DB``, else ``$XDG_DATA_HOME/isnad/isnad.db`` (~/.local/share/isnad/isnad.db)."""
    env = os.environ.get("ISNAD_DB")
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "isnad" / "isnad.db")


def open_store(url: str | None = None, create: bool = True, resources: Resources | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``url``.

    None → ``$ISNAD_DB`` or the default SQLite file; a path or ``sqlite:///path`` → SQLite;
    ``postgresql://…`` → PostgreSQL (needs the ``postgres`` extra). ``create=False`` (read-only
    commands) refuses a SQLite file that does not exist, so that a mistyped path is an error, not an
    empty store. ``resources`` (default: the bundled data) give the search terms; a server hands the same
    ones to every store it opens.
    """
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        from isnad.store.postgres import PostgresStore

        return PostgresStore(url, resources)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]  # sqlite:///rel/path, sqlite:////abs/path
    elif url.startswith("sqlite://"):
        url = url[len("sqlite://") :]
    from isnad.store.sqlite import SQLiteStore

    if not create and not Path(url).expanduser().is_file():
        raise StoreError(f"no store at {url}: give the --db of an existing store, or ingest articles into it first")
    return SQLiteStore(url, resources)
