"""What a store keeps for the dashboard (migration 7): the attributions' order, what each event rests on,
each article's events per PLOVER type, and the write generation that kept answers follow; on SQLite and on
a real PostgreSQL."""
from __future__ import annotations

from collections import Counter

import pytest

from isnad.document import Document
from isnad.store import EventFilter, open_store
from isnad.store.aggregates import day_counts
from test_store import (  # noqa: F401 (fixtures)
    event, filled, gsr_sentences, pg_database, pg_server, protest_document, reference_document, store, store_url,
)


def dashboard_rows(s) -> tuple[list[tuple], ...]:
    """What a store keeps for the dashboard: the attributions' order, what each event rests on, and each
    article's events per PLOVER type by its publication date."""
    return (sorted(s.query("SELECT doc, seq, id FROM attributions")),
            sorted(s.query("SELECT doc, seq, attribution FROM event_attributions")),
            sorted(s.query("SELECT doc, plover, published, events FROM document_types")))


def rows_of(docs: list[Document]) -> tuple[list[tuple], ...]:
    """The same, read off the documents themselves."""
    types = [(d.hash, t, d.published, n) for d in docs
             for t, n in Counter((e.plover.type if e.plover else None) or "" for e in d.events).items()]
    return (sorted((d.hash, i, a.id) for d in docs for i, a in enumerate(d.attributions)),
            sorted((d.hash, i, a) for d in docs for i, e in enumerate(d.events) for a in set(e.attributions)),
            sorted(types))


def test_the_dashboards_rows_are_written_and_filled_in_for_older_stores(store_url, reference_doc, reference_text,
                                                                         shared_data, monkeypatch):
    from isnad.store.base import migrations

    backend = "sqlite" if "://" not in store_url else "postgres"
    steps = migrations(backend)
    before = next(i for i, (_, sql) in enumerate(steps) if "CREATE TABLE event_attributions" in sql)
    monkeypatch.setattr(f"isnad.store.{backend}.migrations", lambda _: steps[:before])
    older = [reference_doc, protest_document(shared_data)]
    with open_store(store_url) as s:  # a store of the schema before them
        s.add_many(older)
        assert not s.summaries_on and s.generation() is None
    monkeypatch.undo()
    with open_store(store_url) as s:
        assert s.summaries_on
        assert dashboard_rows(s) == rows_of(older)  # filled in from what was stored
        assert rows_of(older)[1], "the reference article's events rest on attributions"
        newer = reference_document(reference_text)  # the same text as the analysed one: replaces it
        s.add(newer)
        assert dashboard_rows(s) == rows_of([newer, older[1]])


def test_every_write_changes_the_generation(store_url, reference_text, shared_data):
    with open_store(store_url) as writer, open_store(store_url) as reader:
        seen = [reader.generation()]
        writer.add(reference_document(reference_text))
        seen.append(reader.generation())
        writer.add_many([protest_document(shared_data), reference_document(reference_text, pipeline="test 2")])
        seen.append(reader.generation())
        with pytest.raises(ZeroDivisionError), writer._writing():  # a failed write changes nothing
            1 / 0
        seen.append(reader.generation())
    assert seen[0] < seen[1] < seen[2] == seen[3]


def test_the_timeline_by_publication_date_counts_every_event(filled, shared_data):
    undated = Document(text=gsr_sentences(shared_data, "assault")[0], pipeline="test 1")  # no publication date
    undated.events = [event(undated, 0, undated.text.split()[0], "190", "ASSAULT", -10.0, 4, None)]
    filled.add(undated)
    events = filled.events(EventFilter(), limit=1000)
    by_type = Counter((e["published"], e["plover"]["type"] or "") for e in events if e["published"])
    assert sorted(tuple(b) for b in day_counts(filled, EventFilter(), "published")["bars"]) == \
        sorted((d, t, n) for (d, t), n in by_type.items())
    # the same counts as a filter matching every event, read from the events themselves
    everything = EventFilter(since="0001-01-01")
    assert day_counts(filled, everything, "published")["bars"] == day_counts(filled, EventFilter(), "published")["bars"]
