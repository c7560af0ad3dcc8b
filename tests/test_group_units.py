"""Intervals as group.py compares them, and figures in different units of one dimension, on parsed
phrases (cases as data in ``tests/fixtures/group/units.toml``)."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from claimcheck.checks.conflict import _below
from claimcheck.extract.quantity import find_quantities
from claimcheck.group import build_groups, compared_interval, interval, overlaps, unit_family
from claimcheck.model import Claim, Period, Span
from claimcheck.options import Options
from claimcheck.resources import load_rules_toml

CASES = tomllib.loads((Path(__file__).parent / "fixtures" / "group" / "units.toml").read_text("utf-8"))


def _claim(text: str, doc: str = "a", period: Period = Period("unknown")) -> Claim:
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    q = found[0]
    return Claim(id=f"{doc}#1", span=Span(doc, q.start, q.end), quote=text, quantity=q, indicator="粮食产量",
                 indicator_text="粮食产量", entity="内蒙古", period=period, measure="level")


@pytest.mark.parametrize("case", CASES["interval"], ids=[c["text"] for c in CASES["interval"]])
def test_interval(case: dict) -> None:
    (low, low_in), (high, high_in) = interval(_claim(case["text"]))
    assert (low, high) == (Decimal(case["low"]), Decimal(case["high"]))
    assert low_in is True
    assert high_in is case.get("high_inclusive", False)


@pytest.mark.parametrize("case", CASES["pair"], ids=[f"{c['a']}-{c['b']}" for c in CASES["pair"]])
def test_pair(case: dict) -> None:
    a, b = _claim(case["a"], "a"), _claim(case["b"], "b")
    assert (unit_family(a) == unit_family(b)) is case["family"]
    if case["family"]:
        assert overlaps(a, b) is case["meet"]
        assert overlaps(b, a) is case["meet"]
        verdicts = [g.verdict for g in build_groups([a, b], Options())]
        assert verdicts == ["consistent" if case["meet"] else "conflict"]
    else:
        assert build_groups([a, b], Options()) == []


def test_compared_interval_is_exact_for_fractional_factors() -> None:
    (low, _), (high, _) = compared_interval(_claim("1亩"))
    assert low == high == Fraction(2000, 3)


def test_shrink_compares_in_the_base_unit() -> None:
    y2023 = Period("2023年", "2023-01-01", "2023-12-31", "explicit")
    y2024 = Period("2024年", "2024-01-01", "2024-12-31", "explicit")
    earlier = _claim("2500万斤", "a", y2023)
    assert _below(_claim("2万吨", "b", y2024), earlier, 0.0) is False  # 4000万斤: it grew (raw 2e4 < 2.5e7)
    assert _below(_claim("1.1万吨", "b", y2024), earlier, 0.0) is True  # at most 2300万斤


def test_every_conversion_names_a_unit_of_its_dimension() -> None:
    data = load_rules_toml("units.toml")
    units = {(row["dim"], row["unit"]) for row in data["units"].values()}
    units |= {(dim, unit) for unit, dim in data["to_base_dimension"].items()}
    for dim, table in data["to_base"].items():
        assert sorted(u for u, f in table.items() if Fraction(f) == 1)[:1], f"{dim} has no base unit"
        for unit, factor in table.items():
            assert (dim, unit) in units, (dim, unit)
            assert Fraction(factor) > 0
