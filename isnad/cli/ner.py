"""`isnad train ner`, `isnad tag --conll` and `isnad evaluate ner --conll`: the named-entity tagger."""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import BinaryIO

import click

from isnad.entities.conll import documents, read_conll, write_conll
from isnad.errors import InputError
from isnad.text.decode import decode

GOLD_TAG = re.compile(r"O|[BI]-\S+")
ENCODING_HELP = "Encoding of the file when detection fails (detected: UTF-8, UTF-16, Windows-1256)."
DOCUMENT_HELP = (
    "Sentences per document when the file has no -DOCSTART- lines: names are made consistent within a "
    "document (0: sentence by sentence)."
)


@click.group()
def train() -> None:
    """Rebuild a bundled model from public data."""


@train.command("ner")
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="ANERcorp folder holding train.txt and gazetteers/ (default: the shared data beside the project).",
)
@click.option(
    "-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Where to write the model and its lexicons (default: the package's isnad/data/ner/).",
)
@click.option(
    "--fold", metavar="K/N", default=None,
    help="Cross-validation for choosing settings: train without the K-th of N blocks of the training part "
    "and score on it; the validation split stays unseen (write the model elsewhere with -o).",
)
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
              help="Change one training setting (c1, c2, scheme, ...; see model.json); repeatable.")
def train_ner(corpus: Path | None, out: Path | None, fold: str | None, overrides: tuple[str, ...]) -> None:
    """Train the CRF tagger on ANERcorp (deterministic; settings and data hashes go to model.json)."""
    from isnad.entities.training import DEFAULT_CORPUS, SETTINGS
    from isnad.entities.training import train as run

    k, _, n = (fold or "1/1").partition("/")
    if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise click.BadParameter(f"{fold!r}: expected K/N with 1 <= K <= N, e.g. 1/3", param_hint="--fold")
    settings: dict = {"fold": fold}
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep or name not in SETTINGS:
            raise click.BadParameter(f"{item!r}: expected KEY=VALUE with KEY one of {', '.join(SETTINGS)}", param_hint="--set")
        try:
            settings[name] = json.loads(value)  # numbers and true/false
        except ValueError:
            settings[name] = value  # a word such as BIOES
    record = run(corpus or DEFAULT_CORPUS, out, settings)
    click.echo(f"trained in {record['training_seconds']} s; model {record['model_bytes']:,} bytes")
    click.echo(f"fold {fold} of the training part:" if fold else "validation (" + record["settings"]["validation"] + "):")
    for kind, s in record["validation"].items():
        click.echo(f"  {kind:<8} P {s['precision']:6.2f}  R {s['recall']:6.2f}  F1 {s['f1']:6.2f}")


def _tagger(model: Path | None, size: int):
    """A function from a document (sentences of tokens as written) to its tags."""
    from isnad.entities.tagger import load_backend, tag_document
    from isnad.resources import Resources

    resources = Resources()
    fold = resources.normaliser.fold
    backend = load_backend(model, resources)
    if size == 0:
        return lambda doc: [backend([fold(t) for t in tokens]) for tokens in doc]
    return lambda doc: tag_document(backend, [[fold(t) for t in tokens] for tokens in doc])


def _sentences(conll: BinaryIO, encoding: str | None) -> list[list[list[str]]]:
    """The sentences of a CoNLL file, decoded as any input is (UTF-8 with or without BOM, UTF-16,
    Windows-1256; ``encoding`` forces one); says on stderr when the file was not UTF-8."""
    name = getattr(conll, "name", "input")
    text, used = decode(conll.read(), encoding, name)
    if used not in ("utf-8", "utf-8-sig", encoding):
        click.echo(f"{name}: read as {used}", err=True)
    return list(read_conll(text.splitlines()))


@click.command()
@click.option("--conll", "conll", type=click.File("rb"), required=True,
              help="One token per line (first column; other columns ignored), a blank line between sentences; - for stdin.")
@click.option("-o", "--out", type=click.File("w", encoding="utf-8"), default="-", help="Output file (default: stdout).")
@click.option("--model", type=click.Path(exists=True, path_type=Path), default=None,
              help="A CRF model file or a local transformer model directory (default: the bundled CRF).")
@click.option("--document-size", default=20, show_default=True, help=DOCUMENT_HELP)
@click.option("--encoding", default=None, help=ENCODING_HELP)
def tag(conll, out, model: Path | None, document_size: int, encoding: str | None) -> None:
    """Tag a CoNLL file: writes token<TAB>tag lines with the same sentence breaks."""
    sentences = _sentences(conll, encoding)
    if not sentences:
        click.echo(f"{conll.name}: no tokens in it, nothing to tag", err=True)
        return
    tagger = _tagger(model, document_size)
    began, n = time.perf_counter(), 0

    def tagged():
        nonlocal n
        for doc in documents(sentences, document_size):
            tokens = [[row[0] for row in sentence] for sentence in doc]
            n += sum(map(len, tokens))
            yield from zip(tokens, tagger(tokens))

    write_conll(out, tagged())
    if sys.stderr.isatty():
        click.echo(f"{n:,} tokens in {time.perf_counter() - began:.2f} s", err=True)


@click.command("ner")
@click.option("--conll", "conll", type=click.File("rb"), required=True,
              help="Gold CoNLL file: token first, gold BIO tag last, a blank line between sentences.")
@click.option("--model", type=click.Path(exists=True, path_type=Path), default=None,
              help="A CRF model file or a local transformer model directory (default: the bundled CRF).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--document-size", default=20, show_default=True, help=DOCUMENT_HELP)
@click.option("--encoding", default=None, help=ENCODING_HELP)
def evaluate_ner(conll, model: Path | None, as_json: bool, document_size: int, encoding: str | None) -> None:
    """Entity-level precision, recall and F1 per type (exact span and type) on a gold CoNLL file."""
    sentences = _sentences(conll, encoding)
    if not sentences:
        raise InputError(f"{conll.name}: no sentences in it, nothing to score")
    for i, sentence in enumerate(sentences, 1):
        for row in sentence:
            if row[0] != "-DOCSTART-" and not GOLD_TAG.fullmatch(row[-1]):
                raise InputError(
                    f"{conll.name}: sentence {i}, token {row[0]!r}: the last column {row[-1]!r} is not a BIO tag "
                    "(O, B-TYPE or I-TYPE); the gold tag must be the last column"
                )
    from isnad.eval.ner import score

    tagger = _tagger(model, document_size)
    gold = [[([row[0] for row in s], [row[-1] for row in s]) for s in doc] for doc in documents(sentences, document_size)]
    n = sum(len(words) for doc in gold for words, _ in doc)
    began = time.perf_counter()
    scores = score(tagger, gold)
    seconds = time.perf_counter() - began
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    click.echo(scores.table())
    click.echo(f"{n:,} tokens tagged in {seconds:.2f} s ({n / seconds if seconds else 0:,.0f} tokens/s)")
