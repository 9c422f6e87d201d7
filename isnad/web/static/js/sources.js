// The source graph: outlets, and the sources their claims rest on, in columns from outlet to origin.

import { getJSON } from "./api.js";
import { el, svg } from "./dom.js";
import { sourceType } from "./format.js";
import { filterForm, pickFilters } from "./filters.js";

const ARABIC = /[\u0600-\u06FF]/;

/** Column of each node: its distance from an outlet that published an article (breadth first). */
function columns(nodes, edges) {
  const out = new Map();
  const next = new Map();
  for (const e of edges) { if (!next.has(e.source)) next.set(e.source, []); next.get(e.source).push(e.target); }
  const targets = new Set(edges.map((e) => e.target));
  let frontier = nodes.filter((n) => n.kind === "outlet" && !targets.has(n.id)).map((n) => n.id);
  if (!frontier.length) frontier = nodes.filter((n) => !targets.has(n.id)).map((n) => n.id);
  frontier.forEach((id) => out.set(id, 0));
  for (let depth = 1; frontier.length; depth++) {
    const following = [];
    for (const id of frontier) for (const t of next.get(id) || []) if (!out.has(t)) { out.set(t, depth); following.push(t); }
    frontier = following;
  }
  for (const n of nodes) if (!out.has(n.id)) out.set(n.id, 0);
  return out;
}

export async function sourcesView(root, params, go) {
  const filters = pickFilters(params);
  root.append(el("h1", {}, "Source graph"), filterForm(filters, (f) => go("sources", f)));
  const data = await getJSON("/api/sources", filters);
  root.append(el("p", { class: "muted" }, `${data.nodes.length} outlets and sources in ${data.documents} articles`));
  if (!data.nodes.length) return;
  const nodes = data.nodes.slice(0, 80);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = data.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  const col = columns(nodes, edges);
  const ncols = Math.max(...col.values()) + 1;
  const rows = Array.from({ length: ncols }, () => []);
  for (const n of nodes) rows[col.get(n.id)].push(n);
  const width = 1100, rowH = 30, top = 30;
  const height = top + rowH * Math.max(...rows.map((r) => r.length)) + 10;
  const colW = (width - 40) / ncols;
  const pos = new Map();
  rows.forEach((r, c) => r.forEach((n, k) => pos.set(n.id, { x: 20 + c * colW, y: top + k * rowH })));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart graph", id: "source-graph", role: "img", "aria-label": "source graph" });
  chart.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: "userSpaceOnUse", orient: "auto" },
    svg("path", { d: "M0,0L10,5L0,10z", class: "arrow-head" }))));
  const boxW = Math.min(colW - 50, 260);
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  for (const e of edges) {
    const p = pos.get(e.source), q = pos.get(e.target);
    const x1 = p.x + boxW, x2 = q.x, mid = (x1 + x2) / 2;
    chart.append(svg("path", { d: `M${x1},${p.y}C${mid},${p.y} ${mid},${q.y} ${x2},${q.y}`, class: "edge", "stroke-width": 1 + 3 * (e.count / maxCount), "marker-end": "url(#arrow)" },
      svg("title", {}, `relays: ${e.count}`)));
  }
  const maxEvents = Math.max(1, ...nodes.map((n) => n.events));
  for (const n of nodes) {
    const p = pos.get(n.id);
    chart.append(svg("g", { class: `source-node kind-${n.kind} type-${n.type || "x"}` },
      svg("rect", { x: p.x, y: p.y - 11, width: boxW, height: 22, rx: 5 }),
      svg("rect", { x: p.x, y: p.y - 11, width: Math.max(2, (boxW * n.events) / maxEvents), height: 3, class: "weight" }),
      // Arabic labels are laid out right to left, so that quotes and punctuation stay in place.
      svg("text", ARABIC.test(n.label)
        ? { x: p.x + boxW - 6, y: p.y + 5, direction: "rtl", "text-anchor": "start", class: "node-label" }
        : { x: p.x + boxW - 6, y: p.y + 5, "text-anchor": "end", class: "node-label" }, n.label),
      svg("text", { x: p.x + 6, y: p.y + 5, class: "node-type" }, `${n.kind === "outlet" ? "outlet" : sourceType(n.type)} · ${n.events}`),
      svg("title", {}, `${n.label}${n.outlet && n.outlet !== n.label ? ` (${n.outlet})` : ""} — ${n.kind === "outlet" ? "outlet" : sourceType(n.type)}; ${n.events} events rest on it`)));
  }
  root.append(el("div", { class: "chart-wrap" }, chart),
    el("p", { class: "small muted" }, "Left to right: the outlet that published the article, the sources it cites, the sources they cite. The bar and the number count the events resting on each."));
}
