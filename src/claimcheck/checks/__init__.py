"""Check kinds: pure functions from the corpus to small results. The explicit table of kinds."""

from __future__ import annotations

from collections.abc import Callable

from ..model import CheckResult, Corpus
from ..options import Options

__all__ = ["CHECKS", "run_checks"]


def _conflict(corpus: Corpus, options: Options) -> list[CheckResult]:
    from .conflict import check

    return check(corpus, options)


def _duplicates(corpus: Corpus, options: Options) -> list[CheckResult]:
    from .duplicates import DuplicateParams, find_duplicates

    params = DuplicateParams(min_length=options.min_dup_length, min_similarity=options.dup_similarity,
                             boilerplate_docs=options.boilerplate_docs, workers=options.workers)
    return find_duplicates(corpus.documents, params)


CHECKS: dict[str, Callable[[Corpus, Options], list[CheckResult]]] = {
    "conflict": _conflict,
    "duplicates": _duplicates,
}


def run_checks(corpus: Corpus, options: Options, kinds: list[str]) -> list[tuple[str, CheckResult]]:
    """Run the named check kinds in order; each result is paired with the kind that made it."""
    out: list[tuple[str, CheckResult]] = []
    for kind in kinds:
        out.extend((kind, r) for r in CHECKS[kind](corpus, options))
    return out
