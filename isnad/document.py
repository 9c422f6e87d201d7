"""The data model: one Document flows through every stage and carries everything found in it.

All spans are character offsets ``[start, end)`` into ``Document.text`` as received (after decoding),
never into the normalised copy used for matching. Spans that stages find also carry their token range
``tokens = [first, end)`` (indices into ``Document.tokens``), so later stages need not search for them.

Schema 2 (this version) added the token ranges, ``EventPlace.origin`` and ``Grade``; schema-1 JSON is
still read.
"""
from __future__ import annotations

import hashlib
import json
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from functools import cache, partial
from typing import Any, overload

SCHEMA_VERSION = 2
WORKING = {"working": True}  # field metadata: stage working data, never serialised


@dataclass(slots=True)
class Span:
    """A piece of the original text."""

    start: int
    end: int
    text: str
    tokens: tuple[int, int] | None = None  # [first, end) token indices, when a stage knows them


@dataclass(slots=True)
class Sentence:
    """A sentence, or a heading line, of the original text, with its token range."""

    start: int
    end: int
    heading: bool = False  # a headline or sub-heading line, not running text
    tokens: tuple[int, int] = (0, 0)  # [first, end) token indices


@dataclass(slots=True)
class Token:
    """A word or punctuation mark; ``norm`` is its normalised form, ``key`` its clitic-free look-up form,
    ``nstart`` its start in the normalised text (so that a letter inside it maps back to the original)."""

    start: int
    end: int
    norm: str
    key: str
    sentence: int
    nstart: int = 0


class Tokens(Sequence[Token]):
    """A document's tokens, stored by column: four arrays of machine integers and two lists of strings
    (one string per distinct word), some 30 bytes a token where a :class:`Token` object costs 200.

    Indexing gives :class:`Token` objects, made on demand; loops over many tokens read the columns
    (``tokens.norm[i]``, ``tokens.start[i]``) and make none. Offsets are 32-bit: a text is far shorter
    than 2**31 characters.
    """

    __slots__ = ("start", "end", "norm", "key", "sentence", "nstart")

    def __init__(self) -> None:
        self.start, self.end, self.sentence, self.nstart = array("i"), array("i"), array("i"), array("i")
        self.norm: list[str] = []
        self.key: list[str] = []

    def append(self, start: int, end: int, norm: str, key: str, sentence: int, nstart: int) -> None:
        """Adds a token at the end: one value to each column."""
        self.start.append(start)
        self.end.append(end)
        self.norm.append(norm)
        self.key.append(key)
        self.sentence.append(sentence)
        self.nstart.append(nstart)

    def __len__(self) -> int:
        return len(self.norm)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            columns = (self.start[i], self.end[i], self.norm[i], self.key[i], self.sentence[i], self.nstart[i])
            return list(map(Token, *columns))
        return Token(self.start[i], self.end[i], self.norm[i], self.key[i], self.sentence[i], self.nstart[i])

    def __iter__(self) -> Iterator[Token]:
        return map(Token, self.start, self.end, self.norm, self.key, self.sentence, self.nstart)


@dataclass(slots=True)
class Actor:
    """Who a mention names as an actor: Arabic and English names, country, sectors and CAMEO-style code."""

    ar: str | None = None
    en: str | None = None
    country: str | None = None  # ISO 3166 alpha-3, or a region code such as EUR
    sectors: list[str] = field(default_factory=list)  # GOV, MIL, OPP, MED, ...
    code: str | None = None  # CAMEO-style actor code, e.g. IRNGOV
    id: str | None = None  # stable identifier in the project's gazetteers
    evidence: str | None = None  # the dictionary entry or rule that gave the code


@dataclass(slots=True)
class Place:
    """A place a mention names: names, kind, country, province and coordinates, as the gazetteer has them."""

    ar: str | None = None
    en: str | None = None
    kind: str | None = None  # country, adm1, city, region, site
    country: str | None = None
    adm1: str | None = None  # the province (first-level division) of a city, in English (GeoNames)
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: str | None = None  # city, region, country


@dataclass(slots=True)
class Mention:
    """A name in the text (a person, body, place, nationality, role), its label, the recogniser that found it
    and, once resolved, its actor or place."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, GPE, NORP, ROLE, MISC
    source: str = "gazetteer"  # the recogniser that found it: gazetteer, rule, crf, ...
    actor: Actor | None = None
    place: Place | None = None
    score: float | None = None
    tokens: tuple[int, int] | None = None  # [first, end) token indices
    # gazetteer entries matched; a tuple by default, so that a mention without any costs no list of its own
    refs: Sequence[Any] = field(default=(), repr=False, metadata=WORKING)


@dataclass(slots=True)
class TimeSpan:
    """A time expression (أمس، 15 يناير 2026) and the dates it covers, both ends inclusive.

    The interval is None when the expression is relative and the article has no date (``anchor`` is then
    "unresolved").
    """

    start: int
    end: int
    text: str
    interval_start: str | None = None  # ISO date, inclusive
    interval_end: str | None = None  # ISO date, inclusive
    granularity: str | None = None  # day, week, month, year, vague
    vague: bool = False
    anchor: str | None = None  # the date it was resolved against, or "unresolved"
    rule: str | None = None
    tokens: tuple[int, int] | None = None  # [first, end) token indices


@dataclass(slots=True)
class Attribution:
    """According to whom a claim is made: the reporting cue (قال، أفادت), the words naming the source and its
    type, the content credited to it and how certain the text presents it."""

    id: str
    cue: Span
    source: Span | None  # the words naming the source, if any
    source_type: str  # named_person, named_outlet, named_institution, report, qualified_anonymous, anonymous
    content: Span | None = None  # the clause or sentences the source is credited with
    source_mention: int | None = None  # index into Document.mentions
    description: str | None = None  # what the text says about the source (e.g. an outlet's stance)
    outlet: str | None = None  # registry id when the source is a known outlet
    hedges: list[Span] = field(default_factory=list)
    parent: str | None = None  # id of the attribution this one rests on (chain)
    refers_to: str | None = None  # id of an earlier attribution this source refers back to
    quote: bool = False
    certainty: str | None = None  # asserted, hedged, alleged, denied: how the content is presented


@dataclass(slots=True)
class EventActor:
    """An event's source or target: the words naming it and the actor they resolve to."""

    text: str | None = None
    start: int | None = None
    end: int | None = None
    actor: Actor | None = None
    mention: int | None = None  # index into Document.mentions


@dataclass(slots=True)
class Cameo:
    """An event's CAMEO code, its label, Goldstein score (-10 to +10) and quad class (1 to 4)."""

    code: str
    label: str
    goldstein: float
    quad_class: int


@dataclass(slots=True)
class Plover:
    """An event's PLOVER coding: type, mode and contexts."""

    type: str | None  # None for statements (CAMEO 01) and codes without a PLOVER type
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EventPlace(Place):
    """Where an event happened: the place, the words that name it, and how it was chosen."""

    text: str | None = None
    start: int | None = None
    end: int | None = None
    origin: str = "stated"  # stated (in the event's sentence), article (another sentence), inferred (most named)


@dataclass(slots=True)
class Grade:
    """The Admiralty grade: source reliability A–F and information credibility 1–6, with why."""

    source_reliability: str
    information_credibility: int
    reasons: list[str] = field(default_factory=list)
    inputs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Event:
    """One coded event: its trigger, CAMEO and PLOVER codes, source, target, place, time and modality, the
    attributions it rests on and its credibility grade."""

    id: str
    trigger: Span
    cameo: Cameo
    plover: Plover
    source: EventActor | None = None
    target: EventActor | None = None
    place: EventPlace | None = None
    time: TimeSpan | None = None
    modality: str = "asserted"
    attributions: list[str] = field(default_factory=list)  # Attribution ids
    credibility: Grade | None = None
    evidence: dict[str, Any] = field(default_factory=dict)  # rule and the spans it used
    sentence: int | None = None
    fatalities: dict[str, int] | None = None  # killed, injured, arrested: the numbers its clause states


@dataclass(slots=True)
class Document:
    """An article and everything the stages found in it; ``norm``, ``offsets`` and ``tokens`` are the stages'
    working data, never serialised."""

    text: str
    id: str = ""  # the caller's id when given, else the text hash
    hash: str = ""  # hash of the normalised text: the identity used to find duplicates
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date
    language: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # input metadata kept as given (e.g. the caller's id)
    pipeline: str | None = None  # version of the pipeline that analysed it
    # Working data of the stages; not serialised.
    norm: str = field(default="", repr=False)
    offsets: Any = field(default=None, repr=False)  # isnad.text.normalise.OffsetMap
    tokens: Sequence[Token] = field(default_factory=Tokens, repr=False)  # a Tokens once segmented

    def span(self, start: int, end: int) -> Span:
        """The span ``[start, end)`` of the original text, with its text (no token range)."""
        return Span(start, end, self.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        """The document as JSON-ready data with its ``schema`` version, the working data left out."""
        out: dict[str, Any] = {"schema": SCHEMA_VERSION}
        for f in fields(self):
            if f.name in _WORKING:
                continue
            value = getattr(self, f.name)
            out[f.name] = plain(value)
        return out

    def to_json(self, indent: int | None = None) -> str:
        """The document's JSON (:meth:`to_dict`), Arabic written as it is, not escaped."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def json_chunks(self, indent: int | None = None) -> Iterator[str]:
        """:meth:`to_json` a piece at a time: the lists (sentences, mentions, ...) are converted and encoded an
        item at a time, so that a long article's JSON is never held whole (it is ten times its text)."""
        dumps = partial(json.dumps, ensure_ascii=False, indent=indent)
        # a nested value is encoded on its own, then indented to its depth (JSON strings hold no raw newline)
        outer = "\n" + " " * indent if indent is not None else ""
        inner = outer + " " * indent if indent is not None else ""
        between, within = ("," + outer, "," + inner) if indent is not None else (", ", ", ")
        yield "{" + outer + '"schema": ' + str(SCHEMA_VERSION)
        for f in fields(self):
            if f.name in _WORKING:
                continue
            value = getattr(self, f.name)
            yield between + dumps(f.name) + ": "
            if isinstance(value, list) and value:
                yield "[" + inner
                for i, item in enumerate(value):
                    yield (within if i else "") + dumps(plain(item)).replace("\n", inner)
                yield outer + "]"
            elif isinstance(value, str) and len(value) > STRING_PIECE:
                # JSON escapes character by character: the pieces' escapes, joined, are the whole one's
                yield '"'
                for start in range(0, len(value), STRING_PIECE):
                    yield dumps(value[start : start + STRING_PIECE])[1:-1]
                yield '"'
            else:
                yield dumps(plain(value)).replace("\n", outer)
        yield ("\n" if indent is not None else "") + "}"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The document that :meth:`to_dict` data (schema 1 or 2) describes, without working data.

        Raises ValueError for a schema newer than this version of isnad.
        """
        schema = data.get("schema", SCHEMA_VERSION)
        if schema > SCHEMA_VERSION:
            raise ValueError(f"document schema {schema} is newer than this version of isnad ({SCHEMA_VERSION})")
        return cls(
            text=data["text"],
            id=data.get("id", ""),
            hash=data.get("hash", ""),
            url=data.get("url"),
            outlet=data.get("outlet"),
            title=data.get("title"),
            published=data.get("published"),
            language=data.get("language"),
            sentences=[_sentence(s) for s in data.get("sentences", [])],
            mentions=[_mention(m) for m in data.get("mentions", [])],
            times=[_time(t) for t in data.get("times", [])],
            attributions=[_attribution(a) for a in data.get("attributions", [])],
            events=[_event(e) for e in data.get("events", [])],
            warnings=list(data.get("warnings", [])),
            meta=dict(data.get("meta", {})),
            pipeline=data.get("pipeline"),
        )

    @classmethod
    def from_json(cls, text: str) -> Document:
        """The document that :meth:`to_json` text describes."""
        return cls.from_dict(json.loads(text))


_WORKING = {"norm", "offsets", "tokens"}
STRING_PIECE = 1 << 16  # characters of a long string (an article's text) encoded at a time


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The serialised fields of a dataclass (working data left out)."""
    return tuple(f.name for f in fields(cls) if not f.metadata.get("working"))


# values copied as they are; most of a document's values are such scalars, and need no call of plain()
_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """JSON-ready copy of a value made of dataclasses, lists and dicts (faster than dataclasses.asdict)."""
    if hasattr(value, "__dataclass_fields__"):
        out: dict[str, Any] = {}
        for name in _field_names(type(value)):
            v = getattr(value, name)
            out[name] = v if type(v) in _SCALARS else plain(v)
        return out
    if isinstance(value, (list, tuple)):  # tuples (token ranges) become JSON lists
        return [v if type(v) in _SCALARS else plain(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in _SCALARS else plain(v) for k, v in value.items()}
    return value


HASH_PIECE = 1 << 20  # characters whose words are collapsed at a time: a long text's words are never all listed


def text_hash(norm_text: str) -> str:
    """Stable identity of an article: a hash of its normalised text (whitespace collapsed)."""
    digest = hashlib.sha1()
    start, n, sep = 0, len(norm_text), b""
    while start < n:
        end = start + HASH_PIECE
        while end < n and not norm_text[end].isspace():  # cut between words
            end += 1
        words = " ".join(norm_text[start:end].split())
        if words:
            digest.update(sep + words.encode("utf-8"))
            sep = b" "
        start = end
    return digest.hexdigest()[:16]


def _range(value: Any) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None


def _span(d: dict[str, Any] | None) -> Span | None:
    if not d:
        return None
    return Span(d["start"], d["end"], d["text"], _range(d.get("tokens")))


def _sentence(d: dict[str, Any]) -> Sentence:
    return Sentence(d["start"], d["end"], d.get("heading", False), _range(d.get("tokens")) or (0, 0))


def _time(d: dict[str, Any]) -> TimeSpan:
    d = dict(d)
    d["tokens"] = _range(d.get("tokens"))
    return TimeSpan(**d)


def _mention(d: dict[str, Any]) -> Mention:
    d = dict(d)
    d["actor"] = Actor(**d["actor"]) if d.get("actor") else None
    d["place"] = Place(**d["place"]) if d.get("place") else None
    d["tokens"] = _range(d.get("tokens"))
    return Mention(**d)


def _attribution(d: dict[str, Any]) -> Attribution:
    d = dict(d)
    d["cue"] = _span(d["cue"])
    d["source"] = _span(d.get("source"))
    d["content"] = _span(d.get("content"))
    d["hedges"] = [_span(h) for h in d.get("hedges", [])]
    return Attribution(**d)


def _event_actor(d: dict[str, Any] | None) -> EventActor | None:
    if not d:
        return None
    d = dict(d)
    d["actor"] = Actor(**d["actor"]) if d.get("actor") else None
    return EventActor(**d)


def _place(d: dict[str, Any] | None) -> EventPlace | None:
    if not d:
        return None
    d = dict(d)
    inferred = d.pop("inferred", False)  # schema 1 marked the article's most named place so
    d.setdefault("origin", "inferred" if inferred else "stated" if d.get("start") is not None else "article")
    return EventPlace(**d)


def _event(d: dict[str, Any]) -> Event:
    d = dict(d)
    d["trigger"] = _span(d["trigger"])
    d["cameo"] = Cameo(**d["cameo"])
    d["plover"] = Plover(**d["plover"])
    d["source"] = _event_actor(d.get("source"))
    d["target"] = _event_actor(d.get("target"))
    d["place"] = _place(d.get("place"))
    d["time"] = _time(d["time"]) if d.get("time") else None
    d["credibility"] = Grade(**d["credibility"]) if d.get("credibility") else None
    return Event(**d)
