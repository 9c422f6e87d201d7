// The dashboard's router: the part of the address after "#/" names the view and its parameters.

import { getJSON } from "./api.js";
import { el, route as link } from "./dom.js";
import { pickFilters } from "./filters.js";
import { articleView } from "./article.js";
import { eventsView, searchView } from "./events.js";
import { mapView } from "./map.js";
import { networkView } from "./network.js";
import { sourcesView } from "./sources.js";
import { storiesView, storyView } from "./stories.js";
import { timelineView } from "./timeline.js";
import { language, loadLabels, switchLanguage, t } from "./i18n.js";

const VIEWS = {
  events: eventsView,
  search: searchView,
  timeline: timelineView,
  map: mapView,
  actors: networkView,
  sources: sourcesView,
  doc: articleView,
  stories: storiesView,
  story: storyView,
};

/** An address the dashboard does not know: say so, and offer the views it has. */
function notFoundView(root) {
  root.append(el("h1", { id: "not-found" }, t("Page not found")),
    el("p", {}, "The dashboard has no page at ", el("code", {}, location.hash || "/"), ". Its views are:"),
    el("ul", {}, [...document.querySelectorAll("#nav a")].map((a) => el("li", {}, el("a", { href: `#/${a.dataset.view}` }, a.textContent)))));
}

function go(path, params) {
  location.hash = link(path, params);
}

async function render() {
  const route = location.hash;
  const hash = route.replace(/^#\/?/, "") || "events";
  const [path, query] = hash.split("?");
  const [name, ...rest] = path.split("/");
  const view = VIEWS[name] || notFoundView;
  const params = new URLSearchParams(query || "");
  // the filters (the timeline's date range among them) go along to every other view
  const shared = pickFilters(params);
  delete shared.document;
  for (const a of document.querySelectorAll("#nav a")) {
    a.classList.toggle("active", a.dataset.view === name);
    a.setAttribute("href", link(a.dataset.view, a.dataset.view === "stories" ? {} : shared));
  }
  // A fresh container per render: a slow earlier view that finishes late fills its own, detached one.
  const holder = document.getElementById("view");
  const root = el("div", { class: `view view-${name}` });
  delete holder.dataset.ready;
  holder.dataset.view = name;
  holder.replaceChildren(root);
  try {
    await view(root, params, go, rest.map(decodeURIComponent).join("/"));
  } catch (err) {
    root.append(el("p", { class: "error", role: "alert" }, `Could not load this view: ${err.message}`));
  }
  if (root.isConnected) {
    holder.dataset.route = route; // which address this content answers (tests wait for it)
    holder.dataset.ready = "1";
  }
}

async function showStats() {
  try {
    const s = await getJSON("/api/stats");
    document.getElementById("stats").textContent = `${s.articles ?? s.documents ?? "?"} articles · ${s.events ?? "?"} events`;
  } catch (_) { /* the counts are a nicety */ }
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  go("search", { q: document.getElementById("search-q").value.trim() });
});
window.addEventListener("hashchange", render);
loadLabels().then(() => {
  for (const a of document.querySelectorAll("#nav a")) a.textContent = t(a.textContent);
  const q = document.getElementById("search-q");
  q.placeholder = t(q.placeholder);
  document.querySelector("#search-form button").textContent = t("Search");
  const toggle = document.getElementById("lang-switch");
  toggle.textContent = language() === "ar" ? "English" : "عربي";
  toggle.addEventListener("click", switchLanguage);
  render();
  showStats();
});
