"""The ``claimcheck/1`` JSON contract: the one place that turns model objects into JSON values.

``summary.stale`` counts the baseline entries that matched no finding of the run (fixed, or
changed into a new finding), and ``summary.stale_entries`` lists them as the baseline recorded
them (fingerprint, rule, indicator, entity, values, files, message, reason), with
``replaced_by``: the fingerprint of the new finding the conflict became, when it changed.
Both are 0 / empty without a baseline.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..codes import WORST_FIRST
from ..model import Claim, Finding, Quantity, Span
from .lines import LineIndex

if TYPE_CHECKING:
    from ..baseline import Entry
    from ..engine import Run

__all__ = ["SCHEMA", "number", "quantity_to_dict", "claim_to_dict", "stale_to_dict", "run_to_dict", "render_json",
           "summary"]


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when integral, else the nearest float; None stays None."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    """The JSON form of a quantity, as ``claimcheck parse --json`` prints it."""
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "value": number(q.value),
        "low": number(q.low),
        "high": number(q.high),
        "low_inclusive": q.low_inclusive,
        "high_inclusive": q.high_inclusive,
        "unit": q.unit,
        "dimension": q.dimension,
        "qualifier": q.qualifier,
        "kind": q.kind,
        "claimable": q.claimable,
        "direction": q.direction,
        "unit_text": q.unit_text,
    }


SCHEMA = "claimcheck/1"


class _Locator:
    """Turns spans into JSON locations, with line/column derived from each document's text."""

    def __init__(self, run: Run) -> None:
        self._run = run
        self._lines: dict[str, LineIndex] = {}

    def location(self, span: Span) -> dict[str, Any]:
        doc = self._run.document(span.doc)
        if doc is None:  # a file that could not be read: no text, position 1:1
            return {"path": span.doc, "start": span.start, "end": span.end, "line": 1, "column": 1}
        index = self._lines.get(doc.id) or self._lines.setdefault(doc.id, LineIndex(doc.text))
        line, column = index.position(span.start)
        end_line, end_column = index.position(span.end)
        return {"path": doc.path, "start": span.start, "end": span.end, "line": line, "column": column,
                "end_line": end_line, "end_column": end_column}


def claim_to_dict(claim: Claim, where: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of a claim: its location (from ``_Locator``), its quantity, and its context."""
    reading = quantity_to_dict(claim.quantity)
    del reading["start"], reading["end"]  # the location carries them
    return {
        "id": claim.id,
        **where,
        **reading,
        "measure": claim.measure,
        "indicator": claim.indicator,
        "indicator_text": claim.indicator_text,
        "entity": claim.entity,
        "entity_source": claim.entity_source,
        "period": claim.period.label,
        "period_start": claim.period.start,
        "period_end": claim.period.end,
        "base": claim.base,
        "attributes": list(claim.attributes),
        "quote": claim.quote,
        "confidence": claim.confidence,
    }


def finding_to_dict(finding: Finding, locate: _Locator) -> dict[str, Any]:
    """The JSON form of a finding."""
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "fingerprint": finding.fingerprint,
        "status": finding.status,
        "claims": list(finding.claims),
        "locations": [locate.location(s) for s in finding.spans],
        "evidence": finding.evidence,
    }


def stale_to_dict(entry: Entry, replaced_by: str | None = None) -> dict[str, Any]:
    """A stale baseline entry: what the baseline recorded, and the new finding it became (if it changed)."""
    out = entry.to_dict()
    if replaced_by:
        out["replaced_by"] = replaced_by
    return out


def summary(run: Run, stale: Sequence[Entry] = (), successors: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Counts for the summary line and the ``summary`` object; ``stale``: baseline entries no finding matched."""
    by_severity = Counter(f.severity for f in run.findings if f.status == "new")
    verdicts = Counter(g.verdict for g in run.groups)
    quantities = [q for qs in run.quantities.values() for q in qs]
    return {
        "documents": len(run.documents),
        "unreadable": len(run.problems),
        "characters": sum(len(d.text) for d in run.documents),
        "quantities": len(quantities),
        "claimable_quantities": sum(1 for q in quantities if q.claimable),
        "claims": len(run.claims),
        "groups": len(run.groups),
        "verdicts": dict(sorted(verdicts.items())),
        "findings": sum(1 for f in run.findings if f.status == "new"),
        "by_severity": {s: by_severity.get(s, 0) for s in WORST_FIRST},
        "by_rule": dict(sorted(Counter(f.rule for f in run.findings if f.status == "new").items())),
        "baselined": sum(1 for f in run.findings if f.status == "baselined"),
        "suppressed": sum(1 for f in run.findings if f.status == "suppressed"),
        "stale": len(stale),
        "stale_entries": [stale_to_dict(e, (successors or {}).get(e.fingerprint)) for e in stale],
    }


def run_to_dict(run: Run, stale: Sequence[Entry] = (), successors: Mapping[str, str] | None = None
                ) -> dict[str, Any]:
    """The whole ``claimcheck/1`` document for a run (``stale``, ``successors``: from post-processing)."""
    locate = _Locator(run)
    claims = [claim_to_dict(c, locate.location(c.span)) for c in run.claims]
    return {
        "schema": SCHEMA,
        "version": __version__,
        "documents": [{"path": d.path, "id": d.id, "date": d.date, "date_source": d.date_source,
                       "encoding": d.encoding, "chars": len(d.text)} for d in run.documents],
        "problems": [{"path": p.path, "message": p.message} for p in run.problems],
        "claims": claims,
        "groups": [{"id": g.id, "entity": g.entity, "indicator": g.indicator, "measure": g.measure,
                    "unit": g.unit, "claims": list(g.claims), "verdict": g.verdict} for g in run.groups],
        "findings": [finding_to_dict(f, locate) for f in run.findings],
        "summary": summary(run, stale, successors),
    }


def render_json(run: Run, stale: Sequence[Entry] = (), successors: Mapping[str, str] | None = None) -> str:
    """The JSON report as text: stable key order, UTF-8 characters kept, trailing newline."""
    return json.dumps(run_to_dict(run, stale, successors), ensure_ascii=False, indent=2) + "\n"
