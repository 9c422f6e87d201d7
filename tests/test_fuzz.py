"""Property-based: whatever text, file bytes or JSONL lines come in, the result is an analysis whose spans
index the text and that is written and stored, or isnad's own clear error naming the input; in a batch,
every line is accounted for.

The generators are shared with the longer run of scripts/fuzz.py (tests/fuzz_cases.py).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzz_cases as cases
from isnad.store import open_store

# bounded: the whole file runs in well under a minute on a busy two-core machine; derandomized, so that
# every run tries the same inputs and a failure can be reproduced (scripts/fuzz.py N explores at random)
BOUNDED = settings(max_examples=250, deadline=None, database=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db")) as s:
        yield s


@BOUNDED
@given(text=cases.texts, fields=cases.fields)
def test_python_api_analyses_or_says_why(pipeline, store, text, fields):
    assert cases.analysed(pipeline, text, fields, store) in ("ok", "error")


@BOUNDED
@given(suffix=st.sampled_from(cases.SUFFIXES), data=cases.file_bytes)
def test_files_of_every_extension_are_read_or_named(pipeline, store, suffix, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        assert cases.read_and_analyse(pipeline, path, store) in ("ok", "error")


@BOUNDED
@given(lines=cases.jsonl_lines)
def test_jsonl_lines_of_random_types_lose_nothing(pipeline, store, lines):
    with tempfile.TemporaryDirectory() as folder:
        assert cases.jsonl_kept(pipeline, Path(folder) / "batch.jsonl", lines, store) in ("ok", "error")



# What the fuzz run found, each kept as a plain test of the input that crashed.
SENTENCE = "قال الرئيس الإيراني إن بلاده ستجتمع مع الوفد السويسري في جنيف يوم الثلاثاء."


def test_fields_of_the_wrong_type_given_to_the_python_api_are_a_clear_error(pipeline):
    from isnad.errors import InputError

    with pytest.raises(InputError, match="'published' is list"):
        pipeline(SENTENCE, published=["2026-01-20"])
    with pytest.raises(InputError, match="'title' is int"):
        pipeline(SENTENCE, title=123)


def test_lone_surrogates_in_the_metadata_are_replaced_and_stored(pipeline, store):
    doc = pipeline(SENTENCE, title="عنوان\ud83d", url="https://example.org/\udc00", id="a\ud800b",
                   meta={"tag\udfff": ["\ud83d"]}, published="2026-01-20")
    assert (doc.title, doc.id, doc.meta) == ("عنوان\ufffd", "a\ufffdb", {"tag\ufffd": ["\ufffd"]})
    assert any("title held lone surrogate" in w for w in doc.warnings)
    store.add(doc)
    assert store.document(doc.id).url == "https://example.org/\ufffd"


def test_an_article_dated_on_the_calendars_last_day_is_stored(pipeline, store):
    for published in ("9999-12-31", "0001-01-01"):
        doc = pipeline(SENTENCE + published, published=published)
        assert doc.events
        store.add(doc)
        assert store.document(doc.hash).published == published
