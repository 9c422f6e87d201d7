"""Quality gate: PROTEST and ASSAULT detection and source-actor countries on the Arabic event GSR.

The floors sit just below the scores measured when they were set (`isnad evaluate events`). Raise them
when the coder improves; lowering one needs a reason written next to it.
"""
from __future__ import annotations

import pytest

from isnad.eval.events import evaluate

# Both halves are training data of the event-reality score (scripts/train_event_scorer.py fits it on every
# GSR sentence we have), so these floors are in-sample: a regression guard set just below the figures
# measured when the score was retrained, not an estimate of quality on new text. The honest figures are
# the nested, document-grouped 5-fold cross-validated ones the training script prints (scorer.json,
# "cross_validation"): PROTEST P 0.492 R 0.646 F1 0.559, ASSAULT P 0.568 R 0.696 F1 0.626. Lowered with
# the coder that takes a verbal noun presupposed by بعد، إثر، جراء، خلال or followed by its time or count as
# its event (before: 0.567 and 0.642): on the reader's gold of real news it finds 11 % more right events at a
# higher precision (CAMEO root dev P 0.684 → 0.706, R 0.214 → 0.238; test R 0.120 → 0.146), while on
# the GSR's sentences those nouns are as often the background of another act as the act itself.
# In-sample when last retrained: PROTEST dev F1 0.816, odd half 0.700; ASSAULT dev 0.716, odd half 0.659.
DETECTION_F1 = {
    ("PROTEST", "dev"): 0.80,
    ("PROTEST", "heldout"): 0.69,
    ("ASSAULT", "dev"): 0.70,
    ("ASSAULT", "heldout"): 0.64,  # 0.647 since verbs that report through a preposition are attribution cues
}                                   # (was 0.651): the attributions found change some sentences' scores
# in-sample when last retrained: PROTEST dev P 0.870, odd half 0.778; ASSAULT dev 0.645, odd half 0.559
DETECTION_PRECISION = {
    ("PROTEST", "dev"): 0.86,
    ("PROTEST", "heldout"): 0.77,
    ("ASSAULT", "dev"): 0.64,
    ("ASSAULT", "heldout"): 0.54,  # 0.549, the same change
}
# in-sample when set: PROTEST dev recall 0.769 (0.846 before the retraining above: its PROTEST threshold
# rose from 0.38 to 0.47, which made the precision 0.870 from 0.759), ASSAULT 0.804
DETECTION_RECALL = {("PROTEST", "dev"): 0.76, ("ASSAULT", "dev"): 0.79}
# measured over both halves: PROTEST 8/11 and ASSAULT 13/16 of the predicted countries are right. The
# ASSAULT floor went down from 0.85 (13/15) with the tagger that knows word classes: it finds the named
# victim of a passive «قتل باسم عاشور», who is then taken for the killer (voice is not marked in the text).
# The PROTEST floor went down from 0.85 (9/10) when a sentence that opens with a verbal noun became a
# report of its event: a chronology line «17 مارس: مظاهرة في ساحة غروفنور سكوير بلندن» now gives a London
# protest (GBR, right) in a record whose one annotated country is the USA of the line after it.
# With that threshold 8 records with a gold country have a predicted one (10 before); 6 of 8 are right.
SOURCE_COUNTRY_PRECISION = {"PROTEST": 0.72, "ASSAULT": 0.80}
SOURCE_COUNTRY_RECORDS = 8


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
    assert got["with_country"] >= SOURCE_COUNTRY_RECORDS, got
    assert got["precision"] >= SOURCE_COUNTRY_PRECISION[etype], got


def test_the_split_is_fixed_and_balanced(shared_data):
    from isnad.eval.events import load_gsr, part

    rows = load_gsr(shared_data / "event_gsr", "ASSAULT")
    dev = [r for r in rows if part(r["id"]) == "dev"]
    assert 0.4 < len(dev) / len(rows) < 0.6
    assert part(rows[0]["id"]) == part(rows[0]["id"])
