"""Reading real files and bad input: encodings, binary, empty, huge, HTML soup, English."""
from __future__ import annotations

import json
import os

import pytest

from isnad.errors import DecodeError
from isnad.ingest.files import read_inputs
from isnad.text.decode import decode

HTML_PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="windows-1256">
<title>انشقاق دبلوماسي إيراني في جنيف</title>
<meta property="article:published_time" content="2026-01-19T08:30:00+00:00">
<style>body {{ color: red }} .x::after {{ content: "لا تظهر" }}</style>
<script>var secret = "نص في سكربت"; document.write("<p>مكتوب بالسكربت</p>");</script>
</head><body><nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav>
<article><h1>انشقاق دبلوماسي إيراني في جنيف</h1>{body}</article>
<footer>جميع الحقوق محفوظة</footer><script>track();</script></body></html>"""


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())


def test_utf8_with_and_without_bom(reference_text):
    raw = reference_text.encode("utf-8")
    assert decode(raw)[0] == reference_text
    text, enc = decode(b"\xef\xbb\xbf" + raw)
    assert text == reference_text and enc == "utf-8-sig"


def test_windows_1256_and_utf16(reference_text):
    assert decode(reference_text.encode("cp1256"))[0] == reference_text
    assert decode(reference_text.encode("utf-16"))[0] == reference_text
    assert decode(reference_text.encode("utf-16-le"))[0] == reference_text
    assert decode(reference_text.encode("utf-16-be"))[0] == reference_text


def test_binary_and_undecodable_bytes_say_so():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DecodeError, match="cannot decode as utf-8"):
        decode("نص".encode("cp1256"), encoding="utf-8")


def test_files_of_every_kind(tmp_path, reference_text):
    (tmp_path / "a.txt").write_bytes(reference_text.encode("cp1256"))
    (tmp_path / "b.txt").write_bytes(reference_text.encode("utf-16"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + os.urandom(200))
    docs = list(read_inputs([str(tmp_path / n) for n in ("a.txt", "b.txt", "empty.txt", "image.txt", "missing.txt")]))
    assert [type(d).__name__ for d in docs] == ["Document", "Document", "Failed", "Failed", "Failed"]
    assert docs[0].text == reference_text and docs[0].meta["encoding"] == "cp1256"
    assert docs[1].text == reference_text
    assert "empty" in docs[2].message
    assert "binary" in docs[3].message
    assert "no such file" in docs[4].message


def test_html_soup_gives_the_article_without_scripts_styles_or_menus(tmp_path, reference_text):
    page = HTML_PAGE.format(body=_paragraphs(reference_text))
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1256"))
    [doc] = list(read_inputs([str(path)]))
    assert doc.title == "انشقاق دبلوماسي إيراني في جنيف"
    assert doc.published == "2026-01-19"
    assert "علي رضا جيراني" in doc.text
    for junk in ("secret", "نص في سكربت", "لا تظهر", "track()", "جميع الحقوق محفوظة", "color: red"):
        assert junk not in doc.text


def test_jsonl_keeps_ids_and_reports_bad_lines(tmp_path, reference_text):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": 7, "text": reference_text, "published": "2026-01-20T10:00:00Z", "extra": "kept"}, ensure_ascii=False),
        "",
        "{broken",
        json.dumps({"id": "x", "title": "بلا نص"}),
        json.dumps({"text": "قال المتحدث إن الاحتجاجات ستتواصل."}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Document", "Failed", "Failed", "Document"]
    assert items[0].id == "7" and items[0].published == "2026-01-20" and items[0].meta["extra"] == "kept"
    assert items[1].source.endswith(":3")
    assert items[2].id == "x"


def test_jsonl_publication_date_under_other_names(tmp_path, shared_data):
    # SaudiNewsNet gives the crawl time as "extracted"; other exports say "date" or "datePublished"
    import gzip

    with gzip.open(shared_data / "news" / "saudinewsnet_dev.jsonl.gz", "rt", encoding="utf-8") as f:
        record = json.loads(f.readline())
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join([json.dumps(record, ensure_ascii=False),
                               json.dumps({"text": record["text"], "datePublished": "2015-07-22T08:00:00Z"}, ensure_ascii=False),
                               json.dumps({"text": record["text"], "date": 20150722}, ensure_ascii=False)]), encoding="utf-8")
    first, second, third = read_inputs([str(path)])
    assert first.published == record["extracted"][:10] and first.outlet == record["outlet"]
    assert second.published == "2015-07-22"
    assert type(third).__name__ == "Failed" and "'date' is int" in third.message


def test_huge_article_is_analysed_with_offsets_intact(pipeline, reference_text):
    text = (reference_text + "\n") * (10_000_000 // len(reference_text.encode("utf-8")) + 1)
    assert len(text.encode("utf-8")) >= 10_000_000
    doc = pipeline(text, published="2026-01-20")
    assert len(doc.sentences) > 30_000
    last = doc.tokens[-1]
    assert doc.text[last.start : last.end] in reference_text


def test_english_article_gets_a_clear_warning(pipeline):
    doc = pipeline("An Iranian diplomat in Geneva has defected and asked for asylum in Switzerland, sources said.")
    assert doc.language == "en"
    assert any("does not look Arabic" in w for w in doc.warnings)
    assert doc.events == []


def test_mixed_script_article_is_arabic(pipeline):
    doc = pipeline("قال مسؤول في منظمة Human Rights Watch إن الاحتجاجات في طهران مستمرة منذ أسبوعين.",
                   published="2026-01-20")  # dated: an undated article is warned about its relative times
    assert doc.language == "ar" and not doc.warnings
