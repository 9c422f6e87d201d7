"""`isnad analyze`: analyse articles and print or write the result."""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import IO

import click

from isnad.cli.options import iso_date, max_bytes_option
from isnad.document import Document
from isnad.ingest.files import Failed, Item, read_inputs

FORMATS = ("json", "jsonl", "text", "html")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=iso_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none; relative times are resolved against it.")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format [default: jsonl for JSONL input or several inputs, else json].")
@click.option("-o", "--output", type=click.Path(dir_okay=True, writable=True),
              help="Write here instead of standard output (with --format html and several inputs: a folder).")
@click.option("--input-format", type=click.Choice(["auto", "txt", "html", "jsonl"]), default="auto",
              show_default=True, help="How to read the inputs; auto goes by file extension (and sniffs stdin).")
@click.option("--encoding", help="Encoding of the inputs when detection fails (e.g. cp1256).")
@click.option("--ner-model", type=click.Path(exists=True, file_okay=False),
              help="Local directory of a token-classification model to use as the statistical tagger.")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: on a terminal, for batches].")
@max_bytes_option
def analyze(paths: tuple[str, ...], published: str | None, fmt: str | None, output: str | None,
            input_format: str, encoding: str | None, ner_model: str | None, progress: bool | None,
            max_bytes: int | None) -> None:
    """Analyse Arabic news articles: PATH is a .txt, .html or .jsonl file, or - for standard input.

    JSONL input holds one object per line with "text" and optional "id", "title", "url", "outlet",
    "published"; the output is then JSONL too, one document per input line, in the same order.
    """
    from isnad.pipeline import Pipeline

    batch = len(paths) > 1 or any(p.lower().endswith((".jsonl", ".ndjson")) for p in paths) or input_format == "jsonl"
    fmt = fmt or ("jsonl" if batch else "json")
    options = {"tagger": {"model": ner_model}} if ner_model else {}
    pipeline = Pipeline(options=options)
    items = read_inputs(paths, input_format, encoding, max_bytes)
    if progress or (progress is None and batch and sys.stderr.isatty()):
        from tqdm import tqdm

        items = tqdm(items, unit=" doc", desc="analysing", file=sys.stderr)
    if fmt == "html":
        failures = _write_html(_analysed(items, pipeline, published), output, batch)
    else:
        with (open(output, "w", encoding="utf-8") if output else nullcontext(sys.stdout)) as out:
            failures = _write_stream(_analysed(items, pipeline, published), fmt, out, batch)
    if failures:
        raise click.exceptions.Exit(1)

SAFE_NAME = re.compile(r"[^\w-]+")  # what an id keeps in a file name


def _analysed(items: Iterator[Item], pipeline, published: str | None) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Failed):
            click.echo(f"isnad: {item.source}: {item.message}", err=True)
            yield item
            continue
        if published and not item.published:
            item.published = published
        doc = pipeline(item)
        for warning in doc.warnings:
            click.echo(f"isnad: {doc.meta.get('source', doc.id)}: {warning}", err=True)
        yield doc


def _write_stream(docs: Iterator[Item], fmt: str, out: IO[str], array: bool) -> int:
    """Writes each document as soon as it is analysed; JSON for several inputs is one array."""
    from isnad.render.text import render_text

    failures = 0
    written = 0
    if fmt == "json" and array:
        out.write("[\n")
    for doc in docs:
        if isinstance(doc, Failed):
            failures += 1
            if fmt == "jsonl":  # keep one output line per input line
                out.write(json.dumps({"id": doc.id, "source": doc.source, "error": doc.message}, ensure_ascii=False) + "\n")
            continue
        if fmt == "jsonl":
            out.writelines(doc.json_chunks())
            out.write("\n")
        elif fmt == "text":
            out.write(("\n" + "─" * 60 + "\n" if written else "") + render_text(doc))
        else:
            out.write(",\n" if written else "")
            out.writelines(doc.json_chunks(indent=1))
        written += 1
        out.flush()
    if fmt == "json" and (array or written):
        out.write("\n]\n" if array else "\n")
    return failures


def _write_html(docs: Iterator[Item], output: str | None, batch: bool) -> int:
    from isnad.render.html import render_html

    if batch and not output:
        raise click.UsageError("--format html with several inputs needs -o FOLDER")
    failures = 0
    for doc in docs:
        if isinstance(doc, Failed):
            failures += 1
        elif batch or (output and Path(output).is_dir()):
            folder = Path(output)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / page_name(doc)).write_text(render_html(doc), encoding="utf-8")
        else:
            with (open(output, "w", encoding="utf-8") if output else nullcontext(sys.stdout)) as out:
                out.write(render_html(doc))
    return failures


def page_name(doc: Document) -> str:
    """A file name for a document's page inside the output folder, whatever its id holds: an id is the
    caller's string (``../x``, ``a/b``), so only letters, digits, ``-`` and ``_`` are kept, and the hash is
    added when anything was dropped, so that two ids never share a page."""
    safe = SAFE_NAME.sub("_", doc.id).strip("._")[:100]
    return f"{safe}.html" if safe == doc.id and safe else f"{safe or 'document'}-{doc.hash}.html"
