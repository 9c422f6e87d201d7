"""The event-reality score: how likely a candidate event is a concrete occurrence reported as news (an
attack that happened, a protest that took place) rather than a topic, an opinion, background or a plan.

A logistic regression over interpretable features of the candidate (pattern, verbal or nominal trigger,
definiteness, the word before it, subject and object found and their sectors, numbers, victims and
recent times nearby, a place, a time, quotes, questions, negation, a headline), the light stems of the
words up to four either side of the trigger, and a few word families anywhere in the sentence (weapons,
police and armed forces, report verbs, crowds). Stems are kept only when enough training sentences
have them. Features that describe how the training sentences were sampled rather than the event
(sentence length, how many triggers, reported or asserted) are left out: they fitted the gold
standard's quirks and did not help in cross-validation. The weights live in
``isnad/data/events/scorer.json`` and are trained by ``scripts/train_event_scorer.py`` on all the Arabic
event GSR sentences we have. Inference is a sum of weights: a few dozen dictionary look-ups per
candidate event.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from isnad.document import Token
from isnad.events.arguments import PREPOSITIONS
from isnad.events.patterns import NOUN, Hit, Lexicon
from isnad.text.clitics import candidates

NEAR = 10  # words either side of the trigger where numbers, victims and times count as "near"
DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء"}  # هذا الهجوم: an event told before
WINDOW = 4  # words either side of the trigger whose stems are features
ENDINGS = ("ين", "ون", "ات", "ان", "ة")  # plural, dual and feminine endings left out of a stem
FAMILIES = ("weapon", "security", "report", "crowd")  # cue kinds that count anywhere in the sentence
DEFINITE = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وبال", "فبال")


def is_lexical(name: str) -> bool:
    """Is a feature a word of the sentence (``PROTEST:w:متظاهر``)? Training keeps only the frequent ones."""
    return ":w:" in name


@dataclass(frozen=True, slots=True)
class Model:
    bias: float
    weights: dict[str, float]
    thresholds: dict[str, float]  # PLOVER type → the score below which its events are not emitted

    def score(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The bundled model, or None when no weights are bundled (every candidate is then kept)."""
    path = resources.files("isnad.data").joinpath("events/scorer.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                 {k: float(v) for k, v in data["thresholds"].items()})


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A light stem for lexical features: conjunction, preposition, article and a plural or feminine
    ending removed (والمتظاهرين → متظاهر), so that the few training sentences share their words."""
    if not word.isalpha():
        return ""
    base = candidates(word)[-1]
    for end in ENDINGS:
        if base.endswith(end) and len(base) - len(end) >= 3:
            base = base[: -len(end)]
            break
    return base if len(base) >= 2 else ""


CUE_KINDS = ("casualty", "recent", "quantity", "negation", *FAMILIES)


def _kinds(lex: Lexicon, word: str) -> tuple[str, ...]:
    """The cue kinds of one word (cached per word by the caller)."""
    if word[:1].isdigit():
        return ("number",)
    if word == '"':
        return ("quote",)
    if word in ("؟", "?"):
        return ("question",)
    if word in DEMONSTRATIVES:
        return ("demonstrative",)
    return tuple(kind for kind in CUE_KINDS if lex.cue(kind, word))


def sentence_cues(lex: Lexicon, tokens: list[Token], first: int, last: int) -> dict[str, list[int]]:
    """Token indices of the cue words of one sentence, found once for all its candidate events."""
    out: dict[str, list[int]] = {k: [] for k in ("number", "demonstrative", "quote", "question", *CUE_KINDS)}
    seen = lex.seen("score_cues")  # word → its cue kinds: one dict access per word once seen
    for j in range(first, last + 1):
        w = tokens[j].norm
        kinds = seen.get(w)
        if kinds is None:
            if len(seen) > 200_000:  # bound the cache on endless streams
                seen.clear()
            kinds = seen[w] = _kinds(lex, w)
        for kind in kinds:
            out[kind].append(j)
    return out


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
        definite = word.startswith(DEFINITE)
        out.append(f"noun:{reason}:{'definite' if definite else 'indefinite'}")
        if definite:
            out.append("noun:definite")
        if word[:1] in "بلك" or word[:2] in ("وب", "ول", "فب"):
            out.append("noun:clitic_prep")
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
        if prev in PREPOSITIONS or lex.cue("verb_before", prev):
            out.append(f"prev:{prev}")
    if i < last and tokens[i + 1].norm in ("الذي", "التي", "الذين"):
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
    for j in range(max(first, i - WINDOW), min(last, i + WINDOW) + 1):
        if j != i and (w := stem(tokens[j].norm)):
            out.append(f"{ptype}:w:{w}")
    for kind in FAMILIES:
        if cues[kind]:
            out.append(f"{ptype}:sent:{kind}")
    if heading:
        out.append("heading")
    if time:
        out.append("time")
    if place and place.get("start") is not None:
        out.append("place")
    return sorted(set(out))
