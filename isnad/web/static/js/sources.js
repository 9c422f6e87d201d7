// The source graph: outlets, and the sources their claims rest on, laid out in layers from outlet to origin.

import { getJSON } from "./api.js";
import { el } from "./dom.js";
import { sourceType } from "./format.js";
import { filterForm, pickFilters } from "./filters.js";
import { drawNetwork } from "./graph.js";
import { t } from "./i18n.js";

const MAX_NODES = 120;
const KIND_COLOURS = { outlet: "#0b6e8a", named_person: "#2b6cb0", named_institution: "#38a169", named_outlet: "#0b6e8a",
  report: "#805ad5", qualified_anonymous: "#dd6b20", anonymous: "#c53030" };

export async function sourcesView(root, params, go) {
  const filters = pickFilters(params);
  root.append(el("h1", {}, t("Source graph")), filterForm(filters, (f) => go("sources", f)));
  const data = await getJSON("/api/sources", { ...filters, documents: 100 });
  root.append(el("p", { class: "muted", id: "sources-status" },
    `${data.nodes.length} outlets and sources in ${data.documents} articles` + (data.nodes.length > MAX_NODES ? ` (the ${MAX_NODES} most cited)` : "")));
  if (!data.nodes.length) return;
  const kept = data.nodes.slice(0, MAX_NODES);
  const ids = new Set(kept.map((n) => n.id));
  const max = Math.max(1, ...kept.map((n) => n.events));
  const nodes = kept.map((n) => ({
    id: n.id, kind: n.kind, weight: n.events + (n.kind === "outlet" ? max : 0), // outlets are labelled first
    label: n.label.length > 26 ? `${n.label.slice(0, 25)}…` : n.label,
    title: `${n.label} — ${n.kind === "outlet" ? "outlet" : sourceType(n.type)}; ${n.events} events rest on it`,
    size: 10 + 26 * Math.sqrt(n.events / max), colour: KIND_COLOURS[n.kind === "outlet" ? "outlet" : n.type] || "#718096",
  }));
  const edges = data.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e) => ({ ...e, colour: "#8fa3b0" }));
  const box = el("div", { class: "graph-box", id: "source-graph" });
  box.style.height = `${Math.max(520, Math.min(2400, 11 * nodes.length))}px`; // room for a label per row
  root.append(box, el("p", { class: "small muted" },
    "Squares: outlets that published the articles; circles: the sources they cite (blue a named person, green an institution, ",
    "purple a report, orange a qualified anonymous source, red an anonymous one). An arrow goes from who relays to whom it cites; ",
    "node size counts the events resting on it. Click a node to highlight what it relays and cites."));
  await drawNetwork(box, nodes, edges, {
    across: true,
    layout: (cy) => ({ name: "breadthfirst", directed: true, roots: cy.nodes("[kind = 'outlet']"), spacingFactor: 1, animate: false }),
  });
}
