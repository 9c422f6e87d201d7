// The event filters (the same as `isnad events`), kept in the page address so every view can share them.

import { el } from "./dom.js";
import { MODALITIES, PLOVER_TYPES } from "./format.js";
import { t } from "./i18n.js";

export const FILTER_KEYS = ["actor", "cameo", "plover", "place", "modality", "since", "until", "text", "document"];

/** The filter values of a route's query parameters (only the known keys, empty ones dropped). */
export function pickFilters(params) {
  const out = {};
  for (const k of FILTER_KEYS) if (params.get(k)) out[k] = params.get(k);
  return out;
}

function field(label, input) {
  return el("label", { class: "field" }, el("span", {}, t(label)), input);
}

function select(name, values, current) {
  return el("select", { name },
    el("option", { value: "" }, t("any")),
    values.map((v) => el("option", { value: v, selected: v === current }, v)));
}

/** A form showing ``current`` filters; ``onApply(filters)`` gets the new values. */
export function filterForm(current, onApply) {
  const input = (name, attrs) => el("input", { name, value: current[name] || "", ...attrs });
  const form = el("form", { class: "filters", id: "filters" },
    field("Actor", input("actor", { placeholder: "IRN, IRNGOV", size: 9 })),
    field("CAMEO", input("cameo", { placeholder: "14", size: 4, inputmode: "numeric" })),
    field("Type", select("plover", PLOVER_TYPES, current.plover)),
    field("Place", input("place", { placeholder: "CHE", size: 4, maxlength: 3 })),
    field("Modality", select("modality", MODALITIES, current.modality)),
    field("Since", input("since", { type: "date" })),
    field("Until", input("until", { type: "date" })),
    field("Text", input("text", { placeholder: "لجوء", dir: "auto", size: 12 })),
    current.document ? input("document", { type: "hidden" }) : null,
    el("button", { type: "submit" }, t("Apply")),
    el("button", { type: "button", class: "secondary", onclick: () => onApply({}) }, t("Reset")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const values = {};
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) values[k] = String(v).trim();
    onApply(values);
  });
  return form;
}
