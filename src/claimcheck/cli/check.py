"""``claimcheck check PATH...`` (also plain ``claimcheck PATH...``): the linter itself."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from ..engine import Run, run
from ..options import Options
from ..report.jsonout import render_json
from ..report.text import render_text

__all__ = ["register", "exit_status"]


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


_RANK = {"info": 0, "warning": 1, "error": 2}


def exit_status(result: Run, fail_on: str = "error") -> int:
    """0: no new finding at or above ``fail_on``; 1: some; 2: a file could not be read."""
    if result.problems:
        return 2
    worst = [f for f in result.findings if f.status == "new" and _RANK[f.severity] >= _RANK[fail_on]]
    return 1 if worst else 0


def check(
    paths: list[str] = typer.Argument(..., help="Article files or folders (searched recursively for .txt and .md)."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report to FILE instead of standard output."),
    html: Path = typer.Option(None, "--html", help="Also write the HTML consistency report to FILE."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also show consistent groups and timelines."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Lowest severity of a new finding that fails the run."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings (report-only runs)."),
    select: list[str] = typer.Option(None, "--select", help="Only these rule codes or names (repeatable)."),
    ignore: list[str] = typer.Option(None, "--ignore", help="Skip these rule codes or names (repeatable)."),
    min_dup_length: int = typer.Option(50, "--min-dup-length", min=10, help="Shortest duplicated passage reported, in characters."),
    dup_similarity: float = typer.Option(0.85, "--dup-similarity", min=0.5, max=1.0, help="Lowest similarity of an edited copy."),
    boilerplate_docs: int = typer.Option(5, "--boilerplate-docs", min=2, help="A passage in this many articles is boilerplate."),
    workers: int = typer.Option(0, "--workers", "-j", min=0, help="Worker processes (0 = automatic)."),
) -> None:
    """Check the articles under PATH... for contradicting figures and duplicated passages.

    Exit status: 0 no new error findings, 1 new findings at or above --fail-on, 2 usage or input errors.
    """
    options = Options(select=tuple(select or ()), ignore=tuple(ignore or ()), min_dup_length=min_dup_length,
                      dup_similarity=dup_similarity, boilerplate_docs=boilerplate_docs, workers=workers)
    result = run(paths, options)
    if html:
        from ..report.html import render_html

        html.write_text(render_html(result), encoding="utf-8")
    if format in (Format.json, Format.html):
        if format is Format.json:
            text = render_json(result)
        else:
            from ..report.html import render_html

            text = render_html(result)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    else:
        render_text(result, Console(highlight=False), verbose=verbose)
    raise typer.Exit(0 if exit_zero and exit_status(result, fail_on.value) != 2 else exit_status(result, fail_on.value))


def register(app: typer.Typer) -> None:
    """Add the sub-command to ``app``."""
    app.command("check")(check)
