"""Features of words for the named-entity tagger.

Everything that depends on the word alone (its clitic-free forms, affixes, shape, frequency class,
gazetteer and trigger membership, and the copies of these seen by its neighbours) is computed once per
distinct word and cached, so tagging a sentence is mostly tuple concatenation. Words are the normalised
forms of :func:`isnad.text.normalise.fold`, at training and at tagging time alike.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from isnad.text.clitics import candidates, key

ARABIC = range(0x0621, 0x06D4)
WINDOW = (-2, -1, 1, 2)


@dataclass(frozen=True)
class Lexicons:
    """Word lists the features consult; built from the files in ``isnad/data/ner/``."""

    gazetteer: dict[str, frozenset[str]]  # one-word name -> kinds
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (other words, kind)
    frequency: dict[str, int]  # word -> frequency class
    triggers: dict[str, str]  # title/role/type word -> kind it announces


def data_dir() -> Path:
    return Path(str(resources.files("isnad.data.ner")))


def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def load_lexicons(directory: Path | None = None) -> Lexicons:
    directory = directory or data_dir()
    gazetteer: dict[str, set[str]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, kind in _rows(directory / "anergazet.tsv"):
        words = name.split()
        if len(words) == 1:
            gazetteer.setdefault(words[0], set()).add(kind)
        else:
            phrases.setdefault(words[0], []).append((tuple(words[1:]), kind))
    frequency = {word: int(cls) for word, cls in _rows(directory / "frequency.tsv")}
    triggers = {word: kind for word, kind in _rows(directory / "triggers.tsv")}
    return Lexicons(
        {w: frozenset(k) for w, k in gazetteer.items()},
        {w: tuple(sorted(p, key=lambda x: -len(x[0]))) for w, p in phrases.items()},
        frequency,
        triggers,
    )


def frequency_class(count: int) -> int:
    """Classes by powers of two, so the data file stays small and the feature generalises."""
    return min(int(math.log2(count)), 9)


def shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if all(ord(c) in ARABIC for c in word):
        return "ar"
    if word.isascii() and word.isalpha():
        return "Aa" if word[0].isupper() and word[1:].islower() else ("AA" if word.isupper() else "aa")
    if not any(c.isalnum() for c in word):
        return "punct"
    return "mixed"


def _length(word: str) -> str:
    n = len(word)
    return str(n) if n < 4 else ("4-5" if n < 6 else ("6-7" if n < 8 else "8+"))


@dataclass(frozen=True, slots=True)
class WordFeatures:
    own: tuple[str, ...]
    context: tuple[tuple[str, ...], ...]  # what the neighbour at each WINDOW offset sees of this word
    starts: tuple[tuple[tuple[str, ...], str], ...]  # gazetteer phrases this word may begin


class Featuriser:
    """Turns sentences of normalised words into CRF feature lists."""

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self.lex = lexicons or load_lexicons()
        self.word = lru_cache(maxsize=200_000)(self._word)

    def _lookup(self, forms: Sequence[str]) -> tuple[str, ...]:
        for form in forms:
            kinds = self.lex.gazetteer.get(form)
            if kinds:
                return tuple(sorted(kinds))
        return ()

    def _word(self, word: str) -> WordFeatures:
        lex = self.lex
        k = key(word)
        forms = candidates(word)
        stem = candidates(word, True)[-1]
        sh = shape(word)
        freq = lex.frequency.get(word, lex.frequency.get(k, -1))
        gaz = self._lookup(forms)
        trig = lex.triggers.get(k) or lex.triggers.get(word) or ""
        own = [
            "b",
            "w=" + word,
            "k=" + k,
            "s=" + stem,
            "sh=" + sh,
            "len=" + _length(k),
            "f=" + (str(freq) if freq >= 0 else "rare"),
            "p1=" + k[:1],
            "p2=" + k[:2],
            "p3=" + k[:3],
            "x1=" + word[-1:],
            "x2=" + word[-2:],
            "x3=" + word[-3:],
            "pre=" + word[: len(word) - len(k)],
        ]
        own.extend("g=" + g for g in gaz)
        if trig:
            own.append("t=" + trig)
        context = []
        for d in WINDOW:
            c = [f"{d}k={k}", f"{d}sh={sh}", f"{d}x2={word[-2:]}"]
            c.extend(f"{d}g={g}" for g in gaz)
            if trig:
                c.append(f"{d}t={trig}")
            if freq < 0:
                c.append(f"{d}rare")
            context.append(tuple(c))
        starts: list[tuple[tuple[str, ...], str]] = []
        for form in forms:
            starts.extend(lex.phrases.get(form, ()))
        return WordFeatures(tuple(own), tuple(context), tuple(starts))

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """Feature lists for the words of one sentence (normalised forms)."""
        info = [self.word(w) for w in words]
        n = len(words)
        phrase = self._phrases(words, info)
        out: list[list[str]] = []
        for i, wf in enumerate(info):
            feats = list(wf.own)
            for j, d in enumerate(WINDOW):
                p = i + d
                if 0 <= p < n:
                    feats.extend(info[p].context[j])
                elif d in (-1, 1):
                    feats.append("BOS" if d < 0 else "EOS")
            if i:
                feats.append("kk=" + key(words[i - 1]) + "|" + key(words[i]))
            if phrase[i]:
                feats.append(phrase[i])
            out.append(feats)
        return out

    def _phrases(self, words: Sequence[str], info: list[WordFeatures]) -> list[str]:
        """Longest multi-word gazetteer names in the sentence, as B/I features on their words."""
        marks = [""] * len(words)
        i = 0
        while i < len(words):
            matched = 0
            for rest, kind in info[i].starts:
                m = len(rest)
                if tuple(words[i + 1 : i + 1 + m]) == rest:
                    marks[i] = "gp=B-" + kind
                    for j in range(i + 1, i + 1 + m):
                        marks[j] = "gp=I-" + kind
                    matched = m
                    break
            i += matched + 1
        return marks
