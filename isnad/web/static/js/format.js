// How the parts of an event are shown: English labels, Arabic text kept as written.

import { ar, el } from "./dom.js";
import { language } from "./i18n.js";

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
  "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];
// one colour per type, close types in one hue family (cooperation greens, talk blues, conflict reds)
const PLOVER_COLOURS = {
  AGREE: "#1b7f4b", CONSULT: "#2b6cb0", SUPPORT: "#38a169", CONCEDE: "#9ae6b4", COOPERATE: "#276749", AID: "#68d391",
  RETREAT: "#90cdf4", REQUEST: "#4299e1", ACCUSE: "#b83280", REJECT: "#d53f8c", THREATEN: "#e53e3e", PROTEST: "#dd6b20",
  SANCTION: "#805ad5", MOBILIZE: "#f6ad55", COERCE: "#c53030", ASSAULT: "#742a2a",
};

/** The colour of a PLOVER type in the charts (grey for an event without one). */
export function ploverColour(type) {
  return PLOVER_COLOURS[type] || "#a0aec0";
}
export const MODALITIES = ["asserted", "reported", "planned", "considered", "negated", "hypothetical", "historical"];
const SOURCE_TYPES = {
  named_person: "named person", named_outlet: "named outlet", named_institution: "named institution",
  report: "report", qualified_anonymous: "qualified anonymous", anonymous: "anonymous",
};

export function sourceType(t) {
  return SOURCE_TYPES[t] || (t || "").replaceAll("_", " ");
}

/** The event's date: the start of its time interval, else the article's publication date. */
export function eventDate(e) {
  return (e.time && e.time.interval_start) || e.published || null;
}

export function dateLabel(e) {
  const t = e.time;
  if (t && t.interval_start) {
    return t.interval_end && t.interval_end !== t.interval_start ? `${t.interval_start} – ${t.interval_end}` : t.interval_start;
  }
  return e.published ? `${e.published} (published)` : "undated";
}

/** One side of an event: the English name and code, with the Arabic words of the text beside them. */
export function actorNode(side) {
  if (!side) return el("span", { class: "muted" }, "—");
  const a = side.actor || {};
  const name = language() === "ar" ? a.ar || a.code || a.country : a.en || a.code || a.country;
  return el("span", { class: "actor" },
    name ? el("span", { class: "actor-en" }, name) : null,
    a.code && a.code !== name ? el("code", {}, a.code) : null,
    side.text && side.text !== name ? ar(side.text, "actor-ar") : null);
}

export function actorKey(side) {
  if (!side) return null;
  const a = side.actor || {};
  return a.code || a.country || side.text || null;
}

export function placeNode(p) {
  if (!p) return el("span", { class: "muted" }, "—");
  const name = (language() === "ar" ? p.ar || p.en : p.en || p.ar) || p.text || "";
  return el("span", { class: "place" }, name,
    p.country ? el("code", {}, p.country) : null,
    p.text && p.text !== name ? ar(p.text) : null);
}

/** Credibility as an Admiralty-style grade, e.g. "F3". */
export function grade(c) {
  if (!c) return "—";
  if (c.grade) return String(c.grade);
  const r = c.source_reliability ?? "";
  const i = c.information_credibility ?? "";
  return `${r}${i}` || "—";
}

export function gradeNode(c) {
  const g = grade(c);
  const title = c ? Object.entries(c).map(([k, v]) => `${k.replaceAll("_", " ")}: ${typeof v === "object" ? JSON.stringify(v) : v}`).join("\n") : "";
  return el("span", { class: `grade grade-${g[0] || "x"}`, title }, g);
}

export function ploverNode(p) {
  const type = (p && p.type) || "—";
  return el("span", { class: `plover plover-${type}` }, type);
}

export function cameoLabel(c) {
  if (!c) return "";
  return [c.code, c.label].filter(Boolean).join(" ");
}

/** A page's total: "10,000+" when the server stopped counting there (total_exact false). */
export function totalLabel(page) {
  return page.total.toLocaleString("en") + (page.total_exact === false ? "+" : "");
}
