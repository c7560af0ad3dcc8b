"""Normalization: full-width folding, odd spaces, zero-width characters and the offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from claimcheck.normalize import normalize


@pytest.mark.parametrize(("raw", "folded"), [
    ("６０１家", "601家"),
    ("占比３０％", "占比30%"),
    ("１２．５亿元", "12.5亿元"),
    ("共１，２３４家", "共1,234家"),
    ("１，２３４，５６７", "1,234,567"),
    ("增长，达到", "增长，达到"),  # a clause comma stays
    ("第１，第２", "第1，第2"),  # a comma between digit and CJK stays
    ("３０％－４０％", "30%-40%"),
    ("３～５天", "3~5天"),
    ("\u3000\u3000正文", "  正文"),
    ("a\u00a0b", "a b"),
    ("ＰＭ２．５", "PM2.5"),
    ("－１.５", "-1.5"),
    ("\u22121.5%", "-1.5%"),
    ("2024／01／25 10：20", "2024/01/25 10:20"),
])
def test_folds(raw: str, folded: str) -> None:
    n = normalize(raw)
    assert n.text == folded
    assert len(n.text) == len(raw)  # folding is one code point for one
    assert n.to_original is None


def test_zero_width_characters_are_dropped_and_mapped() -> None:
    raw = "共\u200b６０\u200d１家\ufeff"
    n = normalize(raw)
    assert n.text == "共601家"
    assert [n.original(i) for i in range(len(n.text) + 1)] == [0, 2, 3, 5, 6, len(raw)]
    start, end = n.span(1, 5)  # "601家"
    assert raw[start:end] == "６０\u200d１家"


def test_empty_span_maps_to_a_point() -> None:
    n = normalize("a\u200bb")
    assert n.span(1, 1) == (2, 2)


@given(st.text(alphabet=st.sampled_from(list("ab１２，,\u200b\u200c\u3000 ５％家")), max_size=40))
def test_offset_map_points_at_the_same_characters(raw: str) -> None:
    n = normalize(raw)
    for i, c in enumerate(n.text):
        o = n.original(i)
        assert normalize(raw[o]).text in (c, ",") or raw[o] == "，"
    assert n.original(len(n.text)) == len(raw)
