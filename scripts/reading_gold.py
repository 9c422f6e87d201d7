"""Annotation tool of the reader's gold of events on real news (tests/gold/reading/).

    python scripts/reading_gold.py text ID            the article as isnad reads it, sentence by sentence, with offsets
    python scripts/reading_gold.py resolve FILE       give every span written as {"text", "at"} its start and end
    python scripts/reading_gold.py check [FILE...]    validate annotation files (codes, spans, fields)

The articles are read from the SaudiNewsNet development file of the shared reference data
($ISNAD_SHARED_DATA or ../shared/data); the gold files hold only ids, offsets, codes and the words of
each span, never whole articles. The text of an article is its headline, a new line, and its body
(the body alone when it already starts with the headline): see GUIDE.md.
"""
from __future__ import annotations

import csv
import gzip
import json
import os
import re
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ISNAD_SHARED_DATA", ROOT.parent / "shared" / "data"))
NEWS = SHARED / "news" / "saudinewsnet_dev.jsonl.gz"
MODALITIES = {"asserted", "reported", "planned", "considered", "negated", "hypothetical", "historical"}
SOURCE_TYPES = {"named_person", "named_outlet", "named_institution", "report", "qualified_anonymous", "anonymous"}
CODE = re.compile(r"^[A-Z]{3}([A-Z]{3}){0,3}$")


@cache
def articles() -> dict[str, dict]:
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        return {a["id"]: a for a in map(json.loads, f)}


def article_text(a: dict) -> str:
    """The headline as the first line, then the body (as isnad's readers build a Document)."""
    title, text = (a.get("title") or "").strip(), a["text"]
    if not title or text.lstrip().startswith(title):
        return text
    return f"{title}\n{text}"


@cache
def cameo_codes() -> set[str]:
    with open(SHARED / "ontology" / "cameo_codes.csv", encoding="utf-8") as f:
        return {r["code"] for r in csv.DictReader(f)}


def show(article_id: str) -> None:
    a = articles()[article_id]
    text = article_text(a)
    print(f"# {article_id}  outlet {a['outlet']}  published {a['extracted'][:10]}  {len(text)} characters")
    for m in re.finditer(r"[^\n]+", text):
        start = m.start()
        for part in re.split(r"(?<=[.!?؟])\s+", m.group()):
            if part.strip():
                s = text.index(part, start)
                print(f"[{s}:{s + len(part)}] {part}")
                start = s + len(part)


def resolve_span(text: str, span: dict, where: str) -> None:
    """Fill start/end of a span given as {"text": words, "at": a longer snippet holding them once}."""
    words = span["text"]
    if "start" in span and "end" in span:
        if text[span["start"] : span["end"]] != words:
            raise ValueError(f"{where}: offsets {span['start']}:{span['end']} hold {text[span['start']:span['end']]!r}, not {words!r}")
        return
    at = span.get("at") or words
    hits = [m.start() for m in re.finditer(re.escape(at), text)]
    if len(hits) != 1:
        raise ValueError(f"{where}: snippet {at!r} occurs {len(hits)} times; give a longer one")
    inside = at.find(words)
    if inside < 0:
        raise ValueError(f"{where}: {words!r} is not inside its snippet {at!r}")
    span["start"] = hits[0] + inside
    span["end"] = span["start"] + len(words)
    span.pop("at", None)


def spans_of(rec: dict):
    for i, ev in enumerate(rec.get("events", [])):
        yield f"event {i} trigger", ev["trigger"]
        for role in ("source", "target", "place"):
            side = ev.get(role)
            if side and side.get("text"):
                yield f"event {i} {role}", side
        if ev.get("time") and ev["time"].get("text"):
            yield f"event {i} time", ev["time"]
    for i, att in enumerate(rec.get("attributions", [])):
        yield f"attribution {i} cue", att["cue"]
        if att.get("source"):
            yield f"attribution {i} source", att["source"]


def check_record(rec: dict) -> list[str]:
    errors = []
    aid = rec.get("id")
    if aid not in articles():
        return [f"unknown article {aid!r}"]
    text = article_text(articles()[aid])
    if rec.get("split") not in ("dev", "test"):
        errors.append(f"{aid}: split must be dev or test")
    for where, span in spans_of(rec):
        try:
            resolve_span(text, span, f"{aid} {where}")
        except (ValueError, KeyError) as e:
            errors.append(str(e))
    for i, ev in enumerate(rec.get("events", [])):
        where = f"{aid} event {i}"
        if ev.get("cameo") not in cameo_codes():
            errors.append(f"{where}: unknown CAMEO code {ev.get('cameo')!r}")
        if ev.get("modality") not in MODALITIES:
            errors.append(f"{where}: modality {ev.get('modality')!r}")
        for role in ("source", "target"):
            side = ev.get(role)
            if side is not None and not CODE.match(side.get("code") or ""):
                errors.append(f"{where}: {role} code {side.get('code')!r} is not a CAMEO-style code")
        place = ev.get("place")
        if place is not None and not re.fullmatch(r"[A-Z]{3}", place.get("country") or ""):
            errors.append(f"{where}: place country {place.get('country')!r}")
    for i, att in enumerate(rec.get("attributions", [])):
        if att.get("type") not in SOURCE_TYPES | {None}:
            errors.append(f"{aid} attribution {i}: type {att.get('type')!r}")
    return errors


def load(path: Path) -> list[dict]:
    """One JSON object a line, or a single (pretty-printed) object: a scratch file of one article."""
    text = path.read_text(encoding="utf-8")
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return [whole] if isinstance(whole, dict) else whole


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in ("text", "resolve", "check"):
        print(__doc__)
        return 2
    if argv[1] == "text":
        show(argv[2])
        return 0
    paths = [Path(p) for p in argv[2:]] or sorted((ROOT / "tests" / "gold" / "reading").glob("*.jsonl"))
    bad = 0
    for path in paths:
        records = load(path)
        for rec in records:
            for e in check_record(rec):
                print(f"{path.name}: {e}")
                bad += 1
        if argv[1] == "resolve" and not bad:
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{bad} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
