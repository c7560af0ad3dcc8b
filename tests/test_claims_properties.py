"""Claim extraction never fails and stays inside the text, whatever the text (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.claims import extract_document
from claimcheck.model import Document

# Pieces of real phrasing mixed with noise: numbers, units, places, verbs, punctuation, line breaks.
PIECES = ["呼和浩特市", "包头市", "全区", "全国", "首府科技城", "高新技术企业", "达到", "增长", "同比", "占", "其中",
          "国家级", "分别", "和", "、", ",", ",", "。", ";", "(", ")", "\n", "\n\n", "# ", "## ", "2024年", "今年",
          "目前", "较2021年", "601家", "600余家", "30%", "第58位", "38.97亿元", "力争", "万", "亿", "余", "第", "位",
          "12", "3.5", "一", "十", "百", "该中心", "区", "县", "旗", "新区", "截至", "年底", "--", "“", "”"]


@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=60))
def test_extraction_is_total_and_in_bounds(parts: list[str]) -> None:
    text = "".join(parts)
    doc = Document(id="x.txt", path="x.txt", text=text, encoding="utf-8")
    first = extract_document(doc)
    assert extract_document(doc) == first  # deterministic
    ids = [c.id for c in first.claims]
    assert len(ids) == len(set(ids))
    for c in first.claims:
        assert 0 <= c.span.start < c.span.end <= len(text)
        assert text[c.span.start:c.span.end] == c.quantity.text
        assert c.measure in ("level", "change", "rank", "share", "target")
        assert c.indicator
