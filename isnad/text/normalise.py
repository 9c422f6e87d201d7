"""Offset-preserving normalisation of Arabic text for matching.

``normalise(text)`` returns the folded text and an :class:`OffsetMap` that takes any offset in the folded
text back to the original. Folding removes diacritics, tatweel and invisible marks, unifies alef/hamza
seats and Persian letters, expands presentation forms and maps Eastern Arabic digits to ASCII. It keeps
ى and ي apart (علي is not على). The character tables live in ``isnad/data/charmap.json``.
"""
from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Tables:
    same_length: dict[str, str]  # one-to-one replacements
    same_pattern: re.Pattern[str]  # any character of same_length (re.sub beats str.translate on Arabic)
    special: re.Pattern[str]  # characters that are deleted or expanded
    expand: dict[str, str]  # character -> replacement of another length ("" deletes)
    loose: dict[int, str]


@lru_cache(maxsize=1)
def tables() -> Tables:
    data = json.loads(resources.files("isnad.data").joinpath("charmap.json").read_text(encoding="utf-8"))
    same = {ord(k): v for k, v in data["replace"].items()}
    expand = {ch: "" for ch in data["delete"]}
    # Arabic presentation forms (FB50–FDFF, FE70–FEFF): NFKC gives the plain letters, sometimes several.
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch:
            folded = folded.translate(same)
            if len(folded) == 1:
                same[cp] = folded
            else:
                expand[ch] = folded.strip() if folded.strip() else folded
    special = re.compile("[" + "".join(re.escape(c) for c in sorted(expand)) + "]+")
    loose = {ord(k): v for k, v in data["loose"].items() if k != "_about"}
    same_chars = {chr(k): v for k, v in same.items()}
    same_pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(same_chars)) + "]")
    return Tables(same_chars, same_pattern, special, expand, loose)


class OffsetMap:
    """Maps offsets in the normalised text back to the original text.

    Stored as breakpoints: from normalised offset ``norm_at[i]`` on, original = normalised + ``shift[i]``.
    An article without deleted or expanded characters has no breakpoints at all.
    """

    __slots__ = ("norm_at", "shift", "orig_len")

    def __init__(self, norm_at: list[int], shift: list[int], orig_len: int) -> None:
        self.norm_at = norm_at
        self.shift = shift
        self.orig_len = orig_len

    def to_original(self, offset: int) -> int:
        i = bisect_right(self.norm_at, offset) - 1
        return min(offset + (self.shift[i] if i >= 0 else 0), self.orig_len)

    def table(self, length: int) -> Sequence[int]:
        """``to_original`` of every normalised offset ``0 … length``, built a run of unshifted characters at a
        time: a text's token offsets are then list look-ups instead of one search each."""
        if not self.norm_at:
            return range(length + 1)  # nothing deleted or expanded: offsets are unchanged
        cap = self.orig_len
        bounds = [0, *self.norm_at, length + 1]
        out: list[int] = []
        for a, b, shift in zip(bounds, bounds[1:], [0, *self.shift]):
            split = max(a, min(b, cap - shift + 1))  # offsets from here on would map past the end
            out.extend(range(a + shift, split + shift))
            out.extend([cap] * (b - split))
        return out

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` for a normalised span; deleted marks that follow it (diacritics) belong to it."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), max(self.to_original(end - 1) + 1, self.to_original(end))


def _same_length(t: Tables, text: str) -> str:
    table = t.same_length
    return t.same_pattern.sub(lambda m: table[m.group()], text)


def normalise(text: str) -> tuple[str, OffsetMap]:
    t = tables()
    folded = _same_length(t, text)
    pieces: list[str] = []
    norm_at: list[int] = []
    shift: list[int] = []
    pos = 0  # in the original
    out_len = 0  # length of the normalised text so far
    for m in t.special.finditer(folded):
        pieces.append(folded[pos : m.start()])
        out_len += m.start() - pos
        for i, ch in enumerate(m.group()):
            rep = t.expand[ch]
            orig = m.start() + i
            if rep:
                # each produced character maps back to the character it came from
                for _ in rep:
                    norm_at.append(out_len)
                    shift.append(orig - out_len)
                    out_len += 1
                pieces.append(rep)
        pos = m.end()
        norm_at.append(out_len)
        shift.append(pos - out_len)
    pieces.append(folded[pos:])
    return "".join(pieces), OffsetMap(norm_at, shift, len(text))


def fold(text: str) -> str:
    """Normalised form of a short string (a lexicon entry, a query), without the offset map."""
    t = tables()
    return t.special.sub(lambda m: "".join(t.expand[c] for c in m.group()), _same_length(t, text))


def loose(text: str) -> str:
    """Looser folding for search and fuzzy look-ups: ة→ه, ى→ي, ؤ/ئ seats, bare hamza dropped."""
    return fold(text).translate(tables().loose)
