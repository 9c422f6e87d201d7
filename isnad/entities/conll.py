"""CoNLL files (one token per line, a blank line between sentences) and entity-level scoring.

Scoring is exact: an entity counts as correct only when its first token, last token and type all match
the gold entity (the CoNLL-2003 convention). BIO tags are read leniently: an ``I-X`` that does not
continue an ``X`` entity starts a new one, as conlleval does.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from isnad.eval.scoring import prf


def read_conll(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Sentences as lists of rows; a row is the whitespace-separated columns of one line."""
    sentence: list[list[str]] = []
    for line in lines:
        cols = line.split()
        if not cols:
            if sentence:
                yield sentence
                sentence = []
            continue
        sentence.append(cols)
    if sentence:
        yield sentence


def documents(sentences: Iterable[list[list[str]]], size: int) -> Iterator[list[list[list[str]]]]:
    """Sentences grouped into documents: at ``-DOCSTART-`` lines when the file has them, else in blocks
    of ``size`` sentences (an article's worth; 0 puts every sentence in a document of its own)."""
    doc: list[list[list[str]]] = []
    for sentence in sentences:
        if sentence[0][0] == "-DOCSTART-":
            size = 10**9  # the file marks its documents
            if doc:
                yield doc
                doc = []
            continue
        doc.append(sentence)
        if len(doc) >= max(size, 1):
            yield doc
            doc = []
    if doc:
        yield doc


def write_conll(out: TextIO, sentences: Iterable[tuple[list[str], list[str]]]) -> None:
    """Writes ``token<TAB>tag`` lines, a blank line after each sentence."""
    for tokens, tags in sentences:
        out.writelines(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags))
        out.write("\n")


def entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` for every entity in a BIO tag sequence."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate(tags):
        if tag == "O":  # most tags: close the open entity, if any
            if start >= 0:
                out.append((start, i, kind))
                start = -1
            continue
        prefix, label = tag[0], tag[2:]
        if prefix == "I" and label == kind and start >= 0:
            continue
        if start >= 0:
            out.append((start, i, kind))
        start, kind = (i, label) if prefix in ("B", "I") else (-1, "")
    if start >= 0:
        out.append((start, len(tags), kind))
    return out


def to_bioes(tags: list[str]) -> list[str]:
    """BIO tags with single-word names as S- and the last word of longer ones as E-."""
    out = ["O"] * len(tags)
    for first, last, kind in entities(tags):
        if last - first == 1:
            out[first] = "S-" + kind
        else:
            out[first] = "B-" + kind
            out[first + 1 : last - 1] = ["I-" + kind] * (last - first - 2)
            out[last - 1] = "E-" + kind
    return out


def to_bio(tags: list[str]) -> list[str]:
    """BIOES (or BIO) tags as BIO."""
    return [("B" + t[1:] if t[0] == "S" else "I" + t[1:]) if t[0] in "SE" else t for t in tags]


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
