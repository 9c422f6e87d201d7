"""What the source graph reads of the selected events' articles, from narrow rows: each article's publisher,
title and copy family, its attributions in order and, for each of its events, its CAMEO code and the
attributions it rests on (no article or event is decoded).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from isnad.document import Document
from isnad.store.base import EventFilter


@dataclass(slots=True)
class SourceRow:
    """One attribution of an article: who is credited, of which kind, and what it rests on."""

    id: str
    source: str | None  # the words naming the source, if any
    source_type: str
    outlet: str | None  # registry id when the source is a known outlet
    parent: str | None  # id of the attribution it rests on


@dataclass(slots=True)
class SourceArticle:
    """An article as the source graph sees it."""

    outlet: str | None
    url: str | None
    title: str | None
    family: str  # the copy family (the hash of its first text): wire copies of one report share it
    attributions: list[SourceRow]  # in the article's order
    events: list[tuple[str, list[str]]]  # for each event, its CAMEO code and the ids of the attributions it rests on

    @classmethod
    def of(cls, doc: Document, family: str | None = None) -> SourceArticle:
        """The same view of a whole Document (its own family unless ``family`` is given)."""
        rows = [SourceRow(a.id, a.source.text if a.source else None, a.source_type, a.outlet, a.parent)
                for a in doc.attributions]
        return cls(doc.outlet, doc.url, doc.title, family or doc.hash, rows,
                   [(e.cameo.code, list(e.attributions)) for e in doc.events])


def source_articles(store: Any, f: EventFilter, documents: int, events: int = 1000) -> list[SourceArticle]:
    """The articles of the newest ``events`` matching events, at most ``documents`` of them, newest first."""
    hashes = list(dict.fromkeys(store.event_documents(f, events)))[:documents]
    if not hashes:
        return []
    clause, params = store.in_list("hash", hashes)
    heads = {h: (outlet, url, title, family or h) for h, outlet, url, title, family in store.query(
        f"SELECT hash, outlet, url, title, family FROM documents WHERE {clause}", params)}
    clause, params = store.in_list("doc", hashes)
    attributions: dict[str, list[SourceRow]] = {}
    for doc, *row in store.query(f"SELECT doc, id, source, source_type, outlet, parent FROM attributions "
                                 f"WHERE {clause} ORDER BY doc, seq", params):
        attributions.setdefault(doc, []).append(SourceRow(*row))
    clause, params = store.in_list("e.doc", hashes)
    resting: dict[str, dict[int, tuple[str, list[str]]]] = {}
    for doc, seq, cameo, attribution in store.query(
            "SELECT e.doc, e.seq, e.cameo, a.attribution FROM events e LEFT JOIN event_attributions a "
            f"ON a.doc = e.doc AND a.seq = e.seq WHERE {clause} ORDER BY e.doc, e.seq", params):
        _, ids = resting.setdefault(doc, {}).setdefault(seq, (cameo, []))
        if attribution is not None:
            ids.append(attribution)
    return [SourceArticle(*heads[h], attributions.get(h, []), list(resting.get(h, {}).values()))
            for h in hashes if h in heads]
