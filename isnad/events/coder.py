"""The ``events`` stage: finds event triggers, codes them in CAMEO and PLOVER, attaches actors, place,
time, modality, attributions and the evidence for each code.

One pass over the tokens: each word costs one cached dictionary look-up; sentences without a trigger
cost nothing more. For a trigger the coder checks the pattern's companion words (طلب + لجوء), whether
a verbal noun is an event here (a support verb such as اندلاع or شن, a companion word, or for some
patterns a named author; not after إمكانية or مخاوف), then finds the source and target
(:mod:`isnad.events.roles`, over the actor phrases of :mod:`isnad.events.arguments`) and the modality
(:mod:`isnad.events.modality`). Events restated later in the article, and headline events that the
body repeats, are folded into their first mention.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any

from isnad.document import Document, Event, EventPlace, Span, TimeSpan
from isnad.events import arguments as args_
from isnad.events.arguments import Chunk
from isnad.events.context import DocIndex, event_place
from isnad.events.counts import counts
from isnad.events.modality import modality
from isnad.events.patterns import NOUN, VERB, WINDOW_AFTER, WINDOW_BEFORE, Hit, Lexicon
from isnad.events.restatements import fold
from isnad.events.roles import Roles, actor_of
from isnad.events.scorer import features, sentence_cues, with_several
from isnad.resources import Resources
from isnad.text.clitics import ARTICLE

FACTUAL = {"asserted", "reported"}
NAME_LABELS = {"PER", "ORG", "GPE", "LOC"}
CLAUSE_BREAKS = {"،", ",", "؛", ";", ":", "(", ")", "-", "—", "–"}
QUOTES = {"«", "»", '"', "“", "”", "'"}  # no words: they do not count in a companion's window
UNWANTED_BEFORE = 5  # a word that must not stand before a trigger is looked for this far (أنهت من جانب واحد وقف)
SUPPORT_WINDOW = 3
BLOCK_WINDOW = 2
SUPPORT_B_WINDOW = 8  # قام ... بـ: the doer's name may stand between them
STATED_WINDOW = 3  # a time or a count this many words after a verbal noun says it took place
OPENING_PREFIX = 3  # at most this many words of a dateline before the colon that opens a report


class EventCoder:
    """The events stage: triggers from the event patterns, their source, target, place, time and modality,
    CAMEO and PLOVER codes, each with its evidence."""
    name = "events"
    requires: tuple[str, ...] = ("tokens", "mentions", "times", "attributions")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, resources: Resources | None = None, dictionary: bool = False, min_score: float | None = None,
                 explain: bool = False) -> None:
        """``dictionary=True`` also uses the patterns converted from the public Arabic CAMEO dictionary.

        Every event carries ``evidence["score"]``, the event-reality score (:mod:`isnad.events.scorer`).
        Events of the types the score was trained for (PROTEST, ASSAULT) are emitted only when the score
        reaches the bundled threshold of their type; ``min_score`` sets one threshold for them instead
        (``min_score=0`` keeps every candidate, for recall). ``explain=True`` also lists the features
        behind each score in ``evidence["features"]``."""
        resources = resources or Resources()
        self.lex = resources.events(dictionary)
        self.ontology = resources.ontology
        self.model = resources.scorer
        self.explain = explain
        thresholds = self.model.thresholds if self.model else {}
        self.thresholds = {t: (v if min_score is None else min_score) for t, v in thresholds.items()}

    def __call__(self, doc: Document) -> Document:
        tokens = doc.tokens
        hits: dict[int, tuple[Hit, ...]] = {}  # token → what it may trigger (few tokens of a long text do)
        sentences: dict[int, list[int]] = {}  # sentence → its candidate triggers, in order
        named = _named_tokens(doc)
        # the patterns of each distinct word, looked up once: most words trigger none
        found = {w: h for w in set(tokens.norm) if (h := self.lex.hits(w))}
        for i in [i for i, w in enumerate(tokens.norm) if w in found]:
            if not named[i]:
                hits[i] = found[tokens.norm[i]]
                sentences.setdefault(tokens.sentence[i], []).append(i)
        if not sentences:
            doc.events = []
            return doc
        index = DocIndex(doc)
        events: list[Event] = []
        for sid, triggers in sentences.items():
            first, last = index.span(sid)
            events.extend(_Sentence(self.lex, doc, index, first, last, hits, self, named).code(triggers))
        # the score judges claims of fact: planned, negated or hypothetical events keep their modality instead
        events = [e for e in events if e.modality not in FACTUAL
                  or e.evidence.get("score", 1.0) >= self.thresholds.get(e.plover.type, 0.0)]
        doc.events = fold(events, doc)
        for n, ev in enumerate(doc.events, 1):
            ev.id = f"e{n}"
        return doc


def _named_tokens(doc: Document) -> bytearray:
    """1 for each token inside the name of a person, organisation or place: a word of a name is no trigger
    (تعز is Taiz, ليبرمان is a person, هيئة التحقيق is a body). A byte a token: a long text has many names."""
    out = bytearray(len(doc.tokens))
    for m in doc.mentions:
        if m.label in NAME_LABELS and m.tokens:
            a, b = m.tokens
            out[a:b] = b"\x01" * (b - a)
    return out


class _Sentence(Roles):
    """The working state of one sentence that has at least one candidate trigger. Actor phrases,
    places and times are worked out only when a trigger needs them."""

    def __init__(self, lex: Lexicon, doc: Document, index: DocIndex, first: int, last: int,
                 hits: dict[int, tuple[Hit, ...]], coder: EventCoder, named: bytearray) -> None:
        self.lex, self.doc, self.index, self.first, self.last, self.hits = lex, doc, index, first, last, hits
        self.named = named  # 1 for each token inside a name (see _named_tokens)
        self.model, self.explain, self.ontology = coder.model, coder.explain, coder.ontology
        tokens = doc.tokens
        self.clause = [first] * (last - first + 1)  # clause start of each token
        start = first
        for i in range(first, last + 1):
            if tokens.norm[i] in CLAUSE_BREAKS:
                start = i + 1
            self.clause[i - first] = start
        self.clause_ends: dict[int, int] = {}  # clause start → its last token, filled by _clause_end
        self.sid = tokens.sentence[first]
        self.fallback_country = index.salient
        self.used: set[int] = set()
        self.trigger_words: frozenset[int] = frozenset()  # the trigger and companions of the event being coded
        self.trimmed: dict[int, Chunk | None] = {}  # chunk (by id) → itself without those words, see actors_for
        self.events: list[Event] = []
        self.features: list[list[str]] = []  # the score's features of each event, scored once all are found

    @cached_property
    def cues(self) -> dict[str, list[int]]:
        """Cue kind → tokens of the sentence with a cue of that kind (the score's word families)."""
        return sentence_cues(self.lex, self.doc.tokens, self.first, self.last)

    @cached_property
    def mentions(self) -> list[tuple[int, Any]]:
        """The sentence's mentions, with their index in the document."""
        return self.index.mentions.get(self.sid, [])

    @cached_property
    def countries(self) -> list[tuple[int, str]]:
        """(token, country) of every mention of the sentence that names or implies a country."""
        return args_.countries_in(self.mentions, self.index.find)

    @cached_property
    def chunks(self) -> list[Chunk]:
        """The sentence's actor phrases, with the country of the context where they name none."""
        tokens, cue, people = self.doc.tokens, self.lex.cue, []
        for i in range(self.first, self.last + 1):
            sector = cue("people", tokens.norm[i])
            if sector:
                people.append((i, sector))
        return [
            args_.with_context_country(c, self.countries, self.fallback_country, self.lex.branches)
            for c in args_.chunks(self.doc, self.first, self.last, self.mentions, people, self.index.find, self.lex.prepositions,
                                     self.lex.locatives)
        ]

    @cached_property
    def speakers(self) -> dict[int, list[tuple[int, int]]]:
        """Chunk (by position) → the cues of the attributions it is the source of."""
        said_by = self.index.said_by.get(self.sid, ())
        out: dict[int, list[tuple[int, int]]] = {}
        for n, c in enumerate(self.chunks):
            cues = [(cs, ce) for s, e, cs, ce in said_by if s < c.end and c.start < e]
            if cues:
                out[n] = cues
        return out

    def actors_for(self, i: int) -> list[Chunk]:
        """The chunks that may fill the roles of trigger ``i``: the source of a report is who says it, not
        who does what it reports, unless the trigger is the saying itself (وحذّر أوباما المشرعين). While a
        ``not_actors`` event is coded, its trigger words are cut out of them (``trigger_words``)."""
        chunks = self.chunks
        if self.speakers:
            start, end = self.doc.tokens.start[i], self.doc.tokens.end[i]
            chunks = [c for n, c in enumerate(chunks)
                      if n not in self.speakers or any(cs < end and start < ce for cs, ce in self.speakers[n])]
        if not self.trigger_words:
            return chunks
        trim = self.trimmed  # the same trimmed chunk on every call: roles compare chunks by identity
        for c in chunks:
            if id(c) not in trim:
                trim[id(c)] = args_.without(c, self.trigger_words, self.doc)
        return [t for c in chunks if (t := trim[id(c)]) is not None]

    @cached_property
    def dated(self) -> set[int]:
        """Tokens of the sentence's dates and times (their numbers count no victims)."""
        return {j for t in self.index.times.get(self.sid, []) if t.tokens for j in range(*t.tokens)}

    @cached_property
    def places(self) -> list[tuple[int, Any]]:
        """(token, mention) of the sentence's resolved places."""
        find = self.index.find
        return [(find(m.start), m) for _, m in self.mentions
                if m.place is not None and m.label in ("GPE", "LOC")]

    @cached_property
    def times(self) -> list[tuple[int, TimeSpan]]:
        """(first token, time) of the sentence's time expressions."""
        return [(t.tokens[0] if t.tokens else self.index.find(t.start), t) for t in self.index.times.get(self.sid, [])]

    # -- triggers -------------------------------------------------------------------------------
    def code(self, triggers: list[int]) -> list[Event]:
        """The events of the candidate triggers (token indices, in order) of the sentence."""
        for i in triggers:
            if i in self.used:  # a companion word of an earlier event
                continue
            if self._blocked(i):
                continue
            for hit in self.hits[i]:
                extra = self._companions(i, hit)
                if extra is None:
                    continue
                if hit.kind == VERB and (self._masdar_reading(i, hit) or self._counted(i)):
                    continue
                reason, support = self._noun_is_event(i, hit) if hit.kind == NOUN else ("verb", None)
                if not reason:
                    continue
                if not self.ontology.known(hit.pattern.cameo):
                    continue
                self.used.update(extra)
                self.events.append(self._event(i, hit, extra, reason, support))
                break
        self._score()
        return self.events

    def _score(self) -> None:
        """Score the sentence's events; a claim of fact learns whether another of its type stands beside it."""
        if not self.features:
            return
        factual = [e.plover.type for e in self.events if e.modality in FACTUAL]
        for ev, feats in zip(self.events, self.features):
            ptype = ev.plover.type
            if ev.modality in FACTUAL and factual.count(ptype) > 1:
                feats = with_several(feats, ptype)
            if self.model is not None:
                ev.evidence["score"] = round(self.model.score(feats, ptype), 4)
            if self.explain:
                ev.evidence["features"] = feats

    def _blocked(self, i: int) -> bool:
        lo = max(self.clause[i - self.first], i - BLOCK_WINDOW)
        norms = self.doc.tokens.norm
        if i < self.last and self.lex.cue("formula", norms[i + 1]):
            return True
        return any(self.lex.cue("block", norms[j]) for j in range(lo, i))

    def _companions(self, i: int, hit: Hit) -> list[int] | None:
        """Token indices of the pattern's required companion words, or None when one is missing or a
        word of a ``!`` group (one that must not stand there) is present."""
        found = []
        for groups, steps, window in ((hit.pattern.after, range(i + 1, self.last + 1), WINDOW_AFTER),
                                      (hit.pattern.before, range(i - 1, self.first - 1, -1), WINDOW_BEFORE)):
            for group in groups:
                unwanted = group.startswith("!")
                j = self._near(group[1:] if unwanted else group, steps,
                               UNWANTED_BEFORE if unwanted and steps.step < 0 else window)
                if unwanted and j is not None or not unwanted and j is None:
                    return None
                if j is not None:
                    found.append(j)
        return found

    def _near(self, group: str, steps: range, window: int) -> int | None:
        """The first token along ``steps`` whose word is of ``group``, within ``window`` words of the trigger;
        the words of one name count as one word (تبنى حزب العمال الكردستاني الأحد هجوماً), quotation marks as none."""
        norms, named, counted = self.doc.tokens.norm, self.named, 0
        for j in steps:
            if not (named[j] and named[j - steps.step]) and norms[j] not in QUOTES:
                counted += 1
            if counted > window:
                return None
            if self.lex.matches(group, norms[j]):
                return j
        return None

    def _masdar_reading(self, i: int, hit: Hit) -> bool:
        """قتل is "he killed" or "the killing of": when the same pattern also reads the word as a noun, the
        verb needs a verbal context before it (clause start, قد، الذي، أن، لم، ثم, a conjunction on the word)."""
        if not any(h.kind == NOUN and h.pattern is hit.pattern for h in self.hits[i]):
            return False
        norms = self.doc.tokens.norm
        if norms[i][:1] in "وف" or i == self.clause[i - self.first]:
            return False
        prev = norms[i - 1]
        nxt = norms[i + 1] if i < self.last else ""
        return not (self.lex.cue("verb_before", prev) or not prev.isalnum() or self.lex.cue("verb_after", nxt))

    def _counted(self, i: int) -> bool:
        """A word after a number is the counted noun, not a verb (700 طالب are students)."""
        if i == self.first:
            return False
        prev = self.doc.tokens.norm[i - 1]
        return prev.isdigit() or bool(self.lex.cue("numeral", prev))

    def _noun_is_event(self, i: int, hit: Hit) -> tuple[str, int | None]:
        """A verbal noun is an event when the text says it happened (اندلاع الاحتجاجات، شن هجوماً، تم اعتقال),
        when it opens a sentence as a report (اعتقال 41 عنصرا من داعش، قصف منزل قائد), when a time or cause word
        presupposes it (بعد معارك عنيفة), when a time or a count follows it (اجتماعها أمس), when a companion word
        makes the phrase specific (طلب لجوء), or, for ``agent`` patterns, when its author is named (الانتقادات
        من القادة الأوروبيين). A noun inside running text alone is a topic (قضية الاغتيال), not an event.
        Returns why it is an event (a feature of the score; "" when it is not) and the token of the word
        that says so, if any (evidence of the event beside its trigger)."""
        flags = hit.pattern.flags
        norms = self.doc.tokens.norm
        lo = max(self.first, i - SUPPORT_WINDOW)
        cue = self.lex.cue
        # a support verb says it happened; a planning or considering verb makes it a plan (تعتزم اعتقال)
        for j in range(i - 1, lo - 1, -1):
            if cue("support", norms[j]):
                return "support", j
        if any(cue("planned", norms[j]) or cue("considered", norms[j]) for j in range(lo, i)):
            return "plan", None
        if norms[i].startswith("ب"):
            for j in range(i - 1, max(self.clause[i - self.first], i - SUPPORT_B_WINDOW) - 1, -1):
                if cue("support_b", norms[j]):
                    return "support", j
        end = min(self._clause_end(i), i + SUPPORT_WINDOW)
        for j in range(i + 1, end + 1):
            if cue("support_after", norms[j]):
                return "support_after", j
        if "free" in flags:
            return "free", None
        if any(not g.startswith("!") for g in (*hit.pattern.after, *hit.pattern.before)):
            return "companion", None
        if self._opens_report(i):
            return "opening", None
        frame = self._frame(i)
        if frame is not None:
            return "frame", frame
        # a time (اجتماعها أمس) or a count of its victims (اعتقال 590 من عناصر) says the act took place
        end = min(self._clause_end(i), i + STATED_WINDOW)
        if any(j in self.dated for j in range(i + 1, end + 1)):
            return "dated", None
        if any(norms[j].isdigit() or cue("numeral", norms[j]) for j in range(i + 1, min(end, i + 2) + 1)):
            return "counted", None
        return ("agent" if "agent" in flags and self._agent(i) is not None else ""), None

    def _frame(self, i: int) -> int | None:
        """The time or cause word that presupposes the act of a verbal noun (بعد معارك عنيفة، جراء القصف،
        رداً على الهجوم, خلال زيارة له), if one governs it; not in a period (ما بعد الحرب). After خلال a definite
        noun is an act told before (خلال الاجتماع), not a new one."""
        norms, cue = self.doc.tokens.norm, self.lex.cue
        prev = i - 2 if norms[i - 1] in self.lex.prepositions else i - 1
        if prev < self.clause[i - self.first]:
            return None
        w = norms[prev]
        if cue("after_event", w) and prev > self.clause[i - self.first] and norms[prev - 1] in self.lex.period_heads:
            return None  # ما بعد الحرب is a period, not a time after a war
        if cue("after_event", w) or cue("cause", w) or (cue("during", w) and not norms[i].startswith(ARTICLE)):
            return prev
        return None

    def _opens_report(self, i: int) -> bool:
        """A headline or sentence that begins with a verbal noun and its complement is a nominal report of
        the event (اعتقال «41» عنصرا، تعليق صدور صحيفة), also after a dateline prefix (العراق : اعتقال).
        A sub-heading inside the article names a section's topic (تحذيرات من انهيار النظام), not an event."""
        if self.sid > 0 and self.doc.sentences[self.sid].heading:
            return False
        start = self.clause[i - self.first]
        if start != i or i >= self._clause_end(i):
            return False
        if start != self.first and (start - self.first > OPENING_PREFIX or self.doc.tokens.norm[start - 1] != ":"):
            return False
        return self.doc.tokens.norm[i + 1] not in CLAUSE_BREAKS

    def _condition_start(self, i: int, hit: Hit) -> int:
        """Where a condition governing trigger ``i`` may begin: its clause, or the clause before it when its
        clause is a condition's answer (فإن …، or فـ on the first word and the trigger in the future:
        فإيران ستنسحب)."""
        start = self.clause[i - self.first]
        if start - 2 < self.first:
            return start
        opener = self.doc.tokens.norm[start]
        if opener in self.lex.answers or (hit.future and opener.startswith("ف") and len(opener) > 3):
            return self.clause[start - 2 - self.first]  # the token before the break closes the clause before
        return start

    def _clause_end(self, i: int) -> int:
        start = self.clause[i - self.first]
        j = self.clause_ends.get(start)
        if j is None:  # a clause is a run of tokens with the same start; each trigger asks several times
            j = i
            while j < self.last and self.clause[j + 1 - self.first] == start:
                j += 1
            self.clause_ends[start] = j
        return j

    # -- the event ------------------------------------------------------------------------------
    def _event(self, i: int, hit: Hit, extra: list[int], reason: str, support: int | None = None) -> Event:
        doc, tokens = self.doc, self.doc.tokens
        if "not_actors" in hit.pattern.flags:  # its companion words are no source or target (عملية عسكرية)
            self.trigger_words, self.trimmed = frozenset([i, *extra]), {}
        in_role = self._arguments(i, hit)
        self.trigger_words = frozenset()
        # a town in a role's position (قصف عدن) tells the score where the act is, but is no actor of it
        source, target = (None if isinstance(a, Chunk) and a.place else a for a in in_role)
        span_first, span_last = min([i, *extra]), max([i, *extra])
        start, end = tokens[span_first].start, tokens[span_last].end
        trigger = Span(start, end, doc.text[start:end], (span_first, span_last + 1))
        time = self._time(i)
        place = self._place(i, in_role[0])
        reported_by = self.index.reported_by(tokens[i].sentence, tokens[i].start)
        mod, cue = modality(self.lex, tokens, i, self.clause[i - self.first], hit, time, doc.published, bool(reported_by),
                            self._condition_start(i, hit))
        cs, ce = self.clause[i - self.first], self._clause_end(i)
        contexts = tuple(hit.pattern.contexts) + tuple(
            c for j in range(cs, ce + 1) if (c := self.lex.cue("context", tokens.norm[j]))
        )
        src = _as_event_actor(doc, source)
        tgt = _as_event_actor(doc, target)
        code = hit.pattern.cameo
        src_actor = actor_of(source)
        if hit.pattern.gov_code and src_actor and ("GOV" in src_actor.sectors or not src_actor.sectors):
            code = hit.pattern.gov_code
        spans: dict[str, Any] = {"trigger": [trigger.start, trigger.end]}
        for name, ea in (("source", src), ("target", tgt)):
            if ea is not None and ea.start is not None:
                spans[name] = [ea.start, ea.end]
        if support is not None:
            spans["support"] = [tokens[support].start, tokens[support].end]
        if place and place.start is not None:
            spans["place"] = [place.start, place.end]
        if time:
            spans["time"] = [time.start, time.end]
        evidence: dict[str, Any] = {"rule": f"{hit.pattern.id}#{hit.item}", "spans": spans}
        if cue:
            evidence["modality_cue"] = cue
        ptype = self.ontology.plover(code).type
        if self.model is not None or self.explain:
            role_src, role_tgt = in_role
            has_source = "chunk" if isinstance(role_src, Chunk) else ("implied" if role_src is not None else "none")
            sectors = tuple(_sector(a) for a in in_role)
            self.features.append(features(self.lex, self.cues, tokens, i, self.first, self.last, cs, hit, ptype, reason,
                                          has_source, role_tgt is not None, sectors, time, place,
                                          doc.sentences[self.sid].heading))
        return Event(
            id="",
            trigger=trigger,
            cameo=self.ontology.cameo(code),
            plover=self.ontology.plover(code, tuple(dict.fromkeys(contexts))),
            source=src,
            target=tgt,
            place=place,
            time=time,
            modality=mod,
            attributions=reported_by,
            evidence=evidence,
            sentence=tokens[i].sentence,
            fatalities=counts(self.lex, tokens.norm, i, cs, ce, self.dated),
        )

    def _time(self, i: int) -> TimeSpan | None:
        cs, ce = self.clause[i - self.first], self._clause_end(i)
        inside = [(abs(ti - i), t) for ti, t in self.times if cs <= ti <= ce]
        if inside:
            return min(inside, key=lambda x: x[0])[1]
        earlier = [(i - ti, t) for ti, t in self.times if ti < i]  # a sentence governed by an earlier date
        return min(earlier, key=lambda x: x[0])[1] if earlier else None

    def _place(self, i: int, source: Any) -> EventPlace | None:
        """The place in the trigger's clause; else one in the sentence in the source's country, or before
        the trigger; else the article's most named place."""
        cs, ce = self.clause[i - self.first], self._clause_end(i)
        inside = [(abs(ti - i), ti < i, m) for ti, m in self.places if cs <= ti <= ce]
        if not inside:
            actor = actor_of(source)
            country = actor.country if actor else None
            inside = [(abs(ti - i), False, m) for ti, m in self.places if country and m.place.country == country]
            inside = inside or [(i - ti, False, m) for ti, m in self.places if ti < i]
        if inside:
            m = min(inside, key=lambda x: (x[0], x[1]))[2]
            return event_place(m.place, m.text, m.start, m.end, "stated")
        place = self.index.default_place
        return replace(place) if place else None


def _sector(arg: Any) -> str:
    actor = actor_of(arg)
    if actor is None:
        return "none"
    return actor.sectors[0] if actor.sectors else "unknown"


def _as_event_actor(doc: Document, arg: Any) -> Any:
    if arg is None:
        return None
    if isinstance(arg, Chunk):
        return args_.event_actor(doc, arg)
    if isinstance(arg, args_.Actor):
        return args_.EventActor(actor=arg)
    return arg  # an EventActor taken over from an earlier event
