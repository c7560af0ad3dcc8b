"""The effective settings of one run, after defaults, config files and command-line options."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Options"]


@dataclass(frozen=True)
class Options:
    """Everything a run may be told; checks read only the fields that concern them."""

    select: tuple[str, ...] = ()  # rule codes or names; empty = all rules
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = ()  # glob patterns on document ids; empty = every article found
    exclude: tuple[str, ...] = ()
    tolerances: dict[str, float] = field(default_factory=dict)  # indicator -> relative tolerance
    min_dup_length: int = 50
    dup_similarity: float = 0.85
    boilerplate_docs: int = 5
    workers: int = 0  # 0 = choose from the machine and the size of the input
