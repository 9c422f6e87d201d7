"""Rules for days, months and years: أمس، يوم الجمعة الماضي، 15 يناير 2026، الخامس عشر من آذار،
15/1/2026، كانون الثاني/يناير 2026، 15 رمضان 1445 هـ، عام 2017، في 2009، بين عامي 2009 و2011.

Words that are also ordinary words (عام "general", مارس "practised", اليوم in "إسرائيل اليوم", صفر
"zero") are taken as times only with the context these rules ask for.
"""
from __future__ import annotations

from isnad.timex import refs as R
from isnad.timex.lexicon import bases
from isnad.timex.tokens import Found, Match, TokenReader, number_of

OFFSET = {"past": -1, "current": 0, "next": 1}
GREGORIAN_YEARS = (1000, 2100)
BARE_YEARS = (1900, 2099)  # a four-digit number after في/منذ is a year only in this range
HIJRI_YEARS = (1300, 1500)
ENTRY_DASHES = frozenset({"-", "–", "—"})
QUOTE = '"'
CONNECTOR = "الموافق"  # الأربعاء الموافق 15 يناير


class DateRules(TokenReader):
    """The rules for days, months and years over one document's tokens; ``strip`` lets the first token
    carry a clitic (وفي، بالأمس)."""

    # -- days --------------------------------------------------------------------------------------

    def day(self, i: int, strip: bool) -> Found | None:
        """A day: a relative day, يوم and a day, a weekday or a date, whichever rule matches first."""
        return self.relday(i, strip) or self.day_word(i, strip) or self.weekday(i, strip) or self.date(i, strip)

    def relday(self, i: int, strip: bool) -> Found | None:
        """أمس، غداً، أول أمس، أمس الأربعاء: a day counted from the anchor; a lone اليوم or الليلة only where it
        reads as a date (not إسرائيل اليوم)."""
        m = self.phrase(i, "relday", strip)
        if m is None:
            return None
        offset, j, prefix = m
        if offset == 0 and j == i + 1 and not self._today_like(i, j):
            return None
        wd = self.phrase(j, "weekday")  # أمس الأربعاء
        return Found(i, wd[1] if wd else j, prefix, R.PeriodRef("day", offset), "relday")

    def _today_like(self, i: int, j: int) -> bool:
        """اليوم/الليلة as a date, not a newspaper (إسرائيل اليوم) nor another day (اليوم التالي، ذلك اليوم)."""
        words = self.lex.words
        if self.prev_is(i, "outlets_named_today") or self.prev_is(i, "not_today_before"):
            return False
        return self.word(j) not in words["not_today_after"]

    def day_word(self, i: int, strip: bool) -> Found | None:
        """يوم and the day after it (يوم أمس، يوم الجمعة، يوم 15 يناير), يوم included in the span."""
        m = self.phrase(i, "day_word", strip)
        if m is None:
            return None
        d = self.relday(m[1], False) or self.weekday(m[1], False) or self.date(m[1], False)
        return Found(i, d.end, m[2], d.ref, "day/" + d.rule) if d else None

    def weekday(self, i: int, strip: bool) -> Found | None:
        """الجمعة، الجمعة الماضي: a weekday; الأربعاء 15 يناير, الأربعاء الموافق 15 يناير: the date after it;
        not الأحد عشر (eleven)."""
        m = self.phrase(i, "weekday", strip)
        if m is None:
            return None
        weekday, j, prefix = m
        if self.word(j) in ("عشر", "عشرة"):  # الأحد عشر: eleven
            return None
        relation = None
        r = self.phrase(j, "relation")
        if r:
            relation, j = r[0], r[1]
        else:
            d = self.date(j + 1 if self.word(j) == CONNECTOR else j, False)
            if d:
                return Found(i, d.end, prefix, d.ref, "weekday/" + d.rule)
        ref = R.WeekdayRef(weekday, None if relation == "current" else relation)
        return Found(i, j, prefix, ref, "weekday")

    def date(self, i: int, strip: bool) -> Found | None:
        """A written date: numeric (15/1/2026) or a day and a month (15 يناير 2026، الخامس عشر من آذار)."""
        return self.numeric_date(i) or self.day_month(i, strip)

    def numeric_date(self, i: int) -> Found | None:
        """15/1/2026, 15-1-2026 or 2026/1/15, written without spaces: the day first, unless the year comes first."""
        a = number_of(self.word(i))
        sep = self.word(i + 1)
        if a is None or sep not in self.lex.words["date_separators"] or self.word(i + 3) != sep:
            return None
        b, c = number_of(self.word(i + 2)), number_of(self.word(i + 4))
        if b is None or c is None or b[3] or c[3] or not self._tight(i, i + 5):
            return None
        if a[1] == 4:
            year, month, day = a[0], b[0], c[0]
        elif c[1] == 4:
            day, month, year = a[0], b[0], c[0]  # day first, as Arabic writing has it
        else:
            return None
        if not (1 <= month <= 12 and 1 <= day <= 31 and GREGORIAN_YEARS[0] <= year <= GREGORIAN_YEARS[1]):
            return None
        return Found(i, i + 5, a[3], R.DateRef(R.MonthRef("gregorian", month, year), day), "numeric_date")

    def day_month(self, i: int, strip: bool) -> Found | None:
        """A day and a month (15 يناير، الخامس عشر من آذار); a year-less one that is part of a name (قوى 14 آذار)
        is found as a :class:`~isnad.timex.refs.NameRef`."""
        d = self.day_number(i, strip)
        if d is None:
            return None
        day, j, prefix = d
        if self.word(j) == "من":
            j += 1
        m = self.month(j, False, qualified=True)
        if m is None:
            return None
        if m.ref.year is None and self._named(i, m.end, day, m.first):
            return Found(i, m.end, prefix, R.NameRef(), "name")
        return Found(i, m.end, prefix, R.DateRef(m.ref, day), "day_month/" + m.rule)

    def day_number(self, i: int, strip: bool) -> Match | None:
        """A day of the month as ``(day, index after, prefix length)``: 15، الـ 15، الخامس عشر، الحادي والعشرين، غرة;
        not an ordinal of something else (الأسبوع الثاني من شهر يونيو)."""
        word = self.word(i)
        n = number_of(word)
        if n and n[1] <= 2 and 1 <= n[0] <= 31 and not n[2]:
            return n[0], i + 1, n[3]
        if word == "ال":  # الـ 15 من يناير
            n = number_of(self.word(i + 1))
            return (n[0], i + 2, 0) if n and n[1] <= 2 and not n[3] and 1 <= n[0] <= 31 else None
        if self.prev_is(i, "ordinal_not_day_after"):  # الأسبوع الثاني من شهر يونيو
            return None
        m = self.phrase(i, "ordinal_whole", strip)
        if m:
            return m
        m = self.phrase(i, "ordinal_units", strip)
        if m is None:
            return None
        tens = self.phrase(m[1], "ordinal_tens")
        if tens:
            return m[0] + tens[0], tens[1], m[2]
        return None if word.endswith("الحادي") else m

    def _named(self, i: int, end: int, day: int, month_at: int) -> bool:
        """A year-less date that is part of a name: قوى 14 آذار، ثورة 25 يناير، «14 آذار»."""
        if self.prev_is(i, "names_with_dates"):
            return True
        if self.word(i - 1) == QUOTE and self.word(end) == QUOTE:
            return True
        return day in self.lex.date_names.get(self.word(month_at), ())

    # -- months and years --------------------------------------------------------------------------

    def month(self, i: int, strip: bool, qualified: bool = False) -> Found | None:
        """A month name (يناير، أيلول/سبتمبر، شهر رمضان) with its year, relation or year offset; a name that is
        also an ordinary word (مارس، صفر) only with the context it needs, or when ``qualified`` (after a day)."""
        j, prefix = i, 0
        mw = self.phrase(i, "month_word", strip)
        if mw:  # شهر رمضان
            j, prefix, qualified, strip = mw[1], mw[2], True, False
        m = self.phrase(j, "month", strip)
        if m is None:
            return None
        (calendar, number, context), j = m[0], m[1]
        prefix = prefix if mw else m[2]
        double = False
        if self.word(j) in ("/", "(", "-"):  # أيلول/سبتمبر، كانون الثاني (يناير)
            alt = self.phrase(j + 1, "month")
            if alt and alt[0][1] == number and alt[0][0] == calendar:
                j, double = alt[1], True
                if self.word(j) == ")":
                    j += 1
        year, j2, calendar_mark = self.month_year(j, calendar)
        relation = offset = None
        if year is not None:
            j = j2
        else:
            r = self.phrase(j, "relation")
            if r:
                relation, j = r[0], r[1]
            else:
                o = self.year_relation(j)
                if o:
                    offset, j = o
        if context == "strict":
            ok = bool(mw) or year is not None or relation is not None or offset is not None
        else:
            ok = (
                context == "any"
                or qualified
                or double
                or year is not None
                or relation is not None
                or offset is not None
                or (context == "loose" and any(b == "في" for b, _ in bases(self.word(i - 1))))
            )
        if not ok:
            return None
        ref = R.MonthRef(calendar, number, year, relation, offset)
        return Found(i, j, prefix, ref, f"{calendar}_month" + ("_year" if year else ""))

    def month_year(self, j: int, calendar: str) -> tuple[int | None, int, str]:
        """The year after a month name: ``(year, index after it, calendar)``; joints such as ، or من عام."""
        joints = self.lex.words["month_year_joints"]
        k = j
        for _ in range(3):
            n = number_of(self.word(k))
            if n and n[1] == 4 and not n[3]:
                cal, end = self.mark(k + 1, n[2])
                low, high = HIJRI_YEARS if calendar == "hijri" else GREGORIAN_YEARS
                if low <= n[0] <= high:
                    return n[0], end, cal
                return None, j, calendar
            if self.word(k) not in joints:
                break
            k += 1
        return None, j, calendar

    def year_relation(self, j: int) -> tuple[int, int] | None:
        """من العام الماضي / من هذا العام after a month or season: ``(year offset, index after)``."""
        k = j + 1 if self.word(j) == "من" else j  # من العام الماضي, or العام الماضي right after the month
        this = self.phrase(k, "this")
        if this:
            k = this[1]
        p = self.phrase(k, "period")
        if p is None or p[0] != "year":
            return None
        if this:
            return 0, p[1]
        r = self.phrase(p[1], "relation")
        return (OFFSET[r[0]], r[1]) if r else None

    def mark(self, k: int, suffix: str) -> tuple[str, int]:
        """هـ or م after a year (or glued to it): the calendar and the index after the mark."""
        if suffix:
            return ("hijri" if suffix == "ه" else "gregorian"), k
        h = self.phrase(k, "hijri_marks")
        if h:
            return "hijri", h[1]
        g = self.phrase(k, "gregorian_marks")
        return ("gregorian", g[1]) if g else ("gregorian", k)

    def year(self, i: int, bare_ok: bool, strip: bool = True) -> Found | None:
        """عام 2017، عامي 2009 و2011، 2009م، 1445 هـ; a bare number (1900-2099) only where ``bare_ok`` or a word
        before it (في، منذ) makes it a year."""
        m = self.phrase(i, "year_word", strip)
        if m:
            count, j, prefix = m
            n = number_of(self.word(j))
            if n is None or n[1] != 4 or n[3]:
                return None
            last, k = n[0], j + 1
            if count == 2:  # عامي 2009 و2011
                k += self.word(k) == "و"
                n2 = number_of(self.word(k))
                if n2 and n2[1] == 4 and (self.word(k).startswith("و") or self.word(k - 1) == "و"):
                    last, k = n2[0], k + 1
                else:
                    k = j + 1
            calendar, k = self.mark(k, n[2])
            return self._year(i, k, prefix, n[0], last, calendar, "year_word", GREGORIAN_YEARS)
        n = number_of(self.word(i))
        if n is None or n[1] != 4:
            return None
        calendar, k = self.mark(i + 1, n[2])
        if k > i + 1 or n[2]:
            return self._year(i, k, n[3], n[0], n[0], calendar, "year_marked", GREGORIAN_YEARS)
        if bare_ok or self.prev_is(i, "year_context"):
            return self._year(i, k, n[3], n[0], n[0], calendar, "year", BARE_YEARS)
        if self.opens_entry(i):
            return self._year(i, k, n[3], n[0], n[0], calendar, "year_entry", GREGORIAN_YEARS)
        return None

    def opens_entry(self, i: int) -> bool:
        """A number that opens a sentence and a dash and a word follow: the year of a chronology's entry
        (1945 - الحرب العالمية الثانية ...), not a range or a score (2014 - 2015، 2 - 1)."""
        t = self.toks
        return ((i == 0 or t.sentence[i - 1] != t.sentence[i]) and self.word(i + 1) in ENTRY_DASHES
                and number_of(self.word(i + 2)) is None and self.word(i + 2) != "")

    def _year(self, i: int, end: int, prefix: int, first: int, last: int, calendar: str, rule: str,
              bounds: tuple[int, int]) -> Found | None:
        low, high = HIJRI_YEARS if calendar == "hijri" else bounds
        if not (low <= first <= last <= high):
            return None
        return Found(i, end, prefix, R.YearRef(first, last, calendar), rule if calendar != "hijri" else "hijri_" + rule)
