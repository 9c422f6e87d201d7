"""The event-reality score: how likely a candidate event is a concrete occurrence reported as news (an
attack that happened, a protest that took place) rather than a topic, an opinion, background or a plan.

A logistic regression over interpretable features of the candidate (pattern, verbal or nominal trigger,
definiteness, the word before it, subject and object found and their sectors, numbers, victims and
recent times nearby, a place, a time, quotes, questions, negation). Features that describe how the
training sentences were sampled rather than the event (sentence length, how many triggers, reported or
asserted) are left out: they fitted the gold standard's quirks and did not help in cross-validation. The weights live in ``isnad/data/events/scorer.json`` and are trained by
``scripts/train_event_scorer.py`` on the development half of the Arabic event GSR. Inference is a sum of
weights: a few dozen dictionary look-ups per candidate event.
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

NEAR = 10  # words either side of the trigger where numbers, victims and times count as "near"
DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء"}  # هذا الهجوم: an event told before
DEFINITE = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وبال", "فبال")


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


def sentence_cues(lex: Lexicon, tokens: list[Token], first: int, last: int) -> dict[str, list[int]]:
    """Token indices of the cue words of one sentence, found once for all its candidate events."""
    out: dict[str, list[int]] = {k: [] for k in ("number", "casualty", "recent", "quantity", "demonstrative",
                                                 "quote", "question", "negation")}
    cue = lex.cue
    for j in range(first, last + 1):
        w = tokens[j].norm
        if w[:1].isdigit():
            out["number"].append(j)
        elif w == '"':
            out["quote"].append(j)
        elif w in ("؟", "?"):
            out["question"].append(j)
        elif w in DEMONSTRATIVES:
            out["demonstrative"].append(j)
        else:
            for kind in ("casualty", "recent", "quantity", "negation"):
                if cue(kind, w):
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
    if time:
        out.append("time")
    if place and place.get("start") is not None:
        out.append("place")
    return sorted(set(out))
