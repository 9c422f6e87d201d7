"""The outlet registry: Arabic and international news outlets with their documented facts.

``isnad/data/outlets.tsv`` holds one outlet a row (names in Arabic and English, country, type, ownership,
affiliation, where each fact is documented). Arabic names are folded with :func:`isnad.text.normalise.fold`
when loaded, so look-ups match normalised text. Names that are also common words (الجزيرة، العربية، المنار)
are kept apart in ``names_ar_context``: they name the outlet only after a media word (قناة، صحيفة، وكالة).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from isnad.text.normalise import fold

TYPES = ("agency", "newspaper", "tv", "online", "radio", "unknown")
# A media word before a name makes an ambiguous name (الجزيرة) an outlet, or an unknown name a new outlet.
MEDIA_WORDS = ("صحيفة", "جريدة", "قناة", "وكالة", "وكالة انباء", "موقع", "تلفزيون", "اذاعة", "مجلة", "شبكة", "فضائية", "راديو")


@dataclass(frozen=True, slots=True)
class Outlet:
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


@lru_cache(maxsize=1)
def load_outlets() -> list[Outlet]:
    """Every outlet in the registry, Arabic names folded for matching."""
    text = resources.files("isnad.data").joinpath("outlets.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t")
    out = []
    for r in rows:
        out.append(
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
        )
    return out


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Outlet], dict[str, Outlet]]:
    """(safe names, context-only names), folded Arabic and lower-cased English -> outlet."""
    safe: dict[str, Outlet] = {}
    context: dict[str, Outlet] = {}
    for o in load_outlets():
        for n in o.names_ar:
            safe.setdefault(n, o)
        for n in o.names_en:
            safe.setdefault(n.lower(), o)
        for n in o.names_ar_context:
            context.setdefault(n, o)
    return safe, context


@lru_cache(maxsize=1)
def media_words() -> tuple[str, ...]:
    return tuple(fold(w) for w in MEDIA_WORDS)


def _strip_article(name: str) -> str:
    """The name without a leading media word (صحيفة الأهرام → الأهرام)."""
    for w in sorted(media_words(), key=len, reverse=True):
        for form in (w + " ", "ال" + w + " "):
            if name.startswith(form):
                return name[len(form) :]
    return name


def find_outlet(name: str) -> Outlet | None:
    """The registry outlet a name refers to (Arabic folded, English case-insensitive), or None.

    A name that is also a common word (العربية) matches only with its media word (قناة العربية).
    Quotes and a leading و/ف are ignored.
    """
    folded = " ".join(fold(name).replace('"', " ").split())
    if folded[:1] in ("و", "ف") and folded[1:] and folded not in _index()[0]:
        folded = folded[1:]
    safe, context = _index()
    if folded in safe or folded.lower() in safe:
        return safe.get(folded) or safe[folded.lower()]
    bare = _strip_article(folded)
    if bare != folded:
        return safe.get(bare) or context.get(bare)
    return None


def outlet_name(word: str) -> Outlet | None:
    """The outlet a normalised name stands for, common-word names included (after ل: للجزيرة)."""
    safe, context = _index()
    return safe.get(word) or context.get(word)


def unknown_outlet(name: str) -> Outlet:
    """An outlet the registry does not know (``type`` "unknown"), named as the text names it."""
    bare = _strip_article(" ".join(fold(name).replace('"', " ").split()))
    return Outlet(
        id="unknown:" + bare.replace(" ", "_"),
        names_ar=(bare,),
        names_en=(),
        country=None,
        type="unknown",
        ownership=None,
        affiliation=None,
        reliability_prior=None,
        source=None,
    )


def match_outlet(words: list[str]) -> tuple[int, int, Outlet] | None:
    """The longest outlet name among normalised words: ``(first, end, outlet)`` word indices, or None.

    Quote marks are skipped; a context-only name (الجزيرة) counts only right after a media word.
    """
    safe, context = _index()
    media = media_words()
    idx = [i for i, w in enumerate(words) if w != '"']
    plain = [words[i] for i in idx]
    for n in range(min(len(plain), 6), 0, -1):
        for a in range(len(plain) - n + 1):
            name = " ".join(plain[a : a + n])
            hit = safe.get(name)
            if hit is None and name in context and a > 0 and plain[a - 1] in media:
                hit = context[name]
            if hit is not None:
                return idx[a], idx[a + n - 1] + 1, hit
    return None
