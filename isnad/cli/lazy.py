"""A click group whose subcommands are imported only when used, so `isnad --help` starts fast."""
from __future__ import annotations

import importlib

import click


class LazyGroup(click.Group):
    """A click group whose ``lazy`` commands (name -> ``"module:attribute"``) are imported when first used."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}  # name -> "module:attribute"

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every subcommand's name, the lazy ones included, in alphabetical order."""
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """The subcommand ``name``, imported now if it is lazy; None when there is no such command.

        A command whose optional dependency is not installed gives a stand-in that says which package it needs."""
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            try:
                return getattr(importlib.import_module(module), attr)
            except ModuleNotFoundError as e:
                if (e.name or "").startswith("isnad"):
                    return None
                return _missing(name, e.name or "?")
        return super().get_command(ctx, name)


def _missing(name: str, package: str) -> click.Command:
    """Stands in for a command whose optional dependency is not installed, and says which."""

    def fail() -> None:
        raise click.ClickException(
            f"`isnad {name}` needs the package {package!r}, which is not installed; "
            "install the extra that brings it (see README: pip install 'isnad[serve,postgres,parquet]')"
        )

    return click.Command(name, callback=fail, help=f"(unavailable: needs {package})",
                         context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
