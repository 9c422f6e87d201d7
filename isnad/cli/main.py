"""Entry point of the `isnad` command."""
from __future__ import annotations

import sys

import click

from isnad import __version__
from isnad.cli.lazy import LazyGroup
from isnad.errors import IsnadError

COMMANDS = {
    "analyze": "isnad.cli.analyze:analyze",
    "bench": "isnad.cli.bench:bench",
    "evaluate": "isnad.cli.evaluate:evaluate",
    "train": "isnad.cli.ner:train",
    "tag": "isnad.cli.ner:tag",
    "ingest": "isnad.cli.store:ingest",
    "events": "isnad.cli.store:events",
    "search": "isnad.cli.store:search",
    "export": "isnad.cli.store:export",
    "stories": "isnad.cli.stories:stories",
    "story": "isnad.cli.stories:story",
    "serve": "isnad.cli.serve:serve",
}


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="isnad")
def cli() -> None:
    """isnad: sourced event data from Arabic news.

    Finds who did what to whom, where and when, codes it in CAMEO and PLOVER, and records
    according to whom each claim is made.
    """


def main() -> None:
    """Runs the `isnad` command and exits with its status; an isnad error is one line on stderr and status 2,
    not a traceback."""
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as e:
        code = e.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except IsnadError as e:
        click.echo(f"isnad: {e}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)
