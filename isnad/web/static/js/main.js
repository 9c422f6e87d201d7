// The dashboard's router: the part of the address after "#/" names the view and its parameters.

import { getJSON } from "./api.js";
import { el, route as link } from "./dom.js";
import { articleView } from "./article.js";
import { eventsView, searchView } from "./events.js";
import { mapView } from "./map.js";
import { networkView } from "./network.js";
import { sourcesView } from "./sources.js";
import { storiesView, storyView } from "./stories.js";
import { timelineView } from "./timeline.js";

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

function go(path, params) {
  location.hash = link(path, params);
}

async function render() {
  const route = location.hash;
  const hash = route.replace(/^#\/?/, "") || "events";
  const [path, query] = hash.split("?");
  const [name, ...rest] = path.split("/");
  const view = VIEWS[name] || eventsView;
  const params = new URLSearchParams(query || "");
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.view === name);
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
render();
showStats();
