"""Actors: from a gazetteer reference to an :class:`~isnad.document.Actor` with a CAMEO-style code.

People and bodies in the Arabic actor dictionary carry date-bounded codes (a minister is GOV only while in
office): the code valid on the article's publication date wins, else the undated code. Places stand for
their state (a country or capital → its ISO code), nationality adjectives give a country, role words give
sectors (دبلوماسي → GOV) that the event coder combines with a country.
"""
from __future__ import annotations

from isnad.document import Actor
from isnad.gazetteer.lexicon import ActorRecord, Lexicon, Ref
from isnad.gazetteer.outlets import UNKNOWN_PREFIX

OUTLET_PREFIX = "outlet:"  # the id of an actor that is a registry outlet: outlet:<registry id>

ACTOR_TABLES = ("outlet", "outlet_ctx", "org", "person")


def code_on(record: ActorRecord, published: str | None) -> tuple[str | None, str]:
    """``(code, evidence)``: the code whose dates contain ``published`` (YYYY-MM-DD), else the undated one."""
    day = published.replace("-", "")[:8] if published else None
    if day:
        valid = [c for c in record.codes if c[1] and c[1] <= day and (not c[2] or day <= c[2])]
        if valid:
            code, start, end = max(valid, key=lambda c: c[1])
            return code, f"{record.id} {code} {start}-{end or 'open'}"
    undated = [c for c in record.codes if not c[1] and not c[2]]
    if undated:
        return undated[0][0], f"{record.id} {undated[0][0]} undated"
    if not day and record.codes:  # no date to go by: the most recent role
        code, start, end = max(record.codes, key=lambda c: (c[1], c[2] or "99999999"))
        return code, f"{record.id} {code} {start}-{end or 'open'} (latest; no publication date)"
    return None, f"{record.id} no code valid on {published or 'an unknown date'}"


def actor_for(ref: Ref, lex: Lexicon, text: str, published: str | None = None) -> Actor:
    """The actor a reference stands for; ``text`` is the mention as written (kept as ``Actor.ar``)."""
    if ref.table == "place":
        p = lex.places[ref.id]
        state = p.kind in ("country", "capital", "region")
        return Actor(ar=text, en=p.en, country=p.country, code=p.country if state else None, id=ref.id,
                     evidence=f"place {ref.id}")
    if ref.table == "norp":
        code, en = lex.norps[ref.id]
        return Actor(ar=text, en=en, country=code, code=code, id=ref.id, evidence=f"nationality {code}")
    if ref.table == "role":
        sectors, en = lex.roles[ref.id]
        return Actor(ar=text, en=en or None, sectors=list(sectors), id=ref.id, evidence=f"role word {ref.id}")
    if ref.table in ("outlet", "outlet_ctx"):
        o = lex.outlets[ref.id]
        return Actor(ar=text, en=o.names_en[0] if o.names_en else None, country=o.country, sectors=["MED"],
                     code=(o.country or "") + "MED", id=OUTLET_PREFIX + o.id, evidence=f"outlet registry {o.id}")
    rec = lex.actors[ref.id]
    code, evidence = code_on(rec, published)
    country = rec.country if rec.country != "IGO" else None
    return Actor(ar=text, en=rec.en, country=country, sectors=list(rec.sectors), code=code, id=ref.id,
                 evidence=evidence)


def unknown_person(text: str) -> Actor:
    """A person named in the text whom the actor dictionary does not know."""
    return Actor(ar=text, evidence="person name not in the actor dictionary")


def institution_actor(text: str, lex: Lexicon) -> Actor | None:
    """حكومة طهران، الشرطة السودانية as a whole name: an institution head and a country reference."""
    words = lex.fold(text).replace('"', " ").split()
    for size in (1, 2):
        if len(words) <= size:
            break
        head = lex.heads.get(tuple(lex.clitics.key(w) for w in words[:size]))
        refs = lex.lookup(" ".join(words[size:])) if head else []
        country = next((c for r in refs[:1] if (c := lex.country_of(r))), None)
        if head and country:
            return Actor(ar=text, en=head.template.format(country=lex.country_en.get(country, country)),
                         country=country, sectors=list(head.sectors), code=country + head.suffix,
                         evidence=f"rule:institution ({' '.join(words[:size])})")
    return None


def lookup_name(lex: Lexicon, text: str, published: str | None = None) -> Actor | None:
    """The known person, body or outlet a name (Arabic) refers to, coded for ``published`` (YYYY-MM-DD)."""
    ref = next((r for r in lex.lookup(text) if r.table in ACTOR_TABLES), None)
    return actor_for(ref, lex, text, published) if ref else institution_actor(text, lex)


def outlet_id(actor_id: str | None) -> str | None:
    """The registry id of an outlet actor (``outlet:spa`` → ``spa``), else None."""
    return actor_id[len(OUTLET_PREFIX):] if actor_id and actor_id.startswith(OUTLET_PREFIX) else None


def unknown_outlet_name(outlet: str) -> str | None:
    """The name of an outlet the registry does not know (``unknown:صحيفة_لانس`` → ``صحيفة_لانس``), else None."""
    return outlet[len(UNKNOWN_PREFIX):] if outlet.startswith(UNKNOWN_PREFIX) else None
