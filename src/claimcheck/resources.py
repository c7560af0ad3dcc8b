"""Find and load the data files of ``rules/`` (lexicons, unit table, rule table) that ship with the package."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["rules_dir", "load_rules_toml"]


@cache
def rules_dir() -> Path:
    """The ``rules`` folder: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parents[1] / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("claimcheck's rules/ data folder is missing from this installation")


@cache
def load_rules_toml(name: str) -> dict[str, Any]:
    """Parse ``rules/<name>`` once per process."""
    with open(rules_dir() / name, "rb") as fh:
        return tomllib.load(fh)
