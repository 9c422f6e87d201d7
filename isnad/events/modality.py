"""How the text presents an event: negated, hypothetical, considered, planned, historical, reported, asserted.

Cues come from ``isnad/data/events/cues.tsv``. The strongest applies, in this order: a negation just
before the trigger, or a verb of preventing earlier in its clause with من right before it (سيمنع ... من
رفع); a condition earlier in the clause (إذا، لو، في حال), or in the clause before one that opens with the
answer of a condition (فإن، فـ with a verb in the future); a pattern that is itself a consideration (تدرس)
or a consideration verb just before it; the future prefix سـ, سوف or a planning verb (تعتزم، تخطط), or a
present verb right after أنْ (أن ترفع العقوبات); a time well before publication (the 2009 precedents of a
2026 article); an attribution whose content covers the trigger; otherwise asserted.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from isnad.document import TimeSpan, Token

from isnad.events.patterns import VERB, Hit, Lexicon

NEGATION_WINDOW = 2
CUE_WINDOW = 4
HISTORICAL_AGE = timedelta(days=365)  # "well before publication"
PRESENT = "يتن"  # the prefixes of a present verb (a past verb of forms V and VI starts with ت too: rare after أنْ)
FROM = "من"
WHAT = "ما"  # a negation, or "what, which" after the words of function_words.tsv's what_head (وهو ما أثار)


def historical(time: TimeSpan | None, published: str | None) -> bool:
    """The event's time ended more than a year before publication."""
    if not time or not published or not time.interval_end:
        return False
    try:
        end = date.fromisoformat(time.interval_end[:10])
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return False
    # compared as day counts: pub - a year does not exist for a date in year 1
    return end.toordinal() < pub.toordinal() - HISTORICAL_AGE.days


def subjunctive(lex: Lexicon, tokens: list[Token], trigger: int, clause_start: int, hit: Hit) -> bool:
    """A present verb right after أنْ is what should, may or is to happen (ينص على أن ترفع العقوبات، يريد أن
    يقتحم), not a fact; after قبل or بعد (قبل أن يسقط) it tells what happened."""
    if hit.kind != VERB or trigger <= clause_start or tokens[trigger].norm[:1] not in PRESENT:
        return False
    if tokens[trigger - 1].norm not in lex.subjunctive:
        return False
    return not (trigger - 2 >= clause_start and tokens[trigger - 2].norm in lex.factual_before)


def modality(
    lex: Lexicon,
    tokens: list[Token],
    trigger: int,
    clause_start: int,
    hit: Hit,
    time: dict[str, Any] | None,
    published: str | None,
    reported: bool,
    condition_start: int | None = None,
) -> tuple[str, str | None]:
    """The modality and the cue word that decided it (None when nothing but the default applied).
    ``condition_start``: where a condition that governs the trigger may begin (the clause before, when the
    trigger's clause is the answer of a condition); the trigger's clause by default."""
    before = range(trigger - 1, max(clause_start, trigger - CUE_WINDOW) - 1, -1)
    for i in range(trigger - 1, max(clause_start, trigger - NEGATION_WINDOW) - 1, -1):
        if lex.cue("negation", tokens[i].norm) and not (i > 0 and tokens[i].norm == WHAT
                                                        and tokens[i - 1].norm in lex.what_heads):
            return "negated", tokens[i].norm
    if trigger - 1 > clause_start and tokens[trigger - 1].norm == FROM:  # منع أوباما من رفع العقوبات: prevented
        for i in range(trigger - 2, clause_start - 1, -1):
            if lex.cue("prevent", tokens[i].norm):
                return "negated", tokens[i].norm
    for i in range(clause_start if condition_start is None else condition_start, trigger):
        word = tokens[i].norm
        if lex.cue("hypothetical", word) or (i + 1 < trigger and lex.pair_cue("hypothetical", word, tokens[i + 1].norm)):
            return "hypothetical", word
    if hit.pattern.modality:
        return hit.pattern.modality, tokens[trigger].norm
    for i in before:
        if lex.cue("considered", tokens[i].norm):
            return "considered", tokens[i].norm
    if hit.future:
        return "planned", tokens[trigger].norm
    if subjunctive(lex, tokens, trigger, clause_start, hit):
        return "planned", tokens[trigger - 1].norm
    for i in before:
        if lex.cue("future", tokens[i].norm) or lex.cue("planned", tokens[i].norm):
            return "planned", tokens[i].norm
    if historical(time, published):
        return "historical", time.text if time else None
    if reported:
        return "reported", None
    return "asserted", None
