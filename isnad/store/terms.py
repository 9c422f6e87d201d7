"""Search terms: the words of an article folded and stripped of clitics, so that a query matches
regardless of diacritics, alef/hamza/ta-marbuta variants and attached clitics (لجوء finds اللجوء and ولجوئه).

An article is indexed under every plausible base of each word (``clitics.candidates`` with suffixes); a
query word is reduced to its reliable key (``clitics.key``). Both sides then go through the same folding.
"""
from __future__ import annotations

import re
from functools import lru_cache

from isnad.text.clitics import candidates, key
from isnad.text.normalise import fold, normalise, tables

WORD = re.compile(r"\w+")
# A hamza seat left at the end of a stem once a suffix is gone (لجوئـه → لجوئ) stands for a bare hamza.
SEATS = ("ئ", "ؤ")


@lru_cache(maxsize=100_000)
def term(stem: str) -> str:
    """The searchable form of a folded stem: ``normalise.loose`` of it (the stem is folded already, so
    only the loose table is applied)."""
    if stem.endswith(SEATS):
        stem = stem[:-1] + "ء"
    return stem.translate(tables().loose).lower()


@lru_cache(maxsize=100_000)
def word_terms(word: str) -> tuple[str, ...]:
    """All terms a folded word is indexed under."""
    out: list[str] = []
    for c in candidates(word, suffixes=True):
        t = term(c)
        if t and t not in out:
            out.append(t)
    return tuple(out)


def document_terms(text: str) -> list[str]:
    """The distinct index terms of an article, in order of first appearance."""
    seen: dict[str, None] = {}
    for w in WORD.findall(fold(text)):
        for t in word_terms(w):
            seen[t] = None
    return list(seen)


def query_terms(query: str) -> list[str]:
    """The terms every matching article must contain (one per query word)."""
    out: list[str] = []
    for w in WORD.findall(fold(query)):
        t = term(key(w))
        if t and t not in out:
            out.append(t)
    return out


def snippet(text: str, terms: list[str], width: int = 90) -> str:
    """A piece of ``text`` around the first word that matches one of ``terms``."""
    wanted = set(terms)
    norm, offsets = normalise(text)
    for m in WORD.finditer(norm):
        if wanted.intersection(word_terms(m.group())):
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
    return " ".join(text[:width].split())
