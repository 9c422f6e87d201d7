"""Errors raised by isnad. Each carries a short code so that users and tests can tell them apart."""
from __future__ import annotations


class IsnadError(Exception):
    """Base class; ``code`` is stable across versions (E1xx input, E2xx data, E3xx store, E4xx api)."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class DecodeError(IsnadError):
    """Bytes that cannot be read as text: undecodable in the given encoding, or a binary file."""

    code = "E101"


class InputError(IsnadError):
    """Input the caller must correct: a field of the wrong type, a page without article text, a bad setting."""

    code = "E102"


class DataError(IsnadError):
    """A model the analysis needs, or the corpus training reads, is missing or unreadable."""

    code = "E201"
