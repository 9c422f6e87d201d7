// The events table with its filters, and the article search results.

import { getJSON } from "./api.js";
import { ar, el, route } from "./dom.js";
import { actorNode, cameoLabel, dateLabel, gradeNode, placeNode, ploverNode, totalLabel } from "./format.js";
import { filterForm, pickFilters } from "./filters.js";
import { t } from "./i18n.js";

const PAGE = 50;

function eventRow(e) {
  const open = route(`doc/${encodeURIComponent(e.document_id)}`, { event: e.id });
  return el("tr", { dataset: { event: e.id } },
    el("td", { class: "nowrap" }, dateLabel(e)),
    el("td", {}, ploverNode(e.plover), el("div", { class: "small muted" }, cameoLabel(e.cameo))),
    el("td", {}, actorNode(e.source)),
    el("td", {}, el("a", { href: open, class: "trigger-link" }, ar(e.trigger && e.trigger.text))),
    el("td", {}, actorNode(e.target)),
    el("td", {}, placeNode(e.place)),
    el("td", {}, e.modality || ""),
    el("td", {}, gradeNode(e.credibility)),
    el("td", { class: "doc-cell" }, el("a", { href: open }, ar(e.document_title || e.document_id))));
}

export async function eventsView(root, params, go) {
  const filters = pickFilters(params);
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  root.append(el("h1", {}, t("Events")), filterForm(filters, (f) => go("events", f)));
  const types = el("div", { class: "type-chips", id: "type-chips" });
  root.append(types);
  const [table, stats] = await Promise.all([eventTable(filters, offset, (o) => go("events", { ...filters, offset: o })), getJSON("/api/stats")]);
  // every event type in the store, with its count: one click narrows the table to it
  for (const [type, n] of Object.entries(stats.by_plover || {}).filter(([t]) => t).sort((a, b) => b[1] - a[1])) {
    const active = filters.plover === type;
    types.append(el("a", { class: active ? "chip active" : "chip", href: route("events", { ...filters, plover: active ? "" : type }) },
      ploverNode({ type }), ` ${n}`));
  }
  root.append(table);
}

/** The table of the events matching ``filters`` from ``offset`` on, with its count and pager
 * (``onPage(offset)`` turns the page). */
export async function eventTable(filters, offset, onPage) {
  const data = await getJSON("/api/events", { ...filters, limit: PAGE, offset });
  const last = offset + data.items.length;
  const status = el("p", { class: "muted", id: "events-status" },
    data.total ? `${offset + 1}–${last} of ${totalLabel(data)} events` : "No event matches these filters.");
  if (!data.items.length) return status;
  const pager = el("div", { class: "pager" },
    el("button", { type: "button", disabled: offset === 0, onclick: () => onPage(Math.max(0, offset - PAGE)) }, t("‹ Newer")),
    el("button", { type: "button", disabled: last >= data.total && data.total_exact !== false, onclick: () => onPage(offset + PAGE) }, t("Older ›")));
  return el("div", { class: "event-table" }, status,
    el("div", { class: "table-wrap" },
      el("table", { class: "events", id: "events-table" },
        el("thead", {}, el("tr", {}, ["Date", "Type", "Source", "Trigger", "Target", "Place", "Modality", "Grade", "Article"].map((h) => el("th", {}, t(h))))),
        el("tbody", {}, data.items.map(eventRow)))),
    pager);
}

export async function searchView(root, params) {
  const q = params.get("q") || "";
  root.append(el("h1", {}, "Search ", q ? ar(q) : null));
  if (!q) {
    root.append(el("p", { class: "muted" }, "Type words in the search box. Diacritics, hamza forms and attached clitics do not matter."));
    return;
  }
  const data = await getJSON("/api/search", { q, limit: 50 });
  root.append(el("p", { class: "muted", id: "search-status" }, data.items.length ? `${data.items.length} articles · ` : "No article matches.",
    data.items.length ? el("a", { href: route("events", { text: q }) }, "their events in the table") : null));
  root.append(el("ol", { class: "results", id: "search-results" }, data.items.map((r) =>
    el("li", {},
      el("a", { href: route(`doc/${encodeURIComponent(r.document_id)}`) }, ar(r.title || r.document_id, "result-title")),
      el("span", { class: "muted small" }, ` ${r.published || ""} · ${(r.events || []).length} events`),
      r.snippet ? el("p", {}, ar(r.snippet, "snippet")) : null))));
}
