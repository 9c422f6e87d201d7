"""The event-reality score: how likely a candidate event is a concrete occurrence reported as news (an
attack that happened, a protest that took place) rather than a topic, an opinion, background or a plan.

A logistic regression over interpretable features of the candidate: its pattern and trigger word, verbal
or nominal trigger (definite, plural, after a preposition), the word before it, subject and object found
and their sectors, a place, a time and whether it is relative to the news (أمس) or a written date,
numbers, victims, tolls (a number by a casualty word) and recent times nearby, words that make the
trigger the time reference of another fact (بعد الهجوم) or a cause (جراء الانفجار), quotes, questions,
negation, a headline, another candidate of its type in the sentence, and a few word families anywhere in
the sentence (weapons, police and armed forces, report verbs, crowds, reactions, inquiries and trials).
The word families and frames are lists in ``isnad/data/events/cues.tsv``; no feature is a word of the
training sentences (the stems of the words around the trigger were tried: they did not help in
cross-validation). Features that describe how the training sentences were sampled rather than the event
(sentence length, reported or asserted) are left out. The weights live in
``isnad/data/events/scorer.json`` and are trained by ``scripts/train_event_scorer.py`` on all the Arabic
event GSR sentences we have. Inference is a sum of weights: a few dozen dictionary look-ups per
candidate event.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from isnad.document import Token, Tokens
from isnad.events.patterns import CACHE_LIMIT, NOUN, Hit, Lexicon
from isnad.text.clitics import ARTICLE

if TYPE_CHECKING:
    from isnad.resources import Resources

NEAR = 10  # words either side of the trigger where numbers, victims and times count as "near"
WINDOW = 4  # words either side of the trigger where a number is "close"
FAMILIES = ("weapon", "security", "report", "crowd", "reaction", "legal")  # cue kinds counted anywhere in the sentence
FRAMES = ("after_event", "cause", "during")  # cue kinds that count in the few words before the trigger
FRAME_WINDOW = 3
TOLL_WINDOW = 3  # a number this close to a casualty word is a toll (ثلاثة قتلى، مقتل 5 أشخاص)


@dataclass(frozen=True, slots=True)
class Model:
    """The event-reality score: a logistic model over a candidate's features, with a threshold per PLOVER type."""
    bias: float
    weights: dict[str, float]
    thresholds: dict[str, float]  # PLOVER type → the score below which its events are not emitted

    def score(self, features: list[str], ptype: str | None = None) -> float:
        """The score of a candidate of type ``ptype`` from its features (shared and per-type weights)."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in typed(features, ptype))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def typed(features: list[str], ptype: str | None) -> list[str]:
    """The features and their copies for one type (``PROTEST/near:casualty``): each weighs what it means
    for every type plus what it means for this one, so that the few PROTEST examples are not ruled by
    the ASSAULT ones (a casualty word says less of a protest than of an attack)."""
    if ptype is None:
        return features
    own = (f"{ptype}:", "type:", "rule:", "item:")  # already specific to the type
    return [*features, *(f"{ptype}/{f}" for f in features if not f.startswith(own))]


def load_model(resources: Resources) -> Model | None:
    """The bundled model, or None when no weights are bundled (every candidate is then kept)."""
    if not resources.exists("events/scorer.json"):
        return None
    data = resources.json("events/scorer.json")
    return Model(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                 {k: float(v) for k, v in data["thresholds"].items()})


CUE_KINDS = ("casualty", "recent", "quantity", "negation", *FAMILIES, *FRAMES)


def _kinds(lex: Lexicon, word: str) -> tuple[str, ...]:
    """The cue kinds of one word (cached per word by the caller)."""
    if word[:1].isdigit():
        return ("number",)
    if word == '"':
        return ("quote",)
    if word in ("؟", "?"):
        return ("question",)
    if word in lex.demonstratives:  # هذا الهجوم: an event told before
        return ("demonstrative",)
    found = lex.cues_of(word)
    kinds = tuple(kind for kind in CUE_KINDS if kind in found)
    return ("number", *kinds) if "numeral" in found else kinds


def sentence_cues(lex: Lexicon, tokens: Tokens, first: int, last: int) -> dict[str, list[int]]:
    """Token indices of the cue words of one sentence, found once for all its candidate events."""
    out: dict[str, list[int]] = {k: [] for k in ("number", "demonstrative", "quote", "question", *CUE_KINDS)}
    seen = lex.seen("score_cues")  # word → its cue kinds: one dict access per word once seen
    for j in range(first, last + 1):
        w = tokens.norm[j]
        kinds = seen.get(w)
        if kinds is None:
            if len(seen) > CACHE_LIMIT:  # bound the cache on endless streams
                seen.clear()
            kinds = seen[w] = _kinds(lex, w)
        for kind in kinds:
            out[kind].append(j)
    return out


def with_several(feats: list[str], ptype: str | None) -> list[str]:
    """The features of a candidate that has another claim of fact of its type in its sentence (قتل ...
    في هجوم انتحاري): a report of one event told with several words more often than a passing mention."""
    return sorted([*feats, f"{ptype}:several"])


def features(
    lex: Lexicon,
    cues: dict[str, list[int]],
    tokens: list[Token],
    i: int,
    first: int,
    last: int,
    clause_start: int,
    hit: Hit,
    ptype: str | None,
    reason: str,
    has_source: str,
    has_target: bool,
    sectors: tuple[str, str],
    time: dict[str, Any] | None,
    place: dict[str, Any] | None,
    heading: bool = False,
) -> list[str]:
    """The names of the (binary) features of one candidate event; see the module docstring."""
    word = tokens[i].norm
    out = [f"type:{ptype}", f"rule:{hit.pattern.id}", f"{ptype}:kind:{hit.kind}", f"kind:{hit.kind}",
           f"reason:{reason}", f"src:{has_source}", f"tgt:{has_target}",
           f"item:{hit.pattern.id}#{hit.item}",
           f"src_sector:{sectors[0]}", f"tgt_sector:{sectors[1]}"]
    if hit.kind == NOUN:
        definite = word.startswith(ARTICLE)
        out.append(f"noun:{reason}:{'definite' if definite else 'indefinite'}")
        if definite:
            out.append("noun:definite")
        if word[:1] in "بلك" or word[:2] in ("وب", "ول", "فب"):
            out.append("noun:clitic_prep")
        if word.endswith("ات"):  # هجمات، تفجيرات: a series or a kind of event more often than one event
            out.append("noun:plural")
    else:
        base = word[1:] if word[:1] in "وف" and len(word) > 3 else word
        out.append("verb:present" if base[:1] == "ي" else "verb:other")
        if base.endswith(("وا", "ون")):
            out.append("verb:plural")
    if hit.future:
        out.append("verb:future")
    if i == clause_start:
        out.append("clause_initial")
    if i > first:
        prev = tokens[i - 1].norm
        if prev in lex.prepositions or lex.cue("verb_before", prev):
            out.append(f"prev:{prev}")
    if i < last and tokens[i + 1].norm in lex.relatives:
        out.append("next:relative")
    near = range(i - NEAR, i + NEAR + 1)
    for name in ("number", "casualty", "recent"):
        if any(j in near and j != i for j in cues[name]):
            out.append(f"near:{name}")
    if any(i - 4 < j <= i + NEAR and j != i for j in cues["quantity"]):
        out.append("near:quantity")
    if any(abs(j - i) <= 2 for j in cues["demonstrative"]):
        out.append("near:demonstrative")
    quotes = sum(1 for j in cues["quote"] if j < i)
    if quotes:
        out.append("quote_before")
    if quotes % 2:
        out.append("in_quote")
    if cues["question"]:
        out.append("question")
    if any(j < i for j in cues["negation"]):
        out.append("negation_in_sentence")
    if any(abs(j - i) <= WINDOW for j in cues["number"]):
        out.append("near4:number")
    if any(abs(n - c) <= TOLL_WINDOW for c in cues["casualty"] for n in cues["number"]):
        out.append("toll")
    for kind in FRAMES:
        if any(i - FRAME_WINDOW <= j < i for j in cues[kind]):
            out.append(f"frame:{kind}")
    for kind in FAMILIES:
        if cues[kind]:
            out.append(f"{ptype}:sent:{kind}")
    if heading:
        out.append("heading")
    if time:
        out.append("time")
        # a date written out (29 أغسطس 2003, عام 2009) places the event; أمس or الجمعة tells recent news
        out.append("time:relative" if time.anchor else f"time:{time.granularity}")
    if place and place.start is not None:
        out.append("place")
    return sorted(set(out))
