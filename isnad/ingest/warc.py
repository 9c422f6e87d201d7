"""WARC (and ARC) web archives: each HTML response record becomes a Document, its main text extracted
by the HTML reader and its URL taken from the record."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from isnad.errors import DecodeError, InputError
from isnad.ingest.files import Failed, Item, read_html

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: str | Path) -> Iterator[Item]:
    """Documents of the HTML responses in a WARC file (gzipped or not); other records are passed over."""
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC input needs it
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    with open(path, "rb") as fh:
        try:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not status.startswith("2") or not ctype.startswith(HTML_TYPES):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{name}:{url}"
                payload = record.content_stream().read()
                try:
                    doc = read_html(payload, where)
                except (DecodeError, InputError) as e:
                    yield Failed(where, e.message)
                    continue
                if not doc.text.strip():
                    yield Failed(where, "no article text in the page")
                    continue
                doc.url = url or doc.url
                doc.meta["format"] = "warc"
                yield doc
        except ArchiveLoadFailed as e:
            yield Failed(name, f"not a readable WARC file: {e}")
