"""The HTML report, read as text: contents follow the JSON, article text stays text, output is stable."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.engine import Run
from claimcheck.report.html import page_context, render_html
from claimcheck.report.jsonout import run_to_dict
from claimcheck.report.numberline import number_line
from claimcheck.report.snippets import diff_segments, fmt, reading, snippet
from html_factory import PWN, make_run

READINGS = tomllib.loads((Path(__file__).parent / "data" / "html" / "readings.toml").read_text("utf-8"))["case"]


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(make_run())


@pytest.mark.parametrize("case", READINGS, ids=[c["text"] for c in READINGS])
def test_reading_spells_out_the_interval(case: dict) -> None:
    got = reading(case.get("low"), case.get("high"), case.get("li", True), case.get("hi", True), case.get("value"))
    assert got == case["expect"]


@pytest.mark.parametrize("case", READINGS, ids=[c["text"] for c in READINGS])
def test_number_line_orders_the_ends(case: dict) -> None:
    claim = {"id": "x", "label": case["text"], "title": case["text"], "low": case.get("low"),
             "high": case.get("high"), "value": case.get("value"),
             "low_inclusive": case.get("li", True), "high_inclusive": case.get("hi", True)}
    line = number_line([claim])
    bar = line.bars[0]
    assert 0 <= bar.x1 <= bar.x2 <= 100
    assert bar.low_kind == ("unbounded" if case.get("low") is None else "closed" if case.get("li", True) else "open")
    assert bar.high_kind == ("unbounded" if case.get("high") is None else "closed" if case.get("hi", True) else "open")
    assert len(line.ticks) >= 2


@pytest.mark.parametrize("x, text", [(100500, "100500"), (38.97, "38.97"), (0.005, "0.005"), (1e16, "10000000000000000"),
                                     (-8.35, "-8.35"), (None, "∞")])
def test_fmt_writes_plain_numbers(x, text: str) -> None:
    assert fmt(x) == text


def test_snippet_marks_number_and_indicator_within_the_sentence() -> None:
    text = "第一句话。目前,呼和浩特市拥有国家级高新技术企业达到601家,科技型中小企业达到1200余家。下一句。"
    start = text.index("601家")
    parts = snippet(text, start, start + 4, indicator="高新技术企业")
    assert "".join(t for t, _ in parts) == "目前,呼和浩特市拥有国家级高新技术企业达到601家,科技型中小企业达到1200余家。"
    assert ("601家", "num") in parts and ("高新技术企业", "ind") in parts


def test_snippet_cuts_long_sentences_with_an_ellipsis() -> None:
    text = "甲" * 200 + "42家" + "乙" * 200
    parts = snippet(text, 200, 203, radius=10)
    assert parts[0] == ("…", "gap") and parts[-1] == ("…", "gap")
    assert "".join(t for t, c in parts if c != "gap") == "甲" * 10 + "42家" + "乙" * 10


def test_diff_segments_mark_only_the_changed_characters() -> None:
    left, right = diff_segments("科技成果转化和产业链协同", "科技成果转移和产业链协同发展")
    assert [t for t, c in left if c] == ["化"]
    assert [t for t, c in right if c] == ["移", "发展"]
    assert "".join(t for t, _ in left) == "科技成果转化和产业链协同"


def test_article_markup_is_shown_as_text(page: str) -> None:
    assert PWN not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert 'onerror="window' not in page
    # Only the page's own two script elements: the data block and the code.
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert page.count("<img") == 0


def test_embedded_json_is_the_claimcheck_json(page: str) -> None:
    raw = re.search(r'<script type="application/json" id="claimcheck-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in raw and ">" not in raw
    assert json.loads(raw) == json.loads(json.dumps(run_to_dict(make_run())))


def test_every_finding_and_group_has_an_item(page: str) -> None:
    data = run_to_dict(make_run())
    for f in data["findings"]:
        assert f'id="f-{f["fingerprint"]}"' in page
    for g in data["groups"]:
        assert f'href="#g-{g["id"]}"' in page
    # The consistent group that no finding shows gets its own item, hidden by default by the filter.
    assert 'id="g-g3"' in page and 'value="consistent">' in page


def test_conflict_item_shows_every_claim_of_the_group_first(page: str) -> None:
    first = page[page.index('<li class="item'):]
    first = first[:first.index("</li>")]
    assert "CC101" in first
    for text, read in (("601家", "x = 601"), ("600余家", "600 &lt; x &lt; 700"), ("609家", "x = 609")):
        assert f'<span class="val" lang="zh-CN">{text}</span>' in first
        assert f"<code>{read}</code>" in first
    assert first.count('class="claim hot"') == 2  # the two claims of the finding
    assert '<mark class="num">601家</mark>' in first


def test_duplicated_passage_is_shown_side_by_side_with_differences(page: str) -> None:
    item = page[page.index('data-rule="CC201"'):]
    item = item[:item.index("</li>")]
    assert item.count('<figure class="passage">') == 2
    assert '<span class="del">' in item  # the second copy is three characters shorter


def test_unbounded_interval_runs_off_with_an_arrow() -> None:
    ctx = page_context(make_run())
    group = next(it for it in ctx["items"] if it["anchor"] == "g-g3")
    bars = {b.label.split(" ")[0]: b for b in group["body"]["line"].bars}
    assert bars["突破10万P"].high_kind == "unbounded" and bars["突破10万P"].x2 == 100
    assert bars["10.1万P"].low_kind == "closed" and bars["10.1万P"].high_kind == "open"


def test_claims_not_placed_are_listed_as_not_understood(page: str) -> None:
    ctx = page_context(make_run())
    assert [q["text"] for q in ctx["unplaced"]] == ["1200余家"]
    assert "Numbers not understood <small>(1)</small>" in page


def test_csp_allows_only_the_pages_own_script_and_style(page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    for body in (script, style):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp


def test_page_loads_nothing_from_the_network(page: str) -> None:
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "@import" not in page and "url(http" not in page


def test_output_is_deterministic_and_free_of_local_paths(page: str) -> None:
    assert render_html(make_run()) == page
    assert str(Path.cwd()) not in page and "/tmp/" not in page


def test_empty_run_renders_a_page_that_says_so() -> None:
    empty = render_html(Run(documents=[], problems=[], quantities={}, claims=[], groups=[], findings=[]))
    assert "Nothing to report" in empty and '<ol class="items" id="items">' in empty


def test_templates_ship_inside_the_package() -> None:
    folder = files("claimcheck.report") / "templates"
    names = {p.name for p in folder.iterdir()}
    assert {"report.html.j2", "_macros.html.j2", "report.css", "report.js"} <= names


@pytest.mark.parametrize("tick, label", [("2800000000", "28亿"), ("100500", "10.05万"), ("30000", "3万"),
                                         ("600", "600"), ("0.5", "0.5"), ("-20000", "-2万")])
def test_tick_labels_use_wan_and_yi(tick: str, label: str) -> None:
    from decimal import Decimal

    from claimcheck.report.numberline import _tick_label

    assert _tick_label(Decimal(tick)) == label


def test_a_rounding_interval_too_narrow_to_see_is_drawn_as_a_dot() -> None:
    common = {"label": "", "title": "", "low_inclusive": True, "high_inclusive": False}
    line = number_line([{**common, "id": "a", "low": 2740500000, "high": 2741500000, "value": 2741000000},
                        {**common, "id": "b", "low": 3000000000, "high": None, "value": 3000000000}])
    assert line.bars[0].point and not line.bars[1].point


def test_groups_beyond_the_cap_are_left_to_the_json(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.report.html as html

    monkeypatch.setattr(html, "MAX_GROUP_ITEMS", 1)
    ctx = html.page_context(make_run())
    assert ctx["left_out"] == 1
    assert [it["anchor"] for it in ctx["items"] if it["kind"] == "group"] == ["g-g2"]  # the timeline first
    assert "1 more group of two or more claims" in html.render_html(make_run())


def test_boilerplate_shows_a_few_pairs_and_lists_the_other_places() -> None:
    from dataclasses import replace

    from claimcheck.model import Span

    run = make_run()
    spans = tuple(Span(name, 0, 8) for name in ("a.txt", "b.txt", "c.txt")) * 3
    boiler = replace(run.findings[-1], rule="CC202", severity="info", spans=spans, fingerprint="b0")
    run.findings.append(boiler)
    page = render_html(run)
    item = page[page.index('id="f-b0"'):]
    item = item[:item.index("</details>")]
    assert item.count('<div class="pair">') == 4
    assert item.count("<li><span class=\"where\"") == 4


def test_unreadable_file_finding_names_the_file() -> None:
    from claimcheck.engine import fingerprint
    from claimcheck.model import Finding, InputProblem, Span

    run = make_run()
    run.problems.append(InputProblem("corpus/broken.bin", "is not text (binary data)"))
    run.findings.append(Finding("CC901", "error", "corpus/broken.bin is not text (binary data)",
                                (Span("corpus/broken.bin", 0, 0),), (), {"path": "corpus/broken.bin"},
                                fingerprint("CC901", ("corpus/broken.bin",))))
    page = render_html(run)
    assert "Unreadable files" in page
    assert '<span class="where">corpus/broken.bin:1:1</span>' in page
    assert "not read: is not text (binary data)" in page


_MARKUP = ["<script>", "</script>", "<img src=x onerror=alert(1)>", "<!--", "]]>", "&amp;", '"', "'", "</textarea>",
           "\u2028", "<svg onload=1>", "{{ 7*7 }}", "{% raw %}", "中文", "601家", "\n"]


@given(st.lists(st.sampled_from(_MARKUP) | st.text(max_size=5), min_size=1, max_size=30))
def test_any_article_text_stays_text(pieces: list[str]) -> None:
    from claimcheck.engine import fingerprint
    from claimcheck.model import Document, Finding, Span

    text = "".join(pieces)
    doc = Document(id="x.txt", path="x<u>.txt", text=text + text, encoding="utf-8")
    spans = (Span("x.txt", 0, len(text)), Span("x.txt", len(text), 2 * len(text)))
    dup = Finding("CC201", "warning", text, spans, (), {"note": text}, fingerprint("CC201", (text,)))
    page = render_html(Run(documents=[doc], problems=[], quantities={}, claims=[], groups=[], findings=[dup]))
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "<img" not in page and "<svg onload" not in page and "<u>" not in page and "<!--" not in page
    raw = re.search(r'<script type="application/json" id="claimcheck-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(raw)["findings"][0]["message"] == text
