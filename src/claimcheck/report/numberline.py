"""Geometry of the number line drawn for a group: every claim's interval on one shared axis.

Positions are percentages of the drawing's width (the SVG has no viewBox, so text keeps its size on a
phone); rows are fixed pixel heights. The template turns this into inline SVG.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .snippets import fmt

__all__ = ["Bar", "Tick", "NumberLine", "number_line", "ROW_HEIGHT", "AXIS_HEIGHT"]

ROW_HEIGHT = 36  # px per claim: a label line above its bar
AXIS_HEIGHT = 28
_MARGIN = 4.0  # % of the width kept free on each side for the end markers
_POINT_WIDTH = 0.8  # % of the width: a narrower interval (601, or 27.41亿 ± 0.005亿) is drawn as a dot


@dataclass(frozen=True, slots=True)
class Bar:
    """One claim's interval: ``x1``/``x2`` in % of the width; an open side runs off to the edge."""

    label: str
    title: str
    y: int
    x1: float
    x2: float
    low_kind: str  # closed | open | unbounded
    high_kind: str
    point: bool
    hot: bool  # the claim belongs to the finding the drawing illustrates


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class NumberLine:
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    height: int
    axis_y: int


def _finite(claims: list[dict]) -> list[Decimal]:
    out = []
    for c in claims:
        out += [Decimal(repr(c[k])) for k in ("low", "high", "value") if c.get(k) is not None]
    return out


def _domain(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    """The shown range: every finite bound, padded so that end markers do not touch the edge."""
    lo, hi = min(values), max(values)
    pad = (hi - lo) * Decimal("0.08") if hi > lo else (abs(lo) * Decimal("0.1") or Decimal(1))
    return lo - pad, hi + pad


def _step(span: Decimal) -> Decimal:
    """A 1-2-5 step giving about five ticks over ``span``."""
    raw = span / 5
    power = Decimal(10) ** raw.adjusted()
    return min((power * m for m in (1, 2, 5, 10)), key=lambda s: abs(s - raw))


def _tick_label(t: Decimal) -> str:
    """A tick in the unit an editor reads large figures in: 28亿, 10.05万, 600."""
    for size, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
        if abs(t) >= size:
            return f"{fmt(float(t / size)) if t % size else int(t / size)}{word}"
    return fmt(int(t) if t == t.to_integral_value() else float(t))


def _ticks(lo: Decimal, hi: Decimal, pos) -> tuple[Tick, ...]:
    step = _step(hi - lo)
    first = (lo / step).to_integral_value(rounding="ROUND_CEILING") * step
    out = []
    t = first
    while t <= hi and len(out) < 12:
        out.append(Tick(pos(t), _tick_label(t)))
        t += step
    return tuple(out)


def number_line(claims: list[dict], hot: frozenset[str] = frozenset()) -> NumberLine | None:
    """The drawing for claims in ``claimcheck/1`` JSON form; None when no claim has a number."""
    claims = [c for c in claims if any(c.get(k) is not None for k in ("low", "high", "value"))]
    values = _finite(claims)
    if not values:
        return None
    lo, hi = _domain(values)

    def pos(v: Decimal) -> float:
        return round(_MARGIN + (100 - 2 * _MARGIN) * float((v - lo) / (hi - lo)), 3)

    bars = []
    for i, c in enumerate(claims):
        low = c.get("low") if c.get("low") is not None else None
        high = c.get("high") if c.get("high") is not None else None
        if low is None and high is None and c.get("value") is not None:
            low = high = c["value"]
        x1 = pos(Decimal(repr(low))) if low is not None else 0.0
        x2 = pos(Decimal(repr(high))) if high is not None else 100.0
        bars.append(Bar(
            label=c["label"], title=c["title"], y=(i + 1) * ROW_HEIGHT - 8, x1=x1, x2=x2,
            low_kind="unbounded" if low is None else ("closed" if c.get("low_inclusive", True) else "open"),
            high_kind="unbounded" if high is None else ("closed" if c.get("high_inclusive", True) else "open"),
            point=low is not None and high is not None and x2 - x1 < _POINT_WIDTH, hot=c["id"] in hot))
    axis_y = len(claims) * ROW_HEIGHT + 6
    return NumberLine(tuple(bars), _ticks(lo, hi, pos), axis_y + AXIS_HEIGHT, axis_y)
