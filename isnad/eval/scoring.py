"""Precision, recall and F1: the one formula every evaluation command uses."""
from __future__ import annotations


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (fractions) from true positives and the sizes of both sides."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
