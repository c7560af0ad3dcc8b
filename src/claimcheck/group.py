"""Group claims by (entity, indicator, measure, unit family) and give each group a verdict (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Claim, Group
from .options import Options

__all__ = ["build_groups"]


def build_groups(claims: Sequence[Claim], options: Options) -> list[Group]:
    """Groups of claims on the same indicator of the same entity, sorted by id."""
    return []
