"""Scores of the cross-article layer on the stories gold (``tests/gold/stories``, see its two guides).

Every article of the gold is ingested, in the order it was received, into a fresh SQLite store with the
layer on, as an ingest of a day's coverage would. Then:

- **copy detection** over the labelled pairs: a pair is predicted a copy when both articles end in one copy
  family; copies and partial copies are the positives, "same event" and "unrelated" pairs the negatives;
- **event clustering**, B-cubed over the gold members: each member is the system event of its article whose
  trigger overlaps the gold trigger (else the nearest event of the gold CAMEO root); a member with no such
  event stands alone. Also scored on the found members only, which isolates clustering from detection.

The clusters are split by number (odd ids ``dev``, even ``test``); the thresholds of the layer were set on the
pairs and on ``dev``.
"""
from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from isnad.document import Document
from isnad.eval.paths import article_text, gold_dir, news_articles
from isnad.eval.scoring import prf

POSITIVE = ("copy", "partial")
SPLITS = ("dev", "test", "all")


def load(directory: Path | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The labelled pairs and the event clusters of the gold."""
    root = directory or gold_dir() / "stories"

    def read(name: str) -> list[dict[str, Any]]:
        with (root / name).open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    return read("pairs.jsonl"), read("clusters.jsonl")


def in_split(cluster: dict[str, Any], split: str) -> bool:
    """Whether a gold cluster belongs to ``split``: odd-numbered ids are ``dev``, even ones ``test``; ``all``
    takes every one."""
    number = int("".join(ch for ch in cluster["id"] if ch.isdigit()) or 0)
    return split == "all" or (number % 2 == 1) == (split == "dev")


@dataclass
class StoriesReport:
    """The scores of one run: copy detection over the pairs, B-cubed of the clusters, and the errors by kind."""

    articles: int = 0
    seconds: float = 0.0
    copy: tuple[int, int, int] = (0, 0, 0)  # tp, predicted, gold
    by_label: dict[str, Counter[str]] = field(default_factory=dict)  # gold label -> {"same family": n, ...}
    bcubed: tuple[float, float, float] = (0.0, 0.0, 0.0)
    bcubed_found: tuple[float, float, float] = (0.0, 0.0, 0.0)
    members: int = 0
    found: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready figures, scores rounded to four places."""
        def row(p: float, r: float, f: float) -> dict[str, float]:
            return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

        return {
            "articles": self.articles, "seconds": round(self.seconds, 1),
            "copy_detection": {**row(*prf(*self.copy)), "tp": self.copy[0], "predicted": self.copy[1],
                               "gold": self.copy[2]},
            "pairs_by_label": {k: dict(v) for k, v in sorted(self.by_label.items())},
            "clusters_bcubed": row(*self.bcubed),
            "clusters_bcubed_found_members": row(*self.bcubed_found),
            "members": self.members, "members_found": self.found,
            "errors": dict(self.errors.most_common()),
        }


def ingest_gold(pairs: list[dict[str, Any]], clusters: list[dict[str, Any]], db: Path, jobs: int | None = None) -> int:
    """Ingest every article of the gold into the store at ``db``, in the order received; how many."""
    from isnad.ingest.runner import ingest
    from isnad.store import open_store

    ids = {p[k] for p in pairs for k in ("a", "b")} | {m["article"] for c in clusters for m in c["members"]}
    articles = sorted(news_articles(ids).values(), key=lambda a: (a["extracted"], a["id"]))
    docs = [Document(text=article_text(a), id=a["id"], outlet=a.get("outlet"), url=a.get("url"),
                     published=a["extracted"][:10]) for a in articles]
    with open_store(str(db)) as store:
        ingest(docs, store, jobs=jobs, progress=False)
    return len(docs)


def bcubed(items: list[tuple[str, str]]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of (gold cluster, predicted cluster) pairs, one per item."""
    if not items:
        return 0.0, 0.0, 0.0
    gold: Counter[str] = Counter(g for g, _ in items)
    pred: Counter[str] = Counter(p for _, p in items)
    both: Counter[tuple[str, str]] = Counter(items)
    p = sum(both[(g, q)] / pred[q] for g, q in items) / len(items)
    r = sum(both[(g, q)] / gold[g] for g, q in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(db: Path, pairs: list[dict[str, Any]], clusters: list[dict[str, Any]], split: str) -> StoriesReport:
    """Score the layer's families and clusters in the store at ``db`` against the gold."""
    import sqlite3

    conn = sqlite3.connect(db)
    report = StoriesReport()
    family = dict(conn.execute("SELECT a.id, d.family FROM articles a JOIN documents d ON d.hash = a.doc"))
    doc_of = dict(conn.execute("SELECT id, doc FROM articles"))
    tp = predicted = positives = 0
    for p in pairs:
        same = family.get(p["a"]) is not None and family.get(p["a"]) == family.get(p["b"])
        gold = p["label"] in POSITIVE
        tp += same and gold
        predicted += same
        positives += gold
        report.by_label.setdefault(p["label"], Counter())["same family" if same else "apart"] += 1
        if same != gold:
            report.errors[f"pair {p['label']} {'joined' if same else 'missed'}"] += 1
    report.copy = (tp, predicted, positives)

    events: dict[str, list[tuple[int, int, str, str | None]]] = defaultdict(list)
    for doc, data, cluster in conn.execute(
            "SELECT e.doc, e.data, ce.cluster FROM events e LEFT JOIN cluster_events ce "
            "ON ce.doc = e.doc AND ce.seq = e.seq"):
        ev = json.loads(data)
        trig = ev.get("trigger") or {}
        events[doc].append((trig.get("start") or 0, trig.get("end") or 0, (ev.get("cameo") or {}).get("code") or "",
                            cluster))
    items, found_items = [], []
    for c in clusters:
        if not in_split(c, split):
            continue
        for i, m in enumerate(c["members"]):
            report.members += 1
            t = m["trigger"]
            cands = events.get(doc_of.get(m["article"], ""), [])
            hit = next((e for e in cands if e[0] < t["end"] and t["start"] < e[1]), None)
            if hit is None:
                same_root = [e for e in cands if e[2][:2] == c["cameo"][:2]]
                hit = min(same_root, key=lambda e: abs(e[0] - t["start"]), default=None)
                if hit is None:
                    report.errors["member without a system event"] += 1
            pred = hit[3] if hit and hit[3] else f"alone:{c['id']}:{i}"
            items.append((c["id"], pred))
            if hit and hit[3]:
                report.found += 1
                found_items.append((c["id"], pred))
    report.bcubed = bcubed(items)
    report.bcubed_found = bcubed(found_items)
    gold_of = defaultdict(set)
    for g, q in found_items:
        gold_of[q].add(g)
    report.errors["system clusters merging gold clusters"] = sum(1 for v in gold_of.values() if len(v) > 1)
    report.articles = int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    conn.close()
    return report


def evaluate_stories_gold(split: str = "dev", directory: Path | None = None, db: Path | None = None,
                          jobs: int | None = None) -> StoriesReport:
    """Ingest the gold's articles (into ``db``, else a temporary store) and score them."""
    import time

    pairs, clusters = load(directory)
    with tempfile.TemporaryDirectory() as tmp:
        path = db or Path(tmp) / "stories.db"
        start = time.perf_counter()
        if db is None or not db.exists():
            ingest_gold(pairs, clusters, path, jobs)
        report = score(path, pairs, clusters, split)
        report.seconds = time.perf_counter() - start
    return report


@click.command("stories")
@click.option("--split", type=click.Choice(SPLITS), default="dev", show_default=True,
              help="clusters scored: odd-numbered (dev), even-numbered (test) or all")
@click.option("--gold", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="folder of pairs.jsonl and clusters.jsonl (default: the checkout's tests/gold/stories)")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="keep the ingested store here (re-used when it exists)")
@click.option("--jobs", "-j", type=int, default=None, help="worker processes of the ingest")
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
def evaluate_stories(split: str, gold: Path | None, db: Path | None, jobs: int | None, as_json: bool) -> None:
    """Score copy families (pairs) and event clusters (B-cubed) on the stories gold."""
    scores = evaluate_stories_gold(split, gold, db, jobs).as_dict()
    if as_json:
        click.echo(json.dumps(scores, indent=2))
        return
    c = scores["copy_detection"]
    click.echo(f"articles ingested: {scores['articles']} in {scores['seconds']} s")
    click.echo(f"copy detection (copy or partial vs the rest): P {c['precision']:.3f}  R {c['recall']:.3f}  "
               f"F1 {c['f1']:.3f}  ({c['tp']} of {c['predicted']} predicted, {c['gold']} gold)")
    for label, counts in scores["pairs_by_label"].items():
        click.echo(f"  {label:<11} " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for key, name in (("clusters_bcubed", "event clusters, B-cubed"),
                      ("clusters_bcubed_found_members", "  on members with a system event")):
        s = scores[key]
        click.echo(f"{name} ({split}): P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    click.echo(f"members with a system event: {scores['members_found']} of {scores['members']}")
    click.echo("errors: " + ", ".join(f"{k} {v}" for k, v in scores["errors"].items()))
