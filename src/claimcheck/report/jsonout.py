"""The ``claimcheck/1`` JSON contract: the one place that turns model objects into JSON values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..model import Quantity

__all__ = ["number", "quantity_to_dict"]


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
    }
