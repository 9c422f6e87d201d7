"""The outlet registry: Arabic and international news outlets with their documented facts.

``isnad/data/outlets.tsv`` holds one outlet a row (names in Arabic and English, country, type, ownership,
affiliation, where each fact is documented). Arabic names are folded like the text when loaded, so
look-ups match normalised text. Names that are also common words (الجزيرة، العربية، المنار) are kept
apart in ``names_ar_context``: they name the outlet only after a media word (``media_words.txt``:
قناة، صحيفة، وكالة).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import TYPE_CHECKING

from isnad.text.normalise import Normaliser

if TYPE_CHECKING:
    from isnad.resources import Resources

TYPES = ("agency", "newspaper", "tv", "online", "radio", "unknown")
UNKNOWN_PREFIX = "unknown:"  # the id of an outlet the registry does not know: unknown:<name>


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet of the registry: names, country, type, ownership, affiliation and documented reliability."""

    id: str
    names_ar: tuple[str, ...]
    names_en: tuple[str, ...]
    country: str | None
    type: str  # agency, newspaper, tv, online, radio, unknown
    ownership: str | None  # state, public, private, party, cooperative
    affiliation: str | None
    reliability_prior: str | None  # A-F when documented, else None
    source: str | None  # where the facts are documented ("wp:<article title>" = English Wikipedia)
    names_ar_context: tuple[str, ...] = ()  # names that need a media word before them


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def load_registry(resources: Resources) -> Registry:
    """The registry of the bundled (or overriding) ``outlets.tsv``, Arabic names folded for matching."""
    fold = resources.normaliser.fold
    lines = (ln for ln in resources.text("outlets.tsv").splitlines() if not ln.startswith("#"))
    outlets = [
        Outlet(
            id=r["id"],
            names_ar=tuple(fold(n) for n in _split(r["names_ar"])),
            names_en=_split(r["names_en"]),
            country=r["country"] or None,
            type=r["type"] if r["type"] in TYPES else "unknown",
            ownership=r["ownership"] or None,
            affiliation=r["affiliation"] or None,
            reliability_prior=r["reliability_prior"] or None,
            source=r["source"] or None,
            names_ar_context=tuple(fold(n) for n in _split(r["names_ar_context"])),
        )
        for r in csv.DictReader(lines, delimiter="\t")
    ]
    media = tuple(sorted(resources.words("gazetteer/media_words.txt"), key=len, reverse=True))
    return Registry(outlets, media, resources.normaliser)


class Registry:
    """The outlets by id and by name; ``media_words`` (folded, longest first) announce an outlet's name."""

    def __init__(self, outlets: list[Outlet], media_words: tuple[str, ...], normaliser: Normaliser) -> None:
        self.outlets = outlets
        self.by_id = {o.id: o for o in outlets}
        self.media_words = media_words
        self.media_set = frozenset(media_words)
        self.fold = normaliser.fold
        self.safe: dict[str, Outlet] = {}  # folded Arabic and lower-cased English names
        self.context: dict[str, Outlet] = {}  # names that need a media word before them
        for o in outlets:
            for n in o.names_ar:
                self.safe.setdefault(n, o)
            for n in o.names_en:
                self.safe.setdefault(n.lower(), o)
            for n in o.names_ar_context:
                self.context.setdefault(n, o)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.outlets)

    def get(self, outlet_id: str | None) -> Outlet | None:
        """The registry outlet of an id (None for None, an unknown id or an ``unknown:`` outlet)."""
        return self.by_id.get(outlet_id) if outlet_id else None

    def _strip_media_word(self, name: str) -> str:
        """The name without a leading media word (صحيفة الأهرام → الأهرام)."""
        for w in self.media_words:
            for form in (w + " ", "ال" + w + " "):
                if name.startswith(form):
                    return name[len(form) :]
        return name

    def find(self, name: str) -> Outlet | None:
        """The registry outlet a name refers to (Arabic folded, English case-insensitive), or None.

        A name that is also a common word (العربية) matches only with its media word (قناة العربية).
        Quotes and a leading و/ف are ignored.
        """
        folded = " ".join(self.fold(name).replace('"', " ").split())
        if folded[:1] in ("و", "ف") and folded[1:] and folded not in self.safe:
            folded = folded[1:]
        if folded in self.safe or folded.lower() in self.safe:
            return self.safe.get(folded) or self.safe[folded.lower()]
        bare = self._strip_media_word(folded)
        if bare != folded:
            return self.safe.get(bare) or self.context.get(bare)
        return None

    def named(self, word: str) -> Outlet | None:
        """The outlet a normalised name stands for, common-word names included (after ل: للجزيرة)."""
        return self.safe.get(word) or self.context.get(word)

    def unknown(self, name: str) -> Outlet:
        """An outlet the registry does not know (``type`` "unknown"), named as the text names it."""
        bare = self._strip_media_word(" ".join(self.fold(name).replace('"', " ").split()))
        return Outlet(id=UNKNOWN_PREFIX + bare.replace(" ", "_"), names_ar=(bare,), names_en=(), country=None,
                      type="unknown", ownership=None, affiliation=None, reliability_prior=None, source=None)

    def match(self, words: list[str]) -> tuple[int, int, Outlet] | None:
        """The longest outlet name among normalised words: ``(first, end, outlet)`` word indices, or None.

        Quote marks are skipped; a context-only name (الجزيرة) counts only right after a media word.
        """
        idx = [i for i, w in enumerate(words) if w != '"']
        plain = [words[i] for i in idx]
        for n in range(min(len(plain), 6), 0, -1):
            for a in range(len(plain) - n + 1):
                name = " ".join(plain[a : a + n])
                hit = self.safe.get(name)
                if hit is None and name in self.context and a > 0 and plain[a - 1] in self.media_set:
                    hit = self.context[name]
                if hit is not None:
                    return idx[a], idx[a + n - 1] + 1, hit
        return None
