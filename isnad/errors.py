"""Errors raised by isnad. Each carries a short code so that users and tests can tell them apart."""
from __future__ import annotations


class IsnadError(Exception):
    """Base class; ``code`` is stable across versions (E1xx input, E2xx data, E3xx store, E4xx api)."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class DecodeError(IsnadError):
    code = "E101"


class InputError(IsnadError):
    code = "E102"


class DataError(IsnadError):
    code = "E201"
