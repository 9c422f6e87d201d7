"""Offset-preserving normalisation of Arabic text for matching.

``Normaliser.normalise(text)`` returns the folded text and an :class:`OffsetMap` that takes any offset in the folded
text back to the original. Folding removes diacritics, tatweel and invisible marks, unifies alef/hamza
seats and Persian letters, expands presentation forms and maps Eastern Arabic digits to ASCII. It keeps
ى and ي apart (علي is not على). The character tables live in ``isnad/data/charmap.json``.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any


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
        """The offset in the original text of an offset in the normalised one (at most the original's length)."""
        i = bisect_right(self.norm_at, offset) - 1
        return min(offset + (self.shift[i] if i >= 0 else 0), self.orig_len)

    def table(self, length: int) -> Sequence[int]:
        """``to_original`` of every normalised offset ``0 … length``, built a run of unshifted characters at a
        time: a text's token offsets are then list look-ups instead of one search each."""
        if not self.norm_at:
            return range(length + 1)  # nothing deleted or expanded: offsets are unchanged
        cap = self.orig_len
        bounds = [0, *self.norm_at, length + 1]
        out = array("i")  # machine integers: a list would cost 40 bytes a character
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


class Normaliser:
    """The folding of one character map: ``normalise`` (with offsets), ``fold`` and ``loose``.

    Built once by :class:`isnad.resources.Resources` from ``charmap.json`` and shared by every stage.
    """

    def __init__(self, charmap: dict[str, Any]) -> None:
        same = {ord(k): v for k, v in charmap["replace"].items()}
        expand = {ch: "" for ch in charmap["delete"]}
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
        self.expand = expand  # character -> replacement of another length ("" deletes)
        self.special = re.compile("[" + "".join(re.escape(c) for c in sorted(expand)) + "]+")
        self.loose_table = {ord(k): v for k, v in charmap["loose"].items() if k != "_about"}
        self.same = {chr(k): v for k, v in same.items()}  # one-to-one replacements
        # re.sub beats str.translate on Arabic text
        self.same_pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self.same)) + "]")

    def _same_length(self, text: str) -> str:
        table = self.same
        return self.same_pattern.sub(lambda m: table[m.group()], text)

    def normalise(self, text: str) -> tuple[str, OffsetMap]:
        """The folded text and the map from its offsets back to ``text``."""
        folded = self._same_length(text)
        pieces: list[str] = []
        norm_at: list[int] = []
        shift: list[int] = []
        pos = 0  # in the original
        out_len = 0  # length of the normalised text so far
        for m in self.special.finditer(folded):
            pieces.append(folded[pos : m.start()])
            out_len += m.start() - pos
            for i, ch in enumerate(m.group()):
                rep = self.expand[ch]
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

    def fold(self, text: str) -> str:
        """Normalised form of a short string (a lexicon entry, a query), without the offset map."""
        expand = self.expand
        return self.special.sub(lambda m: "".join(expand[c] for c in m.group()), self._same_length(text))

    def loose(self, text: str) -> str:
        """Looser folding for search and fuzzy look-ups: ة→ه, ى→ي, ؤ/ئ seats, bare hamza dropped."""
        return self.fold(text).translate(self.loose_table)

    def loosen(self, folded: str) -> str:
        """The loose table alone, for text that is folded already."""
        return folded.translate(self.loose_table)
