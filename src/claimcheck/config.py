"""Load ``[tool.claimcheck]`` (pyproject.toml) or ``claimcheck.toml`` into the run's Options.

The file is found upward from the working directory: in each folder, ``claimcheck.toml`` (keys at
top level) wins over a ``pyproject.toml`` that has a ``[tool.claimcheck]`` table; a pyproject.toml
without one is passed over. ``--config FILE`` names the file, ``--no-config`` skips the search.
Every problem is a ``ConfigError`` that names the file and the key.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .codes import SEVERITIES, resolve, rules
from .options import Options

__all__ = ["Config", "ConfigError", "Suppression", "KEYS", "find_config", "load_config", "parse_config", "suggest_rule"]


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Suppression:
    """A finding silenced by its fingerprint, for articles that cannot carry comments."""

    fingerprint: str
    reason: str
    rule: str | None = None


@dataclass(frozen=True)
class Config:
    """The effective configuration: run options plus what post-processing and the CLI need."""

    options: Options = field(default_factory=Options)
    source: Path | None = None
    fail_on: str = "error"
    baseline: Path | None = None  # resolved against the config file's folder
    suppressions: tuple[Suppression, ...] = ()


# key -> (what it holds, as said in error messages)
KEYS: dict[str, str] = {
    "select": "a list of rule codes or names",
    "ignore": "a list of rule codes or names",
    "include": "a list of glob patterns on article paths (relative to the folder checked)",
    "exclude": "a list of glob patterns on article paths (relative to the folder checked)",
    "tolerances": "a table of indicator = relative tolerance (0 <= x < 1)",
    "min-dup-length": "an integer >= 10 (characters)",
    "dup-similarity": "a number from 0.5 to 1",
    "boilerplate-docs": "an integer >= 2",
    "workers": "an integer >= 0",
    "fail-on": "one of error, warning, info",
    "baseline": "a path to a baseline file (relative to this config file)",
    "suppress": "an array of tables {fingerprint = ..., reason = ..., rule = ...}",
}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest claimcheck.toml, or pyproject.toml with [tool.claimcheck], from ``start`` upward."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "claimcheck.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "claimcheck" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """The configuration from ``path``, else from the nearest file found (when ``search``), else defaults."""
    if path is None:
        path = find_config() if search else None
        if path is None:
            return Config()
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    data = _read(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("claimcheck")
        if table is None:
            raise ConfigError(f"{path}: has no [tool.claimcheck] table")
        return parse_config(table, path, prefix="tool.claimcheck.")
    return parse_config(data, path)


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}{_hint(path, exc)}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from None


def _hint(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    """Bare TOML keys are ASCII only; ``高新技术企业 = 0.01`` is the mistake everyone makes once."""
    at = re.search(r"line (\d+)", str(exc))
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    line = lines[int(at.group(1)) - 1] if at and int(at.group(1)) <= len(lines) else ""
    key = line.partition("=")[0].strip()
    if key and not key.startswith(('"', "'", "[")) and not key.isascii():
        return f'; keys with Chinese characters must be quoted: "{key}" = ...'
    return ""


def parse_config(table: dict[str, Any], path: Path, prefix: str = "") -> Config:
    """Check every key and value of ``table`` (read from ``path``) and build the Config."""
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key not in KEYS:
            hint = difflib.get_close_matches(key, KEYS, n=1)
            also = f" (did you mean '{prefix}{hint[0]}'?)" if hint else ""
            raise ConfigError(f"{path}: unknown key '{prefix}{raw_key}'{also}; known keys: {', '.join(KEYS)}")
        try:
            values[key] = _PARSERS[key](value, path)
        except _Bad as exc:
            raise ConfigError(f"{path}: '{prefix}{raw_key}' must be {KEYS[key]}{exc.detail}") from None
    return _build(values, path)


class _Bad(Exception):
    def __init__(self, detail: str = "") -> None:
        super().__init__(detail)
        self.detail = f": {detail}" if detail else ""


def _strings(value: Any, _path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _Bad(f"got {value!r}")
    return tuple(value)


def _codes(value: Any, path: Path) -> tuple[str, ...]:
    codes = _strings(value, path)
    unknown = [c for c in codes if resolve(c) is None]
    if unknown:
        raise _Bad(f"unknown rule {', '.join(repr(u) for u in unknown)}{suggest_rule(unknown[0])} "
                   "(see `claimcheck rules`)")
    return codes


def suggest_rule(word: str) -> str:
    """``; did you mean 'CODE'?`` for a misspelt rule code or name, else an empty string."""
    known = [*rules(), *(r.name for r in rules().values())]
    hint = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
    return f"; did you mean '{hint[0]}'?" if hint else ""


def _integer(low: int) -> Any:
    def parse(value: Any, _path: Path) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise _Bad(f"got {value!r}")
        return value
    return parse


def _similarity(value: Any, _path: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.5 <= value <= 1:
        raise _Bad(f"got {value!r}")
    return float(value)


def _tolerances(value: Any, _path: Path) -> dict[str, float]:
    if not isinstance(value, dict):
        raise _Bad(f"got {value!r}")
    out = {}
    for indicator, tol in sorted(value.items()):
        if isinstance(tol, bool) or not isinstance(tol, int | float) or not 0 <= tol < 1:
            raise _Bad(f"{indicator!r} = {tol!r}")
        out[indicator] = float(tol)
    return out


def _fail_on(value: Any, _path: Path) -> str:
    if value not in SEVERITIES:
        raise _Bad(f"got {value!r}")
    return value


def _baseline(value: Any, path: Path) -> Path:
    if not isinstance(value, str) or not value:
        raise _Bad(f"got {value!r}")
    return path.parent / value


def _suppress(value: Any, _path: Path) -> tuple[Suppression, ...]:
    if not isinstance(value, list):
        raise _Bad(f"got {value!r}")
    out = []
    for i, entry in enumerate(value):
        if not isinstance(entry, dict) or set(entry) - {"fingerprint", "reason", "rule"}:
            raise _Bad(f"entry {i + 1} has keys {sorted(entry) if isinstance(entry, dict) else entry!r}")
        fp, reason, rule = entry.get("fingerprint"), entry.get("reason"), entry.get("rule")
        if not isinstance(fp, str) or not fp.strip():
            raise _Bad(f"entry {i + 1} has no fingerprint")
        if not isinstance(reason, str) or not reason.strip():
            raise _Bad(f"entry {i + 1} ({fp}) has no reason; say why the finding is accepted")
        if rule is not None and (not isinstance(rule, str) or resolve(rule) is None):
            raise _Bad(f"entry {i + 1} ({fp}) names unknown rule {rule!r}")
        out.append(Suppression(fp.strip(), reason.strip(), resolve(rule) if rule else None))
    return tuple(out)


_PARSERS = {
    "select": _codes, "ignore": _codes, "include": _strings, "exclude": _strings,
    "tolerances": _tolerances, "min-dup-length": _integer(10), "dup-similarity": _similarity,
    "boilerplate-docs": _integer(2), "workers": _integer(0), "fail-on": _fail_on,
    "baseline": _baseline, "suppress": _suppress,
}

# config key -> Options field
_OPTION_FIELDS = {f.name.replace("_", "-"): f.name for f in fields(Options)}


def _build(values: dict[str, Any], path: Path) -> Config:
    opts = {_OPTION_FIELDS[k]: v for k, v in values.items() if k in _OPTION_FIELDS}
    return Config(options=replace(Options(), **opts), source=path, fail_on=values.get("fail-on", "error"),
                  baseline=values.get("baseline"), suppressions=values.get("suppress", ()))
