"""The data tables of the quantity parser: every unit reads, every numeral word stays a word."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claimcheck.extract.quantity import find_quantities
from claimcheck.extract.quantity_tables import tables
from claimcheck.resources import load_rules_toml

WORDS = load_rules_toml("numeral_words.toml")["words"]
UNITS = tables().units


@pytest.mark.parametrize("word", WORDS)
def test_a_numeral_word_holds_no_quantity(word: str) -> None:
    text = f"推动{word}取得实效"
    start = text.index(word)
    inside = [q for q in find_quantities(text) if q.start < start + len(word) and q.end > start]
    assert inside == [], inside


# 成 and 折 count tenths: 37成 is no ratio, 37折 is 37 % (two digits as stated)
@pytest.mark.parametrize("unit_text", sorted(set(UNITS) - {"成", "折"}))
def test_every_unit_reads_after_a_number(unit_text: str) -> None:
    unit = UNITS[unit_text]
    text = f"达到37{unit_text}。"
    qs = [q for q in find_quantities(text) if q.start == 2]
    assert len(qs) == 1 and qs[0].end == 2 + 2 + len(unit_text), (text, qs)
    q = qs[0]
    assert q.unit == ("rank" if q.kind == "ordinal" and unit.claimable else unit.unit)
    if q.kind not in ("label", "code") and unit.claimable:
        assert q.value == (Decimal(37) + (Decimal("0.5") if unit.half else 0)) * unit.factor


def test_shapes_are_consistent() -> None:
    for name, shape in tables().shapes.items():
        if shape.low is not None and shape.high is not None:
            assert shape.low <= shape.high, name
    for word, shape in {**tables().before, **tables().after}.items():
        assert shape in tables().shapes, word
