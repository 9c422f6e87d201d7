"""Search terms: the words of an article folded and stripped of clitics, so that a query matches
regardless of diacritics, alef/hamza/ta-marbuta variants and attached clitics (لجوء finds اللجوء and ولجوئه).

An article is indexed under every plausible base of each word (``clitics.candidates`` with suffixes); a
query word is reduced to its reliable key (``clitics.key``). Both sides then go through the same folding.
"""
from __future__ import annotations

import re

from isnad.text.clitics import Clitics
from isnad.text.normalise import Normaliser

WORD = re.compile(r"\w+")
# A hamza seat left at the end of a stem once a suffix is gone (لجوئـه → لجوئ) stands for a bare hamza.
SEATS = ("ئ", "ؤ")
LIMIT = 100_000  # distinct words remembered


class Terms:
    """The index terms of articles and queries under one folding (built by :class:`~isnad.resources.Resources`)."""

    def __init__(self, normaliser: Normaliser, clitics: Clitics) -> None:
        self.normaliser = normaliser
        self.clitics = clitics
        self._words: dict[str, tuple[str, ...]] = {}

    def term(self, stem: str) -> str:
        """The searchable form of a folded stem: the loose folding of it (the stem is folded already, so
        only the loose table is applied)."""
        if stem.endswith(SEATS):
            stem = stem[:-1] + "ء"
        return self.normaliser.loosen(stem).lower()

    def word_terms(self, word: str) -> tuple[str, ...]:
        """All terms a folded word is indexed under."""
        got = self._words.get(word)
        if got is None:
            if len(self._words) > LIMIT:
                self._words.clear()
            got = self._words[word] = tuple(dict.fromkeys(
                t for c in self.clitics.candidates(word, suffixes=True) if (t := self.term(c))
            ))
        return got

    def document_terms(self, text: str) -> list[str]:
        """The distinct index terms of an article, in order of first appearance."""
        seen: dict[str, None] = {}
        for w in WORD.findall(self.normaliser.fold(text)):
            for t in self.word_terms(w):
                seen[t] = None
        return list(seen)

    def query_terms(self, query: str) -> list[str]:
        """The terms every matching article must contain (one per query word)."""
        out: list[str] = []
        for w in WORD.findall(self.normaliser.fold(query)):
            t = self.term(self.clitics.key(w))
            if t and t not in out:
                out.append(t)
        return out

    def snippet(self, text: str, terms: list[str], width: int = 90) -> str:
        """A piece of ``text`` around the first word that matches one of ``terms``."""
        wanted = set(terms)
        norm, offsets = self.normaliser.normalise(text)
        # each distinct word is looked up once, in order of first appearance: the first that matches is
        # the first match, and its first occurrence is where it is
        hit = next((w for w in dict.fromkeys(WORD.findall(norm)) if wanted.intersection(self.word_terms(w))), None)
        m = re.search(rf"(?<!\w){re.escape(hit)}(?!\w)", norm) if hit is not None else None
        if m is None:
            return " ".join(text[:width].split())
        start, end = offsets.span(m.start(), m.end())
        left = max(0, start - width // 2)
        right = min(len(text), end + width // 2)
        # widen to whole words
        while left > 0 and not text[left - 1].isspace():
            left -= 1
        while right < len(text) and not text[right].isspace():
            right += 1
        piece = " ".join(text[left:right].split())
        return ("… " if left > 0 else "") + piece + (" …" if right < len(text) else "")
