"""Features of words for the named-entity tagger.

Everything that depends on the word alone (its clitic-free forms, affixes, shape, frequency class, word
class in a large vocabulary, part of people's names, gazetteer, name-memory and trigger membership, and
the copies of these seen by its neighbours) is computed once per distinct word and cached, so tagging a
sentence is mostly gathering tuples. Words are the normalised forms of
:meth:`isnad.text.normalise.Normaliser.fold`, at training and at tagging time alike. When the model's attribute
list is given, features the model has no weight for are dropped up front (the CRF would ignore them
anyway), and the others become their attribute ids (see :mod:`isnad.entities.crf`).
"""
from __future__ import annotations

import dataclasses
import gzip
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from itertools import chain, compress
from pathlib import Path
from types import MappingProxyType

from isnad.gazetteer.lexicon import NISBA_ENDINGS, place_rows
from isnad.gazetteer.outlets import Registry
from isnad.resources import Resources
from isnad.text.clitics import key, prefixed, unsuffixed
from isnad.text.normalise import Normaliser

ARABIC_LETTERS = "".join(map(chr, range(0x0621, 0x06D4)))  # a word of these alone is of Arabic shape
OFFSET_PREFIXES = ("-2", "-1", "1", "2")  # how the features of the neighbour at offsets -2, -1, +1, +2 are named
COMMON_CLASS = 4  # seen 16 times or more in the training text
NISBA_ENDS = frozenset(s[-1] for s in NISBA_ENDINGS)
Phrases = dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (other words, kind), longest first
NextWords = Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]  # second word -> (other words, kind), longest first
Groups = tuple[tuple, ...]  # a word's features in groups: feature names, or attribute ids when tagging

WORD_CACHE = 50_000  # distinct words whose features are kept (a news article has a few hundred)


@dataclass(frozen=True)
class Lexicons:
    """Word lists the features consult: the files in ``isnad/data/ner/`` and ``isnad/data/gazetteer/``, the outlet registry."""

    gazetteer: dict[str, frozenset[str]]  # one-word ANERGazet name -> kinds (LOC, ORG, PER)
    project: dict[str, frozenset[str]]  # one-word name of the project's gazetteers, clubs, people, outlets -> kinds
    phrases: Phrases  # multi-word names of all these lists
    frequency: dict[str, int]  # word -> frequency class
    triggers: dict[str, str]  # title/role/type word -> kind it announces
    names: dict[str, frozenset[str]]  # word -> tags it mostly bears in the training text (B-PERS, ...)
    name_phrases: Phrases  # multi-word names of the training text
    classes: dict[str, str]  # word of a large Arabic vocabulary -> its classes (noun, prop, ...)
    persons: dict[str, str]  # loosely folded word of people's names -> the parts of a name it is (g, s, u)
    normaliser: Normaliser  # the folding of the words (people's names are looked up loosely folded)


def data_dir() -> Path:
    """The bundled model folder, ``isnad/data/ner``."""
    return Path(str(resources.files("isnad.data.ner")))


def gazetteer_dir() -> Path:
    """The bundled gazetteer folder, ``isnad/data/gazetteer`` (its files' hashes are recorded with a model)."""
    return Path(str(resources.files("isnad.data"))) / "gazetteer"


def rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data file, without comments; none if the file is absent."""
    if not path.exists():
        return []
    # read whole and split: three times faster than line by line, and these files are read at start-up
    data = path.read_bytes()
    text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
    return [line.split("\t") for line in text.split("\n") if line.strip() and not line.startswith("#")]


def project_names(resources: Resources) -> list[tuple[str, str]]:
    """``(name, kind)`` from the project's gazetteers (places, actors, first names)."""
    out = [(n, "pLOC") for _, names in place_rows(resources) for n in names]
    for row in resources.rows("gazetteer/actors.tsv", width=7):
        out.extend((n, "p" + row[1]) for n in row[6].split("|"))
    out.extend((row[0], "FIRST") for row in resources.rows("gazetteer/first_names.txt"))
    fold = resources.normaliser.fold
    return [(" ".join(fold(n).split()), k) for n, k in out if n.strip()]


def wiki_and_outlet_names(directory: Path, outlets: Registry) -> list[tuple[str, str]]:
    """``(name, kind)`` of sports clubs and well-known people (``wiki_names.tsv``) and of news outlets (the
    outlet registry; names that are also common words, such as الجزيرة, apart): the press names clubs
    and outlets bare (الاهلي، الاهرام), and ANERcorp tags them ORG."""
    out = [(row[0], row[1]) for row in rows(directory / "wiki_names.tsv")]
    for outlet in outlets:
        out.extend((n, "MEDIA") for n in outlet.names_ar)
        out.extend((n, "MEDIA-CTX") for n in outlet.names_ar_context)
    return [(" ".join(n.split()), k) for n, k in out if n.strip()]


def phrase_table(entries: list[tuple[str, str]]) -> tuple[dict[str, frozenset[str]], Phrases]:
    """One-word entries as a word -> kinds table, longer ones as phrases keyed by their first word."""
    single: dict[str, set[str]] = {}
    multi: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    for name, kind in entries:
        words = name.split()
        if len(words) == 1:
            single.setdefault(words[0], set()).add(kind)
        elif words:
            multi.setdefault(words[0], set()).add((tuple(words[1:]), kind))
    return (
        {w: frozenset(k) for w, k in single.items()},
        {w: tuple(sorted(p, key=lambda x: (-len(x[0]), x))) for w, p in multi.items()},
    )


def load_lexicons(directory: Path | None = None, memory: bool = True, resources: Resources | None = None) -> Lexicons:
    """The lexicons of a model directory (the bundled one by default); ``memory=False`` leaves out the
    names remembered from the training text."""
    resources = resources or Resources()
    directory = directory or data_dir()
    gazetteer, gaz_phrases = phrase_table([(n, k) for n, k in rows(directory / "anergazet.tsv")])
    names_of_project = project_names(resources)
    project_words, project_phrases = phrase_table(names_of_project + wiki_and_outlet_names(directory, resources.outlets))
    phrases = dict(gaz_phrases)
    for w, p in project_phrases.items():
        phrases[w] = tuple(sorted(set(phrases.get(w, ())) | set(p), key=lambda x: (-len(x[0]), x)))
    names: dict[str, frozenset[str]] = {}
    name_phrases: Phrases = {}
    if memory:
        names = {w: frozenset(t.split(",")) for w, t in rows(directory / "names.tsv")}
        name_phrases = phrase_table([(n, k) for n, k in rows(directory / "name_phrases.tsv")])[1]
    return Lexicons(
        gazetteer,
        project_words,
        phrases,
        {word: int(cls) for word, cls in rows(directory / "frequency.tsv")},
        {word: kind for word, kind in rows(directory / "triggers.tsv")},
        names,
        name_phrases,
        dict(rows(directory / "word_classes.tsv")),
        dict(rows(directory / "person_words.tsv")),
        resources.normaliser,
    )


def with_memory(lexicons: Lexicons, names: dict[str, frozenset[str]], name_phrases: Phrases) -> Lexicons:
    """``lexicons`` with other names remembered from the training text (one jackknife fold's)."""
    return dataclasses.replace(lexicons, names=names, name_phrases=name_phrases)


def frequency_class(count: int) -> int:
    """Classes by powers of two, so the data file stays small and the feature generalises."""
    return min(int(math.log2(count)), 9)


def shape(word: str) -> str:
    """The script and case of a word: ``ar`` (Arabic letters only), ``digit``, ``Aa``/``AA``/``aa`` (Latin),
    ``punct`` or ``mixed``."""
    if not word.strip(ARABIC_LETTERS):
        return "ar"
    if word.isdigit():
        return "digit"
    if word.isascii() and word.isalpha():
        return "Aa" if word[0].isupper() and word[1:].islower() else ("AA" if word.isupper() else "aa")
    if not any(c.isalnum() for c in word):
        return "punct"
    return "mixed"


def _length(word: str) -> str:
    n = len(word)
    return str(n) if n < 4 else ("4-5" if n < 6 else ("6-7" if n < 8 else "8+"))


@dataclass(slots=True)
class WordFeatures:
    """What the tagger knows of one word outside its sentence: its own attributes, what its neighbours see of
    it, and the phrases it may begin. Cached and shared between words: never changed once built."""

    key: str
    trigger: str  # the kind of name this word announces, if it is a title/role/type word
    common: bool  # frequent in the training text: its neighbours say little about it
    own: tuple[str, ...]
    context: tuple[tuple[str, ...], ...]  # what the neighbour at each offset sees of this word
    starts: NextWords  # gazetteer phrases this word may begin
    remembered: NextWords  # training-text names this word may begin


NOTHING_AROUND: tuple[tuple[int, ...], ...] = ((), (), (), ())
NO_PHRASES: NextWords = MappingProxyType({})  # the phrases most words begin: one shared, read-only empty table
PAD = WordFeatures("", "", True, (), ((), ("BOS",), ("EOS",), ()), NO_PHRASES, NO_PHRASES)


class Featuriser:
    """Turns sentences of normalised words into CRF features: for each word, groups of features (its
    own, what each neighbour shows it, those of its sentence and document).

    ``keep``: the attributes the model has weights for (None keeps all, as names, for training).
    Given, any other feature is left out, and the rest become their ids: attribute ``keep[i]`` is
    ``i + 1``.
    """

    def __init__(self, lexicons: Lexicons | None = None, keep: Sequence[str] | None = None) -> None:
        self.lex = lexicons or load_lexicons()
        known = None if keep is None else {a: i for i, a in enumerate(keep, 1)}
        self.known = known
        # what a neighbour sees (k=...) -> its attribute at each offset (-2k=..., -1k=..., 1k=..., 2k=...;
        # 0 where the model has none): one look-up finds all four without building their strings
        self.around: dict[str, list[int]] | None = None
        if known is not None:
            self.around = {}
            for a, b in known.items():
                for j, p in enumerate(OFFSET_PREFIXES):
                    if a.startswith(p):
                        self.around.setdefault(a[len(p) :], [0] * len(OFFSET_PREFIXES))[j] = b
        # the places the gazetteers know, of which a nisba adjective may be made
        self.places = frozenset(
            [n for n, kinds in self.lex.gazetteer.items() if "LOC" in kinds] + [n for n, kinds in self.lex.project.items() if "pLOC" in kinds]
        )
        self.pad = PAD if known is None else dataclasses.replace(PAD, context=tuple([self._known(c) for c in PAD.context]))
        # every left part of a known key pair (kk=A|B), so most words need no pair string at all
        self.pair_starts = None if known is None else frozenset(
            a[3:i] for a in known if a.startswith("kk=") for i in range(3, len(a)) if a[i] == "|"
        )
        self.loose = self.lex.normaliser.loose_table  # people's names are looked up loosely folded (ة→ه، ى→ي), as listed
        # the most recent words: some 500 bytes each, so that a long article or stream keeps memory bounded
        self.word = lru_cache(maxsize=WORD_CACHE)(self.build)
        # what neighbours see of a word, one tuple per distinct value: few words differ in it (most are rare)
        self._contexts: dict[tuple[tuple, ...], tuple[tuple, ...]] = {}

    def _nisba(self, k: str) -> bool:
        """An adjective of relation made from a place name known to a gazetteer (سوداني، الكاميرونية)."""
        places = self.places
        for suffix in NISBA_ENDINGS:
            if k.endswith(suffix) and len(k) - len(suffix) >= 3:
                base = k[: -len(suffix)]
                if base in places or base + "ا" in places or base + "ة" in places:  # سوريا → سوري، مصر → مصري
                    return True
        return False

    def build(self, word: str) -> WordFeatures:
        """Everything about one word that does not depend on its sentence (not cached: see ``word``)."""
        lex = self.lex
        k = key(word)
        forms = prefixed(word)
        stem = unsuffixed(forms)[-1]
        # most words have no letter the loose folding changes: their forms are their loose forms
        loose_forms = forms if word.translate(self.loose) == word else [f.translate(self.loose) for f in forms]
        sh = shape(word)
        freq = lex.frequency.get(word, lex.frequency.get(k, -1))
        # the kinds of the first form (the word, then ever shorter clitic-free forms) each table knows
        gaz = project = names = cls = person = None
        starts: list[tuple[tuple[str, ...], str]] = []
        remembered: list[tuple[tuple[str, ...], str]] = []
        for form, loose in zip(forms, loose_forms):
            if gaz is None:
                gaz = lex.gazetteer.get(form)
            if project is None:
                project = lex.project.get(form)
            if names is None:
                names = lex.names.get(form)
            if cls is None:
                cls = lex.classes.get(form)
            if person is None:
                person = lex.persons.get(loose)
            if form in lex.phrases:
                starts.extend(lex.phrases[form])
            if form in lex.name_phrases:
                remembered.extend(lex.name_phrases[form])
        trig = lex.triggers.get(k) or lex.triggers.get(word) or ""
        if not trig and k[-1:] in NISBA_ENDS and self._nisba(k):
            trig = "NORP"  # a nationality or origin adjective (الكاميروني): it qualifies a name, is not one
        x2 = word[-2:]
        own = [
            "b",
            "w=" + word,
            "k=" + k,
            "s=" + stem,
            "len=" + _length(k),
            "f=" + (str(freq) if freq >= 0 else "rare"),
            "p1=" + k[:1],
            "p2=" + k[:2],
            "p3=" + k[:3],
            "x1=" + word[-1:],
            "x2=" + x2,
            "x3=" + word[-3:],
        ]
        seen = ["k=" + k]  # what neighbours see
        # Arabic script and no prefix are the usual case: only departures from it are features, which
        # keeps the number of features per word down
        if sh != "ar":
            own.append("sh=" + sh)
            seen.append("sh=" + sh)
        if len(k) < len(word):
            own.append("pre=" + word[: len(word) - len(k)])
        # letter trigrams tell transliterated foreign names (فينغر، بنفيكا) from Arabic words
        padded = "^" + k + "$"
        own.extend(map("c=".__add__, map(padded.__getitem__, map(slice, range(len(k)), range(3, len(k) + 3)))))
        for kinds, prefix in ((gaz, "g="), (project, "g="), (names, "m=")):
            if kinds:
                marked = [prefix + g for g in sorted(kinds)]
                own.extend(marked)
                seen.extend(marked)
        if trig:
            own.append("t=" + trig)
            seen.append("t=" + trig)
        if freq < 0:
            seen.append("rare")
        near = [*seen, "x2=" + x2, "s=" + stem]  # the next and previous words also see its ending and stem
        # ... and its class in a large Arabic vocabulary, or its absence: most names no list holds
        if cls or sh == "ar":
            lx = "lx=" + (cls or "none")
            own.append(lx)
            near.append(lx)
        # ... and whether people bear it as a given or a family name (not a function word: على is no علي)
        if person and "func" not in (cls or ""):
            nm = "nm=" + person
            own.append(nm)
            near.append(nm)
        if self.known is None:
            sees = (seen, near, near, seen)
            context = tuple([tuple([p + f for f in fs]) for p, fs in zip(OFFSET_PREFIXES, sees)])
        else:
            # filter(None, ...) drops what the model does not know (ids start at 1)
            own = list(filter(None, map(self.known.get, own)))
            # near holds all that seen holds; its other features were never seen two words away in
            # training, so the model has no attribute for them at offsets -2 and +2
            hits = list(filter(None, map(self.around.get, near)))
            context = tuple(map(tuple, map(partial(filter, None), zip(*hits)))) if hits else NOTHING_AROUND
            context = self._contexts.get(context) or self._shared(context)
        return WordFeatures(
            k, trig, freq >= COMMON_CLASS, tuple(own), context,
            by_next(starts) if starts else NO_PHRASES, by_next(remembered) if remembered else NO_PHRASES,
        )

    def _shared(self, context: tuple[tuple, ...]) -> tuple[tuple, ...]:
        """``context``, kept as the one copy of its value (the table bounded as the word cache is)."""
        if len(self._contexts) >= WORD_CACHE:
            self._contexts.clear()
        self._contexts[context] = context
        return context

    def extras(self, words: Sequence[str], info: Sequence[WordFeatures]) -> list[tuple[str, ...]]:
        """The features of each word that depend on its sentence: the pair of its key and the previous
        word's (``kk=``), and its place in a multi-word name of a gazetteer (``gp=``) or of the training
        text (``mp=``)."""
        starts = self.pair_starts
        encode = self.known.get if self.known is not None else str  # ids, or the names when training
        out: list[tuple] = [()] * len(info)
        for i in range(1, len(info)):
            before = info[i - 1].key
            if starts is None or before in starts:
                pair = encode("kk=" + before + "|" + info[i].key)
                if pair:
                    out[i] = (pair,)
        for i, mark in [*marks(words, [wf.starts for wf in info], "gp="), *marks(words, [wf.remembered for wf in info], "mp=")]:
            mark = encode(mark)
            if mark:
                out[i] = (*out[i], mark)
        return out

    def _known(self, feats: Sequence[str]) -> tuple:
        """The ids of the features the model knows (all the features, as they are, when training)."""
        if self.known is None:
            return tuple(feats)
        get = self.known.get
        return tuple(filter(None, map(get, feats)))

    def announced(self, infos: Sequence[Sequence[WordFeatures]]) -> dict[str, tuple[str, ...]]:
        """What the neighbours of each word announce anywhere in a document (``d=L...`` for a title
        before it, ``d=R...`` for a type word after it), by key, so that a name introduced once
        (المدرب كوبل) is recognised when it comes back alone."""
        seen: dict[str, set[str]] = {}
        for info in infos:
            for i, wf in enumerate(info):
                kind = wf.trigger
                if not kind:
                    continue
                if i + 1 < len(info) and not info[i + 1].common:  # the word after a title
                    seen.setdefault(info[i + 1].key, set()).add("d=L" + kind)
                if i and not info[i - 1].common:  # the word before a type word
                    seen.setdefault(info[i - 1].key, set()).add("d=R" + kind)
        return {k: self._known(sorted(v)) for k, v in seen.items()}

    def sentence(self, words: Sequence[str], announced: dict[str, tuple[str, ...]] | None = None) -> list[Groups]:
        """Features of the words of one sentence (normalised forms)."""
        return self._sentence(words, [self.word(w) for w in words], announced or {})

    def document(self, sentences: Sequence[Sequence[str]]) -> Iterator[list[Groups]]:
        """Features of the sentences of one document, with what :meth:`announced` finds in it, a sentence
        at a time: a long document's features are never all held at once."""
        word = self.word
        misses = word.cache_info().misses
        infos: list[list[WordFeatures] | None] = [[word(w) for w in ws] for ws in sentences]
        announced = self.announced(infos)  # type: ignore[arg-type]
        return self._each(sentences, infos, announced, misses)

    def _each(self, sentences: Sequence[Sequence[str]], infos: list[list[WordFeatures] | None],
              announced: dict[str, tuple[str, ...]], misses: int) -> Iterator[list[Groups]]:
        # each sentence's word features are let go once used: the word cache keeps only the recent words,
        # and the others of a long document would stay alive here until its last sentence
        for i, words in enumerate(sentences):
            info, infos[i] = infos[i], None
            yield self._sentence(words, info, announced)  # type: ignore[arg-type]
        if self.word.cache_info().misses - misses >= WORD_CACHE:
            # a document with more new words than the cache holds has filled it with its own, mostly rare,
            # words: they are dropped, so that the rest of its analysis has the room
            self.word.cache_clear()
            self._contexts.clear()

    def _sentence(self, words: Sequence[str], info: list[WordFeatures], announced: dict[str, tuple[str, ...]]) -> list[Groups]:
        pad = self.pad  # gives BOS/EOS to the next/previous word, nothing else
        ctx = [pad.context, pad.context, *[wf.context for wf in info], pad.context, pad.context]
        extras = self.extras(words, info)
        if announced:
            for i, wf in enumerate(info):
                if wf.key in announced:
                    extras[i] = (*extras[i], *announced[wf.key])
        return [
            (wf.own, before2[0], before1[1], after1[2], after2[3], x)
            for wf, before2, before1, after1, after2, x in zip(info, ctx, ctx[1:], ctx[3:], ctx[4:], extras)
        ]


def flat(groups: Groups) -> tuple:
    """A word's features as one tuple, as crfsuite's trainer takes them."""
    return tuple(chain.from_iterable(groups))


def by_next(phrases: list[tuple[tuple[str, ...], str]]) -> NextWords:
    """Phrases grouped by their second word, keeping their order (longest first)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for rest, kind in phrases:
        out.setdefault(rest[0], []).append((rest, kind))
    return {w: tuple(p) for w, p in out.items()}


def marks(words: Sequence[str], starts: Sequence[NextWords], prefix: str) -> list[tuple[int, str]]:
    """Longest multi-word names in the sentence, as ``(position, B/I feature)`` of their words."""
    out: list[tuple[int, str]] = []
    free = 0  # the first word not inside a name marked already
    last = len(words) - 1
    for i in compress(range(last), starts):  # the words that may begin a name, but the last
        if i < free:
            continue
        for rest, kind in starts[i].get(words[i + 1], ()):
            m = len(rest)
            if tuple(words[i + 1 : i + 1 + m]) == rest:
                out.append((i, prefix + "B-" + kind))
                out.extend((j, prefix + "I-" + kind) for j in range(i + 1, i + 1 + m))
                free = i + 1 + m
                break
    return out
