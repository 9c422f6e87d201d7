// Drawing a network with cytoscape.js (bundled): a force layout (fcose) that keeps labels apart, labels
// left out where they would overlap a more important one, and a click that highlights a node's neighbours.

import { cytoscape } from "./vendor.js";


/** The labels of the most important nodes (by ``weight``) that do not overlap one already kept; the
 * others are shown when their node or a neighbour is chosen, or on hover. */
function declutter(cy) {
  const kept = [];
  const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  cy.batch(() => cy.nodes().forEach((n) => n.data("shown", n.data("label"))));
  for (const n of cy.nodes().sort((a, b) => b.data("weight") - a.data("weight"))) {
    const box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    if (kept.some((k) => overlaps(k, box))) n.data("shown", "");
    else kept.push(box);
  }
}

/** Draw ``nodes`` ({id, label, weight, size, colour, title, kind}) and ``edges`` ({source, target, count,
 * colour, title}) in the element ``box``; ``onNode(id)`` is called on a double click; ``layout`` (cytoscape
 * options, or a function of the graph giving them) replaces the force layout, and ``across`` turns its rows
 * into columns (a layered layout read left to right). Returns the graph. */
export async function drawNetwork(box, nodes, edges, { onNode, layout, across } = {}) {
  const cy = (await cytoscape())({
    container: box,
    elements: [
      ...nodes.map((n) => ({ data: { ...n, shown: n.label } })),
      ...edges.map((e, i) => ({ data: { id: `e${i}`, ...e } })),
    ],
    style: [
      { selector: "node", style: {
        width: "data(size)", height: "data(size)", "background-color": "data(colour)", label: "data(shown)",
        "font-size": 12, "font-family": "DejaVu Sans, sans-serif", color: "#1f2933",
        "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": "#fff", "text-outline-width": 2,
        "border-width": 1, "border-color": "#fff",
      } },
      { selector: "node[kind = 'outlet']", style: { shape: "round-rectangle" } },
      { selector: "node[kind = 'event']", style: { shape: "diamond" } },
      { selector: "node.side-label", style: { "text-halign": "right", "text-valign": "center", "text-margin-x": 4, "text-margin-y": 0 } },
      { selector: "edge", style: {
        width: "mapData(count, 1, 20, 1, 6)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.8, opacity: 0.7,
      } },
      { selector: ".faded", style: { opacity: 0.12 } },
      { selector: "node.hood, node.hover", style: { label: "data(label)", "z-index": 10 } },
      { selector: "node.chosen", style: { "border-color": "#dc2626", "border-width": 3 } },
    ],
    layout: { name: "preset" },
    minZoom: 0.2,
    maxZoom: 4,
  });
  const run = cy.layout(typeof layout === "function" ? layout(cy) : layout || {
    name: "fcose", quality: "proof", randomize: true, animate: false, nodeDimensionsIncludeLabels: true,
    nodeRepulsion: 6000, idealEdgeLength: 70, nodeSeparation: 60, packComponents: true, padding: 20,
  });
  await new Promise((resolve) => { run.one("layoutstop", resolve); run.run(); });
  // The layout is spread (not zoomed) to fill the box, so that at the first zoom the labels have their
  // size on screen: then the labels that would overlap a more important one are left out.
  if (across) {
    cy.nodes().positions((n) => ({ x: n.position("y"), y: n.position("x") }));
    cy.nodes().addClass("side-label");
  }
  const bb = cy.nodes().boundingBox({ includeLabels: false });
  const fx = (box.clientWidth - (across ? 260 : 160)) / Math.max(bb.w, 1), fy = (box.clientHeight - 60) / Math.max(bb.h, 1);
  // a layered layout fills the box both ways; a force layout keeps its proportions
  const [sx, sy] = across ? [fx, fy] : [Math.min(fx, fy, 2), Math.min(fx, fy, 2)];
  cy.nodes().positions((n) => ({ x: (n.position("x") - bb.x1) * sx, y: (n.position("y") - bb.y1) * sy }));
  cy.zoom(1);
  cy.center();
  declutter(cy);
  // a click shows the node's neighbourhood (and its labels); a click on the background shows all again
  cy.on("tap", "node", (ev) => cy.batch(() => {
    cy.elements().removeClass("hood chosen").addClass("faded");
    ev.target.closedNeighborhood().removeClass("faded").addClass("hood");
    ev.target.addClass("chosen");
  }));
  cy.on("tap", (ev) => { if (ev.target === cy) cy.elements().removeClass("faded hood chosen"); });
  // hovering shows the node's label and, as the box's tooltip, what it stands for
  cy.on("mouseover", "node", (ev) => { ev.target.addClass("hover"); box.title = ev.target.data("title") || ""; });
  cy.on("mouseout", "node", (ev) => { ev.target.removeClass("hover"); box.title = ""; });
  if (onNode) cy.on("dbltap", "node", (ev) => onNode(ev.target.id()));
  box.cy = cy; // for a reader's console and the browser tests
  return cy;
}
