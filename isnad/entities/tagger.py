"""The statistical recogniser: a CRF trained on ANERcorp tags every sentence, and its names are merged
with the gazetteer's mentions (see :mod:`isnad.entities.merge`).

A document is tagged as a whole: features carry what a word's neighbours announce anywhere in it
(:meth:`isnad.entities.features.Featuriser.document`), and a name tagged once is tagged wherever it
comes back (:func:`propagate`).

``TaggerRecogniser(model=DIR)`` uses a token-classification model from a local directory instead
(:mod:`isnad.entities.transformer`, behind the ``ner-transformer`` extra).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from isnad.document import Document, Mention
from isnad.entities import crf
from isnad.entities.conll import entities
from isnad.entities.features import Featuriser, data_dir, load_lexicons
from isnad.entities.merge import Merger
from isnad.resources import Resources
from isnad.text.clitics import key

# ANERcorp's types in the project's labels; LOC becomes GPE when it resolves to a country or a city.
LABELS = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE", "MISC": "MISC"}


class CrfTagger:
    """Tags sentences of normalised words with the CRF model shipped in ``isnad/data/ner/``."""

    source = "crf"

    def __init__(self, path: Path | None = None, resources: Resources | None = None) -> None:
        path = path or data_dir() / "model.crfsuite"
        self.decode = crf.load(path)
        lexicons = load_lexicons(path.parent, resources=resources)
        self.featuriser = Featuriser(lexicons, self.decode.weights.attributes)

    def __call__(self, words: Sequence[str]) -> list[str]:
        return self.decode(self.featuriser.sentence(words))

    def document(self, words: Sequence[Sequence[str]]) -> Iterator[list[str]]:
        """Tags for the sentences of one document, with the document-wide features, a sentence at a time."""
        return map(self.decode, self.featuriser.document(words))

    def common(self, word: str) -> bool:
        """A word seen 16 times or more in the training text: too common to spread as a name."""
        return self.featuriser.word(word).common


def tag_document(backend: Callable[[Sequence[str]], list[str]], words: Sequence[Sequence[str]]) -> list[list[str]]:
    """Tags for the sentences of one document, made consistent across it when the backend allows."""
    return list(tag_sentences(backend, words))


def tag_sentences(backend: Callable[[Sequence[str]], list[str]], words: Sequence[Sequence[str]],
                  keys: Sequence[Sequence[str]] | None = None) -> Iterator[list[str]]:
    """:func:`tag_document` a sentence at a time (``words`` may make its sentences on demand; ``keys``, the
    words' clitic-free keys, when they are known already)."""
    document = getattr(backend, "document", None)
    tags = document(words) if document else map(backend, words)
    common = getattr(backend, "common", None)
    return propagated(words, tags, common, keys) if common else iter(tags)


def load_backend(model: str | Path | None, resources: Resources | None = None) -> Callable[[Sequence[str]], list[str]]:
    """The CRF, or a transformer model when ``model`` is a directory holding one."""
    if model is None:
        return CrfTagger(resources=resources)
    path = Path(model)
    if path.is_dir() and (path / "model.crfsuite").is_file():
        return CrfTagger(path / "model.crfsuite", resources)  # a CRF rebuilt with `isnad train ner -o DIR`
    if path.is_dir():
        from isnad.entities.transformer import TransformerTagger

        return TransformerTagger(path)
    return CrfTagger(path, resources)


class SentenceWords(Sequence[list[str]]):
    """The words of each sentence, sliced from the document's words when asked for: a long document's
    sentences are never all held as lists at once."""

    def __init__(self, words: list[str], bounds: list[tuple[int, int]]) -> None:
        self.words, self.bounds = words, bounds

    def __len__(self) -> int:
        return len(self.bounds)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self.words[a:b] for a, b in self.bounds[i]]
        a, b = self.bounds[i]
        return self.words[a:b]

    def __iter__(self) -> Iterator[list[str]]:
        words = self.words
        return (words[a:b] for a, b in self.bounds)


class TaggerRecogniser:
    """The ``tagger`` stage: the names the statistical tagger finds (the CRF, or the transformer model in
    ``model``), merged with the mentions already found."""

    name = "tagger"
    requires: tuple[str, ...] = ("tokens", "mentions")
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, resources: Resources | None = None, model: str | Path | None = None) -> None:
        resources = resources or Resources()
        self.tag = load_backend(model, resources)
        self.source = getattr(self.tag, "source", "crf")
        self.merger = Merger(resources)

    def __call__(self, doc: Document) -> Document:
        doc.mentions = self.merger(doc, self.names(doc))
        return doc

    def names(self, doc: Document) -> Iterator[Mention]:
        """The tagger's names, a sentence at a time (the merger keeps some: they are never all held)."""
        tokens = doc.tokens
        bounds = [s.tokens for s in doc.sentences]
        tagged = tag_sentences(self.tag, SentenceWords(tokens.norm, bounds), SentenceWords(tokens.key, bounds))
        for (a, _), tags in zip(bounds, tagged):
            if tags.count("O") == len(tags):
                continue
            for first, last, kind in entities(tags):
                start, end = tokens.start[a + first], tokens.end[a + last - 1]
                yield Mention(start, end, doc.text[start:end], LABELS.get(kind, "MISC"), source=self.source,
                              tokens=(a + first, a + last))


def propagate(words: Sequence[Sequence[str]], tags: Iterable[list[str]], common: Callable[[str], bool]) -> list[list[str]]:
    """One document's tags made consistent: a name tagged somewhere is tagged wherever else it occurs
    untagged (by clitic-free keys, longest name first, with its most frequent type).

    News repeats names, and a person's last name alone stands for the person named in full (جاك شيراك …
    شيراك); the tagger sees one sentence at a time and misses some repetitions. Common words
    (``common``) and words under three letters are not spread, being names only in some uses.
    """
    return list(propagated(words, tags, common))


def propagated(words: Sequence[Sequence[str]], tags: Iterable[list[str]], common: Callable[[str], bool],
               keys: Sequence[Sequence[str]] | None = None) -> Iterator[list[str]]:
    """:func:`propagate` a sentence at a time. The names are gathered from every sentence first, so the
    tags wait, as one byte a word (a sentence without a name as its length); ``keys`` gives the words'
    keys, else each sentence's are made when it is read."""
    if keys is None:
        keyed: dict[str, str] = {}  # one key string per distinct word, not one per token of a long document

        def keys_of(s: int) -> Sequence[str]:
            return [keyed.get(w) or keyed.setdefault(w, key(w)) for w in words[s]]
    else:
        keys_of = keys.__getitem__
    found: dict[tuple[str, ...], Counter[str]] = {}
    codes: dict[str, int] = {}  # tag -> its byte
    labels: list[str] = []  # byte -> its tag
    held: list[bytes | int] = []
    for s, ts in enumerate(tags):
        if ts.count("O") == len(ts):
            held.append(len(ts))
            continue
        for t in set(ts).difference(codes):
            codes[t] = len(labels)
            labels.append(t)
        held.append(bytes(map(codes.__getitem__, ts)))
        ks = keys_of(s)
        for first, last, kind in entities(ts):
            name = tuple(ks[first:last])
            if min(map(len, name)) >= 3 and not (len(name) == 1 and common(name[0])):
                found.setdefault(name, Counter())[kind] += 1
            surname = ks[last - 1]  # a person named in full is then called by the last name alone
            if last - first > 1 and LABELS.get(kind) == "PER" and len(surname) >= 3 and not common(surname):
                found.setdefault((surname,), Counter())[kind] += 1
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, kinds in sorted(found.items(), key=lambda x: -len(x[0])):
        by_first.setdefault(name[0], []).append((name, kinds.most_common(1)[0][0]))
    for s, code in enumerate(held):
        ts = ["O"] * code if isinstance(code, int) else list(map(labels.__getitem__, code))
        if by_first:
            ks = keys_of(s)
            free = 0  # the first position not inside a name spread just now
            for i in [i for i, k in enumerate(ks) if k in by_first]:
                if i < free:
                    continue
                for name, kind in by_first[ks[i]]:
                    n = len(name)
                    if tuple(ks[i : i + n]) == name and all(t == "O" for t in ts[i : i + n]) and (i + n == len(ts) or not ts[i + n].startswith("I-")):
                        ts[i : i + n] = ["B-" + kind] + ["I-" + kind] * (n - 1)
                        free = i + n
                        break
        yield ts
