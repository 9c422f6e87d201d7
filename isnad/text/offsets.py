"""Characters, letters and tokens: the one place that maps between them.

Tokens are in text order, so a character offset finds its token by bisection; a token knows where it
starts in the normalised text, so "the original offset after its first n letters" (a span that leaves a
clitic out: وبالأمس → بالأمس) is a look-up in the document's :class:`~isnad.text.normalise.OffsetMap`.
"""
from __future__ import annotations

from bisect import bisect_right

from isnad.document import Document, Token, Tokens


def token_at(tokens: Tokens, offset: int) -> int:
    """Index of the token that contains a character offset, else of the first token after it (the last
    token for an offset past the end)."""
    lo = bisect_right(tokens.start, offset)  # the first token that starts after the offset
    i = lo - 1
    if i >= 0 and tokens.end[i] > offset:
        return i
    return min(max(lo, 0), len(tokens) - 1)


def token_range(tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """``[first, end)`` token indices of the tokens a character span ``[start, end)`` touches."""
    if not tokens:
        return (0, 0)
    first = token_at(tokens, start)
    last = token_at(tokens, max(start, end - 1))
    return (first, max(first, last) + 1)


def after_letters(doc: Document, token: Token, letters: int) -> int:
    """The original offset after the first ``letters`` normalised letters of a token; the marks and
    tatweel on the last of them go with them (وَبِالأمس, 2 letters → بالأمس)."""
    if letters <= 0:
        return token.start
    if letters >= len(token.norm):
        return token.end
    return min(max(doc.offsets.to_original(token.nstart + letters), token.start), token.end)
