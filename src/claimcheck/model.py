"""Core value types shared by every stage; this module imports nothing else of the project.

Positions are half-open ``[start, end)`` code-point offsets into the ORIGINAL decoded text of a
document. Line and column are derived only when a report is written (see ``report.lines``).
Numbers are ``Decimal`` inside the program and become JSON numbers only at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

__all__ = [
    "Span",
    "Document",
    "InputProblem",
    "Quantity",
    "Period",
    "Claim",
    "Group",
    "CheckResult",
    "Finding",
    "Corpus",
]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of code points in the original text of document ``doc``."""

    doc: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded article.

    ``id`` is the stable repo-relative POSIX id (used in fingerprints); ``path`` is what reports
    show: the path as the user gave it, joined with the file's relative path.
    """

    id: str
    path: str
    text: str
    encoding: str
    date: str | None = None  # ISO date (YYYY-MM-DD) of publication, when known
    date_source: str | None = None  # front-matter | dateline | filename


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A file that could not be read or decoded; reported, never fatal for the run."""

    path: str
    message: str
    id: str | None = None  # the file's id relative to the folder given, when it was found in one

    @property
    def key(self) -> str:
        """What identifies the file in fingerprints: its relative id, else the path as given."""
        return self.id or self.path


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number phrase as the words admit it.

    ``low``/``high`` bound the interval the words admit (``None`` = unbounded on that side);
    ``low_inclusive``/``high_inclusive`` say whether the bound itself is admitted.
    ``value`` is the point reading (the stated number with its magnitude folded in).
    ``kind``: number, percent, permille, percentage_point, ordinal, money, multiplier, fraction,
    date, year, time, period_name, code, label, ... ``claimable`` is False for dates, codes and labels.
    """

    text: str
    start: int
    end: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str | None = None
    dimension: str | None = None
    qualifier: str | None = None
    kind: str = "number"
    claimable: bool = True
    low_inclusive: bool = True
    high_inclusive: bool = True
    direction: str | None = None  # the sign word when one was read: 下降, 减少, 增长, ...
    unit_text: str | None = None  # the unit as written (万元, 家, P, ...)


@dataclass(frozen=True, slots=True)
class Period:
    """The time a claim speaks about, as a closed interval of ISO dates, or unknown."""

    label: str  # as written or derived: "2024年", "十四五时期", "截至2025-01-17", "unknown"
    start: str | None = None  # ISO date
    end: str | None = None  # ISO date
    source: str = "unknown"  # explicit | relative | document-date | heading | unknown

    @property
    def known(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True, slots=True)
class Claim:
    """A claimable quantity placed in context: what is measured, of whom, when, and how."""

    id: str
    span: Span
    quote: str  # the sentence or clause around the number
    quantity: Quantity
    indicator: str  # canonical indicator key
    indicator_text: str  # as found in the text
    entity: str  # canonical entity key
    period: Period
    measure: str  # level | change | rank | share | target
    confidence: float = 1.0
    attributes: tuple[str, ...] = ()  # modifiers folded out of the indicator: 国家级, 全市 ...
    base: str | None = None  # for measure == change: 同比, 较2021年 ...
    entity_source: str = "document"  # clause | heading | document


@dataclass(frozen=True, slots=True)
class Group:
    """Claims that speak about the same (entity, indicator, measure, unit family)."""

    id: str
    entity: str
    indicator: str
    measure: str
    unit: str
    claims: tuple[str, ...]
    verdict: str  # consistent | conflict | timeline | single


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What a check returns; the engine stamps rule code, severity and fingerprint.

    ``kind`` names the check kind's outcome (e.g. ``conflict``); ``identity`` holds the
    meaning-based parts of the fingerprint (never line numbers or offsets).
    """

    kind: str
    message: str
    spans: tuple[Span, ...]
    claims: tuple[str, ...] = ()
    evidence: dict[str, Any] = field(default_factory=dict)
    identity: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule violation ready for post-processing and reporting."""

    rule: str
    severity: str  # error | warning | info
    message: str
    spans: tuple[Span, ...]
    claims: tuple[str, ...]
    evidence: dict[str, Any]
    fingerprint: str
    status: str = "new"  # new | baselined | suppressed


@dataclass(frozen=True, slots=True)
class Corpus:
    """What the cross-document checks see: documents, every claim, and the groups."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    groups: tuple[Group, ...]
