"""The event-reality score: bundled weights, what it keeps and drops, and that it ranks real event reports
above other candidates on the event GSR (in-sample: every GSR sentence we have is training data; the
honest, cross-validated figures are printed by scripts/train_event_scorer.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from isnad.eval.events import FACTUAL, POSITIVE, load_gsr, part
from isnad.resources import Resources
from isnad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]

# Two development sentences of the ASSAULT GSR, read by hand: a specific killing with its perpetrators
# ("unknown gunmen assassinated Brigadier Jabbar Musaid, police intelligence director in Basra"), and an
# opinion about killing in general ("the only possible explanation of the killing, slaughter and
# kidnapping going on in Iraq").
REPORT = "وأوضحت المصادر أن «مسلحين مجهولين اغتالوا العميد جبار مساعد، مدير استخبارات الشرطة الوطنية في البصرة»."
OPINION = "هذا في رأيي هو التفسير الممكن الوحيد لما يجري في العراق من قتل وذبح وخطف ."


@pytest.fixture(scope="module")
def every_candidate():
    return Pipeline(options={"events": {"min_score": 0.0}})


def _assaults(doc):
    return [e for e in doc.events if e.plover.type == "ASSAULT" and e.modality in FACTUAL]


def test_bundled_model_has_a_threshold_per_scored_type():
    m = Resources().scorer
    assert m is not None
    assert set(m.thresholds) == {"PROTEST", "ASSAULT"}
    assert all(0.0 < t < 1.0 for t in m.thresholds.values())
    assert len(m.weights) < 1000  # compact and readable


def test_every_event_carries_a_score(reference_doc):
    assert reference_doc.events
    for ev in reference_doc.events:
        assert 0.0 <= ev.evidence["score"] <= 1.0, ev.evidence


def test_a_reported_assassination_scores_above_talk_of_killing(every_candidate):
    report = max(e.evidence["score"] for e in _assaults(every_candidate(REPORT)))
    opinion = max(e.evidence["score"] for e in _assaults(every_candidate(OPINION)))
    assert report > Resources().scorer.thresholds["ASSAULT"], (report, opinion)
    # The opinion's خطف, a verbal noun in the list «من قتل وذبح وخطف» that the coder takes for a verb, rose above
    # the threshold when the scorer chose C 1.0 (0.36 against 0.34); retrained with C 0.3 for the coder that
    # reads real news better, it is under it again (0.34 against 0.36), with the scores closer together.
    assert opinion < Resources().scorer.thresholds["ASSAULT"] and report > opinion + 0.1, (report, opinion)


def test_default_keeps_the_report(pipeline):
    assert _assaults(pipeline(REPORT))


def test_min_score_zero_keeps_what_the_threshold_drops(pipeline, every_candidate, shared_data):
    rows = [r for r in load_gsr(shared_data / "event_gsr", "ASSAULT") if part(r["id"]) == "dev"][:300]
    kept = sum(len(_assaults(pipeline(r["text"]))) for r in rows)
    allc = sum(len(_assaults(every_candidate(r["text"]))) for r in rows)
    assert allc > kept > 0


def test_planned_events_are_not_judged_by_the_score(pipeline):
    doc = pipeline("ستقصف الطائرات مواقع المسلحين.")
    assert [e.modality for e in doc.events] == ["planned"]


def test_explain_lists_the_features(shared_data):
    coder_pipeline = Pipeline(options={"events": {"explain": True, "min_score": 0.0}})
    ev = _assaults(coder_pipeline(REPORT))[0]
    assert "kind:verb" in ev.evidence["features"] and "place" in ev.evidence["features"]


def _auc(pos: list[float], neg: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


# The odd half is training data of the score now (as is the even half), so this is an in-sample ranking
# check. Measured when set: ASSAULT 0.883 (57 gold sentences with a candidate, 224 rejected), PROTEST 0.894
# (16, 47); 0.777 and 0.805 when the score was trained on the even half only.
HELDOUT_AUC = {"ASSAULT": 0.83, "PROTEST": 0.83}


@pytest.mark.parametrize("etype", sorted(HELDOUT_AUC))
def test_score_ranks_heldout_candidates(every_candidate, shared_data, etype):
    """On odd-half sentences with a candidate, how often the best candidate of a gold event sentence
    outscores the best candidate of a rejected sentence (the area under the ROC curve)."""
    pos, neg = [], []
    for row in load_gsr(shared_data / "event_gsr", etype):
        if part(row["id"]) != "heldout":
            continue
        scores = [e.evidence["score"] for e in every_candidate(row["text"]).events
                  if e.plover.type == etype and e.modality in FACTUAL]
        if scores:
            (pos if row["label"] in POSITIVE else neg).append(max(scores))
    assert len(pos) > 10 and len(neg) > 30
    assert _auc(pos, neg) >= HELDOUT_AUC[etype]


def test_bundled_weights_name_features_the_scorer_makes():
    # (the weights depend on the stages before the coder: rerun scripts/train_event_scorer.py after
    # changing the recogniser or the patterns)
    families = {"type", "rule", "item", "kind", "reason", "src", "tgt", "src_sector", "tgt_sector", "noun",
                "verb", "prev", "next", "near", "quote_before", "in_quote", "question", "negation_in_sentence",
                "clause_initial", "time", "place", "heading", "near4", "toll", "frame", "PROTEST", "ASSAULT"}
    data = json.loads((ROOT / "isnad" / "data" / "events" / "scorer.json").read_text(encoding="utf-8"))
    assert "GSR" in data["source"]
    # a per-type weight names its type before the feature: PROTEST/near:casualty
    names = [f.split("/", 1)[1] if f.startswith(("PROTEST/", "ASSAULT/")) else f for f in data["weights"]]
    unknown = [f for f in names if f.split(":", 1)[0] not in families]
    assert not unknown, unknown
