"""``GET /api/sources``: the source graph — which outlets, reports and sources the selected events rest on.

Four layers, from who published to what is claimed: outlets (who published an article), reports (a copy
family: one report and the wire copies other outlets ran of it), the sources a report credits (named or
anonymous) and the events, by CAMEO code. An edge ``A → B`` means A relays B: an outlet relays the reports
it published, a report the sources it cites, a source the source it rests on (``Attribution.parent``); the
last edges go from each source, or from the report itself for an event it tells in its own voice, to the
events' codes. Node weights count the events resting on them.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query, Request, Response

from isnad.api.context import kept_answer, open_request_store
from isnad.api.events import event_filter
from isnad.store import EventFilter
from isnad.store.sources import SourceArticle, SourceRow, source_articles
from isnad.text.normalise import Normaliser

router = APIRouter(tags=["sources"])

UNNAMED = {"anonymous", "qualified_anonymous", "report"}


def publisher(article: SourceArticle) -> str:
    """Who published an article, as the graph names it: its outlet, else its url's host, else "unknown outlet"."""
    if article.outlet:
        return article.outlet
    if article.url:
        return urlsplit(article.url).hostname or article.url
    return "unknown outlet"


def _source_node(a: SourceRow, publisher_name: str, fold: Callable[[str], str]) -> tuple[str, str]:
    """(key, label). A named source is one node across articles; unnamed ones ("مصادر", "تقرير") are not
    the same people in two outlets, so they are kept apart per outlet."""
    label = a.source if a.source is not None else a.source_type.replace("_", " ")
    if a.outlet:
        return f"outlet:{a.outlet}", label
    if a.source_type in UNNAMED:
        return f"source:{a.source_type}:{fold(label)}@{publisher_name}", label
    return f"source:{a.source_type}:{fold(label)}", label


def source_graph(articles: list[SourceArticle], normaliser: Normaliser,
                 label: Callable[[str], str] = str) -> dict[str, Any]:
    """Outlets, reports, sources and event codes as nodes, "relays" links as edges, each node with its number
    of events; named sources are one node across articles (their names folded by ``normaliser``); ``label``
    names an event code."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: Counter[tuple[str, str]] = Counter()

    def node(key: str, label: str, kind: str, source_type: str | None) -> str:
        nodes.setdefault(key, {"id": key, "label": label, "kind": kind, "type": source_type, "events": 0,
                               "outlet": key[len("outlet:"):] if key.startswith("outlet:") else None})
        return key

    for article in articles:
        name = publisher(article)
        top = node(f"outlet:{name}", name, "outlet", "named_outlet")
        report = node(f"report:{article.family}", article.title or "report", "report", None)
        nodes[report].setdefault("articles", 0)
        nodes[report]["articles"] += 1
        edges[(top, report)] += 1
        by_id = {a.id: a for a in article.attributions}
        keys: dict[str, str] = {}
        for a in article.attributions:
            key, text = _source_node(a, name, normaliser.fold)
            kind = "outlet" if a.outlet or a.source_type == "named_outlet" else "source"
            keys[a.id] = node(key, text, kind, a.source_type)
        for a in article.attributions:
            parent = keys.get(a.parent) if a.parent in by_id else report
            if parent and parent != keys[a.id]:
                edges[(parent, keys[a.id])] += 1
        nodes[top]["events"] += len(article.events)
        nodes[report]["events"] += len(article.events)
        for code, ids in article.events:
            event = node(f"event:{code}", f"{code} {label(code)}", "event", None)
            nodes[event]["events"] += 1
            for key in {keys[i] for i in ids if i in keys} or {report}:
                if key != report:
                    nodes[key]["events"] += 1
                edges[(key, event)] += 1
    return {
        "documents": len(articles),
        "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
        "edges": [{"source": s, "target": t, "count": c} for (s, t), c in sorted(edges.items())],
    }


@router.get("/api/sources", summary="Source graph of the selected events' articles", response_class=Response,
            responses={200: {"description": "documents, nodes (outlets, reports, sources and event codes with "
                                            "their events) and edges (who relays whom)", "content": {"application/json": {"schema": {"type": "object"}}}}})
def sources(
    request: Request,
    filters: Annotated[EventFilter, Depends(event_filter)],
    documents: Annotated[int, Query(ge=1, le=100, description="at most this many articles, newest first")] = 40,
) -> Response:
    """The source graph of the articles of the newest matching events (at most ``documents``): outlets,
    reports, sources and event codes, each with an edge to what it relays."""
    with open_request_store(request) as store:
        return kept_answer(request, store,
                           lambda: source_graph(source_articles(store, filters, documents), store.terms.normaliser,
                                                lambda code: _cameo_label(store, code)))


def _cameo_label(store: Any, code: str) -> str:
    try:
        return store.resources.ontology.cameo(code).label
    except KeyError:  # a code of a newer ontology than this one
        return ""
