"""The cross-article layer inside a store transaction: articles, copy families, event clusters and grades.

Called by the store for each text, before its documents row is written (:meth:`Stories.link`: the row then
carries its copy family) and after (:meth:`Stories.add_text`), and for every article that carried a text
(:meth:`Stories.add_article`), so ingest keeps it up to date one article at a time:

1. the texts sharing at least ``MIN_KEYS`` of the text's LSH keys are its candidates (one indexed look-up,
   at most ``CANDIDATES`` of them, never every stored text); its keys are stored after;
2. each candidate is aligned with it (:mod:`isnad.stories.compare`); a copy or partial copy is linked,
   with the shared passages as evidence, and the families of linked texts are merged into the oldest;
3. each event joins the best cluster of its kind and days (:mod:`isnad.stories.clusters`) or starts one;
4. every cluster whose members changed is summed up and graded again (:mod:`isnad.stories.corroboration`).
"""
from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from isnad.stories.clusters import ClusterKey, Index
from isnad.stories.compare import compare
from isnad.stories.corroboration import Member, summary
from isnad.stories.features import TextKeys
from isnad.stories.fingerprint import Words, words

if TYPE_CHECKING:
    from isnad.store.sql import SQLStore

MIN_KEYS = 2  # shared LSH keys that make a candidate (about 3 % of shingles in common)
CANDIDATES = 20  # most similar candidates aligned per text
PASSAGES = 3  # shared passages kept as a link's evidence
WORDS_KEPT = 256  # texts whose compared words the writer keeps


@dataclass(slots=True)
class Linked:
    """How a text joins the copy families: its family, the relation it joined by (None: it starts its own)
    and its doc_links rows."""

    family: str
    relation: str | None = None
    links: list[tuple[Any, ...]] = field(default_factory=list)


class Stories:
    """The layer's SQL, written once for both backends (``store.ph`` placeholders)."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store
        self.ph = store.ph
        self.normaliser = store.terms.normaliser
        self.index = Index(self._load_bucket)  # the recent clusters, in memory: cleared when a write fails
        # the compared words of the texts met last (a text's words never change: its hash is its text);
        # copies are mostly of recent texts, so most candidates are here
        self.recent_words: OrderedDict[str, Words] = OrderedDict()
        # clusters touched in this transaction and not summed up yet: a cluster touched by several texts
        # of a batch is summed up once, at the end (see flush for when it must be sooner)
        self.pending: set[str] = set()
        # the LSH keys of the texts of this transaction, written at its end in one statement
        # (write_keys): the texts after them in it find them here
        self.new_keys: dict[int, list[str]] = {}
        # the stored text of each article of this transaction (prefetch_articles), None: not stored
        self.article_docs: dict[str, str | None] | None = None

    def _words(self, doc: str, text: str, known: Words | None = None) -> Words:
        found = self.recent_words.get(doc)
        if found is None:
            found = self.recent_words[doc] = known or words(text, self.normaliser)
            if len(self.recent_words) > WORDS_KEPT:
                self.recent_words.popitem(last=False)
        else:
            self.recent_words.move_to_end(doc)
        return found

    def _load_bucket(self, root: str, day: str) -> list[tuple[str, ClusterKey]]:
        ph = self.ph
        rows = self.store.query(
            f"SELECT id, data FROM clusters WHERE root = {ph} AND date_end >= {ph} AND date_start <= {ph}", (root, day, day))
        return [(r[0], ClusterKey.from_dict(self._json(r[1])["key"])) for r in rows]

    # --- articles --------------------------------------------------------------------------------------
    def prefetch_articles(self, cur: Any, ids: list[str]) -> None:
        """Read the stored text of each of a transaction's articles in one look-up: :meth:`add_article` then
        waits for none (``done_articles`` at the transaction's end)."""
        clause, params = self.store.in_list("id", sorted(set(ids)))
        cur.execute(f"SELECT id, doc FROM articles WHERE {clause}", params)
        self.article_docs = dict.fromkeys(ids)  # None: not stored
        self.article_docs.update(cur.fetchall())

    def done_articles(self) -> None:
        """At the end of a transaction: the prefetched articles are not known any more."""
        self.article_docs = None

    def add_article(self, cur: Any, article: dict[str, Any], text_clusters: set[str] | None = None) -> set[str]:
        """Keep one received article (its id, text hash, outlet, url, title, date); the clusters of its
        text's events when it is new to them (``text_clusters``: those clusters, when the caller knows them)."""
        ph = self.ph
        known = self.article_docs
        if known is not None and article["id"] in known:
            row = None if known[article["id"]] is None else (known[article["id"]],)
        else:
            cur.execute(f"SELECT doc FROM articles WHERE id = {ph}", (article["id"],))
            row = cur.fetchone()
        if known is not None:
            known[article["id"]] = article["doc"]
        values = [article.get(c) for c in ("doc", "outlet", "url", "title", "published")]
        if row is None:
            cur.execute(f"INSERT INTO articles (id, doc, outlet, url, title, published) "
                        f"VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph})", [article["id"], *values])
        else:
            cur.execute(f"UPDATE articles SET doc = {ph}, outlet = {ph}, url = {ph}, title = {ph}, published = {ph} "
                        f"WHERE id = {ph}", [*values, article["id"]])
        if row is not None and row[0] == article["doc"]:
            return set()
        touched = self._clusters_of(cur, [article["doc"]]) if text_clusters is None else set(text_clusters)
        if row is not None:
            touched |= self._clusters_of(cur, [row[0]])
        return touched

    # --- texts -----------------------------------------------------------------------------------------
    def forget(self, cur: Any, doc: str) -> set[str]:
        """Before a text's rows are replaced: drop its keys, links and cluster memberships; the clusters
        it leaves."""
        ph = self.ph
        for docs in self.new_keys.values():  # its keys not written yet, were it added in this transaction
            if doc in docs:
                docs.remove(doc)
        touched = self._clusters_of(cur, [doc])
        cur.execute(f"DELETE FROM cluster_events WHERE doc = {ph}", (doc,))
        cur.execute(f"DELETE FROM doc_keys WHERE doc = {ph}", (doc,))
        cur.execute(f"DELETE FROM doc_links WHERE a = {ph} OR b = {ph}", (doc, doc))
        return touched

    def add_text(self, cur: Any, doc: str, keys: TextKeys, linked: Linked, grades: dict[int, int]) -> set[str]:
        """Index a text whose documents row is written (with ``linked``, from :meth:`link`), keep its links
        to its copies, cluster its events; the clusters touched. ``grades`` are its events' own
        information grades by index."""
        ph = self.ph
        fp = keys.fingerprint
        for key in set(fp.keys):
            self.new_keys.setdefault(key, []).append(doc)
        if linked.links:
            cur.executemany(
                f"INSERT INTO doc_links (a, b, relation, shared, coverage, passages) "
                f"VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph}) ON CONFLICT DO NOTHING", linked.links)
        family = linked.family
        touched: set[str] = set()
        for ev in keys.events:
            hit = self.index.best(ev, family)
            end = ev.end or ev.start
            if hit is None:
                cid, key = f"st-{doc[:12]}-{ev.seq}", ClusterKey()
                key.add(ev, family)
                cur.execute(
                    f"INSERT INTO clusters (id, cameo, root, date_start, date_end, data) VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, "
                    f"{self.store.json_value('data')}) ON CONFLICT (id) DO NOTHING",
                    (cid, ev.code, ev.root, ev.start, end, json.dumps({"key": key.as_dict()})))
            else:
                cid, key = hit
                key.add(ev, family)
                # the cluster's days and key grow with it; its summary is written by refresh()
                cur.execute(
                    f"UPDATE clusters SET data = {self.store.json_value('data')}, "
                    f"date_start = CASE WHEN date_start IS NULL OR date_start > {ph} THEN {ph} ELSE date_start END, "
                    f"date_end = CASE WHEN date_end IS NULL OR date_end < {ph} THEN {ph} ELSE date_end END WHERE id = {ph}",
                    (json.dumps({"key": key.as_dict()}), ev.start, ev.start, end, end, cid))
            self.index.put(cid, ev.root, ev.start, end, key)
            cur.execute(f"INSERT INTO cluster_events (doc, seq, cluster, modality, grade, killed) "
                        f"VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph}) ON CONFLICT DO NOTHING",
                        (doc, ev.seq, cid, ev.modality, grades.get(ev.seq), ev.killed))
            touched.add(cid)
        return touched

    def link(self, cur: Any, doc: str, text: str, text_keys: TextKeys) -> Linked:
        """Before a text's documents row is written: the stored texts it copies, and the family it joins
        (the families it links are merged into the oldest); its row then carries the family."""
        ph = self.ph
        keys = text_keys.fingerprint.keys
        if text_keys.words is not None:  # from the worker: kept, the next texts may copy this one
            self._words(doc, text, text_keys.words)
        if not keys:
            return Linked(doc)
        clause, params = self.store.in_list("key", list(keys))
        cur.execute(
            f"SELECT doc, COUNT(*) AS n FROM doc_keys WHERE {clause} AND doc <> {ph} "
            f"GROUP BY doc HAVING COUNT(*) >= {ph} ORDER BY n DESC, doc LIMIT {ph}",
            [*params, doc, MIN_KEYS, CANDIDATES])
        found = self._candidates(doc, keys, cur.fetchall())
        if not found:
            return Linked(doc)
        mine = self._words(doc, text, text_keys.words)
        links = []
        for other, family, other_text in self._texts(cur, found):
            c = compare(self._words(other, other_text), mine)
            if c.relation:
                links.append((other, family, c))
        if not links:
            return Linked(doc)
        # the families about to change are those of clusters touched before: they are summed up as
        # they are now, as a refresh after each text would have
        self.flush(cur)
        rows = [(other, doc, c.relation, c.shared, c.coverage,
                 json.dumps([{"a": list(p.a), "b": list(p.b), "words": p.words} for p in c.passages[:PASSAGES]]))
                for other, _, c in links]
        families = sorted({f or o for o, f, _ in links})
        # the oldest family (its first text written first, not by the clock) absorbs the others
        clause, params = self.store.in_list("family", families)
        cur.execute(f"SELECT family FROM documents WHERE {clause} ORDER BY {self.store.written_order} LIMIT 1",
                    params)
        row = cur.fetchone()
        target = row[0] if row else families[0]
        others = [f for f in families if f != target]
        if others:
            clause, params = self.store.in_list("family", others)
            cur.execute(f"UPDATE documents SET family = {ph} WHERE {clause}", [target, *params])
        relation = "copy" if any(c.relation == "copy" for _, _, c in links) else "partial"
        return Linked(target, relation, rows)

    def _candidates(self, doc: str, keys: Sequence[int], stored: list[tuple[Any, ...]]) -> list[str]:
        """The most similar candidates among the stored texts (``stored``: (text, shared keys), best first)
        and the texts of this transaction, whose keys are not written yet: the same as when they are."""
        if not self.new_keys:
            return [r[0] for r in stored]
        shared: dict[str, int] = {}
        for key in set(keys):
            for other in self.new_keys.get(key, ()):
                if other != doc:
                    shared[other] = shared.get(other, 0) + 1
        found = [(r[0], int(r[1])) for r in stored] + [(o, n) for o, n in shared.items() if n >= MIN_KEYS]
        found.sort(key=lambda x: (-x[1], x[0]))  # the query's order: most keys shared, then the text's hash
        return [o for o, _ in found[:CANDIDATES]]

    def write_keys(self, cur: Any) -> None:
        """Write the keys of the texts added since the last call (by key: neighbours in the index)."""
        if self.new_keys:
            rows = [(key, doc) for key in sorted(self.new_keys) for doc in self.new_keys[key]]
            self.new_keys = {}
            self.store.insert_keys(cur, rows)

    def reset(self) -> None:
        """After a failed write: forget what the transaction held (clusters in memory, keys, summaries due)."""
        self.index.clear()
        self.pending.clear()
        self.new_keys.clear()
        self.article_docs = None

    def _texts(self, cur: Any, docs: list[str]) -> list[tuple[str, str | None, str]]:
        clause, params = self.store.in_list("hash", docs)
        cur.execute(f"SELECT hash, family, {self.store.json_field('data', 'text')} FROM documents WHERE {clause}",
                    params)
        return [(r[0], r[1], r[2] or "") for r in cur.fetchall()]

    # --- clusters --------------------------------------------------------------------------------------
    def refresh_later(self, clusters: set[str]) -> None:
        """Sum up ``clusters`` at the next :meth:`flush`, with the others touched in this transaction."""
        self.pending |= clusters

    def flush(self, cur: Any) -> None:
        """Sum up the clusters touched since the last flush. Called at the end of each write transaction,
        and sooner when what a summary reads would change other than by a touch of its cluster (a family
        merged, a text replaced), so the result is the one of a refresh after every text."""
        if self.pending:
            clusters, self.pending = self.pending, set()
            self.refresh(cur, clusters)

    def _clusters_of(self, cur: Any, docs: list[str]) -> set[str]:
        clause, params = self.store.in_list("doc", docs)
        cur.execute(f"SELECT DISTINCT cluster FROM cluster_events WHERE {clause}", params)
        return {r[0] for r in cur.fetchall()}

    def refresh(self, cur: Any, clusters: set[str]) -> None:
        """Sum up and grade each of ``clusters`` again from its members (an empty one is deleted); the
        members and the clusters' data are read for all of them at once."""
        if not clusters:
            return
        ph = self.ph
        ids = sorted(clusters)
        members = self.members_of(lambda sql, params: _fetch(cur, sql, params), ids)
        clause, params = self.store.in_list("id", ids)
        cur.execute(f"SELECT id, data FROM clusters WHERE {clause}", params)
        stored = dict(cur.fetchall())
        for cid in ids:
            found = members.get(cid)
            if not found:
                cur.execute(f"DELETE FROM clusters WHERE id = {ph}", (cid,))
                continue
            s = summary(found)
            data = self._json(stored[cid]) if cid in stored else {}
            # ties (the events of one article) by their place in it, not by the order rows come in
            first = min(found, key=lambda m: (m.published or "9999", m.article, m.doc, m.seq))
            data.update(representative={"doc": first.doc, "seq": first.seq, "article": first.article},
                        reasons=s["reasons"], mentions=s["mentions"], tolls=s["tolls"])
            cur.execute(
                f"UPDATE clusters SET first_report = {ph}, last_report = {ph}, events = {ph}, articles = {ph}, "
                f"outlets = {ph}, origins = {ph}, agree = {ph}, grade = {ph}, data = {self.store.json_value('data')} "
                f"WHERE id = {ph}",
                (s["first"], s["last"], s["mentions"], s["articles"], s["outlets"], s["origins"], int(s["agree"]),
                 s["grade"], json.dumps(data, ensure_ascii=False), cid))

    def members(self, query: Callable[[str, Sequence[Any]], list[tuple[Any, ...]]], cid: str) -> list[Member]:
        """Every report of a cluster's event: one per (event, article that carried its text). ``query`` runs
        SQL: in the write transaction, or the store's own for a reader."""
        return self.members_of(query, [cid]).get(cid, [])

    def members_of(self, query: Callable[[str, Sequence[Any]], list[tuple[Any, ...]]],
                   cids: list[str]) -> dict[str, list[Member]]:
        """:meth:`members` of several clusters, by cluster, in two queries."""
        clause, params = self.store.in_list("ce.cluster", cids)
        rows = query(
            "SELECT ce.doc, ce.seq, a.id, a.outlet, a.published, d.family, ce.modality, ce.grade, ce.cluster, ce.killed "
            "FROM cluster_events ce JOIN documents d ON d.hash = ce.doc JOIN articles a ON a.doc = ce.doc "
            f"WHERE {clause}", params)
        families = sorted({r[5] for r in rows if r[5]})
        credits: dict[str, str] = {}
        if families:
            clause, params = self.store.in_list("family", families)
            for fam, cr in query(f"SELECT family, credit FROM documents WHERE {clause} AND credit IS NOT NULL "
                                 f"ORDER BY {self.store.written_order}", params):
                credits.setdefault(fam, cr)
        out: dict[str, list[Member]] = {}
        for r in rows:
            out.setdefault(r[8], []).append(
                Member(r[0], int(r[1]), r[2], r[3], r[4], r[5], credits.get(r[5]) if r[5] else None, r[6],
                       int(r[7]) if r[7] is not None else None, int(r[9]) if r[9] is not None else None))
        return out

    def _json(self, value: Any) -> dict[str, Any]:
        return json.loads(value) if isinstance(value, str) else dict(value or {})


def _fetch(cur: Any, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    cur.execute(sql, params)
    return cur.fetchall()


# --- reading -------------------------------------------------------------------------------------------
STORY_COLUMNS = ("id", "cameo", "date_start", "date_end", "first_report", "last_report", "events", "articles",
                 "outlets", "origins", "agree", "grade")


def story_filter(ph: str, since: str | None = None, until: str | None = None, cameo: str | None = None,
                 min_articles: int = 1, grade: int | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause over clusters for the filters of ``isnad stories`` and ``/api/stories``."""
    where = [f"articles >= {ph}"]
    params: list[Any] = [int(min_articles)]
    if since:
        where.append(f"date_end >= {ph}")
        params.append(since[:10])
    if until:
        where.append(f"date_start <= {ph}")
        params.append(until[:10])
    if cameo:
        where.append(f"cameo LIKE {ph}")
        params.append(cameo.strip() + "%")
    if grade is not None:
        where.append(f"grade <= {ph}")
        params.append(int(grade))
    return " WHERE " + " AND ".join(where), params


def story_row(row: tuple[Any, ...], data: dict[str, Any]) -> dict[str, Any]:
    out = dict(zip(STORY_COLUMNS, row))
    out["agree"] = bool(out["agree"])
    out["reasons"] = data.get("reasons", [])
    out["representative"] = data.get("representative")
    out["mentions"] = data.get("mentions", out["events"])
    return out
