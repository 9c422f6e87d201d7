"""Train the event-reality score (isnad/events/scorer.py) on all the Arabic event GSR sentences we have.

    .venv/bin/python scripts/train_event_scorer.py [--data ../shared/data/event_gsr] [--out isnad/data/events/scorer.json]

Candidates are the PROTEST and ASSAULT events that the coder finds (with every candidate kept) in the
sentences of the matching GSR file, with a factual modality; a candidate is positive when its sentence is
labelled ``yes``. Both parts of the development data (the even and the odd half of ``isnad evaluate
events``) are training data: the final weights are fitted on all of them.

The honest figures are the ones this script prints under "cross-validated": five folds grouped by news
document (sentences of one article never sit on both sides) and stratified by label, with a fixed seed.
Inside each training part the regularisation strength and the per-type thresholds are chosen again by an
inner five-fold cross-validation, so the test fold never helps choose them (nested cross-validation).
Sentences with no candidate count as misses. Deterministic: fixed folds, a deterministic solver, rounded
weights. Needs scikit-learn (the ``build`` extra); the package itself reads only the JSON it writes.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

from isnad import Pipeline
from isnad.eval.events import FACTUAL, POSITIVE, TYPES, load_gsr
from isnad.events.scorer import typed

ROOT = Path(__file__).resolve().parents[1]
C_GRID = (0.03, 0.1, 0.3, 1.0)
SEED = 0
FOLDS = 5
SMOOTH = 3  # thresholds either side (steps of 0.01) in the averaged F1 curve
LEMMA_SCALE = 0.5  # trigger-word features (item:) count half: regularised more strongly than the rest


@dataclass
class Sentence:
    key: str  # TYPE:id
    etype: str
    doc: str  # the news document it comes from: folds keep a document's sentences together
    gold: bool
    split_vote: bool  # a negative that some annotators accepted (``difficult no``)
    accept: float  # share of annotators who accepted it


def document_of(sentence_id: str) -> str:
    """AAW_ARB_20080531.0052-1 → AAW_ARB_20080531.0052; <hash>_38 → <hash>."""
    if sentence_id.startswith("AAW_"):
        return sentence_id.rsplit("-", 1)[0]
    return sentence_id.rsplit("_", 1)[0]


def scale_of(name: str) -> float:
    return LEMMA_SCALE if name.startswith("item:") else 1.0


def collect(data: Path) -> tuple[list[Sentence], list[dict[str, float]], list[int]]:
    """Every GSR sentence, and the feature dicts of the candidates with the index of their sentence."""
    pipeline = Pipeline(options={"events": {"min_score": 0.0, "explain": True}})
    sentences: list[Sentence] = []
    feats: list[dict[str, float]] = []
    owner: list[int] = []
    for etype in TYPES:
        for row in load_gsr(data, etype):
            total = max(int(row["total"] or 0), 1)
            gold = row["label"] in POSITIVE
            sentences.append(Sentence(f"{etype}:{row['id']}", etype, document_of(row["id"]), gold,
                                      row["label"] == "difficult no", int(row["accept"] or 0) / total))
            for ev in pipeline(row["text"]).events:
                if ev.plover.type != etype or ev.modality not in FACTUAL:
                    continue
                feats.append({f: scale_of(f) for f in typed(ev.evidence["features"], etype)})
                owner.append(len(sentences) - 1)
    return sentences, feats, owner


class Trainer:
    """Fits and evaluates the score on subsets of sentences (the folds)."""

    def __init__(self, sentences: list[Sentence], feats: list[dict[str, float]], owner: list[int], args) -> None:
        self.sentences, self.args = sentences, args
        self.vec = DictVectorizer(sparse=True, sort=True)
        self.X = sparse.csr_matrix(self.vec.fit_transform(feats))
        self.names = self.vec.get_feature_names_out()
        self.owner = np.array(owner)
        self.y = np.array([int(sentences[o].gold) for o in owner])
        if args.weights == "votes":  # a negative that a third of the annotators accepted counts two thirds
            self.w = np.array([1.0 if sentences[o].gold else 1.0 - sentences[o].accept for o in owner])
        else:
            self.w = np.ones(len(owner))
        self.train_ok = np.array([not (args.weights == "drop" and sentences[o].split_vote) for o in owner])

    def fit(self, sent_ids: np.ndarray, c: float) -> tuple[LogisticRegression, np.ndarray]:
        cand = np.flatnonzero(np.isin(self.owner, sent_ids) & self.train_ok)
        keep = np.ones(self.X.shape[1], dtype=bool)  # every feature: none is a word of the sentences
        clf = LogisticRegression(C=c, solver="liblinear", max_iter=2000,
                                 class_weight="balanced" if self.args.class_weight == "balanced" else None)
        clf.fit(self.X[cand][:, keep], self.y[cand], sample_weight=self.w[cand])
        return clf, keep

    def scores(self, clf: LogisticRegression, keep: np.ndarray, sent_ids: np.ndarray) -> dict[int, float]:
        """Best candidate score of each sentence in ``sent_ids`` (sentences with no candidate are absent)."""
        cand = np.flatnonzero(np.isin(self.owner, sent_ids))
        out: dict[int, float] = {}
        if len(cand):
            for o, p in zip(self.owner[cand], clf.predict_proba(self.X[cand][:, keep])[:, 1]):
                out[int(o)] = max(out.get(int(o), 0.0), float(p))
        return out

    def folds(self, sent_ids: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        labels = [f"{self.sentences[s].etype}:{self.sentences[s].gold}" for s in sent_ids]
        groups = [self.sentences[s].doc for s in sent_ids]
        split = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
        return [(sent_ids[a], sent_ids[b]) for a, b in split.split(np.zeros(len(sent_ids)), labels, groups)]

    def select(self, sent_ids: np.ndarray, verbose: bool = False) -> tuple[float, dict[str, float], dict]:
        """C and per-type thresholds chosen by cross-validation inside ``sent_ids``."""
        best = None
        for c in C_GRID:
            oof: dict[int, float] = {}
            for train, test in self.folds(sent_ids):
                oof.update(self.scores(*self.fit(train, c), test))
            per_type = {t: best_threshold(oof, self.sentences, sent_ids, t) for t in TYPES}
            mean = sum(v[3] for v in per_type.values()) / len(TYPES)
            if verbose:
                print(f"  C={c}: " + "; ".join(f"{t} t={v[0]} F1={v[1]:.3f} (smoothed {v[3]:.3f}) tp/fp/fn={v[2]}"
                                               for t, v in per_type.items()))
            if best is None or mean > best[0] + 1e-9:
                best = (mean, c, per_type)
        assert best is not None
        _, c, per_type = best
        return c, {t: v[0] for t, v in per_type.items()}, per_type


def counts(scores: dict[int, float], sentences: list[Sentence], sent_ids, etype: str, threshold: float) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for s in sent_ids:
        if sentences[s].etype != etype:
            continue
        pred = scores.get(int(s), -1.0) >= threshold
        gold = sentences[s].gold
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scores, sentences, sent_ids, etype: str) -> tuple[float, float, tuple[int, int, int], float]:
    """The threshold, the F1 and counts there, and the smoothed F1 there."""
    grid = [round(float(t), 2) for t in np.arange(0.05, 0.96, 0.01)]
    f1s = [prf(*counts(scores, sentences, sent_ids, etype, t))[2] for t in grid]
    # few positives and noisy labels: take the best of the F1 curve averaged over neighbouring
    # thresholds, not a peak that a single sentence makes
    smooth = [float(np.mean(f1s[max(0, k - SMOOTH): k + SMOOTH + 1])) for k in range(len(f1s))]
    k = max(range(len(grid)), key=lambda k: (smooth[k], -k))
    got = counts(scores, sentences, sent_ids, etype, grid[k])
    return grid[k], prf(*got)[2], got, smooth[k]


def nested(trainer: Trainer, all_ids: np.ndarray) -> dict[str, tuple[int, int, int]]:
    """Cross-validated detection counts per type: choices made without the test fold."""
    total = {t: [0, 0, 0] for t in TYPES}
    for k, (train, test) in enumerate(trainer.folds(all_ids)):
        c, thresholds, _ = trainer.select(train)
        clf, keep = trainer.fit(train, c)
        scores = trainer.scores(clf, keep, test)
        for t in TYPES:
            for n, v in enumerate(counts(scores, trainer.sentences, test, t, thresholds[t])):
                total[t][n] += v
        print(f"  fold {k + 1}: C={c} thresholds={thresholds}")
    return {t: tuple(v) for t, v in total.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "event_gsr")
    ap.add_argument("--out", type=Path, default=ROOT / "isnad" / "data" / "events" / "scorer.json")
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes to leave out (to compare in CV)")
    ap.add_argument("--weights", choices=("none", "votes", "drop"), default="votes",
                    help="votes: weight a negative by the share of annotators who rejected it; "
                         "drop: leave split-vote negatives out of training (they are still scored)")
    ap.add_argument("--class-weight", choices=("none", "balanced"), default="none")
    ap.add_argument("--no-write", action="store_true", help="only print the cross-validated figures")
    args = ap.parse_args()
    sentences, feats, owner = collect(args.data)
    drop = tuple(p for p in args.drop.split(",") if p)
    if drop:
        feats = [{k: v for k, v in f.items() if not k.startswith(drop)} for f in feats]
    trainer = Trainer(sentences, feats, owner, args)
    all_ids = np.arange(len(sentences))
    print(f"{len(sentences)} sentences, {len(owner)} candidates ({trainer.y.sum()} in gold sentences), "
          f"{trainer.X.shape[1]} features; weights={args.weights} class_weight={args.class_weight} "
          f"drop={drop}")
    print("cross-validated (nested, 5 folds grouped by document, seed 0):")
    cv = nested(trainer, all_ids)
    for t, (tp, fp, fn) in cv.items():
        p, r, f = prf(tp, fp, fn)
        print(f"  {t:8} P {p:.3f} R {r:.3f} F1 {f:.3f}  tp {tp} fp {fp} fn {fn}")
    if args.no_write:
        return
    print("choosing C and thresholds on all sentences:")
    c, thresholds, _ = trainer.select(all_ids, verbose=True)
    clf, keep = trainer.fit(all_ids, c)
    names = trainer.names[keep]
    scale = np.array([scale_of(n) for n in names])
    weights = {n: round(float(w), 4) for n, w in zip(names, clf.coef_[0] * scale) if abs(w) >= 1e-3}
    model = {
        "source": "trained by scripts/train_event_scorer.py on the development data of the Arabic event GSR "
                  "(openeventdata/arabic_event_gsr, MIT): both halves; weights only, no text",
        "cross_validation": {t: dict(zip(("precision", "recall", "f1"), (round(x, 4) for x in prf(*cv[t]))),
                                     tp_fp_fn=list(cv[t])) for t in TYPES},
        "options": {"weights": args.weights, "class_weight": args.class_weight},
        "C": c,
        "bias": round(float(clf.intercept_[0]), 4),
        "thresholds": thresholds,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"C={c}; thresholds {thresholds}; wrote {len(weights)} weights to {args.out}")


if __name__ == "__main__":
    main()
