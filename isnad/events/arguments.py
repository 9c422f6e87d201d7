"""Who did it to whom: actor phrases of a sentence and the source and target of a trigger.

Adjacent mentions make one actor phrase (a *chunk*): a role word and a nationality (دبلوماسياً إيرانياً →
IRNGOV), a role word and a collective adjective (القادة الأوروبيين → EURGOV), a government name
(حكومة طهران). Role words without a nationality take the country in context: the nearest country named
in the sentence, else the article's most named country. Words for unnamed crowds (المتظاهرين) are
actors too. Each chunk remembers the preposition in front of it, so a pattern can say where its
target stands (``tgt:ضد``) and a place in ``في جنيف`` is not taken for a subject.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from isnad.document import Actor, Document, EventActor, Mention, Token
from isnad.text.clitics import GLUED_ARTICLE

ACTOR_LABELS = {"PER", "ORG", "GPE", "NORP", "ROLE"}
CLITIC_PREPS = {"ب": "ب", "ل": "ل", "ك": "ك"}
SUBJECT_WINDOW = 4  # a subject after its verb (VSO) starts within this many words
GENITIVE_WINDOW = 4  # the agent of a verbal noun follows it within this many words
NISBA = ("ية", "ي")  # the endings of an adjective of relation (أمنية، عسكري)


@dataclass(slots=True)
class Chunk:
    """An actor phrase of a sentence: its tokens and characters, the actor composed from its mentions and
    crowd words, and the preposition before it."""
    first: int  # token index (document-wide)
    last: int
    start: int
    end: int
    actor: Actor
    mention: int | None
    prep: str | None  # the preposition in front of it, if any
    place: bool = False  # a town or province named alone: it holds a role's position, but names where, not who


def without(c: Chunk, words: frozenset[int], doc: Document) -> Chunk | None:
    """A chunk without the trigger words of an event (قدم اللواء السحيباني شكره: not «السحيباني شكره»): cut
    before the first of them inside it; None when it starts with one (عملية عسكرية: the adjective is no actor)."""
    inside = [j for j in words if c.first <= j <= c.last]
    if not inside:
        return None if _adjective_after(c, words, doc) else c
    cut = min(inside)
    if cut == c.first:
        return None
    return replace(c, last=cut - 1, end=doc.tokens.end[cut - 1])


def _adjective_after(c: Chunk, words: frozenset[int], doc: Document) -> bool:
    """A bare role word right after trigger words that end in an adjective of relation, without article,
    clitic or preposition, is one more adjective of their phrase (عملية أمنية محكمة: a tight operation, not a
    court); after a noun it is its genitive (سقطت في يد قوات صالح)."""
    last = max(words)
    if c.first != last + 1 or c.prep is not None or c.mention is None or not doc.tokens.norm[last].endswith(NISBA):
        return False
    return doc.mentions[c.mention].label == "ROLE" and doc.tokens.norm[c.first] == doc.tokens.key[c.first]


def _label(span: tuple) -> str:
    return span[3].label if span[3] is not None else "ROLE"  # a crowd word acts as a role word


def _continues(prev: tuple, span: tuple) -> bool:
    """Does a mention extend the actor phrase before it? A nationality or place after a role or a name
    (دبلوماسي إيراني، حكومة طهران), a name or role after a role (الرئيس سعد الحريري); not a new role
    after a nationality (دبلوماسي إيراني | القادة الأوروبيين)."""
    before, label = _label(prev), _label(span)
    if label in ("NORP", "GPE"):
        return before in ("ROLE", "ORG", "PER", "NORP")
    return label in ("ROLE", "PER") and before == "ROLE"


def _clitic(tok: Token, mention: Mention | None) -> bool:
    """Does a conjunction or preposition stand in front of this word (وفنلندا، لإيران، بالسلطات)?"""
    if mention is not None and mention.start > tok.start:
        return True
    n = tok.norm
    return n.startswith(GLUED_ARTICLE)


def _prep(tokens: list[Token], first: int, mention_start: int, first_sent: int, prepositions: frozenset[str]) -> str | None:
    tok = tokens[first]
    head = tok.norm[: max(0, mention_start - tok.start)] if mention_start > tok.start else ""
    if not head:
        # the clitic may be inside the mention: للأمم، بالسلطات
        head = tok.norm[: len(tok.norm) - len(tok.key)] if tok.key and tok.norm.endswith(tok.key) else ""
        head = head.replace("ال", "") if head.endswith("ال") else ("ل" if head.endswith("لل") else head)
    head = head[1:] if head[:1] in "وف" else head
    if head[:1] in CLITIC_PREPS:
        return CLITIC_PREPS[head[:1]]
    if first > first_sent:
        prev = tokens[first - 1].norm
        prev = prev[1:] if prev[:1] in "وف" and prev[1:] in prepositions else prev
        if prev in prepositions:
            return prev
    return None


def _compose(parts: list[tuple[int, Mention]]) -> tuple[Actor, int]:
    """One actor from adjacent mentions; returns it and the index of the head mention."""
    role = next(((i, m) for i, m in parts if m.label == "ROLE"), None)
    named = next(((i, m) for i, m in parts if m.label in ("ORG", "PER") and m.actor and m.actor.code), None)
    norp = next(((i, m) for i, m in parts if m.label == "NORP"), None)
    gpe = next(((i, m) for i, m in parts if m.label == "GPE"), None)
    head_i, head = role or named or parts[0]
    if named and not role:
        return named[1].actor, named[0]  # type: ignore[return-value]
    country = None
    for cand in (norp, gpe, named, (head_i, head)):
        if cand and cand[1].actor and cand[1].actor.country:
            country = cand[1].actor.country
            break
        if cand and cand[1].place and cand[1].place.country:
            country = cand[1].place.country
            break
    sectors = list(head.actor.sectors) if head.actor and head.actor.sectors else []
    code = (country or "") + (sectors[0] if sectors else "") or None
    if head.actor and head.actor.code and not sectors and not norp:
        code = head.actor.code
    # English puts the nationality first: "Iranian diplomat" for دبلوماسي إيراني
    ordered = sorted(parts, key=lambda p: p[1].label != "NORP")
    en = " ".join(m.actor.en for _, m in ordered if m.actor and m.actor.en) or None
    ar = " ".join(m.text for _, m in parts)
    return Actor(ar=ar, en=en, country=country, sectors=sectors, code=code, evidence="+".join(m.label for _, m in parts)), head_i


def chunks(doc: Document, sent_first: int, sent_last: int, mentions: list[tuple[int, Mention]],
           people: list[tuple[int, str]], find: Callable[[int], int], prepositions: frozenset[str],
           locatives: frozenset[str]) -> list[Chunk]:
    """Actor phrases of one sentence (token range), from its mentions and the crowd words found in it, each
    with the preposition before it (one of ``prepositions`` or a clitic ب/ل/ك); a name after one of
    ``locatives`` (وسط نواكشوط) is a place."""
    tokens = doc.tokens
    lo, hi = tokens[sent_first].start, tokens[sent_last].end
    spans: list[tuple[int, int, int, Mention | None, str | None]] = []
    for mi, m in mentions:
        if m.start >= lo and m.end <= hi and m.label in ACTOR_LABELS:
            a, b = find(m.start), find(m.end - 1)
            spans.append((a, b, mi, m, None))
    taken = {t for a, b, *_ in spans for t in range(a, b + 1)}
    for ti, sector in people:
        if ti not in taken:
            spans.append((ti, ti, -1, None, sector))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[Chunk] = []
    group: list[tuple[int, int, int, Mention | None, str | None]] = []

    def flush() -> None:
        if not group:
            return
        first, last = group[0][0], max(g[1] for g in group)
        mentions = [(g[2], g[3]) for g in group if g[3] is not None]
        crowd = next((g[4] for g in group if g[4]), None)
        if mentions:
            actor, head = _compose(mentions)  # type: ignore[arg-type]
            if crowd and not actor.sectors:
                actor.sectors = [crowd]
                actor.code = (actor.country or "") + crowd
        else:
            word = doc.text[tokens[first].start : tokens[last].end]
            actor, head = Actor(ar=word, en="protesters" if crowd else None, sectors=[crowd or "CVL"]), None
        start = min(tokens[first].start, *(m.start for _, m in mentions)) if mentions else tokens[first].start
        end = max(tokens[last].end, *(m.end for _, m in mentions)) if mentions else tokens[last].end
        m_start = mentions[0][1].start if mentions else tokens[first].start
        prep = _prep(tokens, first, m_start, sent_first, prepositions)
        place = len(mentions) == 1 and not crowd and (
            _only_a_place(mentions[0][1], prep) or _after_locative(tokens, first, sent_first, mentions[0][1], locatives))
        out.append(Chunk(first, last, start, end, actor, head, prep, place=place))

    for span in spans:
        if group:
            last = max(g[1] for g in group)
            if span[0] <= last:
                continue  # nested inside the group
            if span[0] > last + 1 or _clitic(tokens[span[0]], span[3]) or not _continues(group[-1], span):
                flush()
                group = []
        group.append(span)
    flush()
    return out


def _only_a_place(m: Mention, prep: str | None) -> bool:
    """A town or province named alone is where something happened, not who did it (السيطرة على مطار عدن،
    قصف في شبوة); a capital without a preposition speaks for its state (طهران ترفض), as a country does."""
    if m.label != "GPE" or m.place is None or m.place.kind in (None, "country"):
        return False
    return prep is not None or not (m.actor and m.actor.code)


def _after_locative(tokens: list[Token], first: int, first_sent: int, m: Mention, locatives: frozenset[str]) -> bool:
    """A place name after a noun of place (وسط نواكشوط، بشمال سوريا، العاصمة صنعاء): where, not who."""
    if m.label != "GPE" or m.place is None or first <= first_sent:
        return False
    prev = tokens[first - 1].norm
    return prev in locatives or (prev[:1] in "وفبل" and prev[1:] in locatives)


def countries_in(mentions: list[tuple[int, Mention]], find: Callable[[int], int]) -> list[tuple[int, str]]:
    """(token index, country) of every mention (of one sentence) that names or implies a country."""
    out = []
    for _, m in mentions:
        country = (m.actor.country if m.actor else None) or (m.place.country if m.place else None)
        if country and m.label in ("GPE", "NORP", "ORG", "LOC"):
            out.append((find(m.start), country))
    return out


def salient_country(doc: Document) -> str | None:
    """The country the article's places and nationalities name most often, or None."""
    counts = Counter(
        (m.actor.country if m.actor else None) or (m.place.country if m.place else None)
        for m in doc.mentions
        if m.label in ("GPE", "NORP")
    )
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


def nearest_country(countries: list[tuple[int, str]], at: int, avoid: str | None = None) -> str | None:
    """The country of ``countries`` (token, country) nearest token ``at``, other than ``avoid``."""
    best = None
    for ti, c in countries:
        if c == avoid:
            continue
        if best is None or abs(ti - at) < abs(best[0] - at):
            best = (ti, c)
    return best[1] if best else None


def government(country: str | None) -> Actor | None:
    """The implied government of a country (``SAUGOV``), or None without a country."""
    if not country:
        return None
    return Actor(en=f"Government ({country})", country=country, sectors=["GOV"], code=f"{country}GOV", evidence="implied")


def event_actor(doc: Document, chunk: Chunk | None, actor: Actor | None = None) -> EventActor | None:
    """The event's side for an actor phrase (its words, offsets, actor and mention), or for an implied actor."""
    if chunk is None:
        return EventActor(actor=actor) if actor else None
    return EventActor(doc.text[chunk.start : chunk.end], chunk.start, chunk.end, chunk.actor, chunk.mention)


def with_context_country(chunk: Chunk, countries: list[tuple[int, str]], fallback: str | None,
                         branches: Mapping[tuple[str, str], tuple[str, str, str]]) -> Chunk:
    """A role or crowd without a nationality belongs to the country named nearest to it; a named actor
    with its own code and no country (داعش IMGMUSISI, the UN IGOUNO) belongs to none, unless the group has
    a branch of its own there (``branches``: القاعدة in Yemen is AQAP)."""
    a = chunk.actor
    if a.country:
        return chunk
    before = [(ti, c) for ti, c in countries if ti < chunk.first]
    country = nearest_country(before, chunk.first) or nearest_country(countries, chunk.first) or fallback
    if a.id and a.code and a.code not in a.sectors:
        branch = branches.get((a.code, country or ""))
        if branch:
            chunk.actor = Actor(a.ar, branch[2], country, list(a.sectors), branch[1], branch[0],
                                (a.evidence or "") + "+branch")
        return chunk
    if country:
        sector = a.sectors[0] if a.sectors else ""
        chunk.actor = Actor(a.ar, a.en, country, list(a.sectors), country + sector, a.id, (a.evidence or "") + "+context")
    return chunk
