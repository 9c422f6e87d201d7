"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright, against a real server
(uvicorn on a free loopback port) over a real SQLite store. Screenshots go to tests/artifacts/.
"""
from __future__ import annotations

import dataclasses

import shutil
import socket
import threading
import time
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


@pytest.fixture(scope="module")
def server(tmp_path_factory, reference_doc, reference_text):
    path = tmp_path_factory.mktemp("web") / "isnad.db"
    ids = fill_store(path, reference_doc, reference_text)
    with open_store(str(path)) as store:  # the reference report again, from another outlet: one story, two articles
        store.add(dataclasses.replace(reference_doc, id="reference-copy", outlet="sabq"))
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(str(path), TOKEN), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", ids
    uv.should_exit = True
    thread.join(5)


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
def page(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server[0], "data:")) else None)
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
    card = cards.filter(has_text="انشق")
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


@pytest.mark.parametrize("view,selector", [("timeline", "#timeline circle"), ("map", "#map .place-dot"),
                                           ("actors", "#actor-network .node"), ("sources", "#source-graph .source-node")])
def test_charts_draw(page, server, view, selector):
    base, _ = server
    open_view(page, f"{base}/#/{view}")
    assert page.locator(selector).count() >= 2
    shot(page, view)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
