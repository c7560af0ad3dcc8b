"""The table-driven quantity cases of tests/data/quantities/*.txt (format: tests/quantity_cases.py)."""

from __future__ import annotations

import pytest

from claimcheck.extract.quantity import find_quantities
from quantity_cases import Case, all_cases, format_quantity

CASES = all_cases()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    got = find_quantities(case.text)
    shown = "\n".join(format_quantity(q) for q in got) or "(none)"
    assert [q.text for q in got] == [e.text for e in case.expected], shown
    for q, e in zip(got, case.expected):
        assert q.text == case.text[q.start:q.end]
        assert (q.value, q.unit, q.kind, q.claimable) == (e.value, e.unit, e.kind, e.claimable), shown
        if e.low_inclusive is None:
            assert (q.low, q.high) == (None, None), shown
        else:
            assert (q.low, q.high, q.low_inclusive, q.high_inclusive) == (
                e.low, e.high, e.low_inclusive, e.high_inclusive), shown
        assert (q.direction, q.qualifier) == (e.direction, e.qualifier), shown
