"""`isnad stories` and `isnad story ID`: the same event across articles, its copies and how credible it is."""
from __future__ import annotations

import json
from typing import Any

import click

from isnad.cli.options import iso_date
from isnad.cli.store import DB_OPTION, columns

GRADES = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
          6: "cannot be judged"}


def _label(ev: dict[str, Any] | None) -> str:
    if not ev:
        return ""
    cameo = ev.get("cameo") or {}
    trig = (ev.get("trigger") or {}).get("text") or ""
    return f"{cameo.get('code', '')} {cameo.get('label', '')} «{trig}»".strip()


@click.command()
@DB_OPTION
@click.option("--since", callback=iso_date, metavar="YYYY-MM-DD", help="Clusters whose days reach this date.")
@click.option("--until", callback=iso_date, metavar="YYYY-MM-DD", help="Clusters that began by this date.")
@click.option("--cameo", metavar="CODE", help="CAMEO code prefix, e.g. 18 (assault).")
@click.option("--min-articles", type=click.IntRange(min=1), default=2, show_default=True,
              help="Only events reported by at least this many articles.")
@click.option("--grade", type=click.IntRange(1, 6), help="Only clusters graded this well or better (1 best).")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stories(db: str | None, limit: int, offset: int, fmt: str, **filters: Any) -> None:
    """List events told by several articles: counts of articles, outlets and independent origins, and the
    information grade that follows from them."""
    from isnad.store import open_store

    with open_store(db, create=False) as store:
        rows = store.stories(limit=limit, offset=offset, **filters)
        total = store.count_stories(**filters)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    click.echo(columns([
        {"story": r["id"], "days": f"{r['date_start'] or '?'}..{r['date_end'] or '?'}", "articles": r["articles"],
         "outlets": r["outlets"], "origins": r["origins"], "grade": f"{r['grade']} {GRADES.get(r['grade'], '')}",
         "event": _label(r["event"])} for r in rows
    ]) if rows else "no stories match")
    click.echo(f"{len(rows)} of {total} stories", err=True)


@click.command()
@click.argument("story_id", metavar="ID")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def story(story_id: str, db: str | None, fmt: str) -> None:
    """Show one story: its reports in order, which texts copy which (with the shared passages), the origin
    of each report and why it is graded as it is."""
    from isnad.store import open_store

    with open_store(db, create=False) as store:
        s = store.story(story_id)
    if s is None:
        raise click.ClickException(f"no story {story_id!r} in the store (see `isnad stories`)")
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False, indent=1))
        return
    click.echo(f"story {s['id']}: {_label(s['event'])}")
    click.echo(f"  days {s['date_start']}..{s['date_end']}, first report {s['first_report']}, last {s['last_report']}")
    click.echo(f"  {s['mentions']} mentions in {s['articles']} articles of {s['outlets']} outlets, "
               f"{s['origins']} independent origin(s); reports {'agree' if s['agree'] else 'disagree'}")
    click.echo(f"  grade {s['grade']} ({GRADES.get(s['grade'], '')}): " + "; ".join(s["reasons"]))
    click.echo("reports:")
    click.echo(columns([
        {"published": m["published"] or "", "article": m["article"], "outlet": m["outlet"] or "",
         "origin": m["origin"], "modality": m["modality"] or "", "event": _label(m["event"])}
        for m in s["members"]
    ]))
    if s["copies"]:
        click.echo("copies:")
        for link in s["copies"]:
            spans = ", ".join(f"{p['a'][0]}-{p['a'][1]}/{p['b'][0]}-{p['b'][1]} ({p['words']} words)"
                              for p in link["passages"])
            click.echo(f"  {link['b'][:12]} is a {link['relation']} of {link['a'][:12]}: "
                       f"{link['shared_words']} words shared, {link['coverage']:.0%} of the shorter; passages {spans}")
