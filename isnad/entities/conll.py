"""CoNLL files (one token per line, a blank line between sentences) and the entities of a tag sequence.

BIO tags are read leniently: an ``I-X`` that does not continue an ``X`` entity starts a new one, as
conlleval does (:mod:`isnad.eval.ner` scores entities).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO



def read_conll(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Sentences as lists of rows; a row is the whitespace-separated columns of one line."""
    sentence: list[list[str]] = []
    for line in lines:
        cols = line.split()
        if not cols:
            if sentence:
                yield sentence
                sentence = []
            continue
        sentence.append(cols)
    if sentence:
        yield sentence


def documents(sentences: Iterable[list[list[str]]], size: int) -> Iterator[list[list[list[str]]]]:
    """Sentences grouped into documents: at ``-DOCSTART-`` lines when the file has them, else in blocks
    of ``size`` sentences (an article's worth; 0 puts every sentence in a document of its own)."""
    doc: list[list[list[str]]] = []
    for sentence in sentences:
        if sentence[0][0] == "-DOCSTART-":
            size = 10**9  # the file marks its documents
            if doc:
                yield doc
                doc = []
            continue
        doc.append(sentence)
        if len(doc) >= max(size, 1):
            yield doc
            doc = []
    if doc:
        yield doc


def write_conll(out: TextIO, sentences: Iterable[tuple[list[str], list[str]]]) -> None:
    """Writes ``token<TAB>tag`` lines, a blank line after each sentence."""
    for tokens, tags in sentences:
        out.writelines(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags))
        out.write("\n")


def entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` for every entity in a BIO tag sequence."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate(tags):
        if tag == "O":  # most tags: close the open entity, if any
            if start >= 0:
                out.append((start, i, kind))
                start = -1
            continue
        prefix, label = tag[0], tag[2:]
        if prefix == "I" and label == kind and start >= 0:
            continue
        if start >= 0:
            out.append((start, i, kind))
        start, kind = (i, label) if prefix in ("B", "I") else (-1, "")
    if start >= 0:
        out.append((start, len(tags), kind))
    return out


def to_bioes(tags: list[str]) -> list[str]:
    """BIO tags with single-word names as S- and the last word of longer ones as E-."""
    out = ["O"] * len(tags)
    for first, last, kind in entities(tags):
        if last - first == 1:
            out[first] = "S-" + kind
        else:
            out[first] = "B-" + kind
            out[first + 1 : last - 1] = ["I-" + kind] * (last - first - 2)
            out[last - 1] = "E-" + kind
    return out


def to_bio(tags: list[str]) -> list[str]:
    """BIOES (or BIO) tags as BIO."""
    return [("B" + t[1:] if t[0] == "S" else "I" + t[1:]) if t[0] in "SE" else t for t in tags]
