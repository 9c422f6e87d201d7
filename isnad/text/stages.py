"""Pipeline stages of the text layer."""
from __future__ import annotations

import re

from isnad.document import Document, text_hash
from isnad.resources import Resources
from isnad.text.segment import segment

# a lone surrogate (a broken "\ud83d" escape) is no character: it cannot be encoded, stored or shown
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# runs of letters: counting their lengths makes one match per word, not one per letter
ARABIC_LETTERS = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
LATIN_LETTERS = re.compile(r"[A-Za-z]+")


class Normalise:
    """The ``normalise`` stage: the folded text and its offset map, the text's hash (and id when none is given)
    and a guess of its language.

    Lone surrogates in the text become U+FFFD one for one, so offsets are kept; a text that does not look
    Arabic gets a warning.
    """

    name = "normalise"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("norm", "offsets", "id", "hash", "language")

    def __init__(self, resources: Resources | None = None) -> None:
        self.normalise = (resources or Resources()).normaliser.normalise

    def __call__(self, doc: Document) -> Document:
        if LONE_SURROGATE.search(doc.text):
            # replaced one for one, so every offset stays that of the text as received
            doc.text = LONE_SURROGATE.sub("\ufffd", doc.text)
            doc.warnings.append("the text held lone surrogate code points (broken escapes); each became U+FFFD")
        doc.norm, doc.offsets = self.normalise(doc.text)
        doc.hash = text_hash(doc.norm)
        if not doc.id:
            doc.id = doc.hash
        doc.language = language(doc.norm)
        if doc.language != "ar":
            doc.warnings.append(
                f"the text does not look Arabic (language guess: {doc.language}); isnad analyses Arabic text, "
                "so little or nothing will be found"
            )
        return doc


class Segment:
    """The ``segment`` stage: sentences and tokens; a text without a title takes its first line as title when
    that is a headline."""

    name = "segment"
    requires: tuple[str, ...] = ("norm", "offsets")
    assigns: tuple[str, ...] = ("sentences", "tokens", "title")

    def __init__(self, resources: Resources | None = None) -> None:
        self.key = (resources or Resources()).clitics.key

    def __call__(self, doc: Document) -> Document:
        doc.sentences, doc.tokens = segment(doc.norm, doc.offsets, self.key)
        if not doc.title and doc.sentences and doc.sentences[0].heading:
            # plain text carries no metadata: its headline line is its title
            first = doc.sentences[0]
            doc.title = doc.text[first.start : first.end]
        return doc


def language(text: str) -> str:
    """``ar`` when Arabic letters dominate, ``en`` (Latin script) or ``und`` otherwise."""
    sample = text[:20000]
    arabic = sum(map(len, ARABIC_LETTERS.findall(sample)))
    latin = sum(map(len, LATIN_LETTERS.findall(sample)))
    if arabic == 0 and latin == 0:
        return "und"
    if arabic >= latin * 0.5:
        return "ar"
    return "en" if latin else "und"
