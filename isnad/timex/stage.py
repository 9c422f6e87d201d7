"""The ``timex`` stage: Arabic time expressions, each resolved to an interval of dates.

Expressions are found on the tokens (``parse``) and resolved against the publication date (``refs``).
An expression that depends on the publication date (أمس، أواخر ديسمبر الماضي، الأسابيع الأخيرة) is
kept with anchor ``"unresolved"`` and no interval when the document has no date; explicit dates
(15 يناير 2026، عام 2017، 15 رمضان 1445 هـ) resolve without one (anchor ``None``).
"""
from __future__ import annotations

from datetime import date

from isnad.document import Document, TimeSpan
from isnad.resources import Resources
from isnad.text.offsets import after_letters
from isnad.timex.lexicon import Lexicon
from isnad.timex.parse import Found, Scanner
from isnad.timex.refs import Interval, Ref

__all__ = ["TimeExpressions", "find"]

UNRESOLVED = "unresolved"
# Granularity does not depend on the anchor: a fixed date gives it for expressions left unresolved.
SHAPE_ANCHOR = date(2000, 6, 15)


def find(doc: Document, lex: Lexicon) -> list[Found]:
    """Time expressions in the document's tokens, left to right, not overlapping, within one sentence."""
    tokens = doc.tokens
    scanner = Scanner(tokens, lex)
    out: list[Found] = []
    # the cheap pre-filter, a distinct word at a time: most tokens can begin no time expression
    starters = set(filter(lex.start_cats, set(tokens.norm)))
    free = 0  # the first token after the last expression found
    for i in [i for i, w in enumerate(tokens.norm) if w in starters]:
        if i < free:
            continue
        f = scanner.at(i)
        if f is not None and tokens.sentence[f.first] == tokens.sentence[f.end - 1]:
            out.append(f)
            free = f.end
    return out


def anchor_of(doc: Document) -> date | None:
    """The publication date relative times are resolved against; None when the document has none, or one that
    is not an ISO date (then with a warning)."""
    if not doc.published:
        return None
    try:
        return date.fromisoformat(doc.published[:10])
    except ValueError:
        doc.warnings.append(f"publication date {doc.published!r} is not an ISO date; relative times left unresolved")
        return None


def _resolve(ref: Ref, anchor: date | None) -> Interval | None:
    try:
        return ref.resolve(anchor)
    except (ValueError, OverflowError):
        return None  # a date before year 1 or after 9999 (منذ 900 عقد)


class TimeExpressions:
    """The ``timex`` stage: the document's time expressions, each resolved to an interval of dates where it can be."""

    name = "timex"
    requires: tuple[str, ...] = ("tokens",)
    assigns: tuple[str, ...] = ("times",)

    def __init__(self, resources: Resources | None = None) -> None:
        self.lex = (resources or Resources()).timex

    def __call__(self, doc: Document) -> Document:
        anchor = anchor_of(doc)
        times: list[TimeSpan] = []
        for f in find(doc, self.lex):
            span = self._span(doc, f, anchor)
            if span is not None:
                times.append(span)
        doc.times = times
        unresolved = sum(1 for t in times if t.anchor == UNRESOLVED)
        if unresolved and not doc.published:
            doc.warnings.append(
                f"no publication date: {unresolved} relative time expression(s) left unresolved (أمس، الأسبوع الماضي), "
                "so their events get no dates and none can be marked historical; give --published (or 'published')"
            )
        return doc

    def _span(self, doc: Document, f: Found, anchor: date | None) -> TimeSpan | None:
        first, last = doc.tokens[f.first], doc.tokens[f.end - 1]
        start = after_letters(doc, first, f.prefix)
        span = TimeSpan(start, last.end, doc.text[start : last.end], rule=f.rule, tokens=(f.first, f.end))
        relative = f.ref.relative
        if relative and anchor is None:
            span.anchor = UNRESOLVED
            shape = _resolve(f.ref, SHAPE_ANCHOR)
            if shape is not None:
                span.granularity, span.vague = shape.granularity, shape.vague
            return span
        interval = _resolve(f.ref, anchor)
        if interval is None:
            return None  # not a real date (31 February, a Hijri year outside the tables), or a name
        span.interval_start, span.interval_end = interval.start.isoformat(), interval.end.isoformat()
        span.granularity, span.vague = interval.granularity, interval.vague
        span.anchor = anchor.isoformat() if relative and anchor else None
        return span
