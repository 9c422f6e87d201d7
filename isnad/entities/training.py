"""Trains the CRF named-entity tagger on ANERcorp and writes the model and its lexicons to a directory.

The validation split is fixed: the last tenth of the sentences of ``train.txt`` (sentence ``i`` of ``n``
is held out when ``i >= n - n // 10``); the model is trained on the rest, so the validation figure is
the score of the shipped model on text it never saw. Training is deterministic (L-BFGS, no random
draws; the sentence order is the file's), and the settings and the SHA-256 of every input are recorded
in ``model.json`` beside the model.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pycrfsuite

from isnad.entities.conll import Scores, read_conll
from isnad.entities.features import Featuriser, frequency_class, load_lexicons
from isnad.text.normalise import fold

DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "anercorp"
GAZETTEERS = {"AlignedLocGazetteer.txt": "LOC", "AlignedOrgGazetteer.txt": "ORG", "AlignedPersGazetteer.txt": "PER"}
SETTINGS: dict[str, Any] = {
    "algorithm": "lbfgs",
    "c1": 0.05,  # L1 keeps the model small: most weights become exactly zero and are not stored
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "seed": 0,  # recorded for completeness: L-BFGS on a fixed order draws no random numbers
    "validation": "last tenth of the sentences",
    "frequency_min_count": 3,
}

Sentences = list[tuple[list[str], list[str]]]


def read_corpus(path: Path) -> Sentences:
    """``(words, tags)`` per sentence; words are folded (normalised) as the tagger sees them at run time."""
    with path.open(encoding="utf-8") as f:
        return [([fold(r[0]) for r in s], [r[-1] for r in s]) for s in read_conll(f)]


def split(sentences: Sentences) -> tuple[Sentences, Sentences]:
    cut = len(sentences) - len(sentences) // 10
    return sentences[:cut], sentences[cut:]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_gazetteer(corpus: Path, out: Path) -> int:
    """ANERGazet (lists of names separated by ==== and **** lines) as ``name<TAB>kind``, folded and sorted."""
    rows: set[tuple[str, str]] = set()
    for name, kind in GAZETTEERS.items():
        for line in (corpus / "gazetteers" / name).read_text(encoding="utf-8").splitlines():
            entry = " ".join(fold(line).split())
            if entry and not entry.startswith(("====", "****")):
                rows.add((entry, kind))
    header = (
        "# ANERGazet (Benajiba et al. 2007), location/organisation/person lists, folded for look-up.\n"
        "# Source: ANERcorp gazetteers; licence: free for research use. Rebuilt by `isnad train ner`.\n"
    )
    out.write_text(header + "".join(f"{n}\t{k}\n" for n, k in sorted(rows)), encoding="utf-8")
    return len(rows)


def write_frequency(train: Sentences, out: Path, min_count: int) -> int:
    counts = Counter(w for words, _ in train for w in words if any(c.isalpha() for c in w))
    rows = sorted((w, frequency_class(c)) for w, c in counts.items() if c >= min_count)
    header = (
        "# Frequency class (floor of log2 of the count) of words in the training part of ANERcorp.\n"
        "# Source: ANERcorp, CAMeL Lab split (CC BY-SA 4.0). Rebuilt by `isnad train ner`.\n"
    )
    out.write_text(header + "".join(f"{w}\t{c}\n" for w, c in rows), encoding="utf-8")
    return len(rows)


def evaluate(featuriser: Featuriser, tagger: pycrfsuite.Tagger, sentences: Sentences) -> Scores:
    scores = Scores()
    for words, tags in sentences:
        scores.add(tags, tagger.tag(featuriser.sentence(words)))
    return scores


def train(corpus: Path = DEFAULT_CORPUS, out: Path | None = None, settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Builds the lexicons and the model into ``out`` (default: the package's data directory)."""
    from isnad.entities.features import data_dir

    out = out or data_dir()
    out.mkdir(parents=True, exist_ok=True)
    settings = {**SETTINGS, **(settings or {})}
    train_file = corpus / "train.txt"
    train_part, validation = split(read_corpus(train_file))
    n_gazetteer = write_gazetteer(corpus, out / "anergazet.tsv")
    n_frequency = write_frequency(train_part, out / "frequency.tsv", settings["frequency_min_count"])
    if not (out / "triggers.tsv").exists():
        (out / "triggers.tsv").write_text((data_dir() / "triggers.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    featuriser = Featuriser(load_lexicons(out))

    began = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in train_part:
        trainer.append(featuriser.sentence(words), tags)
    trainer.set_params({k: v for k, v in settings.items() if k in ("c1", "c2", "max_iterations", "feature.possible_transitions")})
    trainer.select(settings["algorithm"])
    model = out / "model.crfsuite"
    trainer.train(str(model))
    seconds = time.perf_counter() - began

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    scores = evaluate(featuriser, tagger, validation)
    inputs = {
        "train.txt": sha256(train_file),
        **{f"gazetteers/{n}": sha256(corpus / "gazetteers" / n) for n in GAZETTEERS},
        "triggers.tsv": sha256(out / "triggers.tsv"),
    }
    record = {
        "model": "model.crfsuite",
        "corpus": "ANERcorp train.txt (CAMeL Lab split), Benajiba et al. 2007, CC BY-SA 4.0",
        "inputs_sha256": inputs,
        "settings": settings,
        "sentences": {"train": len(train_part), "validation": len(validation)},
        "tokens": {"train": sum(len(w) for w, _ in train_part), "validation": sum(len(w) for w, _ in validation)},
        "lexicons": {"anergazet": n_gazetteer, "frequency": n_frequency},
        "validation": scores.as_dict(),
        "model_bytes": model.stat().st_size,
    }
    (out / "model.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {**record, "training_seconds": round(seconds, 1)}  # not recorded: the file stays reproducible
