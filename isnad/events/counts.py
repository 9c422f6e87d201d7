"""How many were killed, injured or arrested, as the event's clause states it (ACLED's fatalities).

A count is a number next to a count word of its kind: مقتل 8 حوثيين، 30 قتيلا، اعتقال «41» عنصرا،
أسفر عن مقتل 5 وإصابة 12. Numbers are digits or number words (numbers.tsv); a date, a year or a time of
day is no count, nor is a quantity without a number (عشرات القتلى): the text must state it.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

from isnad.events.patterns import Lexicon

ARRESTED = "arrested"
KINDS = (("count_killed", "killed"), ("count_injured", "injured"), ("count_arrested", ARRESTED))
WINDOW = 3  # a number counts a word this many words before or after it
NEAR_TRIGGER = 6  # count words this close to the trigger speak of its event
OBJECT_WINDOW = 10  # a trigger that is itself a count word (قتل) may have its number at the end of its object
MAX_DIGITS = 6  # longer digit runs are ids or amounts, not people
YEARS = range(1900, 2100)


def number(lex: Lexicon, word: str) -> int | None:
    """The value of a number token (digits or a number word, clitics allowed: وثلاثة)."""
    if word.isdigit():
        return int(word) if len(word) <= MAX_DIGITS else None
    return lex.number(word)


def counts(lex: Lexicon, norms: Sequence[str], trigger: int, first: int, last: int,
           dated: Collection[int] = ()) -> dict[str, int] | None:
    """``{"killed": n, "injured": n, "arrested": n}`` stated about the event of ``trigger`` in its clause
    ``norms[first..last]`` (the tokens' normalised words), only the kinds stated, or None: count words near
    the trigger, or the trigger itself with its object (قتل مفجر انتحاري ... 32 شخصا). ``dated`` holds the
    tokens of the clause's dates and times, which count nothing."""
    near = range(max(first, trigger - NEAR_TRIGGER), min(last, trigger + NEAR_TRIGGER) + 1)
    words = [(j, name) for j in near if j not in dated for kind, name in KINDS if lex.cue(kind, norms[j])]
    # an arrest counts the arrested, a killing its dead and injured: «مقتل أحد المطلوبين وإيقاف ثمانية» are two
    own = {name for j, name in words if j == trigger}
    if own:
        words = [(j, name) for j, name in words if (name == ARRESTED) == (ARRESTED in own)]
    if not words:  # most events count nobody: the clause's numbers are not read
        return None
    values: dict[int, int] = {}
    for j in range(first, last + 1):
        if j in dated:
            continue
        n = number(lex, norms[j])
        if n is None or (norms[j].isdigit() and n in YEARS):
            continue
        if n == 10 and not norms[j].isdigit() and 1 <= values.get(j - 1, 0) <= 9:
            values[j - 1] += 10  # اثني عشر، خمسة عشر: one number in two words
            continue
        values[j] = n
    out: dict[str, int] = {}
    used: set[int] = set()
    for j, name in words:
        if name in out:
            continue
        reach = OBJECT_WINDOW if j == trigger else WINDOW
        close = [(abs(k - j), k < j, k) for k in values
                 if k not in used and k != j and (abs(k - j) <= WINDOW or j < k <= j + reach)]
        if close:
            _, _, k = min(close)  # the closest, a number after its word first
            out[name] = values[k]
            used.add(k)
    return out or None
