"""RSS and Atom feed files: one Document per item (title, link, date, the feed's title as outlet,
the item's content or summary stripped of HTML as text)."""
from __future__ import annotations

import html
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from isnad.document import Document
from isnad.ingest.files import Failed, Item

BLOCK_TAGS = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}
SKIP_TAGS = {"script", "style", "noscript"}


class _TextParser(HTMLParser):
    """Collects the text of an HTML fragment, a line break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def strip_html(fragment: str) -> str:
    """Plain text of an HTML fragment: one paragraph per line, spaces collapsed."""
    if "<" not in fragment:
        text = html.unescape(fragment)
    else:
        parser = _TextParser()
        parser.feed(fragment)
        parser.close()
        text = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _date(entry: dict) -> str | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(field)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def read_feed(path: str | Path) -> Iterator[Item]:
    """Documents of the items of an RSS/Atom feed file; an item without text comes out as Failed."""
    import feedparser  # imported here: only feed input needs it

    name = str(path)
    parsed = feedparser.parse(Path(path).read_bytes())
    if parsed.bozo and not parsed.entries:
        yield Failed(name, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{name}#{number}"
        body = ""
        for content in entry.get("content") or []:
            if content.get("value"):
                body = content["value"]
                break
        text = strip_html(body or entry.get("summary") or entry.get("description") or "")
        title = strip_html(entry.get("title") or "") or None
        if title and not text.startswith(title):
            text = f"{title}\n{text}" if text else title
        if not text.strip():
            yield Failed(where, "feed item without text", entry.get("id"))
            continue
        yield Document(
            text=text, title=title, url=entry.get("link"), outlet=outlet, published=_date(entry),
            meta={"source": where, "format": "feed", **({"guid": entry["id"]} if entry.get("id") else {})},
        )
