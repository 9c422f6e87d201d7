"""Reading a document's tokens for the time-expression rules: phrase look-ups, numbers, results.

A rule reads tokens from a start index and returns a :class:`Found` (token range, reference, rule name)
or ``None``. Only the first token of an expression may carry a clitic (وفي أواخر، بالأمس); the span
leaves that clitic out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from isnad.document import Tokens
from isnad.timex.lexicon import Lexicon, bases
from isnad.timex.refs import Ref

NUMBER = re.compile(r"[وف]?[بل]?(?:ال)?(\d{1,4})([مه])?")


@lru_cache(maxsize=20_000)
def number_of(word: str) -> tuple[int, int, str, int] | None:
    """``(value, digit count, mark, prefix length)`` of a number token: 2009, و2011, ال15, 2026م, 1445ه."""
    m = NUMBER.fullmatch(word)
    if m is None:
        return None
    return int(m.group(1)), len(m.group(1)), m.group(2) or "", m.start(1)


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression on the tokens: its token range, the clitic left out of its span, its reference and rule."""

    first: int  # index of the first token
    end: int  # index after the last token
    prefix: int  # letters of a clitic on the first token, left out of the span
    ref: Ref
    rule: str


Match = tuple[Any, int, int]  # value, index after the phrase, prefix length


class TokenReader:
    """The tokens of one document, read by index; out-of-range indexes read as the empty word."""

    def __init__(self, tokens: Tokens, lex: Lexicon) -> None:
        self.toks = tokens
        self.n = len(tokens)
        self.lex = lex

    def word(self, i: int) -> str:
        """The normalised token at ``i``; the empty word out of range."""
        return self.toks.norm[i] if 0 <= i < self.n else ""

    def phrase(self, i: int, cat: str, strip: bool = False) -> Match | None:
        """The phrase of category ``cat`` starting at token ``i`` (with ``strip``, also after a clitic):
        ``(value, index after the phrase, clitic length)``, or None."""
        if i >= self.n:
            return None
        table = self.lex.phrases
        for base, prefix in bases(self.word(i)) if strip else ((self.word(i), 0),):
            for p in table.get(base, ()):
                if p.cat == cat and all(self.word(i + 1 + k) == w for k, w in enumerate(p.rest)):
                    return p.value, i + 1 + len(p.rest), prefix
        return None

    def prev_is(self, i: int, name: str) -> bool:
        """Whether the token before ``i``, or its base without a clitic, is in the word set ``name``."""
        return any(b in self.lex.words[name] for b, _ in bases(self.word(i - 1))) if i > 0 else False

    def _tight(self, first: int, end: int) -> bool:
        """No space between the tokens (15/1/2026, not a score 2 - 1 - 2010)."""
        t = self.toks
        return end <= self.n and all(t.end[k] == t.start[k + 1] for k in range(first, end - 1))
