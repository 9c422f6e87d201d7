"""Who fills the roles of a trigger: the source and target of an event from the actor phrases of its clause.

The subject of a verb (after it, VSO; or right before it, SVO: البحرين تحتج), the genitive agent of a verbal
noun (اعتقال الشرطة), its object and the actor behind the preposition a pattern names (``tgt:على``), and
the actors a pattern implies (the protesters, their government).
"""
from __future__ import annotations

from typing import Any

from isnad.events import arguments as args_
from isnad.events.arguments import Chunk
from isnad.events.patterns import NOUN, VERB, Hit
from isnad.text.clitics import SUFFIXES


OBJECT_PRONOUNS = tuple(s for s in SUFFIXES if s[0] == "ه")  # a verb ending so may carry its object (وقعته)


class Roles:
    """The argument rules of a sentence being coded (:class:`isnad.events.coder._Sentence`): they read its
    clauses (``clause``, ``_clause_end``), its actor phrases (``actors_for``), its countries and the events
    already found in it."""

    def _agent(self, i: int) -> Chunk | None:
        """The actor right after a verbal noun (its genitive) or after من."""
        end = min(self._clause_end(i), i + args_.GENITIVE_WINDOW)
        for c in self.actors_for(i):
            if i < c.first <= end and c.prep in (None, "من"):
                return c
        return None

    def _role(self, i: int, hit: Hit, spec: str, source: Chunk | None) -> tuple[Chunk | None, Any]:
        """The chunk (or an implied actor) that fills one argument spec such as ``src:subj`` or ``tgt:على``."""
        cs, ce = self.clause[i - self.first], self._clause_end(i)
        what = spec.split(":", 1)[1]
        free = [c for c in self.actors_for(i) if c is not source]
        if what == "subj":
            before = [c for c in free if cs <= c.first and c.last < i and c.prep is None]
            if before and self._fronted(before[-1], i, cs):
                return before[-1], None
            antecedent = self._antecedent(i, free)
            if antecedent is not None:
                return antecedent, None
            if before and hit.kind == NOUN:
                # a verbal noun's clause has its subject before it (بعث الملك برقية تهنئة للرئيس): the actors after
                # it are its genitive or object, looked for already
                return before[-1], None
            after = [c for c in free if i < c.first <= i + args_.SUBJECT_WINDOW and c.first <= ce and c.prep is None
                     and not self._inside_phrase(i, c)]
            if after:
                return after[0], None
            if before:
                return before[-1], None
            speaker = self._speaker(i)
            if speaker is not None:
                return speaker, None
            prev = next((e for e in reversed(self.events) if e.source and e.source.actor), None)
            if prev is not None and prev.trigger.start < self.doc.tokens[i].start:
                return None, prev.source
            return None, None
        if what == "gen":
            if hit.kind == NOUN and self.lex.has_pronoun(self.doc.tokens.norm[i]):
                return None, None  # قدم تعازيه إلى أسرة بن لادن: the pronoun is the genitive
            # the first actor after the noun, unless a preposition puts it in a phrase of its own (تهنئة للرئيس …)
            c = next((c for c in free if i < c.first <= min(ce, i + args_.GENITIVE_WINDOW)), None)
            return (c if c is not None and c.prep is None else None), None
        if what == "with":
            # the actor right after the companion words (a not_actors pattern): who holds what fell «في أيدي الأكراد»
            last = max(self.trigger_words, default=i)
            return next((c for c in free if last < c.first <= min(ce, last + args_.GENITIVE_WINDOW)), None), None
        if what == "obj":
            return next((c for c in free if i < c.first <= ce and c.prep is None), None), None
        if what == "ctx_people":
            country = args_.nearest_country(self.countries, i) or self.fallback_country
            return None, args_.Actor(en="protesters", country=country, sectors=["CVL"],
                                     code=(country or "") + "CVL", evidence="implied")
        if what == "self_gov":
            actor = actor_of(source)
            return None, args_.government(actor.country if actor else None)
        if what == "src_gov":
            actor = actor_of(source)
            return None, args_.government(actor.country if actor else None)
        if what == "ctx_gov":
            actor = actor_of(source)
            avoid = actor.country if actor else None
            return None, args_.government(args_.nearest_country(self.countries, i, avoid=avoid))
        prep = what  # a preposition: the first actor after the trigger that stands behind it
        return next((c for c in free if i < c.first <= ce and c.prep == prep), None), None

    def _fronted(self, c: Chunk, i: int, cs: int) -> bool:
        """A subject told before its verb (SVO: البحرين تحتج، فإن الولايات المتحدة ستهاجم): the phrase ends right
        before the verb and opens its clause or follows a complementiser."""
        if c.last != i - 1:
            return False
        return c.first == cs or bool(self.lex.cue("complementiser", self.doc.tokens.norm[c.first - 1]))

    def _antecedent(self, i: int, free: list[Chunk]) -> Chunk | None:
        """The actor a relative pronoun right before the verb refers to (قوات الأمن التي اعتقلت عشرات الطلاب):
        its subject, unless the verb carries the pronoun of its object (الاتفاق الذي وقعته الحكومة), whose
        subject follows it."""
        norms = self.doc.tokens.norm
        if norms[i].endswith(OBJECT_PRONOUNS):
            return None
        j = self._before_particle(i)
        if j <= self.first or norms[j] not in self.lex.relatives:
            return None
        return next((c for c in free if c.last == j - 1), None)

    def _before_particle(self, i: int) -> int:
        """The token before verb ``i``, or before the particle in front of it (قد، لم، لن، لا)."""
        j = i - 1
        return j - 1 if j > self.first and self.doc.tokens.norm[j] in self.lex.particles else j

    def _speaker(self, i: int) -> Chunk | None:
        """The source a clause is reported from, when a pronoun after أنّ/إنّ is its verb's subject (وذكرت الشرطة
        أنها اعتقلت 60 شخصا): the speaker's phrase in this sentence (kept out of the roles of what it reports
        otherwise, see ``actors_for``)."""
        tokens = self.doc.tokens
        j = self._before_particle(i)
        if j < self.first or tokens.norm[j] not in self.lex.told_subjects:
            return None
        at = tokens.start[i]
        for a in self.index.reported.get(self.sid, ()):
            if a.source is not None and a.content is not None and a.content.start <= at < a.content.end:
                return next((c for c in self.chunks if c.start <= a.source.start < c.end and c.last < j), None)
        return None

    def _inside_phrase(self, i: int, c: Chunk) -> bool:
        """An actor after a preposition between it and the verb belongs to that phrase (تحتج على تصريحات علي
        خامنئي: خامنئي is not who protests); بين names the parties themselves (أبرمت بين X و Y)."""
        norms = self.doc.tokens.norm
        return any(norms[j] in self.lex.prepositions and norms[j] != "بين" for j in range(i + 1, c.first))

    def _arguments(self, i: int, hit: Hit) -> tuple[Any, Any]:
        specs = hit.pattern.args or (("src:subj", "tgt:obj") if hit.kind == VERB else ("src:gen", "src:من", "tgt:obj"))
        source: Any = None
        for spec in (s for s in specs if s.startswith("src:")):
            if spec == "src:subj" and hit.kind == NOUN:
                spec = "src:gen"
            chunk, implied = self._role(i, hit, spec, None)
            if chunk or implied:
                source = chunk or implied
                break
        undergoes: Any = None
        if source is None and hit.kind == NOUN:  # the subject of the clause the noun stands in
            chunk, implied = self._role(i, hit, "src:subj", None)
            actor = actor_of(chunk)
            if "subject_undergoes" in hit.pattern.flags and actor is not None and not actor.sectors:
                undergoes = chunk  # a state (إيران تسعى ... بعد رفع العقوبات) is relieved; an official still acts
            else:
                source = chunk or implied
        target: Any = None
        for spec in (s for s in specs if s.startswith("tgt:")):
            chunk, implied = self._role(i, hit, spec, source)
            if chunk or implied:
                target = chunk or implied
                break
        return source, target or undergoes


def actor_of(arg: Any) -> args_.Actor | None:
    """The Actor of a chunk, an implied actor or an earlier event's actor."""
    if arg is None or isinstance(arg, args_.Actor):
        return arg
    return getattr(arg, "actor", None)
