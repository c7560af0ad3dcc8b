"""``claimcheck config``: print the effective configuration (file found + defaults) as TOML."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

import typer

from ..config import Config
from .common import CONFIG_OPTION, NO_CONFIG_OPTION, load_effective

__all__ = ["register", "render_config"]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str | Path):
        return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def render_config(config: Config) -> str:
    """The effective settings as a claimcheck.toml that would reproduce them."""
    source = config.source or "none (defaults)"
    out = [f"# configuration file: {source}", ""]
    opts = config.options
    for f in fields(opts):
        value = getattr(opts, f.name)
        if not isinstance(value, dict):
            out.append(f"{f.name.replace('_', '-')} = {_toml_value(value)}")
    out.append(f"fail-on = {_toml_value(config.fail_on)}")
    if config.baseline is not None:
        out.append(f"baseline = {_toml_value(config.baseline.as_posix())}")
    out += ["", "[tolerances]"]
    out += [f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}" for k, v in sorted(opts.tolerances.items())]
    for s in config.suppressions:
        out += ["", "[[suppress]]", f"fingerprint = {_toml_value(s.fingerprint)}", f"reason = {_toml_value(s.reason)}"]
        if s.rule:
            out.append(f"rule = {_toml_value(s.rule)}")
    return "\n".join(out) + "\n"


def show_config(config_file: Path = CONFIG_OPTION, no_config: bool = NO_CONFIG_OPTION) -> None:
    """Print the effective configuration: which file was used and every setting with its value."""
    typer.echo(render_config(load_effective(config_file, no_config, {})), nl=False)


def register(app: typer.Typer) -> None:
    """Add the sub-command to ``app``."""
    app.command("config")(show_config)
