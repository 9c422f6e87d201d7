// Stories: one real-world event across articles. The list ranks them by reports; a story's page shows
// its reports in time order, which texts are copies of which, the independent origins and the grade.

import { getJSON } from "./api.js";
import { ar, el, route } from "./dom.js";
import { cameoLabel } from "./format.js";
import { t } from "./i18n.js";

const PAGE = 50;
const GRADES = { 1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable", 6: "cannot be judged" };

function gradeLabel(g) {
  return el("span", { class: `grade grade-${g}`, title: GRADES[g] || "" }, `${g ?? "?"} ${GRADES[g] || ""}`);
}

function trigger(e) {
  return e ? ar(e.trigger && e.trigger.text) : "";
}

export async function storiesView(root, params, go) {
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const min = Math.max(1, parseInt(params.get("min_articles") || "2", 10) || 2);
  root.append(el("h1", {}, t("Stories")),
    el("p", { class: "muted" }, "Events told by several articles. Copies of one report and reports resting on one agency count as one origin."));
  const data = await getJSON("/api/stories", { min_articles: min, limit: PAGE, offset });
  root.append(el("p", { class: "muted", id: "stories-status" },
    data.total ? `${offset + 1}–${offset + data.items.length} of ${data.total} stories` : "No story yet: ingest articles to find events reported more than once."));
  if (!data.items.length) return;
  root.append(el("div", { class: "table-wrap" },
    el("table", { class: "events", id: "stories-table" },
      el("thead", {}, el("tr", {}, ["Days", "Event", "Trigger", "Articles", "Outlets", "Origins", "Grade"].map((h) => el("th", {}, t(h))))),
      el("tbody", {}, data.items.map((s) => el("tr", { dataset: { story: s.id } },
        el("td", { class: "nowrap" }, `${s.date_start || "?"} – ${s.date_end || "?"}`),
        el("td", {}, el("a", { href: route(`story/${encodeURIComponent(s.id)}`) }, cameoLabel(s.event && s.event.cameo))),
        el("td", {}, trigger(s.event)),
        el("td", {}, String(s.articles)), el("td", {}, String(s.outlets)), el("td", {}, String(s.origins)),
        el("td", {}, gradeLabel(s.grade))))))),
    el("div", { class: "pager" },
      el("button", { type: "button", disabled: offset === 0, onclick: () => go("stories", { min_articles: min, offset: Math.max(0, offset - PAGE) }) }, t("‹ Previous")),
      el("button", { type: "button", disabled: offset + PAGE >= data.total, onclick: () => go("stories", { min_articles: min, offset: offset + PAGE }) }, t("Next ›"))));
}

export async function storyView(root, _params, _go, id) {
  const s = await getJSON(`/api/stories/${encodeURIComponent(id)}`);
  root.append(el("h1", {}, cameoLabel(s.event && s.event.cameo), " ", trigger(s.event)),
    el("p", { id: "story-summary" },
      `${s.mentions} reports in ${s.articles} articles of ${s.outlets} outlets, ${s.origins} independent origin(s); `,
      s.agree ? "the reports agree. " : "the reports disagree. ",
      "Grade ", gradeLabel(s.grade)),
    el("ul", { class: "reasons", id: "story-reasons" }, s.reasons.map((r) => el("li", {}, r))));
  // the timeline of reports: one row per article, in the order they appeared
  const articles = new Map();
  for (const m of s.members) if (!articles.has(m.article)) articles.set(m.article, m);
  const families = [...new Set(s.members.map((m) => m.family))];
  root.append(el("h2", {}, t("Reports")),
    el("div", { class: "table-wrap" }, el("table", { class: "events", id: "story-reports" },
      el("thead", {}, el("tr", {}, ["Published", "Outlet", "Article", "Copy family", "Origin", "Modality"].map((h) => el("th", {}, t(h))))),
      el("tbody", {}, [...articles.values()].map((m) => el("tr", {},
        el("td", { class: "nowrap" }, m.published || ""),
        el("td", {}, m.outlet || ""),
        el("td", {}, el("a", { href: route(`doc/${encodeURIComponent(m.article)}`, { event: m.event && m.event.id }) }, m.article)),
        el("td", {}, `family ${families.indexOf(m.family) + 1}`),
        el("td", {}, m.origin),
        el("td", {}, m.modality || "")))))));
  if (s.copies.length) {
    const name = new Map(s.members.map((m) => [m.text, m.article]));
    root.append(el("h2", {}, t("Which texts copy which")),
      el("ul", { id: "story-copies" }, s.copies.map((c) => el("li", {},
        `${name.get(c.b) || c.b.slice(0, 12)} is a ${c.relation} of ${name.get(c.a) || c.a.slice(0, 12)}: `,
        `${c.shared_words} words shared (${Math.round(100 * c.coverage)}% of the shorter text)`))));
  }
}
