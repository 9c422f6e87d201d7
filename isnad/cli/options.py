"""Option parsing shared by several commands."""
from __future__ import annotations

from datetime import date

import click


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: a YYYY-MM-DD date, checked, or None."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def max_bytes_option(f):
    """The ``--max-bytes`` option: the size limit of one article (``$ISNAD_MAX_BYTES``, else 20 MB)."""
    return click.option("--max-bytes", type=click.IntRange(min=1), envvar="ISNAD_MAX_BYTES", metavar="N",
                        help="Size limit of one article in bytes (a file, a JSONL line's text, a request's "
                             "text); larger ones are refused by name [default: $ISNAD_MAX_BYTES, else "
                             "20000000].")(f)
