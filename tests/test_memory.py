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
