"""Build isnad/data/ner/word_classes.tsv: the word classes of a large Arabic vocabulary.

The named-entity tagger sees whether a word it never met in ANERcorp is a known proper noun (شيراك،
مايكروسوفت), a common noun, an adjective, a verb or a function word, or none of these (most often a
name). Source: the word-frequency table of the Arramooz Arabic dictionary (Taha Zerrouki, GPL), read
from the ``arramooz-pysqlite`` package of the ``build`` extra (never needed at run time):

    pip install -e '.[build]' && python scripts/build_word_classes.py

Each word keeps the classes of its readings that are at least a tenth as frequent as its most frequent
one (بوش: proper noun, not the rare common noun).
"""
from __future__ import annotations

import sqlite3
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

from isnad.resources import Resources

fold = Resources().normaliser.fold  # the folding of the bundled charmap

CLASSES = {"noun_prop": "prop", "noun": "noun", "noun_quant": "noun", "abbrev": "noun",
           "adj": "adj", "adj_comp": "adj", "adj_num": "adj", "verb": "verb", "verb_pseudo": "verb"}
DATA = Path(__file__).resolve().parents[1] / "isnad" / "data" / "ner"
HEADER = (
    "# Word classes of the Arramooz word-frequency table (Taha Zerrouki; GPL): word, then the classes of\n"
    "# its readings at least a tenth as frequent as its most frequent one.\n"
    "# Rebuilt by `python scripts/build_word_classes.py` (needs the `build` extra).\n"
)


def build(database: Path) -> list[tuple[str, str]]:
    readings: dict[str, dict[str, int]] = defaultdict(dict)
    with sqlite3.connect(database) as db:
        for word, kind, freq in db.execute("select unvocalized, word_type, freq from wordfreq"):
            w = fold(word.strip())
            if w and " " not in w:
                cls = CLASSES.get(kind, "func")
                readings[w][cls] = readings[w].get(cls, 0) + int(freq)
    return frequent(readings, 10, ",")


def frequent(counts: dict[str, dict[str, int]], share: int, sep: str) -> list[tuple[str, str]]:
    """Each word with its classes that are at least 1/``share`` as frequent as its most frequent one."""
    out = []
    for w, by_class in sorted(counts.items()):
        top = max(by_class.values())
        out.append((w, sep.join(sorted(c for c, f in by_class.items() if f * share >= top))))
    return out


def write(name: str, header: str, rows: list[tuple[str, str]]) -> None:
    """The table ``name`` of the tagger's data, or the file given on the command line."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA / name
    out.write_text(header + "".join(f"{w}\t{c}\n" for w, c in rows), encoding="utf-8")
    print(f"{len(rows)} words → {out}")


def main() -> None:
    database = Path(str(resources.files("arramooz"))) / "data" / "wordfreq.sqlite"
    write("word_classes.tsv", HEADER, build(database))


if __name__ == "__main__":
    main()
