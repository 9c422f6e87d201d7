"""Sentences and tokens, on the normalised text, with offsets mapped back to the original.

A line without closing punctuation (a headline or sub-heading) is a unit of its own. Running text is
split after . ! ? ؟ and after … ; the Arabic comma ، and semicolon ؛ stay inside a sentence.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Callable

from isnad.document import Sentence, Tokens
from isnad.text.normalise import OffsetMap

TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
LINE = re.compile(r"[^\n]+")
# a sentence ends at closing punctuation (with any closing quotes/brackets) followed by space
SENT_END = re.compile(r"(?:[.!?؟…]+)[\"')\]»]*(?=\s|$)")
CLOSING = ".!?؟…:\"')»"
HEADING_MAX_TOKENS = 25


def sentences(norm: str) -> list[tuple[int, int, bool]]:
    """``(start, end, heading)`` in normalised offsets, whitespace trimmed."""
    out: list[tuple[int, int, bool]] = []
    for line in LINE.finditer(norm):
        text = line.group()
        stripped = text.rstrip()
        if not stripped.strip():
            continue
        base = line.start()
        if stripped[-1] not in CLOSING and len(TOKEN.findall(stripped)) <= HEADING_MAX_TOKENS:
            out.append(_trim(norm, base, base + len(stripped), True))
            continue
        start = 0
        for m in SENT_END.finditer(text):
            if _abbreviation(text, m.start()):
                continue
            out.append(_trim(norm, base + start, base + m.end(), False))
            start = m.end()
        if text[start:].strip():
            out.append(_trim(norm, base + start, base + len(text), False))
    return [s for s in out if s[1] > s[0]]


def _abbreviation(text: str, dot: int) -> bool:
    """A dot after a single letter (د. or U.S.) or between digits does not end a sentence."""
    if text[dot] != ".":
        return False
    before = text[max(0, dot - 2) : dot]
    return len(before) == 2 and before[1].isalpha() and not before[0].isalnum()


def _trim(norm: str, start: int, end: int, heading: bool) -> tuple[int, int, bool]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end, heading


def segment(norm: str, offsets: OffsetMap, key: Callable[[str], str]) -> tuple[list[Sentence], Tokens]:
    """Sentences and tokens, in original offsets; ``key`` gives a token's clitic-free look-up form."""
    units = sentences(norm)
    original = offsets.table(len(norm))
    sents: list[Sentence] = []
    tokens = Tokens()
    # the columns are filled a sentence at a time: a call per token would cost more than the tokenising
    nstarts, nends, norms, keys, sentence = tokens.nstart, array("i"), tokens.norm, tokens.key, tokens.sentence
    # one pair of strings (the word, its key) per distinct word: a text repeats its words
    words: dict[str, tuple[str, str]] = {}
    for i, (s, e, h) in enumerate(units):
        first = len(norms)
        for m in TOKEN.finditer(norm, s, e):
            word = m.group()
            forms = words.get(word)
            if forms is None:
                forms = words[word] = (word, key(word))
            norms.append(forms[0])
            keys.append(forms[1])
            nstarts.append(m.start())
            nends.append(m.end())
        sentence.extend([i] * (len(norms) - first))
        # deleted marks after a unit (diacritics on its last letter) belong to it
        sents.append(Sentence(original[s], max(original[e - 1] + 1, original[e]), h, (first, len(norms))))
    tokens.start.extend([original[a] for a in nstarts])
    tokens.end.extend([max(original[b - 1] + 1, original[b]) for b in nends])
    return sents, tokens
