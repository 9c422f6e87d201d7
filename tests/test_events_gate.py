"""Quality gate: PROTEST and ASSAULT detection and source-actor countries on the Arabic event GSR.

The floors sit just below the scores measured when they were set (`isnad evaluate events`). Raise them
when the coder improves; lowering one needs a reason written next to it.
"""
from __future__ import annotations

import pytest

from isnad.events.evaluate import evaluate

# measured with the event-reality score (isnad/data/events/scorer.json): PROTEST dev F1 0.590, held-out 0.405;
# ASSAULT dev 0.650, held-out 0.439 (before the score: 0.590, 0.377; 0.464, 0.324)
DETECTION_F1 = {
    ("PROTEST", "dev"): 0.56,
    ("PROTEST", "heldout"): 0.38,
    ("ASSAULT", "dev"): 0.62,
    ("ASSAULT", "heldout"): 0.41,
}
# measured: PROTEST dev P 0.442, held-out 0.281; ASSAULT dev 0.631, held-out 0.387
DETECTION_PRECISION = {
    ("PROTEST", "dev"): 0.42,
    ("PROTEST", "heldout"): 0.26,
    ("ASSAULT", "dev"): 0.60,
    ("ASSAULT", "heldout"): 0.36,
}
# measured: PROTEST dev recall 0.885, ASSAULT 0.670. The ASSAULT floor was 0.88 before the score: the
# score trades recall for precision (F1 up from 0.464 to 0.650 on dev, 0.324 to 0.439 held out).
DETECTION_RECALL = {("PROTEST", "dev"): 0.84, ("ASSAULT", "dev"): 0.63}
# measured over both halves: PROTEST 11/13 and ASSAULT 9/11 of the predicted countries are right
SOURCE_COUNTRY_PRECISION = {"PROTEST": 0.75, "ASSAULT": 0.80}


@pytest.fixture(scope="module")
def report(shared_data, pipeline):
    return evaluate(shared_data / "event_gsr", pipeline)


@pytest.mark.parametrize("etype,part", sorted(DETECTION_F1))
def test_detection_f1_floor(report, etype, part):
    got = report[etype]["detection"][part]
    assert got["f1"] >= DETECTION_F1[(etype, part)], got


@pytest.mark.parametrize("etype,part", sorted(DETECTION_PRECISION))
def test_detection_precision_floor(report, etype, part):
    got = report[etype]["detection"][part]
    assert got["precision"] >= DETECTION_PRECISION[(etype, part)], got


@pytest.mark.parametrize("etype,part", sorted(DETECTION_RECALL))
def test_detection_recall_floor(report, etype, part):
    got = report[etype]["detection"][part]
    assert got["recall"] >= DETECTION_RECALL[(etype, part)], got


@pytest.mark.parametrize("etype", sorted(SOURCE_COUNTRY_PRECISION))
def test_source_country_floor(report, etype):
    got = report[etype]["source_country"]["all"]
    assert got["with_country"] >= 10, got
    assert got["precision"] >= SOURCE_COUNTRY_PRECISION[etype], got


def test_the_split_is_fixed_and_balanced(shared_data):
    from isnad.events.evaluate import load_gsr, part

    rows = load_gsr(shared_data / "event_gsr", "ASSAULT")
    dev = [r for r in rows if part(r["id"]) == "dev"]
    assert 0.4 < len(dev) / len(rows) < 0.6
    assert part(rows[0]["id"]) == part(rows[0]["id"])
