"""``claimcheck baseline write|update|prune PATH...``: keep the file of accepted findings.

write: accept every current finding (reasons already in the file are kept).
update: a ratchet: refresh the entries that still match and drop the fixed ones; refuse (exit 1)
when there are new findings, unless ``--add-new``.
prune: only drop the entries that no longer match.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ..baseline import Baseline, BaselineError, Entry, entry_for, load_baseline, render_baseline
from ..fsutil import OverwriteRefused, write_atomic
from .common import CONFIG_OPTION, NO_CONFIG_OPTION, checked_run, fail, load_effective, read_baseline

__all__ = ["register", "DEFAULT_BASELINE"]

DEFAULT_BASELINE = Path("claimcheck-baseline.json")

baseline_app = typer.Typer(help="Write and maintain the baseline of accepted findings.", no_args_is_help=True)

PATHS = typer.Argument(..., help="The article files or folders, as given to `claimcheck check`.")
FILE = typer.Option(None, "--baseline", "-b", metavar="FILE",
                    help="The baseline file \\[default: the config's `baseline`, else claimcheck-baseline.json].")
FORCE = typer.Option(False, "--force", help="Replace FILE even if it is not a claimcheck baseline.")


def _target(config_baseline: Path | None, given: Path | None) -> Path:
    return given or config_baseline or DEFAULT_BASELINE


def _save(path: Path, entries: list[Entry], force: bool) -> None:
    try:
        write_atomic(path, render_baseline(entries), overwrite=force)
    except (OverwriteRefused, OSError) as exc:
        raise fail(f"cannot write {path}: {exc}") from None


def _setup(paths: list[str], baseline: Path | None, config_file: Path | None, no_config: bool,
           need_existing: bool) -> tuple[Path, Baseline | None, list]:
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise fail(f"no such file or directory: {', '.join(missing)}")
    config = load_effective(config_file, no_config, {})
    path = _target(config.baseline, baseline)
    old = read_baseline(path) if need_existing else _maybe(path)
    result, outcome = checked_run(paths, config, old if need_existing else None)
    return path, old, [result, outcome]


def _maybe(path: Path) -> Baseline | None:
    try:
        return load_baseline(path) if path.exists() else None
    except BaselineError:
        return None


def write(paths: list[str] = PATHS, baseline: Path = FILE, force: bool = FORCE,
          config_file: Path = CONFIG_OPTION, no_config: bool = NO_CONFIG_OPTION) -> None:
    """Accept every current finding: write them all to the baseline file."""
    path, old, (result, _) = _setup(paths, baseline, config_file, no_config, need_existing=False)
    reasons = {fp: e.reason for fp, e in (old.entries.items() if old else ())}
    entries = [entry_for(f, result, reasons.get(f.fingerprint)) for f in result.findings if f.status == "new"]
    _save(path, entries, force)
    typer.echo(f"claimcheck: wrote {path} with {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}", err=True)


def update(paths: list[str] = PATHS, baseline: Path = FILE,
           add_new: bool = typer.Option(False, "--add-new", help="Also accept the new findings."),
           force: bool = FORCE, config_file: Path = CONFIG_OPTION, no_config: bool = NO_CONFIG_OPTION) -> None:
    """Refresh the baseline: drop fixed findings; refuse new ones unless --add-new (a ratchet)."""
    path, old, (result, outcome) = _setup(paths, baseline, config_file, no_config, need_existing=True)
    new = [f for f in result.findings if f.status == "new"]
    if new and not add_new:
        typer.echo(f"claimcheck: {len(new)} new finding{'s' if len(new) != 1 else ''} not in {path}; "
                   "fix them, or accept them with --add-new:", err=True)
        for f in new:
            typer.echo(f"  {f.rule} {f.fingerprint}: {f.message}", err=True)
        raise typer.Exit(1)
    kept = [entry_for(f, result, old.entries[f.fingerprint].reason)
            for f in result.findings if f.status == "baselined"]
    entries = kept + [entry_for(f, result) for f in new]
    _save(path, entries, force)
    typer.echo(f"claimcheck: {path}: kept {len(kept)}, added {len(new)}, removed {len(outcome.stale)} "
               "that no longer match", err=True)


def prune(paths: list[str] = PATHS, baseline: Path = FILE, force: bool = FORCE,
          config_file: Path = CONFIG_OPTION, no_config: bool = NO_CONFIG_OPTION) -> None:
    """Remove the entries that no longer match any finding; change nothing else."""
    path, old, (_, outcome) = _setup(paths, baseline, config_file, no_config, need_existing=True)
    stale = {e.fingerprint for e in outcome.stale}
    entries = [e for fp, e in old.entries.items() if fp not in stale]
    _save(path, entries, force)
    typer.echo(f"claimcheck: {path}: removed {len(stale)}, kept {len(entries)}", err=True)


def register(app: typer.Typer) -> None:
    """Add the ``baseline`` command group to ``app``."""
    baseline_app.command("write")(write)
    baseline_app.command("update")(update)
    baseline_app.command("prune")(prune)
    app.add_typer(baseline_app, name="baseline")
