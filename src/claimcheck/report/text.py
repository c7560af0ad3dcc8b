"""Terminal report (placeholder until the rich reporter lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console

from .jsonout import summary

if TYPE_CHECKING:
    from ..engine import Run

__all__ = ["render_text"]


def render_text(run: Run, console: Console, verbose: bool = False) -> None:
    """Print the findings and a summary line to ``console``."""
    for f in run.findings:
        console.print(f"{f.rule} {f.severity}: {f.message}", markup=False, highlight=False)
    s = summary(run)
    console.print(f"{s['documents']} documents, {s['claims']} claims, {s['groups']} groups, "
                  f"{s['findings']} findings", markup=False, highlight=False)
