"""Whether two texts are copies of one report: a word alignment, the passages they share, and the verdict.

The LSH keys only say that two texts may share text; the alignment decides. It lines up the loose folded
words (difflib), keeps the runs of at least ``MIN_RUN`` words as the shared passages (the evidence, in
each text's original offsets) and measures:

- how much of each text the passages cover: a **copy** covers nearly all of both (a new headline, a
  dateline, an honorific or a time word may differ); a **partial** copy shares at least a paragraph or a
  third of the shorter text;
- how often a shared stretch is broken by a one-to-three-word substitution: a template (the same
  statement formula for two executions, two weather reports) shares long runs too, but swaps a name or a
  figure every few words, which a copy does not.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from isnad.stories.fingerprint import Words

MIN_RUN = 6  # words: a shorter common run is a phrase, not a passage
MAX_WORDS = 4000  # words of each text aligned (a longer text is compared on its beginning)
COPY_SHORT, COPY_LONG = 0.8, 0.6  # coverage of the shorter and the longer text for a copy
PARTIAL_SHARE, PARTIAL_WORDS = 0.33, 40  # coverage of the shorter text, or words, for a partial copy
MIN_SHARED = 25  # words: less is never a reuse of the report
SUBSTITUTIONS = 7.5  # short substitutions per 100 shared words above which two texts are one template
SHORT_EDIT = 3  # words on each side of a substitution


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text the two articles share: offsets in ``a`` and in ``b``, and its length in words."""

    a: tuple[int, int]
    b: tuple[int, int]
    words: int


@dataclass(frozen=True, slots=True)
class Comparison:
    relation: str | None  # "copy", "partial", or None (not a copy of one report)
    shared: int  # words in shared passages
    coverage: float  # share of the shorter text the passages cover
    substitutions: float  # short substitutions per 100 shared words
    passages: tuple[Passage, ...]  # longest first


def compare(a: Words, b: Words) -> Comparison:
    """How text ``a`` relates to text ``b`` (their words, from :func:`~isnad.stories.fingerprint.words`)."""
    a, b = a.head(MAX_WORDS), b.head(MAX_WORDS)
    if not len(a) or not len(b):
        return Comparison(None, 0, 0.0, 0.0, ())
    matcher = SequenceMatcher(None, a.forms, b.forms, autojunk=False)
    passages = [
        Passage((a.starts[i], a.ends[i + n - 1]), (b.starts[j], b.ends[j + n - 1]), n)
        for i, j, n in matcher.get_matching_blocks() if n >= MIN_RUN
    ]
    shared = sum(p.words for p in passages)
    subs = sum(1 for tag, i1, i2, j1, j2 in matcher.get_opcodes()
               if tag == "replace" and i2 - i1 <= SHORT_EDIT and j2 - j1 <= SHORT_EDIT)
    short, long_ = sorted((len(a), len(b)))
    coverage = shared / short
    density = 100 * subs / max(shared, 1)
    relation = None
    if shared >= MIN_SHARED and density <= SUBSTITUTIONS:
        if coverage >= COPY_SHORT and shared / long_ >= COPY_LONG:
            relation = "copy"
        elif coverage >= PARTIAL_SHARE or shared >= PARTIAL_WORDS:
            relation = "partial"
    passages.sort(key=lambda p: -p.words)
    return Comparison(relation, shared, round(coverage, 3), round(density, 2), tuple(passages))
