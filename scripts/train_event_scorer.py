"""Train the event-reality score (isnad/events/scorer.py) on the development half of the Arabic event GSR.

    .venv/bin/python scripts/train_event_scorer.py [--data ../shared/data/event_gsr] [--out isnad/data/events/scorer.json]

Candidates are the PROTEST and ASSAULT events that the coder finds (with every candidate kept) in the
development sentences of the matching GSR file, with a factual modality; a candidate is positive when its
sentence is labelled ``yes``. The regularisation strength and the per-type thresholds are chosen by
five-fold cross-validation grouped by sentence, maximising the sentence-level F1 of each type (sentences
with no candidate count as misses); the final weights are fitted on the whole development half. The
held-out half is never read. Deterministic: fixed folds, a deterministic solver, rounded weights.
Needs scikit-learn (the ``build`` extra); the package itself reads only the JSON it writes.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from isnad import Pipeline
from isnad.events.evaluate import FACTUAL, POSITIVE, TYPES, load_gsr, part

ROOT = Path(__file__).resolve().parents[1]
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
SMOOTH = 3  # thresholds either side (steps of 0.01) in the averaged F1 curve
LEMMA_SCALE = 0.5  # trigger-word features (item:) count half: regularised more strongly than the rest


def candidates(data: Path) -> tuple[list[dict[str, float]], list[int], list[str], dict[str, dict[str, bool]]]:
    """Feature dicts, labels and ``TYPE:sentence id`` of the candidates; and gold labels of every dev sentence."""
    pipeline = Pipeline(options={"events": {"min_score": 0.0, "explain": True}})
    X, y, groups = [], [], []
    gold: dict[str, dict[str, bool]] = {}
    for etype in TYPES:
        gold[etype] = {}
        for row in load_gsr(data, etype):
            if part(row["id"]) != "dev":
                continue
            label = row["label"] in POSITIVE
            gold[etype][row["id"]] = label
            for ev in pipeline(row["text"]).events:
                if ev.plover.get("type") != etype or ev.modality not in FACTUAL:
                    continue
                X.append({f: (LEMMA_SCALE if f.startswith("item:") else 1.0) for f in ev.evidence["features"]})
                y.append(int(label))
                groups.append(f"{etype}:{row['id']}")
    return X, y, groups, gold


def sentence_f1(scores: np.ndarray, groups: list[str], gold: dict[str, bool], etype: str, threshold: float) -> tuple[float, tuple[int, int, int]]:
    best: dict[str, float] = {}
    for s, g in zip(scores, groups):
        if g.startswith(etype + ":"):
            sid = g.split(":", 1)[1]
            best[sid] = max(best.get(sid, 0.0), float(s))
    tp = sum(1 for sid, lab in gold.items() if lab and best.get(sid, -1) >= threshold)
    fp = sum(1 for sid, lab in gold.items() if not lab and best.get(sid, -1) >= threshold)
    fn = sum(1 for lab in gold.values() if lab) - tp
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), (tp, fp, fn)


def best_threshold(scores: np.ndarray, groups: list[str], gold: dict[str, bool], etype: str) -> tuple[float, float, tuple[int, int, int], float]:
    """The threshold, the F1 and counts there, and the smoothed F1 there."""
    grid = [round(float(t), 2) for t in np.arange(0.05, 0.96, 0.01)]
    f1s = [sentence_f1(scores, groups, gold, etype, t)[0] for t in grid]
    # the development half is small and its labels noisy: take the best of the F1 curve averaged over
    # neighbouring thresholds, not a peak that a single sentence makes
    smooth = [sum(f1s[max(0, k - SMOOTH) : k + SMOOTH + 1]) / len(f1s[max(0, k - SMOOTH) : k + SMOOTH + 1])
              for k in range(len(f1s))]
    k = max(range(len(grid)), key=lambda k: (smooth[k], -k))
    f1, counts = sentence_f1(scores, groups, gold, etype, grid[k])
    return grid[k], f1, counts, smooth[k]


def out_of_fold(X: np.ndarray, y: np.ndarray, groups: list[str], c: float) -> np.ndarray:
    scores = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
        clf.fit(X[train], y[train])
        scores[test] = clf.predict_proba(X[test])[:, 1]
    return scores


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "event_gsr")
    ap.add_argument("--out", type=Path, default=ROOT / "isnad" / "data" / "events" / "scorer.json")
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes to leave out (to compare in CV)")
    args = ap.parse_args()
    feats, labels, groups, gold = candidates(args.data)
    drop = tuple(p for p in args.drop.split(",") if p)
    if drop:
        feats = [{k: v for k, v in f.items() if not k.startswith(drop)} for f in feats]
    vec = DictVectorizer(sparse=False, sort=True)
    X = vec.fit_transform(feats)
    y = np.array(labels)
    print(f"{len(y)} candidates ({y.sum()} in gold sentences), {X.shape[1]} features")
    best = None
    for c in C_GRID:
        oof = out_of_fold(X, y, groups, c)
        per_type = {t: best_threshold(oof, groups, gold[t], t) for t in TYPES}
        mean_f1 = sum(v[3] for v in per_type.values()) / len(TYPES)  # C by the smoothed F1
        print(f"C={c}: " + "; ".join(f"{t} t={v[0]} F1={v[1]:.3f} (smoothed {v[3]:.3f}) tp/fp/fn={v[2]}"
                                     for t, v in per_type.items()))
        if best is None or mean_f1 > best[0] + 1e-9:
            best = (mean_f1, c, per_type)
    assert best is not None
    _, c, per_type = best
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000).fit(X, y)
    names = vec.get_feature_names_out()
    scale = np.array([LEMMA_SCALE if n.startswith("item:") else 1.0 for n in names])
    weights = {n: round(float(w), 4) for n, w in zip(names, clf.coef_[0] * scale) if abs(w) >= 1e-4}
    model = {
        "source": "trained by scripts/train_event_scorer.py on the development half of the Arabic event GSR "
                  "(openeventdata/arabic_event_gsr, MIT); weights only, no text",
        "cross_validation": {t: {"threshold": v[0], "f1": round(v[1], 4), "smoothed_f1": round(v[3], 4), "tp_fp_fn": list(v[2])}
                             for t, v in per_type.items()},
        "C": c,
        "bias": round(float(clf.intercept_[0]), 4),
        "thresholds": {t: v[0] for t, v in per_type.items()},
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"C={c}; wrote {len(weights)} weights to {args.out}")


if __name__ == "__main__":
    main()
