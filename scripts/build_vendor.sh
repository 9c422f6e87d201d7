#!/usr/bin/env bash
# Copy the dashboard's JavaScript libraries into isnad/web/static/vendor/ from their npm packages (pinned
# versions, fetched with the ordinary npm client), and their licences into LICENSES/. Nothing is loaded
# from outside at run time: the server serves these copies.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/isnad/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$vendor"

unpack() {  # unpack NAME@VERSION into $work/NAME
  local spec="$1" name="${1%@*}"
  (cd "$work" && npm pack "$spec" --silent >/dev/null && mkdir -p "$name" && tar xzf "${name}-${spec##*@}.tgz" -C "$name")
}

unpack leaflet@1.9.4
unpack leaflet.markercluster@1.5.3
unpack cytoscape@3.35.0
unpack layout-base@2.0.1
unpack cose-base@2.2.0
unpack cytoscape-fcose@2.2.0

cp "$work/leaflet/package/dist/leaflet.js" "$work/leaflet/package/dist/leaflet.css" "$vendor/"
cp "$work/leaflet.markercluster/package/dist/leaflet.markercluster.js" \
   "$work/leaflet.markercluster/package/dist/MarkerCluster.css" \
   "$work/leaflet.markercluster/package/dist/MarkerCluster.Default.css" "$vendor/"
cp "$work/cytoscape/package/dist/cytoscape.min.js" "$vendor/"
# fcose and the layout code it rests on are shipped as plain UMD files (they set window.layoutBase,
# window.coseBase and window.cytoscapeFcose)
cp "$work/layout-base/package/layout-base.js" "$work/cose-base/package/cose-base.js" \
   "$work/cytoscape-fcose/package/cytoscape-fcose.js" "$vendor/"

cp "$work/leaflet/package/LICENSE" "$root/LICENSES/leaflet-BSD-2-Clause.txt"
cp "$work/leaflet.markercluster/package/MIT-LICENCE.txt" "$root/LICENSES/leaflet.markercluster-MIT.txt"
cp "$work/cytoscape/package/LICENSE" "$root/LICENSES/cytoscape-MIT.txt"
cp "$work/layout-base/package/LICENSE" "$root/LICENSES/layout-base-MIT.txt"
cp "$work/cose-base/package/LICENSE" "$root/LICENSES/cose-base-MIT.txt"
cp "$work/cytoscape-fcose/package/LICENSE" "$root/LICENSES/cytoscape-fcose-MIT.txt"
chmod 644 "$vendor"/*
ls -l "$vendor"
