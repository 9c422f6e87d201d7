"""`isnad ingest`: every input kind, idempotence, and crash-then-resume with a really killed process."""
from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from isnad.document import Document
from isnad.ingest.feeds import read_feed, strip_html
from isnad.ingest.files import Failed, Skipped
from isnad.ingest.folders import kind_of, read_any
from isnad.ingest.runner import ingest
from isnad.ingest.warc import read_warc
from isnad.store import EventFilter, open_store
from isnad.resources import Resources
from isnad.store.base import prepare
from test_store import fresh_pg, gsr_articles, gsr_sentences, pg_database, pg_server  # noqa: F401 (fixtures)

ISNAD = str(Path(sys.executable).parent / "isnad")


def run_isnad(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([ISNAD, *args], capture_output=True, text=True, timeout=300, **kw)


def rss(items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, html description, pubDate) items."""
    body = "".join(
        f"<item><title>{t}</title><link>https://example.org/{i}</link><guid>n{i}</guid>"
        f"<pubDate>{d}</pubDate><description><![CDATA[{h}]]></description></item>"
        for i, (t, h, d) in enumerate(items)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة الأخبار</title>'
            f"<link>https://example.org</link><description>أخبار</description>{body}</channel></rss>")


def warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    """A gzipped WARC of HTML responses (url, html), plus a request record and an image to pass over."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                      http_headers=headers))
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/a.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG"), http_headers=img))
    return out.getvalue()


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title><style>p {{color: red}}</style><script>var x = 1;</script></head>"
            f"<body><nav>الرئيسية | رياضة</nav><article><h1>{title}</h1>{body}</article></body></html>")


@pytest.fixture
def corpus(tmp_path, shared_data, reference_text) -> Path:
    """A folder of every input kind, made of real text."""
    protests = gsr_sentences(shared_data, "protest")
    assaults = gsr_sentences(shared_data, "assault")
    root = tmp_path / "in"
    (root / "sub" / ".hidden").mkdir(parents=True)
    (root / "geneva.txt").write_text(reference_text, encoding="utf-8")
    (root / "sub" / "batch.jsonl").write_text(
        "".join(f'{{"id": "p{i}", "text": {__import__("json").dumps(t, ensure_ascii=False)}}}\n'
                for i, t in enumerate(protests[:3])), encoding="utf-8")
    (root / "sub" / "page.html").write_text(page("مسيرة احتجاجية", assaults[:3]), encoding="utf-8")
    (root / "feed.xml").write_text(rss([
        ("تظاهرة", f"<p>{protests[3]}</p><p>{protests[4]}</p>", "Sun, 03 Jan 2010 10:00:00 GMT"),
        ("اعتداء", assaults[3], "Mon, 04 Jan 2010 10:00:00 GMT"),
    ]), encoding="utf-8")
    (root / "crawl.warc.gz").write_bytes(warc_bytes([("https://example.org/w1", page("هجوم", assaults[4:7]))]))
    (root / "sub" / ".hidden" / "skip.txt").write_text(protests[9], encoding="utf-8")
    (root / "sub" / "image.bin").write_bytes(bytes(range(256)) * 4)
    return root


def test_feed_items_become_documents(corpus):
    docs = list(read_feed(corpus / "feed.xml"))
    assert [d.title for d in docs] == ["تظاهرة", "اعتداء"]
    assert docs[0].outlet == "وكالة الأخبار" and docs[0].url == "https://example.org/0"
    assert docs[0].published == "2010-01-03" and docs[1].published == "2010-01-04"
    assert "<p>" not in docs[0].text and docs[0].text.startswith("تظاهرة\n") and docs[0].text.count("\n") == 2
    assert strip_html("<p>أ&amp;ب</p><script>x()</script><br>ج") == "أ&ب\nج"


def test_warc_html_responses_become_documents(corpus, shared_data):
    docs = list(read_warc(corpus / "crawl.warc.gz"))
    assert len(docs) == 1 and isinstance(docs[0], Document)
    assert docs[0].url == "https://example.org/w1"
    assert gsr_sentences(shared_data, "assault")[5] in docs[0].text
    assert "var x" not in docs[0].text and "color" not in docs[0].text


def test_folder_walk_reads_every_kind(corpus):
    assert kind_of(corpus / "crawl.warc.gz") == "warc" and kind_of(corpus / "feed.xml") == "feed"
    assert kind_of(corpus / "sub" / "image.bin") is None
    items = list(read_any([str(corpus)]))
    docs = [i for i in items if isinstance(i, Document)]
    # 2 feed items + geneva + 3 jsonl lines + html page + warc page; hidden files passed over, binary named
    assert len(docs) == 8
    assert [(type(i), i.source) for i in items if isinstance(i, Failed)] == [(Skipped, str(corpus / "sub" / "image.bin"))]
    assert {d.meta.get("format") for d in docs} >= {"feed", "warc", "html"}
    assert sum(1 for d in docs if d.id.startswith("p")) == 3
    missing = list(read_any([str(corpus / "nope.txt")]))
    assert isinstance(missing[0], Failed)


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_is_idempotent(corpus, tmp_path, jobs):
    db = str(tmp_path / "db.sqlite")
    with open_store(db) as store:
        first = ingest(read_any([str(corpus)]), store, jobs=jobs, published="2026-01-20", progress=False)
        assert (first.added, first.unchanged) == (8, 0)
        assert [type(f) for f in first.failed] == [Skipped]  # the binary file, named as a warning
        again = ingest(read_any([str(corpus)]), store, jobs=jobs, published="2026-01-20", progress=False)
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 8)
        assert store.stats()["documents"] == 8
        geneva = store.search("جنيف")
        assert len(geneva) == 1 and "جنيف" in geneva[0]["snippet"]
        doc = store.document(geneva[0]["document_id"])
        assert doc.published == "2026-01-20"  # given on the command line: the text file carries no date
        feed_item = store.search("تظاهرة")[0]
        assert store.document(feed_item["document_id"]).published == "2010-01-03"  # the feed's own date wins


def test_a_new_pipeline_version_replaces(corpus, tmp_path):
    db = str(tmp_path / "db.sqlite")
    with open_store(db) as store:
        for item in read_any([str(corpus / "geneva.txt")]):
            item.pipeline = "an older version"
            store.add(item)
        report = ingest(read_any([str(corpus / "geneva.txt")]), store, jobs=1, progress=False)
        assert (report.added, report.replaced) == (0, 1)
        doc = store.document(store.search("جنيف")[0]["document_id"])
        assert doc.pipeline != "an older version" and doc.sentences  # analysed again


def test_cli_ingest_twice_changes_nothing(corpus, tmp_path):
    db = str(tmp_path / "cli.db")
    first = run_isnad("ingest", str(corpus), "--db", db, "--jobs", "2", "--published", "2026-01-20")
    assert first.returncode == 0, first.stderr
    assert "8 added" in first.stderr
    second = run_isnad("ingest", str(corpus), "--db", db)
    assert second.returncode == 0 and "0 added, 0 replaced, 8 unchanged" in second.stderr
    found = run_isnad("search", "لجوء", "--db", db)
    assert found.returncode == 0 and "لجوء" in found.stdout


def test_killed_ingest_resumes_and_stores_everything_once(tmp_path, shared_data):
    """SIGKILL the whole `isnad ingest` process group after its first commit, then run it again."""
    articles = list(dict.fromkeys(gsr_articles(shared_data, per_article=3, label=None, limit=300)))
    folder = tmp_path / "many"
    folder.mkdir()
    for i, text in enumerate(articles):
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    expected = {prepare(Document(text=t), Resources().normaliser).hash for t in articles}
    db = tmp_path / "crash.db"
    proc = subprocess.Popen([ISNAD, "ingest", str(folder), "--db", str(db), "--jobs", "2", "--batch", "5",
                             "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    count = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
                        count = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:
                    count = 0  # the schema is not there yet
                if count:
                    break
            time.sleep(0.01)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"the run ended before it could be killed: {proc.stderr.read()[-500:]}"
    with open_store(str(db)) as store:
        partial = store.stored_hashes()
    assert 0 < len(partial) < len(expected)
    assert partial <= expected
    done = run_isnad("ingest", str(folder), "--db", str(db), "--jobs", "2", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert f"{len(expected) - len(partial)} added, 0 replaced, {len(partial)} unchanged, 0 failed" in done.stderr
    with open_store(str(db)) as store:
        assert store.stored_hashes() == expected
        assert store.stats()["documents"] == len(expected)
        assert store.count_events(EventFilter()) == sum(d for (d,) in store.query("SELECT events FROM documents"))
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_expected_pipeline_version_is_the_real_one(pipeline):
    from isnad.ingest.runner import pipeline_version

    assert pipeline_version() == pipeline.version  # what reruns are skipped by
    assert pipeline_version(["normalise", "segment"]) == type(pipeline)(["normalise", "segment"]).version


def test_ingest_into_postgres_matches_sqlite(corpus, tmp_path, pg_database):
    answers = []
    for url in (str(tmp_path / "db.sqlite"), fresh_pg(pg_database)):
        with open_store(url) as store:
            first = ingest(read_any([str(corpus)]), store, jobs=1, published="2026-01-20", progress=False)
            again = ingest(read_any([str(corpus)]), store, jobs=1, published="2026-01-20", progress=False)
            assert (first.added, again.unchanged) == (8, 8)
            answers.append((store.stats()["documents"], [(e["document_id"], e["id"]) for e in store.events(EventFilter())],
                            [h["document_id"] for h in store.search("لجوء")]))
    assert answers[0] == answers[1]


def test_a_pipeline_that_cannot_be_built_is_an_error_not_a_hang(tmp_path, shared_data):
    docs = [Document(text=t) for t in gsr_articles(shared_data, limit=40)]
    with open_store(str(tmp_path / "db.sqlite")) as store:
        with pytest.raises(TypeError):
            ingest(docs, store, jobs=2, stages=["normalise", "segment"], options={"segment": {"no_such_option": 1}},
                   progress=False)
        assert store.stats()["documents"] == 0
