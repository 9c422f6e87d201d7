"""The ``attribution`` stage: cues, sources, content, hedges and chains of every attributed statement.

A sentence is scanned once; only words whose normalised form is a cue key are looked at further.
- Reporting verbs (كشفت مصادر أن ...) need a complement after their source (أن/إن, a colon or a
  quotation), a preceding كما/حسبما, or a quotation just before them. Without one, only a few verbs
  report (أعلنت الشرطة مصرع ...، نفى ...), and an unnamed source (مصدر أمني) always does; otherwise the
  verb reports an event (أعلن الجيش عن ...), not a statement.
- Prepositional cues (وفق، بحسب، نقلاً عن ...) take the noun phrase after them as the source, unless it
  names a rule rather than a speaker (وفق القانون); the content is the rest of the sentence, or the part
  before the cue when the cue closes it.
- A verb with no subject (وأضاف أن) continues the last source; a back reference (التقرير، الصحيفة،
  المصدر نفسه) resolves to the last compatible source; the article's own voice (ويشار إلى أن) ends both.
- A cue inside another's content, or citing another (نقل X عن Y، X نقلاً عن Y), sets ``parent``: the chain.
- Cues inside a quotation belong to the quoted speaker and are not attributions of the article.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass
from itertools import chain

from isnad.attribution.clauses import (
    MIN_QUOTE,
    inside_quotes,
    object_after_comma,
    object_start,
    quote_before,
    subject_before,
)
from isnad.attribution.chains import continue_source, drop_quoted_cues, link_cited, nest, resolve_back_reference
from isnad.attribution.hedges import certainty, hedge_words
from isnad.attribution.lexicon import Lexicon
from isnad.attribution.sources import PUNCT, classify, closing_quote, description_end, source_end
from isnad.document import Attribution, Document, Span
from isnad.gazetteer.outlets import Outlet
from isnad.resolve.actors import outlet_id
from isnad.resources import Resources
from isnad.text.offsets import after_letters, token_at

SCOPE_SENTENCES = 4  # how far back a subject-less verb looks for the source it continues
COMPLEMENT_WINDOW = 14  # words between a source and its أن/إن
CITE_WINDOW = 4  # words between a citing source and the عن that names the cited one
PREP_OBJECT_WINDOW = 5  # words between a source and the preposition of what it reports (أمس الأحد، في بيان)
# a verb after these is subjunctive or negated (يود أن يؤكد، لم يكشف): it reports no statement
TOLD_BETWEEN = frozenset({"،", ",", ":"})


@dataclass(slots=True)
class Found:
    """An attribution under construction: word indices in its sentence; content in document words."""

    cue: tuple[int, int]
    role: str | None
    source: tuple[int, int] | None
    description: tuple[int, int] | None
    content: tuple[int, int] | None
    quote: bool = False
    prep: bool = False
    source_skip: int = 0  # letters of an attached particle before the source (لمصادر)
    parent: int | None = None  # index into the sentence's found list


class Attributions:
    """The attribution stage: who is credited with each claim (a reporting cue, its source, the content
    it covers, hedges and the chain of sources behind it)."""
    name = "attribution"
    requires: tuple[str, ...] = ("tokens", "mentions")
    assigns: tuple[str, ...] = ("attributions",)

    def __init__(self, resources: Resources | None = None) -> None:
        self.lex: Lexicon = (resources or Resources()).attribution
        self.keys = self.lex.cue_keys
        self.preps = sorted(self.lex.prepositional.items(), key=lambda kv: -len(kv[0]))

    def __call__(self, doc: Document) -> Document:
        tokens = doc.tokens
        words = tokens.norm  # read only
        bounds = [sent.tokens for sent in doc.sentences]
        labels, outlet_ids = _mention_labels(doc, tokens)
        mention_starts = [m.start for m in doc.mentions]  # mentions come in text order
        out: list[Attribution] = []
        last: tuple[int, Attribution] | None = None  # (sentence, attribution) a later verb may continue
        for s, (a, b) in enumerate(bounds):
            if a == b or self.keys.isdisjoint(words[a:b]):
                continue
            if any(w in self.lex.article_voice for w in words[a : min(b, a + 2)]):
                last = None  # the article's own voice ends the previous source's scope
            made: list[Attribution] = []
            for f in self._sentence(words[a:b], a, words, bounds, s, labels[a:b]):
                att = self._build(doc, f, a, words, labels, outlet_ids, mention_starts, len(out) + len(made) + 1)
                if f.parent is not None:
                    att.parent = made[f.parent].id
                if att.source is None and f.role not in ("impersonal", "cited"):
                    if last is not None and s - last[0] <= SCOPE_SENTENCES:
                        continue_source(att, last[1])
                elif att.refers_to == "?":
                    resolve_back_reference(att, chain(reversed(made), reversed(out)), self.lex)
                made.append(att)
            out.extend(made)
            if made:
                last = (s, made[-1])
        out = drop_quoted_cues(out)
        nest(out)
        doc.attributions = out
        return doc

    # -- one sentence ---------------------------------------------------------------------------------
    def _sentence(self, sw: list[str], a: int, words, bounds, s: int, labels) -> list[Found]:
        lex = self.lex
        found: list[Found] = []
        quoted = inside_quotes(sw)
        j = 0
        while j < len(sw):
            w = sw[j]
            if w not in self.keys or quoted[j]:
                j += 1
                continue
            prep = self._prep_at(sw, j)
            if prep is not None:
                f, j = prep
                if f is not None:
                    self._prep_content(f, sw, a)
                    found.append(f)
                continue
            if w in lex.verbs or w in lex.impersonal:
                made = self._verb(sw, j, a, words, bounds, s, labels)
                if made:
                    if len(made) > 1:
                        made[1].parent = len(found)
                    found.extend(made)
                    j = max(j + 1, max(f.source[1] if f.source else j + 1 for f in made))
                    continue
            j += 1
        link_cited(found)
        return found

    def _prep_at(self, sw: list[str], j: int) -> tuple[Found | None, int] | None:
        """A prepositional cue starting at ``j``: (the attribution or None for كما/حسبما, next index)."""
        for cue_words, (after, then) in self.preps:
            first = sw[j]
            if first != cue_words[0] and first[1:] != cue_words[0]:
                continue
            if tuple(sw[j + 1 : j + len(cue_words)]) != cue_words[1:]:
                continue
            end = j + len(cue_words)
            if not after:
                return None, end  # كما/حسبما: the verb that follows is the cue
            skip = 0
            if then and end < len(sw):
                if sw[end] == then:
                    end += 1
                elif sw[end].startswith(then) and len(sw[end]) > len(then) + 1:
                    skip = len(then)
            if end >= len(sw) or sw[end] in PUNCT:
                return None, end
            src_words = list(sw)
            src_words[end] = sw[end][skip:]
            head = src_words[end]
            if head in self.lex.not_sources or head.startswith("ال") and head[2:] in self.lex.not_sources:
                return None, end  # وفق القانون: a rule, not a speaker
            s_end = source_end(src_words, end, self.lex)
            if s_end == end:
                return None, end
            d_end = description_end(sw, s_end, self.lex)
            f = Found((j, j + len(cue_words)), None, (end, s_end), (s_end, d_end) if d_end > s_end else None,
                      None, prep=True, source_skip=skip)
            return f, d_end
        return None

    def _prep_content(self, f: Found, sw: list[str], a: int) -> None:
        after = f.description[1] if f.description else f.source[1]
        rest = [i for i in range(after, len(sw)) if sw[i] not in PUNCT and sw[i] != '"']
        if len(rest) >= 3:
            f.content = (a + rest[0], a + _trim_end(sw, len(sw)))
        else:
            end = _trim_end(sw, f.cue[0])
            f.content = (a, a + end) if end > 0 else None

    def _verb(self, sw: list[str], j: int, a: int, words, bounds, s: int, labels) -> list[Found]:
        lex = self.lex
        w = sw[j]
        role = lex.verbs.get(w)
        n = len(sw)
        if j > 0 and sw[j - 1] in lex.not_a_statement:
            return []
        k = j + 1
        source = description = None
        relative = k < n and sw[k] in lex.relative_objects
        if relative:
            k += 1
        elif k < n and sw[k] not in lex.complements and sw[k] not in lex.complement_lead and sw[k] not in PUNCT:
            s_end = source_end(sw, k, lex)
            if s_end > k:
                source = (k, s_end)
                d_end = description_end(sw, s_end, lex)
                description = (s_end, d_end) if d_end > s_end else None
                k = d_end
        if role is None and source is not None:
            return []  # an impersonal form takes no subject
        cited = self._cited(sw, k) if role == "cite" and source else None
        if cited is not None:
            k = cited.source[1]
        elif k < n and sw[k] in lex.prep_first:
            prep = self._prep_at(sw, k)  # واضافت الوكالة نقلاً عن مصادر ...: look past the cited source
            if prep is not None and prep[0] is not None:
                k = prep[1]
        comp = self._complement(sw, k)
        pre = j > 0 and sw[j - 1] in lex.pre_markers or j > 1 and tuple(sw[j - 2 : j]) in (("بحسب", "ما"), ("وفق", "ما"))
        quoted_before = quote_before(sw, j)
        if comp is not None:
            content, quote = self._content_after(sw, comp, a, words, bounds, s)
        elif quoted_before is not None:
            content, quote = (a + quoted_before[0], a + quoted_before[1]), True
        elif pre and (source is not None or k < n and sw[k] in PUNCT):
            end = _trim_end(sw, j - 1 if sw[j - 1] in lex.pre_markers else j - 2)
            content, quote = ((a, a + end) if end > 0 else None), False
        elif (
            source is not None
            and (sw[source[0]] in lex.anonymous_heads or w in lex.object_verbs)
            and role != "continue"
            and (object_start(sw, source, labels, lex) < source[1] or object_after_comma(sw, source, lex))
        ):
            # أعلن مصدر أمني مقتل ...، أعلنت الشرطة مصرع ...: the run of words holds subject and object;
            # an object after a preposition (أعلن الجيش عن ...) is an act announced, not a statement
            source = (source[0], object_start(sw, source, labels, lex))
            description = None
            start = source[1] + 1 if source[1] < n and sw[source[1]] in ("،", ",") else source[1]
            content, quote = (a + start, a + _trim_end(sw, len(sw))), False
            if content[1] - content[0] < 2:
                return []
        elif (role is not None and (source is not None or not any(x in lex.prep_first for x in sw[:j]))
              and (p := self._prep_object(sw, w, k)) is not None):
            # without a subject, not after وفق/بحسب: that names the report the verb goes on telling (ووفق
            # تقرير نشرته صحيفة ...، فكشفت عن هوية الدبلوماسي)
            content, quote = (a + p, a + _trim_end(sw, len(sw))), False  # أفادت مصادر يمنية أمس بمقتل ثمانية
        elif source is None and role == "deny" and k < n and sw[k] not in PUNCT:
            content, quote = (a + k, a + _trim_end(sw, len(sw))), False  # ونفى أيضاً جرائم ...
        else:
            return []
        if source is None and role is None and comp != k:
            return []
        if source is None and role is not None and not relative:
            source = subject_before(sw, j, lex)
        made = [Found((j, j + 1), role if role else "impersonal", source, description, content, quote)]
        if cited is not None:
            cited.content = content
            made.append(cited)
        return made

    def _prep_object(self, sw: list[str], verb: str, k: int) -> int | None:
        """Where the noun a verb reports through its preposition begins (أشار إلى عودة، حذر من انهيار، أفادت
        بمقتل), right after its source or after a time, a place or a comma; None otherwise, and for a
        complement (أشار إلى أن), whose clause is read elsewhere."""
        preps = self.lex.verb_preps.get(verb)
        if not preps:
            return None
        for i in range(k, min(len(sw) - 1, k + PREP_OBJECT_WINDOW)):
            w = sw[i]
            # ب is joined to its noun: not a word that begins with it (في بيان، بعد) nor one after a preposition
            if w in preps or ("ب" in preps and w.startswith("ب") and len(w) > 3 and w not in self.lex.source_stops
                              and sw[i - 1] not in self.lex.np_prepositions and sw[i - 1] not in self.lex.complement_lead):
                nxt = sw[i + 1] if w in preps else w
                if nxt in self.lex.complements or nxt in PUNCT:
                    return None  # أشار إلى أن: the complement's clause, read elsewhere
                return i
            # only a time, a place or a comma stands between (أمس الأحد، في بيان،): not an object (شدد الخناق على)
            if not (w in self.lex.source_stops or w in TOLD_BETWEEN or sw[i - 1] in self.lex.np_prepositions):
                return None
        return None

    def _cited(self, sw: list[str], k: int) -> Found | None:
        """نقلت وكالة رويترز عن الشرطة ...: the source cited after عن."""
        for i in range(k, min(len(sw), k + CITE_WINDOW)):
            if sw[i] == "عن" and i + 1 < len(sw):
                end = source_end(sw, i + 1, self.lex)
                if end > i + 1:
                    return Found((i, i + 1), "cited", (i + 1, end), None, None)
            if sw[i] in PUNCT or sw[i] in self.lex.complements:
                return None
        return None

    def _complement(self, sw: list[str], k: int) -> int | None:
        lex = self.lex
        for i in range(k, min(len(sw), k + COMPLEMENT_WINDOW)):
            w = sw[i]
            if w in (":", '"', "'"):
                # a colon or quotation opens the words only right after the source (or قال لرويترز:)
                if all(x in TOLD_BETWEEN or x[:1] == "ل" for x in sw[k:i]) and i - k <= 2:
                    return i
                continue
            if w in lex.complements:
                return i
            if w in lex.complement_lead and i + 1 < len(sw) and sw[i + 1] in lex.complements:
                return i + 1
            if w in (".", "؟", "!") or w in lex.verbs or w in lex.prep_first and self._prep_at(sw, i) is not None:
                return None
        return None

    def _content_after(self, sw, comp: int, a: int, words, bounds, s: int) -> tuple[tuple[int, int], bool]:
        """The clause from the complement to the sentence end, or the quotation that opens there."""
        q = comp if sw[comp] == '"' else comp + 1 if comp + 1 < len(sw) and sw[comp + 1] == '"' else None
        if q is not None:
            g = a + q
            last = bounds[min(len(bounds) - 1, s + SCOPE_SENTENCES)][1]
            close = closing_quote(words, g, last - g)
            if close is not None and close - g - 1 >= MIN_QUOTE:
                return (g + 1, close), True
        start = comp + 1 if sw[comp] in (":", '"', "'") else comp
        return (a + start, a + max(start + 1, _trim_end(sw, len(sw)))), False

    # -- from words to an Attribution ----------------------------------------------------------------
    def _build(self, doc: Document, f: Found, a: int, words, labels, outlet_ids, mention_starts: list[int],
               number: int) -> Attribution:
        toks = doc.tokens
        c0, c1 = a + f.cue[0], a + f.cue[1]
        cue = Span(toks[c0].start, toks[c1 - 1].end, doc.text[toks[c0].start : toks[c1 - 1].end], (c0, c1))
        source = None
        source_type, outlet, description, mention, refers = "anonymous", None, None, None, None
        if f.source:
            s0, s1 = a + f.source[0], a + f.source[1]
            start = after_letters(doc, toks[s0], f.source_skip)
            source = Span(start, toks[s1 - 1].end, doc.text[start : toks[s1 - 1].end], (s0, s1))
            src_words = list(words[s0:s1])
            src_words[0] = src_words[0][f.source_skip :]
            typed = classify(src_words, self.lex, labels[s0:s1], outlet_ids[s0:s1])
            source_type = typed.type
            if typed.outlet is not None:
                outlet = typed.outlet.id
            elif typed.type == "named_outlet" and typed.back_reference is None:
                outlet = next((o for o in outlet_ids[s0:s1] if o), None) or self._unknown(src_words).id
            mention = _first_mention_within(doc, mention_starts, source.start, source.end)
            refers = "?" if typed.back_reference else None
        if f.description:
            d0, d1 = a + f.description[0], a + f.description[1]
            description = doc.text[toks[d0].start : toks[d1 - 1].end]
        content = None
        hedges: list[Span] = []
        c0, c1 = f.content or (0, 0)
        c1 = min(c1, len(toks))  # a quotation opened on the last token («قال«») has no words after it
        if c1 > c0:
            content = Span(toks[c0].start, toks[c1 - 1].end, doc.text[toks[c0].start : toks[c1 - 1].end], (c0, c1))
            for h0, h1 in hedge_words(words[c0:c1], self.lex):
                hedges.append(doc.span(toks[c0 + h0].start, toks[c0 + h1 - 1].end))
        att = Attribution(id=f"a{number}", cue=cue, source=source, source_type=source_type, content=content,
                          source_mention=mention, description=description, outlet=outlet, hedges=hedges,
                          refers_to=refers, quote=f.quote)
        att.certainty = certainty(f.role, bool(hedges))
        return att

    def _unknown(self, src_words: list[str]) -> Outlet:
        """The outlet a source names that the registry does not know, from its media word on."""
        registry = self.lex.outlets
        for i, w in enumerate(src_words):
            if w in registry.media_set and i + 1 < len(src_words):
                return registry.unknown(" ".join(x for x in src_words[i:] if x != '"'))
        return registry.unknown(" ".join(src_words))


# -- helpers ------------------------------------------------------------------------------------------
class TokenMarks:
    """Per token, the first value given to a range covering it (a mention's label, its outlet id), read by
    slices as a list (``None`` where none was given). Kept as two bytes a token: a long text's list of
    values would cost eight."""

    __slots__ = ("codes", "index", "values")

    def __init__(self, size: int) -> None:
        self.codes = array("H", bytes(2 * size))
        self.values: list[str | None] = [None]  # code -> value
        self.index: dict[str, int] = {}  # value -> code

    def mark(self, first: int, end: int, value: str | None) -> None:
        """Gives ``value`` to the tokens ``[first, end)`` that have none yet (``None`` marks nothing)."""
        if value is None:
            return
        code = self.index.get(value)
        if code is None:
            code = self.index[value] = len(self.values)
            self.values.append(value)
        codes = self.codes
        for i in range(first, end):
            if not codes[i]:
                codes[i] = code

    def __getitem__(self, part: slice) -> list[str | None]:
        return list(map(self.values.__getitem__, self.codes[part]))


def _mention_labels(doc: Document, tokens) -> tuple[TokenMarks, TokenMarks]:
    """Per token: the label of a mention covering it, and the outlet id an ORG mention carries."""
    labels, outlets = TokenMarks(len(tokens)), TokenMarks(len(tokens))
    for m in doc.mentions:
        # a mention may start inside its first token (لوكالة → وكالة): the token is still its own
        first, end = m.tokens or (token_at(tokens, m.start), token_at(tokens, max(m.start, m.end - 1)) + 1)
        labels.mark(first, end, m.label)
        outlets.mark(first, end, outlet_id(m.actor.id if m.actor else None))
    return labels, outlets


def _trim_end(sw: list[str], end: int) -> int:
    """``end`` moved back over closing punctuation (the sentence's full stop is not content)."""
    while end > 0 and sw[end - 1] in PUNCT:
        end -= 1
    return end


def _first_mention_within(doc: Document, starts: list[int], start: int, end: int) -> int | None:
    """Index of the first mention lying inside ``[start, end)``."""
    for i in range(bisect_left(starts, start), len(starts)):
        m = doc.mentions[i]
        if m.start >= end:
            return None
        if m.end <= end:
            return i
    return None
