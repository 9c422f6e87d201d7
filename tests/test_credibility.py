"""Credibility grades on events of the reference article (events placed on its real trigger words)."""
from __future__ import annotations

import re

import pytest

from isnad.eval.attribution import attribution_pipeline
from isnad.credibility import Credibility
from isnad.document import Cameo, Event, Plover, Span
from isnad.events.context import DocIndex
from isnad.text.offsets import token_at


def _event(doc, word: str) -> Event:
    """An event on the first occurrence of ``word`` as a whole word (انشق, not the headline's انشقاق),
    linked to the attributions that report it as the events stage links them."""
    start = next(m.start() for m in re.finditer(rf"(?<!\w){word}(?!\w)", doc.text))
    sentence = doc.tokens[token_at(doc.tokens, start)].sentence
    return Event(id=f"e-{word}", trigger=Span(start, start + len(word), word), cameo=Cameo("010", "", 0.0, 1),
                 plover=Plover(None), attributions=DocIndex(doc).reported_by(sentence, start))


@pytest.fixture()
def graded(reference_text):
    doc = attribution_pipeline(mentions=False)(reference_text)
    doc.events = [
        _event(doc, "انشق"),  # كشفت مصادر أن ... قد انشق
        _event(doc, "اتصل"),  # وبحسب التقرير، فقد اتصل ...
        _event(doc, "تدرس"),  # وأضافت مصادر أوروبية أن بعض الحكومات تدرس ...
        _event(doc, "استقال"),  # after ويشار إلى أن: the article's own voice
    ]
    return Credibility()(doc)


def test_bare_anonymous_sources_cannot_be_judged_and_lower_credibility(graded):
    c = graded.events[0].credibility
    assert c.source_reliability == "F"
    assert c.information_credibility == 4  # single origin (3) lowered by a bare anonymous source
    assert c.inputs["source_type"] == "anonymous" and c.inputs["independent_origins"] == 1
    assert any("anonymous" in r for r in c.reasons)


def test_the_report_is_graded_by_its_outlet_and_keeps_its_described_stance(graded):
    c = graded.events[1].credibility
    assert c.inputs["outlet"] == "iran_international"
    assert c.source_reliability == "C"  # a private broadcaster, no registry grade
    assert c.information_credibility == 3
    assert any("وهي معارضة للنظام الإيراني" in r for r in c.reasons)


def test_qualified_anonymous_sources_are_not_lowered(graded):
    c = graded.events[2].credibility
    assert c.source_reliability == "F" and c.information_credibility == 3
    assert c.inputs["source_type"] == "qualified_anonymous"


def test_own_voice_uses_the_documents_outlet(graded, reference_text):
    c = graded.events[3].credibility
    assert c.inputs["attributions"] == [] and c.inputs["source_type"] == "own_voice"
    assert c.source_reliability == "F"  # the reference article names no outlet
    doc = attribution_pipeline(mentions=False)(reference_text)
    doc.outlet = "Reuters"
    doc.events = [_event(doc, "استقال")]
    c = Credibility()(doc).events[0].credibility
    assert c.source_reliability == "C" and c.inputs["outlet"] == "reuters"


def test_the_outlet_named_by_the_input(reference_text):
    """The article's outlet as its input names it: a registry id or name, a common-word name such as
    الجزيرة (which names the outlet here without a media word), or a name the registry lacks."""
    doc = attribution_pipeline(mentions=False)(reference_text)
    own, reported = _event(doc, "استقال"), _event(doc, "انشق")
    doc.events = [own, reported]

    def graded(outlet):
        doc.outlet = outlet
        return [e.credibility for e in Credibility()(doc).events]

    c, r = graded("الجزيرة")
    assert c.inputs["outlet"] == "aljazeera" and c.source_reliability == "C"  # state-owned broadcaster
    assert c.reasons[0] == "the article's own voice (Al Jazeera)"
    # an attributed event keeps its source's grade and names the outlet that carried it
    assert r.inputs["reported_by"] == "aljazeera" and r.source_reliability == "F" and "reported by Al Jazeera" in r.reasons
    c, r = graded("Gazette of Nowhere")
    assert c.source_reliability == "F" and c.inputs["outlet"] == r.inputs["reported_by"] == "unknown:Gazette_of_Nowhere"
    assert "the article's own voice; its outlet Gazette of Nowhere is not in the registry" in c.reasons
    assert "reported by Gazette of Nowhere" in r.reasons
    c, r = graded(None)
    assert c.source_reliability == "F" and c.inputs["outlet"] is None and r.inputs["reported_by"] is None
    assert "the article's own voice; the input names no outlet" in c.reasons


def test_hedged_content_lowers_credibility():
    text = "وأشار البنك العالمي إلى أن الأسواق قد تلجأ إلى عمليات تصحيحية عنيفة في حالة وقوع السيناريوهات المثيرة للقلق ."
    doc = attribution_pipeline(mentions=False)(text)
    doc.events = [_event(doc, "تلجأ")]
    c = Credibility()(doc).events[0].credibility
    assert c.source_reliability == "C" and c.information_credibility == 4
    assert c.inputs["hedges"] == ["قد تلجأ"]


def test_events_from_the_default_pipeline_all_carry_a_grade(reference_doc):
    assert all(e.credibility and e.credibility.reasons for e in reference_doc.events)
