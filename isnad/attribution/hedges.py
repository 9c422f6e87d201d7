"""Hedges and certainty of attributed content.

قد before an imperfect verb hedges (قد يكون: may be); قد before a perfect verb asserts (قد انشق: has defected).
Arabic script does not mark the tense, so the imperfect is recognised by its person prefix (ي ت ن).
Perfect verbs of forms V and VI also begin with ت (قد تقدم: has applied) and are then misread as hedges;
this is the main source of error.
"""
from __future__ import annotations

from isnad.attribution.lexicon import Lexicon



def hedge_words(words: list[str], lex: Lexicon) -> list[tuple[int, int]]:
    """``(first, end)`` word ranges that hedge the claim in ``words``."""
    out: list[tuple[int, int]] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        bare = w[1:] if w[:1] in ("و", "ف") and len(w) > 3 else w  # وربما، فربما
        phrase = _phrase_at(words, i, lex.hedge_first.get(w) or lex.hedge_first.get(bare) or ())
        if phrase:
            out.append((i, i + phrase))
            i += phrase
            continue
        if w in lex.hedge_words or bare in lex.hedge_words:
            out.append((i, i + 1))
        elif w in lex.qad and i + 1 < n:
            j = i + 1
            if words[j] in lex.negations and j + 1 < n:
                j += 1  # قد لا يكون
            if _imperfect(words[j], lex):
                out.append((i, j + 1))
        i += 1
    return out


def _phrase_at(words: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    for p in phrases:
        k = len(p)
        if tuple(words[i + 1 : i + k]) == p[1:]:
            return k
    return 0


def _imperfect(word: str, lex: Lexicon) -> bool:
    return len(word) >= 3 and word[0] in lex.imperfect_prefixes


def certainty(role: str | None, hedged: bool) -> str:
    """asserted, hedged, alleged (زعم، ادعى) or denied (نفى)."""
    if role == "deny":
        return "denied"
    if role == "allege":
        return "alleged"
    return "hedged" if hedged else "asserted"
