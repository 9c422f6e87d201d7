"""The ``resolve`` stage: every mention gets its place (GPE, LOC) and its actor (all labels).

Mentions from any recogniser are resolved by their text; those a rule already resolved (حكومة طهران) are
kept as they are; a gazetteer mention brings the entries it matched, others are looked up by their text.
Places are chosen in the light of the countries the article mentions.
"""
from __future__ import annotations

from collections.abc import Callable

from isnad.document import Actor, Document, Mention, Place
from isnad.gazetteer.lexicon import Ref
from isnad.resolve.actors import actor_for, institution_actor, unknown_person
from isnad.resolve.places import choose, to_place
from isnad.resources import Resources
from isnad.text.clitics import CONJ

# which gazetteer tables may resolve a mention with this label
TABLES = {
    "GPE": ("place",), "LOC": ("place",), "ORG": ("outlet", "outlet_ctx", "org"), "PER": ("person",),
    "NORP": ("norp",), "ROLE": ("role",), "MISC": (),
}
# a statistical recogniser's PER or ORG may be any named actor (ANERcorp tags وكالة فارس's فارس PER)
TAGGED_ACTOR_TABLES = ("outlet", "outlet_ctx", "org", "person")
CACHE_LIMIT = 50_000
GPE_KINDS = {"country", "adm1", "city"}  # a tagged place of these kinds is a GPE, else a LOC
MISSING = object()  # not looked up yet (None is an answer: no actor)


class Resolve:
    """The ``resolve`` stage: each mention not yet resolved gets its place or actor from the entries its text
    names, places chosen in the light of the countries the article mentions."""

    name = "resolve"
    requires: tuple[str, ...] = ("mentions",)
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, resources: Resources | None = None) -> None:
        self.lex = (resources or Resources()).gazetteer
        self._refs: dict[tuple[str, str], list[Ref]] = {}

    def refs(self, m: Mention) -> list[Ref]:
        """The entries a mention may name, for its label."""
        if m.refs:
            tables = TABLES.get(m.label, ())
            return [r for r in m.refs if r.table in tables]
        if m.source != "gazetteer" and m.label in ("PER", "ORG"):
            return self._lookup("tagged", m.text, TAGGED_ACTOR_TABLES)
        return self._lookup(m.label, m.text, TABLES.get(m.label, ()))

    def conjoined(self, m: Mention) -> list[Ref]:
        """The places a name may also be read as after a conjunction (وجدة: Oujda, or و + جدة)."""
        if m.label not in ("GPE", "LOC") or m.text[:1] not in CONJ or len(m.text) < 4:
            return []
        return self._lookup("conjoined", m.text[1:], ("place",))

    def _lookup(self, kind: str, text: str, tables: tuple[str, ...]) -> list[Ref]:
        """The entries of ``tables`` that ``text`` names, remembered by kind of look-up and text."""
        hit = self._refs.get((kind, text))
        if hit is None:
            if len(self._refs) > CACHE_LIMIT:
                self._refs.clear()
            hit = self._refs[(kind, text)] = [r for r in self.lex.lookup(text) if r.table in tables]
        return hit

    def __call__(self, doc: Document) -> Document:
        todo = [(m, self.refs(m)) for m in doc.mentions if m.actor is None and m.place is None]
        readings = {id(m): alt for m, _ in todo if (alt := self.conjoined(m))}
        context: set[str] = set()
        for m, refs in todo:  # a name whose every reading that is a state is the same state (الرياض)
            states = {self.lex.country_of(r) for r in refs} - {None}
            if len(states) == 1 and id(m) not in readings:
                context |= states  # type: ignore[arg-type]
        for m in doc.mentions:
            if m.actor is not None and m.actor.country:
                context.add(m.actor.country)
        # A long article names the same few actors and places again and again: the mentions of one identity
        # under one text share one Actor, those of one place one Place (no later stage changes them in place,
        # but for the actors ``_actor`` keeps apart).
        actors: dict[tuple[object, str, str], Actor | None] = {}
        places: dict[str, Place] = {}
        for m, refs in todo:
            if not refs:
                if m.label == "PER":
                    m.actor = self._actor(actors, m, None, unknown_person, m.text)
                elif m.label == "ORG":
                    m.actor = self._actor(actors, m, "institution", institution_actor, m.text, self.lex)  # حكومة طهران
                continue
            if m.label in ("GPE", "LOC"):
                rec = choose(refs, self.lex, context)
                alt = choose(readings.get(id(m), []), self.lex, context)
                if rec is not None and alt is not None and rec.country not in context and alt.country in context:
                    # the article's countries decide: و + جدة in a Saudi article, not Oujda
                    m.start, m.text, refs, rec = m.start + 1, m.text[1:], readings[id(m)], alt
                if rec is None:
                    continue
                place = places.get(rec.id)
                if place is None:
                    place = places[rec.id] = to_place(rec)
                m.place = place
                if m.source != "gazetteer":  # the tagger's LOC may be a state or a city
                    m.label = "GPE" if place.kind in GPE_KINDS else "LOC"
                ref = next(r for r in refs if r.id == rec.id)
                m.actor = self._actor(actors, m, ref, actor_for, ref, self.lex, m.text)
            else:
                m.actor = self._actor(actors, m, refs[0], actor_for, refs[0], self.lex, m.text, doc.published)
        return doc

    @staticmethod
    def _actor(actors: dict[tuple[object, str, str], Actor | None], m: Mention, identity: object,
               build: Callable[..., Actor | None], *args: object) -> Actor | None:
        """``build(*args)``, built once per identity, label and text in a document and shared by its mentions.

        Not shared: a named body or person with a code but no sectors, to which the event coder gives the
        sector of a crowd word beside it in place (``isnad.events.arguments.chunks``)."""
        key = (identity, m.label, m.text)
        actor = actors.get(key, MISSING)
        if actor is MISSING:
            actor = build(*args)
            if not (actor is not None and m.label in ("ORG", "PER") and actor.code and not actor.sectors):
                actors[key] = actor
        return actor  # type: ignore[return-value]
