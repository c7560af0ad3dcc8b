"""``claimcheck check PATH...``: the linter itself."""

from __future__ import annotations

import typer

__all__ = ["register"]


def check(paths: list[str] = typer.Argument(..., help="Files or folders of articles.")) -> None:
    """Check the articles under PATH... (not yet implemented)."""
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add the sub-command to ``app``."""
    app.command("check")(check)
