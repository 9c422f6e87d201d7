"""Generated inputs for the fuzz test (tests/test_fuzz.py) and the fuzz run (scripts/fuzz.py), and the
property each must keep: a result whose spans index the text (and that can be written as JSON and pages, and
stored), or one of isnad's own errors naming the input.

Three kinds of input: text given to the Python API, bytes in files of each extension the readers take, and
JSONL lines whose fields have random types. Their runners (:func:`analysed`, :func:`read_and_analyse`,
:func:`jsonl_kept`) return ``"ok"`` or ``"error"`` (a clear error: an :class:`~isnad.errors.IsnadError` or a
Failed record naming the input) and raise anything else.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from isnad.document import Document
from isnad.errors import IsnadError
from isnad.ingest.files import Failed
from isnad.ingest.folders import read_any
from isnad.render.html import render_html
from isnad.render.text import render_text
from isnad.text.stages import LONE_SURROGATE

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # tanwin, harakat, shadda, sukun, tatweel
PUNCTUATION = "«»،؛؟.!:\"'()[]-–—… \n\t"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳"
WORDS = ["قال", "أكد", "وقال", "نقلت", "وفق", "مصادر", "الرئيس", "الحكومة", "طهران", "جنيف", "انشق",
         "احتجاجات", "أمس", "الثلاثاء", "يناير", "2026", "١٤٤٧", "هـ", "صحيفة", "إن", "أن", "في", "من"]
HTML = ["<p>", "</p>", "<td>", "<math>", "<script>alert(1)</script>", "&amp;", "&#1575;", "<br/>", "<!--",
        "-->", "<![CDATA[", "<meta charset=\"cp1256\">", "<html>", "</body>", "<", ">", "&"]
ODD = ["\ud83d", "\udc00", "\x00", "\x1b", "\u200f", "\u200d", "\ufeff", "\ufffd", "\u202e", "\r", "\r\n",
       "\x85", "\u2028", "ﻻ", "ﷲ", "😀", "\U0010ffff"]

pieces = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=LETTERS + DIACRITICS, min_size=1, max_size=8),
    st.text(alphabet=PUNCTUATION + DIGITS, min_size=1, max_size=3),
    st.sampled_from(HTML),
    st.sampled_from(ODD),
    st.text(max_size=3),  # any code point, surrogates included
)
REFERENCE = (Path(__file__).resolve().parent.parent / "isnad" / "examples" / "geneva_defection.txt").read_text(
    encoding="utf-8")


def _mutated(start: int, length: int, edits: list[tuple[int, int, str]]) -> str:
    """A stretch of the reference article with pieces inserted and characters cut at random places."""
    text = REFERENCE[start:start + length]
    for at, cut, piece in edits:
        at %= len(text) + 1
        text = text[:at] + piece + text[at + cut:]
    return text


random_texts = st.lists(pieces, max_size=40).map("".join)
# real sentences, broken: they reach attribution and event coding, which random letters rarely do
mutated_articles = st.builds(_mutated, st.integers(0, len(REFERENCE)), st.integers(1, 600),
                             st.lists(st.tuples(st.integers(0, 600), st.integers(0, 3), pieces), max_size=8))
texts = st.one_of(random_texts, mutated_articles)
dates = st.one_of(st.none(), st.dates().map(str), st.sampled_from(["2026-13-45", "0001-01-01", "9999-12-31",
                                                                    "", "yesterday", "2026-01-20T10:00:00Z"]))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5,
)
good_fields = st.fixed_dictionaries({}, optional={"title": texts, "url": texts, "outlet": texts, "id": texts,
                                                  "published": dates})
any_fields = st.fixed_dictionaries({}, optional={"title": json_values, "url": json_values, "outlet": json_values,
                                                 "id": json_values, "published": dates | json_values})
fields = st.one_of(good_fields, good_fields, good_fields, any_fields)  # mostly strings: the analysis is the aim
good_records = st.builds(lambda text, given: {"text": text, **given}, texts, good_fields)
any_records = st.fixed_dictionaries({"text": texts | json_values}, optional={
    "title": json_values, "url": json_values, "outlet": json_values, "id": json_values,
    "published": dates | json_values, "extra": json_values})
records = st.one_of(good_records, good_records, any_records, json_values)
jsonl_lines = st.lists(st.one_of(st.builds(lambda r, ascii_only: json.dumps(r, ensure_ascii=ascii_only),
                                           records, st.booleans()),  # escaped: "\ud83d" is a lone surrogate
                                 st.text(max_size=20)),  # lines that are not JSON at all
                       min_size=1, max_size=6)
SUFFIXES = [".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".warc", ".warc.gz", ".json", ".csv", ""]
file_bytes = st.one_of(
    st.binary(max_size=300),
    texts.flatmap(lambda t: st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1256", "utf-8-sig"]).map(
        lambda enc: t.encode(enc, "replace"))),
    jsonl_lines.map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")),
    st.sampled_from([b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\x1f\x8b\x08\x00", b"WARC/1.0\r\n",
                     b'<?xml version="1.0"?><rss><channel><item><description>',
                     b"\xff\xfe\x00\xd8", b"\xef\xbb\xbf"]).flatmap(lambda head: st.binary(max_size=100).map(
                         lambda tail: head + tail)),
)


def check_spans(doc: Document) -> None:
    """Every span of the analysed document lies inside its text and, when it has one, holds its text."""
    size = len(doc.text)

    def visit(obj: Any, where: str) -> None:
        if isinstance(obj, list | tuple):
            for i, item in enumerate(obj):
                visit(item, f"{where}[{i}]")
        elif dataclasses.is_dataclass(obj):
            start, end = getattr(obj, "start", None), getattr(obj, "end", None)
            if isinstance(start, int) and isinstance(end, int):
                assert 0 <= start <= end <= size, f"{where}: span {start}:{end} outside a text of {size}"
                text = getattr(obj, "text", None)
                if isinstance(text, str):
                    assert doc.text[start:end] == text, f"{where}: {doc.text[start:end]!r} != {text!r}"
            for f in dataclasses.fields(obj):
                if f.name not in ("text", "meta"):
                    visit(getattr(obj, f.name), f"{where}.{f.name}")

    for name in ("sentences", "tokens", "mentions", "times", "attributions", "events"):
        visit(getattr(doc, name), name)


def check_outputs(doc: Document, store: Any = None) -> None:
    """The analysed document goes out whole: its JSON reads back the same, both renderers take it, and
    the store (when given) keeps it."""
    check_spans(doc)
    assert Document.from_dict(json.loads(doc.to_json())).to_dict() == json.loads(doc.to_json())
    render_text(doc)
    render_html(doc)
    if store is not None:
        store.add(doc)
        assert store.document(doc.hash).hash == doc.hash  # (the text of a copy stored first may differ)


def analysed(pipeline: Any, text: str, given: dict[str, Any], store: Any = None) -> str:
    """The Python API on ``text`` with ``given`` Document fields: ``ok`` (spans checked) or ``error``."""
    try:
        doc = pipeline(Document(text=text, **given))
    except IsnadError as e:
        assert e.message, "an error without a message"
        return "error"
    # the text is the caller's, but for each lone surrogate made U+FFFD: every offset is one into the original
    assert doc.text == LONE_SURROGATE.sub("\ufffd", text), "the text changed: offsets would not be the original's"
    check_outputs(doc, store)
    return "ok"


def read_and_analyse(pipeline: Any, path: Path, store: Any = None) -> str:
    """Every item read from ``path``: a Document (analysed, spans checked) or a Failed naming the file."""
    outcome = "ok"
    for item in read_any([str(path)]):
        if isinstance(item, Failed):
            assert item.source.startswith(str(path)), f"{item.source!r} does not name {path}"
            assert item.message
            outcome = "error"
            continue
        assert str(item.meta.get("source", "")).startswith(str(path)) or item.url, "the document lost its source"
        check_outputs(pipeline(item), store)
    return outcome


def jsonl_kept(pipeline: Any, path: Path, lines: list[str], store: Any = None) -> str:
    """One item per non-blank line of a JSONL file, in order, each naming its line; good lines analysed."""
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    numbered = [n for n, line in enumerate(data.split(b"\n"), 1) if line.strip()]
    items = list(read_any([str(path)]))
    assert [item.source if isinstance(item, Failed) else item.meta["source"] for item in items] == \
        [f"{path}:{n}" for n in numbered], "a line was lost, or an item names the wrong line"
    outcome = "ok"
    for item in items:
        if isinstance(item, Failed):
            assert item.source.startswith(f"{path}:"), f"{item.source!r} does not name a line of {path}"
            outcome = "error"
        else:
            check_outputs(pipeline(item), store)
    return outcome
