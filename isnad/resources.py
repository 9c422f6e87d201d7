"""Every lexicon, table and model the analysis uses, loaded once and shared by the stages that need them.

A :class:`Resources` reads the data files of ``isnad/data`` (or, first, of a data folder given to it or
named by ``$ISNAD_DATA``: a file there replaces the bundled one of the same name) through one loader, and
builds each resource the first time a stage asks for it. The :class:`~isnad.pipeline.Pipeline` makes one
and hands it to every stage, so two pipelines never share mutable state and no module holds data.
"""
from __future__ import annotations

import gzip
import json
import os
from functools import cached_property
from importlib import resources as package_files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from isnad.attribution.lexicon import Lexicon as AttributionLexicon
from isnad.attribution.lexicon import load_lexicon as load_attribution
from isnad.errors import IsnadError
from isnad.events.ontology import Ontology
from isnad.events.patterns import Lexicon as EventLexicon
from isnad.events.patterns import load_lexicon as load_events
from isnad.events.scorer import Model, load_model
from isnad.gazetteer.lexicon import Lexicon as GazetteerLexicon
from isnad.gazetteer.lexicon import load_lexicon as load_gazetteer
from isnad.gazetteer.outlets import Registry, load_registry
from isnad.store.terms import Terms
from isnad.text.clitics import Clitics
from isnad.text.normalise import Normaliser
from isnad.timex.lexicon import Lexicon as TimexLexicon
from isnad.timex.lexicon import load_lexicon as load_timex

DATA_SETTING = "ISNAD_DATA"


class DataError(IsnadError):
    """The data folder given, or a data file in it, does not exist."""

    code = "E203"


class Resources:
    """The data of one analysis set-up. ``Resources()`` reads the bundled data; ``Resources("my/data")``
    (or ``$ISNAD_DATA``) lets the files of another folder replace bundled files of the same name."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        chosen = data_dir if data_dir is not None else os.environ.get(DATA_SETTING) or None
        if chosen is not None and not Path(chosen).is_dir():
            raise DataError(f"data folder {chosen} does not exist")
        self.data_dir = Path(chosen) if chosen is not None else None
        self.bundled = package_files.files("isnad.data")
        self._events: dict[bool, EventLexicon] = {}

    # --- the loader -------------------------------------------------------------------------------

    def path(self, name: str) -> Traversable:
        """The file ``name`` (a path relative to the data folder): the overriding folder's if it has it."""
        if self.data_dir is not None and (self.data_dir / name).is_file():
            return self.data_dir / name
        return self.bundled.joinpath(name)

    def exists(self, name: str) -> bool:
        """Whether the data folder (overriding or bundled) has the file."""
        return self.path(name).is_file()

    def bytes(self, name: str) -> bytes:
        """The file's bytes, gunzipped when its name ends in .gz; a clear error when it is missing."""
        try:
            data = self.path(name).read_bytes()
        except FileNotFoundError:
            raise DataError(f"data file {name} is missing from the data folder") from None
        return gzip.decompress(data) if name.endswith(".gz") else data

    def text(self, name: str) -> str:
        """The file as UTF-8 text."""
        return self.bytes(name).decode("utf-8")

    def json(self, name: str) -> Any:
        """The file parsed as JSON."""
        return json.loads(self.text(name))

    def rows(self, name: str, header: bool = False, width: int | None = None) -> list[list[str]]:
        """Tab-separated rows, without blank lines and ``#`` comments; ``header`` drops the first row,
        ``width`` pads or cuts every row to that many cells."""
        lines = [ln for ln in self.text(name).split("\n") if ln.strip() and not ln.startswith("#")]
        rows = [ln.rstrip("\r").split("\t") for ln in lines[1 if header else 0 :]]
        if width is not None:
            rows = [(r + [""] * width)[:width] for r in rows]
        return rows

    def words(self, name: str, fold: bool = True) -> frozenset[str]:
        """The words of a list file (first cell of each row), folded like the text unless ``fold`` is False."""
        words = (r[0].strip() for r in self.rows(name))
        norm = self.normaliser.fold
        return frozenset(norm(w) if fold else w for w in words if w)

    # --- the resources ------------------------------------------------------------------------------

    @cached_property
    def normaliser(self) -> Normaliser:
        """The folding of ``charmap.json``, shared by every stage and lexicon."""
        return Normaliser(self.json("charmap.json"))

    @cached_property
    def clitics(self) -> Clitics:
        """Clitic stripping with the word caches of this set-up."""
        return Clitics()

    @cached_property
    def terms(self) -> Terms:
        """The store's search terms of articles and queries."""
        return Terms(self.normaliser, self.clitics)

    @cached_property
    def outlets(self) -> Registry:
        """The outlet registry (``outlets.tsv`` and ``gazetteer/media_words.txt``)."""
        return load_registry(self)

    @cached_property
    def gazetteer(self) -> GazetteerLexicon:
        """The phrase lexicon of places, actors, roles, nationalities and outlets."""
        return load_gazetteer(self)

    @cached_property
    def attribution(self) -> AttributionLexicon:
        """Reporting verbs, source and hedge words (``attribution/cues.json``)."""
        return load_attribution(self)

    @cached_property
    def timex(self) -> TimexLexicon:
        """The time-expression tables (``timex.json``)."""
        return load_timex(self)

    @cached_property
    def ontology(self) -> Ontology:
        """CAMEO codes and their PLOVER types (``ontology/``)."""
        return Ontology(self.rows("ontology/cameo.tsv", header=True), self.rows("ontology/cameo_plover.tsv", header=True))

    def events(self, dictionary: bool = False) -> EventLexicon:
        """The event patterns and cue words (``dictionary`` adds the public dictionary's patterns)."""
        if dictionary not in self._events:
            self._events[dictionary] = load_events(self, dictionary)
        return self._events[dictionary]

    @cached_property
    def scorer(self) -> Model | None:
        """The event-reality score's weights (``events/scorer.json``), or None when not bundled."""
        return load_model(self)

    @cached_property
    def credibility(self) -> dict[str, Any]:
        """The grading rules (``credibility.json``)."""
        return self.json("credibility.json")


    @cached_property
    def stories(self) -> dict[str, Any]:
        """The cross-article layer's word lists (``stories.json``), folded like the text."""
        data = self.json("stories.json")
        fold = self.normaliser.fold
        return {"credit_cues": frozenset(fold(w) for w in data["credit_cues"])}
