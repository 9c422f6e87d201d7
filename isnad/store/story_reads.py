"""The stories a store gives back: event clusters across articles, the most reported first, and one cluster
with its members, the copy links between their texts and its representative event. Written once in SQL for
SQLite and PostgreSQL (:class:`isnad.store.sql.SQLStore` provides ``query``, ``ph`` and the JSON helpers)."""
from __future__ import annotations

from typing import Any

from isnad.stories.layer import STORY_COLUMNS, story_filter, story_row


class StoryReads:
    """The reads of the stories tables (clusters, cluster_events, doc_links)."""

    def stories(self, limit: int = 50, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        """Event clusters, the most reported first (filters: since, until, cameo, min_articles, grade)."""
        where, params = story_filter(self.ph, **filters)
        rows = self.query(
            f"SELECT {', '.join(STORY_COLUMNS)}, data FROM clusters{where} "
            f"ORDER BY articles DESC, origins DESC, first_report DESC, id LIMIT {self.ph} OFFSET {self.ph}",
            params + [int(limit), int(offset)])
        out = []
        for r in rows:
            story = story_row(r[:-1], self._json_dict(r[-1]))
            story["event"] = self._representative(story["representative"])
            out.append(story)
        return out

    def count_stories(self, **filters: Any) -> int:
        where, params = story_filter(self.ph, **filters)
        return int(self.query(f"SELECT COUNT(*) FROM clusters{where}", params)[0][0])

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One cluster with its members (event, article, outlet, family, origin), the copy links between
        their texts and the shared passages; None when there is no such cluster."""
        ph = self.ph
        rows = self.query(f"SELECT {', '.join(STORY_COLUMNS)}, data FROM clusters WHERE id = {ph}", (story_id,))
        if not rows:
            return None
        story = story_row(rows[0][:-1], self._json_dict(rows[0][-1]))
        members = self.layer.members(self.query, story_id)
        events = {}
        for doc, seq, data in self.query(
                f"SELECT e.doc, e.seq, {self.json_text('e.data')} FROM cluster_events ce JOIN events e "
                f"ON e.doc = ce.doc AND e.seq = ce.seq WHERE ce.cluster = {ph}", (story_id,)):
            events[(doc, seq)] = self.load_json(data)
        docs = sorted({m.doc for m in members})
        marks = ", ".join([ph] * len(docs))
        links = [
            {"a": a, "b": b, "relation": rel, "shared_words": shared, "coverage": cov,
             "passages": self.load_json(passages) if passages else []}
            for a, b, rel, shared, cov, passages in self.query(
                f"SELECT a, b, relation, shared, coverage, passages FROM doc_links WHERE a IN ({marks}) OR b IN ({marks})",
                docs + docs)
        ] if docs else []
        story["members"] = [
            {"article": m.article, "outlet": m.outlet, "published": m.published, "text": m.doc, "family": m.family,
             "origin": m.origin, "modality": m.modality, "event": events.get((m.doc, m.seq))}
            for m in sorted(members, key=lambda m: (m.published or "", m.article))
        ]
        story["copies"] = links
        story["event"] = self._representative(story["representative"])
        return story

    def _representative(self, rep: dict[str, Any] | None) -> dict[str, Any] | None:
        if not rep:
            return None
        rows = self.query(f"SELECT {self.json_text('data')} FROM events WHERE doc = {self.ph} AND seq = {self.ph}",
                          (rep["doc"], rep["seq"]))
        return self.load_json(rows[0][0]) if rows else None

    def _json_dict(self, value: Any) -> dict[str, Any]:
        return dict(self.load_json(value) or {})
