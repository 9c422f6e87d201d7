"""The time-expression lexicon (``isnad/data/timex.json``) as phrase tables keyed by their first word.

Every entry is folded like the text (:meth:`isnad.text.normalise.Normaliser.fold`), so a token's ``norm`` can be
looked up directly. A phrase may span several tokens (كانون الثاني، أول من أمس); a word may belong to
several categories (عام is a year word and a unit), so a look-up asks for one category at a time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from isnad.resources import Resources

CONJ = "وف"
PREP = "بلك"
DIGITS = re.compile(r"[وف]?[بل]?(?:ال)?\d")  # a number token, perhaps with clitics: 2009, و2011, ال15


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase of the lexicon after its first word: the words that follow, its category (month, unit, ...)
    and its value."""

    rest: tuple[str, ...]  # the words after the first one
    cat: str
    value: Any


@dataclass(slots=True)
class Lexicon:
    """The time-expression phrases keyed by first word, and the word sets and tables (recent days, seasons)
    the rules read."""

    phrases: dict[str, tuple[Phrase, ...]]  # first word -> phrases, longest first
    words: dict[str, frozenset[str]]  # small word sets by name (year_context, names_with_dates, ...)
    recent_days: dict[str, int]
    recent_adverb_days: int
    season_months: dict[str, tuple[int, int]]
    date_names: dict[str, frozenset[int]]  # month word -> days that make a year-less date a name
    _cats: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> start_cats, filled on demand

    def start_cats(self, word: str) -> frozenset[str]:
        """The categories an expression starting with this token could begin with (empty for most words)."""
        got = self._cats.get(word)
        if got is None:
            if len(self._cats) > 50_000:  # bound the cache on endless streams
                self._cats.clear()
            cats = {p.cat for base, _ in bases(word) for p in self.phrases.get(base, ())}
            if word == "ال" or DIGITS.match(word):
                cats.add("number")
            got = self._cats[word] = frozenset(cats & STARTERS)
        return got


def load_lexicon(resources: Resources) -> Lexicon:
    """The phrase tables of ``timex.json``, folded like the text."""
    fold = resources.normaliser.fold
    data = resources.json("timex.json")

    def _words(items: list[str]) -> list[tuple[str, ...]]:
        return [tuple(fold(item).split()) for item in items]

    table: dict[str, list[Phrase]] = {}

    def add(forms: list[str], cat: str, value: Any) -> None:
        for words in _words(forms):
            table.setdefault(words[0], []).append(Phrase(words[1:], cat, value))

    strict = {fold(w) for w in data["month_context"]["strict"]}
    loose = {fold(w) for w in data["month_context"]["loose"]}
    for calendar, key in (("gregorian", "gregorian_months"), ("hijri", "hijri_months")):
        for number, forms in data[key].items():
            for form in forms:
                f = fold(form)
                context = "strict" if f in strict else "loose" if f in loose else "any"
                add([form], "month", (calendar, int(number), context))
    for number, forms in data["weekdays"].items():
        add(forms, "weekday", int(number))
    for form, offset in data["relative_days"].items():
        add([form], "relday", offset)
    for form, offset in data["relative_days_after_time_of_day"].items():
        add([form], "relday_tod", offset)
    add(data["times_of_day"], "tod", None)
    for cat in ("units", "whole", "tens"):
        for form, n in data["ordinals"][cat].items():
            add([form], "ordinal_" + cat, n)
    for form, n in data["numbers"].items():
        add([form], "number", n)
    for form, (lo, hi) in data["vague_numbers"].items():
        add([form], "vague_number", (lo, hi))
    add(data["approximately"], "approx", None)
    for unit, forms in data["units"].items():
        add(forms["one"], "unit", (unit, 1))
        add(forms["two"], "unit", (unit, 2))
        add(forms["many"], "unit", (unit, None))
    for unit, forms in data["periods"].items():
        add(forms, "period", unit)
    for unit, forms in data["plural_periods"].items():
        add(forms, "plural_period", unit)
    for relation, forms in data["relations"].items():
        add(forms, "relation", relation)
    for relation, forms in data["plural_relations"].items():
        add(forms, "plural_relation", relation)
    add(data["year_words"]["one"], "year_word", 1)
    add(data["year_words"]["two"], "year_word", 2)
    for part, forms in data["parts"].items():
        add(forms, "part", part)
    for season, forms in data["seasons"].items():
        add(forms, "season", season)
    for year, forms in data["decades"].items():
        add(forms, "decade", int(year))
    add(data["century_tail"], "century_tail", None)
    for kind, forms in data["adverbs"].items():
        add(forms, "adverb", kind)
    for cat in ("this", "month_word", "day_word", "decade_word", "hijri_marks", "gregorian_marks", "since", "ago",
                "range_start", "range_joint"):
        add(data[cat], cat, None)
    phrases = {k: tuple(sorted(v, key=lambda p: -len(p.rest))) for k, v in table.items()}
    sets = ("year_context", "names_with_dates", "outlets_named_today", "not_today_after", "not_today_before",
            "date_separators", "month_year_joints", "ordinal_not_day_after")
    words = {name: frozenset(fold(w) for w in data[name]) for name in sets}
    seasons = {k: (v[0], v[1]) for k, v in data["season_months"].items()}
    names = {fold(k): frozenset(v) for k, v in data["date_names"].items()}
    return Lexicon(phrases, words, dict(data["recent_days"]), int(data["recent_adverb_days"]), seasons, names)


def bases(word: str) -> tuple[tuple[str, int], ...]:
    """``(base, prefix length)`` for a token: itself, then without a conjunction and/or preposition.

    The article stays on (اليوم must not become يوم); لل is read as ل + ال (للعام → العام). A
    preposition is taken off only before the article or a digit (بالأمس، ب2009), so that a name such
    as باول (Powell) is not read as ب + أول.
    """
    out = [(word, 0)]
    rest, n = word, 0
    if rest[:1] and rest[0] in CONJ and len(rest) > 2:
        rest, n = rest[1:], 1
        out.append((rest, n))
    if rest[:1] and rest[0] in PREP and len(rest) > 2:
        if rest.startswith("لل"):
            out.append(("ا" + rest[1:], n))  # the prefix is ل; its ا is elided in writing
        elif rest.startswith("ال", 1) or rest[1].isdigit():
            out.append((rest[1:], n + 1))
    return tuple(out)


# Categories a time expression can begin with; "number" stands for a token of digits (2009, و2011, ال15).
STARTERS = frozenset({
    "month", "weekday", "relday", "tod", "ordinal_units", "ordinal_whole", "period", "plural_period", "this",
    "month_word", "day_word", "decade_word", "year_word", "part", "season", "decade", "adverb", "since", "ago",
    "range_start", "number",
})
