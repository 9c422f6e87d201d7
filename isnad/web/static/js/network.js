// The actor network: who acts on whom in the selected events.

import { getJSON } from "./api.js";
import { el, svg } from "./dom.js";
import { actorKey } from "./format.js";
import { filterForm, pickFilters } from "./filters.js";
import { drawGraph, forceLayout } from "./graph.js";

const MAX_NODES = 60;

function actorLabel(side) {
  const a = side.actor || {};
  return a.en || a.code || a.country || side.text;
}

export async function networkView(root, params, go) {
  const filters = pickFilters(params);
  root.append(el("h1", {}, "Actor network"), filterForm(filters, (f) => go("actors", f)));
  const data = await getJSON("/api/events", { ...filters, limit: 1000 });
  const nodes = new Map();
  const edges = new Map();
  for (const e of data.items) {
    const s = actorKey(e.source), t = actorKey(e.target);
    for (const [key, side] of [[s, e.source], [t, e.target]]) {
      if (!key) continue;
      if (!nodes.has(key)) nodes.set(key, { id: key, label: key, title: `${actorLabel(side)} (${key})`, code: (side.actor || {}).code || (side.actor || {}).country, events: 0, names: new Set() });
      nodes.get(key).events += 1;
      nodes.get(key).names.add(actorLabel(side));
    }
    if (s && t) {
      const k = `${s}\u0000${t}`;
      if (!edges.has(k)) edges.set(k, { source: s, target: t, count: 0 });
      edges.get(k).count += 1;
    }
  }
  const top = [...nodes.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)).slice(0, MAX_NODES);
  for (const n of top) {
    // an actor code names a group ("IRNGOV": the Iranian government and its diplomats): show its members' names
    const names = [...n.names].filter((x) => x && x !== n.id);
    n.label = names.length ? `${n.id} · ${names.slice(0, 2).join(", ")}${names.length > 2 ? "…" : ""}` : n.id;
    n.title = `${n.id}: ${names.join(", ")} — ${n.events} event roles`;
  }
  const kept = new Set(top.map((n) => n.id));
  const links = [...edges.values()].filter((e) => kept.has(e.source) && kept.has(e.target));
  root.append(el("p", { class: "muted" }, `${top.length} actors and ${links.length} links from ${data.items.length} events` +
    (nodes.size > MAX_NODES ? ` (the ${MAX_NODES} most active actors)` : "")));
  if (!top.length) return;
  const width = 1100, height = 560;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart graph", id: "actor-network", role: "img", "aria-label": "actor network" });
  const max = Math.max(...top.map((n) => n.events));
  drawGraph(chart, top, links, forceLayout(top, links, width, height), {
    radius: (n) => 5 + 14 * Math.sqrt(n.events / max),
    onNode: (n) => n.code && go("events", { ...filters, actor: n.code }),
  });
  root.append(el("div", { class: "chart-wrap" }, chart),
    el("p", { class: "small muted" }, "An arrow goes from the actor who acts to the actor acted on; its width grows with the number of events. Click an actor for its events."));
}
