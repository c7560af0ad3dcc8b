"""A line break right after digits joins the number to its unit; a number that starts its line stays alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claimcheck.extract.quantity import find_quantities

# (text, the quantity's text, value, unit); value None: a label, not a figure
CASES = [
    ("全年实现营业收入300\n亿元，同比增长12%", "300\n亿元", Decimal("30000000000"), "元"),
    ("全市累计建成基站12000\n个，实现全覆盖", "12000\n个", Decimal(12000), "个"),
    ("研发投入占比达到2.5\n%，居全省前列", "2.5\n%", Decimal("2.5"), "%"),
    ("三、主要任务\n2\n个人所得税专项附加扣除", "2", None, None),
    ("年收入3\n\n万元", "3", Decimal(3), None),
]


@pytest.mark.parametrize(("text", "shown", "value", "unit"), CASES)
def test_line_break_between_number_and_unit(text: str, shown: str, value: Decimal | None, unit: str | None) -> None:
    qs = [q for q in find_quantities(text) if q.text == shown]
    assert len(qs) == 1, find_quantities(text)
    assert (qs[0].value, qs[0].unit) == (value, unit)
