"""``claimcheck check PATH...`` (also plain ``claimcheck PATH...``): the linter itself.

Outputs: ``--format FMT`` is repeatable and takes an optional file, ``FMT:FILE``; plain ``FMT``
goes to standard output, or to the next ``--output FILE`` in order. At most one output may use
standard output. Every file is written atomically (``fsutil.write_atomic``) and an existing file
is replaced only when it is a previous claimcheck report, unless ``--force``.
"""

from __future__ import annotations

import io
import shutil
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from ..baseline import Entry
from ..codes import rule_for, severity_rank
from ..engine import Run
from ..fsutil import OverwriteRefused, is_claimcheck_output, write_atomic
from ..postprocess import Outcome
from ..report.jsonout import render_json
from ..report.text import render_text
from .common import CONFIG_OPTION, NO_CONFIG_OPTION, checked_run, fail, load_effective, read_baseline

__all__ = ["register", "exit_status", "parse_outputs", "FORMATS"]

FORMATS = ("text", "json", "sarif", "markdown", "github", "html")
_SUFFIX_FORMATS = {".json": "json", ".sarif": "sarif", ".md": "markdown", ".html": "html", ".htm": "html"}


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def exit_status(result: Run, fail_on: str = "error", *, stale: int = 0, strict_baseline: bool = False) -> int:
    """0: nothing new at or above ``fail_on``; 1: new findings (or stale entries, when strict); 2: input errors.

    An unreadable file is an input error unless its CC901 finding was accepted (baselined or suppressed).
    """
    unreadable = rule_for("input", "unreadable").code
    accepted = {f.evidence.get("path") for f in result.findings if f.rule == unreadable and f.status != "new"}
    if any(p.path not in accepted for p in result.problems):
        return 2
    worst = [f for f in result.findings if f.status == "new" and severity_rank(f.severity) >= severity_rank(fail_on)]
    return 1 if worst or (strict_baseline and stale) else 0


def parse_outputs(formats: list[str], outputs: list[Path]) -> list[tuple[str, Path | None]]:
    """Pair each ``FMT`` / ``FMT:FILE`` with its file (None = standard output); raise ValueError on misuse."""
    specs: list[tuple[str, Path | None]] = []
    spare = list(outputs)
    if not formats and outputs:  # -o report.sarif alone: the format follows the file's suffix
        formats = [_SUFFIX_FORMATS.get(p.suffix.lower(), "text") for p in outputs]
    # "-f text,sarif" is "-f text -f sarif" (only when every part is a format name)
    formats = [part for spec in formats for part in ([p.strip() for p in spec.split(",")] if _all_formats(spec) else [spec])]
    for spec in formats or ["text"]:
        name, sep, file = spec.partition(":")
        if name.lower() not in FORMATS:
            raise ValueError(f"--format: unknown format {name!r} (choose from {', '.join(FORMATS)}; "
                             "FMT:FILE writes FMT to FILE)")
        if sep and not file:
            raise ValueError(f"--format {spec}: no file name after ':'")
        specs.append((name.lower(), Path(file) if sep else (spare.pop(0) if spare else None)))
    if spare:
        raise ValueError(f"--output {spare[0]}: no --format left to write there")
    if sum(1 for _, f in specs if f is None) > 1:
        raise ValueError("only one output can go to standard output; give the others a file (FMT:FILE)")
    files = [f.resolve() for _, f in specs if f is not None]
    if len(files) != len(set(files)):
        raise ValueError("two outputs name the same file")
    return specs


def _all_formats(spec: str) -> bool:
    return "," in spec and all(part.strip().lower() in FORMATS for part in spec.split(","))


def _render(fmt: str, result: Run, outcome: Outcome, *, verbose: bool, all_findings: bool,
            baseline_used: bool, to_file: bool) -> str:
    if fmt == "json":
        return render_json(result, outcome.stale, outcome.successors)
    if fmt == "sarif":
        from ..report.sarif import render_sarif

        return render_sarif(result, include_all=all_findings, baseline_used=baseline_used)
    if fmt == "markdown":
        from ..report.markdown import render_markdown

        return render_markdown(result, stale=outcome.stale, include_all=all_findings, successors=outcome.successors)
    if fmt == "github":
        from ..report.github import render_github

        return render_github(result, include_all=all_findings)
    if fmt == "html":
        from ..report.html import render_html

        return render_html(result, outcome.stale, outcome.successors)
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None, highlight=False) if to_file else \
        Console(file=buffer, highlight=False, force_terminal=sys.stdout.isatty(), width=_width())
    render_text(result, console, verbose=verbose)
    return buffer.getvalue()


def _width() -> int:
    """The terminal's width when printing to one, else the 100 columns the report is laid out for."""
    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100


def _check_targets(specs: list[tuple[str, Path | None]], result: Run, force: bool) -> None:
    inputs = {Path(d.path).resolve() for d in result.documents}
    for _, target in specs:
        if target is None:
            continue
        if target.resolve() in inputs:
            raise fail(f"{target} is one of the articles being checked; refusing to write a report over it")
        if target.is_dir() or (target.exists() and not force and not is_claimcheck_output(target)):
            raise fail(f"{target} exists and was not written by claimcheck; pass --force to replace it")


def _note_accepted(result: Run) -> None:
    counts = {s: sum(1 for f in result.findings if f.status == s) for s in ("baselined", "suppressed")}
    if any(counts.values()):
        typer.echo("claimcheck: not reported: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n)
                   + " (--all-findings lists them)", err=True)


def _note_stale(stale: list[Entry], strict: bool, successors: dict[str, str]) -> None:
    if not stale:
        return
    word = "entry" if len(stale) == 1 else "entries"
    verb = "matches" if len(stale) == 1 else "match"
    typer.echo(f"claimcheck: {len(stale)} baseline {word} no longer {verb} any finding (fixed or changed)"
               f"{'; failing because of --strict-baseline' if strict else ''}; "
               "`claimcheck baseline prune` removes them:", err=True)
    for e in stale:
        now = f" [changed: now new finding {successors[e.fingerprint]}]" if e.fingerprint in successors else ""
        typer.echo(f"  {e.rule} {e.fingerprint} {', '.join(e.files)}: {e.message}{now}", err=True)


def check(
    paths: list[str] = typer.Argument(..., help="Article files or folders (searched recursively for .txt and .md)."),
    format: list[str] = typer.Option(None, "--format", "-f", metavar="FMT[:FILE]",
                                     help="Output format: text, json, sarif, markdown, github, html. Repeatable (or FMT,FMT); "
                                          "FMT:FILE writes to FILE (e.g. -f text -f sarif:claimcheck.sarif). "
                                          "Default: text on standard output."),
    output: list[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                      help="Write the next --format given without :FILE to FILE (repeatable). "
                                           "Without --format, the format follows FILE's suffix (.json, .sarif, "
                                           ".md, .html; else text)."),
    html: Path = typer.Option(None, "--html", metavar="FILE", help="Also write the HTML consistency report to FILE."),
    force: bool = typer.Option(False, "--force", help="Replace output files even if claimcheck did not write them."),
    config_file: Path = CONFIG_OPTION,
    no_config: bool = NO_CONFIG_OPTION,
    baseline: Path = typer.Option(None, "--baseline", "-b", metavar="FILE",
                                  help="Accept the findings recorded in FILE: only findings not in it fail the run."),
    strict_baseline: bool = typer.Option(False, "--strict-baseline",
                                         help="Also fail (exit 1) when baseline entries no longer match any finding."),
    all_findings: bool = typer.Option(False, "--all-findings",
                                      help="Also list baselined and suppressed findings in sarif, markdown and "
                                           "github outputs (marked as such)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also show consistent groups and timelines."),
    fail_on: FailOn = typer.Option(None, "--fail-on", help="Lowest severity of a new finding that fails the run "
                                                           "\\[default: error]."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings (report-only "
                                                              "runs); usage, config and input errors still exit 2."),
    select: list[str] = typer.Option(None, "--select", help="Only these rule codes or names (repeatable)."),
    ignore: list[str] = typer.Option(None, "--ignore", help="Skip these rule codes or names (repeatable)."),
    min_dup_length: int = typer.Option(None, "--min-dup-length", min=10,
                                       help="Shortest duplicated passage reported, in characters \\[default: 50]."),
    dup_similarity: float = typer.Option(None, "--dup-similarity", min=0.5, max=1.0,
                                         help="Lowest similarity of an edited copy \\[default: 0.85]."),
    boilerplate_docs: int = typer.Option(None, "--boilerplate-docs", min=2,
                                         help="A passage in this many articles is boilerplate \\[default: 5]."),
    workers: int = typer.Option(None, "--workers", "-j", min=0, help="Worker processes (0 = automatic)."),
) -> None:
    """Check the articles under PATH... for contradicting figures and duplicated passages.

    Settings come from \\[tool.claimcheck] in pyproject.toml or claimcheck.toml (found upward from the
    working directory), then from the options given here. Exit status: 0 no new findings at or above
    --fail-on, 1 new findings, 2 usage, config or input errors.

    Examples: [b]claimcheck articles/ -b claimcheck-baseline.json -f text -f sarif:claimcheck.sarif[/b]
    (terminal report and a SARIF file in one run); [b]claimcheck articles/ -o report.json[/b]
    (the format follows the suffix).
    """
    try:
        specs = parse_outputs(list(format or []), list(output or []))
    except ValueError as exc:
        raise fail(str(exc)) from None
    if html:
        specs.append(("html", html))
    config = load_effective(config_file, no_config, {
        "select": select, "ignore": ignore, "min_dup_length": min_dup_length, "dup_similarity": dup_similarity,
        "boilerplate_docs": boilerplate_docs, "workers": workers, "baseline": baseline,
        "fail_on": fail_on.value if fail_on else None})
    accepted = read_baseline(config.baseline)
    result, outcome = checked_run(paths, config, accepted)
    _check_targets(specs, result, force)
    for fmt, target in specs:
        text = _render(fmt, result, outcome, verbose=verbose, all_findings=all_findings,
                       baseline_used=accepted is not None, to_file=target is not None)
        if target is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            continue
        try:
            write_atomic(target, text, overwrite=force)
        except (OverwriteRefused, OSError) as exc:
            raise fail(f"cannot write {target}: {exc}") from None
    for warning in outcome.warnings:
        typer.echo(f"claimcheck: warning: {warning}", err=True)
    if not result.documents and not result.problems:
        typer.echo(f"claimcheck: warning: no .txt or .md files found under {', '.join(paths)}", err=True)
    if not any(fmt == "text" for fmt, _ in specs):  # the text report counts them itself
        _note_accepted(result)
    _note_stale(outcome.stale, strict_baseline, outcome.successors)
    status = exit_status(result, config.fail_on, stale=len(outcome.stale), strict_baseline=strict_baseline)
    raise typer.Exit(0 if exit_zero and status != 2 else status)


def register(app: typer.Typer) -> None:
    """Add the sub-command to ``app``."""
    app.command("check")(check)
