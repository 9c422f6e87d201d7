"""Trains the CRF named-entity tagger on ANERcorp and writes the model and its lexicons to a directory.

The validation split is fixed: the last tenth of the sentences of ``train.txt`` (sentence ``i`` of ``n``
is held out when ``i >= n - n // 10``); the model is trained on the rest, so the validation figure is
the score of the shipped model on text it never saw. Settings are chosen by cross-validation on that
rest (``fold="k/n"`` holds out its k-th of n contiguous blocks), never on the validation split.
Training is deterministic (L-BFGS, no random draws; the sentence order is the file's), and the settings
and the SHA-256 of every input are recorded in ``model.json`` beside the model.

ANERcorp marks no article boundaries, so blocks of ``document_size`` (20) consecutive sentences stand
for documents, in training and in scoring alike: the document-wide features and the consistency pass
of :func:`isnad.entities.tagger.tag_document` work within a block. The names remembered from the
training text are jackknifed (each fifth of it sees only the names of the other four).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pycrfsuite

from isnad.entities.conll import entities, read_conll, to_bioes
from isnad.entities.crf import WEIGHTS, weights_from_model, write_weights
from isnad.entities.features import (
    Featuriser,
    Lexicons,
    data_dir,
    flat,
    frequency_class,
    gazetteer_dir,
    load_lexicons,
    phrase_table,
    with_memory,
)
from isnad.errors import DataError
from isnad.eval.ner import Scores, score
from isnad.resources import Resources
from isnad.text.normalise import Normaliser

# the reference data: $ISNAD_SHARED_DATA, else ../shared/data beside the project (development only)
SHARED_DATA = Path(os.environ.get("ISNAD_SHARED_DATA", Path(__file__).resolve().parents[2].parent / "shared" / "data"))
DEFAULT_CORPUS = SHARED_DATA / "anercorp"
GAZETTEERS = {"AlignedLocGazetteer.txt": "LOC", "AlignedOrgGazetteer.txt": "ORG", "AlignedPersGazetteer.txt": "PER"}
PROJECT_FILES = ("places.tsv", "actors.tsv", "first_names.txt")
TABLES = ("triggers.tsv", "word_classes.tsv", "person_words.tsv", "wiki_names.tsv")  # written for the project, not rebuilt by training
SETTINGS: dict[str, Any] = {
    "algorithm": "lbfgs",
    "c1": 0.05,  # L1 keeps the model small: most weights become exactly zero and are not stored
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.possible_states": True,  # weights for label/feature pairs never seen together, mostly negative
    "seed": 0,  # recorded for completeness: L-BFGS on a fixed order draws no random numbers
    "validation": "last tenth of the sentences",
    "frequency_min_count": 3,
    "names_min_share": 0.5,
    "names_folds": 5,
    "scheme": "BIOES",  # single-word names and name ends get labels of their own (BIO: no such labels)
    "document_size": 20,  # sentences per document when scoring: names are made consistent within one
    "prune": 0.4,  # attributes whose weights are all smaller are not passed to the model when tagging
    "fold": None,  # "k/n": train on the rest of the training part and score on its k-th of n blocks
}
TRAINER_PARAMS = ("c1", "c2", "max_iterations", "feature.possible_transitions", "feature.possible_states")

Sentences = list[tuple[list[str], list[str]]]
SOURCE = "# Source: ANERcorp, CAMeL Lab split (CC BY-SA 4.0). Rebuilt by `isnad train ner`.\n"


def read_corpus(path: Path, normaliser: Normaliser | None = None) -> Sentences:
    """``(words, tags)`` per sentence; words are folded (normalised) as the tagger sees them at run time."""
    fold = (normaliser or Resources().normaliser).fold
    with path.open(encoding="utf-8") as f:
        return [([fold(r[0]) for r in s], [r[-1] for r in s]) for s in read_conll(f)]


def split(sentences: Sentences) -> tuple[Sentences, Sentences]:
    """The training part and the validation split: the last tenth of the sentences."""
    cut = len(sentences) - len(sentences) // 10
    return sentences[:cut], sentences[cut:]


def hold_out(sentences: Sentences, k: int, n: int) -> tuple[Sentences, Sentences]:
    """The sentences without their ``k``-th of ``n`` contiguous blocks (counted from 1), and that block."""
    if not 1 <= k <= n:
        raise ValueError(f"fold {k}/{n}: expected 1 <= k <= n")
    size = -(-len(sentences) // n)
    first, last = (k - 1) * size, k * size
    return sentences[:first] + sentences[last:], sentences[first:last]


def sha256(path: Path) -> str:
    """The SHA-256 of a file, as ``model.json`` records every input."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_rows(path: Path, header: str, rows: list[tuple[str, str]]) -> int:
    """Writes ``header`` and a ``a<TAB>b`` line per row to ``path``; the number of rows."""
    path.write_text(header + "".join(f"{a}\t{b}\n" for a, b in rows), encoding="utf-8")
    return len(rows)


def write_gazetteer(corpus: Path, out: Path, normaliser: Normaliser) -> int:
    """ANERGazet (lists of names separated by ==== and **** lines) as ``name<TAB>kind``, folded and sorted."""
    fold = normaliser.fold
    found: set[tuple[str, str]] = set()
    for name, kind in GAZETTEERS.items():
        for line in (corpus / "gazetteers" / name).read_text(encoding="utf-8").splitlines():
            entry = " ".join(fold(line).split())
            if entry and not entry.startswith(("====", "****")):
                found.add((entry, kind))
    header = (
        "# ANERGazet (Benajiba et al. 2007), location/organisation/person lists, folded for look-up.\n"
        "# Source: ANERcorp gazetteers; licence: free for research use. Rebuilt by `isnad train ner`.\n"
    )
    return write_rows(out, header, sorted(found))


def write_frequency(train: Sentences, out: Path, min_count: int) -> int:
    """Writes the frequency class of every word seen at least ``min_count`` times in the training part;
    how many words."""
    counts = Counter(w for words, _ in train for w in words if any(c.isalpha() for c in w))
    found = sorted((w, str(frequency_class(c))) for w, c in counts.items() if c >= min_count)
    header = "# Frequency class (floor of log2 of the count) of words in the training part of ANERcorp.\n"
    return write_rows(out, header + SOURCE, found)


def name_memory(sentences: Sentences, min_share: float) -> tuple[dict[str, frozenset[str]], list[tuple[str, str]]]:
    """What the training text teaches about names.

    Words with the name tags (B-PERS, I-ORG, ...) they bear in at least ``min_share`` of their uses, and
    the multi-word names with the type they bear most often.
    """
    total: Counter[str] = Counter()
    tagged: dict[str, Counter[str]] = defaultdict(Counter)
    phrases: dict[str, Counter[str]] = defaultdict(Counter)
    for words, tags in sentences:
        for w, t in zip(words, tags):
            if any(c.isalpha() for c in w):
                total[w] += 1
                if t != "O":
                    tagged[w][t] += 1
        for first, last, kind in entities(tags):
            if last - first > 1:
                phrases[" ".join(words[first:last])][kind] += 1
    names = {
        w: frozenset(t for t, c in tags.items() if c >= min_share * total[w])
        for w, tags in tagged.items()
        if any(c >= min_share * total[w] for c in tags.values())
    }
    return names, sorted((p, kinds.most_common(1)[0][0]) for p, kinds in phrases.items())


def write_names(memory: tuple[dict[str, frozenset[str]], list[tuple[str, str]]], out: Path) -> int:
    """Writes the remembered names to ``names.tsv`` and the multi-word ones to ``name_phrases.tsv`` in ``out``;
    how many rows in all."""
    names, phrases = memory
    header = "# Words of the names in the training part of ANERcorp, with the tags they mostly bear.\n"
    n = write_rows(out / "names.tsv", header + SOURCE, sorted((w, ",".join(sorted(t))) for w, t in names.items()))
    header = "# Multi-word names in the training part of ANERcorp, with their most frequent type.\n"
    return n + write_rows(out / "name_phrases.tsv", header + SOURCE, phrases)


def jackknife(train_part: Sentences, base: Lexicons, folds: int, min_share: float, document_size: int) -> list[list[tuple[str, ...]]]:
    """Features of the training sentences, each fold seeing only the names remembered from the others.

    Were the names taken from the sentence itself, the model would learn to trust the memory blindly;
    this way it learns how far a remembered name carries to unseen text, as at run time.
    """
    out: list[list[tuple[str, ...]]] = []
    for k in range(1, folds + 1):
        others, held = hold_out(train_part, k, folds)
        names, phrases = name_memory(others, min_share)
        featuriser = Featuriser(with_memory(base, names, phrase_table(phrases)[1]))
        fold_part = [words for words, _ in held]
        for i in range(0, len(fold_part), document_size):  # documents as at evaluation
            out.extend([list(map(flat, x)) for x in featuriser.document(fold_part[i : i + document_size])])
    return out


def evaluate(model: Path, sentences: Sentences, document_size: int) -> Scores:
    """Scores of the model as shipped (lexicons beside it), ``document_size`` sentences to a document
    (0: sentence by sentence, without making names consistent across sentences)."""
    from isnad.entities.tagger import CrfTagger, tag_document

    tagger = CrfTagger(model)
    size = document_size or 1
    blocks = (sentences[i : i + size] for i in range(0, len(sentences), size))
    return score(lambda words: tag_document(tagger, words) if document_size else [tagger(w) for w in words], blocks)


def train(corpus: Path = DEFAULT_CORPUS, out: Path | None = None, settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Builds the lexicons and the model into ``out`` (default: the package's data directory)."""
    missing = [name for name in ("train.txt", *(f"gazetteers/{n}" for n in GAZETTEERS)) if not (corpus / name).is_file()]
    if missing:
        raise DataError(
            f"{corpus} is not an ANERcorp folder (no {', '.join(missing)}): give the one holding train.txt and "
            "gazetteers/, the reference data's anercorp/ (ISNAD_SHARED_DATA names the reference data)"
        )
    out = out or data_dir()
    out.mkdir(parents=True, exist_ok=True)
    settings = {**SETTINGS, **(settings or {})}
    train_file = corpus / "train.txt"
    resources = Resources()
    train_part, validation = split(read_corpus(train_file, resources.normaliser))
    if settings["fold"]:  # settings are chosen by cross-validation, so the validation figure stays unseen
        train_part, validation = hold_out(train_part, *map(int, settings["fold"].split("/")))
    counts = {
        "anergazet": write_gazetteer(corpus, out / "anergazet.tsv", resources.normaliser),
        "frequency": write_frequency(train_part, out / "frequency.tsv", settings["frequency_min_count"]),
        "names": write_names(name_memory(train_part, settings["names_min_share"]), out),
    }
    for name in TABLES:
        if not (out / name).exists():
            (out / name).write_text((data_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")

    began = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    features = jackknife(train_part, load_lexicons(out, memory=False, resources=resources), settings["names_folds"], settings["names_min_share"],
                         settings["document_size"])
    for xseq, (_, tags) in zip(features, train_part):
        trainer.append(xseq, to_bioes(tags) if settings["scheme"] == "BIOES" else tags)
    trainer.select(settings["algorithm"])  # before set_params: selecting resets the parameters
    trainer.set_params({k: v for k, v in settings.items() if k in TRAINER_PARAMS})
    model = out / "model.crfsuite"
    trainer.train(str(model))
    seconds = time.perf_counter() - began

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    counts["attributes"] = write_weights(weights_from_model(tagger, settings["prune"]), out / WEIGHTS)
    scores = evaluate(model, validation, settings["document_size"])
    by_sentence = evaluate(model, validation, 0)
    inputs = {
        "train.txt": sha256(train_file),
        **{f"gazetteers/{n}": sha256(corpus / "gazetteers" / n) for n in GAZETTEERS},
        **{name: sha256(out / name) for name in TABLES},
        **{f"isnad/data/gazetteer/{n}": sha256(gazetteer_dir() / n) for n in PROJECT_FILES if (gazetteer_dir() / n).exists()},
        "isnad/data/outlets.tsv": sha256(gazetteer_dir().parent / "outlets.tsv"),
    }
    record = {
        "model": "model.crfsuite",
        "corpus": "ANERcorp train.txt (CAMeL Lab split), Benajiba et al. 2007, CC BY-SA 4.0",
        "inputs_sha256": inputs,
        "settings": settings,
        "sentences": {"train": len(train_part), "validation": len(validation)},
        "tokens": {"train": sum(len(w) for w, _ in train_part), "validation": sum(len(w) for w, _ in validation)},
        "lexicons": counts,
        "validation": scores.as_dict(),
        "validation_sentence_by_sentence": by_sentence.as_dict(),
        "model_bytes": model.stat().st_size,
    }
    (out / "model.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {**record, "training_seconds": round(seconds, 1)}  # not recorded: the file stays reproducible
