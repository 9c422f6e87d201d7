"""The benchmark: throughput, start-up time and peak memory of the pipeline on a fixed corpus, one core."""
from __future__ import annotations

import gzip
import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from isnad.document import Document
from isnad.pipeline import DEFAULT, Pipeline

CORPUS = Path(__file__).resolve().parent.parent / "bench" / "corpus.jsonl.gz"


@dataclass
class BenchResult:
    """The figures of one benchmark run: the corpus, its timings, the peak memory and what was found."""

    articles: int
    tokens: int
    characters: int
    seconds: float
    cpu_seconds: float  # CPU time of the run: less disturbed than wall time by other work on the machine
    startup_seconds: float
    peak_rss_mb: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    events: int = 0
    mentions: int = 0
    decoder: str = ""  # how the named-entity tagger decodes: "compiled", "python-crfsuite", or none

    @property
    def articles_per_s(self) -> float:
        """Articles per second of wall time."""
        return self.articles / self.seconds

    @property
    def tokens_per_s(self) -> float:
        """Tokens per second of wall time."""
        return self.tokens / self.seconds

    def report(self) -> str:
        """The result as the lines ``isnad bench`` prints."""
        lines = [
            f"corpus      {self.articles} articles, {self.tokens:,} tokens, {self.characters:,} characters",
            f"throughput  {self.articles_per_s:,.1f} articles/s, {self.tokens_per_s:,.0f} tokens/s (one core)",
            f"cpu time    {self.tokens / self.cpu_seconds:,.0f} tokens per CPU second",
            f"start-up    {self.startup_seconds:.2f} s (import isnad and build the pipeline, fresh process)",
            f"peak memory {self.peak_rss_mb:.0f} MB resident",
            f"found       {self.mentions:,} mentions, {self.events:,} events",
            "per stage   " + ", ".join(f"{k} {v / self.seconds:.0%}" for k, v in self.stage_seconds.items()),
        ]
        if self.decoder:
            lines.append(f"tagger      {self.decoder} decoder" + ("" if self.decoder == "compiled" else " (the C module was not compiled: slower)"))
        return "\n".join(lines)


def load_corpus(path: Path = CORPUS) -> list[Document]:
    """The benchmark articles (JSON lines, gzipped or not) as Documents."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [Document(text=o["text"], id=o.get("id", "")) for o in map(json.loads, fh)]


def startup_time(stages: Sequence[str]) -> float:
    """Seconds to import isnad and build a pipeline of ``stages`` in a fresh process, so that nothing is
    already loaded."""
    code = (
        "import time; t = time.perf_counter(); import isnad; "
        f"isnad.Pipeline({list(stages)!r}); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def run(corpus: Path = CORPUS, stages: Sequence[str] = DEFAULT, repeat: int = 1) -> BenchResult:
    """Runs the pipeline on the corpus ``repeat`` times, timing each stage; every article is dated 2008-01-01
    so that relative times are resolved as in real use."""
    pipeline = Pipeline(stages)
    texts = load_corpus(corpus)
    timings = {s.name: 0.0 for s in pipeline.stages}
    tokens = chars = events = mentions = 0
    clock = time.perf_counter
    start, cpu_start = clock(), time.process_time()
    for _ in range(repeat):
        for src in texts:
            doc = Document(text=src.text, id=src.id, published="2008-01-01")
            for stage in pipeline.stages:
                t = clock()
                doc = stage(doc)
                timings[stage.name] += clock() - t
            tokens += len(doc.tokens)
            chars += len(doc.text)
            events += len(doc.events)
            mentions += len(doc.mentions)
    seconds, cpu_seconds = clock() - start, time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchResult(
        len(texts) * repeat, tokens, chars, seconds, cpu_seconds, startup_time(stages), peak, timings, events, mentions,
        decoder(pipeline),
    )


def decoder(pipeline: Pipeline) -> str:
    """How the pipeline's CRF tagger decodes, since it sets much of the speed ("" without one)."""
    for stage in pipeline.stages:
        decode = getattr(getattr(stage, "tag", None), "decode", None)
        if decode is not None:
            return decode.kind
    return ""
