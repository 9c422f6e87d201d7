"""Rebuild bench/corpus.jsonl.gz, the fixed benchmark corpus: the text of ANERcorp's training part
(CC BY-SA 4.0; Benajiba et al. 2007, split of Obeid et al. 2020) regrouped into articles of 20 sentences.

    python scripts/build_bench_corpus.py [--source ../shared/data/anercorp/train.txt]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES_PER_ARTICLE = 20
NO_SPACE_BEFORE = re.compile(r" ([.,،؛:!?؟)»])")
NO_SPACE_AFTER = re.compile(r"([(«]) ")


def sentences(path: Path) -> list[str]:
    out, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if words:
                out.append(" ".join(words))
                words = []
            continue
        words.append(parts[0])
    if words:
        out.append(" ".join(words))
    return [NO_SPACE_AFTER.sub(r"\1", NO_SPACE_BEFORE.sub(r"\1", s)) for s in out]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "data" / "anercorp" / "train.txt")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus.jsonl.gz")
    args = ap.parse_args()
    sents = sentences(args.source)
    with gzip.GzipFile(args.out, "wb", mtime=0) as gz:
        for i in range(0, len(sents), SENTENCES_PER_ARTICLE):
            text = "\n".join(sents[i : i + SENTENCES_PER_ARTICLE])
            line = {"id": f"anercorp-{i // SENTENCES_PER_ARTICLE:04d}", "text": text}
            gz.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"{len(sents)} sentences → {args.out}")


if __name__ == "__main__":
    main()
