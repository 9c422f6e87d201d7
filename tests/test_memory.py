"""Compact storage and streamed output on real text: the same tokens, hashes and JSON as before, in less memory."""
from __future__ import annotations

import gzip
import hashlib
import itertools
import json

import pytest
from click.testing import CliRunner

import isnad.document
from isnad.cli.main import cli
from isnad.document import Document, Tokens, text_hash

from conftest import PUBLISHED


@pytest.fixture(scope="module")
def news(shared_data) -> list[dict]:
    """A few real articles, the longest of them joined into one long article."""
    with gzip.open(shared_data / "news" / "saudinewsnet_dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [o for o in map(json.loads, itertools.islice(fh, 40)) if o.get("text")]


def test_tokens_by_column_are_the_token_objects(reference_doc, resources):
    tokens = reference_doc.tokens
    assert isinstance(tokens, Tokens) and len(tokens) > 300
    listed = list(tokens)
    assert listed[5:9] == tokens[5:9] and listed[-1] == tokens[-1]
    key = resources.clitics.key
    for i, tok in enumerate(listed):
        assert tok == tokens[i]
        assert (tok.start, tok.end, tok.norm, tok.key, tok.sentence, tok.nstart) == (
            tokens.start[i], tokens.end[i], tokens.norm[i], tokens.key[i], tokens.sentence[i], tokens.nstart[i])
        assert tok.key == key(tok.norm)
        first, end = reference_doc.sentences[tok.sentence].tokens
        assert first <= i < end
    # a word repeated in the text is one string, not one per token
    repeated = [i for i, w in enumerate(tokens.norm) if w == "في"]
    assert len(repeated) > 3 and all(tokens.norm[i] is tokens.norm[repeated[0]] for i in repeated)


def test_json_in_pieces_is_the_json_of_the_document(pipeline, reference_doc, news):
    article = news[0]
    doc = pipeline(article["text"], title=article["title"], url=article["url"], published=article["extracted"][:10],
                   meta={"author": article["author"], "ids": [1, 2]})
    for d in (reference_doc, doc):
        for indent in (None, 1, 2):
            assert "".join(d.json_chunks(indent)) == d.to_json(indent)


def test_json_of_a_long_article_written_by_the_command_is_the_document(tmp_path, pipeline, news):
    text = "\n\n".join(o["text"] for o in news)
    src, out = tmp_path / "long.txt", tmp_path / "long.json"
    src.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(src), "--published", PUBLISHED, "--format", "json", "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = pipeline(text, published=PUBLISHED)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert len(written["events"]) > 10 and written["text"] == text
    assert out.read_text(encoding="utf-8") == Document.from_dict(written).to_json(indent=1) + "\n"
    assert written["hash"] == doc.hash and len(written["mentions"]) == len(doc.mentions)


def test_text_hash_collapsed_a_piece_at_a_time_is_that_of_the_whole_text(monkeypatch, news):
    texts = [o["text"] for o in news] + ["  فقرة\n\n  ثانية  ", ""]
    whole = [hashlib.sha1(" ".join(t.split()).encode("utf-8")).hexdigest()[:16] for t in texts]
    assert [text_hash(t) for t in texts] == whole
    monkeypatch.setattr(isnad.document, "HASH_PIECE", 7)  # cuts inside nearly every sentence
    assert [text_hash(t) for t in texts] == whole


def test_mentions_of_one_name_share_their_actor_and_place(pipeline, reference_doc):
    by_name: dict[tuple, list] = {}
    for m in reference_doc.mentions:
        if m.actor is not None:
            by_name.setdefault((m.label, m.text, m.actor.id), []).append(m)
    repeated = [ms for ms in by_name.values() if len(ms) > 1]
    assert len(repeated) >= 3
    for ms in repeated:
        assert all(m.actor is ms[0].actor for m in ms)
        assert all(m.place is ms[0].place for m in ms)
    texts = {}
    assert all(texts.setdefault(m.text, m.text) is m.text for m in reference_doc.mentions)  # one string a name
    # a body with a code but no sectors stays each mention's own: the event coder may give it a sector in place
    doc = pipeline("أعلن الديوان الملكي الهاشمي أن الملك سيزور جنيف. وقال الديوان الملكي الهاشمي في بيان إن "
                   "الزيارة إلى جنيف تستمر يومين.", published="2015-07-21")  # the court's code is of 2008-2016
    court = [m for m in doc.mentions if m.text == "الديوان الملكي الهاشمي"]
    assert len(court) == 2 and court[0].actor == court[1].actor and court[0].actor is not court[1].actor
    assert court[0].actor.code == "JOR" and not court[0].actor.sectors
    geneva = [m for m in doc.mentions if m.text == "جنيف"]
    assert len(geneva) == 2 and geneva[0].place is geneva[1].place and geneva[0].actor is geneva[1].actor


def test_the_normalised_text_is_dropped_once_no_stage_needs_it(reference_text):
    from isnad import Pipeline

    partial = Pipeline(["normalise", "segment"])(reference_text)
    assert partial.norm and partial.tokens.norm[0] in partial.norm  # the last stage's inputs are kept
    whole = Pipeline(["normalise", "segment", "gazetteer"])(reference_text)
    assert whole.norm == "" and whole.tokens.norm == partial.tokens.norm and whole.mentions


def test_json_of_a_string_in_pieces_is_its_json(monkeypatch, reference_doc):
    whole = reference_doc.to_json(indent=1)
    assert '\\"' in whole or "\\n" in whole  # the text holds characters JSON escapes
    monkeypatch.setattr(isnad.document, "STRING_PIECE", 7)  # the text, the title and more are cut into pieces
    for indent in (None, 1):
        assert "".join(reference_doc.json_chunks(indent)) == reference_doc.to_json(indent)


def test_tagging_a_sentence_at_a_time_is_tagging_the_document(reference_doc, news, resources):
    from isnad.entities.tagger import CrfTagger, SentenceWords, tag_document, tag_sentences
    from isnad.pipeline import Pipeline

    tagger = CrfTagger(resources=resources)
    for doc in (reference_doc, Pipeline(["normalise", "segment"])("\n\n".join(o["text"] for o in news[:10]))):
        tokens, bounds = doc.tokens, [s.tokens for s in doc.sentences]
        words = SentenceWords(tokens.norm, bounds)
        lists = [tokens.norm[a:b] for a, b in bounds]
        assert list(words) == lists and words[3] == lists[3] and words[2:5] == lists[2:5] and len(words) == len(lists)
        whole = tag_document(tagger, lists)
        assert list(tag_sentences(tagger, words, SentenceWords(tokens.key, bounds))) == whole
        assert sum(t != "O" for ts in whole for t in ts) > 30


def test_a_document_with_more_new_words_than_the_word_cache_leaves_it_empty(monkeypatch, reference_doc, resources):
    from isnad.entities import features
    from isnad.entities.tagger import CrfTagger, tag_document

    words = [reference_doc.tokens.norm[a:b] for a, b in (s.tokens for s in reference_doc.sentences)]
    kept = CrfTagger(resources=resources)
    tags = tag_document(kept, words)
    assert kept.featuriser.word.cache_info().currsize > 200  # an article's words stay for the next one
    monkeypatch.setattr(features, "WORD_CACHE", 100)  # fewer than the reference article's distinct words
    small = CrfTagger(resources=resources)
    assert tag_document(small, words) == tags
    assert small.featuriser.word.cache_info().currsize == 0


def test_token_marks_are_the_first_label_and_outlet_over_each_token(reference_doc):
    from isnad.attribution.stage import _mention_labels
    from isnad.resolve.actors import outlet_id

    tokens = reference_doc.tokens
    labels, outlets = _mention_labels(reference_doc, tokens)
    want_labels, want_outlets = [None] * len(tokens), [None] * len(tokens)
    for m in reference_doc.mentions:
        for i in range(*m.tokens):
            want_labels[i] = want_labels[i] or m.label
            want_outlets[i] = want_outlets[i] or outlet_id(m.actor.id if m.actor else None)
    assert labels[0 : len(tokens)] == want_labels and labels[10:40] == want_labels[10:40]
    assert outlets[0 : len(tokens)] == want_outlets and any(want_outlets) and set(filter(None, want_labels)) >= {"PER", "GPE"}
