"""Document-level facts the event coder needs, computed once per document: mentions and times by
sentence, the most named country and place, and years written as numbers when no time stage ran."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import fields
from functools import cached_property
from operator import attrgetter
from typing import Any

from isnad.document import Document
from isnad.events import arguments as args_

SENTENCE = attrgetter("sentence")
YEAR_WORDS = {"عام", "العام", "سنة", "السنة", "خلال"}


class DocIndex:
    """What the coder needs from a whole document, computed once and only for documents with a trigger."""

    def __init__(self, doc: Document) -> None:
        tokens = doc.tokens
        self.doc = doc
        self.tokens = tokens
        self._at: dict[int, int] = {}  # character offset → token index, filled on demand
        self.mentions: dict[int, list[tuple[int, Any]]] = {}
        for mi, m in enumerate(doc.mentions):
            sid = tokens[self.find(m.start)].sentence
            self.mentions.setdefault(sid, []).append((mi, m))
        self.times: dict[int, list[Any]] = {}
        for t in doc.times:
            self.times.setdefault(tokens[self.find(t.start)].sentence, []).append(t)
        self.salient = args_.salient_country(doc)
        # the named source of a report (مصادر دبلوماسية) is who says it, not who does it
        self.said_by: dict[int, list[tuple[int, int]]] = {}
        # the attributions whose content reaches into each sentence
        self.reported: dict[int, list[Any]] = {}
        for a in doc.attributions:
            if a.source is not None:
                self.said_by.setdefault(tokens[self.find(a.source.start)].sentence, []).append((a.source.start, a.source.end))
            if a.content is not None and a.content.end > a.content.start:
                first = tokens[self.find(a.content.start)].sentence
                last = tokens[self.find(a.content.end - 1)].sentence
                for sid in range(first, last + 1):
                    self.reported.setdefault(sid, []).append(a)

    @cached_property
    def default_place(self) -> dict[str, Any] | None:
        return default_place(self.doc)

    def reported_by(self, sid: int, offset: int) -> list[str]:
        """Ids of the attributions whose content holds the character at ``offset`` in sentence ``sid``."""
        return [a.id for a in self.reported.get(sid, ()) if a.content.start <= offset < a.content.end]

    def find(self, offset: int) -> int:
        """The token at a character offset (memoised: mentions are looked up several times)."""
        i = self._at.get(offset)
        if i is None:
            i = self._at[offset] = args_.token_index(self.tokens, offset)
        return i

    def span(self, sid: int) -> tuple[int, int]:
        """First and last token of sentence ``sid`` (tokens are in sentence order)."""
        return (bisect_left(self.tokens, sid, key=SENTENCE),
                bisect_right(self.tokens, sid, key=SENTENCE) - 1)


def time_dict(t: Any) -> dict[str, Any]:
    return {f.name: getattr(t, f.name) for f in fields(t)}


def years(doc: Document, first: int, last: int) -> list[tuple[int, dict[str, Any]]]:
    """Years written as numbers (عام 2009), for documents that went through no time stage."""
    out = []
    for i in range(first, last + 1):
        t = doc.tokens[i]
        if len(t.norm) == 4 and t.norm.isdigit() and 1900 <= int(t.norm) <= 2100:
            prev = doc.tokens[i - 1].norm if i > first else ""
            if prev in YEAR_WORDS:
                out.append((i, {"start": t.start, "end": t.end, "text": doc.text[t.start : t.end],
                                "interval_start": f"{t.norm}-01-01", "interval_end": f"{t.norm}-12-31",
                                "granularity": "year", "vague": False, "anchor": None, "rule": "events/year"}))
    return out


def place_dict(place: Any, text: str | None, start: int | None, end: int | None) -> dict[str, Any]:
    out = {f.name: getattr(place, f.name) for f in fields(place)}
    out.update({"text": text, "start": start, "end": end})
    return out


def default_place(doc: Document) -> dict[str, Any] | None:
    """The article's most named place, marked as inferred (no span in the event's sentence)."""
    counts: dict[str, list[Any]] = {}
    for m in doc.mentions:
        if m.place is not None and m.label in ("GPE", "LOC"):
            key = m.place.en or m.place.ar or m.text
            counts.setdefault(key, []).append(m)
    if not counts:
        return None
    best = max(counts.values(), key=len)
    out = place_dict(best[0].place, best[0].text, None, None)
    out["inferred"] = True
    return out
