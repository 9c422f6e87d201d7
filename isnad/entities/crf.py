"""The CRF's weights as the tagger uses them, and tagging with them.

Training writes, beside ``model.crfsuite``, the weights of the attributes worth passing (``weights.tsv.gz``):
the labels, the transition weights, and a row of weights per attribute. The featuriser gives every
attribute its id (its row), caches the ids per word, and :class:`Decoder` sums their weights and finds
the best labels in compiled code (``isnad/entities/_crf.c``), without the string conversions that cost
python-crfsuite most of its tagging time. Where that module was not compiled, python-crfsuite tags the
same attributes by name, with the same result, more slowly.
"""
from __future__ import annotations

import gzip
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from isnad.entities.conll import to_bio
from isnad.errors import DataError

WEIGHTS = "weights.tsv.gz"
Sentence = Sequence[Sequence[Sequence[int]]]  # for each token, groups of attribute ids


@dataclass(frozen=True)
class Weights:
    """The CRF's weights in flat arrays of doubles: between labels, and a row of label weights per attribute."""

    labels: tuple[str, ...]  # the model's labels (BIOES)
    transitions: array  # doubles: from each label (row) to each label (column)
    attributes: tuple[str, ...]  # attribute id i + 1 is attributes[i]; id 0 stands for none
    state: array  # doubles: a row of len(labels) per attribute id, id 0's all zero


def weights_from_model(tagger: pycrfsuite.Tagger, prune: float) -> Weights:
    """The weights of an opened model, for the attributes with a weight of at least ``prune`` for some
    label: smaller weights hardly change a decision, and every attribute passed costs tagging time.
    python-crfsuite gives the weights to six decimals; the tags are still crfsuite's own (a test checks)."""
    info = tagger.info()
    labels = tuple(tagger.labels())
    index = {label: i for i, label in enumerate(labels)}
    by_attribute: dict[str, dict[int, float]] = {}
    for (attribute, label), weight in info.state_features.items():
        by_attribute.setdefault(attribute, {})[index[label]] = weight
    attributes = tuple(sorted(a for a, ws in by_attribute.items() if max(map(abs, ws.values())) >= prune))
    size = len(labels)
    state = array("d", bytes(8 * size * (len(attributes) + 1)))
    for i, attribute in enumerate(attributes, 1):
        for j, weight in by_attribute[attribute].items():
            state[i * size + j] = weight
    transitions = array("d", bytes(8 * size * size))
    for (before, after), weight in info.transitions.items():
        transitions[index[before] * size + index[after]] = weight
    return Weights(labels, transitions, attributes, state)


def write_weights(weights: Weights, path: Path) -> int:
    """``weights`` as gzipped text without a time stamp, so that rebuilds are identical; returns the
    number of attributes."""
    size = len(weights.labels)

    def numbers(values: Sequence[float]) -> str:
        return "\t".join(repr(v) if v else "0" for v in values)

    lines = [
        "# Weights of model.crfsuite beside this file, as the tagger uses them. Rebuilt by `isnad train ner`.",
        "# The labels; then, for each label, the weights of the transitions from it to each label; then each",
        "# attribute passed (a weight of at least the `prune` setting for some label) with its weight for each label.",
        "\t".join(weights.labels),
        *(numbers(weights.transitions[i * size : (i + 1) * size]) for i in range(size)),
        *(a + "\t" + numbers(weights.state[i * size : (i + 1) * size]) for i, a in enumerate(weights.attributes, 1)),
    ]
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(weights.attributes)


def read_weights(path: Path) -> Weights:
    """The table :func:`write_weights` wrote (parsed in a few bulk steps: it is read at every start)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines = [line for line in f.read().split("\n") if line and not line.startswith("#")]
        labels = tuple(lines[0].split("\t"))
        size = len(labels)
        names, _, numbers = zip(*(line.partition("\t") for line in lines[size + 1 :])) if len(lines) > size + 1 else ((), (), ())
        transitions = array("d", map(float, "\t".join(lines[1 : size + 1]).split("\t")))
        state = array("d", bytes(8 * size))
        state.extend(map(float, "\t".join(numbers).split("\t")))
    except (OSError, EOFError, UnicodeDecodeError, IndexError, ValueError) as e:
        raise DataError(f"{path} is not a weight table of the tagger ({e}); rebuild it with `isnad train ner`") from e
    if len(transitions) != size * size or len(state) != size * (len(names) + 1):
        raise DataError(f"{path} is not a weight table of the tagger (rows of unequal length); rebuild it with `isnad train ner`")
    return Weights(labels, transitions, names, state)


class Decoder:
    """BIO tags for sentences of attribute ids, with the compiled Viterbi or, without it, python-crfsuite."""

    def __init__(self, weights: Weights, model: Path, compiled: bool = True) -> None:
        self.weights = weights
        self.tags = tuple(to_bio(list(weights.labels)))
        self.viterbi = None
        if compiled:
            try:
                from isnad.entities._crf import viterbi
            except ImportError:  # not compiled where isnad was installed
                pass
            else:
                self.viterbi = viterbi
        if self.viterbi is None:
            self.tagger = pycrfsuite.Tagger()
            self.tagger.open(str(model))
            self.names = (b"", *[a.encode() for a in weights.attributes])  # crfsuite takes bytes as they are

    @property
    def kind(self) -> str:
        """"compiled", or "python-crfsuite" where the C module was not built (or not asked for)."""
        return "compiled" if self.viterbi is not None else "python-crfsuite"

    def __call__(self, sentence: Sentence) -> list[str]:
        w = self.weights
        if self.viterbi is not None:
            return self.viterbi(w.state, w.transitions, self.tags, sentence)
        names = self.names
        return to_bio(self.tagger.tag([[names[i] for group in token for i in group] for token in sentence]))


def load(model: Path) -> Decoder:
    """A decoder with the weights beside ``model`` (all of the model's own, when it has none beside it)."""
    if not model.exists():
        raise DataError(f"the named-entity model {model} is missing; rebuild it with `isnad train ner`")
    path = model.parent / WEIGHTS
    if path.exists():
        weights = read_weights(path)
    else:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        weights = weights_from_model(tagger, 0.0)
    return Decoder(weights, model)
