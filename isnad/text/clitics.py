"""Clitic stripping for look-ups. Spans never change: these functions only produce candidate keys.

Arabic attaches conjunctions (و، ف), prepositions (ب، ل، ك), the article (ال) and pronoun suffixes to
words. Stripping is ambiguous (بلجيكا is not ب + لجيكا), so :func:`candidates` gives every plausible base,
longest first, and the caller keeps the first one its lexicon knows.
"""
from __future__ import annotations

from functools import lru_cache

CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")
SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ي", "ك")
MIN_BASE = 2


def _strip_article(word: str) -> list[str]:
    out = []
    if word.startswith("ال") and len(word) - 2 >= MIN_BASE:
        out.append(word[2:])
    return out


@lru_cache(maxsize=200_000)
def candidates(word: str, suffixes: bool = False) -> tuple[str, ...]:
    """Possible bases of a normalised word, the word itself first, then ever shorter ones."""
    seen: list[str] = [word]
    stems = [word]
    if word[:1] in CONJ and len(word) - 1 >= MIN_BASE:
        stems.append(word[1:])
    for w in list(stems):
        if w[:1] in PREP and len(w) - 1 >= MIN_BASE:
            stems.append(w[1:])
        if w.startswith("لل") and len(w) - 2 >= MIN_BASE:
            stems.append(w[2:])  # لل = ل + ال
    for w in list(stems):
        stems.extend(_strip_article(w))
    if suffixes:
        for w in list(stems):
            for suf in SUFFIXES:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    base = w[: -len(suf)]
                    stems.append(base)
                    if base.endswith("ت"):  # ta marbuta before a suffix: حكومته → حكومة
                        stems.append(base[:-1] + "ة")
    for w in stems:
        if w not in seen:
            seen.append(w)
    return tuple(seen)


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The reliable look-up key: conjunction, preposition + article, or the article removed.

    Only prefixes that end in the article are removed (والدبلوماسي → دبلوماسي, للأمم → امم),
    which is never wrong in practice; bare ب/ل/ك/و/ف are left for :func:`candidates`.
    """
    w = word
    if w[:1] in CONJ and (w[1:3] == "ال" or w[1:3] == "لل" or w[1:2] in PREP and w[2:4] == "ال"):
        w = w[1:]
    if w[:1] in PREP and w[1:3] == "ال" and len(w) - 3 >= MIN_BASE:
        return w[3:]
    if w.startswith("لل") and len(w) - 2 >= MIN_BASE:
        return w[2:]
    if w.startswith("ال") and len(w) - 2 >= MIN_BASE:
        return w[2:]
    return w
