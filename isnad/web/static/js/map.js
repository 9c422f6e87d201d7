// The map: the package's own country and province shapes (Natural Earth) in Leaflet, no tiles from outside;
// a marker per place, clustered, drawn by how the place is known (stated in the event's sentence, named
// elsewhere in the article, or inferred); clicking a place lists its events. The filters (the timeline's
// period among them) choose the events; the view (centre, zoom) is kept in the address.

import { getJSON } from "./api.js";
import { ar, el, route } from "./dom.js";
import { dateLabel, ploverNode } from "./format.js";
import { filterForm, pickFilters } from "./filters.js";
import { leaflet } from "./vendor.js";
import { t } from "./i18n.js";

const ORIGINS = {
  stated: { label: "stated in the event's sentence", style: { radius: 7, color: "#7f1d1d", weight: 1.5, fillColor: "#dc2626", fillOpacity: 0.85 } },
  article: { label: "named elsewhere in the article", style: { radius: 6, color: "#9a3412", weight: 1.5, fillColor: "#fb923c", fillOpacity: 0.7, dashArray: "3 2" } },
  inferred: { label: "inferred (the article's main country)", style: { radius: 6, color: "#475569", weight: 2, fillColor: "#ffffff", fillOpacity: 0.5, dashArray: "2 3" } },
};
const DIVISIONS_FROM = 4; // provinces are drawn from this zoom on

let world = null; // the shapes are fetched once per page load

function placeName(p) {
  return [p.en, p.ar].filter(Boolean).join(" · ") || p.key;
}

/** The events at place ``p`` under ``filters``, listed in ``panel``. */
async function listEvents(panel, p, filters) {
  panel.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  const data = await getJSON("/api/map/events", { ...filters, key: p.key, limit: 50 });
  panel.replaceChildren(
    el("h2", { id: "place-title" }, p.en || "", " ", p.ar ? ar(p.ar) : null, p.country ? el("code", {}, p.country) : null),
    el("p", { class: "small muted" }, `${p.events} event${p.events > 1 ? "s" : ""}, place ${ORIGINS[p.origin] ? ORIGINS[p.origin].label : p.origin}`,
      data.items.length < p.events ? ` (the newest ${data.items.length})` : "", " · ",
      p.country ? el("a", { href: route("events", { ...filters, place: p.country }) }, `all events in ${p.country}`) : null),
    el("ol", { class: "place-events", id: "place-events" }, data.items.map((e) => el("li", {},
      el("div", {}, ploverNode(e.plover), " ", el("span", { class: "small muted" }, dateLabel(e))),
      el("a", { href: route(`doc/${encodeURIComponent(e.document_id)}`, { event: e.id }) }, ar(e.trigger && e.trigger.text)),
      " ", el("span", { class: "small muted" }, ar(e.document_title || e.document_id)))))
  );
}

export async function mapView(root, params, go) {
  const filters = pickFilters(params);
  root.append(el("h1", {}, t("Event places")), filterForm(filters, (f) => go("map", f)));
  world = world || getJSON("/static/world.json");
  const [L, shapes, places] = await Promise.all([leaflet(), world, getJSON("/api/map", filters)]);
  const box = el("div", { class: "leaflet-box", id: "map" });
  const panel = el("aside", { class: "place-panel", id: "place-panel" },
    el("p", { class: "muted" }, "Click a place for its events; click a cluster to zoom into it."));
  const key = el("p", { class: "small muted map-key" }, Object.entries(ORIGINS).map(([k, o]) =>
    el("span", { class: `origin-key origin-${k}` }, t(o.label))), " · Shapes: Natural Earth (public domain).");
  root.append(el("p", { class: "muted", id: "map-status" },
    `${places.items.reduce((s, p) => s + p.events, 0)} events at ${new Set(places.items.map((p) => p.key)).size} places`),
  el("div", { class: "map-page" }, el("div", {}, box, key), panel));

  const [lat, lon, zoom] = (params.get("at") || "").split(",").map(Number);
  const map = L.map(box, { minZoom: 2, maxZoom: 11, worldCopyJump: true, attributionControl: false })
    .setView(Number.isFinite(zoom) ? [lat, lon] : [27, 40], Number.isFinite(zoom) ? zoom : 3);
  const countries = { type: "FeatureCollection", features: shapes.features.filter((f) => f.properties.level === 0) };
  const provinces = { type: "FeatureCollection", features: shapes.features.filter((f) => f.properties.level === 1) };
  const counted = new Set(places.items.map((p) => p.country));
  L.geoJSON(countries, {
    interactive: false,
    style: (f) => ({ className: counted.has(f.properties.iso3) ? "land has-events" : "land", weight: 0.6 }),
  }).addTo(map);
  const divisions = L.geoJSON(provinces, {
    style: () => ({ className: "division", weight: 0.5 }),
    onEachFeature: (f, layer) => layer.bindTooltip(`${f.properties.name} (${f.properties.iso3})`, { sticky: true }),
  });
  const showDivisions = () => {
    if (map.getZoom() >= DIVISIONS_FROM) divisions.addTo(map); else divisions.remove();
  };
  showDivisions();

  // a cluster shows the number of events at its places, not the number of places
  const clusterIcon = (c) => {
    const n = c.getAllChildMarkers().reduce((s, m) => s + m.options.events, 0);
    return L.divIcon({ html: `<div><span>${Number(n)}</span></div>`, iconSize: L.point(40, 40),
      className: `marker-cluster marker-cluster-${n < 10 ? "small" : n < 100 ? "medium" : "large"}` });
  };
  // from a city's zoom on, every place is drawn on its own
  const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true,
    disableClusteringAtZoom: 9, iconCreateFunction: clusterIcon });
  for (const p of places.items) {
    const o = ORIGINS[p.origin] || ORIGINS.stated;
    const marker = L.circleMarker([p.lat, p.lon], { ...o.style, events: p.events, className: `place-dot origin-${p.origin}`, radius: o.style.radius + Math.min(6, Math.log2(p.events)) });
    marker.bindTooltip(`${placeName(p)} — ${p.events} event${p.events > 1 ? "s" : ""} (${p.origin})`);
    marker.on("click", () => listEvents(panel, p, filters));
    clusters.addLayer(marker);
  }
  clusters.addTo(map);
  map.on("zoomend", showDivisions);
  // the view goes into the address without a new render, so that it can be shared
  map.on("moveend", () => {
    const c = map.getCenter();
    const q = new URLSearchParams(location.hash.split("?")[1] || "");
    q.set("at", `${c.lat.toFixed(2)},${c.lng.toFixed(2)},${map.getZoom()}`);
    const hash = `#/map?${String(q).replaceAll("%2C", ",")}`; // commas need no escaping in an address
    history.replaceState(null, "", hash);
    const holder = document.getElementById("view");
    if (holder.dataset.route && root.isConnected) holder.dataset.route = hash;
  });
  root.mapZoom = () => map.getZoom(); // for a reader's console and the browser tests
}
