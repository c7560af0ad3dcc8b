"""Interval overlap, verdicts and group keys, on hand-made claims."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from claimcheck.group import build_groups, overlaps
from claimcheck.model import Claim, Period, Quantity, Span
from claimcheck.options import Options

Y2024 = Period("2024年", "2024-01-01", "2024-12-31", "explicit")
Y2025 = Period("2025年", "2025-01-01", "2025-12-31", "explicit")
UNKNOWN = Period("unknown")


def _claim(doc: str, text: str, low: str | None, high: str | None, *, lo_in: bool = True, hi_in: bool = True,
           period: Period = UNKNOWN, indicator: str = "高新技术企业", entity: str = "呼和浩特",
           measure: str = "level", n: int = 1) -> Claim:
    value = D(low) if low is not None else D(high or 0)
    q = Quantity(text, 0, len(text), value, None if low is None else D(low), None if high is None else D(high),
                 unit="家", dimension="count", low_inclusive=lo_in, high_inclusive=hi_in)
    return Claim(id=f"{doc}#{n}", span=Span(doc, 0, len(text)), quote=text, quantity=q, indicator=indicator,
                 indicator_text=indicator, entity=entity, period=period, measure=measure)


@pytest.mark.parametrize(("a", "b", "expected"), [
    (("600", "700", False, False), ("609", "609", True, True), True),  # 600余 vs 609
    (("601", "601", True, True), ("609", "609", True, True), False),
    (("600", "700", False, False), ("700", "700", True, True), False),  # 600余 excludes 700
    (("100000", None, False, True), ("100500", "101500", True, False), True),  # 突破10万 vs 10.1万
    (("100000", None, False, True), ("100000", "100000", True, True), False),  # 突破10万 excludes 10万
])
def test_overlaps(a: tuple, b: tuple, expected: bool) -> None:
    ca = _claim("a", "x", a[0], a[1], lo_in=a[2], hi_in=a[3])
    cb = _claim("b", "y", b[0], b[1], lo_in=b[2], hi_in=b[3])
    assert overlaps(ca, cb) is expected
    assert overlaps(cb, ca) is expected


def _verdicts(claims: list[Claim], options: Options | None = None) -> list[str]:
    return [g.verdict for g in build_groups(claims, options or Options())]


def test_verdicts() -> None:
    assert _verdicts([_claim("a", "601家", "601", "601"), _claim("b", "609家", "609", "609")]) == ["conflict"]
    assert _verdicts([_claim("a", "601家", "601", "601", period=Y2024),
                      _claim("b", "609家", "609", "609", period=Y2025)]) == ["timeline"]
    assert _verdicts([_claim("a", "600余家", "600", "700", lo_in=False, hi_in=False),
                      _claim("b", "609家", "609", "609")]) == ["consistent"]
    # One article, two values: read as two scopes, never a conflict; one article alone is no group.
    assert _verdicts([_claim("a", "104所", "104", "104"), _claim("a", "87所", "87", "87", n=2)]) == []
    # Article a states both values itself: its 87 is a scope of its own, not a contradiction of b.
    assert _verdicts([_claim("a", "104所", "104", "104"), _claim("a", "87所", "87", "87", n=2),
                      _claim("b", "104所", "104", "104")]) == ["consistent"]
    # ... but a value that no article explains away still conflicts.
    assert _verdicts([_claim("a", "104所", "104", "104"), _claim("a", "87所", "87", "87", n=2),
                      _claim("b", "95所", "95", "95")]) == ["conflict"]
    # A single claim forms no group; other entities, measures and indicators never join.
    assert _verdicts([_claim("a", "601家", "601", "601"), _claim("b", "609家", "609", "609", entity="包头"),
                      _claim("c", "700家", "700", "700", measure="target"),
                      _claim("d", "50家", "50", "50", indicator="科技型中小企业")]) == []


def test_tolerance_widens_intervals() -> None:
    claims = [_claim("a", "601家", "601", "601"), _claim("b", "609家", "609", "609")]
    assert _verdicts(claims, Options(tolerances={"高新技术企业": 0.02})) == ["consistent"]


def test_tolerance_by_alias_or_base_indicator() -> None:
    claims = [_claim("a", "601家", "601", "601"), _claim("b", "609家", "609", "609")]
    assert _verdicts(claims, Options(tolerances={"国家高新技术企业": 0.02})) == ["consistent"]
    parts = [_claim("a", "3个", "3", "3", indicator="新增国家级创新平台"),
             _claim("b", "4个", "4", "4", indicator="新增国家级创新平台")]
    assert _verdicts(parts, Options(tolerances={"创新平台": 0.5})) == ["consistent"]
    assert _verdicts(parts, Options(tolerances={"专利授权量": 0.5})) == ["conflict"]


def test_group_ids_do_not_depend_on_claim_order() -> None:
    claims = [_claim("a", "601家", "601", "601"), _claim("b", "609家", "609", "609")]
    assert build_groups(claims, Options()) == build_groups(list(reversed(claims)), Options())
