"""`isnad ingest`, `isnad events`, `isnad search`, `isnad export`: fill and query the event store."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from isnad.cli.options import iso_date, max_bytes_option

DB_OPTION = click.option("--db", envvar="ISNAD_DB", metavar="URL",
                         help="Store: a SQLite file path or postgresql://… URL [default: $ISNAD_DB, else "
                              "~/.local/share/isnad/isnad.db].")


def filter_options(f: Any) -> Any:
    """The event filters shared by `events` and `export`."""
    for option in reversed([
        click.option("--actor", metavar="CODE", help="Country (IRN) or actor code prefix (IRNGOV), source or target."),
        click.option("--type", "plover", metavar="PLOVER", help="PLOVER event type, e.g. PROTEST."),
        click.option("--cameo", metavar="CODE", help="CAMEO code prefix, e.g. 14 (protest) or 0233."),
        click.option("--since", callback=iso_date, metavar="YYYY-MM-DD", help="Events on or after this date."),
        click.option("--until", callback=iso_date, metavar="YYYY-MM-DD", help="Events on or before this date."),
        click.option("--place", metavar="ISO3", help="Country of the event's place, e.g. CHE."),
        click.option("--modality", metavar="M", help="asserted, reported, planned, considered, negated, hypothetical, historical."),
        click.option("--document", metavar="ID", help="Events of one document (id or hash)."),
        click.option("--text", metavar="QUERY", help="Only events of articles matching this full-text query."),
    ]):
        f = option(f)
    return f


def _filter(kw: dict[str, Any]) -> Any:
    from isnad.store import EventFilter

    return EventFilter(**{k: kw.pop(k) for k in ("actor", "plover", "cameo", "since", "until", "place",
                                                  "modality", "document", "text")})


@click.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: every available core].")
@click.option("--published", callback=iso_date, metavar="YYYY-MM-DD", help="Publication date for inputs that carry none.")
@click.option("--batch", type=click.IntRange(min=1), default=64, show_default=True,
              help="Documents per transaction (a batch is also committed after 2 s).")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: on a terminal].")
@max_bytes_option
@click.option("--cluster", envvar="ISNAD_CLUSTER", metavar="ADDRESS",
              help="Analyse on the Dask cluster of this scheduler (tcp://HOST:8786) instead of local processes; "
                   "this process writes to the store [default: $ISNAD_CLUSTER].")
def ingest(paths: tuple[str, ...], db: str | None, jobs: int | None, published: str | None, batch: int,
           progress: bool | None, max_bytes: int | None, cluster: str | None) -> None:
    """Analyse articles and add them to the store: PATH is a .txt, .html, .jsonl, RSS/Atom feed or WARC
    file, a folder (walked recursively) or - for standard input.

    A document already stored (same normalised text, same pipeline version) is skipped, so running the
    same command again changes nothing, and an interrupted run completes when run again.
    """
    from isnad.ingest.files import Skipped
    from isnad.ingest.folders import read_any
    from isnad.ingest.runner import ingest as run
    from isnad.store import open_store

    if cluster:
        try:
            from isnad.ingest.cluster import ingest_cluster
        except ImportError:
            raise click.ClickException("--cluster needs Dask: pip install 'isnad[cluster]'") from None
    with open_store(db) as store:
        if cluster:
            report = ingest_cluster(read_any(paths, max_bytes), store, cluster, published=published,
                                    progress=progress, batch_docs=batch)
        else:
            report = run(read_any(paths, max_bytes), store, jobs=jobs, published=published, progress=progress,
                         batch_docs=batch)
        stats = store.stats()
    skipped = [f for f in report.failed if isinstance(f, Skipped)]
    failed = [f for f in report.failed if not isinstance(f, Skipped)]
    for label, items in (("warning: skipped", skipped), ("failed", failed)):
        for item in items[:20]:
            click.echo(f"{label} {item.source}: {item.message}", err=True)
        if len(items) > 20:
            click.echo(f"… and {len(items) - 20} more {label.split()[-1]}", err=True)
    rate = report.documents / report.seconds if report.seconds else 0.0
    click.echo(
        f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
        f"{len(failed)} failed, {len(skipped)} skipped in {report.seconds:.1f} s ({rate:.1f} documents/s); "
        f"the store holds {stats['documents']} documents and {stats['events']} events",
        err=True,
    )
    if failed:  # every input that could not be read or analysed is named above and fails the run
        raise click.exceptions.Exit(1)


def _actor_text(side: dict[str, Any] | None) -> str:
    if not side:
        return ""
    actor = side.get("actor") or {}
    return actor.get("code") or actor.get("country") or side.get("text") or ""


def _table(rows: list[dict[str, Any]]) -> str:
    from isnad.export.rows import flat

    lines = []
    for ev in rows:
        f = flat(ev)
        lines.append({
            "date": f["date"] or "", "cameo": f["cameo"] or "", "plover": f["plover"] or "",
            "source": _actor_text(ev.get("source")), "target": _actor_text(ev.get("target")), "place": f["place"] or "",
            "modality": f["modality"] or "", "trigger": f["trigger"] or "",
            "document": (f["title"] or ev.get("document_id") or "")[:40],
        })
    return columns(lines, ("date", "cameo", "plover", "source", "target", "place", "modality", "trigger", "document"))


def columns(rows: list[dict[str, Any]], header: tuple[str, ...] | None = None) -> str:
    """Rows of plain values as aligned text columns under their names."""
    header = header or (tuple(rows[0]) if rows else ())
    lines = [header] + [tuple(str(r.get(h, "")) for h in header) for r in rows]
    widths = [max(len(r[i]) for r in lines) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in lines)


@click.command()
@DB_OPTION
@filter_options
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def events(db: str | None, limit: int, offset: int, fmt: str, **kw: Any) -> None:
    """List stored events, newest first, selected by actor, type, date, place and modality."""
    from isnad.store import open_store
    from isnad.store.base import COUNT_CAP

    flt = _filter(kw)
    with open_store(db, create=False) as store:
        rows = store.events(flt, limit=limit, offset=offset)
        total = ""
        if fmt == "table" and len(rows) == limit:  # a page not full says it all; else count, up to a cap
            cap = max(COUNT_CAP, offset + limit)
            n = store.count_events(flt, cap=cap + 1)
            total = f"{cap:,}+" if n > cap else f"{n:,}"
        elif fmt == "table":
            total = f"{offset + len(rows):,}"
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        from isnad.export.tabular import write

        write(rows, sys.stdout)
    else:
        click.echo(_table(rows))
        click.echo(f"{len(rows)} of {total} events", err=True)


@click.command()
@click.argument("query", nargs=-1, required=True)
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def search(query: tuple[str, ...], db: str | None, limit: int, fmt: str) -> None:
    """Find articles containing every word of QUERY (regardless of diacritics, hamza and alef forms,
    ta marbuta and attached clitics: لجوء finds اللجوء and ولجوئه), with their events."""
    from isnad.store import open_store

    with open_store(db, create=False) as store:
        hits = store.search(" ".join(query), limit=limit)
    if fmt == "json":
        click.echo(json.dumps(hits, ensure_ascii=False, indent=1))
        return
    for hit in hits:
        click.echo(f"{hit['published'] or '----------'}  {hit['title'] or hit['document_id']}  [{hit['document_id']}]")
        click.echo(f"    {hit['snippet']}")
        for ev in hit["events"]:
            click.echo(f"    - {_event_line(ev)}")
    click.echo(f"{len(hits)} articles", err=True)


def _event_line(ev: dict[str, Any]) -> str:
    """CAMEO code, PLOVER type, trigger and modality of an event, ``-`` for what it has not."""
    parts = ((ev.get("cameo") or {}).get("code"), (ev.get("plover") or {}).get("type"),
             (ev.get("trigger") or {}).get("text"))
    return " ".join(str(p or "-") for p in parts) + f" ({ev.get('modality') or '-'})"


@click.command()
@DB_OPTION
@filter_options
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "jsonl", "csv", "parquet", "geojson"]),
              required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True))
def export(db: str | None, fmt: str, output: str, **kw: Any) -> None:
    """Write the selected events to a file: GDELT 2.0 Events (tab-separated), PLOVER JSON, JSON Lines,
    CSV, Parquet or GeoJSON."""
    from isnad.export import export as write
    from isnad.store import open_store

    flt = _filter(kw)
    folder = Path(output).expanduser().resolve().parent
    if not folder.is_dir():
        raise click.BadParameter(f"folder {folder} does not exist", param_hint="-o/--output")
    with open_store(db, create=False) as store:
        done = write(store.iter_events(flt), fmt, output)
    click.echo(f"{done.written} events written to {output}", err=True)
    if done.skipped:
        click.echo(f"{sum(done.skipped.values())} events left out:", err=True)
        for reason, n in done.skipped.most_common():
            click.echo(f"  {n}: {reason}", err=True)


