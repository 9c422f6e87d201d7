"""Benchmark of memory and time against article size: peak memory per MB of text, seconds per MB.

    ISNAD_SHARED_DATA=../shared/data .venv/bin/python scripts/bench_memory.py [--sizes 1,2,5,10] [--mode api,cli]

Builds articles of the given sizes (MB of UTF-8 text) by joining the reference article and then real news
articles of the reference data (SaudiNewsNet, read here and written only to a temporary folder), and
analyses each in a fresh process: `api` calls ``isnad.analyze`` on the text, `cli` runs
``isnad analyze FILE --format json -o OUT`` (which also renders the JSON). For each it prints the peak
resident memory of that process, the MB per MB of text above the baseline (the same run on the reference
article alone: imports, lexicons and models), the CPU seconds (`api`: of the analysis alone; `cli`: of the
whole command), and the CPU seconds per MB above the baseline: constant when time is linear in size.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "isnad" / "examples" / "geneva_defection.txt"
NEWS = "news/saudinewsnet_dev.jsonl.gz"
MB = 1_000_000
PUBLISHED = "2015-07-21"
# the child of `api`: analyse the file's text, print the CPU seconds the analysis took
API_CHILD = (
    "import sys, time, isnad; text = open(sys.argv[1], encoding='utf-8').read(); t = time.process_time(); "
    f"doc = isnad.analyze(text, published={PUBLISHED!r}); print(time.process_time() - t)"
)


def shared_data() -> Path:
    path = Path(os.environ.get("ISNAD_SHARED_DATA", ROOT.parent / "shared" / "data"))
    if not (path / NEWS).exists():
        sys.exit(f"bench_memory: the news articles are not at {path / NEWS}: set ISNAD_SHARED_DATA")
    return path


def build_article(size: int, news: Path) -> str:
    """An article of at least ``size`` bytes: the reference article, then news articles, paragraph-separated."""
    parts = [REFERENCE.read_text(encoding="utf-8").strip()]
    total = len(parts[0].encode("utf-8"))
    while total < size:
        with gzip.open(news, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"].strip()
                parts.append(text)
                total += len(text.encode("utf-8")) + 2
                if total >= size:
                    break
    return "\n\n".join(parts)


def measure(mode: str, path: Path, out: Path) -> tuple[float, float]:
    """Peak resident MB and CPU seconds of one analysis in a fresh process (CPU time: other work on the
    machine disturbs it less than wall time)."""
    if mode == "api":
        cmd = [sys.executable, "-c", API_CHILD, str(path)]
    else:
        cmd = [str(Path(sys.executable).with_name("isnad")), "analyze", str(path), "--published", PUBLISHED,
               "--format", "json", "-o", str(out)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stdout = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = usage.ru_utime + usage.ru_stime
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"bench_memory: {' '.join(cmd)} failed (exit {child.returncode})")
    if mode == "api":
        seconds = float(stdout)  # the analysis alone, without start-up
    return usage.ru_maxrss / 1024, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,5,10", help="article sizes in MB of UTF-8 text")
    parser.add_argument("--mode", default="api,cli", help="api, cli or both")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    news = shared_data() / NEWS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "out.json"
        files = {0.0: REFERENCE}
        for size in sizes:
            files[size] = folder / f"article-{size:g}MB.txt"
            files[size].write_text(build_article(int(size * MB), news), encoding="utf-8")
        for mode in args.mode.split(","):
            print(f"{mode}: " + ("isnad.analyze(text)" if mode == "api" else "isnad analyze FILE --format json -o OUT"))
            print(f"{'size MB':>8} {'peak MB':>8} {'MB/MB':>6} {'cpu s':>7} {'s/MB':>6}")
            base_rss, base_s = measure(mode, REFERENCE, out)
            print(f"{'baseline':>8} {base_rss:8.0f} {'':>6} {base_s:7.2f} {'':>6}")
            for size in sizes:
                mb = files[size].stat().st_size / MB
                rss, seconds = measure(mode, files[size], out)
                print(f"{mb:8.2f} {rss:8.0f} {(rss - base_rss) / mb:6.1f} {seconds:7.2f} {(seconds - base_s) / mb:6.2f}",
                      flush=True)


if __name__ == "__main__":
    main()
