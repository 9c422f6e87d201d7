// Building DOM nodes from data. Article text is hostile: every value goes in as a text node or an
// attribute set with setAttribute, never as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("td", {class: "x"}, "text", otherNode). */
export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Text from an article (Arabic as a rule): its direction follows its first strong letter. */
export function ar(text, cls) {
  return el("span", { lang: "ar", dir: "auto", class: cls ? `ar ${cls}` : "ar" }, text ?? "");
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A link inside the dashboard (hash route) built from a path and query parameters. */
export function route(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return `#/${path}${s ? "?" + s : ""}`;
}

/** An outside link only for http(s) addresses: a javascript: URL from an article must never be clickable. */
export function safeLink(url, text) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, text ?? url);
  }
  return el("span", {}, text ?? url ?? "");
}
