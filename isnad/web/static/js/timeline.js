// The timeline: events per day, week or month (chosen from the span of the data), stacked by PLOVER type,
// by the event's own date or by the article's publication date (the other drawn as a line). Dragging across
// the chart selects a date range: it becomes the since/until filter of the address, which every view reads.

import { getJSON } from "./api.js";
import { el, route, svg } from "./dom.js";
import { eventTable } from "./events.js";
import { PLOVER_TYPES, ploverColour } from "./format.js";
import { filterForm, pickFilters } from "./filters.js";
import { t } from "./i18n.js";

const DAY = 86400000;
const W = 1100, H = 300, LEFT = 44, RIGHT = 12, TOP = 12, BOTTOM = 34;
const BINS = ["day", "week", "month"];

const ms = (iso) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** The start of the bin holding day ``t`` (weeks start on Monday), and the start of the next bin. */
function binStart(unit, t) {
  const d = new Date(t);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY;
  return t;
}
function nextBin(unit, t) {
  const d = new Date(t);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return t + (unit === "week" ? 7 : 1) * DAY;
}

/** The first and last days of ``rows`` ([day, type, n]) once the outermost share ``q`` of the events at each
 * end is left out. */
function quantileSpan(rows, q) {
  const days = new Map();
  for (const [d, , n] of rows) days.set(d, (days.get(d) || 0) + n);
  const sorted = [...days.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const cut = Math.floor(sorted.reduce((s, [, n]) => s + n, 0) * q);
  let lo = 0, hi = sorted.length - 1, seen = 0;
  while (lo < hi && seen + sorted[lo][1] <= cut) seen += sorted[lo++][1];
  seen = 0;
  while (hi > lo && seen + sorted[hi][1] <= cut) seen += sorted[hi--][1];
  return [ms(sorted[lo][0]), ms(sorted[hi][0])];
}

/** The span drawn: the days the articles were published (else the middle 90% of the events' own dates).
 * Events dated far from the news (a past year named, a mis-read date) must not squeeze the weeks of news
 * into one bar; they are counted apart, and a brushed range outside the span widens it. */
function coreSpan(published, own) {
  return published.length ? quantileSpan(published, 0) : quantileSpan(own, 0.05);
}

export function autoBin(t0, t1) {
  const days = (t1 - t0) / DAY;
  return days <= 120 ? "day" : days <= 730 ? "week" : "month";
}

/** Counts per bin and type of ``rows`` ([day, type, n]) inside [t0, t1]; the rest counted apart. */
function binned(rows, unit, t0, t1) {
  const bins = new Map();
  let outside = 0;
  for (const [d, type, n] of rows) {
    const t = ms(d);
    if (t < t0 || t > t1) { outside += n; continue; }
    const b = binStart(unit, t);
    if (!bins.has(b)) bins.set(b, new Map());
    bins.get(b).set(type, (bins.get(b).get(type) || 0) + n);
  }
  return { bins, outside };
}

function label(unit, t) {
  const d = new Date(t);
  const month = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return unit === "month" ? `${month} ${d.getUTCFullYear()}` : `${d.getUTCDate()} ${month}`;
}

export async function timelineView(root, params, go) {
  const filters = pickFilters(params);
  const by = params.get("by") === "published" ? "published" : "event";
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const here = (changes) => go("timeline", { ...filters, by: by === "event" ? "" : by, bin: params.get("bin"), ...changes });
  root.append(el("h1", {}, t("Timeline")), filterForm(filters, (f) => go("timeline", f)));
  // the chart shows the whole span of the other filters; the selected range is drawn on it
  const { since, until, ...others } = filters;
  const [data, table] = await Promise.all([
    getJSON("/api/timeline", { ...others, by }),
    eventTable(filters, offset, (o) => here({ offset: o })),
  ]);
  const main = data.bars, other = data.line.map(([d, n]) => [d, "", n]);
  if (!main.length) {
    root.append(el("p", { class: "muted", id: "timeline-status" }, "No dated event matches these filters."), table);
    return;
  }
  let [t0, t1] = by === "event" ? coreSpan(other, main) : coreSpan(main, other);
  if (since && ms(since) < t0) t0 = ms(since);
  if (until && ms(until) > t1) t1 = ms(until);
  const unit = BINS.includes(params.get("bin")) ? params.get("bin") : autoBin(t0, t1);
  const start = binStart(unit, t0), end = nextBin(unit, binStart(unit, t1));
  const { bins, outside } = binned(main, unit, start, end - DAY);
  const line = binned(other, unit, start, end - DAY).bins;
  const totals = (m) => [...m.values()].reduce((s, n) => s + n, 0);
  const max = Math.max(1, ...[...bins.values()].map(totals), ...[...line.values()].map(totals));
  const x = (t) => LEFT + ((t - start) / (end - start)) * (W - LEFT - RIGHT);
  const y = (n) => H - BOTTOM - (n / max) * (H - TOP - BOTTOM);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart timeline", id: "timeline", role: "img",
    "aria-label": `events per ${unit} by type`, "data-bin": unit });
  // y axis: four gridlines
  for (let i = 0; i <= 4; i++) {
    const n = Math.round((max * i) / 4);
    chart.append(svg("line", { x1: LEFT, x2: W - RIGHT, y1: y(n), y2: y(n), class: "grid" }),
      svg("text", { x: LEFT - 6, y: y(n) + 4, "text-anchor": "end", class: "axis" }, String(n)));
  }
  const types = [...PLOVER_TYPES, ""];
  for (const [b, counts] of [...bins.entries()].sort((p, q) => p[0] - q[0])) {
    const x0 = x(b) + 0.5, width = Math.max(1, x(nextBin(unit, b)) - x(b) - 1);
    let acc = 0;
    for (const type of types) {
      const n = counts.get(type);
      if (!n) continue;
      chart.append(svg("rect", { x: x0, y: y(acc + n), width, height: y(acc) - y(acc + n), fill: ploverColour(type),
        class: "bar", "data-day": iso(b), "data-type": type || "none" },
        svg("title", {}, `${label(unit, b)}${unit === "week" ? " (week)" : ""} · ${type || "no type"}: ${n}`)));
      acc += n;
    }
  }
  // the other date as a line: how the same events spread by publication (or by their own) date
  const points = [];
  for (let b = start; b < end; b = nextBin(unit, b)) points.push(`${x(b) + (x(nextBin(unit, b)) - x(b)) / 2},${y(line.has(b) ? totals(line.get(b)) : 0)}`);
  chart.append(svg("polyline", { points: points.join(" "), class: "other-date" }));
  // x axis: at most ~12 labels
  const ticks = [];
  for (let b = start; b < end; b = nextBin(unit, b)) ticks.push(b);
  const every = Math.max(1, Math.ceil(ticks.length / 12));
  ticks.forEach((b, i) => {
    if (i % every) return;
    chart.append(svg("line", { x1: x(b), x2: x(b), y1: H - BOTTOM, y2: H - BOTTOM + 4, class: "tick" }),
      svg("text", { x: x(b) + 2, y: H - BOTTOM + 16, class: "axis" }, label(unit, b)));
  });
  // the selected range, and the brush that changes it
  const selection = svg("rect", { y: TOP, height: H - TOP - BOTTOM, class: "brush", id: "timeline-brush", visibility: "hidden" });
  if (since || until) {
    const a = since ? Math.max(x(ms(since)), LEFT) : LEFT;
    const z = until ? Math.min(x(ms(until) + DAY), W - RIGHT) : W - RIGHT;
    selection.setAttribute("x", a);
    selection.setAttribute("width", Math.max(1, z - a));
    selection.setAttribute("visibility", "visible");
  }
  chart.append(selection);
  brush(chart, selection, (px0, px1) => {
    // snap to whole bins: the range the bars show
    const toTime = (px) => start + ((px - LEFT) / (W - LEFT - RIGHT)) * (end - start);
    const a = binStart(unit, toTime(Math.max(LEFT, px0)));
    const z = nextBin(unit, binStart(unit, toTime(Math.min(W - RIGHT - 0.01, px1)))) - DAY;
    here({ since: iso(a), until: iso(z), offset: "" });
  });
  const legend = el("div", { class: "timeline-legend small" },
    types.filter((t) => [...bins.values()].some((m) => m.has(t))).map((t) => el("a", {
      class: filters.plover === t ? "chip active" : "chip", href: route("timeline", { ...filters, plover: filters.plover === t ? "" : t }),
    }, el("span", { class: "swatch-box", "data-type": t || "none" }, svg("svg", { width: 10, height: 10 }, svg("rect", { width: 10, height: 10, fill: ploverColour(t) }))), ` ${t || "no type"}`)),
    el("span", { class: "line-key" }, svg("svg", { width: 22, height: 10 }, svg("line", { x1: 0, x2: 22, y1: 5, y2: 5, class: "other-date" })),
      by === "event" ? " by publication date" : " by event date"));
  const controls = el("div", { class: "timeline-controls" },
    el("label", {}, `${t("Bars by")} `, el("select", { id: "timeline-by", onchange: (ev) => here({ by: ev.target.value === "event" ? "" : ev.target.value, offset: "" }) },
      el("option", { value: "event", selected: by === "event" }, t("event date")),
      el("option", { value: "published", selected: by === "published" }, t("publication date")))),
    el("label", {}, ` ${t("per")} `, el("select", { id: "timeline-bin", onchange: (ev) => here({ bin: ev.target.value, offset: "" }) },
      BINS.map((b) => el("option", { value: b, selected: b === unit }, t(b))))),
    since || until
      ? el("span", { id: "timeline-range" }, ` Selected: ${since || "…"} – ${until || "…"} `,
        el("button", { type: "button", class: "secondary", id: "timeline-clear", onclick: () => here({ since: "", until: "", offset: "" }) }, t("Clear")))
      : el("span", { class: "muted" }, " Drag across the chart to select a period; it filters every view."));
  root.append(controls, el("div", { class: "chart-wrap" }, chart), legend,
    el("p", { class: "small muted", id: "timeline-status" },
      `One bar per ${unit}, ${label(unit, start)} – ${label(unit, end - DAY)}.`,
      outside ? ` ${outside} event${outside > 1 ? "s" : ""} dated outside this span ${outside > 1 ? "are" : "is"} not drawn.` : ""),
    table);
}

/** Dragging on ``chart`` draws ``selection`` and, on release, calls ``done(x0, x1)`` in chart units;
 * a click without a drag selects the bar under the pointer. */
function brush(chart, selection, done) {
  let from = null;
  const at = (ev) => {
    const box = chart.getBoundingClientRect();
    return ((ev.clientX - box.left) / box.width) * W;
  };
  chart.addEventListener("pointerdown", (ev) => {
    from = at(ev);
    chart.setPointerCapture(ev.pointerId);
    ev.preventDefault();
  });
  chart.addEventListener("pointermove", (ev) => {
    if (from === null) return;
    const to = at(ev);
    selection.setAttribute("x", Math.min(from, to));
    selection.setAttribute("width", Math.abs(to - from));
    selection.setAttribute("visibility", "visible");
  });
  chart.addEventListener("pointerup", (ev) => {
    if (from === null) return;
    const to = at(ev);
    const a = Math.min(from, to), z = Math.max(from, to);
    from = null;
    if (z < LEFT || a > W - RIGHT) return;
    done(a, z - a < 2 ? a : z);
  });
}
