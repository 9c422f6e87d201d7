"""The statistical named-entity tagger: CoNLL interface, scorer, quality gate, merging, backends."""
from __future__ import annotations

import gzip
import io
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from isnad import Pipeline
from isnad.document import Actor, Document, Mention, Place
from isnad.entities.conll import (
    documents,
    entities,
    read_conll,
    to_bio,
    to_bioes,
    write_conll,
)
from isnad.entities.features import data_dir, flat
from isnad.eval.ner import Scores
from isnad.entities.merge import Merger
from isnad.entities.training import read_corpus, sha256, split
from isnad.errors import DataError
from isnad.resources import Resources

RESOURCES = Resources()
fold = RESOURCES.normaliser.fold

# The shipped model's entity F1 on the validation split (last tenth of ANERcorp train.txt), measured
# with `isnad evaluate ner`; the floors sit just below it so that a worse model fails. Do not lower
# them silently: a lower score needs a reason in the commit that changes the model.
# Measured 2026-11-29: overall 75.08 (LOC 88.07, ORG 69.92, PERS 72.79, MISC 52.90); 71.82 sentence by sentence.
# Set with the Arabic Wikipedia names of sports clubs, competitions and well-known people
# (scripts/build_wiki_names.py) and the outlet registry's names as features, which raise pooled 3-fold
# cross-validated F1 on the training part from 75.37 to 75.80 (`isnad train ner --fold K/3 -o DIR`; the
# lists were chosen there, one by one). Here overall rose from 71.96, ORG from 63.95, PERS from 69.93 and LOC
# from 85.76, MISC stayed: the validation split is sports news more than the rest (30% of its names are
# organisations, against 13-20% in the folds), so the clubs weigh more here. The overall floor is the
# tagger's target of 75.
FLOORS = {"overall": 75.0, "LOC": 87.5, "PERS": 72.5, "ORG": 69.5, "MISC": 52.5}
SENTENCE_FLOOR = 71.5
JIRANI = "علي رضا جيراني"
ISNAD = str(Path(sys.executable).with_name("isnad"))
PREPOSITIONS = {fold(w) for w in ("على", "في", "من", "إلى", "عن", "مع", "لدى", "حتى", "منذ", "بين")}


def isnad(*args: object) -> subprocess.CompletedProcess[str]:
    """The installed command, to see its exit code and what it writes to stderr."""
    return subprocess.run([ISNAD, *map(str, args)], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def validation(shared_data: Path):
    return split(read_corpus(shared_data / "anercorp" / "train.txt"))[1]


@pytest.fixture(scope="module")
def tagger_pipeline() -> Pipeline:
    return Pipeline(["normalise", "segment", "gazetteer", "tagger"])


# --- CoNLL files and the scorer, on hand-made cases -------------------------------------------------

def test_read_conll_ignores_extra_columns_and_repeated_blank_lines():
    text = "\n\nوقال O x\nرئيس O y\n\n\n\nبرند B-PERS\nجوتشولك I-PERS\n"
    sentences = list(read_conll(io.StringIO(text)))
    assert [[r[0] for r in s] for s in sentences] == [["وقال", "رئيس"], ["برند", "جوتشولك"]]
    assert sentences[1][0][-1] == "B-PERS"


def test_conll_round_trip_keeps_sentence_breaks():
    sents = [(["أعلن", "اتحاد", "صناعة"], ["O", "B-ORG", "I-ORG"]), (["في", "ألمانيا", "."], ["O", "B-LOC", "O"])]
    out = io.StringIO()
    write_conll(out, sents)
    assert out.getvalue().count("\n\n") == 2
    back = [([r[0] for r in s], [r[1] for r in s]) for s in read_conll(io.StringIO(out.getvalue()))]
    assert back == sents


def test_entities_from_bio():
    assert entities(["B-PERS", "I-PERS", "O", "B-LOC"]) == [(0, 2, "PERS"), (3, 4, "LOC")]
    # an I- without its B- starts an entity (conlleval); a change of type ends one
    assert entities(["I-ORG", "I-ORG", "I-LOC"]) == [(0, 2, "ORG"), (2, 3, "LOC")]
    # two adjacent entities of one type
    assert entities(["B-PERS", "B-PERS", "I-PERS"]) == [(0, 1, "PERS"), (1, 3, "PERS")]
    assert entities(["O", "O"]) == []


def test_bioes_round_trip_keeps_the_entities():
    tags = ["B-PERS", "I-PERS", "I-PERS", "O", "B-LOC", "I-ORG", "B-ORG", "I-ORG"]
    bioes = to_bioes(tags)
    assert bioes == ["B-PERS", "I-PERS", "E-PERS", "O", "S-LOC", "S-ORG", "B-ORG", "E-ORG"]
    assert entities(to_bio(bioes)) == entities(tags)


def test_documents_from_docstart_lines_or_blocks():
    text = "-DOCSTART- O\n\nأ O\n\nب O\n\n-DOCSTART- O\n\nج O\n"
    docs = list(documents(read_conll(io.StringIO(text)), 1))
    assert [[s[0][0] for s in d] for d in docs] == [["أ", "ب"], ["ج"]]  # the marks win over the block size
    plain = "أ O\n\nب O\n\nج O\n"
    assert [len(d) for d in documents(read_conll(io.StringIO(plain)), 2)] == [2, 1]
    assert [len(d) for d in documents(read_conll(io.StringIO(plain)), 0)] == [1, 1, 1]


def test_scores_exact_span_and_type():
    s = Scores()
    s.add(["B-PERS", "I-PERS", "O", "B-LOC"], ["B-PERS", "O", "O", "B-LOC"])  # PER span too short
    s.add(["B-ORG", "O"], ["B-LOC", "O"])  # wrong type
    assert s.prf("LOC") == (50.0, 100.0, pytest.approx(200 / 3))
    assert s.prf("PERS") == (0.0, 0.0, 0.0)
    p, r, f = s.prf()
    assert (p, r) == (pytest.approx(100 / 3), pytest.approx(100 / 3)) and f == pytest.approx(100 / 3)
    assert "overall" in s.table() and set(s.as_dict()) == {"LOC", "ORG", "PERS", "overall"}


def test_names_made_consistent_across_a_document():
    from isnad.entities.tagger import propagate

    words = [["المدرب", "كوبل", "قال"], ["واكد", "كوبل", "ان", "بنك", "القاهرة"], ["بنك", "القاهرة", "في"]]
    tags = [["O", "B-PERS", "O"], ["O", "O", "O", "B-ORG", "I-ORG"], ["O", "O", "O"]]
    out = propagate(words, tags, common=lambda w: w == "قال")
    assert out[1][:3] == ["O", "B-PERS", "O"]  # the name comes back alone
    assert out[2] == ["B-ORG", "I-ORG", "O"]  # a longer name, whole
    assert out[0] == tags[0]
    assert propagate([["قال", "قال"]], [["B-PERS", "O"]], common=lambda w: w == "قال") == [["B-PERS", "O"]]


def test_a_person_named_in_full_is_found_by_the_last_name_alone():
    from isnad.entities.tagger import propagate

    words = [["وقال", "الرئيس", "جاك", "شيراك", "في", "باريس"], ["واضاف", "شيراك", "ان", "فرنسا"]]
    tags = [["O", "O", "B-PERS", "I-PERS", "O", "B-LOC"], ["O", "O", "O", "B-LOC"]]
    assert propagate(words, tags, common=lambda w: False)[1] == ["O", "B-PERS", "O", "B-LOC"]
    # an organisation's last word is not spread on its own
    words = [["بنك", "القاهرة", "ربح"], ["في", "القاهرة"]]
    tags = [["B-ORG", "I-ORG", "O"], ["O", "O"]]
    assert propagate(words, tags, common=lambda w: False)[1] == ["O", "O"]


# --- the shipped model -------------------------------------------------------------------------------

def test_model_is_compact_and_records_its_training_data(shared_data: Path):
    model = data_dir() / "model.crfsuite"
    assert model.stat().st_size <= 3_000_000
    record = json.loads((data_dir() / "model.json").read_text(encoding="utf-8"))
    assert record["inputs_sha256"]["train.txt"] == sha256(shared_data / "anercorp" / "train.txt")
    assert record["settings"]["validation"] == "last tenth of the sentences"


def test_quality_gate_on_validation_split(validation):
    from isnad.entities.training import evaluate

    # as shipped: documents of 20 sentences, names made consistent within each
    scores = evaluate(data_dir() / "model.crfsuite", validation, 20)
    for kind, floor in FLOORS.items():
        f1 = scores.prf(None if kind == "overall" else kind)[2]
        assert f1 >= floor, f"{kind} F1 {f1:.2f} fell below its floor {floor}"
    # sentence by sentence, without the consistency pass
    assert evaluate(data_dir() / "model.crfsuite", validation, 0).prf()[2] >= SENTENCE_FLOOR


def test_tag_and_evaluate_commands(tmp_path: Path, shared_data: Path):
    from isnad.cli.main import cli

    with (shared_data / "anercorp" / "train.txt").open(encoding="utf-8") as f:
        raw = [([r[0] for r in s], [r[-1] for r in s]) for s in split(list(read_conll(f)))[1][:40]]
    gold = tmp_path / "gold.conll"
    with gold.open("w", encoding="utf-8") as f:
        write_conll(f, raw)
    out = tmp_path / "tagged.conll"
    result = CliRunner().invoke(cli, ["tag", "--conll", str(gold), "-o", str(out)])
    assert result.exit_code == 0, result.output
    tagged = list(read_conll(out.read_text(encoding="utf-8").splitlines()))
    assert [[r[0] for r in s] for s in tagged] == [w for w, _ in raw]  # same tokens, same sentence breaks
    assert all(r[1] == "O" or r[1][:2] in ("B-", "I-") for s in tagged for r in s)
    result = CliRunner().invoke(cli, ["evaluate", "ner", "--conll", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["overall"]["f1"] > 50


def test_conll_files_in_windows_1256_or_without_tags(tmp_path: Path, shared_data: Path):
    """Real sentences as an Arabic news desk may send them: Windows-1256 is read like UTF-8 (and said so);
    a file without a gold tag column, or an empty one, is refused with a clear message."""
    with (shared_data / "anercorp" / "train.txt").open(encoding="utf-8") as f:
        text = "".join(
            "".join(f"{r[0]}\t{r[-1]}\n" for r in s) + "\n" for s in split(list(read_conll(f)))[1][:30]
        )
    utf8, legacy = tmp_path / "gold.conll", tmp_path / "gold-1256.conll"
    utf8.write_text(text, encoding="utf-8")
    legacy.write_bytes(text.encode("cp1256"))
    runs = [isnad("tag", "--conll", p) for p in (utf8, legacy)]
    assert [r.returncode for r in runs] == [0, 0], runs[1].stderr
    assert runs[1].stdout == runs[0].stdout and runs[0].stdout.count("\n\n") == 30
    assert "cp1256" in runs[1].stderr and "cp1256" not in runs[0].stderr
    scored = isnad("evaluate", "ner", "--conll", legacy, "--json")
    assert scored.returncode == 0 and json.loads(scored.stdout)["overall"]["f1"] > 50

    untagged = tmp_path / "tokens.conll"
    untagged.write_text("".join(line.split("\t")[0] + "\n" for line in text.splitlines()), encoding="utf-8")
    refused = isnad("evaluate", "ner", "--conll", untagged)
    assert refused.returncode == 2 and "is not a BIO tag" in refused.stderr and not refused.stdout
    empty = tmp_path / "empty.conll"
    empty.write_bytes(b"")
    refused = isnad("evaluate", "ner", "--conll", empty)
    assert refused.returncode == 2 and "no sentences" in refused.stderr


def test_training_on_a_folder_that_is_not_anercorp_is_refused(tmp_path: Path):
    (tmp_path / "train.txt").write_text("قال\tO\n", encoding="utf-8")  # the gazetteers are missing
    run = isnad("train", "ner", "--corpus", tmp_path, "-o", tmp_path / "model")
    assert run.returncode == 2 and "not an ANERcorp folder" in run.stderr and "AlignedPersGazetteer" in run.stderr
    assert not (tmp_path / "model").exists()  # refused before anything is written


# --- the reference article ---------------------------------------------------------------------------

def _persons(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if m.label == "PER"]


def test_reference_article_person_found_by_gazetteer_and_tagger(tagger_pipeline, reference_text):
    doc = tagger_pipeline(reference_text, published="2026-01-20")
    found = [m for m in _persons(doc) if fold(m.text) == fold(JIRANI)]
    assert len(found) == 2  # both occurrences, each one mention
    assert all(doc.text[m.start : m.end] == m.text for m in doc.mentions)


def test_reference_article_the_crf_alone_sees_the_surname(reference_text):
    from isnad.entities.tagger import CrfTagger, tag_document

    doc = Pipeline(["normalise", "segment"])(reference_text)
    groups = [doc.tokens[a:b] for a, b in (s.tokens for s in doc.sentences)]
    names = [
        doc.text[ts[a].start : ts[b - 1].end]
        for ts, tags in zip(groups, tag_document(CrfTagger(), [[t.norm for t in ts] for ts in groups]))
        for a, b, kind in entities(tags)
        if kind == "PERS"
    ]
    # ANERcorp often writes the preposition على as علي, so the CRF leaves the first name to the gazetteer
    assert sum("جيراني" in n for n in names) == 2


def test_reference_article_merged_mentions(reference_doc):
    names = [fold(m.text) for m in _persons(reference_doc)]
    assert names.count(fold(JIRANI)) == 2
    for m in _persons(reference_doc):
        assert not set(fold(m.text).split()) <= PREPOSITIONS, m
    spans = sorted((m.start, m.end) for m in reference_doc.mentions)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "mentions overlap"


# --- merging -----------------------------------------------------------------------------------------

SENTENCE = "وصل علي رضا جيراني إلى جنيف على متن طائرة"


def _doc(existing: list[Mention]) -> Document:
    return Document(text=SENTENCE, published="2026-01-20", mentions=existing)


def _at(text: str, label: str, source: str, **kw) -> Mention:
    start = SENTENCE.index(text)
    return Mention(start, start + len(text), text, label, source=source, **kw)


def test_gazetteer_identity_wins_over_an_overlapping_tagged_name():
    geneva = _at("جنيف", "GPE", "gazetteer", place=Place(en="Geneva", country="CHE"))
    doc = _doc([geneva])
    merged = Merger(RESOURCES)(doc, [_at("إلى جنيف", "ORG", "crf")])
    assert merged == [geneva]


def test_tagged_person_replaces_unresolved_fragments_and_is_trimmed():
    fragment = _at("علي رضا", "PER", "rule")
    doc = _doc([fragment])
    merged = Merger(RESOURCES)(doc, [_at("علي رضا جيراني إلى", "PER", "crf")])
    assert [(m.text, m.label, m.source) for m in merged] == [("علي رضا جيراني", "PER", "crf")]


def test_resolved_person_is_kept_against_a_longer_tagged_one():
    known = _at("علي رضا", "PER", "gazetteer", actor=Actor(en="Someone", country="IRN"))
    merged = Merger(RESOURCES)(_doc([known]), [_at("علي رضا جيراني", "PER", "crf")])
    assert merged == [known]


def test_preposition_is_never_a_person():
    merged = Merger(RESOURCES)(_doc([_at("على", "PER", "rule")]), [_at("إلى", "PER", "crf"), _at("على متن", "PER", "crf")])
    assert [m.text for m in merged] == ["متن"]  # only the function words go; the rest of a tagged name stays


def test_a_name_after_a_direction_is_a_place():
    # a sentence of the event GSR: the east of the island (Sri Lanka), not the Qatari channel
    text = "تعرضت قاعدة تابعة للجيش في شرق الجزيرة أمس الى هجوم انتحاري. وقالت قناة الجزيرة إن الهجوم وقع."
    found = {(m.text, m.label, m.actor.code if m.actor else None) for m in Pipeline()(text).mentions}
    assert ("الجزيرة", "LOC", None) in found
    assert ("قناة الجزيرة", "ORG", "QATMED") in found
    # only a whole word of direction counts (مشرق is not شرق)
    text = "في مشرق الجزيرة"
    doc = Document(text=text, published="2026-01-20")
    merged = Merger(RESOURCES)(doc, [Mention(text.index("الجزيرة"), len(text), "الجزيرة", "ORG", source="crf")])
    assert merged[0].label == "ORG"


def test_words_carry_their_class_in_a_large_vocabulary():
    from isnad.entities.features import Featuriser

    featuriser = Featuriser()
    assert "lx=prop" in featuriser.word(fold("وشيراك")).own  # clitics stripped for the look-up
    assert "lx=verb" in featuriser.word(fold("قال")).own
    assert "lx=none" in featuriser.word(fold("كوبلينسكي")).own  # a name no list holds


def test_words_of_peoples_names_carry_their_part_of_a_name(reference_text):
    from isnad.entities.features import Featuriser

    featuriser = Featuriser()
    surname = "جيراني"  # of علي رضا جيراني, the person of the reference article, whom no other list knows
    assert surname in reference_text
    assert "nm=s" in featuriser.word(fold(surname)).own
    assert "nm=s" in featuriser.word(fold("و" + surname)).own  # clitics stripped for the look-up
    assert any(f.startswith("nm=") for f in featuriser.word(fold("علي")).own)  # the name, looked up loosely
    assert not any(f.startswith("nm=") for f in featuriser.word(fold("على")).own)  # the preposition is not علي
    assert not any(f.startswith("nm=") for f in featuriser.word(fold("الدبلوماسي")).own)


def test_clubs_people_and_outlets_of_wikipedia_and_the_registry_are_known(validation):
    from collections import Counter

    from isnad.entities.features import Featuriser

    featuriser = Featuriser()
    assert "g=CLUB" in featuriser.word(fold("والاهلي")).own  # a club, clitics stripped for the look-up
    assert "g=MEDIA" in featuriser.word(fold("الاهرام")).own  # an outlet of the registry
    assert "g=MEDIA-CTX" in featuriser.word(fold("الجزيرة")).own  # an outlet only after a media word
    assert not any("CLUB" in f for f in featuriser.word(fold("كان")).own)  # Cannes: كان is a verb first
    words = [fold(w) for w in ("الممثل", "أميتاب", "باتشان")]  # a well-known person, named in full
    assert [[f for f in flat(x) if f.startswith("gp=")] for x in featuriser.sentence(words)] == [[], ["gp=B-WPER"], ["gp=I-WPER"]]
    # real sports news: the words of the validation split marked as clubs are organisations more than anything else
    marked = Counter(t[2:] or "O" for ws, ts in validation for w, t in zip(ws, ts) if "g=CLUB" in featuriser.word(w).own)
    assert sum(marked.values()) >= 50 and marked.most_common(1)[0][0] == "ORG", marked


def test_tagging_features_are_the_training_features_the_model_knows(reference_text, validation):
    """The tagger's fast path (pruned up front, key pairs pre-filtered, attribute ids) passes exactly
    the training features that the model has weights for."""
    from isnad.entities.features import Featuriser
    from isnad.entities.tagger import CrfTagger

    tagger = CrfTagger()
    fast, names = tagger.featuriser, ("", *tagger.decode.weights.attributes)
    full = Featuriser(fast.lex)
    doc = Pipeline(["normalise", "segment"])(reference_text)
    words = [[t.norm for t in ts] for ts in [doc.tokens[a:b] for a, b in (s.tokens for s in doc.sentences)]] + [w for w, _ in validation[:20]]
    for slow_feats, fast_feats in zip(full.document(words), fast.document(words)):
        for slow, quick in zip(slow_feats, fast_feats):
            assert sorted(names[i] for i in flat(quick)) == sorted(f for f in flat(slow) if f in fast.known)
    assert any(f.startswith("kk=") for s in full.document(words) for x in s for f in flat(x) if f in fast.known)


def test_compiled_decoder_tags_as_crfsuite_does(reference_text, validation):
    """The C decoder is built by the install, and its tags are python-crfsuite's on real text."""
    import pycrfsuite

    from isnad.entities.crf import Decoder, read_weights, weights_from_model
    from isnad.entities.tagger import CrfTagger

    tagger = CrfTagger()
    assert tagger.decode.viterbi is not None, "isnad/entities/_crf.c was not compiled: reinstall with a C compiler"
    model = data_dir() / "model.crfsuite"
    crfsuite = Decoder(tagger.decode.weights, model, compiled=False)
    doc = Pipeline(["normalise", "segment"])(reference_text)
    words = [[t.norm for t in ts] for ts in [doc.tokens[a:b] for a, b in (s.tokens for s in doc.sentences)]] + [w for w, _ in validation]
    features = [x for i in range(0, len(words), 20) for x in tagger.featuriser.document(words[i : i + 20])]
    tags = list(map(tagger.decode, features))
    assert tags == list(map(crfsuite, features))
    assert sum(t != "O" for ts in tags for t in ts) > 1000
    # the shipped weights are those of the shipped model
    opened = pycrfsuite.Tagger()
    opened.open(str(model))
    assert read_weights(data_dir() / "weights.tsv.gz") == weights_from_model(opened, 0.4)


def test_decoder_refuses_what_it_cannot_score(tmp_path: Path):
    from isnad.entities._crf import viterbi
    from isnad.entities.crf import load, read_weights

    weights = read_weights(data_dir() / "weights.tsv.gz")
    w, t, labels = weights.state, weights.transitions, weights.labels
    assert viterbi(w, t, labels, []) == []
    with pytest.raises(IndexError, match="not in the weight table"):
        viterbi(w, t, labels, [((len(weights.attributes) + 1,),)])
    with pytest.raises(TypeError, match="sequence of sequences"):
        viterbi(w, t, labels, [(1, 2)])
    with pytest.raises(ValueError, match="do not match the labels"):
        viterbi(w, t, labels[:-1], [((1,),)])
    # a damaged weight table beside a model is named, not a traceback
    (tmp_path / "model.crfsuite").write_bytes((data_dir() / "model.crfsuite").read_bytes())
    (tmp_path / "weights.tsv.gz").write_bytes(gzip.compress(b"S-LOC\tO\n1\t2\n3\tx\n"))
    with pytest.raises(DataError, match="not a weight table"):
        load(tmp_path / "model.crfsuite")
    (tmp_path / "weights.tsv.gz").write_text("not gzip", encoding="utf-8")
    with pytest.raises(DataError, match="not a weight table"):
        load(tmp_path / "model.crfsuite")
    # without a table beside it, a model is tagged with all its weights
    (tmp_path / "weights.tsv.gz").unlink()
    decode = load(tmp_path / "model.crfsuite")
    assert len(decode.weights.attributes) > len(weights.attributes)


def test_a_crf_model_directory_is_a_backend_too():
    from isnad.entities.tagger import CrfTagger, load_backend

    backend = load_backend(data_dir())
    assert isinstance(backend, CrfTagger)
    assert backend(["وقال", "الرئيس", "الفرنسي", "جاك", "شيراك", "في", "باريس"])[-1] == "B-LOC"


# --- the transformer backend, with a tiny random model built here ----------------------------------

@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    import torch
    import transformers
    directory = tmp_path_factory.mktemp("tiny-bert")
    words = ["وصل", "علي", "رضا", "جي", "##راني", "الى", "جنيف", "على", "متن", "طائرة"]
    (directory / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast(vocab_file=str(directory / "vocab.txt"), do_lower_case=False)
    tokenizer.save_pretrained(str(directory))
    labels = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]
    config = transformers.BertConfig(
        vocab_size=len(words) + 5, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=64,
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)},
    )
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(config)
    with torch.no_grad():  # every word a person, whatever the random weights say
        model.classifier.bias.fill_(-50.0)
        model.classifier.bias[1] = 50.0
    model.save_pretrained(str(directory))
    return directory


def test_transformer_backend_tags_every_word(tiny_model: Path):
    from isnad.entities.transformer import TransformerTagger

    tagger = TransformerTagger(tiny_model)
    words = ["وصل", "علي", "رضا", "جيراني", "الى", "جنيف", "كلمة"]  # جيراني splits into two sub-words
    assert tagger(words) == ["B-PERS"] * len(words)
    assert tagger([]) == []


def test_transformer_backend_in_the_pipeline(tiny_model: Path):
    pipe = Pipeline(["normalise", "segment", "gazetteer", "tagger"], options={"tagger": {"model": str(tiny_model)}})
    doc = pipe(SENTENCE)
    mine = [m for m in doc.mentions if m.source == "transformer"]
    assert mine and all(m.label == "PER" for m in mine)
    assert "على" not in [m.text for m in doc.mentions if m.label == "PER"]  # the stop-list holds for any backend


def test_transformer_backend_refuses_a_directory_without_a_model(tmp_path: Path):
    import transformers  # noqa: F401  (the backend needs it)

    from isnad.entities.transformer import TransformerTagger

    with pytest.raises(DataError):
        TransformerTagger(tmp_path)
