"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright, against a real server
(uvicorn on a free loopback port) over a real SQLite store: a few hand-made articles, and a sample of the
news corpus spread over its six weeks, ingested by the real command. Screenshots go to tests/artifacts/.
"""
from __future__ import annotations

import dataclasses
import gzip
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

import pytest
import uvicorn

from isnad.api import create_app
from isnad.store import open_store
from test_api import TOKEN, fill_store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(path: Path):
    """A real server over the store at ``path``, on a free loopback port: (base URL, stop)."""
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(str(path), TOKEN), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)

    def stop() -> None:
        uv.should_exit = True
        thread.join(5)

    return f"http://127.0.0.1:{port}", stop


@pytest.fixture(scope="module")
def server(tmp_path_factory, reference_doc, reference_text):
    path = tmp_path_factory.mktemp("web") / "isnad.db"
    ids = fill_store(path, reference_doc, reference_text)
    with open_store(str(path)) as store:  # the reference report again, from another outlet: one story, two articles
        store.add(dataclasses.replace(reference_doc, id="reference-copy", outlet="sabq"))
    base, stop = serve(path)
    yield base, ids
    stop()


NEWS_EVERY = 17  # one article in 17 of the corpus: about 1,500, spread over all its days


@pytest.fixture(scope="module")
def news(tmp_path_factory, shared_data):
    """A server over a store of about 1,500 real articles, ingested with ``isnad ingest`` (the corpus gives
    its date as ``extracted``; the input names it ``published``)."""
    folder = tmp_path_factory.mktemp("news")
    sample = folder / "news.jsonl"
    with gzip.open(shared_data / "news" / "saudinewsnet_dev.jsonl.gz", "rt", encoding="utf-8") as src, \
            sample.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            a = json.loads(line) if i % NEWS_EVERY == 0 else None
            if a and (a.get("text") or "").strip():  # a few records of the corpus have no text: no articles
                out.write(json.dumps({"id": a["id"], "outlet": a["outlet"], "url": a["url"], "title": a.get("title"),
                                      "published": a["extracted"][:10], "text": a["text"]}, ensure_ascii=False) + "\n")
    db = folder / "news.db"
    run = subprocess.run([sys.executable, "-m", "isnad", "ingest", str(sample), "--db", str(db), "--jobs", "2"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    with open_store(str(db)) as store:
        assert store.stats()["events"] > 1000
    base, stop = serve(db)
    yield base
    stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: `make test` installs it with scripts/ci-browser.sh")

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1:", "data:")) else None)
    yield page
    context.close()
    assert not outside, f"the dashboard asked for outside addresses: {outside}"
    assert not errors, f"errors in the page: {errors}"


READY = "() => { const v = document.getElementById('view'); return v.dataset.ready === '1' && v.dataset.route === location.hash; }"


def wait_ready(page) -> None:
    """Until the view shows what the current address asks for (not the previous view, still on screen)."""
    page.wait_for_function(READY, timeout=10000)


def open_view(page, url: str) -> None:
    page.goto(url)
    wait_ready(page)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_reference_article_view_highlights_its_events(page, server, reference_doc):
    base, ids = server
    open_view(page, f"{base}/#/doc/{ids['reference']}")
    shot(page, "article-reference")
    text = page.locator("#article-text")
    assert text.get_attribute("dir") == "rtl"
    assert "انشق" in text.inner_text()
    events = reference_doc.events
    assert events, "the default pipeline found no event in the reference article"
    assert page.locator("#event-list .event-card").count() == len(events)
    for i, e in enumerate(events):
        # the trigger's pieces (a mention inside it cuts it) read as the trigger, unless another trigger overlaps it
        overlapped = any(o is not e and o.trigger.start < e.trigger.end and o.trigger.end > e.trigger.start for o in events)
        pieces = "".join(page.locator(f"#article-text .trg[data-event='{i}']").all_inner_texts())
        assert pieces and (overlapped or pieces == e.trigger.text), (e.trigger, pieces)
    # the defection the article is about is among them
    assert any("انشق" in e.trigger.text for e in events)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366  # no sideways scrolling on a laptop


def test_choosing_an_event_shows_its_evidence_and_spans(page, server):
    base, ids = server
    open_view(page, f"{base}/#/doc/{ids['excerpt']}")
    cards = page.locator("#event-list .event-card")
    assert cards.count() == 3
    # e1: "انشق" (defected), reported by unnamed sources (كشفت مصادر), in Geneva
    card = cards.filter(has=page.locator(".card-trigger", has_text="انشق"))  # (each card holds its sentence too)
    card.click()
    assert "selected" in card.get_attribute("class")
    assert card.locator(".evidence").is_visible() and "hand-coded" in card.locator(".evidence").inner_text()
    focused = {t.strip() for t in page.locator("#article-text .focus").all_inner_texts()}
    assert {"انشق", "كشفت", "مصادر", "جنيف"} <= focused
    assert "دبلوماسياً إيرانياً رفيع المستوى" in "".join(page.locator("#article-text .focus").all_inner_texts())
    assert "مصادر" in card.locator(".chain").inner_text() and "anonymous" in card.locator(".chain").inner_text()
    shot(page, "article-excerpt-selected")
    # clicking a trigger in the text selects its card
    page.locator("#article-text .trg", has_text="تقدم بطلب لجوء").click()
    selected = page.locator("#event-list .event-card.selected")
    assert selected.count() == 1 and "REQUEST" in selected.inner_text()
    # the chain reads outlet first: the newspaper, then its report
    chain = selected.locator(".chain").inner_text()
    assert chain.index("إيران انترناشونال") < chain.index("تقرير")


def test_events_table_filters(page, server):
    base, ids = server
    open_view(page, f"{base}/#/events")
    rows = page.locator("#events-table tbody tr")
    total = rows.count()
    assert total >= 4
    page.select_option("#filters select[name=plover]", "REQUEST")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('plover=REQUEST')")
    wait_ready(page)
    assert 0 < rows.count() < total
    assert all("REQUEST" in t for t in rows.all_inner_texts())
    shot(page, "events-filtered")
    page.fill("#filters input[name=place]", "CHE")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('place=CHE')")
    wait_ready(page)
    assert rows.count() >= 1 and all("CHE" in t for t in rows.all_inner_texts())
    rows.first.locator("a.trigger-link").click()
    page.wait_for_function("location.hash.startsWith('#/doc/')")
    wait_ready(page)
    assert page.locator("#event-list .event-card.selected").count() == 1


def test_search_finds_variants(page, server):
    base, ids = server
    open_view(page, f"{base}/#/events")
    page.fill("#search-q", "اللجوء")
    page.press("#search-q", "Enter")
    page.wait_for_function("location.hash.startsWith('#/search')")
    wait_ready(page)
    results = page.locator("#search-results li")
    assert results.count() >= 2
    assert "انشقاق" in results.first.inner_text()
    shot(page, "search")


def test_hostile_article_shows_markup_as_text(page, server):
    base, ids = server
    open_view(page, f"{base}/#/doc/{ids['hostile']}")
    shot(page, "article-hostile")
    assert page.evaluate("window.__pwned") is None
    text = page.locator("#article-text").inner_text()
    assert "<script>" in text and "<img src=x onerror=" in text
    assert page.locator("#view img, #view script").count() == 0
    assert "<img src=x" in page.locator(".article-title").inner_text()
    page.locator("#event-list .event-card").first.click()  # shows the evidence, which carries a <script> too
    assert "<script>" in page.locator(".event-card.selected .evidence").inner_text()
    open_view(page, f"{base}/#/events")
    page.locator("#event-list, #events-table").first.wait_for()
    assert page.locator("#view img, #view script, #view b").count() == 0
    page.evaluate("1")  # let any queued handler run
    assert page.evaluate("window.__pwned") is None
    # the javascript: URL of the article is shown as text, not as a link
    open_view(page, f"{base}/#/doc/{ids['hostile']}")
    assert page.locator("a[href^='javascript']").count() == 0


def test_story_page_shows_reports_copies_and_grade(page, server):
    base, ids = server
    open_view(page, f"{base}/#/stories")
    rows = page.locator("#stories-table tbody tr")
    assert rows.count() >= 1
    rows.first.locator("a").click()
    wait_ready(page)
    shot(page, "story")
    reports = page.locator("#story-reports tbody tr")
    assert reports.count() >= 2  # and the excerpt of it, when its event is the same
    assert {ids["reference"], "reference-copy"} <= set(reports.locator("td:nth-child(3)").all_inner_texts())
    assert "1 independent origin" in page.locator("#story-summary").inner_text()
    assert page.locator("#story-reasons li").count() >= 1


GRAPH_NODES = "(id) => document.getElementById(id).cy.nodes().length"


@pytest.mark.parametrize("view,count", [
    ("timeline", lambda page: page.locator("#timeline rect.bar").count()),
    ("map", lambda page: page.locator("#map path.place-dot, #map .marker-cluster").count()),
    ("actors", lambda page: page.evaluate(GRAPH_NODES, "actor-network")),
    ("sources", lambda page: page.evaluate(GRAPH_NODES, "source-graph")),
])
def test_charts_draw(page, server, view, count):
    base, _ = server
    open_view(page, f"{base}/#/{view}")
    assert count(page) >= 1 if view == "map" else count(page) >= 2
    shot(page, view)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366


# --- on the news sample ---------------------------------------------------------------------------------

def table_dates(page) -> list[tuple[str, str]]:
    """The (first, last) day of each row of the events table: "2015-08-03", "2015-08-03 (published)" or a span."""
    out = []
    for cell in page.locator("#events-table tbody td:first-child").all_inner_texts():
        days = re.findall(r"\d{4}-\d{2}-\d{2}", cell)
        out.append((days[0], days[-1]))
    return out


def test_timeline_shows_days_and_its_brush_filters_the_table(page, news):
    open_view(page, f"{news}/#/timeline")
    chart = page.locator("#timeline")
    assert chart.get_attribute("data-bin") == "day"  # six weeks of news: one bar per day
    days = sorted({date.fromisoformat(d) for d in page.locator("#timeline rect.bar").evaluate_all("rs => rs.map(r => r.dataset.day)")})
    assert len(days) >= 15 and (days[-1] - days[0]).days <= 60
    assert min((b - a).days for a, b in zip(days, days[1:])) == 1
    # stacked by type: some day has bars of several types
    types = page.locator("#timeline rect.bar").evaluate_all("rs => rs.map(r => r.dataset.day + ' ' + r.dataset.type)")
    per_day = {}
    for t in types:
        per_day.setdefault(t.split()[0], set()).add(t.split()[1])
    assert max(len(v) for v in per_day.values()) >= 5
    assert page.locator("#timeline polyline.other-date").count() == 1  # the other date, as a line
    before = int(re.search(r"of ([\d,]+)", page.locator("#events-status").inner_text())[1].replace(",", ""))
    shot(page, "news-timeline")
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.45, box["y"] + box["height"] * 0.5)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.5, steps=5)
    page.mouse.up()
    page.wait_for_function("() => location.hash.includes('since=') && location.hash.includes('until=')")
    wait_ready(page)
    shot(page, "news-timeline-brushed")
    since = re.search(r"since=([\d-]+)", page.url)[1]
    until = re.search(r"until=([\d-]+)", page.url)[1]
    assert 2 <= (date.fromisoformat(until) - date.fromisoformat(since)).days <= 10
    after = int(re.search(r"of ([\d,]+)", page.locator("#events-status").inner_text())[1].replace(",", ""))
    assert 0 < after < before
    rows = table_dates(page)
    assert rows and all(first <= until and last >= since for first, last in rows), (since, until, rows[:5])
    assert page.locator("#timeline-brush").get_attribute("visibility") == "visible"
    # the period goes along to the other views
    page.click("#nav a[data-view=map]")
    wait_ready(page)
    assert f"since={since}" in page.url and f"until={until}" in page.url


def test_map_zooms_clusters_and_lists_a_places_events(page, news):
    open_view(page, f"{news}/#/map")
    assert page.locator("#map .marker-cluster").count() >= 3
    zoom = page.evaluate("document.querySelector('.view-map').mapZoom()")
    assert page.locator("#map path.division").count() == 0  # provinces only once zoomed in
    at_zoom = "(z) => { const m = /at=[-\\d.]+,[-\\d.]+,(\\d+)/.exec(location.hash); return m && Number(m[1]) === z; }"
    for step in (1, 2):  # the view (and its zoom) goes into the address once each zoom has ended
        page.click("#map .leaflet-control-zoom-in")
        page.wait_for_function(at_zoom, arg=zoom + step)
    assert page.evaluate("document.querySelector('.view-map').mapZoom()") == zoom + 2
    assert page.locator("#map path.division").count() > 20
    shot(page, "news-map-zoomed")
    # Riyadh, close up: single places, drawn by how they are known
    open_view(page, f"{news}/#/map?at=24.7,46.7,9")
    dots = page.locator("#map path.place-dot >> visible=true")  # (the others are inside clusters)
    dots.first.wait_for()
    kinds = set(dots.evaluate_all("ps => ps.map(p => p.getAttribute('class'))"))
    assert any("origin-stated" in k for k in kinds)
    dots.first.click(force=True)
    page.locator("#place-events li").first.wait_for()
    assert page.locator("#place-events li a").first.get_attribute("href").startswith("#/doc/")
    shot(page, "news-map-place")


OVERLAPS = """(id) => {
  const cy = document.getElementById(id).cy;
  const shown = cy.nodes().filter((n) => n.data("shown"));
  const boxes = shown.map((n) => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push([shown[i].data("label"), shown[j].data("label")]);
  }
  return { nodes: cy.nodes().length, shown: boxes.length, zoom: cy.zoom(), overlaps: pairs,
           height: Math.min(...boxes.map((b) => b.h)) };
}"""


@pytest.mark.parametrize("view,graph", [("actors", "actor-network"), ("sources", "source-graph")])
def test_graph_labels_do_not_overlap(page, news, view, graph):
    open_view(page, f"{news}/#/{view}")
    result = page.evaluate(OVERLAPS, graph)
    shot(page, f"news-{view}")
    assert result["nodes"] >= 30 and result["shown"] >= 10, result
    assert result["overlaps"] == [], result
    assert result["height"] >= 12  # readable: the labels are drawn at their own size at the first zoom
    # a click highlights the node's neighbourhood
    page.evaluate("(id) => { document.getElementById(id).cy.nodes().max((n) => n.degree()).ele.emit('tap'); }", graph)
    faded = page.evaluate("(id) => document.getElementById(id).cy.nodes('.faded').length", graph)
    assert 0 < faded < result["nodes"]


def test_evidence_panel_reads_as_text(page, news):
    open_view(page, f"{news}/#/events?modality=reported")
    page.locator("#events-table a.trigger-link").first.click()
    page.wait_for_function("() => location.hash.startsWith('#/doc/')")
    wait_ready(page)
    card = page.locator("#event-list .event-card.selected")
    evidence = card.locator(".evidence")
    assert evidence.is_visible()
    text = evidence.inner_text()
    trigger = card.locator(".card-trigger").inner_text().strip()
    assert trigger in evidence.locator(".ev-sentence mark.ev-trg").inner_text()
    assert "pattern" in text and re.search(r"Score\s+0\.\d\d", text)
    assert "reports it" in text and ("citing" in text or "itself" in text)
    assert not re.search(r"[\[{]\s*[\d\"]", text), text  # no JSON arrays or objects
    shot(page, "news-evidence")


def test_unknown_route_shows_a_404_page(page, news):
    open_view(page, f"{news}/#/no-such-view")
    assert page.locator("#not-found").inner_text() == "Page not found"
    assert page.locator("#view a[href='#/timeline']").count() == 1
    shot(page, "not-found")
    request = urllib.request.Request(f"{news}/no/such/page", headers={"Accept": "text/html"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request)
    assert err.value.code == 404 and "Page not found" in err.value.read().decode()


def test_timeline_and_map_counts_agree_with_the_events(news):
    """The summaries behind the timeline and the map count the same events as the events API."""
    def get(path: str) -> dict:
        with urllib.request.urlopen(f"{news}{path}") as r:
            return json.loads(r.read())

    for plover in ("ACCUSE", "CONSULT"):
        total = get(f"/api/events?plover={plover}&limit=1&exact_total=true")["total"]
        by_event, by_published = get(f"/api/timeline?plover={plover}"), get(f"/api/timeline?plover={plover}&by=published")
        assert sum(n for _, t, n in by_event["bars"]) == total and {t for _, t, _ in by_event["bars"]} == {plover}
        assert sum(n for _, _, n in by_published["bars"]) == sum(n for _, n in by_event["line"]) == total
        places = get(f"/api/map?plover={plover}")["items"]
        assert 0 < sum(p["events"] for p in places) <= total
        assert {p["origin"] for p in places} <= {"stated", "article", "inferred"}
        place = max(places, key=lambda p: p["events"])
        listed = get(f"/api/map/events?plover={plover}&key={urllib.parse.quote(place['key'])}&limit=200")["items"]
        same = [p for p in places if p["key"] == place["key"]]
        assert len(listed) == min(200, sum(p["events"] for p in same))
        assert all(e["plover"]["type"] == plover for e in listed)


def test_the_language_switch_shows_arabic_labels_and_names(page, news):
    open_view(page, f"{news}/#/events")
    place = page.locator("#events-table td:nth-child(6) .place").first  # the first event with a place
    english = place.inner_text()
    page.click("#lang-switch")
    page.wait_for_function("() => document.documentElement.dir === 'rtl'")
    wait_ready(page)
    assert page.locator("#nav a[data-view=events]").inner_text() == "الأحداث"
    assert page.locator("#events-table thead th").first.inner_text() == "التاريخ"
    arabic = place.inner_text()
    assert re.search(r"[\u0600-\u06FF]", arabic.split()[0]) and arabic != english  # the place's Arabic name first
    shot(page, "news-events-arabic")
    page.click("#lang-switch")
    page.wait_for_function("() => document.documentElement.dir === 'ltr'")
    wait_ready(page)
    assert page.locator("#nav a[data-view=events]").inner_text() == "Events"
