"""Print the false positives and false negatives of PROTEST/ASSAULT detection on the event GSR, with the
events that fired, for error analysis. Both halves are training data of the event-reality score, so these
are in-sample errors; ``--part dev`` or ``--part heldout`` limits the listing to one half.

    .venv/bin/python scripts/event_gsr_errors.py [--type ASSAULT] [--min-score X] [--part dev]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from isnad import Pipeline
from isnad.eval.events import FACTUAL, POSITIVE, TYPES, load_gsr, part

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "event_gsr"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--type", choices=TYPES, default=None)
    ap.add_argument("--min-score", type=float, default=None, help="event-reality threshold (default: the bundled ones)")
    ap.add_argument("--part", choices=("dev", "heldout"), default=None, help="one half only (default: both)")
    args = ap.parse_args()
    pipeline = Pipeline(options={"events": {"min_score": args.min_score}})
    for etype in [args.type] if args.type else TYPES:
        for row in load_gsr(DATA, etype):
            if args.part and part(row["id"]) != args.part:
                continue
            evs = [e for e in pipeline(row["text"]).events if e.plover.type == etype and e.modality in FACTUAL]
            gold = row["label"] in POSITIVE
            if gold == bool(evs):
                continue
            kind = "FN" if gold else "FP"
            print(f"{kind} {etype} [{row['label']}] {row['text'][:400]}")
            for e in evs:
                print(f"    -> {e.trigger.text} {e.evidence['rule']} {e.modality} score={e.evidence.get('score')}")


if __name__ == "__main__":
    main()
