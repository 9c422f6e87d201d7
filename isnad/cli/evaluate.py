"""`isnad evaluate ...`: scores on gold data, each area in its own module."""
from __future__ import annotations

import click

from isnad.cli.lazy import LazyGroup


@click.group(
    cls=LazyGroup,
    lazy={
        "ner": "isnad.cli.ner:evaluate_ner",
        "events": "isnad.eval.events:evaluate_events",
        "attribution": "isnad.eval.attribution:evaluate_attribution",
        "reading": "isnad.eval.reading:evaluate_reading",
        "stories": "isnad.eval.stories:evaluate_stories",
    },
)
def evaluate() -> None:
    """Score isnad on gold data and print precision, recall and F1."""
