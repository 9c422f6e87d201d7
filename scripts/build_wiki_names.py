"""Build isnad/data/ner/wiki_names.tsv: Arabic Wikipedia names of sports clubs, competitions and well-known people.

Sports news names clubs by their bare name (الاهلي، يونايتد، الظفرة), and ANERcorp tags them ORG; no
other list of the tagger holds them, nor the leagues and cups (كاس العالم للاندية), nor well-known
people named in full (اميتاب باتشان). Source: the sports and people tables of the ``arwikicats``
package (Arabic Wikipedia titles, MIT), read from the package of the ``build`` extra (never needed at
run time):

    pip install -e '.[build]' && python scripts/build_wiki_names.py

Titles lose their parenthesised notes, competitions their season (2017–18). Club titles also lose what
the press leaves out: a leading نادي/فريق and a trailing sport (لكرة القدم، لكرة السلة) or الرياضي; the
leagues and cups among them are competitions. One-word club names that the vocabulary in word_classes.tsv reads as a verb or a function
word (كان for Cannes) are dropped: they would mark thousands of ordinary words.
"""
from __future__ import annotations

import json
import re
import sys
from importlib.util import find_spec
from pathlib import Path

from build_word_classes import DATA, write  # the script beside this one

from isnad.entities.features import rows
from isnad.text.clitics import key
from isnad.resources import Resources

fold = Resources().normaliser.fold  # the folding of the bundled charmap

HEADER = (
    "# Arabic names, folded, with their kind: CLUB a sports club, COMP a sports competition or federation,\n"
    "# WPER a well-known person. Source: arwikicats sports and people tables (Arabic Wikipedia titles), MIT.\n"
    "# Rebuilt by `python scripts/build_wiki_names.py` (needs the `build` extra).\n"
)
NOTE = re.compile(r"\s*\([^)]*\)")
LEADING = ("نادي ", "فريق ")
TRAILING = re.compile(r" (لكرة|للكرة) .*$| الرياضي$")  # the sport: لكرة القدم، لكرة السلة
COMPETITION = ("دوري ", "بطولة ", "كاس ")  # the club table lists some leagues and cups too
SEASON = re.compile(r" ?[0-9–-]+$")
TABLES = {
    "CLUB": ("sports/Clubs_key.json",),
    "COMP": ("sports/clubs_teams_leagues.json", "sports/inter_federations.json"),  # leagues, cups, federations
    "WPER": ("people/peoples.json",),
}


def title(text: str) -> str:
    return " ".join(fold(NOTE.sub("", text)).split())


def club(text: str) -> str:
    name = title(text)
    for word in LEADING:
        name = name.removeprefix(word)
    return TRAILING.sub("", name)


def build(tables: dict[str, list[str]], classes: dict[str, str]) -> list[tuple[str, str]]:
    competitions = {SEASON.sub("", title(t)) for t in tables["COMP"]}
    competitions |= {SEASON.sub("", title(t)) for t in tables["CLUB"] if title(t).startswith(COMPETITION)}
    clubs = {
        n for n in map(club, tables["CLUB"])
        if not n.startswith(COMPETITION) and not (" " not in n and any(c in classes.get(key(n), "") for c in ("verb", "func")))
    }
    people = {title(t) for t in tables["WPER"]}
    kinds = (("CLUB", clubs), ("COMP", competitions), ("WPER", people))
    return sorted({(n, kind) for kind, names in kinds for n in names if len(n) >= 3})


def main() -> None:
    # located, not imported: importing the package sets up its whole translation engine
    spec = find_spec("ArWikiCats")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("the arwikicats package is missing: pip install -e '.[build]'")
    folder = Path(spec.submodule_search_locations[0]) / "jsons"
    tables = {
        kind: [t for path in paths for t in json.loads((folder / path).read_text(encoding="utf-8")).values() if isinstance(t, str)]
        for kind, paths in TABLES.items()
    }
    classes = dict(rows(DATA / "word_classes.tsv"))
    write("wiki_names.tsv", HEADER, build(tables, classes))


if __name__ == "__main__":
    main()
