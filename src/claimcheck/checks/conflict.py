"""Check kind ``conflict``: claims of one group whose intervals cannot both be true (placeholder)."""

from __future__ import annotations

from ..model import CheckResult, Corpus
from ..options import Options

__all__ = ["check"]


def check(corpus: Corpus, options: Options) -> list[CheckResult]:
    """One result per pair of incompatible claims in a group."""
    return []
