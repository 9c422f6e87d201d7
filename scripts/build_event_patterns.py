"""Rebuild isnad/data/events/verbs.tsv from the Arabic CAMEO verb dictionary of UniversalPetrarch.

Source: openeventdata/UniversalPetrarch, branch ``arabic``, ``CAMEO.ar.0.5.txt`` (MIT), in the shared
reference data under dictionaries/upetrarch_arabic/.

The dictionary lists verb groups (``--- VERB [CODE] ---``), their verbs (past forms, ``+`` joining a
preposition or object) and phrase patterns (``- * NOUN [CODE]``). Cleaning, so only its reliable part
is kept:
- codes that are empty (``[---]``) or not CAMEO codes are dropped;
- codes on bare verbs are not used: many are wrong (أخذ "take" [141], هتف "chant" [153], طرد [120]);
  the project's curated patterns (verbs_curated.tsv) cover the verbs themselves;
- a phrase pattern becomes "its first content word, after any verb of the group" (prepositions dropped;
  a second content word must follow); statements (CAMEO 01) are left out;
  patterns built on synonym sets (``&WEAPON``) or compounds (``{...}``) are skipped;
- verbs with spaces, non-Arabic letters or fewer than three letters are skipped;
- the dictionary's verb entries carry no dates; the placeholder date 18000101 occurs only in its actor
  file, which this script does not read.

Usage: python scripts/build_event_patterns.py [--data DIR]   (DIR defaults to ../shared/data)
The output is deterministic (rows sorted).
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from isnad.resources import Resources  # noqa: E402

fold = Resources().normaliser.fold  # the folding of the bundled charmap

OUT = ROOT / "isnad" / "data" / "events" / "verbs.tsv"
GROUPS_OUT = ROOT / "isnad" / "data" / "events" / "verb_groups.tsv"
GROUP = re.compile(r"^---\s*(\S.*?)\s*\[([^\]]*)\]\s*---")
PATTERN = re.compile(r"^-\s*(.*?)\[(\d+|---)\]")
ARABIC_WORD = re.compile(r"^[\u0621-\u064A]+$")
PREPOSITIONS = {"ل", "الى", "في", "من", "عن", "على", "ب", "مع", "ضد", "بين", "حول", "تحت", "فوق", "قبل", "بعد",
                "اجل", "نحو", "لدى", "عند", "جانب", "هوو", "نفس"}
MAX_CONTENT = 2


def cameo_codes(data: Path) -> set[str]:
    with open(data / "ontology" / "cameo_codes.csv", encoding="utf-8") as f:
        return {r["code"].strip() for r in csv.DictReader(f)}


def verb_entry(line: str) -> tuple[str, list[str]] | None:
    """``(verb, companion words)`` of a verb line such as ``حصل+على`` or ``قدم+طلب+ل``."""
    word = line.split("#")[0].split("[")[0].strip()
    if not word or " " in word:
        return None
    parts = [fold(p) for p in word.split("+") if p]
    if not parts or not ARABIC_WORD.match(parts[0]) or len(parts[0]) < 3:
        return None
    return parts[0], [p for p in parts[1:] if p not in PREPOSITIONS and ARABIC_WORD.match(p)]


def content_words(body: str) -> list[str] | None:
    if "&" in body or "{" in body:
        return None
    words = []
    for w in re.sub(r"[()*]", " ", body).split():
        w = fold(w)
        if len(w) > 1 and w[0] in "لب" and w[1:] and fold(w[1:]) not in PREPOSITIONS and len(w) > 4:
            w = w[1:]  # a clitic preposition written onto the word: لمساعدة
        if w in PREPOSITIONS or not ARABIC_WORD.match(w) or len(w) < 3:
            continue
        words.append(w)
    return words[:MAX_CONTENT] if words else None


def build(data: Path) -> tuple[list[list[str]], dict[str, str]]:
    codes = cameo_codes(data)
    lines = (data / "dictionaries" / "upetrarch_arabic" / "CAMEO.ar.0.5.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if "VERB PATTERNS" in ln)
    rows: dict[tuple[str, str, str], list[str]] = {}
    groups: dict[str, str] = {}  # group name -> its verbs as trigger specs
    group, verbs = "", []  # the current group's name and its (verb, companions)
    for line in lines[start + 1 :]:
        m = GROUP.match(line)
        if m:
            group, verbs = fold(m.group(1).replace("+", "_").replace(" ", "_")), []
            continue
        if line.startswith("-"):
            p = PATTERN.match(line)
            if not p or p.group(2) not in codes:
                continue
            words = content_words(p.group(1))
            if not words or not verbs:
                continue
            if p.group(2).startswith("01"):
                continue  # statements: a speech verb near a word is not a coded event
            # indexed by the noun; the group's verbs must come just before it (loaded lazily)
            groups.setdefault(group, ",".join(sorted({f"s:{v}" for v, _ in verbs})))
            with_ = " ".join([f"<@{group}"] + words[1:])
            key = (p.group(2), words[0], with_)
            rows.setdefault(key, [group, p.group(2), f"n:{words[0]}", with_, "", "", "dictionary pattern"])
        elif line.strip() and not line.startswith(("#", "&", "+")):
            entry = verb_entry(line)
            if entry:
                verbs.append(entry)
    out = sorted(rows.values(), key=lambda r: (r[0], r[1], r[3]))
    counts: dict[str, int] = {}
    for r in out:  # ids unique within a group: group, group.2, ...
        counts[r[0]] = counts.get(r[0], 0) + 1
        r[0] = r[0] if counts[r[0]] == 1 else f"{r[0]}.{counts[r[0]]}"
    return out, groups


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("ISNAD_SHARED_DATA", ROOT.parent / "shared" / "data"))
    ap.add_argument("--data", type=Path, default=default)
    args = ap.parse_args()
    rows, groups = build(args.data)
    with open(GROUPS_OUT, "w", encoding="utf-8", newline="") as f:
        f.write("# Verb groups of the Arabic CAMEO dictionary of openeventdata/UniversalPetrarch (branch arabic,\n")
        f.write("# CAMEO.ar.0.5.txt; MIT), as trigger specs; verbs.tsv refers to them as <@GROUP.\n")
        f.write("# Rebuilt by scripts/build_event_patterns.py.\ngroup\tverbs\n")
        for name in sorted(groups):
            f.write(f"{name}\t{groups[name]}\n")
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write("# Verb + noun event patterns from the Arabic CAMEO dictionary of openeventdata/UniversalPetrarch\n")
        f.write("# (branch arabic, CAMEO.ar.0.5.txt; MIT). Rebuilt and cleaned by scripts/build_event_patterns.py;\n")
        f.write("# columns as in verbs_curated.tsv; <@GROUP: a verb of that group (verb_groups.tsv) just before.\n")
        f.write("id\tcameo\ttriggers\twith\targs\tflags\tgloss\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} patterns -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
