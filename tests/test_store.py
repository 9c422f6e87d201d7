"""The event store on SQLite and PostgreSQL: the same tests, the same answers.

Documents are real text (the reference article, sentences of the event gold standard) carrying events
built by hand from a reading of the text, so every filter is tested whatever the event coder finds.
"""
from __future__ import annotations

import csv
import os
import socket
import subprocess
import threading
import uuid
from pathlib import Path

import pytest

from isnad.resources import Resources
from isnad.document import Actor, Cameo, Document, Event, EventActor, EventPlace, Plover, Span, TimeSpan
from isnad.store import EventFilter, open_store

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = "2026-01-20"


# --- PostgreSQL server and databases -------------------------------------------------------------------
@pytest.fixture(scope="session")
def pg_server():
    """URL of a PostgreSQL server: $ISNAD_TEST_PG, else one started by scripts/ci-services.sh for this
    session alone (its own folder and free port, so sessions run side by side) and stopped at its end."""
    url = os.environ.get("ISNAD_TEST_PG")
    if url:
        yield url
        return
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PGTEST_PORT=str(port))
    env.pop("PGTEST_DIR", None)
    script = str(ROOT / "scripts" / "ci-services.sh")
    run = subprocess.run(["bash", script], capture_output=True, text=True, env=env)
    found = dict(line[len("export "):].split("=", 1) for line in run.stdout.splitlines() if line.startswith("export "))
    if "ISNAD_TEST_PG" not in found:
        pytest.fail(f"PostgreSQL could not be started for the tests (scripts/ci-services.sh):\n{run.stderr[-2000:]}")
    try:
        yield found["ISNAD_TEST_PG"]
    finally:
        if "ISNAD_TEST_PG_DIR" in found:
            subprocess.run(["bash", script, "stop", found["ISNAD_TEST_PG_DIR"]], capture_output=True)


@pytest.fixture(scope="session")
def pg_database(pg_server: str):
    """A database of its own for this test session, dropped at the end."""
    import psycopg

    name = f"isnad_t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield pg_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def fresh_pg(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return url


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    return fresh_pg(request.getfixturevalue("pg_database"))


@pytest.fixture
def store(store_url):
    with open_store(store_url) as s:
        yield s


# --- documents with hand-coded events -----------------------------------------------------------------
def gsr_sentences(shared_data: Path, kind: str, label: str | None = "yes") -> list[str]:
    """Sentences of the event gold standard with this label (None: all of them)."""
    with open(shared_data / "event_gsr" / f"{kind}_gsr.csv", encoding="utf-8") as fh:
        return [r["text"].strip() for r in csv.DictReader(fh) if label in (None, r["label"]) and r["text"].strip()]


def gsr_articles(shared_data: Path, per_article: int = 3, limit: int | None = None,
                 label: str | None = "yes") -> list[str]:
    """Event gold-standard sentences regrouped into small articles."""
    sentences = gsr_sentences(shared_data, "protest", label) + gsr_sentences(shared_data, "assault", label)
    articles = ["\n".join(sentences[i:i + per_article]) for i in range(0, len(sentences), per_article)]
    return articles[:limit] if limit else articles


def event(doc: Document, i: int, word: str, code: str, plover: str, goldstein: float, quad: int,
          source: Actor | None, target: Actor | None = None, place: dict | None = None,
          time: dict | None = None, modality: str = "asserted") -> Event:
    start = doc.text.index(word)
    when = None
    if time:  # the words of the time expression, found in the text like the trigger
        words = time.pop("words")
        at = doc.text.index(words)
        when = TimeSpan(at, at + len(words), words, **time)
    return Event(
        id=f"e{i}", trigger=Span(start, start + len(word), word),
        cameo=Cameo(code, plover.title(), goldstein, quad),
        plover=Plover(plover, None, []),
        source=EventActor(text=source.ar, actor=source) if source else None,
        target=EventActor(text=target.ar, actor=target) if target else None,
        place=EventPlace(**place) if place else None, time=when, modality=modality, sentence=0,
    )


IRNGOV = Actor(ar="دبلوماسي إيراني", en="Iranian diplomat", country="IRN", sectors=["GOV"], code="IRNGOV")
IRN = Actor(ar="إيران", en="Iran", country="IRN", code="IRN")
CHEGOV = Actor(ar="سويسرا", en="Switzerland", country="CHE", sectors=["GOV"], code="CHEGOV")
ISRCVL = Actor(ar="الاسرائيليين", en="Israelis", country="ISR", sectors=["CVL"], code="ISRCVL")
GENEVA = {"text": "جنيف", "ar": "جنيف", "en": "Geneva", "country": "CHE", "lat": 46.20222, "lon": 6.14569,
          "precision": "city", "kind": "city", "geonames_id": 2660646}
TEHRAN = {"text": "طهران", "ar": "طهران", "en": "Tehran", "country": "IRN", "lat": 35.69439, "lon": 51.42151,
          "precision": "city", "kind": "city", "geonames_id": 112931}
TEL_AVIV = {"text": "تل ابيب", "ar": "تل ابيب", "en": "Tel Aviv", "country": "ISR", "lat": 32.08088, "lon": 34.78057,
            "precision": "city", "kind": "city", "geonames_id": 293397}


def reference_document(text: str, pipeline: str = "test 1") -> Document:
    """The reference article with four of its events, coded by reading it."""
    doc = Document(text=text, title="انشقاق دبلوماسي إيراني في جنيف", published=PUBLISHED, pipeline=pipeline,
                   url="https://example.org/geneva")
    doc.events = [
        event(doc, 0, "انشق وتقدم", "120", "REJECT", -4.0, 3, IRNGOV, IRN, GENEVA, modality="reported"),
        event(doc, 1, "بطلب لجوء", "0233", "REQUEST", -2.0, 3, IRNGOV, CHEGOV, GENEVA, modality="reported"),
        event(doc, 2, "الاحتجاجات", "141", "PROTEST", -6.5, 3, None, IRN, None,
              time={"words": "أواخر ديسمبر", "interval_start": "2025-12-21", "interval_end": "2026-01-20", "granularity": "vague"}),
        event(doc, 3, "حملة القمع", "175", "ASSAULT", -9.0, 4, IRN, None, TEHRAN,
              time={"words": "عام 2009", "interval_start": "2009-01-01", "interval_end": "2009-12-31", "granularity": "year"},
              modality="historical"),
    ]
    return doc


def protest_document(shared_data: Path) -> Document:
    """A gold-standard protest sentence (Israelis demonstrating in Tel Aviv)."""
    text = next(s for s in gsr_sentences(shared_data, "protest") if "تل ابيب" in s and "تظاهر" in s)
    doc = Document(text=text, published="2010-01-03", pipeline="test 1", title="تظاهرة في تل ابيب")
    doc.events = [event(doc, 0, "تظاهر", "141", "PROTEST", -6.5, 3, ISRCVL, None, TEL_AVIV)]
    return doc


@pytest.fixture
def filled(store, reference_text, shared_data):
    store.add(reference_document(reference_text))
    store.add(protest_document(shared_data))
    return store


# --- tests -----------------------------------------------------------------------------------------------
def test_add_is_idempotent_and_replaces_on_a_new_pipeline(store, reference_text):
    assert store.add(reference_document(reference_text)) == "added"
    assert store.add(reference_document(reference_text)) == "unchanged"
    assert store.count_events(EventFilter()) == 4
    newer = reference_document(reference_text, pipeline="test 2")
    newer.events = newer.events[:2]
    assert store.add(newer) == "replaced"
    assert store.stats()["documents"] == 1
    assert store.count_events(EventFilter()) == 2  # the old records went with the old version
    assert store.has(newer.hash) and store.has(newer.hash, "test 2") and not store.has(newer.hash, "test 1")


def test_document_round_trip_by_id_and_hash(filled, reference_text):
    doc = reference_document(reference_text)
    from isnad.store.base import prepare

    prepare(doc, Resources().normaliser)
    back = filled.document(doc.hash)
    assert back is not None and back.text == reference_text
    assert [e.cameo.code for e in back.events] == ["120", "0233", "141", "175"]
    assert back.events[0].trigger.text == "انشق وتقدم"
    assert back.events[0].place.en == "Geneva"
    assert filled.document(doc.id).hash == doc.hash
    assert filled.document("no-such-document") is None


def test_event_filters(filled):
    codes = lambda f, **kw: [e["cameo"]["code"] for e in filled.events(f, **kw)]  # noqa: E731
    # newest first by start date: the events of the publication day, the protests since late December,
    # Tel Aviv 2010 (its published date), the 2009 crackdown
    assert codes(EventFilter()) == ["120", "0233", "141", "141", "175"]
    assert set(codes(EventFilter(actor="IRN"))) == {"120", "0233", "141", "175"}
    assert codes(EventFilter(actor="CHE")) == ["0233"]  # Switzerland as target
    assert codes(EventFilter(actor="IRNGOV")) == ["120", "0233"]
    assert codes(EventFilter(cameo="14")) == ["141", "141"]
    assert codes(EventFilter(plover="protest", place="ISR")) == ["141"]
    assert codes(EventFilter(place="CHE")) == ["120", "0233"]
    assert codes(EventFilter(modality="historical")) == ["175"]
    assert codes(EventFilter(since="2009-06-01", until="2009-06-30")) == ["175"]  # inside the year 2009
    assert codes(EventFilter(since="2025-12-25", until="2026-01-01")) == ["141"]  # the ongoing protests
    assert codes(EventFilter(until="2010-12-31")) == ["141", "175"]  # Tel Aviv by its published date
    assert codes(EventFilter(text="لجوء")) == ["120", "0233", "141", "175"]
    assert codes(EventFilter(), limit=2, offset=1) == ["0233", "141"]
    assert filled.count_events(EventFilter(actor="IRN", cameo="1")) == 3
    first = filled.events(EventFilter(place="ISR"))[0]
    assert first["document_title"] == "تظاهرة في تل ابيب" and first["published"] == "2010-01-03"
    assert first["source"]["actor"]["code"] == "ISRCVL" and first["trigger"]["text"] == "تظاهر"


@pytest.mark.parametrize("query", ["لجوء", "اللُّجوءُ", "اللجوء", "لجوئهم", "إنشقاق", "حكومه طهران", "الإيرانيه"])
def test_search_matches_variants(filled, query):
    hits = filled.search(query)
    assert [h["title"] for h in hits] == ["انشقاق دبلوماسي إيراني في جنيف"] or query == "لجوئهم"
    if query != "لجوئهم":
        assert len(hits[0]["events"]) == 4 and hits[0]["snippet"]


def test_search_finds_attached_clitics_and_suffixes(store, shared_data):
    # a real gold-standard sentence with لجوئهم, and one in the reference article's words with ولجوئه
    texts = [s for kind in ("protest", "assault") for s in gsr_sentences(shared_data, kind, None) if "لجوئهم" in s]
    assert texts, "the gold standard has a sentence with لجوئهم"
    store.add(Document(text=texts[0], title="لجوئهم"))
    store.add(Document(text="وأشار التقرير إلى انشقاق الدبلوماسي ولجوئه إلى سويسرا.", title="ولجوئه"))
    store.add(Document(text="وقدم طلب اللجوء لنفسه ولأسرته.", title="اللجوء"))
    store.add(Document(text="ويتولى منصب نائب الممثل الدائم لإيران لدى المقر الأوروبي.", title="none"))
    assert sorted(h["title"] for h in store.search("لجوء")) == ["اللجوء", "لجوئهم", "ولجوئه"]
    assert [h["title"] for h in store.search("سويسرا انشقاق")] == ["ولجوئه"]
    assert [h["title"] for h in store.search("ايران")] == ["none"]  # لإيران: ل + إيران
    assert store.search("   ") == [] and store.search("برلين") == []
    snippets = {h["title"]: h["snippet"] for h in store.search("لجوء")}
    assert "ولجوئه" in snippets["ولجوئه"] and "لجوئهم" in snippets["لجوئهم"]


def test_actors_places_and_stats(filled):
    actors = {a["code"]: a for a in filled.actors()}
    assert actors["IRN"]["events"] == 3  # target of 120 and 141, source of 175
    assert actors["IRNGOV"]["events"] == 2 and actors["IRNGOV"]["country"] == "IRN"
    assert filled.actors(limit=1)[0]["code"] == "IRN"
    places = {p["en"]: p for p in filled.places()}
    assert places["Geneva"]["events"] == 2 and places["Geneva"]["country"] == "CHE"
    assert places["Tel Aviv"]["lat"] == pytest.approx(32.08088)
    stats = filled.stats()
    assert stats["documents"] == 2 and stats["events"] == 5
    assert stats["by_plover"]["PROTEST"] == 2 and stats["by_plover"]["ASSAULT"] == 1


def test_schema_version_and_reopen(store_url, reference_text):
    with open_store(store_url) as s:
        s.add(reference_document(reference_text))
        version = s.version
    assert version >= 1
    with open_store(store_url) as s:  # opening again applies nothing twice and keeps the data
        assert s.version == version and s.count_events(EventFilter()) == 4


def test_concurrent_read_while_writing(store_url, shared_data):
    """A reader sees committed batches while a writer keeps adding (WAL on SQLite, MVCC on PostgreSQL)."""
    articles = gsr_articles(shared_data, limit=120)
    seen: list[int] = []
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with open_store(store_url) as w:
                for i in range(0, len(articles), 10):
                    w.add_many(Document(text=t, pipeline="test 1") for t in articles[i:i + 10])
        except BaseException as e:  # noqa: BLE001 - reported by the test
            errors.append(e)

    with open_store(store_url) as reader:
        writer = threading.Thread(target=write)
        writer.start()
        while writer.is_alive():
            seen.append(reader.stats()["documents"])
        writer.join()
        seen.append(reader.stats()["documents"])
    assert not errors
    assert seen[-1] == len(articles)
    assert all(n % 10 == 0 or n == len(articles) for n in seen)  # only whole batches are ever visible
    assert seen == sorted(seen)


def test_postgres_gives_the_same_answers_as_sqlite(tmp_path, pg_database, reference_text, shared_data, pipeline):
    from isnad.api.sources import source_graph
    from isnad.store.aggregates import day_counts, place_counts
    from isnad.store.sources import source_articles

    # the article's second half, analysed: real attributions and the events resting on them
    analysed = pipeline(reference_text[reference_text.index("وأشار التقرير"):], published="2026-01-21", outlet="example")
    answers = []
    for url in (str(tmp_path / "parity.db"), fresh_pg(pg_database)):
        with open_store(url) as s:
            s.add(reference_document(reference_text))
            s.add(protest_document(shared_data))
            s.add(analysed)
            s.add_many(Document(text=t, pipeline="test 1", published="2011-02-0" + str(1 + i % 9))
                       for i, t in enumerate(gsr_articles(shared_data, limit=30)))
            answers.append((
                [(e["document_id"], e["id"]) for e in s.events(EventFilter())],
                [(e["document_id"], e["id"]) for e in s.events(EventFilter(actor="IRN", since="2025-01-01"))],
                s.count_events(EventFilter(cameo="1")),
                [h["document_id"] for h in s.search("مظاهرات")],
                [h["document_id"] for h in s.search("لجوء")],
                [(h["document_id"], h["snippet"]) for h in s.search("الشرطة")],
                s.actors(), s.places(), {k: v for k, v in s.stats().items() if k != "backend"},
                [day_counts(s, f, by) for f in (EventFilter(), EventFilter(actor="IRN")) for by in ("event", "published")],
                place_counts(s, EventFilter()),
                source_graph(source_articles(s, EventFilter(), 10), s.terms.normaliser),
            ))
    assert answers[0] == answers[1]
    assert answers[0][3], "the gold-standard protest sentences mention مظاهرات"
    assert any(n["kind"] == "source" and n["events"] for n in answers[0][-1]["nodes"]), "events rest on sources"


def test_open_store_urls(tmp_path, monkeypatch):
    with open_store(f"sqlite:///{tmp_path}/a.db") as s:
        assert s.backend == "sqlite" and s.path == tmp_path / "a.db"
    monkeypatch.setenv("ISNAD_DB", str(tmp_path / "env.db"))
    with open_store() as s:
        assert s.path == tmp_path / "env.db"
    monkeypatch.delenv("ISNAD_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with open_store() as s:
        assert s.path == tmp_path / "xdg" / "isnad" / "isnad.db"


def test_migrations_are_applied_in_order_once(store_url, reference_text, monkeypatch):
    from isnad.store import Store
    from isnad.store.base import migrations

    with open_store(store_url) as s:
        assert isinstance(s, Store)
        s.add(reference_document(reference_text))
        backend = s.backend
    steps = migrations(backend)
    assert [n for n, _ in steps] == list(range(1, len(steps) + 1))
    later = steps + ((len(steps) + 1, "CREATE TABLE notes (doc TEXT, note TEXT);\nINSERT INTO notes VALUES ('a', 'b');"),)
    monkeypatch.setattr(f"isnad.store.{backend}.migrations", lambda _: later)
    for _ in range(2):  # the new step runs on the first opening only
        with open_store(store_url) as s:
            assert s.version == len(later)
            assert s.query("SELECT COUNT(*) FROM notes")[0][0] == 1
            assert s.count_events(EventFilter()) == 4  # the data is kept


def test_an_analysed_article_is_stored_whole(store, reference_doc):
    """What the pipeline found in the reference article comes back unchanged, and its events are queryable."""
    assert store.add(reference_doc) == "added"
    back = store.document(reference_doc.id)
    assert back.to_dict() == reference_doc.to_dict()
    assert store.count_events(EventFilter()) == len(reference_doc.events)
    assert store.count_events(EventFilter(document=reference_doc.hash)) == len(reference_doc.events)
    stored = store.stats()["mentions"]
    assert stored == len(reference_doc.mentions)
    for ev in reference_doc.events:  # every event can be found again by its own actor and place
        actor = (ev.source.actor if ev.source and ev.source.actor else None)
        if actor and actor.country:
            found = store.events(EventFilter(actor=actor.country, document=reference_doc.id), limit=1000)
            assert ev.id in {e["id"] for e in found}
        if ev.place and ev.place.country:
            found = store.events(EventFilter(place=ev.place.country, document=reference_doc.id), limit=1000)
            assert ev.id in {e["id"] for e in found}


def test_a_store_of_the_first_schema_is_upgraded_with_its_data(store_url, reference_text, shared_data,
                                                               monkeypatch):
    from isnad.store.base import migrations

    backend = "sqlite" if "://" not in store_url else "postgres"
    steps = migrations(backend)
    monkeypatch.setattr(f"isnad.store.{backend}.migrations", lambda _: steps[:1])
    with open_store(store_url) as s:
        s.add(reference_document(reference_text))
        s.add(protest_document(shared_data))
        assert s.version == 1
    monkeypatch.undo()
    with open_store(store_url) as s:
        assert s.version == len(steps) > 1
        assert [e["cameo"]["code"] for e in s.events(EventFilter())] == ["120", "0233", "141", "141", "175"]
        assert [e["cameo"]["code"] for e in s.events(EventFilter(actor="IRN", since="2026-01-01"))] == ["120", "0233", "141"]
        # the full-text filter finds the events stored before the upgrade (on SQLite, by their document's row)
        assert [e["cameo"]["code"] for e in s.events(EventFilter(text="لجوء"))] == ["120", "0233", "141", "175"]
        s.add(reference_document(reference_text, pipeline="test 2"))  # replacing works on the new table
        assert s.count_events(EventFilter()) == 5
        assert [e["cameo"]["code"] for e in s.events(EventFilter(text="لجوء"))] == ["120", "0233", "141", "175"]


def test_counts_stop_at_their_cap(filled):
    assert filled.count_events(EventFilter()) == 5
    assert filled.count_events(EventFilter(), cap=3) == 3
    assert filled.count_events(EventFilter(actor="IRN"), cap=10) == 4  # under the cap: exact
    assert filled.count_events(EventFilter(place="ISR"), cap=1) == 1


def test_a_page_of_json_is_the_page_of_events(filled):
    """events_page writes each event's stored JSON as it is, with the keys of its document added: the
    same objects as Store.events, and a total that says when counting stopped early."""
    import json

    for f in (EventFilter(), EventFilter(actor="IRN"), EventFilter(text="لجوء"), EventFilter(place="ISR")):
        page = filled.events_page(f, limit=100)
        assert page.exact and page.total == filled.count_events(f)
        assert [json.loads(item) for item in page.items] == filled.events(f)
    capped = filled.events_page(EventFilter(), limit=2, count_cap=3)
    assert (capped.total, capped.exact) == (3, False)  # 5 match: "more than 3"
    assert [json.loads(i)["cameo"]["code"] for i in capped.items] == ["120", "0233"]
    whole = json.loads(capped.json(limit=2, offset=0))
    assert whole == {"total": 3, "total_exact": False, "limit": 2, "offset": 0,
                     "items": filled.events(EventFilter(), limit=2)}
    # the count reaches at least the end of the page, so a full page always tells whether more follow
    deep = filled.events_page(EventFilter(), limit=2, offset=2, count_cap=1)
    assert (deep.total, deep.exact) == (4, False) and len(deep.items) == 2
    last = filled.events_page(EventFilter(), limit=2, offset=4, count_cap=1)
    assert (last.total, last.exact) == (5, True) and len(last.items) == 1
    exact = filled.events_page(EventFilter(), limit=1, count_cap=None)
    assert (exact.total, exact.exact, len(exact.items)) == (5, True, 1)
    nothing = filled.events_page(EventFilter(actor="BRA"))
    assert (nothing.total, nothing.exact, nothing.items) == (0, True, [])
    assert json.loads(nothing.json(100, 0))["items"] == []


def test_every_query_plan_gives_the_same_pages(filled, monkeypatch):
    """Pages picked by walking the date order or by sorting the matches (SQLite chooses by how many match),
    and full-text filters that lead or only check, all give slices of the same ordered list."""
    import isnad.store.sqlite as sqlite_store

    plans: set[str] = set()
    if filled.backend == "sqlite":
        choose = sqlite_store.SQLiteStore.page_plan

        def recorded(self, *args):
            hint, order = choose(self, *args)
            plans.add("date order" if hint else "sorted" if "+" in order else "default")
            return hint, order

        monkeypatch.setattr(sqlite_store.SQLiteStore, "page_plan", recorded)
    filters = [EventFilter(), EventFilter(actor="IRN"), EventFilter(actor="IRN", place="CHE"), EventFilter(cameo="1"),
               EventFilter(text="لجوء"), EventFilter(text="لجوء", modality="reported"), EventFilter(until="2010-12-31")]
    for leads in (100, 0):  # 0: every full-text filter is checked on rows the other conditions bring
        monkeypatch.setattr(sqlite_store, "TEXT_LEADS", leads)
        for f in filters:
            whole = [(e["document_id"], e["id"]) for e in filled.events(f, limit=1000)]
            assert len(whole) == filled.count_events(f)
            for limit in (1, 2, 3):
                for offset in range(0, len(whole) + 1):
                    page = [(e["document_id"], e["id"]) for e in filled.events(f, limit=limit, offset=offset)]
                    assert page == whole[offset:offset + limit], (f, limit, offset)
    if filled.backend == "sqlite":
        assert {"date order", "sorted"} <= plans


def test_planner_statistics_follow_the_growth_of_the_events(tmp_path, reference_text, shared_data, monkeypatch):
    import isnad.store.sqlite as sqlite_store

    monkeypatch.setattr(sqlite_store, "STATISTICS_FROM", 2)

    def analysed_rows(s) -> int | None:
        row = s.query("SELECT stat FROM sqlite_stat1 WHERE tbl = 'events' LIMIT 1")
        return int(row[0][0].split()[0]) if row else None

    with open_store(str(tmp_path / "stats.db")) as s:
        s.add(protest_document(shared_data))  # one event: too few to analyse
        assert analysed_rows(s) is None
        s.add(reference_document(reference_text))  # five: analysed
        assert analysed_rows(s) == 5
        doc = reference_document(reference_text)
        doc.text, doc.hash, doc.id = doc.text + " (نسخة)", None, None  # another article, same events
        s.add(doc)  # nine events: not yet twice the analysed five
        assert analysed_rows(s) == 5
        doc = reference_document(reference_text)
        doc.text, doc.hash, doc.id = doc.text + " (نسخة ثانية)", None, None
        s.add(doc)  # thirteen: analysed again
        assert analysed_rows(s) == 13
