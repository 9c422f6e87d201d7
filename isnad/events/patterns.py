"""Event patterns: loaded from ``isnad/data/events``, expanded to every surface form, indexed by word.

A pattern names its trigger words by root and form (``v:شقق/VII``), verbal noun (``m:``), noun (``n:``),
irregular stems (``x:``) or exact word (``w:``); :mod:`isnad.events.morphology` generates the inflections.
Look-up is one dict access per distinct word: :class:`Lexicon` caches what each normalised word matches,
trying the word itself, then its clitic-stripped bases.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from isnad.events.morphology import Stems, from_past, noun_forms, stems, verb_forms
from isnad.text.clitics import CONJ, Clitics

if TYPE_CHECKING:
    from isnad.resources import Resources

VERB, NOUN = "verb", "noun"
WINDOW_AFTER = 5
WINDOW_BEFORE = 3
SUFFIXED_CUES = {"planned", "considered", "negation"}
# two-letter negation particles take a conjunction (ولم، فلا) but no preposition: كما، بما، لما are other words
CONJUNCTION_ONLY_CUES = {"negation"}
PARTICLE = 2
CACHE_LIMIT = 50_000  # distinct words whose look-ups are kept: a long article or stream must not grow them


@dataclass(frozen=True, slots=True)
class Pattern:
    """An event pattern: its trigger words, CAMEO code, the words that must come before or after them, where
    its source and target are found, and what a match sets besides (contexts, modality)."""

    id: str  # rule id, e.g. "verbs/defect"
    cameo: str
    items: tuple[str, ...]  # the trigger specs, as written
    after: tuple[str, ...] = ()  # each group (see word_set): one of its words must follow
    before: tuple[str, ...] = ()  # each group: one of its words must precede
    args: tuple[str, ...] = ()
    flags: frozenset[str] = field(default_factory=frozenset)
    contexts: tuple[str, ...] = ()
    modality: str | None = None
    gov_code: str | None = None  # the code when the source is a government (a state's "protest" is a complaint)
    rank: int = 0  # 0 curated, 1 from the public dictionary; lower wins a tie

    @property
    def specificity(self) -> int:
        """How many word groups must come before or after; among a word's hits the more specific come first."""
        return len(self.after) + len(self.before)


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern that a word can trigger, and as what (the item number names the rule: ``defect#2``)."""

    pattern: Pattern
    item: int
    kind: str  # verb or noun
    future: bool = False  # the word carries the future prefix سـ


class Expander:
    """Trigger specs and ``with`` groups to surface forms, remembered while one lexicon is built."""

    def __init__(self, fold: Callable[[str], str], verb_groups: dict[str, str]) -> None:
        self.fold = fold
        self.verb_groups = verb_groups  # named verb groups of the public dictionary → trigger specs
        self._specs: dict[str, tuple[str, frozenset[str]]] = {}
        self._groups: dict[str, frozenset[str]] = {}

    def expand(self, item: str) -> tuple[str, frozenset[str]]:
        """``(kind, surface forms)`` of one trigger spec."""
        got = self._specs.get(item)
        if got is None:
            got = self._specs[item] = self._expand(item)
        return got

    def _expand(self, item: str) -> tuple[str, frozenset[str]]:
        tag, _, body = item.partition(":")
        body = self.fold(body)
        if tag == "v":
            root, form = body.split("/")
            return VERB, frozenset(verb_forms(stems(root, form)))
        if tag == "x":
            past, past_c, present = body.split("/")
            return VERB, frozenset(verb_forms(Stems(past, past_c, present)))
        if tag == "s":
            return VERB, frozenset(verb_forms(from_past(body)))
        if tag == "m":
            root, form = body.split("/")
            out: set[str] = set()
            for noun in stems(root, form).nouns:
                out |= noun_forms(noun)
            return NOUN, frozenset(out)
        if tag in ("n", "p"):
            return NOUN, frozenset(noun_forms(body))
        if tag == "w":
            return NOUN, frozenset({body.replace("_", " ")})
        raise ValueError(f"unknown trigger spec {item!r}")

    def word_set(self, spec: str) -> frozenset[str]:
        """Words of a ``with`` group: alternatives separated by commas, each a word (with its plural forms)
        or a trigger spec such as ``s:اجرى`` (with all its inflections)."""
        got = self._groups.get(spec)
        if got is not None:
            return got
        if spec.startswith("@"):
            got = self.word_set(self.verb_groups.get(spec[1:], ""))
        else:
            out: set[str] = set()
            for alt in spec.split(","):
                if ":" in alt:
                    out |= self.expand(alt)[1]
                elif alt:
                    out |= noun_forms(self.fold(alt))
            got = frozenset(out)
        self._groups[spec] = got
        return got


def _rows(resources: Resources, name: str) -> list[list[str]]:
    path = f"events/{name}"
    return resources.rows(path, header=True, width=7) if resources.exists(path) else []


CURATED = (("verbs_curated.tsv", "verbs", 0),)
WITH_DICTIONARY = CURATED + (("verbs.tsv", "dict", 1),)


def load_patterns(resources: Resources, sources: tuple[tuple[str, str, int], ...] = CURATED) -> list[Pattern]:
    """The patterns of the given files of ``isnad/data/events``."""
    out = []
    for name, prefix, rank in sources:
        for pid, code, triggers, with_, args, flags, _gloss in _rows(resources, name):
            groups = with_.split()
            flag_set = frozenset(f for f in flags.split() if "=" not in f)
            opts = dict(f.split("=", 1) for f in flags.split() if "=" in f)
            out.append(
                Pattern(
                    id=f"{prefix}/{pid}",
                    cameo=code,
                    items=tuple(triggers.split()),
                    after=tuple(g for g in groups if not g.startswith("<")),
                    before=tuple(g[1:] for g in groups if g.startswith("<")),
                    args=tuple(args.split()),
                    flags=flag_set,
                    contexts=tuple(c for c in opts.get("ctx", "").split(",") if c),
                    modality=opts.get("mod"),
                    gov_code=opts.get("gov"),
                    rank=rank,
                )
            )
    return out


def index(patterns: list[Pattern], expander: Expander) -> dict[str, tuple[Hit, ...]]:
    """Surface form → the hits it can trigger, most specific pattern first."""
    table: dict[str, list[Hit]] = {}
    for pattern in patterns:
        # "!word" removes a form that is mostly another word (فجر "dawn" among the forms of فجّر)
        excluded = {expander.fold(it[1:]) for it in pattern.items if it.startswith("!")}
        for i, item in enumerate((it for it in pattern.items if not it.startswith("!")), 1):
            kind, forms = expander.expand(item)
            for form in forms - excluded:
                future = kind == VERB and form[:1] == "س" and form[1:2] in "يتنا"
                table.setdefault(form, []).append(Hit(pattern, i, kind, future))
    return {
        k: tuple(sorted(v, key=lambda h: (-h.pattern.specificity, h.pattern.rank)))
        for k, v in table.items()
    }


def exclusions(patterns: list[Pattern], expander: Expander) -> dict[str, frozenset[str]]:
    """Surface form → the patterns (ids) it must not reach through a shorter base: أيدي "hands" is not
    أيد "he supported" + ي."""
    out: dict[str, set[str]] = {}
    for pattern in patterns:
        for it in pattern.items:
            if it.startswith("!"):
                out.setdefault(expander.fold(it[1:]), set()).add(pattern.id)
    return {k: frozenset(v) for k, v in out.items()}


def cue_forms(resources: Resources, expander: Expander) -> dict[str, dict[str, str]]:
    """surface form → {cue kind: value} for the cue words in cues.tsv: every kind a form stands for, so
    that one look-up per clitic base answers for all kinds at once."""
    out: dict[str, dict[str, str]] = {}
    for kind, items, value in resources.rows("events/cues.tsv", header=True, width=3):
        for item in items.split():
            for form in expander.expand(item)[1]:
                out.setdefault(form, {})[kind] = value or kind
    return out


def load_lexicon(resources: Resources, dictionary: bool = False) -> Lexicon:
    """The patterns and cues of ``isnad/data/events``. ``dictionary`` adds the patterns converted from the
    public Arabic CAMEO dictionary (verbs.tsv). They are off by default: on the development half of the
    event GSR they lowered PROTEST and ASSAULT F1 and they add spurious events to the reference article
    (their verb groups and codes are noisy)."""
    groups = {row[0]: row[1] for row in _rows(resources, "verb_groups.tsv")}
    expander = Expander(resources.normaliser.fold, groups)
    patterns = load_patterns(resources, WITH_DICTIONARY if dictionary else CURATED)
    numbers = {expander.fold(word): int(value) for word, value in resources.rows("events/numbers.tsv", header=True, width=2)}
    function_words = {kind: frozenset(map(expander.fold, words.split()))
                      for kind, words in resources.rows("events/function_words.tsv", header=True, width=2)}
    branches = {(group, country): (id_, code, en)
                for group, country, id_, code, en in resources.rows("events/branches.tsv", header=True, width=5)}
    return Lexicon(index(patterns, expander), cue_forms(resources, expander), expander, resources.clitics,
                   exclusions(patterns, expander), numbers, function_words, branches)


def _prefix_of(word: str, base: str) -> str:
    """The clitics stripped before ``base`` in ``word`` (كما, ما → ك)."""
    return word[: max(word.find(base[:2]), 0)] if base else word


def verb_possible(word: str, base: str) -> bool:
    """Can ``base``, found inside ``word``, be a verb? Not after the article or ب/ك; after ل only a present."""
    head = word[: max(word.find(base), 0)]
    if head[:1] in "وف":
        head = head[1:]
    if not head or head == "س":
        return True
    if head == "ل":
        return base[:1] in "يتنا"
    return False


NO_CUES: Mapping[str, str] = MappingProxyType({})  # read-only, shared by the many words that are no cue


class Lexicon:
    """Word → hits, and word → cue kinds, with a per-instance cache of normalised words."""

    def __init__(self, index: dict[str, tuple[Hit, ...]], forms: dict[str, dict[str, str]], expander: Expander,
                 clitics: Clitics, excluded: Mapping[str, frozenset[str]] | None = None,
                 numbers: Mapping[str, int] | None = None,
                 function_words: Mapping[str, frozenset[str]] | None = None,
                 branches: Mapping[tuple[str, str], tuple[str, str, str]] | None = None) -> None:
        self.index = index
        self.branches = branches or {}  # (group code, country) -> the branch's (id, code, English name)
        words = function_words or {}
        # read as they are, clitics and all (function_words.tsv)
        self.prepositions = words.get("preposition", frozenset())
        self.demonstratives = words.get("demonstrative", frozenset())
        self.relatives = words.get("relative", frozenset())
        self.locatives = words.get("locative", frozenset())
        self.told_subjects = words.get("told_subject", frozenset())
        self.particles = words.get("particle", frozenset())
        self.answers = words.get("answer", frozenset())
        self.period_heads = words.get("period", frozenset())
        self.what_heads = words.get("what_head", frozenset())
        self.subjunctive = words.get("subjunctive", frozenset())
        self.factual_before = words.get("factual_before", frozenset())
        self.excluded = excluded or {}
        self.numbers = numbers or {}
        self.forms = forms
        # the first words of the cue forms of two words (في حال)
        self.pair_heads = tuple(sorted({form.split(" ")[0] for form in forms if " " in form}))
        self.expander = expander
        self.candidates = clitics.candidates
        self.cache: dict[str, tuple[Hit, ...]] = {}  # word → hits, filled by hits()
        self._cues: dict[str, Mapping[str, str]] = {}  # word → its cue kinds and values, filled by cues_of()
        self._seen: dict[str, dict[str, Any]] = {}  # the callers' own caches, see seen()

    def hits(self, word: str) -> tuple[Hit, ...]:
        """The patterns a normalised word can trigger, from the first of its clitic bases that has any; where that
        base cannot be a verb in the word (after the article or ب, for instance), only its noun hits."""
        got = self.cache.get(word)
        if got is None:
            got = ()
            blocked: frozenset[str] = frozenset()
            for base in self.candidates(word, suffixes=True):
                got = self.index.get(base, ())
                if blocked and got:
                    got = tuple(h for h in got if h.pattern.id not in blocked)
                blocked = blocked | self.excluded.get(base, frozenset())
                if got:
                    if not verb_possible(word, base):
                        got = tuple(h for h in got if h.kind == NOUN)
                    if got:
                        break
            if len(self.cache) > CACHE_LIMIT:  # bound the cache on endless streams
                self.cache.clear()
            self.cache[word] = got
        return got

    def has_pronoun(self, word: str) -> bool:
        """Whether a trigger word carries a pronoun suffix (تعازيه، اجتماعها): its base is found only without
        one. Such a noun has its genitive already: the actor after it is no genitive of it."""
        plain = self.candidates(word)
        for base in self.candidates(word, suffixes=True):
            if base in self.index:
                return base not in plain
        return False

    def seen(self, name: str) -> dict[str, Any]:
        """A cache of the caller's own (word → what it found), kept as long as the lexicon: the score
        keeps each word's cue kinds there."""
        return self._seen.setdefault(name, {})

    def cues_of(self, word: str) -> Mapping[str, str]:
        """Every cue kind of a word, with its value; worked out once per distinct word."""
        got = self._cues.get(word)
        if got is None:
            if len(self._cues) > CACHE_LIMIT:  # bound the cache on endless streams
                self._cues.clear()
            got = self._cues[word] = self._find_cues(word)
        return got

    def _find_cues(self, word: str) -> Mapping[str, str]:
        """For each kind, the value of the first clitic base of ``word`` that its table holds.
        Modality words carry pronouns (عزمها "its intention"): only their kinds are looked up without a
        suffix; other cues are looked up without prefixes alone."""
        out: dict[str, str] = {}
        plain = self.candidates(word)  # the bases without a suffix come first among the suffixed ones, in order
        for base in self.candidates(word, suffixes=True):
            found = self.forms.get(base)
            if not found:
                continue
            for kind, value in found.items():
                if kind in out or (kind not in SUFFIXED_CUES and base not in plain):
                    continue
                if (kind in CONJUNCTION_ONLY_CUES and len(base) <= PARTICLE
                        and _prefix_of(word, base) not in ("", *CONJ)):
                    continue
                out[kind] = value
        return out or NO_CUES

    def cue(self, kind: str, word: str) -> str | None:
        """The value of the cue of ``kind`` (planned, negation, ...) that a word is, or None."""
        found = self._cues.get(word)  # the cached case first: this runs for every word near a trigger
        if found is None:
            found = self.cues_of(word)
        return found.get(kind)

    def pair_cue(self, kind: str, word: str, following: str) -> str | None:
        """The cue of two words read as one (في حال). Only a word that ends like the first word of such a
        form can begin one (clitics are stripped from its front), so other pairs are not looked up."""
        if not word.endswith(self.pair_heads):
            return None
        return self.cue(kind, f"{word} {following}")

    def number(self, word: str) -> int | None:
        """The value of a number word (ثلاثة، وخمسة), or None."""
        for base in self.candidates(word):
            if base in self.numbers:
                return self.numbers[base]
        return None

    def matches(self, group: str, word: str) -> bool:
        """Whether a word, or one of its clitic bases, is among the words of the ``with`` group ``group``."""
        words = self.expander.word_set(group)
        return any(base in words for base in self.candidates(word, suffixes=True))
