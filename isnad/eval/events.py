"""`isnad evaluate events`: PROTEST and ASSAULT detection and source-actor countries on the Arabic event GSR.

A sentence is predicted positive for a type when isnad finds an event of that PLOVER type in it that the
text presents as having happened (modality asserted or reported; the gold standard codes events, not
plans, denials, conditions or background from years before). Gold
positives are the sentences labelled ``yes``; negatives ``easy no`` and ``difficult no``; ``ambiguous`` is
left out. The sentences are split by a hash of their id into an even and an odd half, and both are
reported; the patterns were tuned on the even half.

Both halves are now training data for the event-reality score (``scripts/train_event_scorer.py`` fits it
on every sentence we have), so the figures printed here are in-sample: a regression guard, not an
estimate of quality on new text. The honest figures are the nested, document-grouped cross-validated
ones that the training script prints (and stores under ``cross_validation`` in
``isnad/data/events/scorer.json``).

The default pipeline is scored, as ``isnad analyze FILE.jsonl --format jsonl`` runs it: PROTEST and ASSAULT
candidates whose event-reality score (``evidence["score"]``, :mod:`isnad.events.scorer`) is below their
type's threshold are not emitted, so a sentence counts positive exactly when that output has such an event.
"""
from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from isnad.eval.paths import shared_data
from isnad.eval.scoring import prf

TYPES = ("PROTEST", "ASSAULT")
FACTUAL = {"asserted", "reported"}
POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}
NOT_COUNTRIES = {"None", "UNKNOWN", "IGO", "NGO", "IMG", "MNC", "UNK"}  # gold main codes that name no country


@dataclass
class Counts:
    """True and false positives and negatives of one type's detection over gold sentences."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        """Counts one sentence by its gold label and the prediction."""
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        """True positives over the sentences predicted positive."""
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[0]

    @property
    def recall(self) -> float:
        """True positives over the gold positives."""
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[1]

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[2]

    def as_dict(self) -> dict[str, Any]:
        """The four counts and the three scores (to four places), as the JSON report has them."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def part(sentence_id: str) -> str:
    """``dev`` for sentences whose id hashes to an even number, ``heldout`` otherwise (a fixed split)."""
    return "dev" if hashlib.sha1(sentence_id.encode("utf-8")).digest()[0] % 2 == 0 else "heldout"


def default_data() -> Path:
    """The event GSR folder of the reference data ($ISNAD_SHARED_DATA, else beside a checkout)."""
    return shared_data() / "event_gsr"


def load_gsr(data: Path, etype: str) -> list[dict[str, str]]:
    """The GSR sentences of ``etype`` labelled ``yes``, ``easy no`` or ``difficult no`` (``ambiguous`` left out)."""
    with open(data / f"{etype.lower()}_gsr.csv", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["label"] in POSITIVE | NEGATIVE]


def load_spans(data: Path, etype: str) -> list[dict[str, Any]]:
    """Span records whose first annotation names the source actor's country."""
    out = []
    for rec in json.loads((data / f"{etype.lower()}_spans.json").read_text(encoding="utf-8")):
        roles = [s.get("source_role") for s in rec.get("spans", [])]
        mains = [r.get("main") for r in roles if isinstance(r, dict)]
        country = next((m for m in mains if m and m not in NOT_COUNTRIES), None)
        if country:
            out.append({"id": rec["_id"], "text": rec["text"], "country": country[:3]})
    return out


def types_found(pipeline: Any, texts: Iterable[str]) -> list[set[str]]:
    """For each text, the PLOVER types of the events the pipeline finds and the text presents as having happened."""
    return [{e.plover.type for e in pipeline(t).events if e.modality in FACTUAL} for t in texts]


def score_detection(pipeline: Any, rows: list[dict[str, str]], etype: str) -> dict[str, Counts]:
    """Detection counts of ``etype`` over the gold rows, for the ``dev`` and ``heldout`` halves and ``all``."""
    found = types_found(pipeline, (r["text"] for r in rows))
    counts = {"dev": Counts(), "heldout": Counts(), "all": Counts()}
    for row, types in zip(rows, found):
        gold, predicted = row["label"] in POSITIVE, etype in types
        counts[part(row["id"])].add(gold, predicted)
        counts["all"].add(gold, predicted)
    return counts


def score_sources(pipeline: Any, records: list[dict[str, Any]], etype: str) -> dict[str, dict[str, Any]]:
    """Share of records whose predicted source country (first event of the type) matches the gold one."""
    out: dict[str, dict[str, Any]] = {}
    for rec in records:
        events = [e for e in pipeline(rec["text"]).events if e.plover.type == etype]
        actor = next((e.source.actor for e in events if e.source and e.source.actor), None)
        predicted = actor.country if actor else None
        for name in (part(rec["id"]), "all"):
            s = out.setdefault(name, {"records": 0, "with_event": 0, "with_country": 0, "correct": 0})
            s["records"] += 1
            s["with_event"] += bool(events)
            s["with_country"] += predicted is not None
            s["correct"] += predicted == rec["country"]
    for s in out.values():
        s["accuracy"] = round(s["correct"] / s["records"], 4) if s["records"] else 0.0
        s["precision"] = round(s["correct"] / s["with_country"], 4) if s["with_country"] else 0.0
    return out


def evaluate(data: Path, pipeline: Any | None = None) -> dict[str, Any]:
    """Detection and source-country scores of PROTEST and ASSAULT on the GSR in ``data`` (with ``Pipeline()``
    unless a pipeline is given)."""
    if pipeline is None:
        from isnad import Pipeline

        pipeline = Pipeline()
    report: dict[str, Any] = {}
    for etype in TYPES:
        report[etype] = {
            "detection": {k: v.as_dict() for k, v in score_detection(pipeline, load_gsr(data, etype), etype).items()},
            "source_country": score_sources(pipeline, load_spans(data, etype), etype),
        }
    return report


@click.command("events")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="folder with *_gsr.csv and *_spans.json (default: ../shared/data/event_gsr or $ISNAD_SHARED_DATA)")
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
def evaluate_events(data: Path | None, as_json: bool) -> None:
    """Score PROTEST and ASSAULT detection (P/R/F1) and source-actor countries on the event GSR."""
    data = data or default_data()
    if not (data / "protest_gsr.csv").is_file():
        raise click.ClickException(f"no event GSR at {data}; give --data or set ISNAD_SHARED_DATA")
    report = evaluate(data)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo("In-sample: both halves are training data of the event-reality score; the honest figures are the\n"
               "cross-validated ones of scripts/train_event_scorer.py (scorer.json, cross_validation).")
    for etype, r in report.items():
        click.echo(f"{etype} detection   (positive: yes; negative: easy/difficult no)")
        click.echo(f"  {'part':8} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} {'TN':>6}")
        for name in ("dev", "heldout", "all"):
            d = r["detection"][name]
            click.echo(f"  {name:8} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f} "
                       f"{d['tp']:5d} {d['fp']:5d} {d['fn']:5d} {d['tn']:6d}")
        click.echo(f"{etype} source-actor country   (records with a gold country)")
        for name in ("dev", "heldout", "all"):
            s = r["source_country"].get(name)
            if s:
                click.echo(f"  {name:8} correct {s['correct']}/{s['records']} = {s['accuracy']:.3f}; "
                           f"of those with a predicted country {s['precision']:.3f} ({s['with_country']})")
