"""Document-level facts the event coder needs, computed once per document: mentions and times by
sentence, the attributions that reach each sentence, the most named country and place."""
from __future__ import annotations

from dataclasses import fields
from functools import cached_property
from typing import Any

from isnad.document import Document, EventPlace, Place
from isnad.events import arguments as args_
from isnad.text.offsets import token_at


class DocIndex:
    """What the coder needs from a whole document, computed once and only for documents with a trigger."""

    def __init__(self, doc: Document) -> None:
        tokens = doc.tokens
        self.doc = doc
        self.tokens = tokens
        self._at: dict[int, int] = {}  # character offset → token index, filled on demand
        self.mentions: dict[int, list[tuple[int, Any]]] = {}
        for mi, m in enumerate(doc.mentions):
            sid = tokens.sentence[m.tokens[0] if m.tokens else self.find(m.start)]
            self.mentions.setdefault(sid, []).append((mi, m))
        self.times: dict[int, list[Any]] = {}
        for t in doc.times:
            self.times.setdefault(tokens.sentence[t.tokens[0] if t.tokens else self.find(t.start)], []).append(t)
        self.salient = args_.salient_country(doc)
        # the named source of a report (مصادر دبلوماسية) is who says it, not who does it: (source start,
        # source end, cue start, cue end), so that the saying itself (حذر أوباما) keeps its speaker
        self.said_by: dict[int, list[tuple[int, int, int, int]]] = {}
        # the attributions whose content reaches into each sentence
        self.reported: dict[int, list[Any]] = {}
        for a in doc.attributions:
            if a.source is not None:
                self.said_by.setdefault(tokens[self.find(a.source.start)].sentence, []).append(
                    (a.source.start, a.source.end, a.cue.start, a.cue.end))
            if a.content is not None and a.content.end > a.content.start:
                first = tokens[self.find(a.content.start)].sentence
                last = tokens[self.find(a.content.end - 1)].sentence
                for sid in range(first, last + 1):
                    self.reported.setdefault(sid, []).append(a)

    @cached_property
    def default_place(self) -> EventPlace | None:
        """Where the article's events happen when their sentence names no place (see :func:`default_place`)."""
        return default_place(self.doc)

    def reported_by(self, sid: int, offset: int) -> list[str]:
        """Ids of the attributions whose content holds the character at ``offset`` in sentence ``sid``."""
        return [a.id for a in self.reported.get(sid, ()) if a.content.start <= offset < a.content.end]

    def find(self, offset: int) -> int:
        """The token at a character offset (memoised: mentions are looked up several times)."""
        i = self._at.get(offset)
        if i is None:
            i = self._at[offset] = token_at(self.tokens, offset)
        return i

    def span(self, sid: int) -> tuple[int, int]:
        """First and last token of sentence ``sid``."""
        first, end = self.doc.sentences[sid].tokens
        return first, end - 1


def event_place(place: Place, text: str | None, start: int | None, end: int | None, origin: str) -> EventPlace:
    """An event's place from a mention's place, with the words that name it and how it was chosen."""
    return EventPlace(**{f.name: getattr(place, f.name) for f in fields(Place)}, text=text, start=start, end=end,
                      origin=origin)


def default_place(doc: Document) -> EventPlace | None:
    """The article's most named place, marked as inferred (no span in the event's sentence)."""
    counts: dict[str, list[Any]] = {}
    for m in doc.mentions:
        if m.place is not None and m.label in ("GPE", "LOC"):
            key = m.place.en or m.place.ar or m.text
            counts.setdefault(key, []).append(m)
    if not counts:
        return None
    best = max(counts.values(), key=len)
    if best[0].place.precision == "country":
        # the state the article is about, at its most named town there (بغداد in an Iraqi article)
        country = best[0].place.country
        towns = [ms for ms in counts.values() if ms[0].place.precision == "city" and ms[0].place.country == country]
        best = max(towns, key=len) if towns else best
    return event_place(best[0].place, best[0].text, None, None, "inferred")
