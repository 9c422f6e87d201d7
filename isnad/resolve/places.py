"""Places: from a gazetteer reference to a :class:`~isnad.document.Place`, choosing among namesakes.

A name can belong to several places (جنيف: Geneva in Switzerland and Geneva, Illinois; واشنطن: the US
capital and small towns). The choice prefers a country over a city of the same name, then places in a
country the article mentions, then capitals, then the larger population.
"""
from __future__ import annotations

from collections.abc import Collection

from isnad.document import Place
from isnad.gazetteer.lexicon import Lexicon, PlaceRecord, Ref

KIND = {"country": "country", "capital": "city", "city": "city", "region": "region"}


def to_place(rec: PlaceRecord) -> Place:
    """The document's Place for a gazetteer record; its precision is its kind (a capital is a city)."""
    return Place(ar=rec.ar, en=rec.en, kind=KIND[rec.kind], country=rec.country, lat=rec.lat, lon=rec.lon,
                 geonames_id=rec.geonames_id, precision=KIND[rec.kind], adm1=rec.adm1 or None)


def choose(refs: list[Ref], lex: Lexicon, context: Collection[str] = ()) -> PlaceRecord | None:
    """The most plausible place among ``refs``; ``context`` holds the countries the article mentions."""
    records = [lex.places[r.id] for r in refs if r.table == "place"]
    if not records:
        return None
    return max(records, key=lambda p: (p.kind == "country", p.country in context, p.kind == "capital", p.population))


def lookup_place(lex: Lexicon, text: str) -> Place | None:
    """The place a name (Arabic, clitics allowed: بسويسرا) most plausibly names, without other context."""
    rec = choose(lex.lookup(text), lex)
    return to_place(rec) if rec else None
