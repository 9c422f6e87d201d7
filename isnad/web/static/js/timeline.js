// A timeline of events by PLOVER type: one lane per type, a dot per period sized by its number of events.

import { getJSON } from "./api.js";
import { el, route, svg } from "./dom.js";
import { eventDate, totalLabel } from "./format.js";
import { filterForm, pickFilters } from "./filters.js";

const DAY = 86400000;

function binOf(span) {
  if (span <= 62 * DAY) return { name: "day", key: (d) => d.slice(0, 10), start: (k) => k, end: (k) => k };
  if (span <= 4 * 365 * DAY) return { name: "month", key: (d) => d.slice(0, 7), start: (k) => `${k}-01`, end: (k) => `${k}-31` };
  return { name: "year", key: (d) => d.slice(0, 4), start: (k) => `${k}-01-01`, end: (k) => `${k}-12-31` };
}

export async function timelineView(root, params, go) {
  const filters = pickFilters(params);
  root.append(el("h1", {}, "Timeline by event type"), filterForm(filters, (f) => go("timeline", f)));
  const data = await getJSON("/api/events", { ...filters, limit: 1000 });
  const dated = data.items.map((e) => [eventDate(e), e]).filter(([d]) => d);
  root.append(el("p", { class: "muted" }, `${dated.length} dated events shown` + (data.total > data.items.length ? ` (the newest ${data.items.length} of ${totalLabel(data)})` : "")));
  if (!dated.length) return;
  const times = dated.map(([d]) => Date.parse(d.slice(0, 10)));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const bin = binOf(t1 - t0);
  const lanes = new Map();
  for (const [d, e] of dated) {
    const type = (e.plover && e.plover.type) || "(untyped)";
    if (!lanes.has(type)) lanes.set(type, new Map());
    const k = bin.key(d);
    lanes.get(type).set(k, (lanes.get(type).get(k) || 0) + 1);
  }
  const types = [...lanes.keys()].sort();
  const left = 150, right = 60, top = 20, lane = 34, width = 1100;
  const height = top + lane * types.length + 40;
  const span = Math.max(t1 - t0, DAY);
  const x = (k) => left + ((Date.parse(bin.start(k).slice(0, 10)) - t0) / span) * (width - left - right);
  const labelX = 120; // lane labels end here, left of the first dot
  const max = Math.max(...[...lanes.values()].flatMap((m) => [...m.values()]));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", id: "timeline", role: "img", "aria-label": "events over time by type" });
  types.forEach((type, row) => {
    const y = top + row * lane + lane / 2;
    chart.append(svg("line", { x1: labelX + 8, x2: width - 20, y1: y, y2: y, class: "lane" }),
      svg("text", { x: labelX, y: y + 4, "text-anchor": "end", class: "lane-label" }, type));
    for (const [k, n] of lanes.get(type)) {
      const r = 3 + 11 * Math.sqrt(n / max);
      chart.append(svg("circle", {
        cx: x(k), cy: y, r, class: `dot plover-${type}`, tabindex: "0",
        onclick: () => go("events", { ...filters, plover: type === "(untyped)" ? "" : type, since: bin.start(k), until: bin.end(k) }),
      }, svg("title", {}, `${type} · ${k}: ${n} event${n > 1 ? "s" : ""}`)));
    }
  });
  const axisY = top + lane * types.length + 16;
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const t = new Date(t0 + (span * i) / ticks).toISOString().slice(0, bin.name === "year" ? 4 : bin.name === "month" ? 7 : 10);
    const tx = left + ((width - left - right) * i) / ticks;
    chart.append(svg("text", { x: tx, y: axisY, "text-anchor": "middle", class: "axis" }, t));
  }
  root.append(el("div", { class: "chart-wrap" }, chart),
    el("p", { class: "small muted" }, `One dot per ${bin.name}; its area grows with the number of events. Click a dot for those events. `,
      el("a", { href: route("events", filters) }, "Open the table")));
}
