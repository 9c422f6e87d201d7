"""Rebuild the named-entity model in isnad/data/ner/ from ANERcorp (same as `isnad train ner`).

Usage: python scripts/train_ner.py [ANERCORP_DIR]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from isnad.entities.training import DEFAULT_CORPUS, train

if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    record = train(corpus)
    print(json.dumps(record["validation"], indent=2))
