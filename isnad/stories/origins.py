"""Where a report comes from: the news agency its text credits.

A credit is an agency of the outlet registry named in the dateline or the closing credit line (the first
``HEAD`` or the last ``TAIL`` words: ``الرياض - واس``, ``(أ ف ب)``, ``د ب أ``), or after a credit cue in the body
(``ذكرت وكالة الأنباء اليمنية``, ``وفقا لما نقلته وكالة الأنباء البحرينية``; cues in ``stories.json``). A bare
``وكالات`` names no agency. A copy family's origin is the credit one of its texts gives, else its first article.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from isnad.document import Document
from isnad.gazetteer.outlets import Registry

if TYPE_CHECKING:
    from isnad.resources import Resources

HEAD, TAIL = 12, 12  # words of the dateline and of the closing credit line
CUE_BEFORE = 3  # words between a credit cue and the agency's name (وفقا لما نقلته وكالة)
NAME_WORDS = 6
WORD = re.compile(r"\w+")
AGENCY = "agency"


def credit(doc: Document, resources: Resources) -> str | None:
    """The registry id of the agency that ``doc`` credits, or None."""
    registry, fold = resources.outlets, resources.normaliser.fold
    words = WORD.findall(fold(doc.text))
    for part in (words[:HEAD], words[-TAIL:]):
        found = _agency(part, registry)
        if found:
            return found
    cues = resources.stories["credit_cues"]
    for i, w in enumerate(words):
        if w in registry.media_set and any(
            c in cues or (c[:1] in "وف" and c[1:] in cues) for c in words[max(0, i - CUE_BEFORE) : i]
        ):
            hit = registry.match(words[i : i + NAME_WORDS])
            if hit and hit[0] == 0 and hit[2].type == AGENCY:
                return hit[2].id
    return None


def _agency(words: list[str], registry: Registry) -> str | None:
    while words:
        hit = registry.match(words)
        if hit is None:
            return None
        _, end, outlet = hit
        if outlet.type == AGENCY:
            return outlet.id
        words = words[end:]
    return None
