"""A bounded fuzz run: N generated inputs (a third each: text for the Python API, bytes in files of each
extension, JSONL lines with fields of random types) through the readers, the analysis, the JSON and page
writers and a SQLite store.

    python scripts/fuzz.py 20000 --crashes fuzz-crashes

Prints how many inputs ran, how many ended in a clear error (isnad's own, naming the input) and how many
crashed (any other exception, or a broken property: a span off its text, a line lost from a batch); the
first crashes are saved, one reproducer file each, in the folder given by --crashes.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import fuzz_cases as cases  # noqa: E402 (the generators the test suite shares)

from isnad import Pipeline  # noqa: E402
from isnad.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of generated inputs")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"), help="folder for reproducers")
    parser.add_argument("--keep", type=int, default=10, help="reproducers to save at most")
    args = parser.parse_args()

    pipeline = Pipeline()
    work = Path(tempfile.mkdtemp(prefix="isnad-fuzz-"))
    store = open_store(str(work / "fuzz.db"))
    outcomes: Counter[tuple[str, str]] = Counter()
    saved: list[Path] = []

    def record(kind: str, reproducer: dict, run) -> None:
        try:
            outcomes[kind, run()] += 1
        except Exception:  # the whole point: count and keep what is not one of isnad's own errors
            outcomes[kind, "crash"] += 1
            if len(saved) < args.keep:
                args.crashes.mkdir(parents=True, exist_ok=True)
                path = args.crashes / f"{kind}-{len(saved) + 1}.json"
                path.write_text(json.dumps({**reproducer, "traceback": traceback.format_exc()},
                                           ensure_ascii=True, indent=1), encoding="utf-8")
                saved.append(path)

    def bounded(i: int):  # the three kinds share N between them
        return settings(max_examples=max(1, args.n // 3 + (i < args.n % 3)), database=None, deadline=None,
                        phases=[Phase.generate], suppress_health_check=list(HealthCheck))

    @bounded(0)
    @given(cases.texts, cases.fields)
    def api(text: str, fields: dict) -> None:
        record("api", {"text": text, "fields": fields}, lambda: cases.analysed(pipeline, text, fields, store))

    @bounded(1)
    @given(st.sampled_from(cases.SUFFIXES), cases.file_bytes)
    def files(suffix: str, data: bytes) -> None:
        path = work / f"input{suffix}"
        path.write_bytes(data)
        record("file", {"suffix": suffix, "bytes_hex": data.hex()}, lambda: cases.read_and_analyse(pipeline, path, store))

    @bounded(2)
    @given(cases.jsonl_lines)
    def jsonl(lines: list[str]) -> None:
        record("jsonl", {"lines": lines}, lambda: cases.jsonl_kept(pipeline, work / "batch.jsonl", lines, store))

    started = time.perf_counter()
    with store:
        for run in (api, files, jsonl):
            run()
    seconds = time.perf_counter() - started
    for kind in ("api", "file", "jsonl", None):
        count = {o: sum(n for (k, out), n in outcomes.items() if out == o and kind in (k, None))
                 for o in ("ok", "error", "crash")}
        print(f"{kind or 'all':>5}: {sum(count.values())} inputs, {count['ok']} analysed, "
              f"{count['error']} clear errors, {count['crash']} crashes")
    print(f"in {seconds:.0f} s")
    for path in saved:
        print(f"reproducer: {path}")
    sys.exit(1 if any(out == "crash" for _, out in outcomes) else 0)


if __name__ == "__main__":
    main()
