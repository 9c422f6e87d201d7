// The actor network: who acts on whom in the selected events (the filters choose them: type, period, ...).
// An arrow goes from the actor who acts to the actor acted on; its colour says whether the events between
// them are cooperative or hostile on average (Goldstein scale).

import { getJSON } from "./api.js";
import { el } from "./dom.js";
import { actorKey } from "./format.js";
import { filterForm, pickFilters } from "./filters.js";
import { drawNetwork } from "./graph.js";
import { t } from "./i18n.js";

const MAX_NODES = 80;
// one colour per kind of actor, from the sector part of its code (IRNGOV: government)
const SECTOR_COLOURS = { GOV: "#2b6cb0", MIL: "#742a2a", REB: "#c53030", OPP: "#dd6b20", CVL: "#38a169", JRN: "#805ad5",
  COP: "#975a16", EDU: "#319795", BUS: "#d69e2e", MED: "#d53f8c", IGO: "#4a5568" };

function actorLabel(side) {
  const a = side.actor || {};
  return a.en || a.code || a.country || side.text;
}

function sectorColour(code) {
  return (code && SECTOR_COLOURS[code.slice(3, 6)]) || "#0b6e8a";
}

/** Goldstein −10 (hostile) … +10 (cooperative) as red … grey … green. */
function toneColour(g) {
  if (g == null || Number.isNaN(g)) return "#8fa3b0";
  return g <= -2 ? "#c53030" : g >= 2 ? "#2f855a" : "#8fa3b0";
}

export async function networkView(root, params, go) {
  const filters = pickFilters(params);
  root.append(el("h1", {}, t("Actor network")), filterForm(filters, (f) => go("actors", f)));
  const data = await getJSON("/api/events", { ...filters, limit: 1000 });
  const nodes = new Map();
  const edges = new Map();
  for (const e of data.items) {
    const s = actorKey(e.source), t = actorKey(e.target);
    for (const [key, side] of [[s, e.source], [t, e.target]]) {
      if (!key) continue;
      if (!nodes.has(key)) nodes.set(key, { id: key, code: (side.actor || {}).code || (side.actor || {}).country, weight: 0, names: new Set() });
      nodes.get(key).weight += 1;
      nodes.get(key).names.add(actorLabel(side));
    }
    if (s && t && s !== t) {
      const k = `${s}\u0000${t}`;
      if (!edges.has(k)) edges.set(k, { source: s, target: t, count: 0, tone: 0, toned: 0 });
      const edge = edges.get(k);
      edge.count += 1;
      if (e.cameo && e.cameo.goldstein != null) { edge.tone += e.cameo.goldstein; edge.toned += 1; }
    }
  }
  const top = [...nodes.values()].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id)).slice(0, MAX_NODES);
  const max = Math.max(1, ...top.map((n) => n.weight));
  for (const n of top) {
    // an actor code names a group ("IRNGOV": the Iranian government and its diplomats): show a member's name
    const names = [...n.names].filter((x) => x && x !== n.id);
    const name = names[0] || n.id;
    n.label = name.length > 22 ? `${name.slice(0, 21)}…` : name;
    n.title = `${n.id}: ${names.join(", ")} — ${n.weight} event roles`;
    n.size = 12 + 30 * Math.sqrt(n.weight / max);
    n.colour = sectorColour(n.code);
    delete n.names;
  }
  const kept = new Set(top.map((n) => n.id));
  const links = [...edges.values()].filter((e) => kept.has(e.source) && kept.has(e.target)).map((e) => ({
    source: e.source, target: e.target, count: e.count, colour: toneColour(e.toned ? e.tone / e.toned : null),
  }));
  root.append(el("p", { class: "muted", id: "network-status" }, `${top.length} actors and ${links.length} links from ${data.items.length} events` +
    (nodes.size > MAX_NODES ? ` (the ${MAX_NODES} most active of ${nodes.size} actors)` : "")));
  if (!top.length) return;
  const box = el("div", { class: "graph-box", id: "actor-network" });
  root.append(box, el("p", { class: "small muted" },
    "Node size: events the actor takes part in; colour: its sector (government blue, military dark red, rebels red, civilians green). ",
    "Arrows: green cooperative, red hostile, grey neutral on average. Click an actor to highlight its neighbours; double-click for its events; scroll to zoom."));
  await drawNetwork(box, top, links, { onNode: (id) => go("events", { ...filters, actor: nodes.get(id).code || id }) });
}
