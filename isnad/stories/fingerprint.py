"""The fingerprint of an article's text for finding its copies: words, shingles, a MinHash and its LSH keys.

Words are compared loosely folded (diacritics, tatweel, alef forms, final yeh and teh marbuta unified), so
two outlets' spellings of one report match. A text's shingles are its runs of ``SHINGLE`` words; its MinHash
(datasketch) has ``PERMUTATIONS`` values, each stored as one LSH key (bands of one row). Two texts share
a key with probability equal to the Jaccard similarity of their shingle sets, so the number of keys they
share estimates it: a partial copy (one paragraph of a long report) shares a few, unrelated texts none.
The keys live in the store, so finding an article's candidates is one indexed look-up, never a comparison
with every stored article.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from isnad.text.normalise import Normaliser

SHINGLE = 5  # words per shingle
PERMUTATIONS = 64  # MinHash values, one LSH key each
SEED = 1  # fixed: keys computed by different processes and versions must agree
WORD = re.compile(r"\w+")
KEY_BITS = 62  # keys fit a signed 64-bit column of either database


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text: each one's loose folded form and its offsets in the original, column by column
    (three lists: cheap to send from the worker that analysed the text to the writer that compares it)."""

    forms: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.forms)

    def head(self, n: int) -> Words:
        """The first ``n`` words."""
        return self if len(self.forms) <= n else Words(self.forms[:n], self.starts[:n], self.ends[:n])


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The LSH keys of a text and how many distinct shingles it has (to turn shared keys into containment)."""

    keys: tuple[int, ...]
    shingles: int


def words(text: str, normaliser: Normaliser) -> Words:
    """The words of ``text`` with their original offsets, each folded loosely for comparison."""
    found = list(WORD.finditer(text))
    return Words([normaliser.loose(m.group()) for m in found], [m.start() for m in found], [m.end() for m in found])


def shingles(forms: list[str]) -> set[bytes]:
    """The distinct runs of ``SHINGLE`` words (the whole text when it is shorter), as bytes for hashing."""
    if not forms:
        return set()
    n = max(1, len(forms) - SHINGLE + 1)
    return {" ".join(forms[i : i + SHINGLE]).encode("utf-8") for i in range(n)}


def fingerprint(text: str, normaliser: Normaliser, known: Words | None = None) -> Fingerprint:
    """The LSH keys of a text: key ``i`` encodes (permutation ``i``, the minimum hash under it).
    ``known``: the text's words, when computed already."""
    from datasketch import MinHash  # numpy and scipy: loaded only where articles are stored

    grams = shingles((known or words(text, normaliser)).forms)
    if not grams:
        return Fingerprint((), 0)
    mh = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    mh.update_batch(list(grams))
    keys = tuple(_key(i, int(v)) for i, v in enumerate(mh.hashvalues))
    return Fingerprint(keys, len(grams))


def _key(band: int, value: int) -> int:
    digest = hashlib.blake2b(f"{band}:{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - KEY_BITS)


def containment(shared_keys: int, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller text's shingles found in the other, from the keys they share."""
    if not size_a or not size_b:
        return 0.0
    j = shared_keys / PERMUTATIONS
    # |A ∩ B| = J (|A| + |B|) / (1 + J)
    return min(1.0, j * (size_a + size_b) / (1 + j) / min(size_a, size_b))
