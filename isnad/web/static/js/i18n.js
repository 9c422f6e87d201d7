// The interface in English or Arabic: a switch in the header, kept in the browser's storage. The labels
// are data (static/labels.json); anything without an Arabic label stays in English. In Arabic the names of
// actors and places are the Arabic ones and the page reads right to left.

let labels = {}; // the chosen language's labels, read once at start (see loadLabels)

export function language() {
  return localStorage.getItem("isnad.lang") === "ar" ? "ar" : "en";
}

/** Read the labels of the chosen language and set the page's language and direction. */
export async function loadLabels() {
  const lang = language();
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  if (lang === "en") return;
  const response = await fetch("/static/labels.json");
  labels = response.ok ? (await response.json())[lang] || {} : {};
}

/** The label ``text`` (English) in the chosen language. */
export function t(text) {
  return labels[text] ?? text;
}

/** Switch to the other language (the page is drawn again). */
export function switchLanguage() {
  localStorage.setItem("isnad.lang", language() === "ar" ? "en" : "ar");
  location.reload();
}
