"""`isnad evaluate attribution`: cue and source precision, recall and F1 on the hand-annotated gold set.

The gold set (``tests/gold/attribution.jsonl``, or ``$ISNAD_GOLD/attribution.jsonl``) holds real sentences, each with its attributed
statements: the cue, the source span (None for a pronoun subject) and the source type. Cues and sources
are scored by exact span; sources also by overlap (relaxed). Source types are scored on the gold
statements whose cue was found and whose source is named in the sentence.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from isnad.document import Document
from isnad.eval.paths import gold_dir
from isnad.eval.scoring import prf
from isnad.pipeline import DEFAULT, Pipeline



class NoMentions:
    """Stand-in recogniser that finds nothing: scores the attribution stage on its own word lists."""

    name = "no-mentions"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("mentions",)

    def __call__(self, doc: Document) -> Document:
        return doc


def attribution_pipeline(mentions: bool = True) -> Pipeline:
    """The default stages up to ``attribution``; without recognisers when ``mentions`` is False."""
    if not mentions:
        return Pipeline(["normalise", "segment", NoMentions(), "attribution"])
    return Pipeline(list(DEFAULT[: DEFAULT.index("attribution") + 1]))


def load_gold(path: Path | None = None, split: str | None = None) -> list[dict[str, Any]]:
    """The gold records (``attribution.jsonl`` of the gold folder by default) of one split, or all."""
    path = path or gold_dir() / "attribution.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split in (None, "all", r["split"])]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p, r, f = prf(tp, n_pred, n_gold)
    return {"precision": p, "recall": r, "f1": f, "tp": tp,
            "predicted": n_pred, "gold": n_gold}


def _overlap_matches(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and p[0] < g[1] and g[0] < p[1]:
                used.add(i)
                hits += 1
                break
    return hits


def score(records: Iterable[dict[str, Any]], pipeline: Pipeline) -> dict[str, Any]:
    """Cue and source P/R/F1 (exact and overlap) and source-type accuracy over gold records."""
    n = {"cue_tp": 0, "cue_pred": 0, "cue_gold": 0, "src_tp": 0, "src_pred": 0, "src_gold": 0,
         "src_overlap": 0, "type_ok": 0, "type_n": 0}
    errors: list[dict[str, Any]] = []
    for rec in records:
        doc = pipeline(rec["text"])
        pred = doc.attributions
        gold = rec["attributions"]
        pred_cues = {(a.cue.start, a.cue.end): a for a in pred}
        gold_cues = {(g["cue"]["start"], g["cue"]["end"]) for g in gold}
        n["cue_pred"] += len(pred_cues)
        n["cue_gold"] += len(gold_cues)
        n["cue_tp"] += len(gold_cues & set(pred_cues))
        p_src = [(a.source.start, a.source.end) for a in pred if a.source]
        g_src = [(g["source"]["start"], g["source"]["end"]) for g in gold if g["source"]]
        n["src_pred"] += len(p_src)
        n["src_gold"] += len(g_src)
        n["src_tp"] += len(set(p_src) & set(g_src))
        n["src_overlap"] += _overlap_matches(p_src, g_src)
        for g in gold:
            hit = pred_cues.get((g["cue"]["start"], g["cue"]["end"]))
            if g["source"] and hit is not None:
                n["type_n"] += 1
                n["type_ok"] += hit.source_type == g["type"]
        if set(p_src) != set(g_src) or gold_cues != set(pred_cues):
            errors.append({"id": rec["id"], "gold": [(g["cue"]["text"], g["source"] and g["source"]["text"]) for g in gold],
                           "predicted": [(a.cue.text, a.source and a.source.text) for a in pred]})
    return {
        "cues": _prf(n["cue_tp"], n["cue_pred"], n["cue_gold"]),
        "sources": _prf(n["src_tp"], n["src_pred"], n["src_gold"]),
        "sources_overlap": _prf(n["src_overlap"], n["src_pred"], n["src_gold"]),
        "type_accuracy": n["type_ok"] / n["type_n"] if n["type_n"] else 0.0,
        "type_n": n["type_n"],
        "errors": errors,
    }


@click.command("attribution")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              show_default=True, help="Gold JSONL file.")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default=None,
              help="Score one split only (default: dev, test and all).")
@click.option("--no-mentions", is_flag=True, help="Run without the entity recognisers.")
@click.option("--errors", "show_errors", is_flag=True, help="List the sentences with a wrong cue or source.")
def evaluate_attribution(gold: Path | None, split: str | None, no_mentions: bool, show_errors: bool) -> None:
    """Precision, recall and F1 of attribution cues and sources on the gold set."""
    pipeline = attribution_pipeline(mentions=not no_mentions)
    for name in [split] if split else ["dev", "test", "all"]:
        result = score(load_gold(gold, name), pipeline)
        click.echo(f"[{name}] statements={result['cues']['gold']}")
        for key in ("cues", "sources", "sources_overlap"):
            r = result[key]
            click.echo(f"  {key:16} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                       f"(tp={r['tp']} pred={r['predicted']} gold={r['gold']})")
        click.echo(f"  source type accuracy {result['type_accuracy']:.3f} (n={result['type_n']})")
        if show_errors:
            for e in result["errors"]:
                click.echo(f"    {e['id']}: gold={e['gold']} predicted={e['predicted']}")
