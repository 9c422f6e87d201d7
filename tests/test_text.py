"""The text layer on real text: offsets back to the original, folding, clitics, sentences."""
from __future__ import annotations

import csv

import pytest

from isnad import Pipeline
from isnad.text.clitics import candidates, key
from isnad.resources import Resources

NORMALISER = Resources().normaliser
fold, loose, normalise = NORMALISER.fold, NORMALISER.loose, NORMALISER.normalise


@pytest.fixture(scope="module")
def text_pipeline():
    return Pipeline(["normalise", "segment"])


def test_every_token_span_points_into_the_original(text_pipeline, reference_text):
    doc = text_pipeline(reference_text)
    assert len(doc.tokens) > 300
    for tok in doc.tokens:
        original = doc.text[tok.start : tok.end]
        assert fold(original) == tok.norm, (original, tok.norm)


def test_diacritics_tatweel_and_hamza_are_folded_with_offsets_kept():
    text = "قالَ الرئيسُ إنّ الـمـظاهرات في أسوان ٢٠٢٦"
    norm, offsets = normalise(text)
    assert norm == "قال الرئيس ان المظاهرات في اسوان 2026"
    i = norm.index("المظاهرات")
    s, e = offsets.span(i, i + len("المظاهرات"))
    assert text[s:e] == "الـمـظاهرات"
    i = norm.index("2026")
    assert text[slice(*offsets.span(i, i + 4))] == "٢٠٢٦"
    i = norm.index("قال")
    assert text[slice(*offsets.span(i, i + 3))] == "قالَ"  # the trailing diacritic belongs to the word


def test_offset_table_agrees_with_to_original():
    for text in ("قالَ الرئيسُ إنّ الـمـظاهرات في أسوان ٢٠٢٦", "\uFEFBجئ \uFEDF\uFEEE", "بلا تشكيل", "ـــً"):
        norm, offsets = normalise(text)
        table = offsets.table(len(norm))
        assert list(table) == [offsets.to_original(x) for x in range(len(norm) + 1)]


def test_alef_maqsura_and_ya_stay_apart():
    assert fold("علي") != fold("على")
    assert loose("على") == loose("علي")  # only the loose search folding merges them


def test_presentation_forms_expand_and_map_back():
    text = "\uFEFBجئ \uFEDF\uFEEE"  # the ligature lam-alef, then isolated/initial forms
    norm, offsets = normalise(text)
    assert norm.startswith("لا")
    assert offsets.span(0, 2) == (0, 1)


def test_clitic_candidates_strip_for_lookup_only():
    assert "دبلوماسي" in candidates("والدبلوماسي")
    assert "سويسرا" in candidates("بسويسرا")
    assert candidates("بلجيكا")[0] == "بلجيكا"  # the whole word is always tried first
    assert "لجوء" in candidates("ولجوئه", suffixes=True) or "لجوئ" in candidates("ولجوئه", suffixes=True)
    assert key("للأمم".replace("أ", "ا")) == "امم"
    assert key("والدبلوماسي") == "دبلوماسي"
    assert key("وفد") == "وفد"


def test_reference_article_headlines_are_units_of_their_own(text_pipeline, reference_text):
    doc = text_pipeline(reference_text)
    sents = [(doc.text[s.start : s.end], s.heading) for s in doc.sentences]
    headings = [t for t, h in sents if h]
    assert "انشقاق دبلوماسي إيراني في جنيف وطلبه اللجوء السياسي" in headings
    assert "تحذيرات من انهيار النظام الإيراني" in headings
    assert headings[0].startswith("«اتصالات سرية»")
    assert doc.title == reference_text.splitlines()[0]  # plain text: the headline is the title
    body = [t for t, h in sents if not h]
    assert body[0].startswith("كشفت مصادر أن دبلوماسياً")
    assert body[0].endswith("مع اشنطن.")
    # the Arabic comma does not end a sentence
    assert any("ووفق تقرير نشرته صحيفة" in t and "علي رضا جيراني" in t for t in body)


def test_sentences_of_gold_data_split_on_arabic_question_mark(text_pipeline, shared_data):
    rows = list(csv.DictReader(open(shared_data / "event_gsr" / "protest_gsr.csv", encoding="utf-8")))
    texts = [r["text"] for r in rows[:300]]
    doc = text_pipeline("\n".join(texts))
    assert len(doc.sentences) >= len(texts)
    q = "هل يستمر التظاهر؟ قال المتحدث إن الاحتجاجات ستتواصل."
    d = text_pipeline(q)
    assert [d.text[s.start : s.end] for s in d.sentences] == ["هل يستمر التظاهر؟", "قال المتحدث إن الاحتجاجات ستتواصل."]


def test_abbreviations_and_decimals_do_not_split(text_pipeline):
    d = text_pipeline("ارتفع المؤشر 3.5 بالمئة. وقال د. أحمد إن ذلك متوقع.")
    assert len(d.sentences) == 2
