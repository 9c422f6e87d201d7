"""Links between attributions: continued sources, back references, cited sources, nesting.

An attribution's ``refers_to`` names the earlier attribution whose source it is (وأضاف، التقرير);
``parent`` names the attribution it rests on (X quoting Y: Y's parent is X).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from isnad.attribution.lexicon import Lexicon
from isnad.document import Attribution

NEIGHBOURS = 12  # attributions either side that nest() compares


def continue_source(att: Attribution, prev: Attribution) -> None:
    """A verb with no subject (وأضاف أن) continues the previous source."""
    att.refers_to = prev.refers_to or prev.id
    att.source_type = prev.source_type
    att.outlet = prev.outlet


def resolve_back_reference(att: Attribution, earlier: Iterable[Attribution], lex: Lexicon) -> None:
    """التقرير → the last report; الصحيفة/الوكالة → the last outlet; المصادر نفسها → the last such source.

    ``earlier`` runs from the nearest attribution backwards."""
    fold = lex.fold
    head = fold(att.source.text).split()[0] if att.source else ""
    head = head[1:] if head[:1] in ("و", "ف") and head[1:3] == "ال" else head
    bare = head[2:]
    att.refers_to = None
    for prev in earlier:
        if prev.source is None:
            continue
        text = fold(prev.source.text)
        if bare in text or head in text or bare in lex.outlets.media_set and prev.outlet is not None:
            att.refers_to = prev.refers_to or prev.id
            att.outlet = prev.outlet
            if att.source_type == "anonymous" and prev.source_type == "qualified_anonymous":
                att.source_type = prev.source_type
            return


def link_cited(found: list[Any]) -> None:
    """X نقلاً عن Y: the cited source rests on the citing one and shares its content.

    ``found`` holds the sentence's attributions under construction (``Found``), in order.
    """
    for i in range(1, len(found)):
        outer, inner = found[i - 1], found[i]
        if not inner.prep or outer.source is None or inner.parent is not None:
            continue
        after_outer = outer.description[1] if outer.description else outer.source[1]
        if inner.cue[0] - after_outer <= 1:
            inner.parent = i - 1
            if outer.content is None or outer.prep:
                outer.content = inner.content
            else:
                inner.content = outer.content


def drop_quoted_cues(atts: list[Attribution]) -> list[Attribution]:
    """A subject-less reporting verb inside someone's quotation belongs to the quotation, not the article."""
    quotes = sorted((a.content.start, a.content.end) for a in atts if a.quote and a.content)
    starts = [q[0] for q in quotes]

    def quoted(pos: int) -> bool:
        # quotations do not nest, so only the last one that starts before pos can hold it
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < quotes[i][1]

    keep = [a for a in atts if a.source is not None or not quoted(a.cue.start)]
    if len(keep) < len(atts):
        renamed = {}
        for i, a in enumerate(keep, 1):  # ids stay in document order, without gaps
            renamed[a.id] = f"a{i}"
            a.id = f"a{i}"
        for a in keep:
            a.parent = renamed.get(a.parent, a.parent) if a.parent else None
            a.refers_to = renamed.get(a.refers_to, a.refers_to) if a.refers_to else None
    return keep


def nest(atts: list[Attribution]) -> None:
    """A cue inside another attribution's content rests on that attribution (a chain).

    Contents reach a few sentences at most, so only near neighbours (in text order) can hold a cue."""
    for i, inner in enumerate(atts):
        if inner.parent:
            continue
        for outer in atts[max(0, i - NEIGHBOURS) : i + NEIGHBOURS + 1]:
            if outer is inner or outer.content is None or outer.parent == inner.id:
                continue
            if outer.content.start <= inner.cue.start and inner.cue.end <= outer.content.end:
                inner.parent = outer.id
                break
