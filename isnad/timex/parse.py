"""Finds time expressions in a document's tokens: a small left-to-right grammar over lexicon phrases.

:class:`Scanner` adds to the day, month and year rules (``dates``) the expressions built around them:
منذ X، قبل N أيام، بين X و Y، qualifiers (أوائل/منتصف/أواخر X), relative periods (الأسبوع الماضي،
الأسابيع الأخيرة), seasons, decades and vague adverbs (مؤخراً، حالياً).
"""
from __future__ import annotations

from isnad.timex import refs as R
from isnad.timex.dates import GREGORIAN_YEARS, OFFSET, DateRules
from isnad.timex.tokens import Found, number_of

UNIT_DAYS = {"hour": 1, "day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}

# The rules of a bare time expression, each with the categories its first token must have.
CORE = (
    (frozenset({"part"}), "part"),
    (frozenset({"tod"}), "time_of_day"),
    (frozenset({"relday", "day_word", "weekday", "number", "ordinal_units", "ordinal_whole"}), "day"),
    (frozenset({"month", "month_word"}), "month"),
    (frozenset({"year_word", "number"}), "year"),
    (frozenset({"this", "period", "plural_period"}), "period"),
    (frozenset({"season"}), "season"),
    (frozenset({"decade", "decade_word"}), "decade"),
    (frozenset({"adverb"}), "adverb"),
)
RANGE_STARTS = frozenset({"number", "year_word", "month"})


class Scanner(DateRules):
    """The date rules and the expressions built around them; :meth:`at` reads the expression at a token."""

    # -- entry point -------------------------------------------------------------------------------

    def at(self, i: int) -> Found | None:
        """The time expression starting at token ``i``: منذ X، قبل N أيام، بين X و Y, else a bare one; None if none."""
        cats = self.lex.start_cats(self.word(i))
        return (
            ("since" in cats and self.since(i))
            or ("ago" in cats and self.ago(i))
            or ("range_start" in cats and self.range(i))
            or self.core(i)
        )

    def since(self, i: int) -> Found | None:
        """منذ X (منذ 2009، منذ ثلاثة أيام): from the start of X, or of the duration back, to the anchor."""
        m = self.phrase(i, "since", True)
        if m is None:
            return None
        inner = self.core(m[1], bare_year=True, strip=False) or self.duration(m[1])
        if inner is None:
            return None
        return Found(i, inner.end, m[2], R.SinceRef(inner.ref), "since/" + inner.rule)

    def ago(self, i: int) -> Found | None:
        """قبل ثلاثة أيام: a duration back from the anchor; not قبل عام 2009 (before a year) nor قبل أيام من
        الانتخابات (before another event)."""
        m = self.phrase(i, "ago", True)
        if m is None or self.year(m[1], False, False):  # قبل عام 2009 is "before 2009": the year is found next
            return None
        d = self.duration(m[1])
        if d is None or self.word(d.end) in ("من", "على"):  # قبل أيام من الانتخابات: before another event
            return None
        return Found(i, d.end, m[2], d.ref, "ago/" + d.rule)

    def range(self, i: int) -> Found | None:
        """بين X و Y، من X إلى Y: two expressions of one kind (years, dates, months), the first taking the
        year of the last (من يناير إلى مارس 2020)."""
        m = self.phrase(i, "range_start", True)
        if m is None:
            return None
        if self.lex.start_cats(self.word(m[1])).isdisjoint(RANGE_STARTS):  # من is common: only years, dates, months
            return None
        a = self.core(m[1], bare_year=True, strip=False)
        if a is None:
            return None
        if isinstance(a.ref, R.YearRef) and a.ref.first != a.ref.last:  # بين عامي 2009 و2011
            return Found(i, a.end, m[2], a.ref, "range/" + a.rule)
        k, strip = a.end, True
        joint = self.phrase(k, "range_joint")
        if joint:
            k, strip = joint[1], False
        elif not self.word(k).startswith("و"):
            return None
        b = self.core(k, bare_year=True, strip=strip)
        if b is None or type(b.ref) is not type(a.ref):
            return None
        return Found(i, b.end, m[2], R.RangeRef(_with_year_of(a.ref, b.ref), b.ref), "range/" + a.rule)

    def core(self, i: int, bare_year: bool = False, strip: bool = True) -> Found | None:
        """A bare expression at ``i`` (no منذ, قبل or بين around it): the first rule of ``CORE`` that its first
        token can begin and that matches."""
        cats = self.lex.start_cats(self.word(i))
        for need, rule in CORE:
            if not cats.isdisjoint(need):
                f = self.year(i, bare_year, strip) if rule == "year" else getattr(self, rule)(i, strip)
                if f is not None:
                    return f
        return None

    # -- qualifiers --------------------------------------------------------------------------------

    def part(self, i: int, strip: bool) -> Found | None:
        """أوائل/منتصف/أواخر X, X a month, year, period, season or decade; نهاية العام alone: of the current one."""
        m = self.phrase(i, "part", strip)
        if m is None:
            return None
        j = m[1]
        inner = (
            self.month(j, False, qualified=True)
            or self.year(j, True, False)
            or self.period(j, False)
            or self.season(j, False)
            or self.decade(j, False)
        )
        if inner is None:
            p = self.phrase(j, "period")  # نهاية العام: the current one
            if p is None:
                return None
            inner = Found(j, p[1], 0, R.PeriodRef(p[0], 0), "period")
        return Found(i, inner.end, m[2], R.PartRef(inner.ref, m[0]), "part/" + inner.rule)

    def time_of_day(self, i: int, strip: bool) -> Found | None:
        """صباح أمس، مساء الغد، ليلة الجمعة: the day a time of day falls on (no finer than the day)."""
        m = self.phrase(i, "tod", strip)
        if m is None:
            return None
        r = self.phrase(m[1], "relday_tod")
        if r:
            return Found(i, r[1], m[2], R.PeriodRef("day", r[0]), "time_of_day/relday")
        d = self.day(m[1], False)
        return Found(i, d.end, m[2], d.ref, "time_of_day/" + d.rule) if d else None

    # -- periods, seasons, decades, adverbs, durations ---------------------------------------------

    def period(self, i: int, strip: bool) -> Found | None:
        """هذا العام، الأسبوع الماضي، العام قبل الماضي: a period from the anchor's; هذا الصيف: this season;
        الأيام الأخيرة، السنوات العشر الأخيرة: a window before (or, with المقبلة, after) the anchor."""
        m = self.phrase(i, "this", strip)
        if m:
            p = self.phrase(m[1], "period")
            if p:
                return Found(i, p[1], m[2], R.PeriodRef(p[0], 0), "this_period")
            s = self.phrase(m[1], "season")
            if s:
                ref = R.SeasonRef(s[0], self.lex.season_months[s[0]], relation="current")
                return Found(i, s[1], m[2], ref, "this_season")
            return None
        m = self.phrase(i, "period", strip)
        if m:
            unit, j, prefix = m
            if self.word(j) == "قبل":  # العام قبل الماضي
                r = self.phrase(j + 1, "relation")
                return Found(i, r[1], prefix, R.PeriodRef(unit, -2), "period") if r and r[0] == "past" else None
            r = self.phrase(j, "relation")
            return Found(i, r[1], prefix, R.PeriodRef(unit, OFFSET[r[0]]), "period") if r else None
        m = self.phrase(i, "plural_period", strip)
        if m is None:
            return None
        unit, j, prefix = m
        count = None
        n = number_of(self.word(j))
        w = self.phrase(j, "number")
        if n and n[1] <= 3 and not n[3]:
            count, j = n[0], j + 1
        elif w:  # السنوات العشر الأخيرة
            count, j = w[0], w[1]
        r = self.phrase(j, "plural_relation")
        if r is None:
            return None
        days = self.lex.recent_days[unit] if count is None else count * UNIT_DAYS[unit]
        granularity = R.UNIT_GRANULARITY[unit]
        ref = R.RecentRef(days, 0, granularity) if r[0] == "past" else R.RecentRef(0, days, granularity)
        return Found(i, r[1], prefix, ref, "recent" if r[0] == "past" else "coming")

    def season(self, i: int, strip: bool) -> Found | None:
        """الصيف الماضي، شتاء 2009، ربيع العام الماضي: a season with a year, relation or year offset; never a
        bare one (الربيع is also the Arab Spring)."""
        m = self.phrase(i, "season", strip)
        if m is None:
            return None
        name, j, prefix = m
        months = self.lex.season_months[name]
        k = j + 1 if self.word(j) in self.lex.words["month_year_joints"] else j
        n = number_of(self.word(k))
        if n and n[1] == 4 and not n[3] and GREGORIAN_YEARS[0] <= n[0] <= GREGORIAN_YEARS[1]:
            return Found(i, k + 1, prefix, R.SeasonRef(name, months, year=n[0]), "season_year")
        r = self.phrase(j, "relation")
        if r:
            return Found(i, r[1], prefix, R.SeasonRef(name, months, relation=r[0]), "season")
        o = self.year_relation(j)
        if o:
            return Found(i, o[1], prefix, R.SeasonRef(name, months, year_offset=o[0]), "season_of_year")
        return None  # الربيع alone: also the Arab Spring, a spring of water...

    def decade(self, i: int, strip: bool) -> Found | None:
        """الثمانينيات، عقد التسعينات من القرن الماضي: the decade, عقد and the century words in the span."""
        w = self.phrase(i, "decade_word", strip)  # عقد الثمانينات
        m = self.phrase(w[1], "decade") if w else self.phrase(i, "decade", strip)
        if m is None:
            return None
        if w:
            m = (m[0], m[1], w[2])
        tail = self.phrase(m[1], "century_tail")
        return Found(i, tail[1] if tail else m[1], m[2], R.DecadeRef(m[0]), "decade")

    def adverb(self, i: int, strip: bool) -> Found | None:
        """مؤخراً، الآونة الأخيرة: a vague window before the anchor; حالياً، الآن: the anchor's day."""
        m = self.phrase(i, "adverb", strip)
        if m is None:
            return None
        if m[0] == "recent":
            return Found(i, m[1], m[2], R.RecentRef(self.lex.recent_adverb_days, 0, "vague"), "recently")
        return Found(i, m[1], m[2], R.RecentRef(0, 0, "day"), "currently")

    def duration(self, i: int) -> Found | None:
        """ثلاثة أيام، يومين، أسبوع، بضعة أشهر، نحو عامين، سنوات: a count of units (before قبل/منذ)."""
        j, approximate = i, False
        a = self.phrase(j, "approx")
        if a:
            j, approximate = a[1], True
        low = high = None
        n = number_of(self.word(j))
        if n and n[1] <= 3 and not n[3] and not n[2]:
            low = high = n[0]
            j += 1
        elif w := self.phrase(j, "number"):
            low = high = w[0]
            j = w[1]
            if self.word(j) in ("عشر", "عشرة"):  # ثلاثة عشر
                low = high = low + 10
                j += 1
        elif v := self.phrase(j, "vague_number"):
            (low, high), j, approximate = v[0], v[1], True
        u = self.phrase(j, "unit")
        if u is None:
            return None
        unit, count = u[0]
        if low is None:
            if count is None:  # منذ سنوات: some years
                low, high, approximate = 3, 9, True
            else:
                low = high = count
        elif count == 2:
            return None
        return Found(i, u[1], 0, R.AgoRef(unit, low, high, approximate), "duration")


def _with_year_of(first: R.Ref, last: R.Ref) -> R.Ref:
    """من يناير إلى مارس 2020: the first month takes its year from the last one."""
    if isinstance(first, R.MonthRef) and isinstance(last, R.MonthRef) and first.year is None and last.year:
        year = last.year if first.month <= last.month else last.year - 1
        return R.MonthRef(first.calendar, first.month, year)
    if isinstance(first, R.DateRef) and isinstance(last, R.DateRef):
        month = _with_year_of(first.month, last.month)
        return R.DateRef(month, first.day) if isinstance(month, R.MonthRef) else first
    return first
