"""The `isnad analyze` command on real files, in every output format."""
from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from isnad.cli.main import cli
from isnad.document import SCHEMA_VERSION, Document

from conftest import EXAMPLE, PUBLISHED


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_json_is_the_full_document_and_round_trips():
    result = run("analyze", str(EXAMPLE), "--published", PUBLISHED)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == SCHEMA_VERSION == 2 and data["published"] == PUBLISHED
    doc = Document.from_dict(data)
    assert doc.to_dict() == data
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_jsonl_batch_keeps_order_ids_and_one_line_per_input(tmp_path, reference_text):
    src = tmp_path / "in.jsonl"
    rows = [{"id": f"doc-{i}", "text": reference_text if i % 2 else "قال المتحدث إن الاحتجاجات في القاهرة ستتواصل."}
            for i in range(6)]
    rows.insert(3, {"id": "bad"})
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("analyze", str(src), "-o", str(out), "--published", PUBLISHED)
    assert result.exit_code == 1  # one line failed, and says so
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == [r["id"] for r in rows]
    assert "error" in lines[3] and "text" not in lines[3]
    assert lines[1]["text"] == reference_text


def test_text_summary_lists_the_sections():
    result = run("analyze", str(EXAMPLE), "--published", PUBLISHED, "--format", "text")
    assert result.exit_code == 0
    for title in ("Entities", "Places", "Times", "Events", "Attributions"):
        assert f"\n{title} (" in result.stdout


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_page_is_self_contained_and_escapes_the_article(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("قال المتحدث <script>alert(1)</script> إن <img src=x onerror=alert(2)> الاحتجاجات مستمرة.", encoding="utf-8")
    out = tmp_path / "page.html"
    assert run("analyze", str(hostile), "--format", "html", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "img" not in tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not any(v and ("http://" in v or "https://" in v) for _, a in parser.tags for v in a.values())
    article = [a for t, a in parser.tags if t == "article"]
    assert article and article[0].get("dir") == "rtl"


def test_html_highlights_the_reference_article(tmp_path):
    out = tmp_path / "ref.html"
    assert run("analyze", str(EXAMPLE), "--published", PUBLISHED, "--format", "html", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "علي رضا جيراني" in page
    assert page.count("<mark") >= 10


def test_stdin_and_bad_arguments():
    result = run("analyze", "-", "--format", "jsonl", input="قال الرئيس إن الاحتجاجات ستستمر.".encode("utf-8"))
    assert result.exit_code == 0 and json.loads(result.stdout)["language"] == "ar"
    bad = CliRunner().invoke(cli, ["analyze", str(EXAMPLE), "--published", "20/01/2026"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_console_script_reports_unreadable_input(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    exe = Path(sys.executable).with_name("isnad")
    proc = subprocess.run([str(exe), "analyze", str(binary)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "binary" in proc.stderr and "Traceback" not in proc.stderr


def test_jsonl_batch_streams_in_constant_memory(tmp_path, reference_text):
    """Peak Python memory for 200 lines is about that for 20: documents are not kept."""
    import io
    import tracemalloc

    from isnad import Pipeline
    from isnad.cli.analyze import _analysed, _write_stream
    from isnad.ingest.files import read_inputs

    pipeline = Pipeline()
    line = json.dumps({"text": reference_text}, ensure_ascii=False) + "\n"

    def peak(n: int) -> int:
        src = tmp_path / f"{n}.jsonl"
        src.write_text(line * n, encoding="utf-8")
        sink = io.StringIO()
        sink.write = lambda s: len(s)  # discard the output; only the pipeline's memory counts
        tracemalloc.start()
        _write_stream(_analysed(read_inputs([str(src)]), pipeline, PUBLISHED), "jsonl", sink, True)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    peak(5)  # warm the caches
    small, large = peak(20), peak(200)
    # keeping every document would grow the peak tenfold; the garbage collector alone moves it a little
    assert large < small * 3, (small, large)


def test_bench_reports_throughput_on_a_corpus(tmp_path):
    """Not a timed test: the benchmark runs on two articles of the bench corpus and reports its figures."""
    import gzip

    from isnad.bench import CORPUS

    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        lines = [next(f), next(f)]
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("".join(lines), encoding="utf-8")
    result = run("bench", "--corpus", str(corpus), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == 2 and data["tokens"] > 100
    assert data["tokens_per_s"] > 0 and data["cpu_seconds"] > 0 and data["startup_seconds"] > 0
    assert set(data["stage_seconds"]) == {"normalise", "segment", "gazetteer", "tagger", "resolve", "timex",
                                          "attribution", "events", "credibility"}
    assert data["decoder"] == "compiled"  # the install compiled the tagger's decoder
    text = run("bench", "--corpus", str(corpus)).output
    assert "tokens per CPU second" in text and "peak memory" in text and "compiled decoder" in text
