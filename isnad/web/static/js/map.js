// A map of event places: country outlines (Natural Earth, shipped with the package) and a circle per place.

import { getJSON } from "./api.js";
import { ar, el, route, svg } from "./dom.js";

let world = null; // the outlines are fetched once per page load

export async function mapView(root, _params, go) {
  root.append(el("h1", {}, "Event places"));
  world = world || getJSON("/static/world.json");
  const [shapes, places] = await Promise.all([world, getJSON("/api/places", { limit: 1000 })]);
  const byCountry = new Map();
  for (const p of places.items) if (p.country) byCountry.set(p.country, (byCountry.get(p.country) || 0) + p.events);
  const map = svg("svg", { viewBox: "0 6 360 146", class: "chart map", id: "map", role: "img", "aria-label": "map of event places" });
  for (const c of shapes.countries) {
    const n = byCountry.get(c.iso3);
    map.append(svg("path", { d: c.d, class: n ? "land has-events" : "land" },
      svg("title", {}, n ? `${c.name}: ${n} events` : c.name)));
  }
  const located = places.items.filter((p) => p.lat != null && p.lon != null);
  const max = Math.max(1, ...located.map((p) => p.events));
  for (const p of located.sort((a, b) => b.events - a.events)) {
    map.append(svg("circle", {
      cx: p.lon + 180, cy: 90 - p.lat, r: 0.8 + 2.4 * Math.sqrt(p.events / max), class: `place-dot precision-${p.precision || "x"}`,
      tabindex: "0", onclick: () => p.country && go("events", { place: p.country }),
    }, svg("title", {}, `${p.en || ""} ${p.ar || ""} (${p.country || "?"}): ${p.events} events`)));
  }
  const table = el("table", { class: "compact" },
    el("thead", {}, el("tr", {}, ["Place", "Country", "Precision", "Events"].map((h) => el("th", {}, h)))),
    el("tbody", {}, places.items.slice(0, 30).map((p) => el("tr", {},
      el("td", {}, p.en || "", " ", p.ar ? ar(p.ar, "muted") : null),
      el("td", {}, p.country ? el("a", { href: route("events", { place: p.country }) }, p.country) : ""),
      el("td", {}, p.precision || ""), el("td", { class: "num" }, String(p.events))))));
  root.append(el("div", { class: "map-page" },
    el("div", {}, el("div", { class: "chart-wrap" }, map),
      el("p", { class: "small muted" }, `${located.length} places with coordinates; click one for its country's events. Outlines: Natural Earth (public domain).`)),
    el("div", { class: "table-wrap" }, table)));
}
