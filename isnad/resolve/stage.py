"""The ``resolve`` stage: every mention gets its place (GPE, LOC) and its actor (all labels).

Mentions from any recogniser are resolved by their text; those a rule already resolved (حكومة طهران) are
kept as they are. Places are chosen in the light of the countries the article mentions.
"""
from __future__ import annotations

from isnad.document import Actor, Document, Mention
from isnad.entities.lexicon import Lexicon, Ref, load_lexicon
from isnad.resolve.actors import actor_for, institution_actor
from isnad.resolve.places import choose, to_place
from isnad.entities.rules import country_of

# which gazetteer tables may resolve a mention with this label
TABLES = {
    "GPE": ("place",), "LOC": ("place",), "ORG": ("outlet", "outlet_ctx", "org"), "PER": ("person",),
    "NORP": ("norp",), "ROLE": ("role",), "MISC": (),
}
CACHE_LIMIT = 50_000


class Resolve:
    name = "resolve"
    requires: tuple[str, ...] = ("mentions",)
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self._refs: dict[tuple[str, str], list[Ref]] = {}

    def refs(self, m: Mention) -> list[Ref]:
        k = (m.label, m.text)
        hit = self._refs.get(k)
        if hit is None:
            if len(self._refs) > CACHE_LIMIT:
                self._refs.clear()
            tables = TABLES.get(m.label, ())
            hit = [r for r in self.lex.lookup(m.text) if r.table in tables]
            self._refs[k] = hit
        return hit

    def __call__(self, doc: Document) -> Document:
        todo = [(m, self.refs(m)) for m in doc.mentions if m.actor is None and m.place is None]
        context = {c for _, refs in todo if len(refs) == 1 and (c := country_of(refs[0], self.lex))}
        for m in doc.mentions:
            if m.actor is not None and m.actor.country:
                context.add(m.actor.country)
        for m, refs in todo:
            if not refs:
                if m.label == "PER":
                    m.actor = Actor(ar=m.text, evidence="person name not in the actor dictionary")
                elif m.label == "ORG":
                    m.actor = institution_actor(m.text, self.lex)  # a tagger's حكومة طهران
                continue
            if m.label in ("GPE", "LOC"):
                rec = choose(refs, self.lex, context)
                if rec is None:
                    continue
                m.place = to_place(rec)
                m.actor = actor_for(next(r for r in refs if r.id == rec.id), self.lex, m.text)
            else:
                m.actor = actor_for(refs[0], self.lex, m.text, doc.published)
        return doc
