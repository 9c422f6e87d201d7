"""Readers that turn files into Documents: plain text, HTML pages, JSONL batches and standard input.

Readers stream: a JSONL file of a million lines is read one line at a time. A bad item does not stop a
batch: it comes out as a :class:`Failed` record saying where and why, so nothing is silently lost; what is
not an article at all is a :class:`Skipped` record, a warning.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from isnad import limits
from isnad.document import Document
from isnad.errors import DecodeError, InputError
from isnad.text.decode import decode

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSONL_FIELDS = ("id", "title", "url", "outlet", "published")
# other names of the publication date in news exports, tried in order when "published" is absent; a crawl
# time ("extracted", as SaudiNewsNet gives it) is the day the article was seen, the best date left
DATE_FIELDS = ("date", "published_at", "pubdate", "datePublished", "date_published", "extracted")
JSON_FACTOR = 6  # bytes of a JSON line per byte of its text at most (``\u0627`` for the 2 bytes of ا)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(slots=True)
class Failed:
    """An input item that could not be read; ``source`` says which (path, or path:line)."""

    source: str
    message: str
    id: str | None = None


class Skipped(Failed):
    """An input passed over on purpose (binary data, a table, text that is not Arabic): a warning that
    names it, not a failure of the run."""


Item = Document | Failed


def read_inputs(paths: Iterable[str], input_format: str = "auto", encoding: str | None = None,
                max_bytes: int | None = None) -> Iterator[Item]:
    """Documents from each path in turn; ``-`` is standard input. An article above ``max_bytes`` (see
    :mod:`isnad.limits`) is Failed."""
    for path in paths:
        yield from read_path(path, input_format, encoding, max_bytes)


def read_path(path: str, input_format: str = "auto", encoding: str | None = None,
              max_bytes: int | None = None) -> Iterator[Item]:
    """The Documents of one file (several for JSONL), or a Failed record saying why not."""
    limit = limits.max_bytes(max_bytes)
    if path == "-":
        yield from _read_stream(sys.stdin.buffer, "<stdin>", input_format, encoding, limit)
        return
    p = Path(path)
    if not p.exists():
        yield Failed(path, "no such file")
        return
    if p.is_dir():
        yield Failed(path, "is a folder; give the files (or use `isnad ingest`, which walks folders)")
        return
    fmt = input_format if input_format != "auto" else _format_of(p)
    if fmt == "jsonl":
        with p.open("rb") as fh:
            yield from read_jsonl(fh, path, encoding, limit)
        return
    size = p.stat().st_size
    if size > limit:
        yield Failed(path, limits.too_large(limit, size))
        return
    yield _one(p.read_bytes(), path, fmt, encoding)


def _read_stream(stream: IO[bytes], name: str, input_format: str, encoding: str | None,
                 limit: int) -> Iterator[Item]:
    if input_format == "jsonl":
        yield from read_jsonl(stream, name, encoding, limit)
        return
    data = stream.read(limit + 1)  # one byte past the limit is enough to know it is passed
    if len(data) > limit:
        yield Failed(name, limits.too_large(limit))
        return
    fmt = input_format
    if fmt == "auto":
        head = data.lstrip()[:1]
        fmt = "jsonl" if head == b"{" else "html" if head == b"<" else "txt"
    if fmt == "jsonl":
        yield from read_jsonl(iter(data.splitlines(keepends=True)), name, encoding, limit)
    else:
        yield _one(data, name, fmt, encoding)


def _format_of(p: Path) -> str:
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "txt"


def _one(data: bytes, name: str, fmt: str, encoding: str | None) -> Item:
    try:
        doc = read_html(data, name, encoding) if fmt == "html" else read_text(data, name, encoding)
    except (DecodeError, InputError) as e:
        return Failed(name, e.message)
    if not doc.text.strip():
        return Failed(name, "no text in it (empty file, or a page with no article text)")
    return doc


def read_text(data: bytes, name: str = "input", encoding: str | None = None) -> Document:
    text, used = decode(data, encoding, name)
    # line endings are the one thing changed: offsets are into the text with \n line ends
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, meta={"source": name, "encoding": used})


def read_html(data: bytes, name: str = "input", encoding: str | None = None) -> Document:
    """Main text, title, date and URL of a web page, with scripts, styles and boilerplate removed."""
    import trafilatura  # imported here: only HTML input needs it

    if not encoding:
        declared = META_CHARSET.search(data[:4096])
        encoding = _usable_codec(declared.group(1).decode("ascii")) if declared else None
    html, used = decode(data, encoding, name)
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
        )
    except (AssertionError, ValueError, TypeError) as e:  # malformed markup can trip the extractor's own checks
        raise InputError(f"{name}: the page could not be read as HTML ({type(e).__name__}: {e})") from None
    if extracted is None:
        raise InputError(f"{name}: no article text found in the page")
    get = extracted.get if isinstance(extracted, dict) else lambda k: getattr(extracted, k, None)
    text = (get("text") or "").replace("\r\n", "\n")
    title = get("title")
    if title and not text.startswith(title):
        # keep the headline as the first line: it is part of what the article says
        text = f"{title}\n{text}"
    return Document(
        text=text,
        title=title,
        url=get("url"),
        outlet=get("sitename"),
        published=_iso_date(get("date")),
        meta={"source": name, "encoding": used, "format": "html"},
    )


def read_jsonl(lines: Iterable[bytes], name: str, encoding: str | None = None,
               max_bytes: int | None = None) -> Iterator[Item]:
    """One Document per line: an object with ``text`` and optional id, title, url, outlet, published."""
    limit = limits.max_bytes(max_bytes)
    for number, raw in enumerate(lines, 1):
        where = f"{name}:{number}"
        if not raw.strip():
            continue
        if len(raw) > JSON_FACTOR * limit:  # even with every letter \u-escaped its text is too large
            yield Failed(where, limits.too_large(limit, len(raw)))
            continue
        try:
            line, _ = decode(raw, encoding or ("utf-8-sig" if number == 1 else "utf-8"), where)
            obj = json.loads(line)
        except (DecodeError, json.JSONDecodeError) as e:
            yield Failed(where, f"not a JSON object: {e}")
            continue
        if not isinstance(obj, dict):
            yield Failed(where, "not a JSON object")
            continue
        yield from _from_record(obj, where, limit)


def _from_record(obj: dict[str, Any], where: str, limit: int) -> Iterator[Item]:
    text = obj.get("text")
    given_id = obj.get("id")
    if not isinstance(text, str) or not text.strip():
        yield Failed(where, "no 'text' string in the object", None if given_id is None else str(given_id))
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        yield Failed(where, limits.too_large(limit, size), None if given_id is None else str(given_id))
        return
    fields = {k: obj[k] for k in JSONL_FIELDS if obj.get(k) is not None}
    if "published" not in fields:
        key = next((k for k in DATE_FIELDS if obj.get(k) is not None), None)
        if key is not None and not isinstance(obj[key], str):
            yield Failed(where, f"fields must be strings: {key!r} is {type(obj[key]).__name__}",
                         None if given_id is None else str(given_id))
            return
        if key is not None:
            fields["published"] = obj[key]
    if isinstance(fields.get("id"), (int, float)) and not isinstance(fields["id"], bool):
        fields["id"] = str(fields["id"])  # numeric ids are common in exports
    wrong = [k for k, v in fields.items() if not isinstance(v, str)]
    if wrong:
        kinds = ", ".join(f"{k!r} is {type(fields[k]).__name__}" for k in wrong)
        yield Failed(where, f"fields must be strings: {kinds}", fields.get("id") if "id" not in wrong else None)
        return
    if "published" in fields:
        fields["published"] = _iso_date(fields["published"])
    extra = {k: v for k, v in obj.items() if k not in JSONL_FIELDS and k != "text"}
    yield Document(text=text.replace("\r\n", "\n"), meta={"source": where, **extra}, **fields)


def _usable_codec(name: str) -> str | None:
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _iso_date(value: str | None) -> str | None:
    """The date part of an ISO date or timestamp, or None when it is not one."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
