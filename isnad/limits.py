"""The size limit of one article: bytes of text read from a file, a JSONL line, standard input or a request.

The default, 20 MB, is far above any news article (a few kB) and allows a 10 MB one; ``ISNAD_MAX_BYTES``
or the ``--max-bytes`` option of `isnad analyze`, `ingest` and `serve` change it.
"""
from __future__ import annotations

import os

from isnad.errors import InputError

DEFAULT_MAX_BYTES = 20_000_000
ENV = "ISNAD_MAX_BYTES"


def max_bytes(given: int | None = None) -> int:
    """The limit in force: ``given``, else ``$ISNAD_MAX_BYTES``, else :data:`DEFAULT_MAX_BYTES`."""
    if given is not None:
        return given
    value = os.environ.get(ENV, "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    if not value.isdigit() or int(value) < 1:
        raise InputError(f"{ENV}={value!r} is not a positive number of bytes")
    return int(value)


def too_large(limit: int, size: int | None = None) -> str:
    """The message for an article of ``size`` bytes (None: not known, only that it passes) above ``limit``."""
    given = f"{size / 1e6:.1f} MB, " if size is not None else ""
    return f"{given}more than the {limit / 1e6:g} MB limit for one article (--max-bytes or {ENV} raise it)"
