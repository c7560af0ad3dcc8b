"""HTML context snippets: the whole sentence around a claim, across hard line breaks, shown as ⏎."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.report.snippets import BREAK, snippet

CASES = tomllib.loads((Path(__file__).parent / "data" / "html" / "snippets.toml").read_text("utf-8"))["case"]
_MARKS = {"num": "[{}]", "ind": "{{{}}}", "gap": "{}", "": "{}"}


def _shown(parts: list[tuple[str, str]]) -> str:
    return "".join(_MARKS[cls].format(text) for text, cls in parts)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_snippet_cases(case: dict) -> None:
    start = case["text"].index(case["number"])
    parts = snippet(case["text"], start, start + len(case["number"]), case.get("indicator", ""),
                    radius=case.get("radius", 60))
    assert _shown(parts) == case["expect"]


def test_the_break_sign_is_plain_text_in_the_page() -> None:
    """⏎ is a character of the segment, so the template escapes and marks it like the rest."""
    from claimcheck.report.html import _env

    text = "呼和浩特市拥有国家高新技术企业\n601家。"
    start = text.index("601")
    parts = snippet(text, start, start + 4, "高新技术企业")
    html = _env().get_template("_macros.html.j2").module.segments(parts)
    assert str(html) == '呼和浩特市拥有国家<span class="ind">高新技术企业</span>⏎<mark class="num">601家</mark>。'


_TEXT = st.text(alphabet="甲乙企业家12。,\n  #-", min_size=1, max_size=80)


@given(_TEXT, st.data())
def test_any_span_gives_one_marked_number_and_a_contiguous_piece(text: str, data) -> None:
    solid = [i for i, ch in enumerate(text) if not ch.isspace()]
    if not solid:
        return
    start = data.draw(st.sampled_from(solid))
    end = data.draw(st.sampled_from([i + 1 for i in solid if i >= start]))
    parts = snippet(text, start, end, radius=data.draw(st.integers(1, 40)))
    fold = lambda s: re.sub(r"[ \t\r\u3000\xa0]*\n[ \t\r\u3000\xa0]*", BREAK, s)  # noqa: E731
    assert [t for t, c in parts if c == "num"] == [fold(text[start:end])]
    assert not any("\n" in t for t, _ in parts)
    body = "".join(t for t, c in parts if c != "gap")
    assert body in fold(text)
    assert not body.startswith(BREAK) and not body.endswith(BREAK)
