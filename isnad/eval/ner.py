"""Entity-level scores of the named-entity tagger on a gold CoNLL file: ``isnad evaluate ner`` and the
tagger's training both count with :func:`score`.

Scoring is exact: an entity counts as correct only when its first token, last token and type all match the
gold entity (the CoNLL-2003 convention).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from isnad.entities.conll import entities
from isnad.eval.scoring import prf

# one document's sentences, each as (its words, its gold tags)
GoldDocument = list[tuple[list[str], list[str]]]


def score(tag: Callable[[list[list[str]]], list[list[str]]], documents: Iterable[GoldDocument]) -> Scores:
    """The scores of ``tag`` (a document's sentences of words to their tags) on gold documents."""
    scores = Scores()
    for doc in documents:
        for (_, gold), predicted in zip(doc, tag([words for words, _ in doc])):
            scores.add(gold, predicted)
    return scores


@dataclass
class Scores:
    """Counts of true positives, predicted and gold entities, per type."""

    tp: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def add(self, gold_tags: list[str], predicted_tags: list[str]) -> None:
        """Counts the entities of one sentence: gold, predicted, and those matching exactly (span and type)."""
        gold = set(entities(gold_tags))
        pred = set(entities(predicted_tags))
        for _, _, kind in gold:
            self.gold[kind] += 1
        for _, _, kind in pred:
            self.predicted[kind] += 1
        for _, _, kind in gold & pred:
            self.tp[kind] += 1

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 in percent, for one type or (``None``) over all types."""
        tp = self.tp[kind] if kind else sum(self.tp.values())
        pred = self.predicted[kind] if kind else sum(self.predicted.values())
        gold = self.gold[kind] if kind else sum(self.gold.values())
        return tuple(100.0 * x for x in prf(tp, pred, gold))

    def types(self) -> list[str]:
        """The entity types of the gold or the predictions, sorted."""
        return sorted(set(self.gold) | set(self.predicted))

    def table(self) -> str:
        """Precision, recall, F1 and counts per type and overall, as a text table."""
        rows = [f"{'type':<8}{'precision':>10}{'recall':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
        for kind in [*self.types(), None]:
            p, r, f = self.prf(kind)
            name = kind or "overall"
            gold = self.gold[kind] if kind else sum(self.gold.values())
            pred = self.predicted[kind] if kind else sum(self.predicted.values())
            rows.append(f"{name:<8}{p:>10.2f}{r:>8.2f}{f:>8.2f}{gold:>7}{pred:>7}")
        return "\n".join(rows)

    def as_dict(self) -> dict[str, dict[str, float]]:
        """Precision, recall and F1 (percent, two places) per type and ``overall``."""
        out = {}
        for kind in [*self.types(), None]:
            p, r, f = self.prf(kind)
            out[kind or "overall"] = {"precision": round(p, 2), "recall": round(r, 2), "f1": round(f, 2)}
        return out
