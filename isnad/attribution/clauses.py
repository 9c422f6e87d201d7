"""Clause structure around a reporting verb: a subject placed before it, an object inside the words taken
for its subject, and quotations (which words are inside one, which one closes just before a verb).

All functions work on the normalised words of one sentence and word indices into it.
"""
from __future__ import annotations

from isnad.attribution.lexicon import Lexicon
from isnad.attribution.sources import PUNCT
from isnad.gazetteer.lexicon import NISBA_ENDINGS

MIN_QUOTE = 3  # words inside quotation marks to count as a quotation, not a quoted name
# a subject placed before its verb starts after one of these (لكن الدويك اعتبر أن، وكان الرئيس قد قال)


def inside_quotes(sw: list[str]) -> list[bool]:
    """Per word: inside a pair of quotation marks of this sentence (a quotation of at least MIN_QUOTE words)."""
    inside = [False] * len(sw)
    marks = [i for i, w in enumerate(sw) if w == '"']
    for o, c in zip(marks[::2], marks[1::2]):
        if c - o - 1 >= MIN_QUOTE:
            for i in range(o + 1, c):
                inside[i] = True
    return inside


def object_start(sw: list[str], source: tuple[int, int], labels, lex: Lexicon) -> int:
    """Where a verb's object begins inside a run of words taken for its subject (الشرطة | مصرع ثلاثة).

    The object is the first indefinite word that is neither a name nor an adjective (أمني، عراقي) after a
    definite word, an unnamed-source head or an adjective; definite adjectives (العاملة) stay with the subject.
    """
    for i in range(source[0] + 1, source[1]):
        w, prev = sw[i], sw[i - 1]
        if labels[i] is not None and labels[i] != "NORP" or w.endswith(NISBA_ENDINGS) or w == '"' or w.startswith("ال"):
            continue
        if prev in lex.anonymous_heads or prev.startswith("ال") or prev.endswith(NISBA_ENDINGS) or labels[i - 1] is not None:
            return i
    return source[1]


def object_after_comma(sw: list[str], source: tuple[int, int], lex: Lexicon) -> bool:
    """أعلنت مصادر أمنية، مقتل ...: an unnamed source, a comma, then its object."""
    e = source[1]
    return sw[source[0]] in lex.anonymous_heads and e + 1 < len(sw) and sw[e] in ("،", ",") and (
        not sw[e + 1].startswith("ال") and sw[e + 1] not in PUNCT and sw[e + 1] not in lex.source_stops)


def quote_before(sw: list[str], j: int) -> tuple[int, int] | None:
    """A quotation that closes just before the cue ("..."، قال): its inner word range."""
    i = j - 1
    while i >= 0 and sw[i] in ("،", ","):
        i -= 1
    if i < 0 or sw[i] != '"':
        return None
    opening = next((k for k in range(i - 1, -1, -1) if sw[k] == '"'), None)
    if opening is None or i - opening - 1 < MIN_QUOTE:
        return None
    return opening + 1, i


def subject_before(sw: list[str], j: int, lex: Lexicon) -> tuple[int, int] | None:
    """A subject placed before its verb after a clause opener (لكن الدويك اعتبر أن): its word range."""
    end = j - 1 if j > 0 and sw[j - 1] == "قد" else j
    if end > 0 and sw[end - 1] in lex.pronoun_openers:
        end -= 1  # ... فأنه يقول: the subject comes before the pronoun
    i = end - 1
    while i >= 0 and end - i <= 10:
        w = sw[i]
        if w in lex.clause_openers:
            break
        if w in lex.coordinators or w in PUNCT or w in lex.verbs or w in lex.complements or w in lex.prep_first:
            return None
        if w in lex.source_stops and w not in lex.relatives:
            return None
        i -= 1
    if i < 0 or sw[i] not in lex.clause_openers:
        return None
    start = i + 1
    for r in range(start, end):
        if sw[r] in lex.relatives:
            end = r  # الدراسة التي اعتمدت على ... كشفت: the relative clause describes the subject
            break
    return (start, end) if end > start else None
