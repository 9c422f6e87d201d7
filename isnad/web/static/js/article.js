// The article view: the text right to left with its mentions, times, sources and event triggers marked,
// and beside it the events; choosing an event shows its evidence and marks every span it rests on.

import { getJSON } from "./api.js";
import { ar, el, route, safeLink } from "./dom.js";
import { actorNode, cameoLabel, dateLabel, gradeNode, placeNode, ploverNode, sourceType } from "./format.js";
import { t } from "./i18n.js";

/** Every marked span of the document: [start, end, css classes, event index or -1]. */
function marks(doc) {
  const out = [];
  for (const s of doc.sentences || []) if (s.heading) out.push([s.start, s.end, "hd", -1]);
  for (const m of doc.mentions || []) out.push([m.start, m.end, `m m-${m.label}`, -1]);
  for (const t of doc.times || []) out.push([t.start, t.end, "tx", -1]);
  for (const a of doc.attributions || []) {
    out.push([a.cue.start, a.cue.end, "cue", -1]);
    if (a.source) out.push([a.source.start, a.source.end, "src", -1]);
  }
  (doc.events || []).forEach((e, i) => out.push([e.trigger.start, e.trigger.end, "trg", i]));
  return out.filter(([s, e]) => e > s);
}

/** The text cut at every mark boundary; each piece carries the classes of the marks covering it. */
function markedText(doc, onTrigger) {
  const text = doc.text;
  const spans = marks(doc);
  const cuts = new Set([0, text.length]);
  for (const [s, e] of spans) { cuts.add(Math.max(0, Math.min(s, text.length))); cuts.add(Math.max(0, Math.min(e, text.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const startsAt = new Map();
  spans.forEach((m, i) => { if (!startsAt.has(m[0])) startsAt.set(m[0], []); startsAt.get(m[0]).push(i); });
  const active = new Set();
  const container = el("div", { class: "article-text", lang: "ar", dir: "rtl", id: "article-text" });
  const pieces = [];
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k], b = points[k + 1];
    for (const i of startsAt.get(a) || []) active.add(i);
    for (const i of [...active]) if (spans[i][1] <= a) active.delete(i);
    const piece = text.slice(a, b);
    if (!active.size) { container.append(piece); continue; }
    const classes = new Set();
    let event = -1;
    for (const i of active) { for (const c of spans[i][2].split(" ")) classes.add(c); if (spans[i][3] >= 0) event = spans[i][3]; }
    const node = el("span", { class: [...classes].join(" ") }, piece);
    if (event >= 0) {
      node.dataset.event = String(event);
      node.setAttribute("role", "button");
      node.tabIndex = 0;
      node.addEventListener("click", () => onTrigger(event));
      node.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onTrigger(event); });
    }
    pieces.push([a, b, node]);
    container.append(node);
  }
  return { container, pieces };
}

/** The attribution an event rests on, then what that rests on, outermost (the outlet's) first. */
function chain(doc, id) {
  const byId = new Map((doc.attributions || []).map((a) => [a.id, a]));
  const out = [];
  const seen = new Set();
  for (let a = byId.get(id); a && !seen.has(a.id); a = byId.get(a.parent)) { seen.add(a.id); out.unshift(a); }
  return out;
}

function chainNode(doc, e) {
  if (!e.attributions || !e.attributions.length) return el("span", { class: "muted" }, "stated by the outlet itself");
  return el("ol", { class: "chain" }, e.attributions.map((id) =>
    el("li", {}, chain(doc, id).map((a, k) => [
      k ? el("span", { class: "chain-arrow" }, " citing ") : null,
      el("span", { class: "chain-link", title: a.description || "" },
        ar(a.source ? a.source.text : a.cue.text), " ",
        el("span", { class: "small muted" }, `(${sourceType(a.source_type)}${a.hedges && a.hedges.length ? ", hedged" : ""})`)),
    ]))));
}

/** Every span an event names, for marking in the text. */
function eventRanges(doc, e) {
  const byId = new Map((doc.attributions || []).map((a) => [a.id, a]));
  const r = [e.trigger];
  for (const side of [e.source, e.target, e.place, e.time]) if (side && side.start != null) r.push(side);
  for (const id of e.attributions || []) for (const a of chain(doc, id)) { r.push(a.cue); if (a.source) r.push(a.source); }
  for (const v of Object.values(e.evidence || {})) if (v && typeof v === "object" && v.start != null) r.push(v);
  return r.filter((x) => x && x.end > x.start);
}

const SIDES = [["trigger", "ev-trg", "the event"], ["source", "ev-src", "who acts"], ["target", "ev-tgt", "acted on"],
  ["place", "ev-place", "where"], ["time", "ev-time", "when"]];

/** The spans an event names, [start, end, class, label] (from the event's sides, else its evidence). */
function sideSpans(e) {
  const spans = (e.evidence && e.evidence.spans) || {};
  const out = [];
  for (const [key, cls, label] of SIDES) {
    const side = e[key];
    const r = side && side.start != null ? [side.start, side.end] : Array.isArray(spans[key]) ? spans[key] : null;
    if (r && r[1] > r[0]) out.push([r[0], r[1], cls, label]);
  }
  return out;
}

/** The sentence holding the event's trigger, with the trigger, source, target, place and time marked. */
function sentenceNode(doc, e) {
  const sentence = (doc.sentences || []).find((s) => s.start <= e.trigger.start && e.trigger.end <= s.end)
    || { start: Math.max(0, e.trigger.start - 120), end: Math.min(doc.text.length, e.trigger.end + 120) };
  const inside = sideSpans(e).filter(([a, b]) => a >= sentence.start && b <= sentence.end).sort((p, q) => p[0] - q[0] || q[1] - p[1]);
  const node = el("p", { class: "ev-sentence", lang: "ar", dir: "rtl" });
  let at = sentence.start;
  for (const [a, b, cls, label] of inside) {
    if (a < at) continue; // a span inside another (a trigger holding its source): the outer one is marked
    node.append(doc.text.slice(at, a), el("mark", { class: cls, title: label }, doc.text.slice(a, b)));
    at = b;
  }
  node.append(doc.text.slice(at, sentence.end));
  const elsewhere = sideSpans(e).filter(([a, b]) => !(a >= sentence.start && b <= sentence.end))
    .map(([a, b, , label]) => el("li", {}, `${label}, named in another sentence: `, ar(doc.text.slice(a, b))));
  return [node, elsewhere.length ? el("ul", { class: "small" }, elsewhere) : null];
}

/** The rule that fired, in words: "verbs/meet#1" is the first pattern of the verb entry "meet". */
function ruleWords(rule) {
  const m = /^([\w-]+)\/([^#]+)#(\d+)$/.exec(rule || "");
  if (!m) return rule ? el("span", {}, "rule ", el("code", {}, rule)) : el("span", { class: "muted" }, "no rule recorded");
  const kind = { verbs: "verb", nouns: "noun", cues: "cue" }[m[1]] || m[1];
  return el("span", {}, `${kind} pattern «${m[2].replaceAll("_", " ")}» (form ${m[3]}) `, el("code", { class: "small" }, rule));
}

/** Who the claim rests on, in words: the outlet, then each source it cites. */
function chainWords(doc, e) {
  const outlet = doc.outlet || "the outlet";
  if (!e.attributions || !e.attributions.length) return [`${outlet} states it itself, citing no source.`];
  return e.attributions.map((id) => {
    const links = chain(doc, id);
    const parts = [`${outlet} reports it`];
    links.forEach((a, k) => {
      const who = a.source ? `«${a.source.text}»` : "an unnamed source";
      parts.push(`${k ? ", who cites" : ", citing"} ${who} (${sourceType(a.source_type)}${a.hedges && a.hedges.length ? ", hedged" : ""}), in the words «${a.cue.text}»`);
    });
    return parts.join("") + ".";
  });
}

function evidenceNode(doc, e) {
  const ev = e.evidence || {};
  const row = (label, ...value) => el("tr", {}, el("th", {}, t(label)), el("td", {}, ...value));
  const grade = e.credibility || {};
  const rows = [
    row("Rule", ruleWords(ev.rule)),
    ev.score != null ? row("Score", `${Number(ev.score).toFixed(2)} `, el("span", { class: "small muted" }, "how sure the scorer is that this is an event (0–1)")) : null,
    ev.modality_cue ? row("Modality", `${e.modality || ""}, from `, ar(ev.modality_cue)) : null,
    row("According to", el("ul", { class: "chain-words" }, chainWords(doc, e).map((t) => el("li", {}, t)))),
    e.place && e.place.origin ? row("Place", `${e.place.en || e.place.ar || ""} — ${PLACE_ORIGIN[e.place.origin] || e.place.origin}`) : null,
    Array.isArray(ev.restated) && ev.restated.length ? row("Restated", `${ev.restated.length} more time${ev.restated.length > 1 ? "s" : ""} in the article: `,
      ev.restated.map(([a, b], k) => [k ? ", " : "", ar(doc.text.slice(a, b))])) : null,
    grade.reasons && grade.reasons.length ? row("Grade", `${grade.source_reliability ?? ""}${grade.information_credibility ?? ""}: `, grade.reasons.join("; ")) : null,
  ];
  // anything else the coder kept, shown as text (a span as its words)
  for (const [k, v] of Object.entries(ev)) {
    if (["rule", "score", "spans", "modality_cue", "restated"].includes(k)) continue;
    rows.push(row(k.replaceAll("_", " "), v && typeof v === "object" && v.text != null ? ar(v.text) : typeof v === "object" ? "" : String(v)));
  }
  return el("div", { class: "evidence" }, el("h4", {}, t("Evidence")), sentenceNode(doc, e),
    el("p", { class: "ev-key small muted" }, SIDES.map(([, cls, label]) => el("mark", { class: cls }, t(label)))),
    el("table", {}, el("tbody", {}, rows)));
}

const PLACE_ORIGIN = {
  stated: "named in the event's sentence", article: "named elsewhere in the article",
  inferred: "inferred: the country the article names most, not stated for this event",
};

function eventCard(doc, e, i, select) {
  const row = (label, value) => el("div", { class: "kv" }, el("span", { class: "k" }, t(label)), el("span", { class: "v" }, value));
  return el("li", { class: "event-card", id: `event-${i}`, dataset: { event: String(i) }, tabindex: "0",
    onclick: () => select(i), onkeydown: (ev) => { if (ev.key === "Enter") select(i); } },
    el("div", { class: "card-head" }, ploverNode(e.plover), " ", el("span", { class: "small" }, cameoLabel(e.cameo)),
      e.cameo && e.cameo.goldstein != null ? el("span", { class: "small muted" }, ` · Goldstein ${e.cameo.goldstein}`) : null,
      el("span", { class: "card-grade" }, gradeNode(e.credibility))),
    el("div", { class: "card-trigger" }, ar(e.trigger.text)),
    row("Source", actorNode(e.source)),
    row("Target", actorNode(e.target)),
    row("Place", placeNode(e.place)),
    row("Time", el("span", {}, dateLabel({ ...e, published: doc.published }), e.time && e.time.text ? [" · ", ar(e.time.text)] : null)),
    row("Modality", e.modality || "—"),
    row("According to", chainNode(doc, e)),
    el("div", { class: "card-detail" }, evidenceNode(doc, e)));
}

export async function articleView(root, params, _go, id) {
  const doc = await getJSON(`/api/documents/${encodeURIComponent(id)}`);
  const events = doc.events || [];
  let cards = [];
  let pieces = [];
  const select = (i) => {
    cards.forEach((c, k) => c.classList.toggle("selected", k === i));
    const ranges = eventRanges(doc, events[i]);
    for (const [a, b, node] of pieces) node.classList.toggle("focus", ranges.some((r) => r.start < b && r.end > a));
    const first = pieces.find(([, , n]) => n.dataset.event === String(i));
    if (first) first[2].scrollIntoView({ block: "center", behavior: "smooth" });
    cards[i].scrollIntoView({ block: "nearest" });
  };
  const marked = markedText(doc, select);
  pieces = marked.pieces;
  cards = events.map((e, i) => eventCard(doc, e, i, select));
  const legend = el("div", { class: "legend small" },
    [["trg", "event trigger"], ["m m-PER", "person"], ["m m-ORG", "organisation"], ["m m-GPE", "place"],
      ["m m-ROLE", "role"], ["tx", "time"], ["cue", "attribution cue"], ["src", "source"]]
      .map(([c, label]) => el("span", {}, el("span", { class: `${c} swatch`, lang: "ar" }, "نص"), " ", label)));
  root.append(el("div", { class: "article-page" },
    el("article", { class: "article" },
      el("h1", {}, ar(doc.title || "(untitled article)", "article-title")),
      el("p", { class: "meta small muted" },
        doc.outlet ? `${doc.outlet} · ` : "", doc.published || "no publication date", " · ",
        doc.url ? safeLink(doc.url) : "no URL", " · ", el("code", {}, doc.id)),
      legend, marked.container),
    el("aside", { class: "event-panel" },
      el("h2", {}, `${events.length} event${events.length === 1 ? "" : "s"}`, " ", el("a", { class: "small", href: route("events", { document: doc.id }) }, "(in the table)")),
      events.length ? el("ol", { class: "event-list", id: "event-list" }, cards) : el("p", { class: "muted" }, "No event was found in this article."))));
  const wanted = params.get("event");
  const index = wanted ? events.findIndex((e) => e.id === wanted) : -1;
  if (index >= 0) select(index);
}
