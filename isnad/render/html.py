"""One self-contained HTML page for a Document: the article right-to-left with every mention, time and
event trigger highlighted, and the events, entities and attributions in tables beside it.

No network: the style is inline and there is no script. All article text is escaped.
"""
from __future__ import annotations

from html import escape
from importlib import resources

from isnad.document import Document
from isnad.render.text import event_row, interval_text


def render_html(doc: Document) -> str:
    """The Document as one HTML page: the article with its mentions, times, cues and triggers highlighted,
    and tables of its events, attributions, entities and times."""
    css = resources.files("isnad.render").joinpath("page.css").read_text(encoding="utf-8")
    title = doc.title or (doc.text.strip().splitlines() or ["isnad"])[0]
    events = "".join(
        "<tr id='ev-{0}'>{1}</tr>".format(escape(e.id), "".join(f"<td>{escape(str(c or '—'))}</td>" for c in event_row(e)))
        for e in doc.events
    )
    mentions = "".join(
        f"<tr><td class='lbl l-{escape(m.label)}'>{escape(m.label)}</td><td dir='rtl'>{escape(m.text)}</td>"
        f"<td>{escape(_english(m) or '—')}</td><td>{escape((m.actor.code if m.actor else None) or (m.place.country if m.place else None) or '—')}</td></tr>"
        for m in doc.mentions
    )
    attributions = "".join(
        f"<tr><td>{escape(a.id)}</td><td dir='rtl'>{escape(a.cue.text)}</td>"
        f"<td dir='rtl'>{escape(a.source.text if a.source else '—')}</td><td>{escape(a.source_type)}</td>"
        f"<td>{escape(a.parent or a.refers_to or '—')}</td></tr>"
        for a in doc.attributions
    )
    times = "".join(
        f"<tr><td dir='rtl'>{escape(t.text)}</td><td>{escape(interval_text(t.interval_start, t.interval_end))}</td>"
        f"<td>{escape(t.granularity or '—')}</td></tr>"
        for t in doc.times
    )
    warnings = "".join(f"<p class='warn'>{escape(w)}</p>" for w in doc.warnings)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{escape(title)} — isnad</title><style>{css}</style></head>
<body><header><h1>isnad</h1><p>{escape(doc.id)} · published {escape(doc.published or 'unknown')}
{(' · ' + escape(doc.outlet)) if doc.outlet else ''} · {escape(doc.pipeline or '')}</p>{warnings}
<p class="legend">{''.join(f"<span class='l-{k}'>{k}</span>" for k in ("PER", "ORG", "GPE", "LOC", "NORP", "ROLE", "MISC", "TIME", "EVENT", "CUE"))}</p></header>
<main><article lang="ar" dir="rtl">{highlight(doc)}</article>
<aside>
<h2>Events ({len(doc.events)})</h2><table><tr><th>#</th><th>trigger</th><th>CAMEO</th><th>PLOVER</th><th>source → target</th><th>place</th><th>time</th><th>modality</th><th>grade</th></tr>{events}</table>
<h2>Attributions ({len(doc.attributions)})</h2><table><tr><th>id</th><th>cue</th><th>source</th><th>type</th><th>rests on</th></tr>{attributions}</table>
<h2>Entities ({len(doc.mentions)})</h2><table><tr><th>label</th><th>text</th><th>English</th><th>code</th></tr>{mentions}</table>
<h2>Times ({len(doc.times)})</h2><table><tr><th>text</th><th>interval</th><th>granularity</th></tr>{times}</table>
</aside></main></body></html>
"""


def _english(m) -> str | None:
    if m.place and m.place.en:
        return m.place.en
    return m.actor.en if m.actor else None


def highlight(doc: Document) -> str:
    """The article as HTML, each character run wrapped in the classes of every span that covers it."""
    spans: list[tuple[int, int, str, str]] = []
    for m in doc.mentions:
        spans.append((m.start, m.end, f"l-{m.label}", f"{m.label}: {_english(m) or m.text}"))
    for t in doc.times:
        spans.append((t.start, t.end, "l-TIME", f"TIME: {interval_text(t.interval_start, t.interval_end)}"))
    for a in doc.attributions:
        spans.append((a.cue.start, a.cue.end, "l-CUE", f"attribution {a.id}: {a.source_type}"))
    for e in doc.events:
        spans.append((e.trigger.start, e.trigger.end, "l-EVENT", f"{e.id}: CAMEO {e.cameo.code} {e.cameo.label or ''}"))
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (s, e, _, _) in enumerate(spans):
        if e > s:
            starts.setdefault(s, []).append(i)
            ends.setdefault(e, []).append(i)
    cuts = sorted({0, len(doc.text), *starts, *ends})
    active: set[int] = set()
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        piece = escape(doc.text[a:b]).replace("\n", "<br>\n")
        if active:
            cover = [spans[i] for i in sorted(active)]
            classes = " ".join(sorted({c for _, _, c, _ in cover}))
            tip = escape(" | ".join(t for _, _, _, t in cover))
            parts.append(f"<mark class='{classes}' title='{tip}'>{piece}</mark>")
        else:
            parts.append(piece)
    return "".join(parts)
