"""Every input `isnad ingest` accepts: files of any supported kind and folders walked recursively,
each file read by the reader its extension (or, failing that, its first bytes) calls for."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from isnad.document import Document
from isnad.ingest.files import Failed, Item, Skipped, read_path
from isnad.text.stages import language

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc", ".warc.gz", ".arc.gz"}
TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson"}
# text files that hold data, not articles (articles in JSON go one object per line in a .jsonl file)
DATA_SUFFIXES = {".json", ".csv", ".tsv", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".sql", ".log"}


def kind_of(path: Path) -> str | None:
    """``feed``, ``warc``, ``file`` (read by the file readers), ``data`` (not articles), or None (binary)."""
    name = path.name.lower()
    if any(name.endswith(s) for s in WARC_SUFFIXES):
        return "warc"
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in TEXT_SUFFIXES:
        return "file"
    if suffix in DATA_SUFFIXES:
        return "data"
    return sniff(path)


def sniff(path: Path) -> str | None:
    """The kind of a file without a known extension, from its first bytes."""
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return None
    if not head:
        return "file"  # the file reader reports an empty file
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return "warc"
    lowered = head.lstrip().lower()
    if lowered.startswith(b"<?xml") and (b"<rss" in lowered or b"<feed" in lowered or b"<rdf" in lowered):
        return "feed"
    if lowered.startswith((b"<rss", b"<feed")):
        return "feed"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # binary, not UTF-16 text
    return "file"


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in a stable order, hidden files and folders left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                yield Path(root) / f


def read_file(path: Path, from_folder: bool = False, max_bytes: int | None = None) -> Iterator[Item]:
    """The items of one file; a file that is no article is Skipped inside a folder, Failed when named."""
    kind = kind_of(path)
    if kind == "warc":
        from isnad.ingest.warc import read_warc

        yield from read_warc(path)
    elif kind == "feed":
        from isnad.ingest.feeds import read_feed

        yield from read_feed(path)
    elif kind == "file":
        yield from read_path(str(path), max_bytes=max_bytes)
    else:
        what = f"a {path.suffix.lower()} file holds data" if kind == "data" else "a binary file"
        message = f"{what}, not articles (articles are .txt, .html, .jsonl, feed or WARC files)"
        yield (Skipped if from_folder else Failed)(str(path), message)


def read_any(paths: Iterable[str], max_bytes: int | None = None) -> Iterator[Item]:
    """Documents (and Failed records) from files, folders and ``-`` (standard input), in the order given;
    text that is not Arabic is Skipped, and an article above ``max_bytes`` (see :mod:`isnad.limits`) Failed."""
    for item in _inputs(paths, max_bytes):
        if isinstance(item, Document) and (lang := language(item.text)) != "ar":
            yield Skipped(item.meta.get("source") or item.url or item.id or "document",
                          f"the text does not look Arabic (language guess: {lang}), not stored", item.id)
        else:
            yield item


def _inputs(paths: Iterable[str], max_bytes: int | None) -> Iterator[Item]:
    for path in paths:
        p = Path(path)
        if path == "-":
            yield from read_path("-", max_bytes=max_bytes)
        elif p.is_dir():
            for f in walk(p):
                yield from read_file(f, True, max_bytes)
        elif p.exists():
            yield from read_file(p, False, max_bytes)
        else:
            yield Failed(path, "no such file or folder")
