// The source graph: outlets, the reports they published (a report and its wire copies are one node), the sources
// those cite and the events they carry, laid out in layers from outlet to event.

import { getJSON } from "./api.js";
import { el } from "./dom.js";
import { sourceType } from "./format.js";
import { filterForm, pickFilters } from "./filters.js";
import { drawNetwork } from "./graph.js";
import { t } from "./i18n.js";

const MAX_NODES = 120;
const KIND_COLOURS = { outlet: "#0b6e8a", named_person: "#2b6cb0", named_institution: "#38a169", named_outlet: "#0b6e8a",
  report: "#805ad5", qualified_anonymous: "#dd6b20", anonymous: "#c53030" };
const LAYER_COLOURS = { report: "#4a5568", event: "#b7791f" }; // an article's report, an event code

function describe(n) {
  if (n.kind === "outlet") return "outlet";
  if (n.kind === "report") return n.articles > 1 ? `a report and ${n.articles - 1} copies` : "a report";
  if (n.kind === "event") return "events of this code";
  return sourceType(n.type);
}

export async function sourcesView(root, params, go) {
  const filters = pickFilters(params);
  root.append(el("h1", {}, t("Source graph")), filterForm(filters, (f) => go("sources", f)));
  const data = await getJSON("/api/sources", { ...filters, documents: 100 });
  root.append(el("p", { class: "muted", id: "sources-status" },
    `${data.nodes.length} outlets, reports, sources and event codes in ${data.documents} articles` + (data.nodes.length > MAX_NODES ? ` (the ${MAX_NODES} most cited)` : "")));
  if (!data.nodes.length) return;
  const kept = data.nodes.slice(0, MAX_NODES);
  const ids = new Set(kept.map((n) => n.id));
  const max = Math.max(1, ...kept.map((n) => n.events));
  const nodes = kept.map((n) => ({
    id: n.id, kind: n.kind, weight: n.events + (n.kind === "outlet" ? max : 0), // outlets are labelled first
    label: n.label.length > 26 ? `${n.label.slice(0, 25)}…` : n.label,
    title: `${n.label} — ${describe(n)}; ${n.events} events rest on it`,
    size: 10 + 26 * Math.sqrt(n.events / max),
    colour: LAYER_COLOURS[n.kind] || KIND_COLOURS[n.kind === "outlet" ? "outlet" : n.type] || "#718096",
  }));
  const edges = data.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e) => ({ ...e, colour: "#8fa3b0" }));
  const box = el("div", { class: "graph-box", id: "source-graph" });
  box.style.height = `${Math.max(520, Math.min(2400, 11 * nodes.length))}px`; // room for a label per row
  root.append(box, el("p", { class: "small muted" },
    "Squares: outlets that published the articles; grey circles: the reports (an article and the wire copies other outlets ran of it); ",
    "circles: the sources a report cites (blue a named person, green an institution, purple a report it cites, orange a qualified ",
    "anonymous source, red an anonymous one); amber diamonds: the events, by CAMEO code. An arrow goes from who relays to whom it cites, ",
    "and to the events a source (or the report in its own voice) carries; node size counts the events resting on it. ",
    "Click a node to highlight what it relays and cites."));
  await drawNetwork(box, nodes, edges, {
    across: true,
    layout: (cy) => ({ name: "breadthfirst", directed: true, roots: cy.nodes("[kind = 'outlet']"), spacingFactor: 1, animate: false }),
  });
}
