"""Tagging speed of the named-entity tagger, in tokens per second of CPU time on one core.

Usage: python scripts/bench_ner.py [ANERCORP_DIR [MODEL_FILE]]
Tags ANERcorp train.txt in documents of 20 sentences as the pipeline does (features, CRF, names made
consistent): once with empty word caches, as a fresh process meets new text, then again with warm ones.
The first pass also times its second half alone: new text met by a process that has read the first
half, as a long run meets it (the word caches hold what the text before taught them, not this text).
CPU time rather than wall time, so that other work on the machine disturbs the figure less.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from isnad.entities.training import DEFAULT_CORPUS, read_corpus
from isnad.pipeline import collect_less


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    sentences = [words for words, _ in read_corpus(corpus / "train.txt")]
    n = sum(map(len, sentences))
    began = time.process_time()
    from isnad.entities.tagger import CrfTagger, tag_document

    tagger = CrfTagger(Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    collect_less()  # as the pipeline does once its stages are loaded
    print(f"load: {time.process_time() - began:.3f} s CPU; decoder: {tagger.decode.kind}")
    half = len(sentences) // 2 // 20 * 20  # a whole number of documents
    first = sum(map(len, sentences[:half]))
    for label in ("cold caches", "warm caches"):
        began = time.process_time()
        for i in range(0, len(sentences), 20):
            if i == half:
                middle = time.process_time()
            tag_document(tagger, sentences[i : i + 20])
        ended = time.process_time()
        print(f"{n:,} tokens in documents of 20 sentences, {label}: {n / (ended - began):,.0f} tokens/s")
        if label == "cold caches":
            print(f"  its second half, new text after {first:,} tokens of other text: {(n - first) / (ended - middle):,.0f} tokens/s")


if __name__ == "__main__":
    main()
