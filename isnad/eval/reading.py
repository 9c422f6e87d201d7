"""The reader's gold of events on real news (``tests/gold/reading``): what a careful coder finds, scored.

A system event matches a gold event of the same article when their triggers overlap (each gold event
is matched once, the nearest trigger first). On the matches it counts the CAMEO root, the PLOVER type,
"fully correct" (root, source and target country and sector, modality), the place's country and the
counts of killed, injured and arrested; the
attributions are matched by cue and then by source. A headline event whose root the body codes again
is the same real event told twice: found or not, it is not counted as missed.

``isnad evaluate reading`` prints the scores of the development part (``dev``) or of the part kept for
reporting (``test``: scored, never read for tuning).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from isnad.document import Document, Event, EventActor
from isnad.eval.paths import article_text, gold_dir, news_articles
from isnad.eval.scoring import prf
from isnad.pipeline import Pipeline

SPLITS = ("dev", "test")
# generic words of English province names (GeoNames): "Mintaqat `Asir" and "Asir Region" are one province
PROVINCE_WORDS = {"region", "governorate", "province", "state", "district", "muhafazat", "mintaqat", "shabiyat",
                  "ostane", "wilayat", "mayorality", "of", "the", "al", "ar", "as", "ash", "an", "az", "at", "ad", "el"}
# sectors and groups of a CAMEO-style actor code: country (3 letters) + sector (3 letters)
STATE = "GOV"


def load_gold(split: str, directory: Path | None = None) -> list[dict[str, Any]]:
    """The complete articles of one part of the reader's gold."""
    if split not in SPLITS:
        raise click.BadParameter(f"split must be one of {', '.join(SPLITS)}")
    path = (directory or gold_dir() / "reading") / f"{split}.jsonl"
    with path.open(encoding="utf-8") as f:
        return [r for r in map(json.loads, filter(str.strip, f)) if r.get("complete")]


@dataclass
class Counts:
    """Counts for one scoring key: true positives, system and gold totals."""

    tp: int = 0
    system: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        return prf(self.tp, self.system, self.gold)


@dataclass
class Report:
    """The scores of one run over the reading gold: counts per scoring key, accuracies and the tallies of errors."""

    articles: int = 0
    triggers: Counts = field(default_factory=Counts)
    root: Counts = field(default_factory=Counts)
    plover: Counts = field(default_factory=Counts)
    full: Counts = field(default_factory=Counts)
    by_root: dict[str, Counts] = field(default_factory=dict)
    by_plover: dict[str, Counts] = field(default_factory=dict)
    place: list[int] = field(default_factory=lambda: [0, 0])  # [right country, matched events with a gold place]
    province: list[int] = field(default_factory=lambda: [0, 0])  # [right province, matched events with a gold one]
    counts: list[int] = field(default_factory=lambda: [0, 0])  # [same counts, matched events with a gold count]
    cues: Counts = field(default_factory=Counts)
    sources: Counts = field(default_factory=Counts)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold root, system root)
    spurious: Counter[str] = field(default_factory=Counter)  # system triggers with no gold event, by root
    missed: Counter[str] = field(default_factory=Counter)  # gold events not found, by root
    errors: Counter[str] = field(default_factory=Counter)  # why a matched event is not fully correct

    def as_dict(self) -> dict[str, Any]:
        """The scores as plain data (``--json`` and the quality gate)."""

        def row(c: Counts) -> dict[str, float]:
            p, r, f = c.prf()
            return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": c.tp,
                    "system": c.system, "gold": c.gold}

        return {
            "articles": self.articles,
            "trigger": row(self.triggers), "root": row(self.root), "plover": row(self.plover),
            "fully_correct": row(self.full),
            "place_country_accuracy": round(self.place[0] / self.place[1], 4) if self.place[1] else None,
            "place_province_accuracy": round(self.province[0] / self.province[1], 4) if self.province[1] else None,
            "fatalities_accuracy": round(self.counts[0] / self.counts[1], 4) if self.counts[1] else None,
            "attribution_cue": row(self.cues), "attribution_source": row(self.sources),
            "by_root": {k: row(v) for k, v in sorted(self.by_root.items())},
            "by_plover": {k: row(v) for k, v in sorted(self.by_plover.items())},
            "confusion": [[g, s, n] for (g, s), n in self.confusion.most_common(10)],
            "spurious_by_root": dict(self.spurious.most_common(10)),
            "missed_by_root": dict(self.missed.most_common(10)),
            "errors": dict(self.errors.most_common()),
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _trigger_spans(ev: Event) -> list[tuple[int, int]]:
    """The trigger, and the support verb that makes a verbal noun an event (a coder may mark either: شنت
    in «شنت غارات»)."""
    support = ev.evidence.get("spans", {}).get("support")
    return [(ev.trigger.start, ev.trigger.end)] + ([tuple(support)] if support else [])


def actor_agrees(gold: dict[str, Any] | None, side: EventActor | None) -> bool:
    """Country and sector agree (SAUGOV = SAUGOV…); a country alone stands for its government; no actor
    agrees only with no actor."""
    actor = side.actor if side else None
    code = (actor.code or actor.country or "") if actor else ""
    if gold is None or not gold.get("code"):
        return not code
    want = gold["code"]
    if not code:
        return False
    if code[:6] == want[:6]:
        return True
    return want[3:6] == STATE and code == want[:3]  # إيران standing for the Iranian state


def _province_key(name: str) -> tuple[str, str]:
    """A province name without its generic words, accents and article, and its consonants: GeoNames spells
    one province several ways (Mintaqat `Asir, Asir Region; Ar Riyad, Riyadh Region; Jizan, Jazan Region)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.split(r"[^a-z]+", re.sub(r"['`]", "", ascii_name)) if w and w not in PROVINCE_WORDS]
    key = "".join(words)
    return key, re.sub(r"[aeiouy]", "", key)


def same_province(system: str, gold: str) -> bool:
    """Do two English names of a province name the same one (see :func:`_province_key`)?"""
    (a, sa), (b, sb) = _province_key(system), _province_key(gold)
    return bool(a and b) and (a == b or sa == sb or a.startswith(b) or b.startswith(a))


def _optional(gold_events: list[dict[str, Any]]) -> set[int]:
    """Headline events whose root the body codes too: the same event told twice."""
    body_roots = {e["cameo"][:2] for e in gold_events if not e.get("headline")}
    return {i for i, e in enumerate(gold_events) if e.get("headline") and e["cameo"][:2] in body_roots}


def _tellings(gold_events: list[dict[str, Any]]) -> dict[int, int]:
    """Each gold event's first telling: the events of an article with the same CAMEO code, source and target
    are one real act told again (the guide's repeated tellings), found once by any of them."""
    def code(actor: dict[str, Any] | None) -> str:
        return (actor or {}).get("code") or ""

    first: dict[tuple[str, str, str], int] = {}
    out = {}
    for i, e in enumerate(gold_events):
        key = (e["cameo"], code(e.get("source")), code(e.get("target")))
        # without an actor, the same code is no sign of the same act (two clashes, the war and a battle)
        out[i] = first.setdefault(key, i) if key[1] or key[2] else i
    return out


def counted(gold_events: list[dict[str, Any]], matched: set[int]) -> list[int]:
    """The gold events that count towards recall: a matched one always, an unmatched one unless it is an
    optional headline or another telling of an act that is matched or counted already."""
    telling = _tellings(gold_events)
    optional = _optional(gold_events)
    found = {telling[i] for i in matched}
    out, missed = [], set()
    for i in range(len(gold_events)):
        if i in matched:
            out.append(i)
        elif i not in optional and telling[i] not in found and telling[i] not in missed:
            missed.add(telling[i])
            out.append(i)
    return out


def score_article(report: Report, gold: dict[str, Any], doc: Document) -> None:
    """Add one article's matches to ``report``."""
    events = gold["events"]
    pairs = sorted(
        ((abs(ev.trigger.start - g["trigger"]["start"]), si, gi)
         for si, ev in enumerate(doc.events) for gi, g in enumerate(events)
         if any(_overlap(span, (g["trigger"]["start"], g["trigger"]["end"])) for span in _trigger_spans(ev))),
    )
    used_s: dict[int, int] = {}
    used_g: set[int] = set()
    for _, si, gi in pairs:
        if si in used_s or gi in used_g:
            continue
        used_s[si] = gi
        used_g.add(gi)
    counted_gold = counted(events, used_g)
    report.articles += 1
    for key in (report.triggers, report.root, report.plover, report.full):
        key.system += len(doc.events)
        key.gold += len(counted_gold)
    for gi in counted_gold:
        root = events[gi]["cameo"][:2]
        report.by_root.setdefault(root, Counts()).gold += 1
        report.by_plover.setdefault(events[gi].get("plover") or "none", Counts()).gold += 1
        if gi not in used_g:
            report.missed[root] += 1
    for si, ev in enumerate(doc.events):
        root = ev.cameo.code[:2]
        report.by_root.setdefault(root, Counts()).system += 1
        report.by_plover.setdefault(ev.plover.type or "none", Counts()).system += 1
        if si not in used_s:
            report.spurious[root] += 1
            continue
        g = events[used_s[si]]
        report.triggers.tp += 1
        groot = g["cameo"][:2]
        if groot != root:
            report.confusion[(groot, root)] += 1
            report.errors["root"] += 1
        else:
            report.root.tp += 1
            report.by_root[root].tp += 1
        gtype = g.get("plover") or "none"
        if gtype == (ev.plover.type or "none"):
            report.plover.tp += 1
            report.by_plover[gtype].tp += 1
        if g.get("place") and g["place"].get("country"):
            report.place[1] += 1
            report.place[0] += bool(ev.place and ev.place.country == g["place"]["country"])
        if g.get("place") and g["place"].get("adm1"):
            report.province[1] += 1
            report.province[0] += bool(ev.place and ev.place.adm1 and same_province(ev.place.adm1, g["place"]["adm1"]))
        stated = {k: v for k, v in (g.get("fatalities") or {}).items() if v is not None}
        if stated:
            report.counts[1] += 1
            report.counts[0] += (ev.fatalities or {}) == stated
        parts = {"source": actor_agrees(g.get("source"), ev.source), "target": actor_agrees(g.get("target"), ev.target),
                 "modality": g.get("modality") == ev.modality}
        for name, ok in parts.items():
            if not ok:
                report.errors[name] += 1
        if groot == root and all(parts.values()):
            report.full.tp += 1
    _score_attributions(report, gold.get("attributions", []), doc)


def _score_attributions(report: Report, gold: list[dict[str, Any]], doc: Document) -> None:
    report.cues.system += len(doc.attributions)
    report.cues.gold += len(gold)
    report.sources.system += sum(1 for a in doc.attributions if a.source is not None)
    report.sources.gold += sum(1 for g in gold if g.get("source"))
    taken: set[int] = set()
    for a in doc.attributions:
        for gi, g in enumerate(gold):
            if gi in taken or not _overlap((a.cue.start, a.cue.end), (g["cue"]["start"], g["cue"]["end"])):
                continue
            taken.add(gi)
            report.cues.tp += 1
            src = g.get("source")
            if src and a.source is not None and _overlap((a.source.start, a.source.end), (src["start"], src["end"])):
                report.sources.tp += 1
            break


def evaluate_reading_gold(split: str, pipeline: Pipeline | None = None, directory: Path | None = None,
                          records: Iterable[dict[str, Any]] | None = None) -> Report:
    """Analyse every article of one part of the gold (with its publication date) and score it."""
    gold = list(records) if records is not None else load_gold(split, directory)
    texts = news_articles({r["id"] for r in gold})
    pipeline = pipeline or Pipeline()
    report = Report()
    for record in gold:
        article = texts[record["id"]]
        doc = pipeline(Document(text=article_text(article), id=record["id"], outlet=article.get("outlet"),
                                published=record.get("published") or article["extracted"][:10]))
        score_article(report, record, doc)
    return report


def _line(name: str, c: Counts) -> str:
    p, r, f = c.prf()
    return f"{name:<22} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({c.tp} right of {c.system} found, {c.gold} in the gold)"


def render(report: Report, split: str) -> str:
    """The scores as a text report: totals, by root, by PLOVER type, and the error classes."""
    out = [f"reader's gold, {split} part: {report.articles} articles"]
    for name, c in (("event trigger", report.triggers), ("CAMEO root", report.root), ("PLOVER type", report.plover),
                    ("fully correct", report.full), ("attribution cue", report.cues),
                    ("attribution source", report.sources)):
        out.append(_line(name, c))
    if report.place[1]:
        out.append(f"{'place country':<22} {report.place[0] / report.place[1]:.3f} of {report.place[1]} matched events with a place")
    if report.province[1]:
        out.append(f"{'place province':<22} {report.province[0] / report.province[1]:.3f} of {report.province[1]} matched "
                   "events with a province")
    if report.counts[1]:
        out.append(f"{'fatalities':<22} {report.counts[0] / report.counts[1]:.3f} of {report.counts[1]} matched events with a "
                   "stated count (killed, injured, arrested all equal)")
    out.append("by CAMEO root:")
    for root, c in sorted(report.by_root.items()):
        out.append("  " + _line(root, c))
    out.append("by PLOVER type:")
    for ptype, c in sorted(report.by_plover.items()):
        out.append("  " + _line(ptype, c))
    out.append("most frequent root confusions (gold → system): "
               + (", ".join(f"{g}→{s} ×{n}" for (g, s), n in report.confusion.most_common(8)) or "none"))
    out.append("spurious events by root: " + ", ".join(f"{k} ×{n}" for k, n in report.spurious.most_common(8)))
    out.append("missed events by root: " + ", ".join(f"{k} ×{n}" for k, n in report.missed.most_common(8)))
    out.append("why matched events are not fully correct: "
               + ", ".join(f"{k} ×{n}" for k, n in report.errors.most_common()))
    return "\n".join(out)


@click.command("reading")
@click.option("--split", type=click.Choice(SPLITS), default="dev", show_default=True,
              help="dev: the part the coder may be tuned on; test: the part only reported")
@click.option("--gold", "gold", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="folder holding dev.jsonl and test.jsonl (default: the project's tests/gold/reading or $ISNAD_GOLD/reading)")
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
def evaluate_reading(split: str, gold: Path | None, as_json: bool) -> None:
    """Score the events and attributions of real news articles against the reader's gold."""
    report = evaluate_reading_gold(split, directory=gold)
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else render(report, split))
