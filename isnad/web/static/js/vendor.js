// The bundled libraries (static/vendor/, copied from their npm packages by scripts/build_vendor.sh), loaded
// on first use by the view that needs them: a reader of the events table does not download a map library.

const loading = new Map(); // what was asked for once, by name: each library is loaded (and set up) once

function once(name, load) {
  if (!loading.has(name)) loading.set(name, load());
  return loading.get(name);
}

function script(src) {
  return once(src, () => new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  }));
}

/** Leaflet with its marker clusters: resolves to the global ``L``. */
export function leaflet() {
  return once("leaflet", async () => {
    await script("/static/vendor/leaflet.js");
    await script("/static/vendor/leaflet.markercluster.js");
    return window.L;
  });
}

/** cytoscape.js with the fcose force layout registered: resolves to ``cytoscape``. */
export function cytoscape() {
  return once("cytoscape", async () => {
    await script("/static/vendor/cytoscape.min.js");
    await script("/static/vendor/layout-base.js");
    await script("/static/vendor/cose-base.js");
    await script("/static/vendor/cytoscape-fcose.js");
    window.cytoscape.use(window.cytoscapeFcose);
    return window.cytoscape;
  });
}
