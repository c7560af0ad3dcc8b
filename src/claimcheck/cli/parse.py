"""``claimcheck parse TEXT``: show the quantities the parser reads in a text."""

from __future__ import annotations

import typer

__all__ = ["register"]


def parse(text: str = typer.Argument(None, help="The text to read.")) -> None:
    """Print the quantities found in TEXT (not yet implemented)."""
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add the sub-command to ``app``."""
    app.command("parse")(parse)
