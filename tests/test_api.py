"""The HTTP API over a real SQLite store filled with analysed articles (FastAPI's TestClient, in-process)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from isnad import Pipeline
from isnad.api import create_app
from isnad.api.hosts import is_loopback
from isnad.api.sources import source_graph
from isnad.document import Actor, Attribution, Document, Event, EventActor, Mention, Place
from isnad.store import EventFilter, open_store
from isnad.store.sources import SourceArticle

PUBLISHED = "2026-01-20"
TOKEN = "s3cret-token"
GENEVA = {"en": "Geneva", "ar": "جنيف", "kind": "city", "country": "CHE", "lat": 46.2, "lon": 6.15, "precision": "city"}


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def typed(doc: Document) -> Document:
    """The document with its hand-written events as the data model holds them (dicts read as Cameo,
    Plover, EventPlace, TimeSpan and Grade, as from the document's JSON)."""
    doc.events = Document.from_dict(doc.to_dict()).events
    return doc


def hand_coded_excerpt(reference_text: str) -> Document:
    """The reference article's first two paragraphs, coded by hand from reading them.

    "Sources revealed that a senior Iranian diplomat at the UN's European headquarters in Geneva defected
    and applied for political asylum in Switzerland ... since the protests broke out in late December."
    Every span below is looked up in the text, so the offsets are the text's own.
    """
    text = reference_text[: reference_text.index("وأشار التقرير")].rstrip()
    doc = Pipeline(["normalise", "segment"])(text, published=PUBLISHED, title="انشقاق دبلوماسي إيراني (مقتطف)",
                                             outlet="example", url="https://example.org/geneva")

    def span(needle: str, after: int = 0):
        s, e = _span(text, needle, after)
        return doc.span(s, e)

    body = text.index("كشفت")
    diplomat = span("دبلوماسياً إيرانياً رفيع المستوى")
    iran = Actor(ar="إيران", en="Government of Iran", country="IRN", sectors=["GOV"], code="IRNGOV")
    envoy = Actor(ar="دبلوماسي إيراني", en="Iranian diplomat", country="IRN", sectors=["GOV"], code="IRNGOV")
    swiss = Actor(ar="سويسرا", en="Switzerland", country="CHE", code="CHE")
    geneva, switzerland = span("جنيف", body), span("سويسرا")
    jirani = span("علي رضا جيراني")
    doc.mentions = [
        Mention(diplomat.start, diplomat.end, diplomat.text, "ROLE", actor=envoy),
        Mention(geneva.start, geneva.end, geneva.text, "GPE", place=Place(**GENEVA)),
        Mention(switzerland.start, switzerland.end, switzerland.text, "GPE",
                place=Place(ar="سويسرا", en="Switzerland", kind="country", country="CHE", lat=46.8, lon=8.2, precision="country")),
        Mention(jirani.start, jirani.end, jirani.text, "PER"),
    ]
    cue1, src1 = span("كشفت", body), span("مصادر", body)
    cue2, src2 = span("وفق"), span("تقرير")
    cue3, src3 = span("نشرته"), span('صحيفة "إيران انترناشونال"')
    doc.attributions = [
        Attribution("a1", cue1, src1, "anonymous"),
        Attribution("a2", cue3, src3, "named_outlet", description="معارضة للنظام الإيراني"),
        Attribution("a3", cue2, src2, "report", parent="a2"),
    ]
    defect, asylum = span("انشق", body), span("تقدم بطلب لجوء")
    protests = span("الاحتجاجات")
    late_december = span("أواخر ديسمبر الماضي")
    doc.events = [
        Event("e1", defect, {"code": "120", "label": "Reject", "goldstein": -4.0, "quad_class": 3},
              {"type": "REJECT", "mode": None, "contexts": []},
              source=EventActor(diplomat.text, diplomat.start, diplomat.end, envoy, 0), target=EventActor(actor=iran),
              place={**GENEVA, "text": geneva.text, "start": geneva.start, "end": geneva.end}, modality="reported",
              attributions=["a1"], credibility={"source_reliability": "F", "information_credibility": 3},
              evidence={"rule": "hand-coded", "verb": {"start": defect.start, "end": defect.end, "text": defect.text}}),
        Event("e2", asylum, {"code": "020", "label": "Make an appeal or request", "goldstein": 3.0, "quad_class": 1},
              {"type": "REQUEST", "mode": None, "contexts": []},
              source=EventActor(diplomat.text, diplomat.start, diplomat.end, envoy, 0),
              target=EventActor(switzerland.text, switzerland.start, switzerland.end, swiss),
              place={"ar": "سويسرا", "en": "Switzerland", "country": "CHE", "lat": 46.8, "lon": 8.2, "precision": "country",
                     "text": switzerland.text, "start": switzerland.start, "end": switzerland.end},
              modality="reported", attributions=["a3"], credibility={"source_reliability": "C", "information_credibility": 3},
              evidence={"rule": "hand-coded"}),
        Event("e3", protests, {"code": "141", "label": "Demonstrate or rally", "goldstein": -6.5, "quad_class": 3},
              {"type": "PROTEST", "mode": "demonstrate", "contexts": []},
              place={"ar": "إيران", "en": "Iran", "country": "IRN", "lat": 32.0, "lon": 53.0, "precision": "country"},
              time={"start": late_december.start, "end": late_december.end, "text": late_december.text,
                    "interval_start": "2025-12-20", "interval_end": "2025-12-31", "granularity": "vague"},
              modality="asserted", credibility={"source_reliability": "F", "information_credibility": 3},
              evidence={"rule": "hand-coded"}),
    ]
    return typed(doc)


HOSTILE = (
    'خبر عاجل <script>window.__pwned = "script"</script> عن احتجاجات في طهران '
    '<img src=x onerror="window.__pwned = \'img\'"> وتظاهر المئات أمام السفارة.'
)


def hostile_document() -> Document:
    """An article whose text and title carry markup that would run if it were ever parsed as HTML."""
    doc = Pipeline(["normalise", "segment"])(HOSTILE, published="2026-01-18", title='<img src=x onerror="window.__pwned=1">',
                                             url="javascript:window.__pwned='url'", outlet="<b>outlet</b>")
    trigger = doc.span(*_span(HOSTILE, "تظاهر"))
    script = doc.span(*_span(HOSTILE, "<script>"))
    doc.mentions = [Mention(script.start, script.end, script.text, "MISC")]
    doc.events = [Event("h1", trigger, {"code": "141", "label": "Demonstrate or rally", "goldstein": -6.5, "quad_class": 3}, {"type": "PROTEST"},
                        source=EventActor("<b>crowd</b>", actor=Actor(en='<img src=x onerror="window.__pwned=2">')),
                        modality="asserted", evidence={"rule": "<script>window.__pwned=3</script>"})]
    return typed(doc)


def fill_store(path: Path, reference_doc: Document, reference_text: str) -> dict[str, str]:
    """A real SQLite file with the analysed reference article, a hand-coded excerpt and a hostile article."""
    with open_store(str(path)) as store:
        store.add(reference_doc)
        excerpt = hand_coded_excerpt(reference_text)
        store.add(excerpt)
        hostile = hostile_document()
        store.add(hostile)
    return {"reference": reference_doc.id, "excerpt": excerpt.id, "hostile": hostile.id}


@pytest.fixture(scope="module")
def filled(tmp_path_factory, reference_doc, reference_text):
    path = tmp_path_factory.mktemp("api") / "isnad.db"
    ids = fill_store(path, reference_doc, reference_text)
    return path, ids


@pytest.fixture(scope="module")
def client(filled):
    return TestClient(create_app(str(filled[0]), TOKEN))


def test_events_filters_and_pages(client, filled):
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["items"]) >= 4
    protests = client.get("/api/events", params={"plover": "protest"}).json()
    assert protests["total"] >= 2 and all(e["plover"]["type"] == "PROTEST" for e in protests["items"])
    geneva = client.get("/api/events", params={"place": "CHE"}).json()
    assert {e["id"] for e in geneva["items"]} >= {"e1", "e2"}
    assert all(e["place"]["country"] == "CHE" for e in geneva["items"])
    asked = client.get("/api/events", params={"cameo": "02", "actor": "IRN"}).json()
    assert [e["trigger"]["text"] for e in asked["items"] if e["document_id"] == filled[1]["excerpt"]] == ["تقدم بطلب لجوء"]
    december = client.get("/api/events", params={"since": "2025-12-01", "until": "2025-12-31"}).json()
    assert "e3" in {e["id"] for e in december["items"]}
    first, second = (client.get("/api/events", params={"limit": 1, "offset": i}).json() for i in (0, 1))
    assert first["total"] == everything["total"] and first["items"][0]["id"] != second["items"][0]["id"]
    assert first["items"][0]["document_id"] and "document_title" in first["items"][0]


def test_events_total_is_capped_unless_asked(client, monkeypatch):
    import isnad.api.events

    exact = client.get("/api/events", params={"limit": 1}).json()
    assert exact["total_exact"] is True and exact["total"] >= 4
    monkeypatch.setattr(isnad.api.events, "COUNT_CAP", 2)
    capped = client.get("/api/events", params={"limit": 1}).json()
    assert (capped["total"], capped["total_exact"]) == (2, False)  # "more than 2"
    assert capped["items"] == exact["items"]
    asked = client.get("/api/events", params={"limit": 1, "exact_total": "true"}).json()
    assert (asked["total"], asked["total_exact"]) == (exact["total"], True)
    # a later page is counted at least to its end: whether another page follows is always known
    later = client.get("/api/events", params={"limit": 1, "offset": 2}).json()
    assert later["total"] >= 3 and len(later["items"]) == 1


def test_events_rejects_bad_parameters(client):
    assert client.get("/api/events", params={"limit": 1001}).status_code == 422
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 422
    assert client.get("/api/events", params={"until": "2025"}).status_code == 422  # a full date, not a year
    assert client.get("/api/events", params={"since": "", "plover": ""}).json()["total"] == client.get("/api/events").json()["total"]
    assert client.get("/api/events", params={"offset": -1}).status_code == 422


def test_reference_article_is_served_whole(client, filled, reference_doc):
    doc = client.get(f"/api/documents/{filled[1]['reference']}").json()
    assert doc["text"] == reference_doc.text and doc["hash"] == reference_doc.hash
    assert len(doc["events"]) == len(reference_doc.events)
    by_hash = client.get(f"/api/documents/{reference_doc.hash}").json()
    assert by_hash["id"] == doc["id"]
    assert client.get("/api/documents/0000000000000000").status_code == 404


def test_reference_article_has_events(client, filled):
    doc = client.get(f"/api/documents/{filled[1]['reference']}").json()
    # The first sentence reports the defection (انشق): the analysis must find events in this article.
    assert doc["events"], "the default pipeline found no event in the reference article"
    for e in doc["events"]:
        assert doc["text"][e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]


def test_search_matches_variants(client, filled):
    for q in ("لجوء", "اللجوء", "لُجوء"):
        found = client.get("/api/search", params={"q": q}).json()["items"]
        assert filled[1]["reference"] in {r["document_id"] for r in found}, q
    assert client.get("/api/search", params={"q": "كنغر"}).json()["items"] == []
    assert client.get("/api/search").status_code == 422


def test_actors_and_places(client):
    actors = client.get("/api/actors").json()["items"]
    assert any(a["code"] == "IRNGOV" and a["events"] >= 2 for a in actors)
    places = client.get("/api/places").json()["items"]
    geneva = [p for p in places if p["en"] == "Geneva"]
    assert geneva and geneva[0]["country"] == "CHE" and abs(geneva[0]["lat"] - 46.2) < 0.5


def test_source_graph_follows_the_chain(client, filled):
    graph = client.get("/api/sources", params={"document": filled[1]["excerpt"]}).json()
    labels = {n["id"]: n["label"] for n in graph["nodes"]}
    kinds = {n["label"]: n["kind"] for n in graph["nodes"]}
    edges = {(labels[e["source"]], labels[e["target"]]) for e in graph["edges"]}
    # outlet → report → the newspaper it cites → the report that one cites → the events resting on it
    report = next(n for n in graph["nodes"] if n["kind"] == "report")
    assert report["articles"] == 1 and ("example", report["label"]) in edges
    assert (report["label"], 'صحيفة "إيران انترناشونال"') in edges
    assert ('صحيفة "إيران انترناشونال"', "تقرير") in edges
    assert (report["label"], "مصادر") in edges
    told = {t for s, t in edges if s in ("مصادر", "تقرير", report["label"]) and kinds[t] == "event"}
    assert told and all(t[:3].isdigit() for t in told)  # events named by their CAMEO code and label
    events = {n["label"]: n["events"] for n in graph["nodes"]}
    # e3 rests on no attribution: the report tells it in its own voice
    assert events["مصادر"] == 1 and events["تقرير"] == 1 and events["example"] == report["events"] == 3
    assert sum(n["events"] for n in graph["nodes"] if n["kind"] == "event") == 3


def test_source_graph_merges_sources_across_articles(reference_text, resources):
    a, b = hand_coded_excerpt(reference_text), hand_coded_excerpt(reference_text)
    b.outlet = "another"
    graph = source_graph([SourceArticle.of(a), SourceArticle.of(b)], resources.normaliser)
    outlets = [n for n in graph["nodes"] if n["kind"] == "outlet"]
    assert {n["label"] for n in outlets} >= {"example", "another", 'صحيفة "إيران انترناشونال"'}
    newspaper = [n for n in graph["nodes"] if n["label"] == 'صحيفة "إيران انترناشونال"']
    assert len(newspaper) == 1  # a named source is one node across articles
    # unnamed sources are not the same people in two outlets: one node each
    anonymous = [n for n in graph["nodes"] if n["label"] == "مصادر"]
    assert len(anonymous) == 2 and all(n["events"] == 1 for n in anonymous)


def test_copies_of_one_report_are_one_report_node(reference_text, resources):
    a, b = hand_coded_excerpt(reference_text), hand_coded_excerpt(reference_text)
    b.outlet = "another"  # a wire copy run by another outlet: the same copy family
    graph = source_graph([SourceArticle.of(a, "family-1"), SourceArticle.of(b, "family-1")], resources.normaliser)
    reports = [n for n in graph["nodes"] if n["kind"] == "report"]
    assert len(reports) == 1 and reports[0]["articles"] == 2 and reports[0]["events"] == 6
    edges = {(e["source"], e["target"]) for e in graph["edges"]}
    assert {("outlet:example", reports[0]["id"]), ("outlet:another", reports[0]["id"])} <= edges
    other = hand_coded_excerpt(reference_text)
    other.outlet = "third"
    split = source_graph([SourceArticle.of(a, "family-1"), SourceArticle.of(other, "family-2")], resources.normaliser)
    assert sum(n["kind"] == "report" for n in split["nodes"]) == 2


def test_source_graph_is_read_from_the_stored_rows(client, filled, reference_doc, reference_text, resources):
    """The graph the API builds from the narrow rows kept at each write is the graph of the whole documents."""
    docs = {d.hash: d for d in (reference_doc, hand_coded_excerpt(reference_text), hostile_document())}
    with open_store(str(filled[0])) as store:  # the articles newest first, as the graph takes them
        order = list(dict.fromkeys(store.event_documents(EventFilter(), 1000)))
        family = dict(store.query("SELECT hash, family FROM documents"))
    assert set(order) == set(docs)

    def graph(hashes):
        return source_graph([SourceArticle.of(docs[h], family[h]) for h in hashes], resources.normaliser,
                            lambda code: resources.ontology.cameo(code).label)

    served = client.get("/api/sources", params={"documents": 100}).json()
    assert served == graph(order)
    assert served["documents"] == 3 and any(n["type"] == "named_outlet" and n["events"] for n in served["nodes"])
    assert client.get("/api/sources", params={"documents": 1}).json() == graph(order[:1])


def test_kept_answers_follow_every_write(tmp_path, reference_text, reference_doc):
    """The server keeps what it computed until the store is written, by it or by another process."""
    path = str(tmp_path / "kept.db")
    client = TestClient(create_app(path, TOKEN))
    with open_store(path) as store:
        store.add(hand_coded_excerpt(reference_text))
    addresses = ["/api/stats", "/api/timeline", "/api/map", "/api/sources", "/api/search?q=لجوء", "/api/stories"]
    first = {a: client.get(a).json() for a in addresses}
    assert {a: client.get(a).json() for a in addresses} == first
    with open_store(path) as store:  # another writer, as an ingest running beside the server
        store.add(reference_doc)
    after = {a: client.get(a).json() for a in addresses}
    assert after["/api/stats"]["documents"] == first["/api/stats"]["documents"] + 1
    assert after["/api/stats"]["events"] == first["/api/stats"]["events"] + len(reference_doc.events)
    assert len(after["/api/search?q=لجوء"]["items"]) == 2 and after["/api/sources"]["documents"] == 2
    assert after == {a: TestClient(create_app(path, TOKEN, answer_bytes=0)).get(a).json() for a in addresses}


def test_writes_need_the_token(filled, reference_text, tmp_path):
    body = {"text": reference_text[:400], "title": "excerpt", "published": PUBLISHED}
    client = TestClient(create_app(str(filled[0]), TOKEN))
    assert client.post("/api/documents", json=body).status_code == 401
    assert client.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    closed = TestClient(create_app(str(filled[0]), None)).post("/api/documents", json=body,
                                                               headers={"Authorization": f"Bearer {TOKEN}"})
    assert closed.status_code == 403 and "--token" in closed.json()["detail"]
    assert client.post("/api/documents", json={**body, "published": "20 Jan"},
                       headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422


def test_post_analyses_and_stores(tmp_path, reference_text):
    client = TestClient(create_app(str(tmp_path / "new.db"), TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": reference_text, "title": "انشقاق دبلوماسي", "url": "https://example.org/a", "published": PUBLISHED}
    created = client.post("/api/documents", json=body, headers=auth)
    assert created.status_code == 201 and created.headers["x-isnad-store"] == "added"
    doc = created.json()
    assert doc["title"] == "انشقاق دبلوماسي" and doc["pipeline"] and doc["sentences"]
    assert client.get(created.headers["location"]).json()["hash"] == doc["hash"]
    again = client.post("/api/documents", json=body, headers=auth)
    assert again.status_code == 200 and again.headers["x-isnad-store"] == "unchanged"
    assert client.get("/api/stats").json()["documents"] == 1


def test_openapi_document(client):
    from openapi_spec_validator import validate

    spec = client.get("/openapi.json").json()
    validate(spec)  # raises on an invalid document
    for path in ("/api/events", "/api/documents/{doc_id}", "/api/documents", "/api/search", "/api/actors", "/api/places"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "cameo", "plover", "since", "until", "place", "modality", "text", "limit", "offset"} <= params
    events = spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"total", "items"} <= set(events["properties"])
    assert "post" in spec["paths"]["/api/documents"]


def test_security_headers_and_dashboard(client):
    page = client.get("/")
    assert page.status_code == 200 and 'src="/static/js/main.js"' in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    script = client.get("/static/js/main.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert client.get("/api/events").headers["x-content-type-options"] == "nosniff"
    assert client.get("/docs").status_code == 404  # the interactive docs would load a CDN


def test_dashboard_loads_nothing_from_outside():
    from isnad.web import static_dir

    for path in static_dir().rglob("*"):
        # (the bundled libraries in vendor/ are third-party code: the browser tests check what they load)
        if path.suffix in {".html", ".js", ".css"} and "vendor" not in path.relative_to(static_dir()).parts:
            text = path.read_text(encoding="utf-8")
            assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text.replace("https?:", ""), path
            assert "innerHTML" not in text and "outerHTML" not in text and "insertAdjacentHTML" not in text, path


def test_loopback_hosts():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.5")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")


def test_serve_refuses_an_open_host_without_a_token():
    from click.testing import CliRunner

    from isnad.cli.serve import serve

    result = CliRunner().invoke(serve, ["--host", "0.0.0.0", "--db", "unused.db"], env={"ISNAD_TOKEN": ""})
    assert result.exit_code != 0 and "--token" in result.output


def test_isnad_serve_runs_a_server(filled):
    """The command itself: `isnad serve` answers on its port, read-only without a token."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "ISNAD_TOKEN"}
    cmd = [sys.executable, "-c", "from isnad.cli.main import main; main()", "serve", "--db", str(filled[0]), "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=1).json()
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "isnad serve did not answer"
                time.sleep(0.1)
        assert stats["documents"] == 3
        refused = httpx.post(f"http://127.0.0.1:{port}/api/documents", json={"text": "نص"}, timeout=5)
        assert refused.status_code == 403
    finally:
        proc.terminate()
        proc.wait(10)


def test_a_store_that_cannot_be_opened_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    client = TestClient(create_app(str(blocker / "isnad.db"), None), raise_server_exceptions=False)
    answer = client.get("/api/events")
    assert answer.status_code == 503 and answer.json()["code"].startswith("E3")


def test_the_serve_command_loads_without_fastapi():
    # `isnad --help` lists every command, so importing the command must stay light
    code = "import sys, isnad.cli.serve; print('fastapi' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_huge_offsets_are_refused_not_a_server_error(client):
    for path in ("/api/search", "/api/events"):
        response = client.get(path, params={"q": "لجوء", "offset": "99999999999999999999"})
        assert response.status_code == 422, (path, response.status_code)
