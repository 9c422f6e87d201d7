"""Build isnad/data/ner/person_words.tsv: words of people's names, with the part of a name they are.

The named-entity tagger sees whether a word it never met in ANERcorp is known as a given name or a
family name (جيراني، رمضان). Source: the name-unit index of the
``arabic-name-romanizer`` package (labels of people in Wikidata, CC0, and Algerian name corpora, CC0 and
MIT), read from the package of the ``build`` extra (never needed at run time):

    pip install -e '.[build]' && python scripts/build_person_words.py

Keys are folded loosely (ة→ه, ى→ي), as the index has them; the tagger looks words up the same way.
Each word keeps the roles (g given, s surname, u unknown) that bear at least a quarter of its most
frequent role's count. (A count class as well scored lower in cross-validation.)
"""
from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from build_word_classes import frequent, write  # the script beside this one

from isnad.resources import Resources

loose = Resources().normaliser.loose  # the folding of the bundled charmap

ROLES = {"given": "g", "surname": "s"}
HEADER = (
    "# Words of people's names, loosely folded, with their roles: g given name, s surname, u unknown.\n"
    "# Source: arabic-name-romanizer name units (Wikidata, CC0; Algerian name corpora, CC0 and MIT).\n"
    "# Rebuilt by `python scripts/build_person_words.py` (needs the `build` extra).\n"
)


def build(database: Path) -> list[tuple[str, str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with sqlite3.connect(database) as db:
        for word, role, n in db.execute("select arabic_key, role, count from units"):
            w = loose(word.strip())
            if w and " " not in w:
                counts[w][ROLES.get(role, "u")] += int(n)
    return frequent(counts, 4, "")


def main() -> None:
    database = Path(str(resources.files("arabic_name_romanizer"))) / "resources" / "names.sqlite3"
    write("person_words.tsv", HEADER, build(database))


if __name__ == "__main__":
    main()
