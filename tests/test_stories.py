"""The cross-article layer on real text: every article kept, copy families, event clusters, grades, and
where a user meets them (CLI, API, exports), on SQLite and PostgreSQL alike."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_store import fresh_pg, gsr_sentences, pg_database, pg_server  # noqa: F401 (fixtures)

from isnad.cli.main import cli
from isnad.document import Document
from isnad.stories.compare import compare
from isnad.stories.corroboration import Member, summary
from isnad.stories.fingerprint import containment, fingerprint, words
from isnad.store import EventFilter, open_store

PUBLISHED = "2026-01-20"


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "stories.db")
    return fresh_pg(request.getfixturevalue("pg_database"))


def article(pipeline, text: str, id: str, outlet: str, published: str = PUBLISHED) -> Document:
    return pipeline(Document(text=text, id=id, outlet=outlet, url=f"https://{outlet}.example/{id}", published=published))


def rewritten(text: str, every: int) -> str:
    """The text with one word in ``every`` replaced: the same frame with other names and figures."""
    out = text.split(" ")
    for i in range(3, len(out), every):
        out[i] = "فلان" if i % 2 else "٢٠"
    return " ".join(out)


def partial_copy(reference: str, other: str) -> str:
    """A new headline, the reference's first two paragraphs, then another story's text."""
    paragraphs = [p for p in reference.split("\n") if p.strip()]
    return "\n".join(["عنوان آخر للتقرير نفسه", *paragraphs[1:3], other])


def test_alignment_tells_copies_partial_copies_and_templates(reference_text, shared_data, resources):
    norm = resources.normaliser
    other = " ".join(gsr_sentences(shared_data, "protest")[:4])
    ref = words(reference_text, norm)
    assert compare(ref, words(reference_text.replace("أواخر", "اواخر"), norm)).relation == "copy"
    part = compare(ref, words(partial_copy(reference_text, other), norm))
    assert part.relation == "partial"
    assert part.passages and part.passages[0].words >= 40
    # the evidence points into both texts: the longest shared passage reads the same in each
    p = part.passages[0]
    copy_text = partial_copy(reference_text, other)
    assert norm.loose(reference_text[p.a[0]:p.a[1]]).split() == norm.loose(copy_text[p.b[0]:p.b[1]]).split()
    # the same frame with a name or figure swapped every few words is a template, not a copy
    assert compare(ref, words(rewritten(reference_text, 9), norm)).relation is None
    assert compare(ref, words(other, norm)).relation is None


def test_shared_lsh_keys_estimate_how_much_is_shared(reference_text, shared_data, resources):
    norm = resources.normaliser
    a = fingerprint(reference_text, norm)
    assert len(a.keys) == 64 and a.shingles > 100
    assert fingerprint(reference_text, norm) == a  # the same in every process: keys are stored
    other = " ".join(gsr_sentences(shared_data, "protest")[:4])
    b = fingerprint(partial_copy(reference_text, other), norm)
    c = fingerprint(other, norm)
    shared_b, shared_c = len(set(a.keys) & set(b.keys)), len(set(a.keys) & set(c.keys))
    assert shared_b >= 2 and shared_c < 2
    assert containment(shared_b, a.shingles, b.shingles) > 0.1


def test_every_article_is_kept_and_copies_form_one_family(store_url, pipeline, reference_text, shared_data):
    other = " ".join(gsr_sentences(shared_data, "protest")[:4])
    docs = [
        article(pipeline, reference_text, "a1", "okaz"),
        article(pipeline, reference_text, "a2", "sabq"),  # the same text from another outlet
        article(pipeline, partial_copy(reference_text, other), "a3", "alriyadh", "2026-01-21"),
        article(pipeline, " ".join(gsr_sentences(shared_data, "protest")[4:8]), "a4", "alyaum"),  # another story
    ]
    with open_store(store_url) as store:
        for d in docs:
            store.add(d)
        assert store.add(docs[1]) == "unchanged"  # idempotent
        q = store.query
        assert q("SELECT COUNT(*) FROM documents")[0][0] == 3  # one analysis per text
        rows = dict(q("SELECT a.id, d.family FROM articles a JOIN documents d ON d.hash = a.doc"))
        assert sorted(rows) == ["a1", "a2", "a3", "a4"]  # the second outlet's article is not lost
        assert rows["a1"] == rows["a2"] == rows["a3"] != rows["a4"]
        links = q("SELECT relation, shared, passages FROM doc_links")
        assert [r[0] for r in links] == ["partial"] and links[0][1] >= 40
        # the reference's defection event: one story of three articles, two outlets... and one origin
        ev = next(e for e in store.events(EventFilter(document="a1")) if e["cameo"]["code"].startswith("12"))
        story = store.story(ev["story"]["id"])
        assert {m["article"] for m in story["members"]} >= {"a1", "a2", "a3"}
        assert story["articles"] >= 3 and story["outlets"] >= 3
        assert story["origins"] == 1  # copies of one report count once
        assert story["grade"] >= 3 and any("copies" in r for r in story["reasons"])
        assert story["copies"] and story["copies"][0]["passages"]


@pytest.mark.parametrize("first", [0, 1])
def test_the_family_of_the_first_text_written_absorbs_the_later_one(store_url, pipeline, reference_text, shared_data,
                                                                     first):
    """Two texts, each with half of the reference, are apart until the whole reference links them: the
    merged family is that of the text written first, whichever hash is smaller and however fast the
    writes come (all three within one second, as in one batch)."""
    paragraphs = [p for p in reference_text.split("\n") if p.strip()]
    protest = gsr_sentences(shared_data, "protest")
    halves = [article(pipeline, "\n".join([*paragraphs[1:5], " ".join(protest[:4])]), "h1", "okaz"),
              article(pipeline, "\n".join([*paragraphs[6:10], " ".join(protest[4:8])]), "h2", "sabq")]
    written = [halves[first], halves[1 - first], article(pipeline, reference_text, "whole", "alyaum")]
    with open_store(store_url) as store:
        for d in written:
            store.add(d)
        family = dict(store.query("SELECT a.id, d.family FROM articles a JOIN documents d ON d.hash = a.doc"))
        first_hash = store.query("SELECT hash FROM documents WHERE id = 'h1' OR id = 'h2' ORDER BY rowid LIMIT 1")[0][0]
    assert family[written[0].id] == family[written[1].id] == family["whole"] == first_hash


def test_independent_reports_corroborate_and_denials_contradict():
    def m(article: str, family: str | None, credit: str | None = None, modality: str = "asserted") -> Member:
        return Member("d" + article, 0, article, "o" + article, "2015-07-21", family, credit, modality, 3)

    assert summary([m("1", "f1"), m("2", "f1")])["grade"] == 3  # one family: one origin
    assert summary([m("1", "f1", "spa"), m("2", "f2", "spa")])["origins"] == 1  # two families on one agency
    two = summary([m("1", "f1"), m("2", "f2")])
    assert (two["origins"], two["grade"]) == (2, 2)
    assert summary([m("1", "f1"), m("2", "f2"), m("3", None)])["grade"] == 1
    denied = summary([m("1", "f1"), m("2", "f2", modality="negated")])
    assert denied["grade"] == 5 and not denied["agree"]
    assert summary([m("1", "f1"), m("3", "f3"), m("2", "f2", modality="negated")])["grade"] == 4

    def toll(article: str, family: str, killed: int | None) -> Member:
        return Member("d" + article, 0, article, "o" + article, "2015-07-26", family, None, "asserted", 3, killed)

    differ = summary([toll("1", "f1", 8), toll("2", "f2", 8), toll("3", "f3", 12), toll("4", "f4", None)])
    assert differ["tolls"] == {"8": 2, "12": 1} and differ["grade"] == 1
    assert any("disagree on the toll: 8 killed (2 origins), 12 killed (1 origin)" in r for r in differ["reasons"])
    same = summary([toll("1", "f1", 8), toll("2", "f1", 8)])  # one family: one origin, one toll
    assert same["tolls"] == {"8": 1} and not any("toll" in r for r in same["reasons"])


def test_stories_commands_api_and_exports(tmp_path, pipeline, reference_text, shared_data):
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        store.add(article(pipeline, reference_text, "a1", "okaz"))
        store.add(article(pipeline, reference_text, "a2", "sabq"))
    runner = CliRunner()
    out = runner.invoke(cli, ["stories", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    items = json.loads(out.output)
    assert items and all(s["articles"] == 2 for s in items)
    shown = runner.invoke(cli, ["story", items[0]["id"], "--db", db])
    assert shown.exit_code == 0 and "a1" in shown.output and "a2" in shown.output and "grade" in shown.output
    missing = runner.invoke(cli, ["story", "st-nothing", "--db", db])
    assert missing.exit_code == 1 and "no story" in missing.output
    assert runner.invoke(cli, ["stories", "--db", str(tmp_path / "typo.db")]).exit_code != 0
    # exports carry the story: GDELT counts its mentions, outlets and articles
    gdelt = tmp_path / "g.csv"
    assert runner.invoke(cli, ["export", "--db", db, "--format", "gdelt", "-o", str(gdelt)]).exit_code == 0
    from isnad.export.gdelt import layout

    header = layout()[0]
    rows = [line.split("\t") for line in gdelt.read_text(encoding="utf-8").splitlines()]
    assert {r[header.index("NumArticles")] for r in rows} == {"2"}
    assert {r[header.index("NumSources")] for r in rows} == {"2"}

    from fastapi.testclient import TestClient

    from isnad.api import create_app

    client = TestClient(create_app(db))
    page = client.get("/api/stories").json()
    assert page["total"] == len(items) and page["items"][0]["id"] == items[0]["id"]
    assert client.get(f"/api/stories/{items[0]['id']}").json()["members"]
    assert client.get("/api/stories/none").status_code == 404
    assert client.get("/api/stories?grade=9").status_code == 422
    ev = client.get("/api/events").json()["items"][0]
    assert ev["story"]["articles"] == 2


def test_ingest_keeps_copies_met_in_one_run(tmp_path, reference_text):
    from isnad.ingest.runner import ingest

    docs = [Document(text=reference_text, id=f"r{i}", outlet=o, published=PUBLISHED)
            for i, o in enumerate(["okaz", "sabq", "alweeam"])]
    with open_store(str(tmp_path / "i.db")) as store:
        report = ingest(docs, store, jobs=1, progress=False)
        assert (report.added, report.unchanged) == (1, 2)
        assert store.query("SELECT COUNT(*) FROM articles")[0][0] == 3
        again = ingest(docs, store, jobs=1, progress=False)
        assert again.added == 0 and store.query("SELECT COUNT(*) FROM articles")[0][0] == 3
        assert {s["articles"] for s in store.stories(min_articles=1)} == {3}
