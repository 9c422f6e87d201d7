"""Time expressions: the reference article, real sentences from the event gold standard, and short
hand-made sentences for each calendar (Gregorian, Levantine, Maghrebi, Hijri)."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from isnad import Pipeline
from isnad.document import TimeSpan
from isnad.pipeline import STAGES
from isnad.timex.stage import TimeExpressions

PUBLISHED = "2026-01-20"  # a Tuesday
GSR_ANCHOR = "2011-02-20"  # a test anchor for gold-standard sentences, which carry no date


@pytest.fixture(scope="module")
def timex_pipeline() -> Pipeline:
    return Pipeline(["normalise", "segment", "timex"])


@pytest.fixture(scope="module")
def gsr_rows(shared_data: Path) -> list[str]:
    rows: list[str] = []
    for name in ("protest_gsr.csv", "assault_gsr.csv"):
        with open(shared_data / "event_gsr" / name, encoding="utf-8") as f:
            rows += [r["text"] for r in csv.DictReader(f)]
    return rows


def sentence(rows: list[str], fragment: str) -> str:
    hits = [r for r in rows if fragment in r]
    assert hits, f"no gold-standard sentence contains {fragment!r}"
    return hits[0]


def times(pipeline: Pipeline, text: str, published: str | None = PUBLISHED) -> dict[str, TimeSpan]:
    doc = pipeline(text, published=published)
    for t in doc.times:
        assert doc.text[t.start : t.end] == t.text  # spans are offsets into the text as received
    return {t.text: t for t in doc.times}


def interval(t: TimeSpan) -> tuple[str | None, str | None]:
    return t.interval_start, t.interval_end


# -- the reference article -----------------------------------------------------------------------


def test_reference_article_with_a_publication_date(timex_pipeline, reference_text):
    found = times(timex_pipeline, reference_text)
    late_december = found["أواخر ديسمبر الماضي"]
    assert interval(late_december) == ("2025-12-21", "2025-12-31")
    assert late_december.granularity == "month" and late_december.vague
    assert late_december.anchor == PUBLISHED
    assert interval(found["عام 2017"]) == ("2017-01-01", "2017-12-31")
    assert interval(found["عام 2009"]) == ("2009-01-01", "2009-12-31")
    assert found["عام 2009"].granularity == "year" and found["عام 2009"].anchor is None
    weeks = found["الأسابيع الأخيرة"]
    assert weeks.interval_end == PUBLISHED and weeks.interval_start < PUBLISHED and weeks.vague
    assert date.fromisoformat(PUBLISHED) - date.fromisoformat(weeks.interval_start) >= (
        date(2026, 1, 20) - date(2025, 12, 30)
    )
    # nothing else in the article is a time: المستوى, العام in الأمين... do not appear as times
    assert set(found) == {"أواخر ديسمبر الماضي", "عام 2017", "الأسابيع الأخيرة", "عام 2009"}


def test_reference_article_without_a_publication_date(timex_pipeline, reference_text):
    found = times(timex_pipeline, reference_text, published=None)
    for relative in ("أواخر ديسمبر الماضي", "الأسابيع الأخيرة"):
        assert found[relative].anchor == "unresolved"
        assert interval(found[relative]) == (None, None)  # never guessed from today's date
    assert interval(found["عام 2017"]) == ("2017-01-01", "2017-12-31")
    assert found["عام 2017"].anchor is None


def test_reference_span_points_into_the_original_text(timex_pipeline, reference_text):
    doc = timex_pipeline(reference_text, published=PUBLISHED)
    t = next(t for t in doc.times if t.text == "أواخر ديسمبر الماضي")
    assert reference_text[t.start - 3 : t.start] == "في "


def test_stage_contract_and_registration():
    assert STAGES["timex"] == "isnad.timex.stage:TimeExpressions"
    stage = TimeExpressions()
    assert stage.name == "timex" and stage.requires == ("tokens",) and stage.assigns == ("times",)


# -- real sentences from the event gold standard -------------------------------------------------


def test_gsr_yesterday_in_a_lebanese_report(timex_pipeline, gsr_rows):
    text = sentence(gsr_rows, "بالقاهرة أمس، على")
    found = times(timex_pipeline, text, GSR_ANCHOR)
    assert interval(found["أمس"]) == ("2011-02-19", "2011-02-19")
    assert not any("آذار" in k for k in found)  # قوى 14 آذار is a political bloc, not a date


def test_gsr_evening_of_yesterday(timex_pipeline, gsr_rows):
    found = times(timex_pipeline, sentence(gsr_rows, "اعتصم عشرات المواطنين مساء أمس"), GSR_ANCHOR)
    assert interval(found["مساء أمس"]) == ("2011-02-19", "2011-02-19")


def test_gsr_levantine_month_with_year_and_blocs(timex_pipeline, gsr_rows):
    found = times(timex_pipeline, sentence(gsr_rows, "وطرحت الصحف أمس اسم عمر كرامي"), GSR_ANCHOR)
    assert interval(found["شباط,2005"]) == ("2005-02-01", "2005-02-28")
    assert not any("آذار" in k for k in found)  # قوى 8 آذار


def test_gsr_ordinal_day_of_levantine_month_without_year(timex_pipeline, gsr_rows):
    found = times(timex_pipeline, sentence(gsr_rows, "المعركة الجديدة لن تعيد لقوى 14 آذار"), GSR_ANCHOR)
    assert list(found) == ["السابع من أيار"]  # the nearest 7 May not after the anchor
    assert interval(found["السابع من أيار"]) == ("2010-05-07", "2010-05-07")


def test_gsr_years_and_scores(timex_pipeline, gsr_rows):
    found = times(timex_pipeline, sentence(gsr_rows, "وفي لبنان عام 2000"), GSR_ANCHOR)
    assert {"عام 2000", "عام 2004", "عام 2007"} <= set(found)
    assert not any("صفر" in k for k in found)  # 1 - صفر is a score, not the month Safar
    found = times(timex_pipeline, sentence(gsr_rows, "والكويت صفر - صفر"), GSR_ANCHOR)
    assert list(found) == ["عام 1984"]


def test_gsr_full_date_with_two_month_names(timex_pipeline, gsr_rows):
    found = times(timex_pipeline, sentence(gsr_rows, "في 17 ابريل (نيسان) 2004"), GSR_ANCHOR)
    t = found["17 ابريل (نيسان) 2004"]
    assert interval(t) == ("2004-04-17", "2004-04-17") and t.granularity == "day" and t.anchor is None


def test_gsr_range_since_and_decade(timex_pipeline, gsr_rows):
    found = times(timex_pipeline, sentence(gsr_rows, "بين 1991 و1995"), GSR_ANCHOR)
    assert interval(found["بين 1991 و1995"]) == ("1991-01-01", "1995-12-31")
    assert interval(found["أمس"]) == ("2011-02-19", "2011-02-19")
    found = times(timex_pipeline, sentence(gsr_rows, "منذ عام 1965"), GSR_ANCHOR)
    assert interval(found["منذ عام 1965"]) == ("1965-01-01", GSR_ANCHOR)
    found = times(timex_pipeline, sentence(gsr_rows, "أواخر التسعينيات"), GSR_ANCHOR)
    assert interval(found["أواخر التسعينيات"]) == ("1997-01-01", "1999-12-31")
    assert interval(found["العام الماضي"]) == ("2010-01-01", "2010-12-31")


def test_gsr_ramadan_and_past_month(timex_pipeline, gsr_rows):
    found = times(timex_pipeline, sentence(gsr_rows, "تنفيذ حكم الاعدام الى ما بعد شهر رمضان"), GSR_ANCHOR)
    # Ramadan 1431 (Umm al-Qura): 11 August to 9 September 2010, the last one before the anchor
    assert interval(found["شهر رمضان"]) == ("2010-08-11", "2010-09-09")
    found = times(timex_pipeline, sentence(gsr_rows, "في 11 ديسمبر الماضي"), GSR_ANCHOR)
    assert interval(found["11 ديسمبر الماضي"]) == ("2010-12-11", "2010-12-11")


def test_gsr_weeks_ago_and_ordinal_weeks(timex_pipeline, gsr_rows):
    found = times(timex_pipeline, sentence(gsr_rows, "قبل سبعة اسابيع"), GSR_ANCHOR)
    t = found["قبل سبعة اسابيع"]
    assert t.granularity == "week" and t.interval_start <= "2011-01-02" <= t.interval_end
    found = times(timex_pipeline, sentence(gsr_rows, "الأسبوع الثاني من شهر يونيو"), GSR_ANCHOR)
    # the second WEEK of June, the first HALF of May: no day 2 June or day 1 May
    assert not any(k.startswith(("الثاني", "الأول")) for k in found)
    assert interval(found["شهر يونيو (حزيران) القادم"]) == ("2011-06-01", "2011-06-30")


def test_gsr_newspaper_named_today_and_general_secretary(timex_pipeline, gsr_rows):
    assert times(timex_pipeline, sentence(gsr_rows, "ألمصري اليوم"), GSR_ANCHOR) == {}
    found = times(timex_pipeline, sentence(gsr_rows, "الأمين العام السابق للحزب"), GSR_ANCHOR)
    assert list(found) == ["21 مايو(أيار) 2005"]


# -- hand-made sentences, one calendar at a time -------------------------------------------------


def test_gregorian_explicit_dates(timex_pipeline):
    found = times(timex_pipeline, "وقع الاتفاق في 15 يناير 2026، وصدر القرار بتاريخ 3/2/2025 ونشر في 2024-12-31.")
    assert interval(found["15 يناير 2026"]) == ("2026-01-15", "2026-01-15")
    assert interval(found["3/2/2025"]) == ("2025-02-03", "2025-02-03")  # day first
    assert interval(found["2024-12-31"]) == ("2024-12-31", "2024-12-31")
    found = times(timex_pipeline, "وصل الوفد في الخامس عشر من يناير، وغادر في الحادي والعشرين من ديسمبر الماضي.")
    assert interval(found["الخامس عشر من يناير"]) == ("2026-01-15", "2026-01-15")
    assert interval(found["الحادي والعشرين من ديسمبر الماضي"]) == ("2025-12-21", "2025-12-21")


def test_eastern_digits_and_diacritics_keep_original_spans(timex_pipeline):
    text = "قال الوزيرُ أمسِ إن الاتفاق وُقّع في ١٥ يناير ٢٠٢٦ وسيُنفّذ غداً."
    found = times(timex_pipeline, text)
    assert interval(found["١٥ يناير ٢٠٢٦"]) == ("2026-01-15", "2026-01-15")
    assert interval(found["أمسِ"]) == ("2026-01-19", "2026-01-19")
    assert interval(found["غداً"]) == ("2026-01-21", "2026-01-21")


def test_levantine_months(timex_pipeline):
    text = "عقدت الحكومة اجتماعها في 3 تشرين الثاني 2025، وفي أواسط شباط الماضي زار الوزير دمشق، ثم في كانون الأول."
    found = times(timex_pipeline, text)
    assert interval(found["3 تشرين الثاني 2025"]) == ("2025-11-03", "2025-11-03")
    assert interval(found["أواسط شباط الماضي"]) == ("2025-02-11", "2025-02-20")
    assert interval(found["كانون الأول"]) == ("2025-12-01", "2025-12-31")  # the nearest December not after
    found = times(timex_pipeline, "ارتفعت الأسعار بين كانون الأول 2024 وكانون الثاني 2025.")
    assert interval(found["بين كانون الأول 2024 وكانون الثاني 2025"]) == ("2024-12-01", "2025-01-31")


def test_maghrebi_months(timex_pipeline):
    text = "أعلنت الحكومة يوم 5 جويلية 2024 عن عفو، ونظمت مسيرة في 12 فيفري 2019، وفي أوت الماضي، وفي أفريل المقبل."
    found = times(timex_pipeline, text)
    assert interval(found["يوم 5 جويلية 2024"]) == ("2024-07-05", "2024-07-05")
    assert interval(found["12 فيفري 2019"]) == ("2019-02-12", "2019-02-12")
    assert interval(found["أوت الماضي"]) == ("2025-08-01", "2025-08-31")
    assert interval(found["أفريل المقبل"]) == ("2026-04-01", "2026-04-30")
    found = times(timex_pipeline, "وصل الوفد المغربي في 20 شتنبر 2023.")
    assert interval(found["20 شتنبر 2023"]) == ("2023-09-20", "2023-09-20")


def test_hijri_dates(timex_pipeline):
    text = "توفي في 15 رمضان 1445 هـ، وبدأت السنة الهجرية في الأول من محرم 1446هـ، وفي عام 1445 هـ."
    found = times(timex_pipeline, text, published=None)
    assert interval(found["15 رمضان 1445 هـ"]) == ("2024-03-25", "2024-03-25")
    assert interval(found["الأول من محرم 1446هـ"]) == ("2024-07-07", "2024-07-07")
    assert interval(found["عام 1445 هـ"]) == ("2023-07-19", "2024-07-06")
    assert all(t.anchor is None for t in found.values())  # explicit dates need no anchor


def test_relative_days_weeks_months(timex_pipeline):
    text = (
        "قال الوزير أمس إن الحادث وقع أول من أمس، وقتل متظاهر الأسبوع الماضي، وتعقد القمة الأسبوع المقبل، "
        "وارتفع العجز العام الماضي وفي الشهر الماضي."
    )
    found = times(timex_pipeline, text)
    assert interval(found["أمس"]) == ("2026-01-19", "2026-01-19")
    assert interval(found["أول من أمس"]) == ("2026-01-18", "2026-01-18")
    assert interval(found["الأسبوع الماضي"]) == ("2026-01-12", "2026-01-18")  # Monday to Sunday
    assert interval(found["الأسبوع المقبل"]) == ("2026-01-26", "2026-02-01")
    assert interval(found["العام الماضي"]) == ("2025-01-01", "2025-12-31")
    assert interval(found["الشهر الماضي"]) == ("2025-12-01", "2025-12-31")


def test_since_and_ago(timex_pipeline):
    text = "وقع الانفجار قبل ثلاثة أيام، ويعتصم العمال منذ يومين، وتشهد البلاد أزمة منذ عام 2011، وقبل بضعة أشهر."
    found = times(timex_pipeline, text)
    assert interval(found["قبل ثلاثة أيام"]) == ("2026-01-17", "2026-01-17")
    assert interval(found["منذ يومين"]) == ("2026-01-18", PUBLISHED)
    assert interval(found["منذ عام 2011"]) == ("2011-01-01", PUBLISHED)
    assert found["قبل بضعة أشهر"].vague
    found = times(timex_pipeline, text, published=None)
    assert set(found) == {"قبل ثلاثة أيام", "منذ يومين", "منذ عام 2011", "قبل بضعة أشهر"}
    assert all(t.anchor == "unresolved" and t.interval_start is None for t in found.values())
    assert found["قبل ثلاثة أيام"].granularity == "day"


def test_weekdays(timex_pipeline):
    found = times(timex_pipeline, "خرج المتظاهرون يوم الجمعة الماضي، والثلاثاء الماضي، ويوم الاثنين.")
    assert interval(found["يوم الجمعة الماضي"]) == ("2026-01-16", "2026-01-16")
    assert interval(found["الثلاثاء الماضي"]) == ("2026-01-13", "2026-01-13")  # not the publication day itself
    assert interval(found["يوم الاثنين"]) == ("2026-01-19", "2026-01-19")


def test_clitics_are_left_out_of_spans(timex_pipeline):
    found = times(timex_pipeline, "وبالأمس خرج المتظاهرون، وفي أواخر ديسمبر الماضي عادوا.")
    assert "الأمس" in found and "وبالأمس" not in found
    assert "أواخر ديسمبر الماضي" in found


def test_ordinary_words_are_not_times(timex_pipeline):
    text = (
        "نشرت الصحيفة اليومية تقريرا عن الأمين العام والرأي العام ومدير عام الشركة. "
        "مارس الضغط على الحكومة خلال الربيع العربي. وقالت صحيفة إسرائيل اليوم إن الجيش انسحب في اليوم التالي."
    )
    assert times(timex_pipeline, text) == {}


def test_march_is_a_month_only_with_context(timex_pipeline):
    found = times(timex_pipeline, "مارس الوزير ضغوطا كبيرة، ثم زار القاهرة في مارس الماضي وفي 3 مارس 2024.")
    assert set(found) == {"مارس الماضي", "3 مارس 2024"}


def test_repeated_article_finds_every_occurrence(timex_pipeline, reference_text):
    doc = timex_pipeline("\n".join([reference_text] * 50), published=PUBLISHED)
    assert len(doc.times) == 200
    assert all(doc.text[t.start : t.end] == t.text for t in doc.times)


def test_month_and_day_ranges_borrow_the_year_of_their_end(timex_pipeline):
    found = times(timex_pipeline, "من يناير إلى مارس 2020 ارتفعت الأسعار، وبين 15 ديسمبر و3 يناير 2021 تراجعت.")
    assert interval(found["من يناير إلى مارس 2020"]) == ("2020-01-01", "2020-03-31")
    assert interval(found["بين 15 ديسمبر و3 يناير 2021"]) == ("2020-12-15", "2021-01-03")
    assert all(t.anchor is None for t in found.values())


def test_names_that_look_like_times(timex_pipeline):
    # باول (Powell) is not ب + أول; أمس الأول is the day before yesterday; البيت المحرم is "the sacred house"
    found = times(timex_pipeline, "قال وزير الخارجية الأميركي كولن باول أمس الأول إن الطواف حول البيت المحرم آمن.")
    assert list(found) == ["أمس الأول"]
    assert interval(found["أمس الأول"]) == ("2026-01-18", "2026-01-18")


def test_seasons_decades_and_vague_words(timex_pipeline):
    text = (
        "تظاهر الطلاب الصيف الماضي وفي شتاء 2024، وكانت البلاد تعيش أزمة في التسعينيات، "
        "وتراجعت الأسعار مؤخراً وهي مستقرة حالياً، ويلتقي الوزيران الليلة، وارتفع العجز هذا العام."
    )
    found = times(timex_pipeline, text)
    assert interval(found["الصيف الماضي"]) == ("2025-06-01", "2025-08-31")
    assert interval(found["شتاء 2024"]) == ("2023-12-01", "2024-02-29")  # December before to February
    assert found["الصيف الماضي"].granularity == "season" and found["الصيف الماضي"].vague
    assert interval(found["التسعينيات"]) == ("1990-01-01", "1999-12-31")
    assert found["التسعينيات"].granularity == "decade"
    recently = found["مؤخراً"]
    assert recently.vague and recently.interval_end == PUBLISHED and recently.interval_start < PUBLISHED
    assert interval(found["حالياً"]) == (PUBLISHED, PUBLISHED)
    assert interval(found["الليلة"]) == (PUBLISHED, PUBLISHED)
    assert interval(found["هذا العام"]) == ("2026-01-01", "2026-12-31")
