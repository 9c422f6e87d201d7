"""Sources of attributions: where the words naming a source end, what the text says about it, and its type.

All functions work on the normalised words of one sentence (``words``) and word indices into it.
"""
from __future__ import annotations

from dataclasses import dataclass

from isnad.attribution.lexicon import Lexicon
from isnad.gazetteer.outlets import Outlet

PUNCT = frozenset("،,.:؛;()[]-–—؟?!…/")
MAX_SOURCE = 14
MAX_DESCRIPTION = 15
MAX_NAME_QUOTE = 6  # a quoted name inside a source (صحيفة "إيران انترناشونال"), not a quotation


def closing_quote(words: list[str], i: int, limit: int) -> int | None:
    """Index of the quote mark closing the one at ``i`` within ``limit`` words, or None."""
    for j in range(i + 1, min(len(words), i + 1 + limit)):
        if words[j] == '"':
            return j
    return None


def source_end(words: list[str], k: int, lex: Lexicon) -> int:
    """End (exclusive) of the noun phrase naming a source that starts at word ``k``."""
    i = k
    titled = False  # a role or unnamed-source word seen: مسؤول في الوزارة، مندوب إيران لدى الوكالة
    report = False
    while i < len(words) and i - k < MAX_SOURCE:
        w = words[i]
        titled = titled or w in lex.anonymous_heads or w in lex.role_heads
        if w == '"':
            close = closing_quote(words, i, MAX_NAME_QUOTE) if i > k else None
            if close is None:
                break
            i = close + 1
            continue
        if w in PUNCT or w in lex.complements or w.isdigit() or w in lex.verbs and i > k:
            break
        if report and (w in lex.report_publish_verbs or w in ("عن", "من") and words[i - 1] in lex.report_publish_verbs):
            i += 1  # تقرير نشرته صحيفة ... / تقرير صادر عن ...: the publisher is part of the source
            continue
        if titled and i > k and w in lex.np_prepositions and _names_a_place(words, i, lex):
            i += 1  # مسؤول في مطار دبي: where the source sits, not where it spoke (في بيان)
            continue
        if w == "عن" and i > k and words[i - 1] in lex.role_of:
            i += 1  # النائب عن حركة حماس
            continue
        if w in lex.source_stops or w in lex.prep_first or w == "من" and i == k:
            break
        if i > k and w in lex.description_starts:
            break
        if w == "اول" and words[i + 1 : i + 2] == ["من"]:
            break  # أول من أمس: a date, not a rank
        if w[:1] == "ل" and len(w) > 3 and _told(w, lex):
            break  # قال لرويترز، للجزيرة: told an outlet, which is not the source
        report = report or w in lex.report_heads
        i += 1
    return i


def _names_a_place(words: list[str], i: int, lex: Lexicon) -> bool:
    """في/لدى followed by a place or body, not by a speech event (في بيان) or a time (في وقت سابق)."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    bare = nxt[2:] if nxt.startswith("ال") else nxt
    return bool(nxt) and nxt not in PUNCT and nxt not in lex.speech_events and bare not in lex.speech_events


def _told(word: str, lex: Lexicon) -> bool:
    """لرويترز، للجزيرة، لوكالة: ل + an outlet or a media word."""
    rests = [word[1:]] + (["ال" + word[2:]] if word.startswith("لل") else [])
    return any(lex.outlets.named(r) is not None or r in lex.outlets.media_set for r in rests)


def description_end(words: list[str], k: int, lex: Lexicon) -> int:
    """End of what the text says about a source (وهي معارضة للنظام الإيراني), starting at ``k``; ``k`` if none."""
    dash = k < len(words) and words[k] in ("-", "–", "—")
    if dash:
        k += 1  # قال فلان - وهو يهودي من أصل تونسي - ...
    if k >= len(words) or words[k] not in lex.description_starts:
        return k - 1 if dash else k
    i = k + 1
    while i < len(words) and i - k < MAX_DESCRIPTION:
        w = words[i]
        if w in "،,.:؛;-–—" or w in lex.complements or w in lex.verbs:
            break
        i += 1
    return i


@dataclass(slots=True)
class Typed:
    """A source's type (named_person, named_outlet, named_institution, report, qualified_anonymous, anonymous)
    with the outlet it names or speaks to, when known."""

    type: str
    outlet: Outlet | None = None
    back_reference: str | None = None  # the head word of a back reference (التقرير، الصحيفة, ...)


def classify(words: list[str], lex: Lexicon, labels: list[str | None], outlet_ids: list[str | None]) -> Typed:
    """The type of a source from its words and the mention labels found over them.

    ``labels[i]`` is the label of a mention covering word ``i`` (or None); ``outlet_ids[i]`` the outlet
    registry id given to it by the recogniser, if any.
    """
    plain = [w for w in words if w != '"']
    if not plain:
        return Typed("anonymous")
    head = plain[0]
    found = lex.outlets.match(words)
    known = next((o for o in outlet_ids if o), None)
    if head in lex.back_reference and (len(plain) <= 2 or any(w in lex.same_words for w in plain)):
        kind = "report" if head[2:] in lex.report_heads else "named_outlet" if head[2:] in lex.outlets.media_set else None
        return Typed(kind or "anonymous", back_reference=head)
    outlet = found[2] if found is not None else lex.outlets.get(known)
    if head in lex.anonymous_heads and head not in lex.report_heads and "PER" not in labels:
        # مصدر أمني لفرانس برس: an unnamed source speaking to an outlet, which relays it
        told = found[0] if found is not None else next(i for i, o in enumerate(outlet_ids) if o) if known else len(words)
        qualified = [w for w in words[1:told] if w != '"' and w not in lex.vague_qualifiers]
        return Typed("qualified_anonymous" if qualified else "anonymous", outlet=outlet)
    if found is not None:
        return Typed("named_outlet", outlet=found[2])
    if known is not None:
        return Typed("named_outlet")
    if head in lex.outlets.media_set and len(plain) > 1:
        return Typed("named_outlet")  # an outlet the registry does not know
    if head in lex.report_heads:
        return Typed("report")
    if head in lex.anonymous_heads:
        return Typed("named_person")  # مصدر … with a person's name in it
    if "PER" in labels:
        return Typed("named_person")
    if head in lex.role_heads:
        return Typed("named_person")
    if any(lab in ("ORG", "GPE") for lab in labels) or head in lex.institution_heads:
        return Typed("named_institution")
    if len(plain) > 1 and head.startswith("ال"):
        return Typed("named_institution")  # a definite phrase with no name: a body, a group
    return Typed("named_person")  # a bare name (السنيورة، بوتين)
