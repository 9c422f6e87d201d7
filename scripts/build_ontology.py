"""Rebuild isnad/data/ontology/{cameo.tsv,cameo_plover.tsv} from the public CAMEO and PLOVER tables.

Sources (in the shared reference data, ontology/):
- cameo_codes.csv: CAMEO codes and names (CAMEO manual via andybega/icews, MIT)
- cameo_goldstein.txt: Goldstein scale per code (GDELT, public); cameo_codes.csv fills any code it lacks
- cameo_to_plover.txt: CAMEO -> PLOVER type, mode, contexts (openeventdata/PLOVER, CC BY-SA 4.0)

Usage: python scripts/build_ontology.py [--data DIR]   (DIR defaults to ../shared/data)
The output is deterministic (sorted by code).
"""
from __future__ import annotations

import argparse
import csv
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "isnad" / "data" / "ontology"
PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$")
# PLOVER folds CAMEO 02 (appeal) into REQUEST like 10 (demand); CAMEO 01 (statements) has no PLOVER type.
APPEAL_AS_REQUEST = {"02": ("REQUEST", "", "")}


def quad_class(code: str) -> int:
    """CAMEO quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


def build_cameo(data: Path) -> list[list[str]]:
    gold: dict[str, str] = {}
    for line in (data / "cameo_goldstein.txt").read_text(encoding="utf-8").splitlines()[1:]:
        if "\t" in line:
            code, score = line.split("\t")
            gold[code.strip()] = score.strip()
    rows = []
    with open(data / "cameo_codes.csv", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            code = rec["code"].strip()
            score = gold.get(code) or rec["goldstein"]
            rows.append([code, rec["name"].strip(), f"{float(score):g}", str(quad_class(code))])
    return sorted(rows)


def build_plover(data: Path) -> list[list[str]]:
    rows: dict[str, list[str]] = {}
    for line in (data / "cameo_to_plover.txt").read_text(encoding="utf-8").splitlines():
        m = PLOVER_LINE.match(line.strip())
        if not m or "," not in m.group(2):
            continue
        code, body, label = m.group(1), m.group(2), (m.group(3) or "").strip()
        parts = [p.strip() for p in body.split(",")]
        parts += [""] * (3 - len(parts))
        ptype, mode = parts[0], parts[1].replace(" ", "")
        contexts = [c.strip() for c in parts[2].split(";") if c.strip()]
        if "_" in mode:  # a context written in the mode column (175: pro_autocracy)
            contexts.insert(0, mode)
            mode = ""
        contexts = ";".join(contexts)
        # a code listed twice (175) keeps its first line
        rows.setdefault(code, [code, ptype, mode, contexts, label])
    # root lines such as "03: AGREE" name only the type
    for line in (data / "cameo_to_plover.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2}):\s*([A-Z]+)\s*$", line.strip())
        if m:
            rows.setdefault(m.group(1), [m.group(1), m.group(2), "", "", "root category"])
    for code, (ptype, mode, ctx) in APPEAL_AS_REQUEST.items():
        rows.setdefault(code, [code, ptype, mode, ctx, "appeal, folded into REQUEST by PLOVER"])
    return sorted(rows.values())


def write(path: Path, header: list[str], comment: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        for c in comment:
            f.write(f"# {c}\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("ISNAD_SHARED_DATA", ROOT.parent / "shared" / "data"))
    ap.add_argument("--data", type=Path, default=default)
    args = ap.parse_args()
    data = args.data / "ontology"
    OUT.mkdir(parents=True, exist_ok=True)
    write(
        OUT / "cameo.tsv",
        ["code", "label", "goldstein", "quad_class"],
        [
            "CAMEO event codes. Names: CAMEO manual via andybega/icews (MIT); Goldstein scores: GDELT (public).",
            "quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
            "Rebuilt by scripts/build_ontology.py.",
        ],
        build_cameo(data),
    )
    write(
        OUT / "cameo_plover.tsv",
        ["code", "type", "mode", "contexts", "note"],
        [
            "CAMEO -> PLOVER (type, mode, contexts separated by ;), openeventdata/PLOVER conversion table of",
            "17 September 2021 (CC BY-SA 4.0). A code not listed takes its parent's line; 02 (appeal) is REQUEST.",
            "Rebuilt by scripts/build_ontology.py.",
        ],
        build_plover(data),
    )


if __name__ == "__main__":
    main()
