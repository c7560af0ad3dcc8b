"""Group claims by (entity, indicator, measure, unit family, base) and give each group a verdict.

A claim stands for the interval its words admit (``600余家`` → (600, 700)); the indicator's
relative tolerance from ``options.tolerances`` widens it. Two claims of a group *conflict* when
their intervals do not overlap and their periods cannot be told apart (``periods.comparable``:
either period unknown, or both end on the same day). Verdicts, strongest first:
``conflict`` (some pair conflicts), ``timeline`` (some pair can be told apart by period), ``consistent``.
Claims alone in their key, or found in one article only, form no group: ``Run.groups`` holds the
keys that at least two articles speak about (singles are left out).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

from .extract.periods import comparable
from .extract.quantity_tables import tables
from .model import Claim, Group
from .options import Options
from .unit_compare import base_factor, unit_family, written_magnitude

__all__ = ["build_groups", "group_key", "MIN_CONFIDENCE", "unit_family", "overlaps", "conflicting_pairs",
           "interval", "compared_interval", "meets"]


def group_key(claim: Claim) -> tuple[str, str, str, str, str, str]:
    """The key that claims of one group share; the base keeps 同比 apart from 较2021年, and a part
    (其中…, a bare number after its whole) never joins its whole."""
    part = "part" if "part" in claim.attributes else ""
    return (claim.entity, claim.indicator, claim.measure, unit_family(claim), claim.base or "", part)


# Claims below this confidence (a generic noun such as 居民 or 项目 as indicator) form no group.
MIN_CONFIDENCE = 0.5


def group_id(key: tuple[str, ...]) -> str:
    """A short stable id of a group key."""
    return "G" + hashlib.blake2b("\x1f".join(key).encode("utf-8"), digest_size=5).hexdigest()


Bound = tuple[Decimal | Fraction | None, bool]

def _magnitude_half(claim: Claim) -> Decimal | None:
    """Half the magnitude unit of a whole figure stated in 万 or 亿: 4000亿元 and 四千亿元 were rounded to
    the 亿 (they admit 4000.1亿元), as 10.1万 was rounded to the 千. A stated decimal or a qualifier
    already gives an interval (low < high); then, and for other figures, None."""
    q = claim.quantity
    if q.value is None or q.value == 0 or q.low != q.high:
        return None
    stated = written_magnitude(q)
    if stated is None:
        return None
    magnitude, unit = stated
    row = tables().units.get(unit)
    # The unit's own factor counts too: 120万兆瓦 is 1.2e9 千瓦, rounded to 1e7 千瓦.
    return magnitude * (row.factor if row is not None else 1) / 2


def interval(claim: Claim, tolerance: float = 0.0) -> tuple[Bound, Bound]:
    """``((low, inclusive), (high, inclusive))`` of a claim in its canonical unit, widened by a relative
    tolerance; a whole figure stated in 万/亿 admits half a unit either side (``_magnitude_half``)."""
    q = claim.quantity
    low, high = q.low, q.high
    high_inclusive = q.high_inclusive
    if low is None and high is None and q.value is not None and q.qualifier is None:
        low = high = q.value
    half = _magnitude_half(claim)
    if half is not None and low is not None and low == high:
        low, high, high_inclusive = low - half, high + half, False
    if tolerance:
        t = Decimal(str(tolerance))
        low = None if low is None else low - abs(low) * t
        high = None if high is None else high + abs(high) * t
    return (low, q.low_inclusive), (high, high_inclusive)


def compared_interval(claim: Claim, tolerance: float = 0.0) -> tuple[Bound, Bound]:
    """``interval`` in the base unit of the claim's dimension, what comparisons use: 6000万吨 is
    [5.99995e10, 6.00005e10) 千克. Exact: a factor that is no decimal (亩 = 2000/3 m²) makes the
    bounds fractions, so no rounding can invent or hide a conflict."""
    (low, low_in), (high, high_in) = interval(claim, tolerance)
    factor = base_factor(claim.quantity)
    if factor == 1:
        return (low, low_in), (high, high_in)
    return ((None if low is None else Fraction(low) * factor, low_in),
            (None if high is None else Fraction(high) * factor, high_in))


def meets(a: tuple[Bound, Bound], b: tuple[Bound, Bound]) -> bool:
    """True when two intervals ``((low, inclusive), (high, inclusive))`` share a value."""
    (alo, ali), (ahi, ahi_in) = a
    (blo, bli), (bhi, bhi_in) = b
    # The greatest lower bound against the least upper bound.
    if alo is None or (blo is not None and blo > alo):
        lo, lo_in = blo, bli
    elif blo is not None and blo == alo:
        lo, lo_in = alo, ali and bli
    else:
        lo, lo_in = alo, ali
    if ahi is None or (bhi is not None and bhi < ahi):
        hi, hi_in = bhi, bhi_in
    elif bhi is not None and bhi == ahi:
        hi, hi_in = ahi, ahi_in and bhi_in
    else:
        hi, hi_in = ahi, ahi_in
    if lo is None or hi is None:
        return True
    return lo < hi or (lo == hi and lo_in and hi_in)


def overlaps(a: Claim, b: Claim, tolerance: float = 0.0) -> bool:
    """True when some value satisfies both claims' intervals."""
    return meets(compared_interval(a, tolerance), compared_interval(b, tolerance))


def _pairs(claims: Sequence[Claim], tolerance: float) -> Iterator[tuple[Claim, Claim]]:
    """Pairs that conflict: two articles, same time (as far as can be told), no common value.

    Within one article two values of one key are read as two scopes (a part, a sub-period, a
    quoted example) rather than a contradiction: that is where the extraction is least sure.
    """
    bounds = [compared_interval(c, tolerance) for c in claims]
    by_doc: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_doc.setdefault(c.span.doc, []).append(i)

    def scoped(i: int, j: int) -> bool:
        """Article i itself states both values (a scope difference it makes on its own, as in a
        reprinted article): then i and j do not contradict each other."""
        return any(not meets(bounds[i], bounds[k]) and meets(bounds[k], bounds[j])
                   for k in by_doc[claims[i].span.doc] if k != i)

    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.span.doc != b.span.doc and comparable(a.period, b.period) and not meets(bounds[i], bounds[j]) \
                    and not scoped(i, j) and not scoped(j, i):
                yield a, b


def conflicting_pairs(claims: Sequence[Claim], tolerance: float = 0.0) -> list[tuple[Claim, Claim]]:
    """Every pair of claims that cannot both be true, in input order (intervals computed once)."""
    return list(_pairs(claims, tolerance))


def _verdict(claims: Sequence[Claim], tolerance: float) -> str:
    if len(claims) == 1:
        return "single"
    if next(_pairs(claims, tolerance), None) is not None:
        return "conflict"
    apart = any(not comparable(a.period, b.period) for i, a in enumerate(claims) for b in claims[i + 1:])
    return "timeline" if apart else "consistent"


def tolerance_for(indicator: str, options: Options) -> float:
    """The relative tolerance configured for ``indicator`` or, failing that, for its alias-folded
    name without attributes (``新增国家级创新平台`` falls back to ``创新平台``); 0 when none."""
    if not options.tolerances:
        return 0.0
    if indicator in options.tolerances:
        return float(options.tolerances[indicator])
    from .extract.indicators import attribute_prefix, canonical

    rest = indicator
    while (word := attribute_prefix(rest, shorter=True)) is not None:  # 新增国家级创新平台 → 创新平台
        rest = rest[len(word):]
    for name in (rest, canonical(rest)[0]):
        if name in options.tolerances:
            return float(options.tolerances[name])
    # A tolerance given under an alias (国家高新技术企业) applies to its canonical indicator.
    for name, value in sorted(options.tolerances.items()):
        if canonical(name)[0] in (indicator, rest):
            return float(value)
    return 0.0


def build_groups(claims: Sequence[Claim], options: Options) -> list[Group]:
    """Groups of two or more claims on the same indicator of the same entity, sorted by id."""
    by_key: dict[tuple[str, ...], list[Claim]] = {}
    for c in claims:
        if c.confidence >= MIN_CONFIDENCE and c.indicator:
            by_key.setdefault(group_key(c), []).append(c)
    groups = []
    for key, members in by_key.items():
        if len({c.span.doc for c in members}) < 2:  # a group compares articles; one article alone is not a group
            continue
        members.sort(key=lambda c: (c.span.doc, c.span.start))
        verdict = _verdict(members, tolerance_for(key[1], options))
        groups.append(Group(id=group_id(key), entity=key[0], indicator=key[1], measure=key[2], unit=key[3],
                            claims=tuple(c.id for c in members), verdict=verdict))
    groups.sort(key=lambda g: g.id)
    return groups
