"""What the ``check``, ``baseline`` and ``config`` commands share: config + CLI options → a post-processed run."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import typer

from ..baseline import Baseline, BaselineError, load_baseline
from ..codes import resolve
from ..config import Config, ConfigError, load_config, suggest_rule
from ..engine import Run, run
from ..options import Options
from ..postprocess import Outcome, postprocess

__all__ = ["fail", "read_baseline", "load_effective", "checked_run", "CONFIG_OPTION", "NO_CONFIG_OPTION"]

CONFIG_OPTION = typer.Option(None, "--config", metavar="FILE",
                             help="Read settings from FILE (claimcheck.toml or a pyproject.toml with "
                                  "\\[tool.claimcheck]) instead of searching upward from the working directory.")
NO_CONFIG_OPTION = typer.Option(False, "--no-config", help="Ignore configuration files: defaults and command-line options only.")


def fail(message: str) -> typer.Exit:
    """Print ``message`` on stderr and return the exit-2 exception to raise."""
    typer.echo(f"claimcheck: {message}", err=True)
    return typer.Exit(2)


def load_effective(config_file: Path | None, no_config: bool, overrides: dict[str, Any]) -> Config:
    """The config file's settings with the command-line options given (not None) on top."""
    if config_file is not None and no_config:
        raise fail("--config and --no-config cannot be used together")
    try:
        config = load_config(config_file, search=not no_config)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    given = {k: tuple(v) if isinstance(v, list) else v for k, v in overrides.items() if v not in (None, [], ())}
    for key in ("select", "ignore"):
        unknown = [c for c in given.get(key, ()) if resolve(c) is None]
        if unknown:
            raise fail(f"--{key}: unknown rule {', '.join(map(repr, unknown))}{suggest_rule(unknown[0])} "
                       "(see `claimcheck rules`)")
    fields = {k: v for k, v in given.items() if k in Options.__dataclass_fields__}
    config = replace(config, options=replace(config.options, **fields))
    if given.get("fail_on"):
        config = replace(config, fail_on=given["fail_on"])
    if given.get("baseline"):
        config = replace(config, baseline=Path(given["baseline"]))
    return config


def read_baseline(path: Path | None) -> Baseline | None:
    """The baseline at ``path`` (None = none); an unreadable one is a usage error."""
    if path is None:
        return None
    try:
        return load_baseline(path)
    except BaselineError as exc:
        raise fail(str(exc)) from None


def checked_run(paths: list[str], config: Config, baseline: Baseline | None) -> tuple[Run, Outcome]:
    """Run the engine and the post-processing chain."""
    result = run(paths, config.options)
    return postprocess(result, options=config.options, suppressions=config.suppressions, baseline=baseline)
