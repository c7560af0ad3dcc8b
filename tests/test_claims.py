"""Claims read from single sentences: indicator, entity, measure, period and base, as data."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from claimcheck.extract.claims import extract_document
from claimcheck.extract.periods import comparable, document_date
from claimcheck.model import Claim, Document, Period

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "fixtures" / "claims" / "cases.toml").read_text("utf-8"))["case"]
FIELDS = ("indicator", "entity", "measure", "base")


def _claim(case: dict[str, Any]) -> Claim | None:
    doc = Document(id=case.get("doc", "a.txt"), path=case.get("doc", "a.txt"), text=case["text"], encoding="utf-8")
    found = [c for c in extract_document(doc).claims if c.quantity.text == case["number"]]
    return found[0] if found else None


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{c['number']}" for i, c in enumerate(CASES)])
def test_claim(case: dict[str, Any]) -> None:
    claim = _claim(case)
    if case.get("absent"):
        assert claim is None
        return
    assert claim is not None, f"no claim for {case['number']}"
    got = {k: getattr(claim, k) or "" for k in FIELDS if k in case}  # base "" = no base
    if "period" in case:
        got["period"] = claim.period.label
    assert got == {k: case[k] for k in (*FIELDS, "period") if k in case}


def test_claim_ids_and_spans_are_deterministic() -> None:
    text = "呼和浩特市高新技术企业达到601家,科技型中小企业达到852家。"
    doc = Document(id="x/a.txt", path="x/a.txt", text=text, encoding="utf-8")
    claims = extract_document(doc).claims
    assert [c.id for c in claims] == ["x/a.txt#1", "x/a.txt#2"]
    assert [text[c.span.start:c.span.end] for c in claims] == ["601家", "852家"]


@pytest.mark.parametrize(("text", "doc_id", "expected"), [
    ("---\ntitle: x\ndate: 2025-03-01\n---\n正文", "a.md", ("2025-03-01", "front-matter")),
    ("标题\n网信回民区\n2025-01-17 12:04\n来源:澎湃新闻", "a.txt", ("2025-01-17", "dateline")),
    ("标题\n 作者: 2024/01/25 10:20 0收藏", "a.txt", ("2024-01-25", "dateline")),
    ("标题\n2023年5月8日 09:30\n正文", "a.txt", ("2023-05-08", "dateline")),
    ("正文没有日期。", "news/20230113_x.txt", ("2023-01-13", "filename")),
    ("正文没有日期。", "2023-01-13-report.md", ("2023-01-13", "filename")),
    ("正文没有日期。", "001_b0bbc6f41759bae2.txt", (None, None)),
    ("2025年1月,赛迪顾问发布榜单,呼和浩特上榜,这是一段很长的正文而不是日期行。", "a.txt", (None, None)),
])
def test_document_date(text: str, doc_id: str, expected: tuple[str | None, str | None]) -> None:
    assert document_date(text, doc_id) == expected


@pytest.mark.parametrize(("a", "b", "same"), [
    (Period("unknown"), Period("2024年", "2024-01-01", "2024-12-31", "explicit"), True),
    (Period("2025年", "2025-01-01", "2025-12-31"), Period("十四五时期", "2021-01-01", "2025-12-31"), True),
    (Period("2024年", "2024-01-01", "2024-12-31"), Period("2025年", "2025-01-01", "2025-12-31"), False),
    (Period("截至2025-01-17", "2025-01-17", "2025-01-17"), Period("2024年", "2024-01-01", "2024-12-31"), False),
    (Period("2021年以来", "2021-01-01", None, "unknown"), Period("2025年", "2025-01-01", "2025-12-31"), False),
    (Period("2021年以来", "2021-01-01", None, "unknown"), Period("十四五时期", "2021-01-01", "2025-12-31"), True),
    (Period("2021年以来", "2021-01-01", None, "unknown"), Period("目前"), True),
])
def test_comparable_periods(a: Period, b: Period, same: bool) -> None:
    assert comparable(a, b) is same
