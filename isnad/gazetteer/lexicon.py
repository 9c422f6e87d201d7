"""The gazetteers in memory: places, actors, role words, nationality adjectives and outlets, keyed by phrase.

Every name is stored as a tuple of clitic-free word keys (:func:`isnad.text.clitics.key` of the folded
words), so ``للأمم المتحدة``, ``الأمم المتحدة`` and ``والأمم المتحدة`` all reach the same entry. The data files
live in ``isnad/data/gazetteer/`` (built by ``scripts/build_gazetteers.py``); :func:`load_lexicon` reads them
for :class:`isnad.resources.Resources`, which builds the lexicon once for all stages.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from isnad.gazetteer.outlets import Outlet
from isnad.text.clitics import CONJ, Clitics

if TYPE_CHECKING:
    from isnad.resources import Resources

# the inflections after a nisba base listed in nationalities.tsv (إيراني + ة، ون …)
NISBA_INFLECTIONS = ("", "ة", "ون", "ين", "ا", "ان", "ات", "تين", "تان")
# the whole endings of any adjective of relation (إيراني، إيرانيتان، إيرانياً), longest first: what the
# tagger's features and the attribution clauses take for one
NISBA_ENDINGS = ("يتان", "يين", "يون", "يان", "ية", "يا", "ي")
SOUND = ("", "ون", "ين", "ة", "ات", "تين", "تان", "ان")
# Which table wins when one phrase names several things (سوريا is the country, not a nisba form).
PRIORITY = {"place": 0, "outlet": 1, "outlet_ctx": 1, "org": 2, "person": 3, "norp": 4, "role": 5}
ARTICLE_TABLES = frozenset(("place", "org", "outlet", "outlet_ctx"))
LEMMATISED = "a:"  # actor-dictionary names are lemmatised (no article): any article is accepted
PLACE_LABEL = {"country": "GPE", "capital": "GPE", "city": "GPE", "region": "LOC"}


class PlaceRecord(NamedTuple):
    """A gazetteer place: kind (country, capital, city, region), names, country, coordinates, GeoNames id and
    population."""

    id: str
    kind: str
    en: str
    country: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    ar: str
    adm1: str  # the province (first-level division) of a city, in English; "" when unknown


class ActorRecord(NamedTuple):
    """A gazetteer actor (a body or a person): names, country, sectors and CAMEO codes with the dates they hold."""

    id: str
    label: str  # ORG or PER
    en: str | None
    country: str | None
    sectors: tuple[str, ...]
    codes: tuple[tuple[str, str, str], ...]  # (code, start YYYYMMDD or "", end or "")
    ar: str


class Ref(NamedTuple):
    """One thing a phrase can name: ``table`` is place, org, person, outlet, outlet_ctx, norp or role."""

    table: str
    id: str
    label: str


class Head(NamedTuple):
    """An institution head (حكومة، وزارة الخارجية) that a following country turns into a state actor."""

    sectors: tuple[str, ...]
    suffix: str
    template: str


@dataclass(slots=True)
class Lexicon:
    """The gazetteers keyed by phrase: a name's word keys give the entries it may name (:class:`Ref`), beside
    the word lists the name rules read."""

    fold: Callable[[str], str]  # the text's folding (Normaliser.fold)
    clitics: Clitics
    places: dict[str, PlaceRecord] = field(default_factory=dict)
    actors: dict[str, ActorRecord] = field(default_factory=dict)
    roles: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)  # id -> (sectors, en)
    norps: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (code, en)
    outlets: dict[str, Outlet] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], list[Ref]] = field(default_factory=dict)
    starts: dict[str, int] = field(default_factory=dict)  # first key -> longest phrase starting with it
    heads: dict[tuple[str, ...], Head] = field(default_factory=dict)
    head_ends: frozenset[str] = frozenset()  # last words of the heads: a cheap first test
    first_names: frozenset[str] = frozenset()
    name_starts: frozenset[str] = frozenset()  # first names, alone or after the conjunction و or ف
    common_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    weak_first_names: frozenset[str] = frozenset()  # علي may be على in Egyptian typography
    name_links: frozenset[str] = frozenset()  # بن، أبو، عبد: inside a name, never at its end
    media_words: frozenset[str] = frozenset()
    country_en: dict[str, str] = field(default_factory=dict)  # ISO alpha-3 -> English name
    # whether names of places and bodies under a key are written with the article (القاهرة، القاعدة)
    # or without (مشهد, not المشهد "the scene"): (key, table) -> {True, False}
    article: dict[tuple[tuple[str, ...], str], set[bool]] = field(default_factory=dict)

    def add(self, name: str, ref: Ref, folded: bool = True) -> None:
        """Index a name (already folded unless ``folded`` is False) under its word keys."""
        words = self.phrase_key(name if folded else self.fold(name))
        if not words:
            return
        if ref.table in ARTICLE_TABLES and not ref.id.startswith(LEMMATISED):
            self.article.setdefault((words, ref.table), set()).add(name.startswith("ال"))
        refs = self.phrases.get(words)
        if refs is None:
            self.phrases[words] = [ref]
        elif ref not in refs:
            refs.append(ref)
            refs.sort(key=lambda r: PRIORITY[r.table])
        if len(words) > self.starts.get(words[0], 0):
            self.starts[words[0]] = len(words)

    def lookup(self, text: str) -> list[Ref]:
        """Everything a (short) text names, best first; the text may carry clitics on its first word."""
        words = self.fold(text).replace('"', " ").split()
        if not words:
            return []
        rest = tuple(self.clitics.key(w) for w in words[1:])
        for c in self.clitics.candidates(words[0]):
            refs = self.phrases.get((c,) + rest)
            if refs:
                return refs
        return []

    def phrase_key(self, folded: str) -> tuple[str, ...]:
        """Look-up key of a folded phrase: the first word without its article, later words by their
        clitic-free key."""
        words = folded.split()
        if not words:
            return ()
        return (head_form(words[0]), *map(self.clitics.key, words[1:]))

    def country_of(self, ref: Ref) -> str | None:
        """The state a place or nationality reference stands for (capitals stand for their state)."""
        if ref.table == "place":
            place = self.places[ref.id]
            return place.country if place.kind in ("country", "capital") else None
        if ref.table == "norp":
            code = self.norps[ref.id][0]
            return code if code in self.country_en else None
        return None


def head_form(word: str) -> str:
    """The form a phrase's first word is stored under: only the article is removed (وكالة stays وكالة);
    the matcher reaches it from a token through :func:`candidates`, which strips any clitics."""
    return word[2:] if word.startswith("ال") and len(word) >= 4 else word


def _float(s: str) -> float | None:
    return float(s) if s else None


def inflect(base: str, endings: tuple[str, ...]) -> list[str]:
    """Forms of a folded phrase with every ending added to each word (كوري جنوبي → كورية جنوبية)."""
    words = base.split()
    return [" ".join(w + e for w in words) for e in endings]


def place_rows(resources: Resources) -> list[tuple[PlaceRecord, list[str]]]:
    """The places of ``gazetteer/places.tsv``, each with its Arabic names (the first is its name)."""
    out = []
    for pid, kind, en, country, lat, lon, gid, pop, adm1, names in resources.rows("gazetteer/places.tsv"):
        alts = names.split("|")
        out.append((PlaceRecord(pid, kind, en, country, _float(lat), _float(lon), int(gid) if gid else None,
                                int(pop) if pop else 0, alts[0], adm1), alts))
    return out


def load_lexicon(resources: Resources) -> Lexicon:
    """The gazetteers of ``isnad/data/gazetteer`` and the outlet registry, indexed by phrase."""
    fold, clitics = resources.normaliser.fold, resources.clitics
    key = clitics.key

    def _rows(name: str) -> list[list[str]]:
        return resources.rows("gazetteer/" + name)

    def _words(name: str, folded: bool = True) -> frozenset[str]:
        return resources.words("gazetteer/" + name, fold=not folded)

    lex = Lexicon(fold, clitics)
    for rec, alts in place_rows(resources):
        lex.places[rec.id] = rec
        if rec.kind == "country":
            lex.country_en[rec.country] = rec.en
        ref = Ref("place", rec.id, PLACE_LABEL[rec.kind])
        for n in alts:
            lex.add(n, ref)
    for aid, label, en, country, sectors, codes, names in _rows("actors.tsv"):
        parsed = tuple(tuple(c.split(":")) for c in codes.split(";") if c)
        alts = names.split("|")
        lex.actors[aid] = ActorRecord(aid, label, en or None, country or None,
                                      tuple(s for s in sectors.split(",") if s), parsed, alts[0])  # type: ignore[arg-type]
        ref = Ref("org" if label == "ORG" else "person", aid, label)
        for n in alts:
            lex.add(n, ref)
    for i, (sectors, en, inflection, name) in enumerate(_rows("roles.tsv")):
        rid = f"role:{i}"
        lex.roles[rid] = (tuple(s for s in sectors.split(",") if s), en)
        forms = inflect(fold(name), NISBA_INFLECTIONS if inflection == "nisba" else SOUND if inflection == "sound" else ("",))
        ref = Ref("role", rid, "ROLE")
        for f in forms:
            lex.add(f, ref)
    for code, en, bases, others in _rows("nationalities.tsv"):
        nid = f"norp:{code}"
        lex.norps[nid] = (code, en)
        ref = Ref("norp", nid, "NORP")
        for b in bases.split("|"):
            for f in inflect(fold(b), NISBA_INFLECTIONS):
                lex.add(f, ref)
        for f in others.split("|"):
            if f.strip():
                lex.add(f, ref, folded=False)
    for head, sectors, suffix, template in _rows("gov_heads.tsv"):
        lex.heads[tuple(key(w) for w in fold(head).split())] = Head(tuple(sectors.split(",")), suffix, template)
    lex.first_names = _words("first_names.txt")
    lex.name_starts = lex.first_names | {c + n for c in CONJ for n in lex.first_names}
    lex.common_words = _words("common_words.txt")
    lex.head_ends = frozenset(h[-1] for h in lex.heads)
    registry = resources.outlets
    for o in registry:
        lex.outlets[o.id] = o
        for n in o.names_ar:
            # a one-word name that is an ordinary word (الاقتصادية) needs a media word before it
            table = "outlet_ctx" if key(n) in lex.common_words or n in lex.common_words else "outlet"
            lex.add(n.replace('"', " "), Ref(table, o.id, "ORG"))
        for n in o.names_ar_context:
            lex.add(n.replace('"', " "), Ref("outlet_ctx", o.id, "ORG"))
    lex.media_words = frozenset(key(w) for w in registry.media_words)
    # misspellings name whatever their correct spelling names
    for wrong, right in _rows("misspellings.tsv"):
        for ref in list(lex.phrases.get(lex.phrase_key(fold(right)), [])):
            lex.add(wrong, ref, folded=False)
    lex.not_names = _words("not_names.txt", folded=False)
    lex.weak_first_names = _words("weak_first_names.txt", folded=False)
    lex.name_links = _words("name_links.txt", folded=False)
    lex.titles = frozenset(key(w) for w in _words("person_titles.txt", folded=False))
    return lex
