"""What a time expression refers to, and how it becomes an interval of dates.

A parsed expression is one of the small reference types below. ``resolve(anchor)`` gives an
:class:`Interval` (inclusive dates); a reference that depends on the publication date returns ``None``
without an anchor, so nothing is ever guessed from the current date.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from hijridate import Gregorian, Hijri

UNIT_GRANULARITY = {"hour": "day", "day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade"}


@dataclass(frozen=True, slots=True)
class Interval:
    """Inclusive dates from ``start`` to ``end``, how fine they are (day, week, month, season, year, decade)
    and whether the text gives them only roughly."""

    start: date
    end: date
    granularity: str
    vague: bool = False


def month_end(year: int, month: int) -> date:
    """The last day of a month (February 2024 → 2024-02-29)."""
    return date(year, month, calendar.monthrange(year, month)[1])


def shift_months(d: date, months: int) -> date:
    """The first day of the month ``months`` away from ``d``'s month."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def hijri_month(year: int, month: int) -> tuple[date, date] | None:
    """The Gregorian first and last days of a Hijri month (رمضان 1445 → 2024-03-11, 2024-04-09), or None
    outside the tables."""
    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
        return first.to_gregorian(), last.to_gregorian()
    except (OverflowError, ValueError):
        return None  # outside the Umm al-Qura table hijridate covers (1343-1500 AH)


def hijri_of(d: date) -> tuple[int, int] | None:
    """The Hijri ``(year, month)`` of a Gregorian date (2024-03-20 → 1445, 9), or None outside the tables."""
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (OverflowError, ValueError):
        return None  # an anchor outside 1924-2077, the range of the tables
    return h.year, h.month


class Ref(Protocol):
    """What every reference type offers: whether it needs the anchor, and its interval."""

    @property
    def relative(self) -> bool:
        """Whether the interval depends on the anchor (the publication date)."""
        ...

    def resolve(self, anchor: date | None) -> Interval | None:
        """The interval referred to, placed by the anchor where needed; None when it cannot be placed."""
        ...


@dataclass(frozen=True, slots=True)
class MonthRef:
    """A named month; without a year it is placed by ``relation`` against the anchor."""

    calendar: str  # gregorian, hijri
    month: int
    year: int | None = None
    relation: str | None = None  # None (nearest not after the anchor), past, next, current
    year_offset: int | None = None  # من العام الماضي = -1

    @property
    def relative(self) -> bool:
        """Whether the month needs the anchor: it is named without a year."""
        return self.year is None

    def year_for(self, anchor: date | None) -> int | None:
        """The month's year: its own, else the anchor's (in the month's calendar) moved by ``year_offset`` or
        ``relation``; by default the nearest not after the anchor (يونيو in a March article: the June before)."""
        if self.year is not None:
            return self.year
        if anchor is None:
            return None
        anchor_month = hijri_of(anchor) if self.calendar == "hijri" else (anchor.year, anchor.month)
        if anchor_month is None:
            return None
        a_year, a_month = anchor_month
        if self.year_offset is not None:
            return a_year + self.year_offset
        if self.relation == "past":
            return a_year if self.month < a_month else a_year - 1
        if self.relation == "next":
            return a_year if self.month > a_month else a_year + 1
        if self.relation == "current":
            return a_year
        return a_year if self.month <= a_month else a_year - 1

    def bounds(self, anchor: date | None) -> tuple[date, date] | None:
        """The first and last Gregorian days of the month, or None when its year is unknown or out of range."""
        year = self.year_for(anchor)
        if year is None:
            return None
        if self.calendar == "hijri":
            return hijri_month(year, self.month)
        if not 1 <= year <= 9999:
            return None
        return date(year, self.month, 1), month_end(year, self.month)

    def resolve(self, anchor: date | None) -> Interval | None:
        """The whole month, or None when it cannot be placed."""
        b = self.bounds(anchor)
        return Interval(b[0], b[1], "month") if b else None


@dataclass(frozen=True, slots=True)
class DateRef:
    """A day of a month (15 يناير 2026، 15 رمضان 1445 هـ), placed as its month is."""

    month: MonthRef
    day: int

    @property
    def relative(self) -> bool:
        """Whether the date needs the anchor: its month has no year."""
        return self.month.relative

    def resolve(self, anchor: date | None) -> Interval | None:
        """The day, or None when the month cannot be placed or has no such day (31 in a 30-day month)."""
        b = self.month.bounds(anchor)
        if b is None:
            return None
        d = b[0] + timedelta(days=self.day - 1)
        if d > b[1]:
            return None  # 31 in a 30-day month: not a date
        return Interval(d, d, "day")


@dataclass(frozen=True, slots=True)
class PeriodRef:
    """The week, month or year ``offset`` away from the anchor's (الأسبوع الماضي = week, -1)."""

    unit: str
    offset: int
    relative = True

    def resolve(self, anchor: date | None) -> Interval | None:
        """The day, ISO week (Monday to Sunday), calendar month or year ``offset`` away from the anchor's;
        None without an anchor."""
        if anchor is None:
            return None
        if self.unit == "day":
            d = anchor + timedelta(days=self.offset)
            return Interval(d, d, "day")
        if self.unit == "week":  # ISO weeks, Monday to Sunday
            start = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=self.offset)
            return Interval(start, start + timedelta(days=6), "week")
        if self.unit == "month":
            start = shift_months(anchor, self.offset)
            return Interval(start, month_end(start.year, start.month), "month")
        if self.unit == "year":
            return Interval(date(anchor.year + self.offset, 1, 1), date(anchor.year + self.offset, 12, 31), "year")
        return None


@dataclass(frozen=True, slots=True)
class WeekdayRef:
    """A day of the week (الجمعة، يوم الأحد الماضي), the one nearest the anchor in the direction of ``relation``."""

    weekday: int  # Monday = 0
    relation: str | None = None  # None: the nearest not after the anchor; past, next: strictly before/after
    relative = True

    def resolve(self, anchor: date | None) -> Interval | None:
        """The weekday on or before the anchor (strictly before for ``past``, strictly after for ``next``);
        None without an anchor."""
        if anchor is None:
            return None
        if self.relation == "next":
            d = anchor + timedelta(days=(self.weekday - anchor.weekday()) % 7 or 7)
        else:
            back = (anchor.weekday() - self.weekday) % 7
            if self.relation == "past" and back == 0:
                back = 7
            d = anchor - timedelta(days=back)
        return Interval(d, d, "day")


@dataclass(frozen=True, slots=True)
class YearRef:
    """The years ``first`` to ``last`` (عام 2017، بين عامي 2009 و2011، 1445 هـ), Gregorian or Hijri."""

    first: int
    last: int
    calendar: str = "gregorian"
    relative = False

    def resolve(self, anchor: date | None) -> Interval | None:
        """1 January of ``first`` to 31 December of ``last`` (Hijri years: the first day of محرم to the last
        of ذو الحجة); None out of range."""
        if self.calendar == "hijri":
            a, b = hijri_month(self.first, 1), hijri_month(self.last, 12)
            return Interval(a[0], b[1], "year") if a and b else None
        if not 1 <= self.first <= self.last <= 9999:
            return None
        return Interval(date(self.first, 1, 1), date(self.last, 12, 31), "year")


@dataclass(frozen=True, slots=True)
class SeasonRef:
    """A season (الصيف الماضي، شتاء 2009); winter, December to February, belongs to the year it ends in."""

    season: str
    months: tuple[int, int]  # first and last month; winter wraps the year end
    year: int | None = None
    relation: str | None = None  # past, next, current
    year_offset: int | None = None

    @property
    def relative(self) -> bool:
        """Whether the season needs the anchor: it is named without a year."""
        return self.year is None

    def _instance(self, year: int) -> tuple[date, date]:
        first, last = self.months
        start_year = year - 1 if first > last else year
        return date(start_year, first, 1), month_end(year, last)

    def resolve(self, anchor: date | None) -> Interval | None:
        """The season, always vague: of its own year or the anchor's moved by ``year_offset``, else the last
        over before the anchor (past), the next to begin after it (next) or the first not over at it."""
        if self.year is not None:
            s, e = self._instance(self.year)
        elif anchor is None:
            return None
        elif self.year_offset is not None:
            s, e = self._instance(anchor.year + self.year_offset)
        else:
            years = range(anchor.year - 2, anchor.year + 3)
            instances = [self._instance(y) for y in years]
            if self.relation == "past":
                s, e = [i for i in instances if i[1] < anchor][-1]
            elif self.relation == "next":
                s, e = [i for i in instances if i[0] > anchor][0]
            else:
                s, e = [i for i in instances if i[1] >= anchor][0]
        return Interval(s, e, "season", vague=True)


@dataclass(frozen=True, slots=True)
class DecadeRef:
    """A decade (الثمانينيات، عقد التسعينات من القرن الماضي), by its first year."""

    first_year: int
    relative = False

    def resolve(self, anchor: date | None) -> Interval | None:
        """The ten years from ``first_year``; the anchor is not needed."""
        return Interval(date(self.first_year, 1, 1), date(self.first_year + 9, 12, 31), "decade")


@dataclass(frozen=True, slots=True)
class RecentRef:
    """A window before (or after) the anchor: الأسابيع الأخيرة, مؤخراً, حالياً."""

    days_before: int
    days_after: int
    granularity: str
    relative = True

    def resolve(self, anchor: date | None) -> Interval | None:
        """``days_before`` days before the anchor to ``days_after`` after it, vague; None without an anchor."""
        if anchor is None:
            return None
        return Interval(anchor - timedelta(days=self.days_before), anchor + timedelta(days=self.days_after),
                        self.granularity, vague=True)


@dataclass(frozen=True, slots=True)
class AgoRef:
    """قبل ثلاثة أيام: ``low``..``high`` units before the anchor (equal for an exact count)."""

    unit: str
    low: int
    high: int
    approximate: bool = False
    relative = True

    def _point(self, anchor: date, n: int) -> Interval:
        if self.unit == "hour":
            return Interval(anchor - timedelta(days=1), anchor, "day")
        if self.unit == "day":
            d = anchor - timedelta(days=n)
            return Interval(d, d, "day")
        if self.unit == "week":
            d = anchor - timedelta(weeks=n)
            return Interval(d - timedelta(days=3), min(d + timedelta(days=3), anchor), "week")
        months = n * {"month": 1, "year": 12, "decade": 120}[self.unit]
        start = shift_months(anchor, -months)
        if self.unit == "month":
            return Interval(start, month_end(start.year, start.month), "month")
        return Interval(date(start.year, 1, 1), date(start.year, 12, 31), "year")

    def resolve(self, anchor: date | None) -> Interval | None:
        """From ``high`` to ``low`` units before the anchor: the day, week (±3 days), calendar month or year that
        far back; vague unless an exact number of days. None without an anchor."""
        if anchor is None:
            return None
        earliest, latest = self._point(anchor, self.high), self._point(anchor, self.low)
        vague = self.approximate or self.low != self.high or self.unit not in ("day",)
        return Interval(earliest.start, latest.end, UNIT_GRANULARITY[self.unit], vague)


@dataclass(frozen=True, slots=True)
class PartRef:
    """أوائل/منتصف/أواخر: days 1-10, 11-20, 21-end of a month; thirds of a longer period."""

    inner: Ref
    part: str  # early, mid, late

    @property
    def relative(self) -> bool:
        """Whether the part needs the anchor, as the whole it is part of does."""
        return self.inner.relative

    def resolve(self, anchor: date | None) -> Interval | None:
        """The early, mid or late part of the inner interval, vague: days 1-10, 11-20, 21-end of a month;
        January-April, May-August, September-December of a year; years 0-3, 4-6, 7-9 of a decade; else thirds."""
        whole = self.inner.resolve(anchor)
        if whole is None:
            return None
        s, e = whole.start, whole.end
        index = ("early", "mid", "late").index(self.part)
        if whole.granularity == "year":  # January-April, May-August, September-December
            s = date(s.year, 1 + 4 * index, 1)
            e = month_end(s.year, 4 + 4 * index)
        elif whole.granularity == "decade":  # years 0-3, 4-6, 7-9
            first, last = ((0, 3), (4, 6), (7, 9))[index]
            s, e = date(s.year + first, 1, 1), date(s.year + last, 12, 31)
        else:  # a month: days 1-10, 11-20, 21-end; other periods: thirds
            third = 10 if whole.granularity == "month" else max(1, ((e - s).days + 1) // 3)
            if index < 2:
                s, e = s + timedelta(days=index * third), s + timedelta(days=(index + 1) * third - 1)
            else:
                s = s + timedelta(days=2 * third)
        return Interval(s, e, whole.granularity, vague=True)


@dataclass(frozen=True, slots=True)
class NameRef:
    """A date that is part of a name (قوى 14 آذار): found so that its words are not read again, never kept."""

    relative = False

    def resolve(self, anchor: date | None) -> Interval | None:
        """Always None: a date in a name (ثورة 25 يناير) is not a time of the text."""
        return None


@dataclass(frozen=True, slots=True)
class SinceRef:
    """منذ X: from the start of X until the anchor."""

    inner: Ref
    relative = True

    def resolve(self, anchor: date | None) -> Interval | None:
        """From the start of X to the anchor; None without an anchor or when X begins after it."""
        if anchor is None:
            return None
        whole = self.inner.resolve(anchor)
        if whole is None or whole.start > anchor:
            return None
        return Interval(whole.start, anchor, whole.granularity, whole.vague)


@dataclass(frozen=True, slots=True)
class RangeRef:
    """بين X و Y / من X إلى Y: from the start of X to the end of Y."""

    first: Ref
    last: Ref

    @property
    def relative(self) -> bool:
        """Whether either end needs the anchor."""
        return self.first.relative or self.last.relative

    def resolve(self, anchor: date | None) -> Interval | None:
        """From the start of the first interval to the end of the last; None when either is unresolved or
        the second ends before the first begins."""
        a = self.first.resolve(anchor)
        b = self.last.resolve(anchor)
        if a is None or b is None or b.end < a.start:
            return None
        return Interval(a.start, b.end, a.granularity, a.vague or b.vague)
