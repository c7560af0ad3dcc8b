"""How figures in different units compare: the unit family a claim is grouped by, the exact factor
that brings its value to the base unit of its dimension (``[to_base]`` of ``rules/units.toml``), and
the magnitude (万, 亿) a figure was stated in. The parser's output is never changed: comparing is
the only place where 6000万吨 becomes 6e10 千克.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import cache

from .model import Claim, Quantity
from .resources import load_rules_toml

__all__ = ["unit_family", "base_factor", "written_magnitude"]

_RATIO_KINDS = ("percent", "permille", "percentage_point")


def unit_family(claim: Claim) -> str:
    """Units that can be compared: counts (家, 个) together, percent apart from percentage points, and
    the units of a dimension that ``[to_base]`` of ``rules/units.toml`` converts (1478.1万吨 and
    295.6亿斤 are both ``mass``); a unit it does not convert (美元, 盎司) compares only with itself."""
    q = claim.quantity
    if q.kind in _RATIO_KINDS:
        return q.unit or q.kind
    dim = _dimension(q)
    if dim and q.unit and dim in _multi_unit_dimensions() and (dim, q.unit) not in _to_base():
        return f"{dim}/{q.unit}"
    return dim or q.unit or ""


def _dimension(q: Quantity) -> str | None:
    """The dimension a figure is compared in: the parser's, except for a unit that ``[to_base_dimension]``
    files elsewhere when stated in 万 or 亿 (265亿度 is energy, 38度 stays a degree)."""
    other = _as_dimension().get(q.unit or "")
    if other is not None and written_magnitude(q) is not None:
        return other
    return q.dimension


@cache
def _multi_unit_dimensions() -> frozenset[str]:
    """Dimensions whose values the parser keeps in more than one unit (mass: 吨, 斤; money: 元, 美元);
    counts (家, 个) are one family whatever the measure word."""
    units: dict[str, set[str]] = {}
    for entry in load_rules_toml("units.toml").get("units", {}).values():
        if entry.get("dim") and entry.get("unit"):
            units.setdefault(entry["dim"], set()).add(entry["unit"])
    for unit, dim in _as_dimension().items():
        units.setdefault(dim, set()).add(unit)
    return frozenset(dim for dim, names in units.items() if len(names) > 1 and dim != "count")


@cache
def _as_dimension() -> dict[str, str]:
    """Units compared in another dimension than the parser's when stated in 万 or 亿 (度 → energy)."""
    return dict(load_rules_toml("units.toml").get("to_base_dimension", {}))


@cache
def _to_base() -> dict[tuple[str, str], Fraction]:
    """(dimension, canonical unit) → exact factor to the dimension's base unit (吨 → 1000 千克, 亩 → 2000/3 m²)."""
    table = load_rules_toml("units.toml").get("to_base", {})
    return {(dim, unit): Fraction(factor) for dim, units in table.items() for unit, factor in units.items()}


def base_factor(q: Quantity) -> Fraction | int:
    """The exact factor from ``q``'s canonical unit to the base unit of its dimension (斤 → 1/2 千克,
    亩 → 2000/3 m²); 1 for a unit that is not converted (美元, 家, %)."""
    if q.kind in _RATIO_KINDS:
        return 1
    return _to_base().get((_dimension(q) or "", q.unit or ""), 1)


_MAGNITUDE_WORDS = {"万": Decimal(10000), "亿": Decimal(100000000)}


def written_magnitude(q: Quantity) -> tuple[Decimal, str] | None:
    """The magnitude a figure was stated in and the unit written after it, from the parser's
    ``unit_text`` (the unit as written, magnitude first): ``亿元`` → (1e8, 元), ``十万亿元`` → (1e12, 元)
    (十 is a digit of the figure), ``万千瓦`` → (1e4, 千瓦); None when no 万 or 亿 opens it (``千瓦``)."""
    written = q.unit_text
    if written is None and q.unit is None:
        # A bare figure (4000万) has no unit_text: its magnitude is what ends its text.
        written = q.text[len(q.text.rstrip("万亿")):]
    if not written:
        return None
    places = len(written) - len(written.lstrip("十百千万亿"))
    # 千 after the last 万/亿 opens the unit (万千瓦, 万千克); 十 before it is the figure's (十万亿元).
    prefix = written[:places].rstrip("十百千")
    magnitude_text = prefix[len(prefix.rstrip("万亿")):]
    if not magnitude_text:
        return None
    magnitude = Decimal(1)
    for c in magnitude_text:
        magnitude *= _MAGNITUDE_WORDS[c]
    return magnitude, written[len(prefix):]
