// Drawing a directed graph in SVG: nodes as labelled circles, edges as arrows whose width grows with count.

import { svg } from "./dom.js";

/** A small force layout (repulsion between nodes, springs along edges, a pull to the centre), deterministic:
 * it starts on a circle. The result is stretched to fill the box. */
export function forceLayout(nodes, edges, width, height, rounds = 300) {
  const n = nodes.length;
  if (n === 1) return [{ x: width / 2, y: height / 2 }];
  const pos = nodes.map((_, i) => ({ x: Math.cos((2 * Math.PI * i) / n), y: Math.sin((2 * Math.PI * i) / n) }));
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const k = 1 / Math.sqrt(n); // ideal distance in a unit square
  for (let round = 0; round < rounds; round++) {
    const step = 0.1 * (1 - round / rounds) + 0.002;
    const move = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const d2 = Math.max(dx * dx + dy * dy, 1e-4), f = (k * k) / d2;
      move[i].x += dx * f; move[i].y += dy * f; move[j].x -= dx * f; move[j].y -= dy * f;
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const f = Math.hypot(dx, dy) / k;
      move[a].x -= dx * f; move[a].y -= dy * f; move[b].x += dx * f; move[b].y += dy * f;
    }
    for (let i = 0; i < n; i++) {
      move[i].x -= pos[i].x * 0.5; move[i].y -= pos[i].y * 0.5; // keeps unconnected parts together
      const len = Math.max(Math.hypot(move[i].x, move[i].y), 1e-9);
      pos[i].x += (move[i].x / len) * Math.min(len, step);
      pos[i].y += (move[i].y / len) * Math.min(len, step);
    }
  }
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const fit = (v, lo, hi, a, b) => (hi - lo < 1e-9 ? (a + b) / 2 : a + ((v - lo) / (hi - lo)) * (b - a));
  return pos.map((p) => ({ x: fit(p.x, x0, x1, 90, width - 90), y: fit(p.y, y0, y1, 40, height - 45) }));
}

/** Draw nodes at ``pos`` with edges; ``onNode(node)`` is called on a click. */
export function drawGraph(chart, nodes, edges, pos, { radius, onNode, nodeClass }) {
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  chart.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
    svg("path", { d: "M0,0L10,5L0,10z", class: "arrow-head" }))));
  for (const e of edges) {
    const a = index.get(e.source), b = index.get(e.target);
    if (a === undefined || b === undefined) continue;
    const p = pos[a], q = pos[b];
    const d = Math.max(Math.hypot(q.x - p.x, q.y - p.y), 1), rb = radius(nodes[b]) + 2;
    const path = a === b
      ? `M${p.x - 4},${p.y - radius(nodes[a]) + 1}c-22,-38 30,-38 8,0`
      : `M${p.x},${p.y}L${q.x - ((q.x - p.x) * rb) / d},${q.y - ((q.y - p.y) * rb) / d}`;
    chart.append(svg("path", { d: path, class: "edge", "stroke-width": 1 + 4 * (e.count / maxCount), "marker-end": "url(#arrow)" },
      svg("title", {}, `${nodes[a].label} → ${nodes[b].label}: ${e.count}`)));
  }
  nodes.forEach((node, i) => {
    chart.append(svg("g", { class: `node ${nodeClass ? nodeClass(node) : ""}`, tabindex: "0", onclick: () => onNode && onNode(node) },
      svg("circle", { cx: pos[i].x, cy: pos[i].y, r: radius(node) }),
      svg("text", { x: pos[i].x, y: pos[i].y + radius(node) + 13, "text-anchor": "middle" }, node.label),
      svg("title", {}, node.title || node.label)));
  });
}
