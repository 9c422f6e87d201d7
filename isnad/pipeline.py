"""Builds the stages once (every lexicon and model loaded once) and runs them on many documents.

A stage is a callable ``Document -> Document`` with a ``name`` and the fields it ``requires`` and
``assigns``; :class:`Pipeline` checks at build time that every requirement is met by an earlier stage,
so a stage can be swapped (a statistical recogniser for a rule-based one) without touching the others.
"""
from __future__ import annotations

import gc
import importlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from isnad import __version__
from isnad.document import Document
from isnad.errors import InputError, IsnadError
from isnad.resources import Resources
from isnad.text.stages import LONE_SURROGATE

# name -> "module:Class"; the default order of the analysis.
STAGES: dict[str, str] = {
    "normalise": "isnad.text.stages:Normalise",
    "segment": "isnad.text.stages:Segment",
    "gazetteer": "isnad.entities.gazetteer:GazetteerRecogniser",
    "tagger": "isnad.entities.tagger:TaggerRecogniser",
    "resolve": "isnad.resolve.stage:Resolve",
    "timex": "isnad.timex.stage:TimeExpressions",
    "attribution": "isnad.attribution.stage:Attributions",
    "events": "isnad.events.coder:EventCoder",
    "credibility": "isnad.credibility:Credibility",
}
DEFAULT = tuple(STAGES)
# Fields of a Document that exist before any stage runs.
GIVEN = {"text", "id", "url", "outlet", "title", "published", "meta"}
GC_THRESHOLD = 50_000  # allocations between collections of the youngest generation (Python: 700)
# working data that every stage reading it declares in ``requires``, and its empty value: it is dropped once
# no later stage requires it (the normalised text costs two bytes a character of a long article; its
# words live on in the tokens)
RELEASED = {"norm": ""}


class Stage(Protocol):
    """A step of the analysis: its name, the Document fields it reads and those it sets, and the call that
    sets them."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


def collect_less() -> None:
    """Garbage collection tuned for long-lived lexicons and caches.

    The lexicons and models just loaded live as long as the pipeline: they leave the collector's
    generations, which it would otherwise walk again and again (a third of the run time). The word
    caches that fill while documents are analysed are long-lived too: collecting less often spares
    walking them (15% of the tagger's time); cycles are rare, so memory hardly grows.
    """
    gc.freeze()
    threshold = gc.get_threshold()
    if threshold[0] < GC_THRESHOLD:
        gc.set_threshold(GC_THRESHOLD, *threshold[1:])


class PipelineError(IsnadError):
    """A pipeline that cannot be built: an unknown stage, or one that needs a field no earlier stage sets."""

    code = "E202"


# the fields a caller gives, each a string (``id`` may be empty; the others may be None)
INPUT_FIELDS = ("text", "id", "url", "outlet", "title", "published")


def check_input(doc: Any) -> None:
    """The caller's Document holds strings where strings belong, and no lone surrogate (a broken escape,
    which no store can encode) in its fields or meta: each becomes U+FFFD, as in the text."""
    if not isinstance(doc, Document):
        raise InputError(f"a Document or a string is needed, not {type(doc).__name__}")
    wrong = [f"{name!r} is {type(value).__name__}" for name in INPUT_FIELDS
             if (value := getattr(doc, name)) is not None and not isinstance(value, str)]
    if doc.text is None:
        wrong.append("'text' is None")
    if not isinstance(doc.meta, dict):
        wrong.append(f"'meta' is {type(doc.meta).__name__}, not a dict")
    if wrong:
        raise InputError(f"document {doc.id if isinstance(doc.id, str) and doc.id else '(no id)'}: fields "
                         f"must be strings: {', '.join(wrong)}")
    for name in INPUT_FIELDS[1:]:
        value = getattr(doc, name)
        if value and LONE_SURROGATE.search(value):
            setattr(doc, name, LONE_SURROGATE.sub("\ufffd", value))
            doc.warnings.append(f"the {name} held lone surrogate code points (broken escapes); each became U+FFFD")
    meta = _without_surrogates(doc.meta)
    if meta != doc.meta:
        doc.meta = meta
        doc.warnings.append("the metadata held lone surrogate code points (broken escapes); each became U+FFFD")


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def load_stage(name: str, resources: Resources, **options: Any) -> Stage:
    """The stage of that name, built on ``resources`` (the lexicons and models it needs)."""
    try:
        target = STAGES[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(STAGES)}") from None
    module, cls = target.split(":")
    return getattr(importlib.import_module(module), cls)(resources, **options)


class Pipeline:
    """``Pipeline()`` builds the default analysis; ``Pipeline(["normalise", "segment"])`` a partial one.

    Stages may be given by name or as ready-made stage objects. ``options`` maps a stage name to
    keyword arguments for its constructor. Every stage built by name shares ``resources`` (by default
    the bundled data, or the folder ``$ISNAD_DATA`` names), so each lexicon is loaded once.
    """

    def __init__(self, stages: Sequence[str | Stage] = DEFAULT, options: dict[str, dict[str, Any]] | None = None,
                 resources: Resources | None = None):
        options = options or {}
        self.resources = resources or Resources()
        self.stages: list[Stage] = [
            load_stage(s, self.resources, **options.get(s, {})) if isinstance(s, str) else s for s in stages
        ]
        available = set(GIVEN)
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise PipelineError(f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage sets")
            available.update(stage.assigns)
        self.version = f"isnad {__version__} ({'+'.join(s.name for s in self.stages)})"
        # what to drop after each stage: what it required and no later stage does; a partial pipeline keeps it
        self.release: list[tuple[str, ...]] = [
            tuple(f for f in RELEASED if f in stage.requires and not any(f in s.requires for s in self.stages[k + 1 :]))
            if k + 1 < len(self.stages) else ()
            for k, stage in enumerate(self.stages)
        ]
        collect_less()

    @property
    def names(self) -> list[str]:
        """The stages' names, in the order they run."""
        return [s.name for s in self.stages]

    def __call__(self, doc: Document | str, **fields: Any) -> Document:
        if isinstance(doc, str):
            doc = Document(text=doc, **fields)
        check_input(doc)
        for stage, release in zip(self.stages, self.release):
            doc = stage(doc)
            for name in release:
                setattr(doc, name, RELEASED[name])
        doc.pipeline = self.version
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Analyse documents one at a time (memory does not grow with their number)."""
        for doc in docs:
            yield self(doc)
