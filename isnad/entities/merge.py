"""One set of mentions from the gazetteer's and the tagger's.

The gazetteer's mentions carry identities (actors, places), so they win where spans overlap; the one
exception is a tagged person that covers unresolved person fragments only (a first name the rules
found, where the tagger found the whole name). The tagger's other names are added, trimmed of function
words at their edges; the ``resolve`` stage then resolves them like any mention. A name made only of
function words (على، في، من …) is never kept as a mention.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from isnad.document import Document, Mention
from isnad.resources import Resources
from isnad.text.offsets import token_range

WORD = re.compile(r"\w+")
LAST_WORD = re.compile(r"(?<!\w)(\w+)\s+$")  # the whole word just before a position, nothing but spaces between
CLITICS = re.compile(r"(?:[وف]?[بكل]|[وف])(?=ال)")
CACHE_LIMIT = 50_000  # words whose answer is kept, as in the other word caches
MARK = re.compile(r"[\u0640\u064B-\u065F\u0670\u06D6-\u06ED]")


class Merger:
    """Merges the tagger's names into a document's mentions: ``merger(doc, names)`` gives the merged list in
    text order."""

    def __init__(self, resources: Resources) -> None:
        self.fold = resources.normaliser.fold
        self.candidates = resources.clitics.candidates
        self.stop = resources.words("ner/stop_person.txt")
        self.compass = resources.words("ner/compass.txt")
        self._stop: dict[str, bool] = {}

    def is_stop(self, word: str) -> bool:
        """Whether a word is a function word that is never a name (على، في، من: ``ner/stop_person.txt``),
        with or without its first clitic."""
        got = self._stop.get(word)
        if got is None:
            if len(self._stop) > CACHE_LIMIT:
                self._stop.clear()
            got = self._stop[word] = any(c in self.stop for c in self.candidates(self.fold(word))[:2])
        return got

    def trim(self, doc: Document, m: Mention) -> Mention | None:
        """The mention without function words or punctuation at its edges; None if nothing is left."""
        words = [(w.start(), w.end()) for w in WORD.finditer(m.text) if not self.is_stop(w.group())]
        if not words:
            return None
        start, end = m.start + words[0][0], m.start + words[-1][1]
        start = self._after_clitics(doc.text, start, end)
        # only the edges are trimmed: a function word inside a name (عبد الله بن علي) stays
        if (start, end) == (m.start, m.end):
            return m
        return Mention(start, end, doc.text[start:end], m.label, m.source, m.actor, m.place, m.score,
                       token_range(doc.tokens, start, end))

    def _after_clitics(self, text: str, start: int, end: int) -> int:
        """The start of a name past a conjunction or preposition glued before its article (والأمم → الأمم),
        as the gazetteer's spans have it; other prefixes are ambiguous (وليد) and stay."""
        word = self.fold(text[start:end].split()[0]) if text[start:end].strip() else ""
        prefix = CLITICS.match(word)
        if not prefix or len(word) - prefix.end() < 4:
            return start
        pos = start
        for _ in range(prefix.end()):
            pos += 1
            while pos < end and MARK.match(text[pos]):  # diacritics and tatweel ride on the letter
                pos += 1
        return pos

    def __call__(self, doc: Document, found: Iterable[Mention]) -> list[Mention]:
        existing = sorted(doc.mentions, key=lambda e: (e.start, -e.end))
        existing = [e for e in existing if not (e.label == "PER" and self.trim(doc, e) is None)]
        starts = [e.start for e in existing]
        reach: list[int] = []  # the furthest end of any existing mention up to each index
        for e in existing:
            reach.append(max(e.end, reach[-1] if reach else 0))
        replaced: set[int] = set()
        added: list[Mention] = []
        for m in found:
            cleaned = self.trim(doc, m)
            if cleaned is None:
                continue
            m = cleaned
            hits = []
            j = bisect_left(starts, m.end) - 1
            while j >= 0 and reach[j] > m.start:
                if existing[j].end > m.start:
                    hits.append(j)
                j -= 1
            if hits and not self._covers_fragments(m, [existing[j] for j in hits]):
                continue
            replaced.update(hits)
            if m.label in ("ORG", "PER") and self._after_compass(doc.text, m.start):
                m.label = "LOC"
            added.append(m)
        merged = sorted([e for i, e in enumerate(existing) if i not in replaced] + added, key=lambda e: (e.start, -e.end))
        texts: dict[str, str] = {}  # one string per distinct name: a long article names the same few again and again
        for m in merged:
            m.text = texts.setdefault(m.text, m.text)
        return merged

    def _after_compass(self, text: str, start: int) -> bool:
        """The word before ``start`` is a direction (شرق، بشمال، وجنوب)."""
        before = LAST_WORD.search(text, max(0, start - 20), start)
        return bool(before) and any(c in self.compass for c in self.candidates(self.fold(before.group(1))))

    @staticmethod
    def _covers_fragments(m: Mention, hits: list[Mention]) -> bool:
        """A tagged person that strictly contains only unresolved persons found by the rules."""
        return m.label == "PER" and all(
            h.label == "PER" and h.actor is None and m.start <= h.start and h.end <= m.end and (h.end - h.start) < (m.end - m.start)
            for h in hits
        )
